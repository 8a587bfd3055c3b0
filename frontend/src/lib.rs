//! The browser bundle: hydrates the islands of the server-rendered page, nothing more.

// Without a reference to `app`, the linker drops every `#[island]` export and nothing on the
// page would ever become interactive.
#[expect(unused_imports, reason = "links the islands of `app` into the bundle")]
use app::*;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
