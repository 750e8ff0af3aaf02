//! Deciding whether bytes are a PDF Kontor will keep: parsed with lopdf (not
//! judged by the name), complete, not encrypted, at most 25 MB, with pages.
//! Every refusal says why, so a user knows which file to fix.

use crate::error::{Error, Result};

/// The largest attachment accepted: 25 MB.
pub const MAX_ATTACHMENT_BYTES: usize = 25 * 1024 * 1024;

/// What the check learnt about an accepted PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PdfFacts {
    pub pages: i64,
}

/// Checks `bytes` (named `name` in messages) and counts its pages.
pub fn check_pdf(name: &str, bytes: &[u8]) -> Result<PdfFacts> {
    let refuse = |reason: String| Error::InvalidAttachment { name: name.to_string(), reason };
    if bytes.is_empty() {
        return Err(refuse("the file is empty".into()));
    }
    if bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err(refuse(format!(
            "the file is {} bytes, over the limit of 25 MB ({MAX_ATTACHMENT_BYTES} bytes)",
            bytes.len()
        )));
    }
    // PDF readers accept the header anywhere in the first kilobyte (ISO 32000 notes).
    if find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_none() {
        return Err(refuse("it is not a PDF (no %PDF- header)".into()));
    }
    // A complete file ends with %%EOF; a copy cut short does not. lopdf
    // would rebuild a damaged cross-reference table and hide the loss.
    if find(&bytes[bytes.len().saturating_sub(1024)..], b"%%EOF").is_none() {
        return Err(refuse("the PDF is truncated (no %%EOF at its end)".into()));
    }
    let document = lopdf::Document::load_mem(bytes).map_err(|error| match error {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => {
            refuse("the PDF is encrypted (password-protected); attach an unprotected copy".into())
        }
        other => refuse(format!("the PDF cannot be read ({other})")),
    })?;
    // lopdf opens files encrypted with an empty user password by decrypting
    // them; they are still protected files others cannot open everywhere.
    if document.was_encrypted() || document.is_encrypted() || document.trailer.has(b"Encrypt") {
        return Err(refuse("the PDF is encrypted (password-protected); attach an unprotected copy".into()));
    }
    let pages = document.get_pages().len() as i64;
    if pages == 0 {
        return Err(refuse("the PDF has no pages".into()));
    }
    Ok(PdfFacts { pages })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_say_why_before_parsing() {
        let reason = |bytes: &[u8]| match check_pdf("a.pdf", bytes).unwrap_err() {
            Error::InvalidAttachment { reason, .. } => reason,
            other => panic!("unexpected {other:?}"),
        };
        assert_eq!(reason(b""), "the file is empty");
        assert_eq!(reason(b"hello, not a pdf"), "it is not a PDF (no %PDF- header)");
        assert_eq!(reason(b"%PDF-1.4\n1 0 obj"), "the PDF is truncated (no %%EOF at its end)");
        let big = vec![b' '; MAX_ATTACHMENT_BYTES + 1];
        assert_eq!(reason(&big), "the file is 26214401 bytes, over the limit of 25 MB (26214400 bytes)");
    }
}
