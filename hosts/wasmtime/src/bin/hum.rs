//! `hum`: prove membership with a one-time nullifier, through the isolated prover component.
//!
//! Exit codes: 0 success (for `verify`: valid), 1 failure (for `verify`: invalid, or for another
//! circuit than the one the verifier accepts), 2 bad input.

use std::{
    io::IsTerminal,
    path::{Path, PathBuf},
    process::ExitCode,
    sync::Arc,
    time::{Duration, Instant},
};

use anyhow::{anyhow, Context};
use clap::{Args, Parser, Subcommand};
use hum_core::{field::fr_to_hex, poseidon2::hash1, tree::MerkleTree, Fr, Srs, VerifyPolicy, Witness};
use hum_host::{
    runtime::default_component_path,
    verifier::{load_keys, load_srs},
    wit, HostError, InitRequest, KeyCache, NativeVerifier, Notification, OrchestratorConfig, ProverOrchestrator,
    Runtime, SrsChoice,
};
use indicatif::{ProgressBar, ProgressStyle};
use rand_core::{OsRng, RngCore};
use serde_json::json;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

#[derive(Parser)]
#[command(name = "hum", version, about = "Client-side zero-knowledge membership proofs with a one-time nullifier")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    global: Global,
}

#[derive(Args, Clone)]
struct Global {
    /// Print machine-readable JSON on stdout instead of text.
    #[arg(long, global = true)]
    json: bool,
    /// The prover component (default: $HUM_COMPONENT, then beside this executable).
    #[arg(long, global = true, value_name = "FILE")]
    component: Option<PathBuf>,
    /// Key cache directory (default: $HUM_CACHE_DIR, then the platform cache dir).
    #[arg(long, global = true, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
    /// Memory limit of the prover instance in MiB (raised automatically after an OOM).
    #[arg(long, global = true, default_value_t = 256)]
    memory_limit_mib: usize,
    /// Give up on a command after this many seconds.
    #[arg(long, global = true)]
    timeout: Option<u64>,
}

