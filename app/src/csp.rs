//! The pages' Content-Security-Policy. Scripts and styles come from our origin, or are
//! inline ones we wrote ourselves and allow by their SHA-256: the island loader, Leptos's
//! two bootstrap lines and the brand colours. Hashes instead of a per-response nonce keep
//! the same page byte-for-byte the same, so the server can keep rendered pages (see the
//! server's page cache) without ever repeating a nonce.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

/// What Leptos's server renderer writes inline into every page that hands no data to the
/// browser (`hydration_context`'s set-up and closing chunks). Pages load their data inside
/// `Suspend`, never a serialized `Resource`, so these stay exactly this.
pub const FRAMEWORK_SCRIPTS: [&str; 2] = [
    "__RESOLVED_RESOURCES=[];__SERIALIZED_ERRORS=[];__PENDING_RESOURCES=[];__RESOURCE_RESOLVERS=[];",
    "__INCOMPLETE_CHUNKS=[];",
];

/// `'sha256-…'`: the CSP source allowing exactly this inline text.
pub fn hash_source(text: &str) -> String {
    format!(
        "'sha256-{}'",
        STANDARD.encode(Sha256::digest(text.as_bytes()))
    )
}

/// The text of every inline `<script>` (one without `src`) in `html`.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body = &after[tag_end + 1..];
        let Some(close) = body.find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            found.push(&body[..close]);
        }
        rest = &body[close..];
    }
    found
}

/// The policy for a page whose inline scripts and styles are exactly these sources.
pub fn policy(script_sources: &[String], style_sources: &[String]) -> String {
    format!(
        "default-src 'self'; script-src 'self' {} 'wasm-unsafe-eval'; style-src 'self' {}; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; \
         worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
         frame-ancestors 'none'",
        script_sources.join(" "),
        style_sources.join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_as_browsers_do() {
        // printf 'alert(1)' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            hash_source("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
    }

    #[test]
    fn finds_inline_scripts_only() {
        let html = "<head><script type=\"module\" src=\"/a.js\"></script>\
                    <script type=\"module\">one()</script></head><body><script>two</script></body>";
        assert_eq!(inline_scripts(html), vec!["one()", "two"]);
        assert!(inline_scripts("<p>no scripts</p>").is_empty());
        assert!(inline_scripts("<script>unterminated").is_empty());
    }
}
