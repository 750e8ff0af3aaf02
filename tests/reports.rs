//! Reports against a small book whose figures are worked out by hand below:
//! orders over several local days (one in USD, one placed just after local
//! midnight), a return and a line cancellation later in November, a whole
//! order cancelled in December, a refund. Every figure must match to the cent.

mod common;

use chrono::{TimeZone, Utc};
use kontor::Kontor;
use kontor::money::Amount;
use kontor::orders::PaymentMethod;
use kontor::reports::{Report, ReportName, ReportRequest};
use kontor::staff::{Actor, Role, SignedInUser};

fn amount(text: &str) -> Amount {
    Amount::parse("amount", text).unwrap()
}

fn range(from: &str, to: &str, grouping: &str) -> ReportRequest {
    ReportRequest { from: Some(from.into()), to: Some(to.into()), grouping: Some(grouping.into()), preset: None }
}

/// The table's rows as (first cell, the cells named by `keys`).
fn rows(report: &Report, keys: &[&str]) -> Vec<Vec<String>> {
    let index: Vec<usize> =
        keys.iter().map(|key| report.columns.iter().position(|column| column.key == *key).unwrap()).collect();
    report.rows.iter().map(|row| index.iter().map(|&i| row[i].clone()).collect()).collect()
}

struct Book {
    book: common::Book,
    owner: Actor,
    clerk: Actor,
}

impl Book {
    fn kontor(&self) -> &Kontor {
        &self.book.kontor
    }

    fn at(&self, year: i32, month: u32, day: u32, hour: u32, minute: u32) {
        let target = Utc.with_ymd_and_hms(year, month, day, hour, minute, 0).unwrap();
        self.book.clock.advance(target - self.book.clock.now());
    }

    async fn report(&self, name: ReportName, request: ReportRequest) -> Report {
        self.kontor().report(&self.owner, name, &request).await.unwrap()
    }
}

/// The book described at the top, in Berlin time (UTC+1 in November).
async fn book() -> Book {
    let (book, owner) = common::set_up_book().await;
    let owner = Actor::user(&owner);
    let clerk = common::add(&book.kontor, &owner, "cara", Role::Clerk).await;
    let clerk =
        Actor::user(&SignedInUser { id: clerk.id, name: clerk.name, username: clerk.username, role: clerk.role });
    let shop = Book { book, owner, clerk };
    let kontor = shop.kontor();
    kontor.set_time_zone(&shop.owner, "Europe/Berlin").await.unwrap();
    let lukasz = common::customer(kontor, &shop.owner, "Łukasz Müller", None).await.id;
    let berta = common::customer(kontor, &shop.owner, "Berta Braun", None).await.id;
    common::product(kontor, &shop.owner, "A-1", "10.00", "19", 50).await; // cost 1.00
    common::product(kontor, &shop.owner, "B-2", "2.50", "7", 50).await; // cost 1.00
    let place = |customer: i64, lines: &[(&str, i64)]| common::order_input(customer, lines);

    shop.at(2026, 11, 2, 9, 0); // Mon 2 Nov, 10:00 in Berlin
    let o1 = kontor.create_order(&shop.clerk, place(lukasz, &[("A-1", 3), ("B-2", 2)])).await.unwrap(); // 35.00
    let mut usd = place(lukasz, &[("A-1", 1)]); // 10.8542 USD → 10.85 USD × 0.9213 = 9.996 → 10.00 EUR
    usd.currency = Some("USD".into());
    usd.exchange_rate = Some("0.9213".into());
    usd.payment_method = PaymentMethod::Card;
    kontor.create_order(&shop.clerk, usd).await.unwrap();

    shop.at(2026, 11, 2, 23, 30); // 00:30 on Tue 3 Nov in Berlin
    kontor.create_order(&shop.clerk, place(berta, &[("B-2", 4)])).await.unwrap(); // 10.00
    let o4 = kontor.create_order(&shop.clerk, place(lukasz, &[("A-1", 2)])).await.unwrap(); // 20.00

    shop.at(2026, 11, 4, 10, 0);
    let o5 = kontor.create_order(&shop.clerk, place(lukasz, &[("A-1", 1), ("B-2", 2)])).await.unwrap(); // 15.00
    let mut draft = place(lukasz, &[("A-1", 1)]);
    draft.place = false;
    let draft = kontor.create_order(&shop.clerk, draft).await.unwrap();
    kontor.cancel_order(&shop.clerk, &draft.number).await.unwrap(); // never placed: no sale, no cancellation

    shop.at(2026, 11, 5, 10, 0);
    kontor.ship_order(&shop.clerk, &o1.number).await.unwrap();
    kontor.record_payment(&shop.clerk, &o1.number, PaymentMethod::Card, amount("41.05"), "").await.unwrap();

    shop.at(2026, 11, 10, 10, 0);
    kontor.return_line(&shop.clerk, &o1.number, "A-1", 1, true).await.unwrap(); // −10.00, restocked
    let o1 = kontor.return_line(&shop.clerk, &o1.number, "B-2", 1, false).await.unwrap(); // −2.50, damaged
    kontor.record_refund(&shop.owner, &o1.number, PaymentMethod::Card, o1.refund_due, "").await.unwrap();
    assert_eq!(o1.refund_due, amount("14.57")); // 41.05 paid, 26.48 now due

    shop.at(2026, 11, 20, 10, 0);
    kontor.cancel_line(&shop.clerk, &o5.number, "B-2").await.unwrap(); // −5.00

    shop.at(2026, 12, 1, 10, 0);
    kontor.cancel_order(&shop.clerk, &o4.number).await.unwrap(); // −20.00 in December
    shop
}