#[derive(Args, Clone, Default)]
struct SrsArgs {
    /// halo2 KZG params file (from `hum params import`); default: the INSECURE dev SRS.
    #[arg(long, value_name = "FILE")]
    srs: Option<PathBuf>,
    /// The SRS hash to pin (`sha256:` + 64 hex digits); a mismatch fails before any work.
    #[arg(long, value_name = "HASH")]
    srs_hash: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Make a fresh identity in a small tree padded to depth 20; prove, verify, print timings.
    Demo {
        /// Tree depth.
        #[arg(long, default_value_t = 20)]
        depth: usize,
    },
    /// Prove a witness file (SPEC §7 JSON) and write the proof JSON.
    Prove {
        /// The witness JSON file.
        #[arg(long, value_name = "FILE")]
        witness: PathBuf,
        /// Where to write the proof JSON.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[command(flatten)]
        srs: SrsArgs,
    },
    /// Verify a proof JSON file for the circuit you accept: exit 0 valid, 1 invalid or for
    /// another circuit, 2 bad input. Nothing about the circuit is taken from the file.
    Verify {
        /// The proof JSON file.
        file: PathBuf,
        /// The tree depth of your group: it selects the circuit the proof must be for.
        #[arg(long, default_value_t = 20)]
        depth: usize,
        #[command(flatten)]
        srs: SrsArgs,
        /// The root the proof must have (0x-hex): a root you published for your group.
        #[arg(long, value_name = "ROOT")]
        root: Option<String>,
        /// The action id the proof must be for (0x-hex).
        #[arg(long, value_name = "ACTION_ID")]
        action_id: Option<String>,
        /// Accept proofs made with the INSECURE dev SRS (anyone can forge them): development only.
        #[arg(long)]
        allow_insecure_dev_srs: bool,
    },
    /// Generate (or load) the keys for a depth and store them in the key cache.
    Keygen {
        /// Tree depth.
        #[arg(long, default_value_t = 20)]
        depth: usize,
        /// Also write the key bytes here.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[command(flatten)]
        srs: SrsArgs,
    },
    /// SRS parameters: import a snarkjs .ptau, or write the insecure dev SRS.
    #[command(subcommand)]
    Params(ParamsCommand),
    /// Make a P-256 key pair for hum-seal-v1 (the file is written 0600).
    Keypair {
        /// Where to write `{ "public_key", "secret_key" }`.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Seal a file to a P-256 public key (hum-seal-v1).
    Seal {
        /// The recipient's public key, 0x + 130 hex digits (uncompressed SEC1).
        #[arg(long, value_name = "PUBKEY")]
        to: String,
        /// The plaintext file.
        #[arg(long = "in", value_name = "FILE")]
        input: PathBuf,
        /// Where to write the envelope.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Additional authenticated data (UTF-8).
        #[arg(long, default_value = "")]
        aad: String,
    },
    /// Open a hum-seal-v1 envelope with a key file from `hum keypair`.
    Open {
        /// The key file.
        #[arg(long, value_name = "FILE")]
        key: PathBuf,
        /// The envelope file.
        #[arg(long = "in", value_name = "FILE")]
        input: PathBuf,
        /// Where to write the plaintext.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Additional authenticated data (UTF-8).
        #[arg(long, default_value = "")]
        aad: String,
    },
}

#[derive(Subcommand)]
enum ParamsCommand {
    /// Import a snarkjs .ptau (Perpetual Powers of Tau) as halo2 KZG params of size 2^K.
    Import {
        /// The .ptau file.
        #[arg(long, value_name = "FILE")]
        ptau: PathBuf,
        /// log2 of the rows (10 for depth 20; see `hum params import --help`).
        #[arg(long)]
        k: u32,
        /// Where to write the params.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Write the INSECURE dev SRS for a depth (development only: its toxic waste is public).
    Dev {
        /// Tree depth.
        #[arg(long, default_value_t = 20)]
        depth: usize,
        /// Where to write the params.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

/// An error with its exit code: 2 for bad input, 1 otherwise.
struct Failure {
    code: u8,
    error: anyhow::Error,
}

fn bad_input(error: impl Into<anyhow::Error>) -> Failure {
    Failure { code: 2, error: error.into() }
}

impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(error: E) -> Self {
        Failure { code: 1, error: error.into() }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(f) => {
            eprintln!("hum: error: {:#}", f.error);
            ExitCode::from(f.code)
        }
    }
}

fn run(cli: Cli) -> Result<u8, Failure> {
    let g = cli.global.clone();
    match cli.command {
        Command::Demo { depth } => demo(&g, depth),
        Command::Prove { witness, out, srs } => prove_file(&g, &witness, &out, &srs),
        Command::Verify { file, depth, srs, root, action_id, allow_insecure_dev_srs } => {
            let expect = Expectations { depth, root, action_id, allow_insecure_dev_srs };
            verify_file(&g, &file, &srs, &expect)
        }
        Command::Keygen { depth, out, srs } => keygen(&g, depth, out.as_deref(), &srs),
        Command::Params(ParamsCommand::Import { ptau, k, out }) => params_import(&g, &ptau, k, &out),
        Command::Params(ParamsCommand::Dev { depth, out }) => {
            let k = hum_core::keys::checked_k(depth).map_err(bad_input)?;
            let srs = Srs::insecure_dev(k);
            std::fs::write(&out, srs.to_bytes()).with_context(|| format!("cannot write {}", out.display()))?;
            if !g.json {
                eprintln!("hum: WARNING: this is the INSECURE dev SRS (development only)");
            }
            println!("{}", hum_core::srs::format_hash(srs.hash()));
            Ok(0)
        }
        Command::Keypair { out } => keypair(&g, &out),
        Command::Seal { to, input, out, aad } => seal(&g, &to, &input, &out, &aad),
        Command::Open { key, input, out, aad } => open(&g, &key, &input, &out, &aad),
    }
}

fn cache(g: &Global) -> KeyCache {
    g.cache_dir.clone().map(KeyCache::new).unwrap_or_else(KeyCache::platform_default)
}

fn orchestrator(g: &Global) -> Result<ProverOrchestrator, Failure> {
    let path = g
        .component
        .clone()
        .or_else(default_component_path)
        .ok_or_else(|| anyhow!("cannot find hum_component.wasm: build it with `cargo build --release --target wasm32-wasip2 -p hum-component` or pass --component"))?;
    let cache = cache(g);
    let runtime: Arc<Runtime> = Runtime::load(&path, Some(cache.dir()))?;
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

fn read_srs(args: &SrsArgs) -> Result<(Option<Vec<u8>>, Option<String>), Failure> {
    match (&args.srs, &args.srs_hash) {
        (Some(path), hash) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display())).map_err(bad_input)?;
            Ok((Some(bytes), hash.clone()))
        }
        (None, Some(_)) => Err(bad_input(anyhow!("--srs-hash needs --srs"))),
        (None, None) => Ok((None, None)),
    }
}

fn host_failure(e: HostError) -> Failure {
    let code = match e.code() {
        Some(
            wit::ErrorCode::InvalidWitness
            | wit::ErrorCode::InvalidArgument
            | wit::ErrorCode::InvalidSrs
            | wit::ErrorCode::InvalidKey
            | wit::ErrorCode::InvalidProof,
        ) => 2,
        _ => 1,
    };
    Failure { code, error: anyhow!(e) }
}

/// Shows progress: a bar on a terminal, plain lines otherwise, nothing with --json.
fn watch(orchestrator: &ProverOrchestrator, json: bool) -> std::thread::JoinHandle<()> {
    let rx = orchestrator.subscribe();
    let bar = (!json && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(100);
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg:<28} [{bar:40}] {pos:>3}%")
                .expect("valid template")
                .progress_chars("=> "),
        );
        bar
    });
    std::thread::spawn(move || {
        for n in rx {
            match (&bar, n) {
                (Some(bar), Notification::Progress { stage, percent }) => {
                    bar.set_message(stage_name(stage));
                    bar.set_position(percent as u64);
                    if percent == 100 {
                        bar.finish_and_clear();
                    }
                }
                (Some(bar), Notification::State(s)) => bar.set_message(format!("{s:?}").to_lowercase()),
                (None, Notification::Progress { stage, percent }) if !json => {
                    eprintln!("progress: {:>3}% {}", percent, stage_name(stage))
                }
                (_, Notification::Restarted { reason, memory_limit }) if !json => {
                    eprintln!("hum: prover restarted ({reason:?}), memory limit now {} MiB", memory_limit >> 20)
                }
                (_, Notification::CacheEntryDiscarded) if !json => {
                    eprintln!("hum: a corrupted key-cache entry was discarded; regenerating keys")
                }
                _ => {}
            }
        }
    })
}

