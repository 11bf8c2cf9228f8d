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

/// The commitment scheme on the command line.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Commitment {
    /// The inner-product argument on hum's transparent generators: no ceremony, no file.
    Ipa,
    /// KZG on the SRS of `--srs` (a ceremony's; what a contract verifies), or with
    /// `--insecure-dev-srs` the INSECURE dev SRS.
    Kzg,
}

#[derive(Args, Clone, Default)]
pub struct SrsArgs {
    /// The commitment scheme. Default: `ipa` (hum's transparent generators: secure, nothing to
    /// pass), or `kzg` when `--srs` or `--insecure-dev-srs` is given.
    #[arg(long, value_enum, value_name = "SCHEME")]
    pub commitment: Option<Commitment>,
    /// A ceremony's KZG params file (from `hum params import`).
    #[arg(long, value_name = "FILE")]
    pub srs: Option<PathBuf>,
    /// The SRS hash to pin (`sha256:` + 64 hex digits); a mismatch fails before any work.
    #[arg(long, value_name = "HASH")]
    pub srs_hash: Option<String>,
    /// KZG on the INSECURE dev SRS, whose secret is public (anyone can forge proofs it accepts):
    /// tests only. For `verify` and `verifier solidity` it also accepts that SRS.
    #[arg(long, alias = "allow-insecure-dev-srs")]
    pub insecure_dev_srs: bool,
}

