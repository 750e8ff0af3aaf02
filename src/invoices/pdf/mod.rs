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
use printpdf::{OffsetDateTime, Op, PdfDocument, PdfFont, PdfPage, Pt, RawImage, TextItem, XObject, XObjectId};

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
    let pages: Vec<PdfPage> = render::pages(snapshot, currency, placed.as_ref())
        .into_iter()
        .map(|ops| PdfPage { media_box: media_box(page), trim_box: media_box(page), crop_box: media_box(page), ops })
        .collect();
    let face = fonts::face_for(pages.iter().flat_map(|page| texts(&page.ops)));
    doc.resources.fonts.map.insert(fonts::id(), PdfFont::new(face.font.clone()));
    doc.with_pages(pages);
    Ok(crate::pdf::to_bytes(&doc, &snapshot.number))
}

/// Every text the operations show.
fn texts(ops: &[Op]) -> impl Iterator<Item = &str> {
    ops.iter()
        .filter_map(|op| match op {
            Op::ShowText { items } => Some(items),
            _ => None,
        })
        .flatten()
        .filter_map(|item| match item {
            TextItem::Text(text) => Some(text.as_str()),
            _ => None,
        })
}

fn media_box(page: layout::Page) -> printpdf::Rect {
    printpdf::Rect::from_wh(Pt(page.width), Pt(page.height))
}