#[tokio::test]
async fn sales_are_booked_when_placed_and_reduced_when_cancelled_or_returned() {
    let shop = book().await;
    let report = shop.report(ReportName::Sales, range("2026-11-01", "2026-12-31", "month")).await;
    assert_eq!(report.currency, "EUR");
    assert_eq!(
        rows(&report, &["period", "orders", "booked", "reductions", "revenue", "averageOrderValue"]),
        [["2026-11", "5", "90.00", "17.50", "72.50", "14.50"], ["2026-12", "0", "0.00", "20.00", "-20.00", "0.00"],]
    );
    let days = shop.report(ReportName::Sales, range("2026-11-01", "2026-12-31", "day")).await;
    let non_zero: Vec<Vec<String>> =
        rows(&days, &["period", "orders", "revenue"]).into_iter().filter(|row| row[2] != "0.00").collect();
    assert_eq!(
        non_zero,
        [
            ["2026-11-02", "2", "45.00"],
            ["2026-11-03", "2", "30.00"],
            ["2026-11-04", "1", "15.00"],
            ["2026-11-10", "0", "-12.50"],
            ["2026-11-20", "0", "-5.00"],
            ["2026-12-01", "0", "-20.00"],
        ]
    );
    assert_eq!(days.rows.len(), 61, "every day of the range has a row");
    assert_eq!(days.chart.series[0].values.len(), 61);
    let weeks = shop.report(ReportName::Sales, range("2026-11-02", "2026-11-22", "week")).await;
    assert_eq!(
        rows(&weeks, &["period", "revenue"]),
        [["2026-W45", "90.00"], ["2026-W46", "-12.50"], ["2026-W47", "-5.00"]]
    );
}

