//! The invoice PDF, generated in Rust with printpdf (no browser engine):
//! DejaVu Sans embedded and subset, A4 or Letter, any number of pages.
//! Rendered only from the frozen snapshot, with fixed resource ids, dates
//! and document id taken from the invoice, so the same invoice is the same
//! bytes every time.

mod canvas;
mod fonts;
mod layout;
mod render;

use chrono::NaiveTime;
use printpdf::{OffsetDateTime, PdfDocument, PdfFont, PdfPage, PdfSaveOptions, Pt, RawImage, XObject, XObjectId};

use super::InvoiceSnapshot;
use crate::error::{Error, Result};

/// The PDF of `snapshot`; `logo` is the bytes of its `logo_id`, if it has one.
pub fn render(snapshot: &InvoiceSnapshot, logo_bytes: Option<&[u8]>) -> Result<Vec<u8>> {
    let currency = snapshot.currency()?;
    let title = format!("{} {}", snapshot.kind.title(), snapshot.number);
    let mut doc = PdfDocument::new(&title);
    let issued = snapshot.issued_on.and_time(NaiveTime::MIN).and_utc().timestamp();
    let date = OffsetDateTime::from_unix_timestamp(issued).map_err(|reason| Error::InvalidInput {
        field: "issuedOn",
        reason: format!("cannot be written into a PDF ({reason})"),
    })?;
    let info = &mut doc.metadata.info;
    (info.creation_date, info.modification_date, info.metadata_date) = (date, date, date);
    info.author = snapshot.seller.name.clone();
    info.creator = "Kontor".to_string();
    info.producer = "Kontor (printpdf)".to_string();
    info.identifier = snapshot.number.clone();
    doc.resources.fonts.map.insert(fonts::id(), PdfFont::new(fonts::face().font.clone()));
    let placed = match logo_bytes {
        Some(bytes) => {
            let image = RawImage::decode_from_bytes(bytes, &mut Vec::new())
                .map_err(|reason| Error::InvalidLogo { reason: format!("cannot be read ({reason})") })?;
            let id = XObjectId("KontorLogo".to_string());
            let placed = render::PlacedLogo { id: id.clone(), width_px: image.width, height_px: image.height };
            doc.resources.xobjects.map.insert(id, XObject::Image(image));
            Some(placed)
        }
        None => None,
    };
    let page = layout::Page::of(snapshot.paper_size);
    let pages = render::pages(snapshot, currency, placed.as_ref())
        .into_iter()
        .map(|ops| PdfPage { media_box: media_box(page), trim_box: media_box(page), crop_box: media_box(page), ops })
        .collect();
    doc.with_pages(pages);
    let mut bytes = doc.save(&PdfSaveOptions::default(), &mut Vec::new());
    fix_document_id(&mut bytes, &snapshot.number);
    Ok(bytes)
}

fn media_box(page: layout::Page) -> printpdf::Rect {
    printpdf::Rect::from_wh(Pt(page.width), Pt(page.height))
}

/// printpdf writes a random trailer `/ID`; replace both of its 32-character
/// strings with ones derived from the invoice number (same length, so no
/// offset in the file moves).
fn fix_document_id(bytes: &mut [u8], number: &str) {
    let marker = b"/ID[(";
    let Some(start) = bytes.windows(marker.len()).rposition(|window| window == marker) else { return };
    let id = document_id(number);
    let first = start + marker.len();
    let second = first + 32 + 2; // ")(" between the two strings
    if bytes.len() >= second + 32 && &bytes[first + 32..second] == b")(" {
        bytes[first..first + 32].copy_from_slice(&id);
        bytes[second..second + 32].copy_from_slice(&id);
    }
}

/// 32 letters from the number: a stable FNV-1a hash spelled A–P.
fn document_id(number: &str) -> [u8; 32] {
    let mut out = [b'A'; 32];
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (index, slot) in out.iter_mut().enumerate() {
        for byte in number.bytes().chain([index as u8]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        *slot = b'A' + (hash >> 60) as u8;
    }
    out
}
