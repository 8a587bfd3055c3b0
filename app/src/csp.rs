//! The pages' Content-Security-Policy: scripts and styles come from our origin, or are
//! inline ones carrying this response's nonce (the island loader, Leptos's own streaming
//! and resource scripts, the brand colours). A fresh nonce is made for every response.

/// The policy for a page whose inline scripts and styles carry `nonce`.
pub fn policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; connect-src 'self'; \
         font-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}
