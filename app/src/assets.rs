//! The `<head>` links to the built CSS and the island loader, prepared once at start-up.
//!
//! Leptos's `HydrationScripts` and `HashedStylesheet` read the hash file from disk on every
//! render; the server renders them once instead and hands the result over as context.

use leptos::prelude::*;

/// Rendered once per process by the server, provided to pages as `Arc<PageAssets>`.
#[derive(Clone, Debug, Default)]
pub struct PageAssets {
    /// `href` of the stylesheet.
    pub stylesheet: String,
    /// The preload links and the module script that hydrates islands.
    pub scripts: String,
    /// CSP sources (`'sha256-…'`) allowing the inline scripts every page carries: the
    /// island loader in `scripts` and Leptos's own (`csp::FRAMEWORK_SCRIPTS`).
    pub script_sources: Vec<String>,
}

impl PageAssets {
    #[cfg(feature = "ssr")]
    pub fn new(stylesheet: String, scripts: String) -> Self {
        let script_sources = crate::csp::inline_scripts(&scripts)
            .into_iter()
            .chain(crate::csp::FRAMEWORK_SCRIPTS)
            .map(crate::csp::hash_source)
            .collect();
        Self {
            stylesheet,
            scripts,
            script_sources,
        }
    }
}

/// The stylesheet link and the island scripts for this page.
#[component]
pub fn AssetLinks() -> impl IntoView {
    let assets = use_context::<std::sync::Arc<PageAssets>>().unwrap_or_default();
    view! {
        <link rel="stylesheet" id="doorstep" href=assets.stylesheet.clone() />
        {leptos::tachys::html::InertElement::new(assets.scripts.clone())}
    }
}
