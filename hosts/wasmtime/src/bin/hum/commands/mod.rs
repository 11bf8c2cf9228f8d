//! Every command, one module each, and what they share: the orchestrator, the key cache and the
//! SRS flags.

mod demo;
mod evm;
mod group;
mod identity;
mod keygen;
mod params;
mod prove;
mod seal;
mod verify;

use std::{path::Path, sync::Arc, time::Duration};

use anyhow::{anyhow, Context};
use hum_host::{
    runtime::default_component_path, Flavour, InitRequest, KeyCache, OrchestratorConfig, ProverOrchestrator, Runtime,
    SrsChoice,
};
use sha2::{Digest, Sha256};

use crate::{
    cli::{Cli, Command, Commitment, Global, IdentityCommand, ParamsCommand, SrsArgs, VerifierCommand},
    error::{bad_input, host_failure, Failure},
    output::Report,
};

/// Runs the command line's command.
pub fn run(cli: Cli) -> Result<Report, Failure> {
    let g = cli.global;
    match cli.command {
        Command::Demo { depth, srs } => demo::run(&g, depth, &srs),
        Command::Prove { member, witness, out, evm, srs } => {
            let flavour = if evm { Flavour::Evm } else { Flavour::Standard };
            prove::run(&g, &member, witness.as_deref(), &out, flavour, &srs)
        }
        Command::Identity(IdentityCommand::New { out, seed_file }) => identity::new(&out, seed_file.as_deref()),
        Command::Identity(IdentityCommand::Commitment { file }) => identity::commitment(&file),
        Command::Group(command) => group::run(&command),
        Command::Verify { file, depth, srs, root, action, action_id, group } => {
            // `--group`: the group's depth and root are the expectations.
            let (depth, root) = match &group {
                Some(path) => {
                    let g = group::read_group(path)?;
                    (g.depth(), Some(hum_core::field::fr_to_hex(&g.root())))
                }
                None => (depth, root),
            };
            let expect = verify::Expectations { depth, root, action, action_id };
            verify::run(&g, &file, &srs, &expect)
        }
        Command::Verifier(VerifierCommand::Solidity { depth, srs, out }) => evm::solidity(&g, depth, &srs, &out),
        Command::Calldata { file } => evm::calldata(&file),
        Command::Keygen { depth, out, srs } => keygen::run(&g, depth, out.as_deref(), &srs),
        Command::Params(ParamsCommand::Import { ptau, k, out }) => params::import(&g, &ptau, k, &out),
        Command::Params(ParamsCommand::Dev { depth, out }) => params::dev(&g, depth, &out),
        Command::Keypair { out } => seal::keypair(&out),
        Command::Seal { to, input, out, aad } => seal::seal(&to, &input, &out, &aad),
        Command::Open { key, input, out, aad } => seal::open(&key, &input, &out, &aad),
    }
}

/// The key cache: `--cache-dir`, else `$HUM_CACHE_DIR`, else the platform's.
fn cache(g: &Global) -> KeyCache {
    g.cache_dir.clone().map(KeyCache::new).unwrap_or_else(KeyCache::platform_default)
}

/// An orchestrator over the component of `--component` (or the default one).
fn orchestrator(g: &Global) -> Result<ProverOrchestrator, Failure> {
    let path = g
        .component
        .clone()
        .or_else(default_component_path)
        .ok_or_else(|| anyhow!("cannot find hum_component.wasm: build it with `cargo build --release --target wasm32-wasip2 -p hum-component` or pass --component"))?;
    let cache = cache(g);
    let runtime: Arc<Runtime> = Runtime::load(&path, Some(cache.dir())).map_err(host_failure)?;
    Ok(ProverOrchestrator::new(
        runtime,
        OrchestratorConfig {
            memory_limit: g.memory_limit_mib << 20,
            timeout: g.timeout.map(Duration::from_secs),
            cache: Some(cache),
            ..OrchestratorConfig::default()
        },
    ))
}

/// Reads a file the user named; a failure is bad input.
fn read_input(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display())).map_err(bad_input)
}

/// Writes a file the user named.
fn write_output(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// What `init` is asked for by the flags, at `depth`.
fn init_request(args: &SrsArgs, depth: usize) -> Result<InitRequest, Failure> {
    Ok(InitRequest { depth, srs: srs_choice(args, false)? })
}

/// The setup the flags choose: by default hum's transparent generators (IPA); `--srs FILE`
/// (pinned by `--srs-hash`, required when `pinned`) a ceremony's KZG SRS; `--insecure-dev-srs`
/// the dev SRS. A flag that does not fit the scheme is refused, never ignored.
fn srs_choice(args: &SrsArgs, pinned: bool) -> Result<SrsChoice, Failure> {
    let refuse = |message: &str| Err(bad_input(anyhow!("{message}")));
    if args.srs.is_none() && args.srs_hash.is_some() {
        return refuse("--srs-hash needs --srs");
    }
    // The messages share their words with the npm package's `chosenScheme`
    // (tests/vectors/setup-choices.json is the table both replay).
    match (args.commitment, &args.srs, args.insecure_dev_srs) {
        (_, Some(_), true) => refuse("--srs and --insecure-dev-srs are two SRSs: choose one"),
        (Some(Commitment::Ipa), Some(_), _) => {
            refuse("--srs is a KZG SRS: the ipa scheme needs none (drop --srs, or use --commitment kzg)")
        }
        (Some(Commitment::Ipa), None, true) => {
            refuse("--insecure-dev-srs is a KZG SRS: the ipa scheme needs none (drop one of the two)")
        }
        (Some(Commitment::Kzg), None, false) => refuse(
            "the kzg scheme needs an SRS: --srs FILE --srs-hash HASH (a ceremony's, from `hum params import`), \
             or --insecure-dev-srs for tests; or drop --commitment for ipa, which needs none",
        ),
        (None | Some(Commitment::Ipa), None, false) => Ok(SrsChoice::Transparent),
        (_, None, true) => Ok(SrsChoice::InsecureDev),
        (_, Some(path), _) => {
            let bytes = read_input(path)?;
            let hash =
                match &args.srs_hash {
                    Some(text) => hum_core::srs::parse_hash(text).map_err(bad_input)?,
                    None if pinned => return refuse(
                        "--srs needs --srs-hash: a verifier pins the SRS it accepts (`hum params import` prints it)",
                    ),
                    None => Sha256::digest(&bytes).into(),
                };
            Ok(SrsChoice::Pinned { bytes, hash })
        }
    }
}
