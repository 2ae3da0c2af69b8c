//! Boot: install the panic hook and mount the app. Everything else lives in the library so it can
//! be tested with wasm-bindgen-test.

fn main() {
    homeward::start();
}
