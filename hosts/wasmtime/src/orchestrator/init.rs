//! INIT on the instance thread: the SRS (the dev SRS from the cache), the key cache (read before,
//! written after, replaced when the prover rejected the cached keys) and the options a replaced
//! instance is re-initialised with.

use std::time::Instant;

use sha2::{Digest, Sha256};

use super::{supervisor::answer, supervisor::Supervisor, InitInfo, InitRequest, Notification, OrchestratorState};
use crate::{
    cache::CacheRead,
    protocol::{core_circuit, wit_scheme},
    wit, HostError, SrsChoice,
};
use hum_core::Scheme;

impl Supervisor {
    pub(super) fn init(&mut self, req: InitRequest) -> Result<InitInfo, HostError> {
        let start = Instant::now();
        self.shared.notify(Notification::State(OrchestratorState::Initializing));
        let outcome = self.init_inner(req, start);
        if outcome.is_err() {
            self.shared.notify(Notification::State(OrchestratorState::Error));
        }
        outcome
    }

    fn init_inner(&mut self, req: InitRequest, start: Instant) -> Result<InitInfo, HostError> {
        let k = hum_core::keys::checked_k(req.depth)?;
        let depth = u8::try_from(req.depth).expect("checked above");
        let cache = self.config.cache.as_ref();
        // Pinned bytes name their scheme; the other two are hum's own setups, sent as bytes so
        // the prover never derives what this host has cached.
        let (scheme, srs, srs_hash) = match req.srs {
            SrsChoice::Transparent => (Some(Scheme::Ipa), crate::verifier::transparent_bytes(k), None),
            SrsChoice::InsecureDev => (Some(Scheme::Kzg), crate::verifier::dev_srs_bytes(cache, k), None),
            SrsChoice::Pinned { bytes, hash } => (None, bytes, Some(hum_core::srs::format_hash(&hash))),
        };
        let digest: [u8; 32] = Sha256::digest(&srs).into();
        let cached = match &self.config.cache {
            Some(cache) => match cache.read(req.depth, &digest) {
                CacheRead::Hit { keys, .. } => Some(keys),
                CacheRead::Corrupted => {
                    self.shared.notify(Notification::CacheEntryDiscarded);
                    None
                }
                CacheRead::Missing => None,
            },
            None => None,
        };
        let mut options = wit::InitOptions {
            depth,
            k: None,
            scheme: scheme.map(wit_scheme),
            srs: Some(srs),
            srs_hash,
            cached_keys: cached,
            memory_budget: Some(self.budget()),
        };
        self.replay = None;
        let events = self.run_recovering(&mut wit::Command::Init(options.clone()))?;
        let keys = answer(events, "init", |e| match e {
            wit::Event::KeysReady(keys) => Some(keys),
            _ => None,
        })?;
        if keys.cached_keys_rejected.is_some() {
            // The prover rejected the cached keys and made new ones (the actor's rule): the new
            // keys replace the entry below.
            self.shared.notify(Notification::CacheEntryDiscarded);
        }
        if !keys.from_cache {
            if let Some(cache) = &self.config.cache {
                let _ = cache.write(req.depth, &digest, &keys.circuit.id, &keys.keys);
            }
            options.cached_keys = Some(keys.keys.clone());
        }
        self.replay = Some(options);
        Ok(InitInfo {
            circuit: core_circuit(&keys.circuit),
            from_cache: keys.from_cache,
            init_ms: keys.init_ms,
            total_ms: start.elapsed().as_millis() as u64,
        })
    }
}
