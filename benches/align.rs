//! Placeholder; the eval helper replaces this.
fn main() {}