fn stage_name(stage: wit::Stage) -> &'static str {
    match stage {
        wit::Stage::Synthesis => "synthesis",
        wit::Stage::AdviceCommitments => "advice commitments",
        wit::Stage::Permutation => "permutation",
        wit::Stage::Quotient => "quotient",
        wit::Stage::Evaluations => "evaluations",
        wit::Stage::Openings => "openings",
        wit::Stage::Done => "done",
    }
}

fn insecure_warning(circuit: &wit::CircuitInfo, json: bool) {
    if circuit.insecure_dev_srs && !json {
        eprintln!("hum: WARNING: INSECURE dev SRS (its toxic waste is public): proofs made with it prove nothing. Use --srs with real ceremony params.");
    }
}

fn demo(g: &Global, depth: usize) -> Result<u8, Failure> {
    if !(1..=32).contains(&depth) {
        return Err(bad_input(anyhow!("--depth must be 1..=32")));
    }
    let mut secret_bytes = Zeroizing::new([0u8; 32]);
    OsRng.fill_bytes(secret_bytes.as_mut());
    secret_bytes[0] &= 0x1f; // below p
    let secret = Zeroizing::new(format!("0x{}", hex::encode(secret_bytes.as_ref())));
    let secret_fr = hum_core::field::parse_fr(&secret).map_err(|e| anyhow!("demo secret: {e}"))?;
    // Our identity is member 2 of 5; the others are random leaves.
    let mut leaves: Vec<Fr> = (0..5u64).map(|i| hash1(Fr::from(1000 + i + OsRng.next_u64() % 1000))).collect();
    let index = 2u64;
    leaves[index as usize] = hash1(secret_fr);
    let tree = MerkleTree::new(depth, &leaves);
    let witness = Witness {
        secret: secret.to_string(),
        index,
        siblings: tree.siblings(index).iter().map(fr_to_hex).collect(),
        action_id: fr_to_hex(&Fr::from(2026)),
        message_hash: fr_to_hex(&hash1(Fr::from(42))),
        root: Some(fr_to_hex(&tree.root())),
    };

    let orchestrator = orchestrator(g)?;
    let watcher = watch(&orchestrator, g.json);
    let init = orchestrator.init(InitRequest { depth, ..InitRequest::default() }).wait().map_err(host_failure)?;
    insecure_warning(&init.circuit, g.json);
    let started = Instant::now();
    let result = orchestrator.prove_blocking(&witness).map_err(host_failure)?;
    let prove_wall = started.elapsed();
    // The demo runs on the dev SRS, so its verifier opts in to it (and says so below).
    let policy = VerifyPolicy { allow_insecure_dev_srs: true, ..VerifyPolicy::for_depth(depth) };
    let verdict = orchestrator.verify_result(&result, &policy).wait().map_err(host_failure)?;
    let rejection = verdict.rejection.as_ref().map(|r| r.message.clone());
    let verdict = verdict.valid;
    drop(orchestrator);
    let _ = watcher.join();
    if g.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({
                "valid": verdict,
                "rejection": rejection,
                "root": result.public_inputs.root,
                "nullifier": result.public_inputs.nullifier,
                "action_id": result.public_inputs.action_id,
                "message_hash": result.public_inputs.message_hash,
                "proof_bytes": result.proof.len(),
                "init_ms": init.total_ms,
                "keys_from_cache": init.from_cache,
                "prove_ms": result.prove_ms,
                "prove_wall_ms": prove_wall.as_millis() as u64,
                "peak_memory_bytes": result.peak_memory,
                "circuit": { "id": result.circuit.id, "depth": result.circuit.depth, "k": result.circuit.k,
                              "srs": result.circuit.srs, "insecure_dev_srs": result.circuit.insecure_dev_srs },
            }))
            .expect("json")
        );
    } else {
        println!("hum demo: depth {depth}, member {index} of {} (tree padded to 2^{depth} leaves)", leaves.len());
        println!("  root        {}", result.public_inputs.root);
        println!("  nullifier   {}", result.public_inputs.nullifier);
        println!("  proof       {} bytes", result.proof.len());
        println!(
            "  init        {} ms ({})",
            init.total_ms,
            if init.from_cache { "keys from cache" } else { "keys generated" }
        );
        println!(
            "  prove       {} ms in the prover ({} ms wall), peak heap {:.1} MiB",
            result.prove_ms,
            prove_wall.as_millis(),
            result.peak_memory as f64 / 1048576.0
        );
        match &rejection {
            None => println!("  verify      valid (the demo's verifier allows the insecure dev SRS)"),
            Some(reason) => println!("  verify      INVALID: {reason}"),
        }
        println!("  circuit     {}", result.circuit.id);
        if result.circuit.insecure_dev_srs {
            println!("  srs         INSECURE dev SRS (development only)");
        }
    }
    Ok(if verdict { 0 } else { 1 })
}

