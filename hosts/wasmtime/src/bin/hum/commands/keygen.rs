//! `hum keygen`: generate (or load) the keys for a depth into the key cache.

use std::path::Path;

use hum_host::verifier::{load_keys, load_srs};
use serde_json::json;

use super::{cache, init_request, orchestrator, srs_choice, write_output};
use crate::{
    cli::{Global, SrsArgs},
    error::{bad_input, core_failure, host_failure, Failure},
    output::Report,
    progress::insecure_warning,
};

/// Runs `hum keygen`.
pub fn run(g: &Global, depth: usize, out: Option<&Path>, srs: &SrsArgs) -> Result<Report, Failure> {
    let request = init_request(srs, depth)?;
    let orchestrator = orchestrator(g)?;
    let init = orchestrator.init(request).wait().map_err(host_failure)?;
    insecure_warning(&init.circuit, g.json);
    if let Some(out) = out {
        // The keys the orchestrator just cached, loaded natively (the one key-cache policy).
        let cache = cache(g);
        let srs = load_srs(&srs_choice(srs, false)?, init.circuit.k, Some(&cache)).map_err(bad_input)?;
        let keys = load_keys(&srs, depth, Some(&cache)).map_err(core_failure)?;
        write_output(out, &keys.to_bytes())?;
    }
    let c = &init.circuit;
    Ok(Report::ok(
        json!({ "circuit": c.id, "depth": depth, "k": c.k, "srs": c.srs, "from_cache": init.from_cache,
                "init_ms": init.total_ms, "insecure_dev_srs": c.insecure_dev_srs }),
        [format!(
            "keys for {} ({} in {} ms)",
            c.id,
            if init.from_cache { "loaded from cache" } else { "generated" },
            init.total_ms
        )],
    ))
}