#[tokio::test]
async fn over_a_range_holding_every_event_revenue_equals_the_lines_as_they_stand() {
    let shop = book().await;
    let report = shop.report(ReportName::Sales, range("2026-11-01", "2026-12-31", "month")).await;
    let total: Amount = rows(&report, &["revenue"]).iter().map(|row| amount(&row[0])).sum();
    // Independently: what the order records say now, base-currency orders from SQL, the USD one by hand.
    let eur: i64 = sqlx::query_scalar(
        "SELECT sum(amount) FROM order_lines WHERE order_id IN
           (SELECT id FROM orders WHERE currency = 'EUR' AND placed_at IS NOT NULL)",
    )
    .fetch_one(shop.kontor().store().pool())
    .await
    .unwrap();
    let usd: (i64, String) = sqlx::query_as("SELECT amount_lines, exchange_rate FROM orders WHERE currency = 'USD'")
        .fetch_one(shop.kontor().store().pool())
        .await
        .unwrap();
    let usd_in_eur =
        Amount::from_storage(usd.0).convert(usd.1.parse().unwrap(), kontor::money::Currency::parse("EUR").unwrap());
    assert_eq!(total, Amount::from_storage(eur) + usd_in_eur);
    assert_eq!(total, amount("52.50"));
}

#[tokio::test]
async fn a_day_is_a_local_day_and_the_range_includes_both_ends() {
    let shop = book().await;
    // The order at 23:30 UTC on 2 Nov is 00:30 on 3 Nov in Berlin.
    let report = shop.report(ReportName::Sales, range("2026-11-03", "2026-11-03", "day")).await;
    assert_eq!(rows(&report, &["period", "orders", "revenue"]), [["2026-11-03", "2", "30.00"]]);
    shop.kontor().set_time_zone(&shop.owner, "UTC").await.unwrap();
    let report = shop.report(ReportName::Sales, range("2026-11-02", "2026-11-03", "day")).await;
    assert_eq!(rows(&report, &["orders", "revenue"]), [["4", "75.00"], ["0", "0.00"]]);
}

#[tokio::test]
async fn gross_profit_takes_the_cost_of_what_was_kept_or_lost() {
    let shop = book().await;
    let report = shop.report(ReportName::GrossProfit, range("2026-11-01", "2026-12-31", "month")).await;
    // Nov: 15 units at 1.00 booked, 2 cancelled and 1 restocked come back; the damaged one stays a cost.
    // Dec: the 2 units of the cancelled order come back.
    assert_eq!(
        rows(&report, &["period", "revenue", "cost", "grossProfit", "margin"]),
        [["2026-11", "72.50", "12.00", "60.50", "83.4"], ["2026-12", "-20.00", "-2.00", "-18.00", "90.0"]]
    );
}

#[tokio::test]
async fn returns_and_refunds_are_counted_on_the_day_they_happen() {
    let shop = book().await;
    let report = shop.report(ReportName::Returns, range("2026-11-01", "2026-12-31", "month")).await;
    assert_eq!(
        rows(&report, &["period", "cancelled", "returnedUnits", "returned", "refunds", "refunded"]),
        [["2026-11", "5.00", "2", "12.50", "1", "14.57"], ["2026-12", "20.00", "0", "0.00", "0", "0.00"]]
    );
    assert_eq!(report.chart.series.len(), 3);
}

#[tokio::test]
async fn orders_split_by_status_and_payment_method() {
    let shop = book().await;
    let status = shop.report(ReportName::Status, range("2026-11-01", "2026-11-30", "day")).await;
    assert_eq!(
        rows(&status, &["name", "orders", "total"]),
        // Placed: the USD order (12.91 USD → 11.89), Berta's (10.70) and o5 after its cancelled line (11.90).
        [["placed", "3", "34.49"], ["cancelled", "2", "0.00"], ["shipped", "1", "26.48"]]
    );
    let methods = shop.report(ReportName::PaymentMethods, range("2026-11-01", "2026-11-30", "day")).await;
    assert_eq!(rows(&methods, &["name", "orders"]), [["bank transfer", "5"], ["card", "1"]]);
    assert_eq!(methods.chart.series[0].values, [5.0, 1.0]);
}

