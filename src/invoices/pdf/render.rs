//! The invoice as drawn: logo or seller name, the document title and
//! number, seller / buyer / details blocks, the lines table flowing over
//! pages with its header repeated, the tax breakdown and totals, payment
//! terms and bank details, and on every page the footer and "Page x of y".

use printpdf::{Op, XObjectId};

use super::canvas::{ACCENT, Canvas, INK, MUTED, RULE, SHADE};
use super::fonts::{self, Weight};
use super::layout::{self, Column, HEADER_ROW_HEIGHT, MARGIN_BOTTOM, MARGIN_X, Page, ROW_HEIGHT};
use crate::invoices::locale::NumberLocale;
use crate::invoices::{InvoiceKind, InvoiceSnapshot};
use crate::money::Currency;

/// A logo placed in the document's resources.
pub struct PlacedLogo {
    pub id: XObjectId,
    pub width_px: usize,
    pub height_px: usize,
}

const LOGO_BOX: (f32, f32) = (170.0, 56.0);
const LINE: f32 = 12.5;
const BLOCK_GAP: f32 = 12.0;

struct Writer<'a> {
    doc: &'a InvoiceSnapshot,
    page: Page,
    locale: NumberLocale,
    currency: Currency,
}

/// Every page's drawing operations.
pub fn pages(doc: &InvoiceSnapshot, currency: Currency, logo: Option<&PlacedLogo>) -> Vec<Vec<Op>> {
    let writer = Writer { doc, page: Page::of(doc.paper_size), locale: doc.number_locale, currency };
    let mut first = Canvas::default();
    let first_table_top = writer.first_page_heading(&mut first, logo);
    let next_table_top = writer.page.top() - 40.0;
    let summary_height = writer.summary_height();
    let plans = layout::plan_pages(doc.lines.len(), first_table_top, next_table_top, summary_height);
    let count = plans.len();
    plans
        .into_iter()
        .enumerate()
        .map(|(index, plan)| {
            let mut canvas = if index == 0 { std::mem::take(&mut first) } else { Canvas::default() };
            if index > 0 {
                writer.continuation_heading(&mut canvas);
            }
            let mut y = plan.table_top;
            if !plan.rows.is_empty() || index == 0 {
                y = writer.table(&mut canvas, plan.table_top, plan.rows.clone());
            }
            if plan.summary {
                writer.summary(&mut canvas, y - 20.0);
            }
            writer.footer(&mut canvas, index + 1, count);
            canvas.into_ops()
        })
        .collect()
}

