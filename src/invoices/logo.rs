//! The business logo an invoice prints: a PNG or JPEG, recognised by its
//! magic bytes and proven by decoding it, so a file that merely claims to
//! be an image never reaches an invoice.

use crate::error::{Error, Result};

/// Larger files are almost certainly photos, not logos, and bloat every PDF.
pub const MAX_LOGO_BYTES: usize = 2 * 1024 * 1024;

/// A logo that decoded: its kind and size in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedLogo {
    pub mime: &'static str,
    pub width: u32,
    pub height: u32,
}

pub fn check(bytes: &[u8]) -> Result<CheckedLogo> {
    let refuse = |reason: String| Error::InvalidLogo { reason };
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(refuse(format!(
            "is {} KB; a logo may be at most {} KB",
            bytes.len() / 1024,
            MAX_LOGO_BYTES / 1024
        )));
    }
    let mime = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "image/jpeg"
    } else {
        return Err(refuse("is not a PNG or JPEG image".into()));
    };
    let image = printpdf::RawImage::decode_from_bytes(bytes, &mut Vec::new())
        .map_err(|reason| refuse(format!("looks like {mime} but cannot be read ({reason})")))?;
    let (width, height) = (u32::try_from(image.width).unwrap_or(0), u32::try_from(image.height).unwrap_or(0));
    if width == 0 || height == 0 {
        return Err(refuse("has no pixels".into()));
    }
    Ok(CheckedLogo { mime, width, height })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_truncated_images_are_refused() {
        assert_eq!(check(b"%PDF-1.7 not a logo").unwrap_err().code(), "invalid_logo");
        let truncated = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let error = check(truncated).unwrap_err();
        assert_eq!(error.code(), "invalid_logo");
        assert!(error.to_string().contains("cannot be read"), "{error}");
        assert_eq!(check(&vec![0xFF; MAX_LOGO_BYTES + 1]).unwrap_err().code(), "invalid_logo");
    }
}