fn prove_file(g: &Global, witness: &Path, out: &Path, srs: &SrsArgs) -> Result<u8, Failure> {
    let bytes = Zeroizing::new(
        std::fs::read(witness).with_context(|| format!("cannot read {}", witness.display())).map_err(bad_input)?,
    );
    let witness = Witness::from_json(&bytes).map_err(bad_input)?;
    witness.validate().map_err(bad_input)?;
    let (srs_bytes, srs_hash) = read_srs(srs)?;
    let orchestrator = orchestrator(g)?;
    let watcher = watch(&orchestrator, g.json);
    let init = orchestrator
        .init(InitRequest { depth: witness.depth(), srs: srs_bytes, srs_hash })
        .wait()
        .map_err(host_failure)?;
    insecure_warning(&init.circuit, g.json);
    let result = orchestrator.prove_blocking(&witness).map_err(host_failure)?;
    drop(orchestrator);
    let _ = watcher.join();
    let core = hum_host::to_core_result(&result)?;
    let mut value: serde_json::Value = serde_json::from_str(&core.to_json())?;
    value["prove_ms"] = result.prove_ms.into();
    std::fs::write(out, serde_json::to_string_pretty(&value)? + "\n")
        .with_context(|| format!("cannot write {}", out.display()))?;
    if g.json {
        println!(
            "{}",
            json!({ "out": out, "proof_bytes": result.proof.len(), "prove_ms": result.prove_ms,
            "nullifier": result.public_inputs.nullifier, "insecure_dev_srs": result.circuit.insecure_dev_srs })
        );
    } else {
        println!(
            "wrote {} ({} byte proof, {} ms){}",
            out.display(),
            result.proof.len(),
            result.prove_ms,
            if result.circuit.insecure_dev_srs { " — INSECURE dev SRS" } else { "" }
        );
    }
    Ok(0)
}

