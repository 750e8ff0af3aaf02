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

/// Breaks `text` into lines of at most `max_width` points at spaces (a word
/// longer than a line is cut with an ellipsis).
pub fn wrap(text: &str, weight: Weight, size: f32, max_width: f32) -> Vec<String> {
    let face = face(weight);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
        if face.width(&candidate, size) <= max_width || current.is_empty() {
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
        assert!(lines.iter().all(|line| face(Weight::Regular).width(line, 9.0) <= 120.0));
        assert_eq!(lines.join(" "), "Please quote INV-2026-000042 with your payment");
        assert_eq!(wrap("Supercalifragilistic", Weight::Bold, 20.0, 60.0).len(), 1);
        assert!(wrap("Supercalifragilistic", Weight::Bold, 20.0, 60.0)[0].ends_with('…'));
        assert!(wrap("", Weight::Regular, 9.0, 100.0).is_empty());
    }

    #[test]
    fn widths_come_from_the_font() {
        let regular = face(Weight::Regular);
        assert!(regular.width("WWW", 10.0) > regular.width("iii", 10.0));
        assert!((regular.width("0.00", 20.0) - 2.0 * regular.width("0.00", 10.0)).abs() < 0.001);
    }
}
