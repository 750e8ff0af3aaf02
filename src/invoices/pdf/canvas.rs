//! Drawing on one PDF page in points from the bottom-left: text (left or
//! right aligned, regular or bold), filled boxes, rules and an image. A thin
//! layer over printpdf's operations so the invoice layout reads as layout.

use printpdf::{
    Color, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt, Rect, Rgb, TextItem, TextMatrix,
    TextRenderingMode, WindingOrder, XObjectId, XObjectTransform,
};

use super::fonts::{self, Weight};

pub const INK: (f32, f32, f32) = (0.13, 0.15, 0.18);
pub const MUTED: (f32, f32, f32) = (0.42, 0.45, 0.50);
pub const ACCENT: (f32, f32, f32) = (0.11, 0.31, 0.55);
pub const RULE: (f32, f32, f32) = (0.80, 0.82, 0.85);
pub const SHADE: (f32, f32, f32) = (0.955, 0.962, 0.972);

type Ink = (f32, f32, f32);

/// One page's operations, plus the text state already set on it, so a
/// page of a thousand cells sets its font, colours and bold once per change
/// rather than once per cell (the page's text state persists across text
/// sections; shapes save and restore their own graphics state).
#[derive(Default)]
pub struct Canvas {
    ops: Vec<Op>,
    in_text: bool,
    size: Option<f32>,
    fill: Option<Ink>,
    bold_stroke: Option<(Ink, f32)>,
    bold: bool,
}

fn color((r, g, b): Ink) -> Color {
    Color::Rgb(Rgb { r, g, b, icc_profile: None })
}

impl Canvas {
    /// The page's operations, every text section closed.
    pub fn into_ops(mut self) -> Vec<Op> {
        self.end_text();
        self.ops
    }

    fn end_text(&mut self) {
        if std::mem::take(&mut self.in_text) {
            self.ops.push(Op::EndTextSection);
        }
    }

    pub fn text(&mut self, x: f32, y: f32, size: f32, weight: Weight, ink: Ink, text: &str) {
        if text.is_empty() {
            return;
        }
        if !std::mem::replace(&mut self.in_text, true) {
            self.ops.push(Op::StartTextSection);
        }
        if self.size != Some(size) {
            self.size = Some(size);
            self.ops.push(Op::SetFont { font: PdfFontHandle::External(fonts::id()), size: Pt(size) });
        }
        if self.fill != Some(ink) {
            self.fill = Some(ink);
            self.ops.push(Op::SetFillColor { col: color(ink) });
        }
        let bold = weight == Weight::Bold;
        // Bold fills and strokes the outlines in the ink: no second font.
        if bold && self.bold_stroke != Some((ink, size)) {
            self.bold_stroke = Some((ink, size));
            self.ops.push(Op::SetOutlineColor { col: color(ink) });
            self.ops.push(Op::SetOutlineThickness { pt: Pt(fonts::BOLD_STROKE * size) });
        }
        if self.bold != bold {
            self.bold = bold;
            let mode = if bold { TextRenderingMode::FillStroke } else { TextRenderingMode::Fill };
            self.ops.push(Op::SetTextRenderingMode { mode });
        }
        // The stroke grows a bold glyph by half its width on each side.
        let inset = if bold { fonts::BOLD_STROKE * size / 2.0 } else { 0.0 };
        self.ops.extend([
            Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(x + inset), Pt(y)) },
            Op::ShowText { items: vec![TextItem::Text(text.to_string())] },
        ]);
    }

    /// Text whose right edge is at `right`.
    pub fn text_right(&mut self, right: f32, y: f32, size: f32, weight: Weight, ink: (f32, f32, f32), text: &str) {
        let width = fonts::width(text, weight, size);
        self.text(right - width, y, size, weight, ink, text);
    }

    pub fn fill(&mut self, x: f32, y: f32, width: f32, height: f32, fill: Ink) {
        self.end_text();
        self.ops.extend([
            Op::SaveGraphicsState,
            Op::SetFillColor { col: color(fill) },
            Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(x),
                    y: Pt(y),
                    width: Pt(width),
                    height: Pt(height),
                    mode: Some(PaintMode::Fill),
                    winding_order: Some(WindingOrder::NonZero),
                },
            },
            Op::RestoreGraphicsState,
        ]);
    }

    /// A horizontal rule from `x1` to `x2` at `y`.
    pub fn rule(&mut self, x1: f32, x2: f32, y: f32, thickness: f32, ink: Ink) {
        self.end_text();
        let point = |x: f32| LinePoint { p: Point { x: Pt(x), y: Pt(y) }, bezier: false };
        self.ops.extend([
            Op::SaveGraphicsState,
            Op::SetOutlineColor { col: color(ink) },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine { line: Line { points: vec![point(x1), point(x2)], is_closed: false } },
            Op::RestoreGraphicsState,
        ]);
    }

    /// An image `pixels` wide drawn `width` points wide with its bottom-left at (x, y).
    pub fn image(&mut self, id: &XObjectId, x: f32, y: f32, width: f32, pixels: usize) {
        // At `dpi`, one pixel is 72/dpi points; pick the dpi that gives `width`.
        let dpi = pixels as f32 * 72.0 / width;
        self.end_text();
        self.ops.push(Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(y)),
                dpi: Some(dpi),
                ..XObjectTransform::default()
            },
        });
    }
}