#[tokio::test]
async fn top_products_and_customers_rank_by_revenue_in_base_currency() {
    let shop = book().await;
    let products = shop.report(ReportName::TopProducts, range("2026-11-01", "2026-11-30", "day")).await;
    assert_eq!(rows(&products, &["name", "count", "revenue"]), [["A-1", "4", "40.00"], ["B-2", "5", "12.50"]]);
    let customers = shop.report(ReportName::TopCustomers, range("2026-11-01", "2026-11-30", "day")).await;
    assert_eq!(
        rows(&customers, &["name", "count", "revenue"]),
        [["Łukasz Müller", "4", "42.50"], ["Berta Braun", "1", "10.00"]]
    );
}

#[tokio::test]
async fn a_period_without_sales_is_an_empty_chart_that_says_so() {
    let shop = book().await;
    let report = shop.report(ReportName::Sales, range("2025-01-01", "2025-01-07", "day")).await;
    assert_eq!(report.chart.empty_message.as_deref(), Some("No sales in this period"));
    assert_eq!(report.rows.len(), 7);
    assert!(report.rows.iter().all(|row| row[4] == "0.00"));
    let top = shop.report(ReportName::TopProducts, range("2025-01-01", "2025-01-07", "day")).await;
    assert!(top.rows.is_empty());
    assert_eq!(top.chart.empty_message.as_deref(), Some("No sales in this period"));
}

#[tokio::test]
async fn bad_ranges_groupings_and_clerks_are_refused_with_the_reason() {
    let shop = book().await;
    let kontor = shop.kontor();
    let before = common::dump(kontor).await;
    let owner = &shop.owner;
    let refused =
        |request: ReportRequest| async move { kontor.report(owner, ReportName::Sales, &request).await.unwrap_err() };
    let error = refused(range("2026-11-30", "2026-11-01", "day")).await;
    assert_eq!((error.code(), error.details()["field"].as_str()), ("invalid_range", Some("from")));
    assert!(error.to_string().contains("after"), "{error}");
    let error = refused(range("2000-01-01", "2026-11-01", "month")).await;
    assert_eq!((error.code(), error.details()["field"].as_str()), ("invalid_range", Some("to")));
    assert!(error.to_string().contains("20 years"), "{error}");
    let error = refused(range("2026-11-01", "2026-11-30", "fortnight")).await;
    assert_eq!((error.code(), error.details()["value"].as_str()), ("invalid_grouping", Some("fortnight")));
    let error = refused(range("2026-11-01", "30.11.2026", "day")).await;
    assert_eq!((error.code(), error.details()["field"].as_str()), ("invalid_range", Some("to")));
    let error =
        refused(ReportRequest { preset: Some("last_month".into()), ..range("2026-11-01", "2026-11-30", "day") }).await;
    assert_eq!((error.code(), error.details()["field"].as_str()), ("invalid_range", Some("preset")));
    let error =
        kontor.report(&shop.clerk, ReportName::Sales, &range("2026-11-01", "2026-11-30", "day")).await.unwrap_err();
    assert_eq!(error.code(), "forbidden");
    assert_eq!(kontor.dashboard(&shop.clerk).await.unwrap_err().code(), "forbidden");
    assert_eq!(common::dump(kontor).await, before);
}

#[tokio::test]
async fn presets_are_resolved_in_the_business_time_zone() {
    let shop = book().await; // now: 1 Dec 2026, 11:00 in Berlin
    let request =
        ReportRequest { preset: Some("last_month".into()), grouping: Some("month".into()), ..Default::default() };
    let report = shop.report(ReportName::Sales, request).await;
    assert_eq!(rows(&report, &["period", "revenue"]), [["2026-11", "72.50"]]);
}

