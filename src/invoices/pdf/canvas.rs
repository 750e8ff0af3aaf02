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

#[derive(Default)]
pub struct Canvas {
    pub ops: Vec<Op>,
}

fn color((r, g, b): (f32, f32, f32)) -> Color {
    Color::Rgb(Rgb { r, g, b, icc_profile: None })
}

impl Canvas {
    pub fn text(&mut self, x: f32, y: f32, size: f32, weight: Weight, ink: (f32, f32, f32), text: &str) {
        if text.is_empty() {
            return;
        }
        let bold = weight == Weight::Bold;
        // The stroke grows a bold glyph by half its width on each side.
        let inset = if bold { fonts::BOLD_STROKE * size / 2.0 } else { 0.0 };
        if bold {
            // Fill and stroke the outlines in the ink: bold without a second font.
            self.ops.extend([
                Op::SaveGraphicsState,
                Op::SetOutlineColor { col: color(ink) },
                Op::SetOutlineThickness { pt: Pt(fonts::BOLD_STROKE * size) },
            ]);
        }
        self.ops.push(Op::StartTextSection);
        if bold {
            self.ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::FillStroke });
        }
        self.ops.extend([
            Op::SetFillColor { col: color(ink) },
            Op::SetFont { font: PdfFontHandle::External(fonts::id()), size: Pt(size) },
            Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(x + inset), Pt(y)) },
            Op::ShowText { items: vec![TextItem::Text(text.to_string())] },
            Op::EndTextSection,
        ]);
        if bold {
            self.ops.push(Op::RestoreGraphicsState);
        }
    }

    /// Text whose right edge is at `right`.
    pub fn text_right(&mut self, right: f32, y: f32, size: f32, weight: Weight, ink: (f32, f32, f32), text: &str) {
        let width = fonts::width(text, weight, size);
        self.text(right - width, y, size, weight, ink, text);
    }

    pub fn fill(&mut self, x: f32, y: f32, width: f32, height: f32, fill: (f32, f32, f32)) {
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
    pub fn rule(&mut self, x1: f32, x2: f32, y: f32, thickness: f32, ink: (f32, f32, f32)) {
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