/// What `hum verify` accepts, from its flags.
struct Expectations {
    depth: usize,
    root: Option<String>,
    action_id: Option<String>,
    allow_insecure_dev_srs: bool,
}

/// The SRS a native key load uses: `--srs FILE` (pinned by `--srs-hash` when `pinned`), else the
/// dev SRS.
fn srs_choice(args: &SrsArgs, pinned: bool) -> Result<SrsChoice, Failure> {
    match read_srs(args)? {
        (Some(bytes), hash) => {
            let hash = match hash {
                Some(text) => hum_core::srs::parse_hash(&text).map_err(bad_input)?,
                None if pinned => {
                    return Err(bad_input(anyhow!(
                        "--srs needs --srs-hash: a verifier pins the SRS it accepts (`hum params import` prints it)"
                    )))
                }
                None => Sha256::digest(&bytes).into(),
            };
            Ok(SrsChoice::Pinned { bytes, hash })
        }
        _ => Ok(SrsChoice::InsecureDev),
    }
}

fn field_flag(flag: &str, text: &Option<String>) -> Result<Option<Fr>, Failure> {
    text.as_deref()
        .map(|t| hum_core::field::parse_fr(t).map_err(|reason| bad_input(anyhow!("{flag} {reason}"))))
        .transpose()
}

fn verify_file(g: &Global, file: &Path, srs: &SrsArgs, expect: &Expectations) -> Result<u8, Failure> {
    hum_core::keys::checked_k(expect.depth).map_err(bad_input)?;
    let policy = VerifyPolicy {
        depth: expect.depth,
        srs_hash: None,
        allow_insecure_dev_srs: expect.allow_insecure_dev_srs,
        root: field_flag("--root", &expect.root)?,
        action_id: field_flag("--action-id", &expect.action_id)?,
    };
    let choice = srs_choice(srs, true)?;
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display())).map_err(bad_input)?;
    // Malformed files are bad input (exit 2); everything after parsing is the verdict (exit 0/1).
    let proof = hum_core::ProofResult::from_json(&bytes).map_err(bad_input)?;
    let verifier = NativeVerifier::load(policy, &choice, Some(&cache(g))).map_err(bad_input)?;
    let started = Instant::now();
    let outcome = verifier.verify_proof(&proof).map(|()| verifier.keys().info().clone());
    let ms = started.elapsed().as_secs_f64() * 1e3;
    let insecure = outcome.as_ref().is_ok_and(|info| info.insecure_dev_srs);
    if g.json {
        println!(
            "{}",
            json!({ "valid": outcome.is_ok(), "verify_ms": ms, "depth": expect.depth,
            "circuit": outcome.as_ref().ok().map(|info| info.id.clone()), "insecure_dev_srs": insecure,
            "error": outcome.as_ref().err().map(|e| e.to_string()),
            "error_kind": outcome.as_ref().err().map(|e| format!("{:?}", e.kind())) })
        );
    } else {
        match &outcome {
            Err(e) => println!("invalid: {e}"),
            Ok(_) if insecure => {
                println!(
                    "valid ({ms:.1} ms) — INSECURE dev SRS, allowed by --allow-insecure-dev-srs: this proves nothing"
                )
            }
            Ok(_) => println!("valid ({ms:.1} ms)"),
        }
    }
    Ok(if outcome.is_ok() { 0 } else { 1 })
}

