use super::*;
use image::{ImageBuffer, Rgb};

fn limits() -> UploadLimits {
    UploadLimits {
        max_bytes: 4 * 1024 * 1024,
        max_files: 3,
        max_pixels: 40_000_000,
    }
}

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = ImageBuffer::from_fn(width, height, |x, y| {
        Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&image)
        .expect("encode");
    out
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let image = ImageBuffer::from_fn(width, height, |x, _| Rgb([(x % 256) as u8, 0, 0]));
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(image)
        .write_to(&mut out, ImageFormat::Png)
        .expect("encode");
    out.into_inner()
}

/// An EXIF block (APP1) saying "turn 90° clockwise", padded with a GPS position and `pad`
/// more bytes, put right after the JPEG's start marker.
fn with_exif(jpeg: &[u8], pad: usize) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"II*\0");
    tiff.extend_from_slice(&8u32.to_le_bytes());
    tiff.extend_from_slice(&1u16.to_le_bytes());
    // Orientation (0x0112), SHORT, one value: 6.
    tiff.extend_from_slice(&0x0112u16.to_le_bytes());
    tiff.extend_from_slice(&3u16.to_le_bytes());
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&6u16.to_le_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(b"GPSLatitude=52.520008N GPSLongitude=13.404954E");
    tiff.resize(tiff.len() + pad, b'x');
    let mut segment = b"Exif\0\0".to_vec();
    segment.extend_from_slice(&tiff);
    let len = u16::try_from(segment.len() + 2).expect("fits a segment");
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&segment);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
    out
}

/// A PNG that claims `width` × `height` pixels, with `idat` as its (tiny) image data.
fn declared_png(width: u32, height: u32, idat: &[u8]) -> Vec<u8> {
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(chunk(b"IHDR", &ihdr));
    out.extend(chunk(b"IDAT", idat));
    out.extend(chunk(b"IEND", &[]));
    out
}

