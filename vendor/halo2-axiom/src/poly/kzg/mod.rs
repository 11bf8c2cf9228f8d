/// KZG commitment scheme
pub mod commitment;
/// Multiscalar multiplication engines
pub mod msm;
/// KZG multi-open scheme
pub mod multiopen;
/// Strategies used with KZG scheme
pub mod strategy;