impl Writer<'_> {
    fn right(&self) -> f32 {
        self.page.width - MARGIN_X
    }

    fn number_label(&self) -> &'static str {
        match self.doc.kind {
            InvoiceKind::Invoice => "Invoice no.",
            InvoiceKind::CreditNote => "Credit note no.",
        }
    }

    /// Logo, title, seller / buyer / details; returns where the table starts.
    fn first_page_heading(&self, canvas: &mut Canvas, logo: Option<&PlacedLogo>) -> f32 {
        let top = self.page.top();
        match logo {
            Some(logo) => {
                let scale = (LOGO_BOX.0 / logo.width_px as f32).min(LOGO_BOX.1 / logo.height_px as f32);
                let (width, height) = (logo.width_px as f32 * scale, logo.height_px as f32 * scale);
                canvas.image(&logo.id, MARGIN_X, top - height, width, logo.width_px);
            }
            None => {
                let name = fonts::fit(&self.doc.seller.name, Weight::Bold, 16.0, 330.0);
                canvas.text(MARGIN_X, top - 17.0, 16.0, Weight::Bold, ACCENT, &name);
            }
        }
        let title = self.doc.kind.title().to_uppercase();
        canvas.text_right(self.right(), top - 22.0, 22.0, Weight::Bold, ACCENT, &title);
        canvas.text_right(self.right(), top - 40.0, 10.5, Weight::Regular, MUTED, &self.doc.number);

        let blocks_top = top - LOGO_BOX.1 - 28.0;
        let column = (self.page.content_width() - 2.0 * BLOCK_GAP) / 3.0;
        let seller = &self.doc.seller;
        let seller_end = self.party(canvas, MARGIN_X, blocks_top, column, "FROM", seller);
        let buyer_end =
            self.party(canvas, MARGIN_X + column + BLOCK_GAP, blocks_top, column, "BILL TO", &self.doc.buyer);
        let details_end = self.details(canvas, MARGIN_X + 2.0 * (column + BLOCK_GAP), blocks_top, column);
        seller_end.min(buyer_end).min(details_end) - 22.0
    }

    /// A seller or buyer block; returns the y under its last line.
    fn party(
        &self,
        canvas: &mut Canvas,
        x: f32,
        top: f32,
        width: f32,
        label: &str,
        party: &crate::invoices::Party,
    ) -> f32 {
        canvas.text(x, top, 7.5, Weight::Bold, MUTED, label);
        let mut y = top - 15.0 + LINE;
        for name in fonts::wrap(&party.name, Weight::Bold, 10.5, width) {
            y -= LINE;
            canvas.text(x, y, 10.5, Weight::Bold, INK, &name);
        }
        let tax_id = (!party.tax_id.is_empty()).then(|| format!("Tax ID: {}", party.tax_id));
        let lines = party.address.lines().map(str::to_string);
        for text in lines.chain(tax_id).chain((!party.email.is_empty()).then(|| party.email.clone())) {
            for line in fonts::wrap(&text, Weight::Regular, 9.0, width) {
                y -= LINE;
                canvas.text(x, y, 9.0, Weight::Regular, INK, &line);
            }
        }
        y
    }

    fn details(&self, canvas: &mut Canvas, x: f32, top: f32, width: f32) -> f32 {
        canvas.text(x, top, 7.5, Weight::Bold, MUTED, "DETAILS");
        let mut rows =
            vec![(self.number_label(), self.doc.number.clone()), ("Issue date", self.locale.date(self.doc.issued_on))];
        match &self.doc.corrects {
            Some(invoice) => rows.push(("Corrects", invoice.clone())),
            None => rows.push(("Due date", self.locale.date(self.doc.due_on))),
        }
        rows.push(("Order", self.doc.order_number.clone()));
        rows.push(("Currency", self.doc.currency.clone()));
        let mut y = top - 15.0;
        for (index, (label, value)) in rows.iter().enumerate() {
            if index > 0 {
                y -= LINE;
            }
            canvas.text(x, y, 9.0, Weight::Regular, MUTED, label);
            canvas.text_right(x + width, y, 9.0, Weight::Bold, INK, value);
        }
        y
    }

    fn continuation_heading(&self, canvas: &mut Canvas) {
        let top = self.page.top() - 10.0;
        let name = fonts::fit(&self.doc.seller.name, Weight::Bold, 10.5, 260.0);
        canvas.text(MARGIN_X, top, 10.5, Weight::Bold, ACCENT, &name);
        let title = format!("{} {} (continued)", self.doc.kind.title(), self.doc.number);
        canvas.text_right(self.right(), top, 9.0, Weight::Regular, MUTED, &title);
        canvas.rule(MARGIN_X, self.right(), top - 10.0, 0.6, RULE);
    }

    /// The header row and `rows`; returns the y under the last row.
    fn table(&self, canvas: &mut Canvas, top: f32, rows: std::ops::Range<usize>) -> f32 {
        let columns = layout::columns(self.page);
        let width = self.page.content_width();
        canvas.fill(MARGIN_X, top - HEADER_ROW_HEIGHT, width, HEADER_ROW_HEIGHT, SHADE);
        for column in &columns {
            cell(canvas, column, top - 13.5, 8.0, Weight::Bold, MUTED, column.title);
        }
        canvas.rule(MARGIN_X, self.right(), top - HEADER_ROW_HEIGHT, 0.8, ACCENT);
        let mut y = top - HEADER_ROW_HEIGHT;
        for (index, line) in self.doc.lines[rows].iter().enumerate() {
            if index % 2 == 1 {
                canvas.fill(MARGIN_X, y - ROW_HEIGHT, width, ROW_HEIGHT, SHADE);
            }
            let baseline = y - 12.0;
            let values = [
                line.sku.clone(),
                line.description.clone(),
                self.locale.quantity(line.quantity),
                self.locale.unit_price(line.unit_price, self.currency),
                self.locale.tax_rate(line.tax_rate),
                self.locale.amount(line.amount, self.currency),
            ];
            for (column, value) in columns.iter().zip(&values) {
                cell(canvas, column, baseline, 8.5, Weight::Regular, INK, value);
            }
            y -= ROW_HEIGHT;
        }
        canvas.rule(MARGIN_X, self.right(), y, 0.6, RULE);
        y
    }

    /// Width of the payment column left of the totals.
    fn payment_width(&self) -> f32 {
        self.page.content_width() - 250.0 - 24.0
    }

    fn wrapped(&self, texts: &[String]) -> usize {
        texts.iter().map(|text| fonts::wrap(text, Weight::Regular, 9.0, self.payment_width()).len()).sum()
    }

    fn payment_lines(&self) -> Vec<String> {
        let mut lines = match (&self.doc.corrects, self.doc.payment_terms_days) {
            (Some(invoice), _) => {
                vec![format!("This credit note corrects invoice {invoice} for order {}.", self.doc.order_number)]
            }
            (None, 0) => vec!["Payable on receipt.".to_string()],
            (None, days) => {
                vec![format!("Payable within {days} days, by {}.", self.locale.date(self.doc.due_on))]
            }
        };
        if self.doc.corrects.is_none() {
            lines.push(format!("Please quote {} with your payment.", self.doc.number));
        }
        lines
    }

    fn bank_lines(&self) -> Vec<String> {
        self.doc.bank_details.lines().map(str::trim).filter(|line| !line.is_empty()).map(str::to_string).collect()
    }

    fn summary_height(&self) -> f32 {
        let right = 20.0 + LINE * (self.doc.taxes.len() as f32 + 1.0) + 12.0 + 2.0 * LINE + 26.0;
        let bank = self.bank_lines();
        let left = 14.0
            + LINE * self.wrapped(&self.payment_lines()) as f32
            + if bank.is_empty() { 0.0 } else { 20.0 + LINE * self.wrapped(&bank) as f32 };
        right.max(left) + 30.0
    }

    /// Tax breakdown and totals on the right, payment terms and bank details on the left.
    fn summary(&self, canvas: &mut Canvas, top: f32) {
        // Inset, so the shaded total's box stays inside the margins.
        let right = self.right() - 6.0;
        let left = right - 244.0;
        let (net_x, tax_x) = (right - 90.0, right);
        canvas.text(left, top, 7.5, Weight::Bold, MUTED, "TAX BREAKDOWN");
        let mut y = top - 15.0;
        canvas.text(left, y, 8.0, Weight::Bold, MUTED, "Rate");
        canvas.text_right(net_x, y, 8.0, Weight::Bold, MUTED, "Net");
        canvas.text_right(tax_x, y, 8.0, Weight::Bold, MUTED, "Tax");
        for tax in &self.doc.taxes {
            y -= LINE;
            canvas.text(left, y, 9.0, Weight::Regular, INK, &self.locale.tax_rate(tax.rate));
            canvas.text_right(net_x, y, 9.0, Weight::Regular, INK, &self.locale.amount(tax.base, self.currency));
            canvas.text_right(tax_x, y, 9.0, Weight::Regular, INK, &self.locale.amount(tax.tax, self.currency));
        }
        y -= 8.0;
        canvas.rule(left, right, y, 0.6, RULE);
        for (label, amount) in [("Net total", self.doc.amount_net), ("Tax total", self.doc.amount_tax)] {
            y -= LINE + 2.0;
            canvas.text(left, y, 9.0, Weight::Regular, MUTED, label);
            canvas.text_right(right, y, 9.0, Weight::Regular, INK, &self.locale.money(amount, self.currency));
        }
        y -= 10.0;
        canvas.fill(left - 6.0, y - 20.0, self.right() - left + 6.0, 24.0, SHADE);
        let total_label = match self.doc.kind {
            InvoiceKind::Invoice => "Total due",
            InvoiceKind::CreditNote => "Total credited",
        };
        canvas.text(left, y - 13.0, 11.0, Weight::Bold, INK, total_label);
        let total = self.locale.money(self.doc.amount_total, self.currency);
        canvas.text_right(right, y - 13.0, 12.0, Weight::Bold, ACCENT, &total);

        let width = self.payment_width();
        canvas.text(MARGIN_X, top, 7.5, Weight::Bold, MUTED, "PAYMENT");
        let mut y = top - 15.0;
        for line in self.payment_lines().iter().flat_map(|text| fonts::wrap(text, Weight::Regular, 9.0, width)) {
            canvas.text(MARGIN_X, y, 9.0, Weight::Regular, INK, &line);
            y -= LINE;
        }
        let bank = self.bank_lines();
        if !bank.is_empty() {
            y -= 8.0;
            canvas.text(MARGIN_X, y, 7.5, Weight::Bold, MUTED, "BANK DETAILS");
            for line in bank.iter().flat_map(|text| fonts::wrap(text, Weight::Regular, 9.0, width)) {
                y -= LINE;
                canvas.text(MARGIN_X, y, 9.0, Weight::Regular, INK, &line);
            }
        }
    }

    fn footer(&self, canvas: &mut Canvas, number: usize, count: usize) {
        let y = MARGIN_BOTTOM - 30.0;
        canvas.rule(MARGIN_X, self.right(), y + 12.0, 0.5, RULE);
        let footer =
            self.doc.footer.lines().map(str::trim).filter(|line| !line.is_empty()).collect::<Vec<_>>().join(" · ");
        let footer = fonts::fit(&footer, Weight::Regular, 7.5, self.page.content_width() - 80.0);
        canvas.text(MARGIN_X, y, 7.5, Weight::Regular, MUTED, &footer);
        canvas.text_right(self.right(), y, 7.5, Weight::Regular, MUTED, &format!("Page {number} of {count}"));
    }
}

/// One table cell, cut to its column and aligned as the column says.
fn cell(
    canvas: &mut Canvas,
    column: &Column,
    baseline: f32,
    size: f32,
    weight: Weight,
    ink: (f32, f32, f32),
    text: &str,
) {
    const PAD: f32 = 5.0;
    let text = fonts::fit(text, weight, size, column.width - 2.0 * PAD);
    if column.right_aligned {
        canvas.text_right(column.x + column.width - PAD, baseline, size, weight, ink, &text);
    } else {
        canvas.text(column.x + PAD, baseline, size, weight, ink, &text);
    }
}