fn keygen(g: &Global, depth: usize, out: Option<&Path>, srs: &SrsArgs) -> Result<u8, Failure> {
    let (srs_bytes, srs_hash) = read_srs(srs)?;
    let orchestrator = orchestrator(g)?;
    let init = orchestrator.init(InitRequest { depth, srs: srs_bytes, srs_hash }).wait().map_err(host_failure)?;
    insecure_warning(&init.circuit, g.json);
    if let Some(out) = out {
        let cache = cache(g);
        let srs = load_srs(&srs_choice(srs, false)?, init.circuit.k as u32, Some(&cache)).map_err(bad_input)?;
        let keys = load_keys(&srs, depth, Some(&cache))?;
        std::fs::write(out, keys.to_bytes()).with_context(|| format!("cannot write {}", out.display()))?;
    }
    if g.json {
        println!(
            "{}",
            json!({ "circuit": init.circuit.id, "depth": depth, "k": init.circuit.k, "srs": init.circuit.srs,
            "from_cache": init.from_cache, "init_ms": init.total_ms, "insecure_dev_srs": init.circuit.insecure_dev_srs })
        );
    } else {
        println!(
            "keys for {} ({} in {} ms)",
            init.circuit.id,
            if init.from_cache { "loaded from cache" } else { "generated" },
            init.total_ms
        );
    }
    Ok(0)
}

fn params_import(g: &Global, ptau: &Path, k: u32, out: &Path) -> Result<u8, Failure> {
    let bytes = std::fs::read(ptau).with_context(|| format!("cannot read {}", ptau.display())).map_err(bad_input)?;
    let started = Instant::now();
    let srs = hum_core::ptau::import(&bytes, k).map_err(bad_input)?;
    std::fs::write(out, srs.to_bytes()).with_context(|| format!("cannot write {}", out.display()))?;
    let hash = hum_core::srs::format_hash(srs.hash());
    if g.json {
        println!("{}", json!({ "out": out, "k": k, "srs_hash": hash, "ms": started.elapsed().as_millis() as u64 }));
    } else {
        println!("{hash}");
        eprintln!("wrote {} (k = {k}); pin it with --srs {} --srs-hash {hash}", out.display(), out.display());
    }
    Ok(0)
}

fn keypair(g: &Global, out: &Path) -> Result<u8, Failure> {
    let (secret, public) = hum_core::seal::keypair(&mut OsRng);
    hum_host::keyfile::write_key_file(out, &secret, &public)
        .with_context(|| format!("cannot write {}", out.display()))?;
    let public_hex = format!("0x{}", hex::encode(public));
    if g.json {
        println!("{}", json!({ "public_key": public_hex, "out": out }));
    } else {
        println!("{public_hex}");
    }
    Ok(0)
}

fn decode_hex(name: &str, text: &str) -> Result<Vec<u8>, Failure> {
    let digits = text.trim().strip_prefix("0x").ok_or_else(|| bad_input(anyhow!("{name} must start with 0x")))?;
    hex::decode(digits).map_err(|_| bad_input(anyhow!("{name} is not hex")))
}

fn seal(g: &Global, to: &str, input: &Path, out: &Path, aad: &str) -> Result<u8, Failure> {
    let recipient = decode_hex("--to", to)?;
    let plaintext = Zeroizing::new(
        std::fs::read(input).with_context(|| format!("cannot read {}", input.display())).map_err(bad_input)?,
    );
    let envelope = hum_core::seal::seal(&recipient, &plaintext, aad.as_bytes(), &mut OsRng).map_err(bad_input)?;
    std::fs::write(out, &envelope).with_context(|| format!("cannot write {}", out.display()))?;
    if g.json {
        println!("{}", json!({ "out": out, "envelope_bytes": envelope.len() }));
    } else {
        println!("sealed {} bytes into {} ({} bytes)", plaintext.len(), out.display(), envelope.len());
    }
    Ok(0)
}

fn open(g: &Global, key: &Path, input: &Path, out: &Path, aad: &str) -> Result<u8, Failure> {
    let secret = hum_host::keyfile::read_secret_key(key).map_err(bad_input)?;
    let envelope =
        std::fs::read(input).with_context(|| format!("cannot read {}", input.display())).map_err(bad_input)?;
    let plaintext = hum_core::seal::open(secret.as_ref(), &envelope, aad.as_bytes()).map_err(bad_input)?;
    hum_host::keyfile::write_private_file(out, &plaintext)
        .with_context(|| format!("cannot write {}", out.display()))?;
    if g.json {
        println!("{}", json!({ "out": out, "plaintext_bytes": plaintext.len() }));
    } else {
        println!("opened {} bytes into {}", plaintext.len(), out.display());
    }
    Ok(0)
}
