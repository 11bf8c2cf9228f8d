//! `hum`: prove membership with a one-time nullifier, through the isolated prover component.
//!
//! Exit codes: 0 success (for `verify`: valid), 1 failure (for `verify`: invalid), 2 bad input.

use std::{
    io::IsTerminal,
    path::{Path, PathBuf},
    process::ExitCode,
    sync::Arc,
    time::{Duration, Instant},
};

use anyhow::{anyhow, Context};
use clap::{Args, Parser, Subcommand};
use hum_core::{field::fr_to_hex, poseidon2::hash1, tree::MerkleTree, CircuitKeys, Fr, Srs, Witness};
use hum_host::{
    runtime::default_component_path, wit, HostError, InitRequest, KeyCache, Notification, OrchestratorConfig,
    ProverOrchestrator, Runtime,
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
    /// Verify a proof JSON file: exit 0 valid, 1 invalid, 2 bad input.
    Verify {
        /// The proof JSON file.
        file: PathBuf,
        #[command(flatten)]
        srs: SrsArgs,
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
        Command::Verify { file, srs } => verify_file(&g, &file, &srs),
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
    let verdict = orchestrator
        .verify(wit::VerifyRequest { proof: result.proof.clone(), public_inputs: result.public_inputs.clone() })
        .wait()
        .map_err(host_failure)?;
    drop(orchestrator);
    let _ = watcher.join();
    if g.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({
                "valid": verdict,
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
        println!("  verify      {}", if verdict { "valid" } else { "INVALID" });
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

/// Loads the SRS and keys for a depth natively (verification runs on the host, multi-threaded).
fn native_keys(g: &Global, depth: usize, k: u32, srs_args: &SrsArgs) -> Result<(Srs, CircuitKeys), Failure> {
    let cache = cache(g);
    let srs = match read_srs(srs_args)? {
        (Some(bytes), hash) => {
            let expected = hash.as_deref().map(hum_core::srs::parse_hash).transpose().map_err(bad_input)?;
            Srs::from_bytes(&bytes, expected.as_ref()).map_err(bad_input)?
        }
        _ => {
            let bytes =
                cache.file_or_insert(&format!("srs-insecure-dev-k{k}.params"), || Srs::insecure_dev(k).to_bytes());
            Srs::from_bytes(&bytes, None).map_err(|e| anyhow!("cached dev SRS: {e}"))?
        }
    };
    let digest: [u8; 32] = Sha256::digest(srs.to_bytes()).into();
    if let hum_host::cache::CacheRead::Hit { keys, .. } = cache.read(depth, &digest) {
        if let Ok(keys) = CircuitKeys::from_bytes(&srs, depth, &keys) {
            return Ok((srs, keys));
        }
        cache.remove(depth, &digest);
    }
    let keys = CircuitKeys::generate(&srs, depth)?;
    let _ = cache.write(depth, &digest, &keys.info().id, &keys.to_bytes());
    Ok((srs, keys))
}

fn verify_file(g: &Global, file: &Path, srs: &SrsArgs) -> Result<u8, Failure> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display())).map_err(bad_input)?;
    let proof = hum_core::ProofResult::from_json(&bytes).map_err(bad_input)?;
    let depth = proof.circuit.depth;
    let k = hum_core::keys::checked_k(depth).map_err(bad_input)?;
    if proof.circuit.k != k {
        return Err(bad_input(anyhow!("circuit.k is {}, depth {depth} uses k = {k}", proof.circuit.k)));
    }
    if !proof.circuit.insecure_dev_srs && srs.srs.is_none() {
        return Err(bad_input(anyhow!("the proof was made with SRS {}; pass it with --srs", proof.circuit.srs)));
    }
    let (_, keys) = native_keys(g, depth, k, srs)?;
    let started = Instant::now();
    let outcome = if keys.info().id != proof.circuit.id {
        Err(anyhow!("the proof is for circuit {}, these keys are {}", proof.circuit.id, keys.info().id))
    } else {
        hum_core::verify(&keys, &proof.proof, &proof.public_inputs).map_err(|e| anyhow!(e))
    };
    let ms = started.elapsed().as_secs_f64() * 1e3;
    let valid = outcome.is_ok();
    if g.json {
        println!(
            "{}",
            json!({ "valid": valid, "verify_ms": ms, "circuit": keys.info().id,
            "insecure_dev_srs": keys.info().insecure_dev_srs, "error": outcome.as_ref().err().map(|e| e.to_string()) })
        );
    } else if let Err(e) = &outcome {
        println!("invalid: {e}");
    } else {
        println!(
            "valid ({ms:.1} ms){}",
            if keys.info().insecure_dev_srs { " — INSECURE dev SRS: this proves nothing" } else { "" }
        );
    }
    Ok(if valid { 0 } else { 1 })
}

fn keygen(g: &Global, depth: usize, out: Option<&Path>, srs: &SrsArgs) -> Result<u8, Failure> {
    let (srs_bytes, srs_hash) = read_srs(srs)?;
    let orchestrator = orchestrator(g)?;
    let init = orchestrator.init(InitRequest { depth, srs: srs_bytes, srs_hash }).wait().map_err(host_failure)?;
    insecure_warning(&init.circuit, g.json);
    if let Some(out) = out {
        let (_, keys) = native_keys(g, depth, init.circuit.k as u32, srs)?;
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

fn write_secret_file(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(contents)
}

fn keypair(g: &Global, out: &Path) -> Result<u8, Failure> {
    let (secret, public) = hum_core::seal::keypair(&mut OsRng);
    let secret_hex = Zeroizing::new(format!("0x{}", hex::encode(secret.as_ref())));
    let public_hex = format!("0x{}", hex::encode(public));
    let text = Zeroizing::new(
        serde_json::to_string_pretty(&json!({ "public_key": public_hex, "secret_key": secret_hex.as_str() }))? + "\n",
    );
    write_secret_file(out, text.as_bytes()).with_context(|| format!("cannot write {}", out.display()))?;
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
    let text = Zeroizing::new(
        std::fs::read_to_string(key).with_context(|| format!("cannot read {}", key.display())).map_err(bad_input)?,
    );
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|_| bad_input(anyhow!("{} is not a hum key file", key.display())))?;
    let secret_hex =
        value["secret_key"].as_str().ok_or_else(|| bad_input(anyhow!("the key file has no secret_key")))?;
    let secret = Zeroizing::new(decode_hex("secret_key", secret_hex)?);
    let envelope =
        std::fs::read(input).with_context(|| format!("cannot read {}", input.display())).map_err(bad_input)?;
    let plaintext = hum_core::seal::open(&secret, &envelope, aad.as_bytes()).map_err(bad_input)?;
    write_secret_file(out, &plaintext).with_context(|| format!("cannot write {}", out.display()))?;
    if g.json {
        println!("{}", json!({ "out": out, "plaintext_bytes": plaintext.len() }));
    } else {
        println!("opened {} bytes into {}", plaintext.len(), out.display());
    }
    Ok(0)
}
