//! The invoice's typeface: DejaVu Sans from the `dejavu` crate, so every
//! machine prints the same glyphs, with the coverage for Łukasz Müller, Ñoño,
//! Σοφία and Дмитрий. Parsed once per process; printpdf embeds only the
//! glyphs a document uses. One face is embedded: bold is drawn by stroking
//! the regular outlines (canvas.rs), which halves the font work and the file.
//! Widths come from the font's own advances, so amounts line up exactly.

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

pub fn face() -> &'static Face {
    static REGULAR: OnceLock<Face> = OnceLock::new();
    REGULAR.get_or_init(|| Face::parse(dejavu::sans::regular()))
}

/// A fixed resource id (printpdf would pick a random one, and its first six
/// letters become the subset tag): the same invoice gives the same bytes.
pub fn id() -> FontId {
    FontId("KNTRDJ".to_string())
}

/// Bold adds a stroke of this share of the font size around each glyph,
/// widening it by about as much.
pub const BOLD_STROKE: f32 = 0.065;

/// Width of `text` at `size` points in `weight`.
pub fn width(text: &str, weight: Weight, size: f32) -> f32 {
    let stroke = match weight {
        Weight::Regular => 0.0,
        Weight::Bold => BOLD_STROKE * size,
    };
    face().width(text, size) + stroke
}

/// Cuts `text` to fit `max_width` points, ending it with an ellipsis.
pub fn fit(text: &str, weight: Weight, size: f32, max_width: f32) -> String {
    if width(text, weight, size) <= max_width {
        return text.to_string();
    }
    let mut kept = String::new();
    for c in text.chars() {
        kept.push(c);
        if width(&kept, weight, size) + width("…", Weight::Regular, size) > max_width {
            kept.pop();
            break;
        }
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
    fn widths_come_from_the_font() {
        assert!(width("WWW", Weight::Regular, 10.0) > width("iii", Weight::Regular, 10.0));
        assert!((width("0.00", Weight::Regular, 20.0) - 2.0 * width("0.00", Weight::Regular, 10.0)).abs() < 0.001);
        assert!(width("0.00", Weight::Bold, 10.0) > width("0.00", Weight::Regular, 10.0));
    }
}
