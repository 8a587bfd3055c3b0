//! The `<head>` links to the built CSS and the island loader, prepared once at start-up.
//!
//! Leptos's `HydrationScripts` and `HashedStylesheet` read the hash file from disk on every
//! render; the server renders them once instead and hands the result over as context, and
//! each page only adds its response's nonce.

use leptos::prelude::*;

/// Rendered once per process by the server.
#[derive(Clone, Debug, Default)]
pub struct PageAssets {
    /// `href` of the stylesheet.
    pub stylesheet: String,
    /// The preload links and the module script that hydrates islands, without a nonce.
    pub scripts: String,
}

const MODULE_SCRIPT: &str = "<script type=\"module\"";

impl PageAssets {
    /// The scripts with this response's nonce on the module script.
    pub fn scripts_with_nonce(&self, nonce: Option<&str>) -> String {
        match nonce {
            Some(nonce) => self.scripts.replacen(
                MODULE_SCRIPT,
                &format!("{MODULE_SCRIPT} nonce=\"{nonce}\""),
                1,
            ),
            None => self.scripts.clone(),
        }
    }
}

/// The stylesheet link and the island scripts for this page.
#[component]
pub fn AssetLinks() -> impl IntoView {
    let assets = use_context::<PageAssets>().unwrap_or_default();
    #[cfg(feature = "ssr")]
    let nonce = leptos::nonce::use_nonce().map(|n| n.to_string());
    #[cfg(not(feature = "ssr"))]
    let nonce = None::<String>;
    let scripts = assets.scripts_with_nonce(nonce.as_deref());
    view! {
        <link rel="stylesheet" id="doorstep" href=assets.stylesheet />
        {leptos::tachys::html::InertElement::new(scripts)}
    }
}
