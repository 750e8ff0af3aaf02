//! The invoice's typeface: DejaVu Sans from the `dejavu` crate, so every
//! machine prints the same glyphs, with the coverage for Łukasz Müller, Ñoño,
//! Σοφία and Дмитрий. One face is embedded: bold is drawn by stroking the
//! regular outlines (canvas.rs), which halves the font work and the file.
//! Widths come from the font's own advances, so amounts line up exactly.
//!
//! printpdf embeds only the glyphs a document uses, but finding them reads
//! every glyph of the font it is given, for every document: for DejaVu's
//! 6,000 glyphs that was a quarter of an invoice's render time. So invoices
//! are drawn with the *everyday* face — DejaVu cut down, when Kontor is
//! built, to the scripts invoices are written in (under a third of its glyphs) —
//! and with the whole font only when a document has a character outside them.

use std::sync::OnceLock;

use printpdf::{FontId, ParsedFont};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

pub struct Face {
    pub font: ParsedFont,
    /// The advances of the ASCII characters, most of any invoice's text,
    /// looked up once: the font's character map is searched segment by segment.
    ascii: [Option<u16>; 128],
}

impl Face {
    fn parse(bytes: &[u8]) -> Face {
        let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("the bundled DejaVu font parses");
        let ascii = std::array::from_fn(|code| look_up_advance(&font, char::from(code as u8)));
        Face { font, ascii }
    }

    /// The horizontal advance of `c` in font units, if the face has it.
    fn advance(&self, c: char) -> Option<u16> {
        match self.ascii.get(c as usize) {
            Some(advance) => *advance,
            None => look_up_advance(&self.font, c),
        }
    }
}

fn look_up_advance(font: &ParsedFont, c: char) -> Option<u16> {
    font.lookup_glyph_index(u32::from(c)).map(|glyph| font.get_horizontal_advance(glyph))
}

/// Cut by build.rs to Latin (with Vietnamese), Greek, Cyrillic,
/// punctuation, currency signs, letterlike symbols, arrows and maths.
fn everyday() -> &'static Face {
    static EVERYDAY_FACE: OnceLock<Face> = OnceLock::new();
    EVERYDAY_FACE.get_or_init(|| Face::parse(include_bytes!(concat!(env!("OUT_DIR"), "/dejavu-sans-everyday.ttf"))))
}

fn full() -> &'static Face {
    static FULL_FACE: OnceLock<Face> = OnceLock::new();
    FULL_FACE.get_or_init(|| Face::parse(dejavu::sans::regular()))
}

/// The face that has every character of `texts`: the everyday one, unless
/// a text needs the whole font.
pub fn face_for<'a>(mut texts: impl Iterator<Item = &'a str>) -> &'static Face {
    let everyday = everyday();
    if texts.all(|text| text.chars().all(|c| everyday.advance(c).is_some())) { everyday } else { full() }
}

/// A fixed resource id (printpdf would pick a random one, and its first six
/// letters become the subset tag): the same invoice gives the same bytes.
pub fn id() -> FontId {
    FontId("KNTRDJ".to_string())
}

/// Bold adds a stroke of this share of the font size around each glyph,
/// widening it by about as much.
pub const BOLD_STROKE: f32 = 0.065;

/// Width of `text` at `size` points in `weight` (advances are the same in
/// either face; the whole font is asked only for what the everyday one lacks).
pub fn width(text: &str, weight: Weight, size: f32) -> f32 {
    in_points(text.chars().map(units).sum(), weight, size)
}

/// The advance of `c` in font units.
fn units(c: char) -> u32 {
    everyday().advance(c).or_else(|| full().advance(c)).map_or(0, u32::from)
}

fn in_points(units: u32, weight: Weight, size: f32) -> f32 {
    let stroke = match weight {
        Weight::Regular => 0.0,
        Weight::Bold => BOLD_STROKE * size,
    };
    let units_per_em = f32::from(everyday().font.pdf_font_metrics.units_per_em.max(1));
    units as f32 * size / units_per_em + stroke
}

/// Cuts `text` to fit `max_width` points, ending it with an ellipsis.
pub fn fit(text: &str, weight: Weight, size: f32, max_width: f32) -> String {
    if width(text, weight, size) <= max_width {
        return text.to_string();
    }
    let ellipsis = width("…", Weight::Regular, size);
    let mut kept = String::new();
    let mut kept_units = 0;
    for c in text.chars() {
        kept_units += units(c);
        if in_points(kept_units, weight, size) + ellipsis > max_width {
            break;
        }
        kept.push(c);
    }
    format!("{}…", kept.trim_end())
}

/// Breaks `text` into lines of at most `max_width` points at spaces (a word
/// longer than a line is cut with an ellipsis).
pub fn wrap(text: &str, weight: Weight, size: f32, max_width: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
        if width(&candidate, weight, size) <= max_width || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines.into_iter().map(|line| fit(&line, weight, size, max_width)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_wraps_at_spaces_and_long_words_are_cut() {
        let lines = wrap("Please quote INV-2026-000042 with your payment", Weight::Regular, 9.0, 120.0);
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines.iter().all(|line| width(line, Weight::Regular, 9.0) <= 120.0));
        assert_eq!(lines.join(" "), "Please quote INV-2026-000042 with your payment");
        assert_eq!(wrap("Supercalifragilistic", Weight::Bold, 20.0, 60.0).len(), 1);
        assert!(wrap("Supercalifragilistic", Weight::Bold, 20.0, 60.0)[0].ends_with('…'));
        assert!(wrap("", Weight::Regular, 9.0, 100.0).is_empty());
    }

    #[test]
    fn the_everyday_face_draws_business_text_and_the_whole_font_the_rest() {
        assert!(std::ptr::eq(
            face_for(["Łukasz Müller", "Σοφία", "Дмитрий", "Nguyễn", "€ 1,00 № 5"].into_iter()),
            everyday()
        ));
        assert!(std::ptr::eq(face_for(["Łukasz", "Ⓐ"].into_iter()), full()));
        assert!(everyday().font.num_glyphs() < full().font.num_glyphs() / 3);
        assert_eq!(
            width("Ⓐ", Weight::Regular, 10.0),
            full().advance('Ⓐ').map_or(0.0, |a| f32::from(a) * 10.0 / 2048.0)
        );
    }

    #[test]
    fn widths_come_from_the_font() {
        assert!(width("WWW", Weight::Regular, 10.0) > width("iii", Weight::Regular, 10.0));
        assert!((width("0.00", Weight::Regular, 20.0) - 2.0 * width("0.00", Weight::Regular, 10.0)).abs() < 0.001);
        assert!(width("0.00", Weight::Bold, 10.0) > width("0.00", Weight::Regular, 10.0));
    }
}
