//! hum-seal-v1 (placeholder module filled by the transport work).
/// Errors of sealing and opening.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    /// The envelope is shorter than its fixed parts.
    #[error("the envelope is truncated")]
    Truncated,
}
