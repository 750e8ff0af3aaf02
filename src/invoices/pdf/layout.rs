//! Page geometry: paper sizes, margins, the lines table's columns, and how
//! the rows flow over pages — as many as fit below the first page's header
//! blocks, then as many as fit below each continuation heading, with the
//! tax breakdown and totals kept together on the last page (a page of its
//! own when they do not fit under the last rows). Points, origin bottom-left.

use crate::invoices::PaperSize;

pub const MARGIN_X: f32 = 48.0;
pub const MARGIN_TOP: f32 = 48.0;
/// Room under the table for the footer and "Page x of y".
pub const MARGIN_BOTTOM: f32 = 64.0;
pub const ROW_HEIGHT: f32 = 17.0;
pub const HEADER_ROW_HEIGHT: f32 = 20.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
}

impl Page {
    pub fn of(paper: PaperSize) -> Page {
        match paper {
            PaperSize::A4 => Page { width: 595.28, height: 841.89 },
            PaperSize::Letter => Page { width: 612.0, height: 792.0 },
        }
    }

    pub fn content_width(self) -> f32 {
        self.width - 2.0 * MARGIN_X
    }

    pub fn top(self) -> f32 {
        self.height - MARGIN_TOP
    }
}

/// A lines-table column: where it starts and how wide it is; numbers align right.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    pub title: &'static str,
    pub x: f32,
    pub width: f32,
    pub right_aligned: bool,
}

/// SKU, description, quantity, unit price, tax rate, amount: the description
/// takes what the fixed columns leave.
pub fn columns(page: Page) -> [Column; 6] {
    let fixed = [("SKU", 78.0, false), ("Qty", 44.0, true), ("Unit price", 78.0, true), ("Tax", 46.0, true)];
    let amount_width = 86.0;
    let description = page.content_width() - fixed.iter().map(|(_, w, _)| w).sum::<f32>() - amount_width;
    let specs =
        [fixed[0], ("Description", description, false), fixed[1], fixed[2], fixed[3], ("Amount", amount_width, true)];
    let mut x = MARGIN_X;
    specs.map(|(title, width, right_aligned)| {
        let column = Column { title, x, width, right_aligned };
        x += width;
        column
    })
}

/// Which rows each page carries and where its table starts.
#[derive(Debug, Clone, PartialEq)]
pub struct PagePlan {
    pub rows: std::ops::Range<usize>,
    /// y of the top of the table header on this page.
    pub table_top: f32,
    /// The tax breakdown and totals go under this page's rows.
    pub summary: bool,
}

/// Splits `rows` over pages. The first page's table starts at
/// `first_table_top`, later ones at `next_table_top`; the summary needs
/// `summary_height` under the last row.
pub fn plan_pages(rows: usize, first_table_top: f32, next_table_top: f32, summary_height: f32) -> Vec<PagePlan> {
    let fits = |top: f32| (((top - HEADER_ROW_HEIGHT - MARGIN_BOTTOM) / ROW_HEIGHT).floor() as usize).max(1);
    let mut pages = Vec::new();
    let mut start = 0;
    let mut top = first_table_top;
    loop {
        let end = (start + fits(top)).min(rows);
        pages.push(PagePlan { rows: start..end, table_top: top, summary: false });
        start = end;
        if start >= rows {
            break;
        }
        top = next_table_top;
    }
    let last = pages.last_mut().expect("at least one page");
    let below_rows = last.table_top - HEADER_ROW_HEIGHT - ROW_HEIGHT * last.rows.len() as f32 - MARGIN_BOTTOM;
    if below_rows >= summary_height {
        last.summary = true;
    } else {
        pages.push(PagePlan { rows: rows..rows, table_top: next_table_top, summary: true });
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_the_width_between_the_margins() {
        for paper in [PaperSize::A4, PaperSize::Letter] {
            let page = Page::of(paper);
            let columns = columns(page);
            let last = columns[5];
            assert!((last.x + last.width - (page.width - MARGIN_X)).abs() < 0.01);
            assert!(columns[1].width > 150.0, "the description keeps room");
        }
    }

    #[test]
    fn rows_flow_over_pages_and_the_summary_stays_whole() {
        let one = plan_pages(5, 500.0, 760.0, 200.0);
        assert_eq!(one, vec![PagePlan { rows: 0..5, table_top: 500.0, summary: true }]);
        let many = plan_pages(100, 500.0, 760.0, 200.0);
        assert_eq!(many.first().unwrap().rows.start, 0);
        assert_eq!(many.last().unwrap().rows.end, 100);
        assert!(many.windows(2).all(|pair| pair[0].rows.end == pair[1].rows.start), "no row lost or repeated");
        assert_eq!(many.iter().filter(|plan| plan.summary).count(), 1);
        // Rows that just fill the first page push the summary onto a page of its own.
        let full = ((500.0 - HEADER_ROW_HEIGHT - MARGIN_BOTTOM) / ROW_HEIGHT).floor() as usize;
        let pushed = plan_pages(full, 500.0, 760.0, 200.0);
        assert_eq!(pushed.len(), 2);
        assert_eq!(pushed[1], PagePlan { rows: full..full, table_top: 760.0, summary: true });
    }
}