#[derive(Subcommand)]
pub enum VerifierCommand {
    /// Write the Solidity verifier (`HumVerifierD<depth>`) of the circuit for a depth and an
    /// SRS; it accepts EVM-flavour proofs of that circuit only.
    Solidity {
        /// The tree depth of the groups it verifies.
        #[arg(long, default_value_t = 20)]
        depth: usize,
        /// The SRS: `--srs` and `--srs-hash` (a ceremony's), or `--insecure-dev-srs` for tests
        /// (the contract's name then says INSECURE). IPA is not verified on chain.
        #[command(flatten)]
        srs: SrsArgs,
        /// Where to write the Solidity file.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum Command {
    /// Make a fresh identity in a small tree padded to depth 20; prove, verify, print timings.
    Demo {
        /// Tree depth.
        #[arg(long, default_value_t = 20)]
        depth: usize,
        /// The setup to demo: the default (IPA, nothing to pass), a ceremony's KZG SRS, or
        /// `--insecure-dev-srs` (KZG for tests; its verifier then accepts that SRS).
        #[command(flatten)]
        srs: SrsArgs,
    },
    /// Prove membership and write the proof JSON: as `--identity` in `--group` for an action and
    /// a message, or from a witness file (docs/formats.md).
    Prove {
        #[command(flatten)]
        member: MemberArgs,
        /// A witness JSON file instead of an identity and a group (advanced use).
        #[arg(long, value_name = "FILE", conflicts_with_all = ["identity", "group"])]
        witness: Option<PathBuf>,
        /// Where to write the proof JSON.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Prove in the EVM flavour (Keccak transcript), for the contract of `hum verifier
        /// solidity` and `hum calldata`; `hum verify` checks either flavour.
        #[arg(long)]
        evm: bool,
        #[command(flatten)]
        srs: SrsArgs,
    },
    /// Identities: make one (the file is written 0600), or print one's commitment.
    #[command(subcommand)]
    Identity(IdentityCommand),
    /// Groups in a group JSON file: make, add, remove, print the root or a member's Merkle proof.
    #[command(subcommand)]
    Group(GroupCommand),
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
        /// The action the proof must be for, as text (as `hum prove --action` hashes it).
        #[arg(long, value_name = "TEXT", conflicts_with = "action_id")]
        action: Option<String>,
        /// The action id the proof must be for (0x-hex).
        #[arg(long, value_name = "ACTION_ID")]
        action_id: Option<String>,
        /// The group file whose depth and current root the proof must have (instead of
        /// `--depth` and `--root`).
        #[arg(long, value_name = "FILE", conflicts_with_all = ["root", "depth"])]
        group: Option<PathBuf>,
    },
    /// Solidity verifiers, for proofs checked on Ethereum.
    #[command(subcommand)]
    Verifier(VerifierCommand),
    /// Print the ABI-encoded `verifyProof(bytes,uint256[4])` call for an EVM-flavour proof file
    /// (`hum prove --evm`), as `snarkjs zkey export soliditycalldata` does.
    Calldata {
        /// The proof JSON file.
        file: PathBuf,
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

/// Who proves, in which group, for what: the five-step flags of `hum prove`.
#[derive(Args, Clone, Default)]
pub struct MemberArgs {
    /// The prover's identity file (from `hum identity new`).
    #[arg(long, value_name = "FILE", requires = "group")]
    pub identity: Option<PathBuf>,
    /// The group file the identity is a member of.
    #[arg(long, value_name = "FILE", requires = "identity")]
    pub group: Option<PathBuf>,
    /// The action, as text (its field element is keccak256(text) >> 8).
    #[arg(long, value_name = "TEXT", conflicts_with = "action_id")]
    pub action: Option<String>,
    /// The action id, 0x-hex.
    #[arg(long, value_name = "0x…")]
    pub action_id: Option<String>,
    /// The message, as text (bound as keccak256(text) >> 8).
    #[arg(long, value_name = "TEXT", conflicts_with = "message_hash")]
    pub message: Option<String>,
    /// The message hash, 0x-hex.
    #[arg(long, value_name = "0x…")]
    pub message_hash: Option<String>,
}

/// `hum identity …`.
#[derive(Subcommand)]
pub enum IdentityCommand {
    /// Make an identity and print its commitment (the member to add to a group).
    New {
        /// Where to write the identity file (mode 0600; an existing file is not overwritten).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Derive the identity from this file's bytes (e.g. a wallet signature; at least 16
        /// bytes) instead of drawing it at random: the same seed gives the same identity.
        #[arg(long, value_name = "FILE")]
        seed_file: Option<PathBuf>,
    },
    /// Print the commitment of an identity file.
    Commitment {
        /// The identity file.
        file: PathBuf,
    },
}

/// Which member of a group: its index or its commitment.
#[derive(Args, Clone)]
#[group(required = true, multiple = false)]
pub struct MemberRef {
    /// The member's index.
    #[arg(long)]
    pub index: Option<u64>,
    /// The member's commitment, 0x-hex.
    #[arg(long, value_name = "0x…")]
    pub member: Option<String>,
}

/// `hum group …`.
#[derive(Subcommand)]
pub enum GroupCommand {
    /// Make a group file (empty, or with the commitments of `--members`, one a line).
    New {
        /// Where to write the group file (an existing file is not overwritten).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Tree depth, 1..=32: a group holds up to 2^depth members.
        #[arg(long, default_value_t = 20)]
        depth: usize,
        /// A file with one commitment (0x-hex) a line; blank lines and `#` comments are skipped.
        #[arg(long, value_name = "FILE")]
        members: Option<PathBuf>,
    },
    /// Add members (commitments) to a group file, in order.
    Add {
        /// The group file (rewritten in place).
        group: PathBuf,
        /// A commitment to add (repeat the flag for several).
        #[arg(long = "member", value_name = "0x…", required = true)]
        members: Vec<String>,
    },
    /// Remove a member: its leaf becomes 0 and its index is not reused.
    Remove {
        /// The group file (rewritten in place).
        group: PathBuf,
        #[command(flatten)]
        which: MemberRef,
    },
    /// Print the group's root (what a verifier pins with `hum verify --root`).
    Root {
        /// The group file.
        group: PathBuf,
    },
    /// Print (or write) a member's Merkle proof as JSON.
    Proof {
        /// The group file.
        group: PathBuf,
        #[command(flatten)]
        which: MemberRef,
        /// Write the proof here instead of stdout.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}