#[tokio::test]
async fn the_dashboard_compares_this_month_with_last() {
    let shop = book().await;
    shop.at(2026, 12, 2, 12, 0);
    let kontor = shop.kontor();
    let lukasz: i64 = sqlx::query_scalar("SELECT id FROM customers WHERE name = 'Berta Braun'")
        .fetch_one(kontor.store().pool())
        .await
        .unwrap();
    kontor.create_order(&shop.clerk, common::order_input(lukasz, &[("A-1", 3)])).await.unwrap();
    let dashboard = kontor.dashboard(&shop.owner).await.unwrap();
    assert_eq!(dashboard.sales_today, amount("30.00"));
    assert_eq!(dashboard.orders_today, 1);
    // December: −20.00 (cancellation) + 30.00; November: 72.50 over 5 orders.
    assert_eq!((dashboard.sales_this_month, dashboard.sales_last_month), (amount("10.00"), amount("72.50")));
    assert_eq!(dashboard.sales_change_percent.as_deref(), Some("-86.2"));
    assert_eq!(
        (dashboard.average_order_value, dashboard.average_order_value_last_month),
        (amount("10.00"), amount("14.50"))
    );
    assert_eq!(dashboard.average_order_value_change_percent.as_deref(), Some("-31.0"));
    assert_eq!(dashboard.orders_pending, 4); // the USD order, Berta's two and o5
    assert_eq!(dashboard.sales_chart.series[0].values.len(), 30);
}

#[tokio::test]
async fn the_whole_report_prints_to_pdf_with_its_chart_and_table() {
    let shop = book().await;
    let report = shop.report(ReportName::TopCustomers, range("2026-11-01", "2026-11-30", "day")).await;
    let pdf = kontor::reports::pdf::pdf(&report).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let file = shop.book.dir.path().join("top-customers.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let out = std::process::Command::new("pdftotext").arg("-layout").arg(&file).arg("-").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in
        ["Top customers", "1 Nov 2026 – 30 Nov 2026, in EUR", "Łukasz Müller", "42.50", "Berta Braun", "10.00"]
    {
        assert!(text.contains(expected), "{expected} missing from the PDF's text:\n{text}");
    }
    // A year of days runs over several pages, each with the column headings.
    let year = shop.report(ReportName::Sales, range("2026-01-01", "2026-12-31", "day")).await;
    let file = shop.book.dir.path().join("sales.pdf");
    std::fs::write(&file, kontor::reports::pdf::pdf(&year).unwrap()).unwrap();
    let out = std::process::Command::new("pdftotext").arg(&file).arg("-").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let pages = text.matches('\u{c}').count();
    assert!(pages >= 7, "365 rows at ~45 a page: {pages} pages");
    assert_eq!(text.matches("Period").count(), pages, "the headings start every page");
    assert!(text.contains("2026-12-31"));
}

#[tokio::test]
async fn a_book_from_before_the_rollup_gets_it_built_from_its_records_when_opened() {
    let shop = book().await;
    let pool = shop.kontor().store().pool();
    let rollup = || async {
        sqlx::query_as::<_, (i64, String, i64, i64, i64, i64, i64)>(
            "SELECT slot, currency, orders, booked, cancelled, returned, cost FROM sales_rollup ORDER BY 1, 2",
        )
        .fetch_all(pool)
        .await
        .unwrap()
    };
    let running = rollup().await;
    let before = shop.report(ReportName::GrossProfit, range("2026-11-01", "2026-12-31", "day")).await;
    // As the migration leaves a book that already had orders: an empty rollup and the request to build it.
    sqlx::query("DELETE FROM sales_rollup").execute(pool).await.unwrap();
    sqlx::query("INSERT INTO settings (key, value, updated_at) VALUES ('sales_rollup', 'rebuild', '2026-12-01')")
        .execute(pool)
        .await
        .unwrap();
    let reopened = Kontor::open_with_clock(shop.book.dir.path(), shop.book.clock.clone()).await.unwrap();
    assert_eq!(rollup().await, running);
    let after = reopened.report(&shop.owner, ReportName::GrossProfit, &range("2026-11-01", "2026-12-31", "day")).await;
    assert_eq!(after.unwrap().rows, before.rows);
    let asked: i64 =
        sqlx::query_scalar("SELECT count(*) FROM settings WHERE key = 'sales_rollup'").fetch_one(pool).await.unwrap();
    assert_eq!(asked, 0, "the request is done with");
}
