//! The command line: every command, flag and help text (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Parser)]
#[command(name = "hum", version, about = "Client-side zero-knowledge membership proofs with a one-time nullifier")]
pub struct Cli {
    #[command(subcommand)]
    /// The command.
    pub command: Command,
    #[command(flatten)]
    /// Options of every command.
    pub global: Global,
}

#[derive(Args, Clone)]
pub struct Global {
    /// Print machine-readable JSON on stdout instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    /// The prover component (default: $HUM_COMPONENT, then beside this executable).
    #[arg(long, global = true, value_name = "FILE")]
    pub component: Option<PathBuf>,
    /// Key cache directory (default: $HUM_CACHE_DIR, then the platform cache dir).
    #[arg(long, global = true, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Memory limit of the prover instance in MiB (raised automatically after an OOM).
    #[arg(long, global = true, default_value_t = 256)]
    pub memory_limit_mib: usize,
    /// Give up on a command after this many seconds.
    #[arg(long, global = true)]
    pub timeout: Option<u64>,
}

#[derive(Args, Clone, Default)]
pub struct SrsArgs {
    /// halo2 KZG params file (from `hum params import`); default: the INSECURE dev SRS.
    #[arg(long, value_name = "FILE")]
    pub srs: Option<PathBuf>,
    /// The SRS hash to pin (`sha256:` + 64 hex digits); a mismatch fails before any work.
    #[arg(long, value_name = "HASH")]
    pub srs_hash: Option<String>,
}

#[derive(Subcommand)]
pub enum Command {
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
pub enum ParamsCommand {
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
