// Intentionally empty: this crate exists only to pin rmquickjs-sys in Cargo.lock.
