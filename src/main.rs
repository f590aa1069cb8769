//! storydiff binary (the CLI lands with the render work).
fn main() {}
