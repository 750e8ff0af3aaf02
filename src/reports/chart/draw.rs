//! Drawing one chart on any plotters backend: a title and the period above,
//! then the line, the bars or the pie, or the empty period's message.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::style::{self, AXIS, FONT, GRID, MUTED, TEXT};
use crate::reports::report::{ChartData, ChartKind};

type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Categories along x (one unit each), values along y.
type Plane = Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>;

/// Up to this many points a line also marks each one.
const MARKED_POINTS: usize = 62;

pub fn chart<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, chart: &ChartData, subtitle: &str) -> Drawn<DB> {
    root.fill(&WHITE)?;
    root.draw(&Text::new(chart.title.clone(), (20, 14), (FONT, 20, FontStyle::Bold).into_font().color(&TEXT)))?;
    root.draw(&Text::new(subtitle.to_string(), (20, 42), (FONT, 14).into_font().color(&MUTED)))?;
    let body = root.margin(68, 12, 16, 24);
    if let Some(message) = &chart.empty_message {
        return empty(&body, message);
    }
    match chart.kind {
        ChartKind::Line => line(&body, chart),
        ChartKind::Bar => bars(&body, chart),
        ChartKind::Pie => pie(&body, chart),
    }
}

fn empty<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, message: &str) -> Drawn<DB> {
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (width as i32, height as i32);
    area.draw(&Rectangle::new([(0, 0), (width - 1, height - 1)], GRID.stroke_width(1)))?;
    let style = (FONT, 18).into_font().color(&MUTED).pos(Pos::new(HPos::Center, VPos::Center));
    area.draw(&Text::new(message.to_string(), (width / 2, height / 2), style))
}

/// The value axis: from zero (or below, for negative figures) to a little above the top.
fn value_range(chart: &ChartData) -> (f64, f64) {
    let values = chart.series.iter().flat_map(|series| series.values.iter().copied());
    let (low, high) = values.fold((0.0_f64, 0.0_f64), |(low, high), value| (low.min(value), high.max(value)));
    if (high - low).abs() < f64::EPSILON {
        return (0.0, 1.0);
    }
    let pad = (high - low) * 0.08;
    (if low < 0.0 { low - pad } else { 0.0 }, if high > 0.0 { high + pad } else { 0.0 })
}

/// Axes and grid over categories 0..n (bucket or name) and the value range.
fn axes<'a, DB: DrawingBackend + 'a>(
    area: &'a DrawingArea<DB, Shift>,
    chart: &'a ChartData,
) -> Result<ChartContext<'a, DB, Plane>, DrawingAreaErrorKind<DB::ErrorType>> {
    let count = chart.categories.len().max(1);
    let (low, high) = value_range(chart);
    let mut context = ChartBuilder::on(area)
        .x_label_area_size(52)
        .y_label_area_size(84)
        .build_cartesian_2d(-0.5..(count as f64 - 0.5), low..high)?;
    let label_at = |x: &f64| {
        let index = x.round();
        if (x - index).abs() > 1e-6 || index < 0.0 {
            return String::new();
        }
        chart.categories.get(index as usize).map(|label| style::short(label, 14)).unwrap_or_default()
    };
    let span = high - low;
    context
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .axis_style(AXIS)
        .x_labels(count.min(if chart.kind == ChartKind::Bar { 12 } else { 8 }))
        .y_labels(6)
        .x_label_formatter(&label_at)
        .y_label_formatter(&|y| style::axis_number(*y, span))
        .label_style((FONT, 13).into_font().color(&MUTED))
        .axis_desc_style((FONT, 14).into_font().color(&TEXT))
        .x_desc(chart.category_label.clone())
        .y_desc(chart.value_label.clone())
        .draw()?;
    Ok(context)
}

fn line<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &ChartData) -> Drawn<DB> {
    let mut context = axes(area, chart)?;
    for (index, series) in chart.series.iter().enumerate() {
        let colour = style::colour(index);
        let points: Vec<(f64, f64)> = series.values.iter().enumerate().map(|(i, v)| (i as f64, *v)).collect();
        context.draw_series(LineSeries::new(points.iter().copied(), colour.stroke_width(2)))?;
        if points.len() <= MARKED_POINTS {
            context.draw_series(points.iter().map(|&point| Circle::new(point, 3, colour.filled())))?;
        }
    }
    Ok(())
}

fn bars<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &ChartData) -> Drawn<DB> {
    let mut context = axes(area, chart)?;
    let width = 0.8 / chart.series.len().max(1) as f64;
    for (index, series) in chart.series.iter().enumerate() {
        let colour = style::colour(index);
        let left = -0.4 + width * index as f64;
        let drawn = context.draw_series(series.values.iter().enumerate().map(|(i, value)| {
            let x = i as f64 + left;
            Rectangle::new([(x, 0.0), (x + width * 0.9, *value)], colour.filled())
        }))?;
        if chart.series.len() > 1 {
            drawn
                .label(series.name.clone())
                .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 12, y + 6)], colour.filled()));
        }
    }
    if chart.series.len() > 1 {
        context
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.9))
            .border_style(GRID)
            .label_font((FONT, 13).into_font().color(&TEXT))
            .draw()?;
    }
    Ok(())
}

fn pie<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &ChartData) -> Drawn<DB> {
    let (width, height) = area.dim_in_pixel();
    // A pie is placed in the backend's pixels, not the area's; the legend on
    // its right names each slice, so thin slices need no crowded labels.
    let (left, top) = area.get_base_pixel();
    let center = (left + (width as f64 * 0.3) as i32, top + height as i32 / 2);
    let radius = f64::from((width / 2).min(height)) * 0.42;
    let sizes: Vec<f64> = chart.series.first().map(|series| series.values.clone()).unwrap_or_default();
    let colours: Vec<RGBColor> = (0..sizes.len()).map(style::colour).collect();
    let unlabelled = vec![String::new(); sizes.len()];
    let mut pie = Pie::new(&center, &radius, &sizes, &colours, &unlabelled);
    pie.start_angle(-90.0);
    pie.label_style((FONT, 13).into_font().color(&TEXT));
    area.draw(&pie)?;
    let total: f64 = sizes.iter().sum();
    let legend_x = (width as f64 * 0.6) as i32;
    let first_y = height as i32 / 2 - 14 * sizes.len() as i32;
    for (index, (name, size)) in chart.categories.iter().zip(&sizes).enumerate() {
        let y = first_y + 28 * index as i32;
        let share = if total > 0.0 { size * 100.0 / total } else { 0.0 };
        area.draw(&Rectangle::new([(legend_x, y), (legend_x + 14, y + 14)], colours[index].filled()))?;
        let text = format!("{name} — {} ({share:.1}%)", style::axis_number(*size, 100.0));
        area.draw(&Text::new(text, (legend_x + 24, y), (FONT, 15).into_font().color(&TEXT)))?;
    }
    Ok(())
}
