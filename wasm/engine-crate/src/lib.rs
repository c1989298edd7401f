// Intentionally empty: this crate exists only to pin mquickjs-sys in Cargo.lock.
