mod curve;

pub use crate::bn256::{Fq as Fr, Fr as Fq};
pub use curve::*;
