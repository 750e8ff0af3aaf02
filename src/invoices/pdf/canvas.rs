//! Drawing on one PDF page in points from the bottom-left: text (left or
//! right aligned, regular or bold), filled boxes, rules and an image. A thin
//! layer over printpdf's operations so the invoice layout reads as layout.

use printpdf::{
    Color, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt, Rect, Rgb, TextItem, TextRenderingMode,
    WindingOrder, XObjectId, XObjectTransform,
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
    /// Where the last text of the open text section starts, as the viewer
    /// adds it up: each text is placed by a move from there.
    line_start: (f32, f32),
    size: Option<f32>,
    fill: Option<Ink>,
    bold_stroke: Option<(Ink, f32)>,
    bold: bool,
}

fn hundredths(points: f32) -> f32 {
    (points * 100.0).round() / 100.0
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
            self.line_start = (0.0, 0.0);
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
        // A move from the last text's start (Td) is two short numbers where
        // placing the text matrix (Tm) is six long ones, on every cell of
        // every page. Moves are rounded to a hundredth of a point (0.004 mm)
        // and measured from where the rounded moves put the last text, so
        // the rounding never adds up along a page.
        let (dx, dy) = (hundredths(x + inset - self.line_start.0), hundredths(y - self.line_start.1));
        self.line_start = (self.line_start.0 + dx, self.line_start.1 + dy);
        self.ops.extend([
            Op::SetTextCursor { pos: Point { x: Pt(dx), y: Pt(dy) } },
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Where each text lands, adding up its section's moves as a viewer does.
    fn text_positions(ops: &[Op]) -> Vec<(f64, f64)> {
        let mut at = (0.0, 0.0);
        let mut positions = Vec::new();
        for op in ops {
            match op {
                Op::StartTextSection => at = (0.0, 0.0),
                Op::SetTextCursor { pos } => {
                    at = (at.0 + f64::from(pos.x.0), at.1 + f64::from(pos.y.0));
                    positions.push(at);
                }
                _ => {}
            }
        }
        positions
    }

    #[test]
    fn a_page_of_moves_puts_every_text_within_a_hundredth_of_a_point_of_its_place() {
        let mut canvas = Canvas::default();
        let mut wanted = Vec::new();
        for row in 0..60 {
            let y = 780.123 - row as f32 * 12.345;
            if row % 7 == 3 {
                canvas.fill(48.0, y - 3.0, 499.28, 12.0, SHADE);
            }
            for x in [53.017, 131.26, 317.852_08, 371.281_77, 441.496_6, 510.582_55] {
                canvas.text(x, y, 8.5, Weight::Regular, INK, "7.45");
                wanted.push((f64::from(x), f64::from(y)));
            }
        }
        let placed = text_positions(&canvas.into_ops());
        assert_eq!(placed.len(), wanted.len());
        for ((x, y), (want_x, want_y)) in placed.iter().zip(&wanted) {
            assert!((x - want_x).abs() <= 0.006 && (y - want_y).abs() <= 0.006, "({x}, {y}) for ({want_x}, {want_y})");
        }
    }
}