fn sent(bytes: Vec<u8>) -> Sent {
    Sent {
        name: "kitchen.jpg".into(),
        bytes,
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_photo_is_re_encoded_with_a_thumbnail() {
    let photo = process(&sent(png(640, 480)), &limits()).expect("taken");
    assert_eq!((photo.width, photo.height), (640, 480));
    assert!(photo.kept.starts_with(&[0xFF, 0xD8, 0xFF]), "kept as JPEG");
    let thumb = image::load_from_memory(&photo.thumb).expect("thumbnail decodes");
    assert_eq!((thumb.width(), thumb.height()), (320, 240));
    assert_eq!(photo.name, "kitchen.jpg");
}

#[test]
fn a_small_photo_is_never_blown_up() {
    let photo = process(&sent(png(8, 6)), &limits()).expect("taken");
    assert_eq!((photo.width, photo.height), (8, 6));
    let thumb = image::load_from_memory(&photo.thumb).expect("thumbnail decodes");
    assert_eq!((thumb.width(), thumb.height()), (8, 6));
}

#[test]
fn a_big_photo_is_shrunk_to_the_kept_size() {
    let photo = process(&sent(jpeg(3000, 1500)), &limits()).expect("taken");
    assert_eq!((photo.width, photo.height), (KEPT_SIDE, KEPT_SIDE / 2));
    let kept = image::load_from_memory(&photo.kept).expect("decodes");
    assert_eq!(kept.width(), KEPT_SIDE);
}

#[test]
fn exif_is_applied_then_dropped_gps_and_all() {
    let original = with_exif(&jpeg(200, 100), 0);
    assert!(contains(&original, b"GPSLatitude"));
    let photo = process(&sent(original), &limits()).expect("taken");
    // Turned upright as the phone meant it…
    assert_eq!((photo.width, photo.height), (100, 200));
    // …and nothing of the EXIF block is left.
    for kept in [&photo.kept, &photo.thumb] {
        assert!(!contains(kept, b"Exif\0\0"));
        assert!(!contains(kept, b"GPSLatitude"));
    }
}

#[test]
fn a_huge_exif_block_is_neutralised() {
    let original = with_exif(&jpeg(64, 64), 65_000);
    assert!(original.len() > 65_000);
    let photo = process(&sent(original), &limits()).expect("taken");
    assert!(photo.kept.len() < 20_000, "{} bytes kept", photo.kept.len());
    assert!(!contains(&photo.kept, b"xxxxxxxx"));
}

#[test]
fn a_polyglot_keeps_only_its_pixels() {
    // A PNG that is also an HTML page: text chunk and trailing bytes carry a script.
    let mut bytes = png(32, 32);
    let iend = bytes.len() - 12;
    let text = chunk(
        b"tEXt",
        b"Comment\0<html><script>alert(document.cookie)</script>",
    );
    bytes.splice(iend..iend, text);
    bytes.extend_from_slice(b"<html><body><script>alert(1)</script></body></html>");
    let photo = process(&sent(bytes), &limits()).expect("its image is taken");
    for kept in [&photo.kept, &photo.thumb] {
        assert!(!contains(kept, b"<script"));
        assert!(!contains(kept, b"<html"));
    }
}

#[test]
fn an_svg_with_a_script_is_no_photo() {
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#;
    let refused = process(&sent(svg.to_vec()), &limits()).expect_err("refused");
    assert_eq!(refused, FieldError::NotAPhoto);
    // Not even with a photo's name and an HTML page behind a fake start.
    let mut html = b"GIF89a".to_vec();
    html.extend_from_slice(b"<script>alert(1)</script>");
    assert_eq!(
        process(&sent(html), &limits()).expect_err("refused"),
        FieldError::NotAPhoto
    );
}

#[test]
fn ten_thousand_pixels_square_is_refused_before_decoding() {
    let bytes = declared_png(
        10_000,
        10_000,
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    );
    assert!(bytes.len() < 100);
    let refused = process(&sent(bytes), &limits()).expect_err("refused");
    assert_eq!(refused, FieldError::PhotoTooLarge { max_megapixels: 40 });
}

#[test]
fn a_decompression_bomb_is_refused() {
    // 60,000 × 60,000 pixels claimed (3.6 gigapixels, over 10 GB decoded) in a few bytes.
    let bytes = declared_png(60_000, 60_000, &[0x78, 0x9c, 0x03, 0x00]);
    let refused = process(&sent(bytes), &limits()).expect_err("refused");
    assert_eq!(refused, FieldError::PhotoTooLarge { max_megapixels: 40 });
    // And a JPEG claiming 65,000 × 65,000 in its frame header.
    let mut jpeg_bytes = jpeg(16, 16);
    let sof = jpeg_bytes
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("baseline frame");
    jpeg_bytes[sof + 5..sof + 7].copy_from_slice(&65_000u16.to_be_bytes());
    jpeg_bytes[sof + 7..sof + 9].copy_from_slice(&65_000u16.to_be_bytes());
    let refused = process(&sent(jpeg_bytes), &limits()).expect_err("refused");
    assert_eq!(refused, FieldError::PhotoTooLarge { max_megapixels: 40 });
}

#[test]
fn a_broken_photo_is_unreadable_not_a_crash() {
    let mut bytes = jpeg(64, 64);
    bytes.truncate(bytes.len() / 3);
    let truncated = process(&sent(bytes), &limits());
    // Either refused, or decoded with what was there: never a panic.
    if let Err(e) = truncated {
        assert_eq!(e, FieldError::PhotoUnreadable);
    }
    let garbage = declared_png(10, 10, b"not zlib at all");
    assert_eq!(
        process(&sent(garbage), &limits()).expect_err("refused"),
        FieldError::PhotoUnreadable
    );
}

#[test]
fn too_big_and_too_many_are_refused_with_their_limits() {
    let mut small = limits();
    small.max_bytes = 1000;
    assert_eq!(
        process(&sent(jpeg(200, 200)), &small).expect_err("refused"),
        FieldError::PhotoTooBig { max_mb: 1 }
    );
}

#[tokio::test]
async fn more_photos_than_allowed_are_refused_at_once() {
    let four = (0..4).map(|_| sent(png(8, 8))).collect();
    let refused = process_all(four, limits()).await.expect("ran");
    assert_eq!(
        refused.expect_err("refused"),
        FieldError::TooManyPhotos { max: 3 }
    );
}

#[test]
fn names_are_cleaned() {
    assert_eq!(clean_name("../../etc/passwd", "photo"), "passwd.jpg");
    assert_eq!(
        clean_name("C:\\Users\\me\\IMG_0001.HEIC", "photo"),
        "IMG_0001.jpg"
    );
    assert_eq!(clean_name("\"><script>.png", "photo"), "script.jpg");
    assert_eq!(clean_name("", "photo"), "photo.jpg");
    assert_eq!(clean_name(".hidden", "photo"), "photo.jpg");
    assert_eq!(clean_name("evil\u{202e}gpj.exe", "photo"), "evilgpj.jpg");
    assert_eq!(
        clean_name(&"a".repeat(500), "photo").chars().count(),
        NAME_CHARS + 4
    );
}

#[tokio::test]
async fn the_local_store_keeps_and_deletes() {
    let dir = std::env::temp_dir().join(format!("doorstep-files-{}", new_token()));
    let files = FileStore::local(&dir).expect("store");
    files.check().await.expect("answers");
    let photos = vec![process(&sent(png(40, 30)), &limits()).expect("taken")];
    let stored = Stored::put(&files, photos).await.expect("stored");
    let (token, photo) = &stored.photos[0];
    let kept = files.get(&key(token, Variant::Kept)).await.expect("read");
    assert_eq!(kept.as_deref(), Some(&photo.kept[..]));
    stored.discard(&files).await;
    assert_eq!(
        files.get(&key(token, Variant::Thumb)).await.expect("read"),
        None
    );
    // A key that tries to leave the folder is no file of ours.
    assert!(
        files.get("../outside").await.is_err()
            || files.get("../outside").await.expect("ok").is_none()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
