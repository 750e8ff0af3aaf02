//! The invoice's typeface: DejaVu Sans (regular and bold) from the `dejavu`
//! crate, so every machine prints the same glyphs, with the coverage for
//! Łukasz Müller, Ñoño, Σοφία and Дмитрий. Parsed once per process; printpdf
//! embeds only the glyphs a document uses. Widths come from the font's own
//! advances, so right-aligned amounts line up exactly.

use std::sync::OnceLock;

use printpdf::{FontId, ParsedFont};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

pub struct Face {
    pub font: ParsedFont,
    units_per_em: f32,
}

impl Face {
    fn parse(bytes: &[u8]) -> Face {
        let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("the bundled DejaVu font parses");
        let units_per_em = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        Face { font, units_per_em }
    }

    /// Width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| self.font.lookup_glyph_index(u32::from(c)).map_or(0, |g| self.font.get_horizontal_advance(g)))
            .map(u32::from)
            .sum();
        units as f32 * size / self.units_per_em
    }
}

pub fn face(weight: Weight) -> &'static Face {
    static REGULAR: OnceLock<Face> = OnceLock::new();
    static BOLD: OnceLock<Face> = OnceLock::new();
    match weight {
        Weight::Regular => REGULAR.get_or_init(|| Face::parse(dejavu::sans::regular())),
        Weight::Bold => BOLD.get_or_init(|| Face::parse(dejavu::sans::bold())),
    }
}

/// Fixed resource ids (printpdf would pick random ones, and the first six
/// letters become the subset tag): the same invoice gives the same bytes.
pub fn id(weight: Weight) -> FontId {
    FontId(match weight {
        Weight::Regular => "KNTRRG".to_string(),
        Weight::Bold => "KNTRBD".to_string(),
    })
}

/// Cuts `text` to fit `max_width` points, ending it with an ellipsis.
pub fn fit(text: &str, weight: Weight, size: f32, max_width: f32) -> String {
    let face = face(weight);
    if face.width(text, size) <= max_width {
        return text.to_string();
    }
    let mut kept = String::new();
    for c in text.chars() {
        kept.push(c);
        if face.width(&kept, size) + face.width("…", size) > max_width {
            kept.pop();
            break;
        }
    }
    format!("{}…", kept.trim_end())
}
