//! A real EVM (revm, mainnet rules: BN254 precompiles, the 24,576-byte code limit) and solc-js.
#![allow(dead_code)]

use std::{path::Path, process::Command};

use revm::{
    context::{result::ExecutionResult, TxEnv},
    database::InMemoryDB,
    primitives::{Address, Bytes, TxKind, U256},
    Context, ExecuteCommitEvm, MainBuilder, MainContext, MainnetEvm,
};

/// The EIP-170 limit on a contract's runtime code.
pub const CODE_LIMIT: usize = 24_576;

/// The outcome of a call.
#[derive(Debug)]
pub struct Call {
    /// Returned data on success, revert data on a revert, `None` on a halt.
    pub output: Option<Bytes>,
    /// Whether the call succeeded.
    pub success: bool,
    /// Gas the transaction used (intrinsic and calldata included).
    pub gas: u64,
}

/// One EVM with an in-memory state, transactions from one funded-free caller (gas price 0).
pub struct Evm {
    evm: MainnetEvm<revm::handler::MainnetContext<InMemoryDB>>,
    nonce: u64,
}

pub const CALLER: Address = Address::repeat_byte(0xca);

impl Evm {
    pub fn new() -> Self {
        let evm = Context::mainnet().with_db(InMemoryDB::default()).build_mainnet();
        Self { evm, nonce: 0 }
    }

    fn transact(&mut self, kind: TxKind, data: Vec<u8>, from: Address) -> ExecutionResult {
        let tx = TxEnv::builder()
            .caller(from)
            .kind(kind)
            .data(Bytes::from(data))
            .gas_limit(16_000_000)
            .nonce(if from == CALLER { self.nonce } else { 0 })
            .build_fill();
        let result = self.evm.transact_commit(tx).expect("the transaction is valid");
        if from == CALLER {
            self.nonce += 1;
        }
        result
    }

    /// Deploys creation code; returns the address and the deployment's gas.
    pub fn deploy(&mut self, creation: &[u8]) -> (Address, u64) {
        match self.transact(TxKind::Create, creation.to_vec(), CALLER) {
            result @ ExecutionResult::Success { .. } => {
                let gas = result.tx_gas_used();
                (result.created_address().expect("a created address"), gas)
            }
            other => panic!("deployment failed: {other:?}"),
        }
    }

    /// Calls `to` with `data` from the default caller.
    pub fn call(&mut self, to: Address, data: Vec<u8>) -> Call {
        self.call_from(CALLER, to, data)
    }

    /// Calls `to` with `data` from `from`.
    pub fn call_from(&mut self, from: Address, to: Address, data: Vec<u8>) -> Call {
        let result = self.transact(TxKind::Call(to), data, from);
        let gas = result.tx_gas_used();
        match result {
            ExecutionResult::Success { output, .. } => Call { output: Some(output.into_data()), success: true, gas },
            ExecutionResult::Revert { output, .. } => Call { output: Some(output), success: false, gas },
            ExecutionResult::Halt { .. } => Call { output: None, success: false, gas },
        }
    }

    /// The runtime code at `address`.
    pub fn code_size(&mut self, address: Address) -> usize {
        use revm::Database;
        let info = self.evm.ctx.journaled_state.database.basic(address).unwrap().expect("an account");
        info.code.map_or(0, |c| c.original_bytes().len())
    }
}

/// A compiled contract.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub bytecode: Vec<u8>,
    pub deployed: Vec<u8>,
}

/// Compiles `files` with contracts/compile.mjs (solc-js from contracts/package-lock.json), with
/// the optimizer or not (a generated verifier: see compile.mjs); returns every contract by name.
pub fn solc(files: &[&Path], optimize: bool) -> std::collections::HashMap<String, Compiled> {
    let contracts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../contracts");
    let out = tempfile_path("solc-out.json");
    let status = Command::new("node")
        .arg(contracts.join("compile.mjs"))
        .args((!optimize).then_some("--no-optimizer"))
        .arg(&out)
        .args(files)
        .current_dir(&contracts)
        .status()
        .expect("node runs (contracts/: npm ci)");
    assert!(status.success(), "solc-js failed");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let hex = |v: &serde_json::Value| hex::decode(v.as_str().unwrap().trim_start_matches("0x")).unwrap();
    json["contracts"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(name, c)| {
            (name.clone(), Compiled { bytecode: hex(&c["bytecode"]), deployed: hex(&c["deployedBytecode"]) })
        })
        .collect()
}

/// A fresh path in a per-process scratch folder.
pub fn tempfile_path(name: &str) -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("hum-evm-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(format!("{}-{name}", N.fetch_add(1, Ordering::Relaxed)))
}

pub mod app;

/// A uint256 as a 32-byte ABI word.
pub fn word(x: U256) -> [u8; 32] {
    x.to_be_bytes()
}
