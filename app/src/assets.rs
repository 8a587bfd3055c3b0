//! The `<head>` links to the built CSS and the island loader, prepared once at start-up.
//!
//! Leptos's `HydrationScripts` and `HashedStylesheet` read the hash file from disk on every
//! render; the server renders them once instead and hands the result over as context, and
//! each page only adds its response's nonce.

use leptos::prelude::*;

/// Rendered once per process by the server, provided to pages as `Arc<PageAssets>`.
#[derive(Clone, Debug, Default)]
pub struct PageAssets {
    /// `href` of the stylesheet.
    pub stylesheet: String,
    /// The preload links and the module script that hydrates islands, cut where the
    /// response's nonce goes (inside the module script's opening tag).
    scripts: (String, String),
}

const MODULE_SCRIPT: &str = "<script type=\"module\"";

impl PageAssets {
    pub fn new(stylesheet: String, scripts: &str) -> Self {
        let cut = scripts
            .find(MODULE_SCRIPT)
            .map_or(scripts.len(), |at| at + MODULE_SCRIPT.len());
        let (before, after) = scripts.split_at(cut);
        Self {
            stylesheet,
            scripts: (before.to_string(), after.to_string()),
        }
    }

    /// The scripts with this response's nonce on the module script.
    pub fn scripts_with_nonce(&self, nonce: Option<&str>) -> String {
        let (before, after) = &self.scripts;
        match nonce {
            Some(nonce) if !after.is_empty() => format!("{before} nonce=\"{nonce}\"{after}"),
            _ => format!("{before}{after}"),
        }
    }
}

/// The stylesheet link and the island scripts for this page.
#[component]
pub fn AssetLinks() -> impl IntoView {
    let assets = use_context::<std::sync::Arc<PageAssets>>().unwrap_or_default();
    #[cfg(feature = "ssr")]
    let nonce = leptos::nonce::use_nonce().map(|n| n.to_string());
    #[cfg(not(feature = "ssr"))]
    let nonce = None::<String>;
    view! {
        <link rel="stylesheet" id="doorstep" href=assets.stylesheet.clone() />
        {leptos::tachys::html::InertElement::new(assets.scripts_with_nonce(nonce.as_deref()))}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nonce_goes_on_the_module_script_only() {
        let assets = PageAssets::new(
            "/pkg/a.css".into(),
            "<link rel=\"modulepreload\" href=\"/pkg/a.js\"><script type=\"module\">go()</script>",
        );
        assert_eq!(
            assets.scripts_with_nonce(Some("abc")),
            "<link rel=\"modulepreload\" href=\"/pkg/a.js\"><script type=\"module\" nonce=\"abc\">go()</script>"
        );
        assert!(!assets.scripts_with_nonce(None).contains("nonce"));
        let none = PageAssets::new("x".into(), "<link>");
        assert_eq!(none.scripts_with_nonce(Some("abc")), "<link>");
    }
}
