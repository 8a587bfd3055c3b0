//! What the portal accepts as a photo, before anything decodes it: the type read from the
//! first bytes (never from the name or the browser's word), and the limits a business sets.

use crate::error::FieldError;
use serde::{Deserialize, Serialize};

/// The only image formats taken in. Everything else (SVG, HTML, PDF, HEIC, executables) is
/// refused before a decoder sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PhotoFormat {
    Jpeg,
    Png,
    Webp,
}

/// The format the bytes start with, if it is one we take.
pub fn sniff(bytes: &[u8]) -> Option<PhotoFormat> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(PhotoFormat::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(PhotoFormat::Png)
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some(PhotoFormat::Webp)
    } else {
        None
    }
}

/// How much a person may send (settings `upload_max_mb`, `upload_max_files`,
/// `upload_max_megapixels`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UploadLimits {
    /// Largest file, in bytes.
    pub max_bytes: u64,
    /// Most photos in one form.
    pub max_files: usize,
    /// Most pixels one photo may decode to (width × height).
    pub max_pixels: u64,
}

impl Default for UploadLimits {
    fn default() -> Self {
        Self {
            max_bytes: 10 * 1024 * 1024,
            max_files: 6,
            max_pixels: 40_000_000,
        }
    }
}

impl UploadLimits {
    /// The most a whole form may weigh: every photo at its limit, and room for the text.
    pub fn max_body(&self) -> u64 {
        self.max_bytes
            .saturating_mul(self.max_files as u64)
            .saturating_add(256 * 1024)
    }

    pub fn max_megabytes(&self) -> u64 {
        self.max_bytes.div_ceil(1024 * 1024)
    }

    pub fn max_megapixels(&self) -> u64 {
        self.max_pixels / 1_000_000
    }

    /// What is wrong with a file of `len` bytes starting with `head`, before decoding.
    pub fn check(&self, len: u64, head: &[u8]) -> Result<PhotoFormat, FieldError> {
        if len > self.max_bytes {
            return Err(FieldError::PhotoTooBig {
                max_mb: self.max_megabytes(),
            });
        }
        sniff(head).ok_or(FieldError::NotAPhoto)
    }

    /// Whether a photo of `width` × `height` may be decoded.
    pub fn check_size(&self, width: u32, height: u32) -> Result<(), FieldError> {
        if u64::from(width) * u64::from(height) > self.max_pixels {
            return Err(FieldError::PhotoTooLarge {
                max_megapixels: self.max_megapixels(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_only_the_formats_we_take() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0]), Some(PhotoFormat::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(PhotoFormat::Png));
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Some(PhotoFormat::Webp));
        for refused in [
            &b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>"[..],
            b"<!DOCTYPE html>",
            b"%PDF-1.7",
            b"GIF89a",
            b"\0\0\0\x18ftypheic",
            b"RIFF\0\0\0\0WAVE",
            b"RIFF",
            b"",
        ] {
            assert_eq!(sniff(refused), None, "{refused:?}");
        }
    }

    #[test]
    fn limits_refuse_with_their_numbers() {
        let limits = UploadLimits {
            max_bytes: 2 * 1024 * 1024,
            max_files: 3,
            max_pixels: 12_000_000,
        };
        assert_eq!(
            limits.check(3 * 1024 * 1024, &[0xFF, 0xD8, 0xFF]),
            Err(FieldError::PhotoTooBig { max_mb: 2 })
        );
        assert_eq!(limits.check(10, b"<svg"), Err(FieldError::NotAPhoto));
        assert_eq!(limits.check(10, &[0xFF, 0xD8, 0xFF]), Ok(PhotoFormat::Jpeg));
        assert_eq!(
            limits.check_size(10_000, 10_000),
            Err(FieldError::PhotoTooLarge { max_megapixels: 12 })
        );
        assert_eq!(limits.check_size(4000, 3000), Ok(()));
        assert!(limits.max_body() > 6 * 1024 * 1024);
    }
}
