//! The pages' Content-Security-Policy: scripts and styles come from our origin, or are
//! inline ones carrying this response's nonce (the island loader, Leptos's own streaming
//! and resource scripts, the brand colours). A fresh nonce is made for every response.

/// The policy for a page whose inline scripts and styles carry `nonce`; images may also
/// come from `tiles`, the maps' tile server (`scheme://host[:port]`).
pub fn policy(nonce: &str, tiles: Option<&str>) -> String {
    let tiles = tiles.map(|t| format!(" {t}")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'nonce-{nonce}'; img-src 'self' data:{tiles}; connect-src 'self'; \
         font-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

#[cfg(test)]
mod tests {
    use super::policy;
    use crate::state::MapTiles;

    #[test]
    fn the_tile_server_may_send_images_and_nothing_else() {
        let tiles = MapTiles {
            url: "https://tiles.example.com:8443/osm/{z}/{x}/{y}.png".into(),
            attribution: String::new(),
        };
        assert_eq!(tiles.origin(), Some("https://tiles.example.com:8443"));
        let p = policy("abc", tiles.origin());
        assert!(
            p.contains("img-src 'self' data: https://tiles.example.com:8443;"),
            "{p}"
        );
        assert!(
            p.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"),
            "{p}"
        );
        assert_eq!(MapTiles::default().origin(), None);
        assert!(policy("abc", None).contains("img-src 'self' data:;"));
    }
}
