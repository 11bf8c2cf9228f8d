//! Gives the shared library its soname, `libhum.so.MAJOR.MINOR` (0.x releases break at the
//! minor version), so that programs linked against one release load a compatible one. The
//! release bundle (scripts/release.sh) installs it as `libhum.so.X.Y.Z` with the two symlinks.
fn main() {
    let major = std::env::var("CARGO_PKG_VERSION_MAJOR").unwrap();
    let minor = std::env::var("CARGO_PKG_VERSION_MINOR").unwrap();
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libhum.so.{major}.{minor}");
    }
}
