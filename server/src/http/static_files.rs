//! The built front end (`/pkg`): compressed once with the best settings (brotli 11,
//! gzip 9) next to the originals, and served with whichever encoding the browser takes.
//! Pages are compressed per response, quickly; these files are fetched once and cached
//! for a year, so their bytes are worth the one-off effort.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use tower_http::services::ServeDir;

const COMPRESSIBLE: [&str; 4] = ["js", "wasm", "css", "svg"];

/// Writes `NAME.br` and `NAME.gz` beside every compressible file in `dir` that lacks an
/// up-to-date copy. Returns how many files it compressed.
pub fn precompress(dir: &Path) -> io::Result<usize> {
    let mut done = 0;
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let compressible = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.contains(&e));
        if !compressible || !path.is_file() {
            continue;
        }
        let original = fs::read(&path)?;
        let modified = fs::metadata(&path)?.modified()?;
        let fresh = |p: &PathBuf| {
            fs::metadata(p)
                .and_then(|m| m.modified())
                .is_ok_and(|m| m >= modified)
        };
        let br = with_suffix(&path, "br");
        if !fresh(&br) {
            write_atomically(&br, &compress_brotli(&original, 11)?)?;
            done += 1;
        }
        let gz = with_suffix(&path, "gz");
        if !fresh(&gz) {
            write_atomically(&gz, &compress_gzip(&original, 9)?)?;
        }
    }
    Ok(done)
}

/// `data` compressed with brotli at `quality` (0 to 11).
pub fn compress_brotli(data: &[u8], quality: i32) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    // A window no larger than the data: brotli sizes (and clears) its tables by it.
    let fits = usize::BITS - data.len().leading_zeros();
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: i32::try_from(fits.clamp(10, 22)).unwrap_or(22),
        size_hint: data.len(),
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &data[..], &mut out, &params)?;
    Ok(out)
}

/// `data` compressed with gzip at `level` (0 to 9).
pub fn compress_gzip(data: &[u8], level: u32) -> io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(level));
    encoder.write_all(data)?;
    encoder.finish()
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// Another process may serve the same folder: never let it see half a file.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = with_suffix(path, "tmp");
    fs::write(&tmp, bytes)?;
    fs::rename(&tmp, path)
}

/// Serves a folder, preferring the precompressed copies.
pub fn serve(dir: &Path) -> ServeDir {
    ServeDir::new(dir).precompressed_br().precompressed_gzip()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compresses_once_and_serves_the_copies() {
        let dir = tempfile::tempdir().expect("dir");
        let js = dir.path().join("app.abc.js");
        fs::write(&js, "console.log('hello hello hello hello');\n".repeat(50)).expect("write");
        fs::write(dir.path().join("notes.txt"), "not compressed").expect("write");
        assert_eq!(precompress(dir.path()).expect("compress"), 1);
        assert!(with_suffix(&js, "br").exists() && with_suffix(&js, "gz").exists());
        assert!(!dir.path().join("notes.txt.br").exists());
        assert_eq!(
            precompress(dir.path()).expect("again"),
            0,
            "up-to-date copies are kept"
        );
    }
}
