//! Charts: the SVG is well-formed XML with one bar, point or slice per figure
//! and the labels a reader needs; the PNG decodes; an empty period says so.
//! Each chart is also written to target/charts/ to be looked at.

use kontor::reports::chart::{self, Size};
use kontor::reports::{ChartData, ChartKind, Series};

fn data(kind: ChartKind, categories: &[&str], series: &[(&str, &[f64])]) -> ChartData {
    ChartData {
        kind,
        title: "Sales over time".into(),
        categories: categories.iter().map(|c| c.to_string()).collect(),
        category_label: "Day".into(),
        series: series
            .iter()
            .map(|(name, values)| Series { name: name.to_string(), values: values.to_vec() })
            .collect(),
        value_label: "Revenue (EUR)".into(),
        empty_message: None,
    }
}

fn keep(name: &str, svg: &str, png: &[u8]) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/charts");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.svg")), svg).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

/// Elements of `tag` filled with `#rrggbb` (plotters writes fills in lower case).
fn filled(doc: &roxmltree::Document, tag: &str, colour: &str) -> usize {
    doc.descendants().filter(|n| n.has_tag_name(tag) && n.attribute("fill") == Some(colour)).count()
}

/// The drawn line of the first series (axes are polylines too, in another colour).
fn series_line<'a>(doc: &'a roxmltree::Document) -> roxmltree::Node<'a, 'a> {
    doc.descendants().find(|n| n.has_tag_name("polyline") && n.attribute("stroke") == Some("#1D4E63")).unwrap()
}

fn texts(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(|text| text.trim().to_string()))
        .collect()
}

fn png_size(png: &[u8]) -> (u32, u32) {
    let decoder = png::Decoder::new(png);
    let reader = decoder.read_info().unwrap();
    let info = reader.info();
    (info.width, info.height)
}

#[test]
fn a_line_chart_has_one_point_per_bucket_and_labelled_axes() {
    let days = ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"];
    let chart = data(ChartKind::Line, &days, &[("Revenue", &[120.5, 0.0, 2400.0, -35.0, 980.25])]);
    let svg = chart::svg(&chart, "1 Nov 2026 – 5 Nov 2026, by day", Size::REPORT).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(doc.root_element().attribute("viewBox"), Some("0 0 960 420"));
    assert_eq!(filled(&doc, "circle", "#1D4E63"), 5, "one marker per day");
    let line = series_line(&doc);
    assert_eq!(line.attribute("points").unwrap().split_whitespace().count(), 5);
    let labels = texts(&doc);
    for expected in ["Sales over time", "Revenue (EUR)", "Day", "2026-11-01", "2026-11-05", "2,000"] {
        assert!(labels.iter().any(|label| label == expected), "{expected} missing from {labels:?}");
    }
    let png = chart::png(&chart, "1 Nov 2026 – 5 Nov 2026, by day", Size::REPORT).unwrap();
    assert_eq!(png_size(&png), (960, 420));
    keep("line", &svg, &png);
}

#[test]
fn a_bar_chart_has_one_bar_per_bucket_and_series_with_a_legend() {
    let months = ["2026-09", "2026-10", "2026-11"];
    let chart = data(
        ChartKind::Bar,
        &months,
        &[("Revenue", &[5000.0, 7200.0, 6100.0]), ("Gross profit", &[1500.0, 2100.0, -300.0])],
    );
    let svg = chart::svg(&chart, "September – November 2026, by month", Size::REPORT).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    // Three bars per series, plus each series' swatch in the legend.
    assert_eq!(filled(&doc, "rect", "#1D4E63"), 3 + 1);
    assert_eq!(filled(&doc, "rect", "#E0A23A"), 3 + 1);
    let labels = texts(&doc);
    for expected in ["Revenue", "Gross profit", "2026-10", "Revenue (EUR)"] {
        assert!(labels.iter().any(|label| label == expected), "{expected} missing from {labels:?}");
    }
    let png = chart::png(&chart, "September – November 2026, by month", Size::REPORT).unwrap();
    keep("bars", &svg, &png);
}

#[test]
fn a_pie_chart_has_one_slice_per_category_with_its_share() {
    let chart = ChartData {
        title: "Orders by status".into(),
        value_label: "Orders".into(),
        ..data(ChartKind::Pie, &["delivered", "placed", "cancelled"], &[("Orders", &[80.0, 15.0, 5.0])])
    };
    let svg = chart::svg(&chart, "November 2026", Size::REPORT).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    for colour in ["#1D4E63", "#E0A23A", "#2C6E49"] {
        assert_eq!(filled(&doc, "polygon", colour), 1, "one slice in {colour}");
    }
    let labels = texts(&doc);
    // The legend names each slice with its count and share; a swatch per slice too.
    for colour in ["#1D4E63", "#E0A23A", "#2C6E49"] {
        assert_eq!(filled(&doc, "rect", colour), 1, "one swatch in {colour}");
    }
    for expected in ["delivered — 80 (80.0%)", "placed — 15 (15.0%)", "cancelled — 5 (5.0%)"] {
        assert!(labels.iter().any(|label| label == expected), "{expected} missing from {labels:?}");
    }
    let png = chart::png(&chart, "November 2026", Size::REPORT).unwrap();
    keep("pie", &svg, &png);
}

#[test]
fn an_empty_period_draws_a_chart_that_says_so() {
    let chart = ChartData {
        empty_message: Some("No sales in this period".into()),
        ..data(ChartKind::Line, &["2025-01-01", "2025-01-02"], &[("Revenue", &[0.0, 0.0])])
    };
    let svg = chart::svg(&chart, "1 Jan 2025 – 2 Jan 2025", Size::REPORT).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert!(texts(&doc).contains(&"No sales in this period".to_string()));
    assert_eq!(doc.descendants().filter(|n| n.has_tag_name("circle")).count(), 0);
    let png = chart::png(&chart, "1 Jan 2025 – 2 Jan 2025", Size::REPORT).unwrap();
    assert_eq!(png_size(&png), (960, 420));
    keep("empty", &svg, &png);
}

#[test]
fn labels_are_escaped_and_a_year_of_days_renders_quickly() {
    let names = ["Nuts & <M8>", "\"Quoted\" hinge"];
    let chart = data(ChartKind::Bar, &names, &[("Revenue", &[10.0, 20.0])]);
    let svg = chart::svg(&chart, "2026", Size::REPORT).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert!(texts(&doc).iter().any(|label| label == "Nuts & <M8>"));
    let days: Vec<String> = (0..365).map(|i| format!("day {i}")).collect();
    let values: Vec<f64> = (0..365).map(|i| f64::from(i % 30) * 100.0).collect();
    let year = ChartData {
        categories: days,
        series: vec![Series { name: "Revenue".into(), values }],
        ..data(ChartKind::Line, &[], &[])
    };
    chart::svg(&year, "2026", Size::REPORT).unwrap();
    let started = std::time::Instant::now();
    let svg = chart::svg(&year, "2026", Size::REPORT).unwrap();
    let took = started.elapsed();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let line = series_line(&doc);
    assert_eq!(line.attribute("points").unwrap().split_whitespace().count(), 365);
    eprintln!("a year of days drawn as SVG in {took:?}");
}
