//! How charts look: the app's colours (ui/src/styles/base.css), the
//! embedded DejaVu Sans (no system font needed), and axis number formats.

use std::sync::OnceLock;

use plotters::style::{FontStyle, RGBColor, register_font};

/// The family plotters' own defaults ask for; DejaVu Sans answers to it, and
/// an SVG viewer draws its own sans-serif with the same metrics near enough.
pub const FONT: &str = "sans-serif";

pub const TEAL: RGBColor = RGBColor(0x1d, 0x4e, 0x63);
pub const GOLD: RGBColor = RGBColor(0xe0, 0xa2, 0x3a);
pub const GREEN: RGBColor = RGBColor(0x2c, 0x6e, 0x49);
pub const RED: RGBColor = RGBColor(0xa1, 0x26, 0x26);
pub const TEXT: RGBColor = RGBColor(0x1f, 0x29, 0x33);
pub const MUTED: RGBColor = RGBColor(0x5d, 0x69, 0x78);
pub const GRID: RGBColor = RGBColor(0xdd, 0xe1, 0xe6);
pub const AXIS: RGBColor = RGBColor(0xc5, 0xcb, 0xd3);

/// Series and slices take these in turn.
pub const PALETTE: [RGBColor; 8] =
    [TEAL, GOLD, GREEN, RED, RGBColor(0x6b, 0x8f, 0xa3), RGBColor(0x9a, 0x7b, 0x4f), RGBColor(0x7a, 0x9e, 0x7e), MUTED];

pub fn colour(index: usize) -> RGBColor {
    PALETTE[index % PALETTE.len()]
}

/// Registers the embedded font once per process.
pub fn load_font() -> Result<(), String> {
    static LOADED: OnceLock<Result<(), String>> = OnceLock::new();
    LOADED
        .get_or_init(|| {
            register_font(FONT, FontStyle::Normal, dejavu::sans::regular())
                .and_then(|()| register_font(FONT, FontStyle::Bold, dejavu::sans::bold()))
                .map_err(|_| "the embedded DejaVu Sans font could not be read".to_string())
        })
        .clone()
}

/// An axis value: thousands separated, decimals only where the scale is small.
pub fn axis_number(value: f64, span: f64) -> String {
    let decimals = if span < 10.0 { 2 } else { 0 };
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').map_or((text.as_str(), None), |(w, f)| (w, Some(f)));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if value < 0.0 && text.trim_start_matches(['0', '.']).chars().any(|c| c != '0') { "-" } else { "" };
    match fraction {
        Some(fraction) => format!("{sign}{grouped}.{fraction}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A category name short enough to sit under a bar.
pub fn short(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        return label.to_string();
    }
    let mut cut: String = label.chars().take(max - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_numbers_group_thousands_and_keep_small_decimals() {
        assert_eq!(axis_number(1234567.0, 2_000_000.0), "1,234,567");
        assert_eq!(axis_number(-2500.0, 5000.0), "-2,500");
        assert_eq!(axis_number(0.5, 2.0), "0.50");
        assert_eq!(axis_number(-0.0, 100.0), "0");
        assert_eq!(short("Bench article 123456", 10), "Bench art…");
    }
}
