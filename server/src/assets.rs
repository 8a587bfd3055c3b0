//! The built front end's file names. With hashed names (cargo-leptos `hash-files`), the
//! names come from the `hash.txt` written next to the server binary.

use std::path::Path;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assets {
    pub js: String,
    pub wasm: String,
    pub css: String,
}

impl Assets {
    /// Reads the hash file next to the running executable when `hashed`; the plain names
    /// otherwise (or when the file is missing, as in tests).
    pub fn discover(output_name: &str, hashed: bool) -> Self {
        let plain = Self {
            js: format!("{output_name}.js"),
            wasm: format!("{output_name}.wasm"),
            css: format!("{output_name}.css"),
        };
        if !hashed {
            return plain;
        }
        let file = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt")));
        match file.as_deref().map(std::fs::read_to_string) {
            Some(Ok(text)) => Self::from_hash_file(output_name, &text),
            _ => {
                tracing::warn!(file = ?file.as_deref().map(Path::display), "hash file not found; using plain asset names");
                plain
            }
        }
    }

    fn from_hash_file(output_name: &str, text: &str) -> Self {
        let mut assets = Self::discover(output_name, false);
        for line in text.lines() {
            let Some((kind, hash)) = line.split_once(':') else {
                continue;
            };
            let hash = hash.trim();
            match kind.trim() {
                "js" => assets.js = format!("{output_name}.{hash}.js"),
                "wasm" => assets.wasm = format!("{output_name}.{hash}.wasm"),
                "css" => assets.css = format!("{output_name}.{hash}.css"),
                _ => {}
            }
        }
        assets
    }

    /// A short fingerprint of the set, naming the service worker's cache.
    pub fn version(&self) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in self
            .js
            .bytes()
            .chain(self.wasm.bytes())
            .chain(self.css.bytes())
        {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        format!("{h:016x}")
    }
}

/// Renders the `<head>` asset links once, for every page of this process.
pub fn page_assets(
    options: &leptos::prelude::LeptosOptions,
    assets: &Assets,
) -> app::assets::PageAssets {
    use leptos::prelude::*;
    use leptos::tachys::view::RenderHtml;
    let options = options.clone();
    let pkg = options.site_pkg_dir.to_string();
    let owner = Owner::new();
    let scripts = owner.with(|| view! { <HydrationScripts options islands=true /> }.to_html());
    app::assets::PageAssets::new(format!("/{pkg}/{}", assets.css), &scripts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cargo_leptos_hash_file() {
        let a = Assets::from_hash_file("doorstep", "js: abc\nwasm: def\ncss: 123\n");
        assert_eq!(a.js, "doorstep.abc.js");
        assert_eq!(a.wasm, "doorstep.def.wasm");
        assert_eq!(a.css, "doorstep.123.css");
        assert_ne!(a.version(), Assets::discover("doorstep", false).version());
    }
}
