//! A whole report as a PDF (printpdf): its title and period, the chart as
//! drawn for PNG, and the table underneath, continued over as many A4 pages
//! as it needs with the column headings repeated. DejaVu Sans is embedded, so
//! every name prints (Łukasz, Дмитрий) without a system font.

use printpdf::{
    Color, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, RawImage, RawImageData,
    RawImageFormat, Rgb, TextItem, XObjectTransform,
};

use super::chart::{self, Size};
use super::report::Report;
use crate::error::{Error, Result};

const PAGE_WIDTH: f32 = 210.0;
const PAGE_HEIGHT: f32 = 297.0;
const MARGIN: f32 = 15.0;
const ROW: f32 = 5.5;
/// Twice the screen size, so the chart stays sharp on paper.
const CHART: Size = Size { width: 1920, height: 840 };

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
    let share = (PAGE_WIDTH - 2.0 * MARGIN) / (count as f32 + 1.0);
    (0..count).map(|i| MARGIN + if i == 0 { 0.0 } else { share * (i as f32 + 1.0) }).collect()
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
    let headings: Vec<&str> = report.columns.iter().map(|column| column.label.as_str()).collect();

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
    let heading = |ops: &mut Vec<Op>, y: f32| {
        for (start, label) in starts.iter().zip(&headings) {
            text(ops, &font, 8.0, *start, y, label, true);
        }
    };
    heading(&mut ops, y);
    y -= ROW;
    for row in &report.rows {
        if y < MARGIN {
            pages.push(PdfPage::new(Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT), std::mem::take(&mut ops)));
            y = PAGE_HEIGHT - MARGIN - 6.0;
            heading(&mut ops, y);
            y -= ROW;
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
    Ok(doc.with_pages(pages).save(&PdfSaveOptions::default(), &mut Vec::new()))
}
