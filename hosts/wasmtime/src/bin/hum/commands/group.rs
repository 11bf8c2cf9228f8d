//! `hum group new|add|remove|root|proof` over a group JSON file
//! (`{ "version": 1, "depth": 20, "members": ["0x…", …] }`).

use std::path::Path;

use anyhow::{anyhow, Context};
use hum_core::{
    field::{fr_to_hex, parse_fr},
    Fr, Group,
};
use serde_json::json;

use super::{read_input, write_output};
use crate::{
    cli::{GroupCommand, MemberRef},
    error::{bad_input, core_failure, Failure},
    output::Report,
};

/// Runs one `hum group` command.
pub fn run(command: &GroupCommand) -> Result<Report, Failure> {
    match command {
        GroupCommand::New { out, depth, members } => new(out, *depth, members.as_deref()),
        GroupCommand::Add { group, members } => {
            let mut g = read_group(group)?;
            let members = members.iter().map(|m| member("--member", m)).collect::<Result<Vec<_>, _>>()?;
            let first = g.add_many(&members).map_err(core_failure)?;
            save(group, &g)?;
            Ok(summary(&g, json!({ "added": members.len(), "first_index": first })))
        }
        GroupCommand::Remove { group, which } => {
            let mut g = read_group(group)?;
            let index = index_of(&g, which)?;
            g.remove(index).map_err(core_failure)?;
            save(group, &g)?;
            Ok(summary(&g, json!({ "removed": index })))
        }
        GroupCommand::Root { group } => Ok(summary(&read_group(group)?, json!({}))),
        GroupCommand::Proof { group, which, out } => {
            let g = read_group(group)?;
            let proof = g.merkle_proof(index_of(&g, which)?).map_err(core_failure)?;
            let text = serde_json::to_string_pretty(&proof)? + "\n";
            match out {
                Some(path) => {
                    write_output(path, text.as_bytes())?;
                    Ok(Report::ok(
                        json!({ "out": path, "index": proof.index, "root": proof.root }),
                        [format!("wrote {} (member {} of root {})", path.display(), proof.index, proof.root)],
                    ))
                }
                None => {
                    Ok(Report { json: serde_json::to_value(&proof)?, text: vec![text.trim_end().to_string()], code: 0 })
                }
            }
        }
    }
}

fn member(flag: &str, text: &str) -> Result<Fr, Failure> {
    parse_fr(text.trim()).map_err(|reason| bad_input(anyhow!("{flag} {reason}")))
}

fn new(out: &Path, depth: usize, members: Option<&Path>) -> Result<Report, Failure> {
    if out.exists() {
        return Err(bad_input(anyhow!("{} exists: `hum group add` changes a group file", out.display())));
    }
    let list = match members {
        None => Vec::new(),
        Some(path) => {
            let text = String::from_utf8(read_input(path)?)
                .map_err(|_| bad_input(anyhow!("{} is not UTF-8", path.display())))?;
            text.lines()
                .enumerate()
                .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
                .map(|(n, line)| member(&format!("{} line {}:", path.display(), n + 1), line))
                .collect::<Result<Vec<_>, _>>()?
        }
    };
    let group = Group::with_members(depth, &list).map_err(core_failure)?;
    save(out, &group)?;
    Ok(summary(&group, json!({ "out": out })))
}

/// Reads a group file; failures are bad input.
pub fn read_group(path: &Path) -> Result<Group, Failure> {
    Group::from_json(&read_input(path)?, None).map_err(|e| bad_input(anyhow!("{}: {e}", path.display())))
}

/// Writes a group file atomically (a temporary file renamed over it), so a failure loses nothing.
fn save(path: &Path, group: &Group) -> Result<(), Failure> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "group".into());
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&temporary, group.to_json()).with_context(|| format!("cannot write {}", temporary.display()))?;
    std::fs::rename(&temporary, path).with_context(|| format!("cannot replace {}", path.display()))?;
    Ok(())
}

fn index_of(group: &Group, which: &MemberRef) -> Result<u64, Failure> {
    match (which.index, &which.member) {
        (Some(index), _) => Ok(index),
        (None, Some(text)) => {
            let m = member("--member", text)?;
            group.index_of(&m).ok_or_else(|| bad_input(anyhow!("--member {text} is not a member of this group")))
        }
        (None, None) => Err(bad_input(anyhow!("name the member with --index or --member"))),
    }
}

fn summary(group: &Group, mut extra: serde_json::Value) -> Report {
    let root = fr_to_hex(&group.root());
    extra["root"] = root.clone().into();
    extra["depth"] = group.depth().into();
    extra["leaves"] = group.len().into();
    Report::ok(extra, [root])
}
