//! Ratings over time, per partner: a chart and a sparkline each. Partners
//! are told apart by name and marker, not by colour alone.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Sparkline};

use super::{Theme, date, text};
use crate::app::{App, TrendsView, describe, measures, points};
use crate::model::Partner;

/// The marker each partner's points are drawn with.
const MARKERS: [(Marker, &str); 2] = [(Marker::Dot, "•"), (Marker::Bar, "▄")];

pub fn render(app: &App, view: &TrendsView, theme: Theme, frame: &mut Frame, area: Rect) {
    let area = area.inner(Margin::new(1, 0));
    let all = measures(&app.journal, &app.library);
    let Some(measure) = all.get(view.measure.min(all.len().saturating_sub(1))) else {
        super::nothing_yet(
            app,
            "Nothing to chart yet.",
            "Ratings from the weekly check-in and the needs inventory appear here once you have both finished a few.",
            theme,
            frame,
            area,
        );
        return;
    };
    let (label, min, max) = describe(&app.library, measure);
    let data = points(&app.journal, measure);
    let names = app.names();
    let width = usize::from(area.width);
    // Plain mode has the room for the whole of a long question.
    let label_lines: Vec<String> = if theme.plain {
        text::wrap(&label, width).into_iter().take(3).collect()
    } else {
        vec![text::fit(&label, width)]
    };
    let title_rows = u16::try_from(label_lines.len() + 1).unwrap_or(2);
    let [title, chart_area, sparks] = Layout::vertical([
        Constraint::Length(title_rows),
        Constraint::Min(5),
        Constraint::Length(5),
    ])
    .areas(area);
    let mut heading: Vec<Line> = label_lines
        .into_iter()
        .map(|l| Line::styled(l, theme.heading()))
        .collect();
    let mut counted = format!(
        "{} of {} · {}",
        view.measure.min(all.len() - 1) + 1,
        crate::model::count(all.len(), "measure", "measures"),
        crate::model::count(data.len(), "page", "pages")
    );
    if let Some(reading) = app.journal.still_reading() {
        counted.push_str(&format!(" so far, {reading}"));
    }
    counted.push_str(" · ↑↓ to choose another");
    heading.push(Line::styled(text::fit(&counted, width), theme.dim()));
    frame.render_widget(Paragraph::new(heading), title);

    if theme.plain {
        let area = chart_area.union(sparks);
        frame.render_widget(Paragraph::new(plain_lines(app, &data, &names, area)), area);
        return;
    }
    let origin = data.first().map_or(Timestamp::UNIX_EPOCH, |(t, _)| *t);
    let days = |t: Timestamp| t.duration_since(origin).as_secs_f64() / 86_400.0;
    let series: [Vec<(f64, f64)>; 2] = [0, 1].map(|p| {
        data.iter()
            .filter_map(|(t, v)| v[p].map(|v| (days(*t), f64::from(v))))
            .collect()
    });
    // Each rating as a point, and through them a line of the average of
    // the last four, so that a drift shows at a glance. Where there are
    // more ratings than the chart has columns for, the points would be a
    // solid block: the line alone, averaged over as many as share a column.
    let columns = usize::from(chart_area.width.saturating_sub(4)).max(1);
    let most = series.iter().map(Vec::len).max().unwrap_or(0);
    let dense = most > columns * 2;
    let over = if dense {
        most.div_ceil(columns).max(4)
    } else {
        4
    };
    let smooth: [Vec<(f64, f64)>; 2] = series.clone().map(|points| running_average(&points, over));
    let span = data.last().map_or(1.0, |(t, _)| days(*t).max(1.0));
    // The lines first and the marks over them, so no rating is hidden
    // under a line. Without marks (too many ratings), each partner's line
    // is drawn in their own mark, so the two are told apart without colour.
    let mut datasets: Vec<Dataset> = Vec::new();
    for p in Partner::BOTH {
        let (marker, _) = MARKERS[p.index()];
        datasets.push(
            Dataset::default()
                .marker(if dense { marker } else { Marker::Braille })
                .graph_type(GraphType::Line)
                .style(theme.partner(p))
                .data(&smooth[p.index()]),
        );
    }
    if !dense {
        for p in Partner::BOTH {
            let (marker, _) = MARKERS[p.index()];
            datasets.push(
                Dataset::default()
                    .marker(marker)
                    .graph_type(GraphType::Scatter)
                    .style(theme.partner(p))
                    .data(&series[p.index()]),
            );
        }
    }
    let x_labels = match (data.first(), data.last()) {
        (Some((first, _)), Some((last, _))) => vec![date(app, *first), date(app, *last)],
        _ => Vec::new(),
    };
    let chart = Chart::new(datasets)
        // Who is who is said under the chart, where it covers nothing.
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds([0.0, span])
                .labels(x_labels)
                .style(theme.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([f64::from(min), f64::from(max)])
                .labels(y_labels(
                    min,
                    max,
                    usize::from(chart_area.height.saturating_sub(2)),
                ))
                .style(theme.dim()),
        );
    frame.render_widget(chart, chart_area);
    let key = if dense {
        format!(
            "Too many ratings to mark each: the line is the average of every {over}. Below, a bar for each rating, the newest on the right."
        )
    } else {
        "Each mark is a rating; the line is the average of the last four. Below, a bar for each rating, the newest on the right.".to_string()
    };

    let rows = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .split(sparks);
    frame.render_widget(
        Paragraph::new(
            text::wrap_at_most(&key, usize::from(rows[0].width), 2)
                .into_iter()
                .map(|l| Line::styled(l, theme.dim()))
                .collect::<Vec<_>>(),
        ),
        rows[0],
    );
    for p in Partner::BOTH {
        let values: Vec<u64> = data
            .iter()
            .filter_map(|(_, v)| v[p.index()])
            .map(|v| u64::try_from(v - min + 1).unwrap_or(0))
            .collect();
        let [name_area, spark_area] =
            Layout::horizontal([Constraint::Length(28), Constraint::Min(4)])
                .areas(rows[1 + p.index() * 2]);
        let latest = match (values.first(), values.last()) {
            (Some(&first), Some(&last)) => format!(
                " now {} (first {})",
                i64::try_from(last).unwrap_or(0) + i64::from(min) - 1,
                i64::try_from(first).unwrap_or(0) + i64::from(min) - 1
            ),
            _ => " no ratings".into(),
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(
                    format!("{} {}", MARKERS[p.index()].1, names[p.index()]),
                    theme.partner(p),
                ),
                Span::styled(latest, theme.dim()),
            ])),
            name_area,
        );
        // The most recent values that fit.
        let fit = usize::from(spark_area.width);
        let shown = &values[values.len().saturating_sub(fit)..];
        frame.render_widget(
            Sparkline::default()
                .data(shown)
                .max(u64::try_from(max - min + 1).unwrap_or(1))
                .style(theme.partner(p)),
            spark_area,
        );
    }
}

