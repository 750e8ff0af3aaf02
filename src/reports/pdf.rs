//! A whole report as a PDF (printpdf): its title and period, the chart as
//! drawn for PNG, and the table underneath, continued over as many A4 pages
//! as it needs with the column headings repeated. DejaVu Sans is embedded, so
//! every name prints (Łukasz, Дмитрий) without a system font.

use printpdf::{
    Color, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, Point, Pt, RawImage, RawImageData, RawImageFormat,
    Rgb, TextItem, XObjectTransform,
};

use super::chart::{self, Size};
use super::report::Report;
use crate::error::{Error, Result};

const PAGE_WIDTH: f32 = 210.0;
const PAGE_HEIGHT: f32 = 297.0;
const MARGIN: f32 = 15.0;
const ROW: f32 = 5.5;
/// The screen size: about 135 dpi across the page, with the labels as legible as on screen.
const CHART: Size = Size::REPORT;
/// Headings are this size in points, and wrap onto lines this far apart (mm).
const HEADING_SIZE: f32 = 7.5;
const HEADING_LINE: f32 = 3.4;

fn text(ops: &mut Vec<Op>, font: &PdfFontHandle, size: f32, x: f32, y: f32, content: &str, grey: bool) {
    let shade = if grey { 0.36 } else { 0.12 };
    ops.extend([
        Op::StartTextSection,
        Op::SetFillColor { col: Color::Rgb(Rgb { r: shade, g: shade + 0.04, b: shade + 0.08, icc_profile: None }) },
        Op::SetFont { font: font.clone(), size: Pt(size) },
        Op::SetTextCursor { pos: Point::new(Mm(x), Mm(y)) },
        Op::ShowText { items: vec![TextItem::Text(content.to_string())] },
        Op::EndTextSection,
    ]);
}

/// Column starts across the printable width; the first column gets a double share.
fn column_starts(count: usize) -> Vec<f32> {
    (0..count).map(|i| MARGIN + if i == 0 { 0.0 } else { share(count) * (i as f32 + 1.0) }).collect()
}

fn share(count: usize) -> f32 {
    (PAGE_WIDTH - 2.0 * MARGIN) / (count as f32 + 1.0)
}

/// A heading broken into lines that fit its column (DejaVu is about 0.55 em per character).
fn wrapped(label: &str, width_mm: f32) -> Vec<String> {
    let per_line = ((width_mm - 2.0) / (HEADING_SIZE * 0.55 * 25.4 / 72.0)).max(4.0) as usize;
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= per_line => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

pub fn pdf(report: &Report) -> Result<Vec<u8>> {
    let mut doc = PdfDocument::new(&report.title);
    let font = ParsedFont::from_bytes(dejavu::sans::regular(), 0, &mut Vec::new())
        .ok_or_else(|| Error::ChartFailed { reason: "the embedded DejaVu Sans font could not be read".into() })?;
    let font = PdfFontHandle::External(doc.add_font(&font));
    let pixels = chart::pixels(&report.chart, &report.subtitle(), CHART)?;
    let image = doc.add_image(&RawImage {
        pixels: RawImageData::U8(pixels),
        width: CHART.width as usize,
        height: CHART.height as usize,
        data_format: RawImageFormat::RGB8,
        tag: Vec::new(),
    });
    let chart_width = PAGE_WIDTH - 2.0 * MARGIN;
    let chart_height = chart_width * CHART.height as f32 / CHART.width as f32;
    let dpi = CHART.width as f32 / (chart_width / 25.4);
    let starts = column_starts(report.columns.len());
    let width = share(report.columns.len());
    let headings: Vec<Vec<String>> = report
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| wrapped(&column.label, if i == 0 { 2.0 * width } else { width }))
        .collect();
    let heading_lines = headings.iter().map(Vec::len).max().unwrap_or(1) as f32;

    let mut pages = Vec::new();
    let mut ops = Vec::new();
    text(&mut ops, &font, 16.0, MARGIN, PAGE_HEIGHT - MARGIN - 6.0, &report.title, false);
    text(&mut ops, &font, 10.0, MARGIN, PAGE_HEIGHT - MARGIN - 12.0, &report.subtitle(), true);
    let chart_bottom = PAGE_HEIGHT - MARGIN - 16.0 - chart_height;
    ops.push(Op::UseXobject {
        id: image,
        transform: XObjectTransform {
            translate_x: Some(Mm(MARGIN).into()),
            translate_y: Some(Mm(chart_bottom).into()),
            dpi: Some(dpi),
            ..Default::default()
        },
    });
    let mut y = chart_bottom - 10.0;
    // Headings (wrapped) and where the first row goes under them.
    let heading = |ops: &mut Vec<Op>, y: f32| {
        for (start, lines) in starts.iter().zip(&headings) {
            for (n, line) in lines.iter().enumerate() {
                text(ops, &font, HEADING_SIZE, *start, y - HEADING_LINE * n as f32, line, true);
            }
        }
        y - HEADING_LINE * (heading_lines - 1.0) - ROW
    };
    y = heading(&mut ops, y);
    for row in &report.rows {
        if y < MARGIN {
            pages.push(PdfPage::new(Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT), std::mem::take(&mut ops)));
            y = heading(&mut ops, PAGE_HEIGHT - MARGIN - 6.0);
        }
        for (start, cell) in starts.iter().zip(row) {
            text(&mut ops, &font, 9.0, *start, y, cell, false);
        }
        y -= ROW;
    }
    if let Some(message) = &report.chart.empty_message {
        text(&mut ops, &font, 10.0, MARGIN, y, message, true);
    }
    pages.push(PdfPage::new(Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT), ops));
    // The range is part of the name: the same report over two ranges is two documents.
    let name = format!("{} {}", report.title, report.subtitle());
    Ok(crate::pdf::to_bytes(doc.with_pages(pages), &name))
}
