//! The component's embedded WIT is `wit/hum.wit`: the `hum:prover` package decoded from the
//! component has the same interfaces, each with the same items, as the one parsed from `wit/`
//! (compared printed, item by item: a component carries no docs and lists its types in the order
//! they are used; the world is a component's own imports and exports, checked by `component.rs`).
//! `HUM_RELEASE_COMPONENT` names a released file to check instead of the built one
//! (`tests/consumers/run.sh` checks both of `dist/component/`).

mod common;

use wit_component::{DecodedWasm, WitPrinter};
use wit_parser::Resolve;

/// The `hum:prover` package of `resolve`, printed without docs, as its items: `(interface,
/// the item's lines)`, sorted. Worlds are left out.
fn items(resolve: &Resolve) -> Vec<(String, String)> {
    let (id, _) = resolve
        .packages
        .iter()
        .find(|(_, p)| p.name.namespace == "hum" && p.name.name == "prover")
        .expect("a hum:prover package");
    let mut printer = WitPrinter::default();
    printer.emit_docs(false);
    printer.print(resolve, id, &[]).expect("prints");
    let text = printer.output.to_string();
    let (mut items, mut scope, mut item) = (Vec::new(), String::new(), Vec::new());
    for line in text.lines().chain([""]) {
        if let Some(name) = line.strip_prefix("interface ").or_else(|| line.strip_prefix("world ")) {
            scope = name.trim_end_matches(" {").to_string();
        } else if line.trim().is_empty() || line == "}" {
            if !item.is_empty() && !scope.starts_with("prover-component") {
                items.push((scope.clone(), item.join("\n")));
            }
            item.clear();
        } else {
            item.push(line);
        }
    }
    items.sort();
    items
}

#[test]
fn the_component_embeds_the_wit_package_of_wit() {
    let path = std::env::var_os("HUM_RELEASE_COMPONENT").map(Into::into).unwrap_or_else(common::component_path);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let DecodedWasm::Component(embedded, _) = wit_component::decode(&bytes).expect("a component") else {
        panic!("{} is not a component", path.display())
    };
    let mut expected = Resolve::default();
    expected.push_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../wit")).expect("wit/ parses");
    let (expected, embedded) = (items(&expected), items(&embedded));
    assert!(expected.len() > 30 && expected.iter().any(|(scope, _)| scope == "prover"), "{expected:?}");
    assert_eq!(embedded, expected, "{} embeds another WIT than wit/hum.wit", path.display());
}