/// The chart in words, for plain mode: for each partner where they began,
/// where they are, the average of the last four (the line the chart
/// draws) and the range; then the ratings, newest first, as many as
/// `area` holds, and how many older ones there are.
fn plain_lines(
    app: &App,
    data: &[(Timestamp, [Option<i32>; 2])],
    names: &[String; 2],
    area: Rect,
) -> Vec<Line<'static>> {
    let width = usize::from(area.width);
    let mut lines: Vec<Line> = Vec::new();
    for p in Partner::BOTH {
        let values: Vec<i32> = data.iter().filter_map(|(_, v)| v[p.index()]).collect();
        let said = match (values.first(), values.last()) {
            (Some(only), Some(_)) if values.len() == 1 => {
                format!("{}: one rating so far, {only}.", names[p.index()])
            }
            (Some(first), Some(last)) => {
                let recent = &values[values.len().saturating_sub(4)..];
                let average =
                    recent.iter().map(|v| f64::from(*v)).sum::<f64>() / recent.len() as f64;
                format!(
                    "{}: now {last}, first {first}; the last {} average {average:.1}; lowest {}, highest {}; {}.",
                    names[p.index()],
                    recent.len(),
                    values.iter().min().unwrap_or(last),
                    values.iter().max().unwrap_or(last),
                    crate::model::count(values.len(), "rating", "ratings")
                )
            }
            _ => format!("{}: no ratings yet.", names[p.index()]),
        };
        lines.extend(text::wrap(&said, width).into_iter().map(Line::raw));
    }
    lines.push(Line::raw("Newest first:"));
    let room = usize::from(area.height).saturating_sub(lines.len() + 1);
    let shown = data.len().min(room);
    for (when, values) in data.iter().rev().take(shown) {
        let said = |p: usize| values[p].map_or("no rating".to_string(), |v| v.to_string());
        lines.push(Line::raw(text::fit(
            &format!(
                "{}: {} {}, {} {}",
                date(app, *when),
                names[0],
                said(0),
                names[1],
                said(1)
            ),
            width,
        )));
    }
    let older = data.len() - shown;
    if older > 0 {
        lines.push(Line::raw(text::fit(
            &format!(
                "and {} before these: each is on its page in the journal (b).",
                crate::model::count(older, "older rating", "older ratings")
            ),
            width,
        )));
    }
    lines
}

/// The y-axis labels: every step of the scale where the chart is tall
/// enough, else evenly spaced ones, always the lowest and the highest.
fn y_labels(min: i32, max: i32, rows: usize) -> Vec<String> {
    let span = usize::try_from(max - min).unwrap_or(0).max(1);
    let rows = rows.max(2);
    // The smallest step that divides the scale evenly and fits.
    let step = (1..=span)
        .find(|step| span % step == 0 && span / step < rows)
        .unwrap_or(span);
    (0..=span / step)
        .map(|i| (min + i32::try_from(i * step).unwrap_or(0)).to_string())
        .collect()
}

/// The average of each point and up to `over - 1` before it.
fn running_average(points: &[(f64, f64)], over: usize) -> Vec<(f64, f64)> {
    (0..points.len())
        .map(|i| {
            let window = &points[i.saturating_sub(over - 1)..=i];
            let sum: f64 = window.iter().map(|(_, v)| v).sum();
            (points[i].0, sum / window.len() as f64)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{running_average, y_labels};

    #[test]
    fn the_scale_is_labelled_at_every_step_that_fits() {
        assert_eq!(
            y_labels(1, 10, 12),
            ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]
        );
        assert_eq!(y_labels(1, 10, 5), ["1", "4", "7", "10"]);
        assert_eq!(
            y_labels(0, 40, 10),
            ["0", "5", "10", "15", "20", "25", "30", "35", "40"]
        );
        assert_eq!(y_labels(1, 5, 1), ["1", "5"]);
    }

    #[test]
    fn the_line_through_the_points_is_the_average_of_the_last_four() {
        let points: Vec<(f64, f64)> = [2.0, 4.0, 6.0, 8.0, 10.0]
            .iter()
            .enumerate()
            .map(|(i, v)| (i as f64, *v))
            .collect();
        let smooth = running_average(&points, 4);
        let values: Vec<f64> = smooth.iter().map(|(_, v)| *v).collect();
        assert_eq!(values, [2.0, 3.0, 4.0, 5.0, 7.0]);
        assert_eq!(smooth[4].0, 4.0, "at the point's own day");
    }
}
