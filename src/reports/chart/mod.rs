//! Charts drawn in Rust with plotters: a report's line, bar or pie chart as
//! SVG text (what the UI shows) or PNG bytes (for export), in the app's
//! colours with the embedded font, so nothing depends on the machine.

mod draw;
pub mod style;

use plotters::prelude::{BitMapBackend, IntoDrawingArea, SVGBackend};

use super::report::ChartData;
use crate::error::{Error, Result};

/// Pixels; the SVG scales to any width through its viewBox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

impl Size {
    pub const REPORT: Size = Size { width: 960, height: 420 };
}

fn failed(error: impl std::fmt::Display) -> Error {
    Error::ChartFailed { reason: error.to_string() }
}

/// The chart as an SVG document. `subtitle` says what period it covers.
pub fn svg(chart: &ChartData, subtitle: &str, size: Size) -> Result<String> {
    style::load_font().map_err(failed)?;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (size.width, size.height)).into_drawing_area();
        draw::chart(&root, chart, subtitle).map_err(failed)?;
        root.present().map_err(failed)?;
    }
    Ok(out)
}

/// The chart's pixels, three bytes (RGB) each, row by row.
pub fn pixels(chart: &ChartData, subtitle: &str, size: Size) -> Result<Vec<u8>> {
    style::load_font().map_err(failed)?;
    let mut pixels = vec![0u8; size.width as usize * size.height as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (size.width, size.height)).into_drawing_area();
        draw::chart(&root, chart, subtitle).map_err(failed)?;
        root.present().map_err(failed)?;
    }
    Ok(pixels)
}

/// The chart as a PNG image.
pub fn png(chart: &ChartData, subtitle: &str, size: Size) -> Result<Vec<u8>> {
    let pixels = pixels(chart, subtitle, size)?;
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, size.width, size.height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(failed)?;
    writer.write_image_data(&pixels).map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(out)
}
