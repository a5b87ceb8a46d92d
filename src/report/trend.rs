//! `jobsTrendSvg`: jobs per time bucket (bars, the successful part darker)
//! and the success rate (a line on a 0–100 % axis), from the `timeBuckets` of
//! a `JobsSummary`. The time axis is proportional: a day without jobs is a gap.

use super::format::ReportFormatter;
use super::html::element_markup;
use super::labels::{LabelKey, Labels};
use super::node::Element;
use super::svg::{self, Series};
use super::trend_input::TrendInput;
use crate::analyze::calendar::{MS_PER_DAY, MS_PER_HOUR};
use crate::analyze::BucketSize;

const HEIGHT_PLOT: f64 = 160.0;
const PADDING: f64 = 8.0;
/// Room for the x-axis labels under the plot.
const AXIS_BELOW: f64 = 24.0;

/// The SVG of a summary's time buckets. `width` is in pixels (callers clamp it).
pub fn jobs_trend_svg(
    trend: &TrendInput,
    labels: &Labels,
    formatter: &dyn ReportFormatter,
    width: f64,
    id_prefix: Option<&str>,
) -> String {
    let buckets = &trend.time_buckets;
    let label_of =
        |start: i64| formatter.bucket_start(start, trend.bucket, trend.utc_offset_minutes);
    let title = labels
        .get(match trend.bucket {
            BucketSize::Day => LabelKey::TrendTitleDay,
            BucketSize::Hour => LabelKey::TrendTitleHour,
        })
        .to_owned();
    let jobs: u64 = buckets
        .iter()
        .fold(0, |sum, b| sum.saturating_add(b.job_count));
    let successes: u64 = buckets
        .iter()
        .fold(0, |sum, b| sum.saturating_add(b.success_count));
    let range = buckets
        .iter()
        .map(|b| b.start)
        .min()
        .zip(buckets.iter().map(|b| b.start).max());
    let desc = match range {
        Some((first, last)) => labels.fill(
            LabelKey::TrendSummary,
            &[
                ("jobs", &formatter.count(jobs)),
                ("successes", &formatter.count(successes)),
                ("rate", &formatter.percent(ratio(successes, jobs))),
                ("from", &label_of(first)),
                ("to", &label_of(last)),
            ],
        ),
        None => labels.get(LabelKey::TrendEmpty).to_owned(),
    };
    let prefix = svg::id_prefix(id_prefix, &format!("{title}\n{desc}"));
    let series = [
        Series {
            label: labels.get(LabelKey::TrendJobs).to_owned(),
            fill: svg::SKY_BLUE.to_owned(),
            class: "eiam-chart-jobs",
        },
        Series {
            label: labels.get(LabelKey::TrendSuccesses).to_owned(),
            fill: svg::BLUE.to_owned(),
            class: "eiam-chart-success",
        },
        Series {
            label: labels.get(LabelKey::TrendSuccessRate).to_owned(),
            fill: svg::VERMILLION.to_owned(),
            class: "eiam-chart-rate",
        },
    ];
    let (legend, legend_height) = svg::legend(&series, PADDING, PADDING, width - 2.0 * PADDING);
    let largest = buckets.iter().map(|b| b.job_count).max().unwrap_or(0);
    let left = PADDING + svg::text_width(&formatter.count(largest)).max(svg::FONT_SIZE) + 6.0;
    let right = width - PADDING - svg::text_width("100%") - 6.0;
    let top = PADDING + legend_height + 8.0;
    let plot = Plot {
        left,
        right: right.max(left + 20.0),
        top,
        bottom: top + HEIGHT_PLOT,
    };
    let height = plot.bottom + AXIS_BELOW + PADDING;
    let mut chart =
        svg::root("eiam-chart-trend", width, height, &prefix, &title, &desc).child(legend);

    let Some((first, last)) = range else {
        let middle = plot.top + HEIGHT_PLOT / 2.0;
        return element_markup(
            &chart.child(
                svg::text(
                    width / 2.0,
                    middle,
                    "middle",
                    labels.get(LabelKey::TrendEmpty),
                )
                .class("eiam-chart-empty"),
            ),
        );
    };
    let size_ms = match trend.bucket {
        BucketSize::Day => MS_PER_DAY,
        BucketSize::Hour => MS_PER_HOUR,
    } as f64;
    let slots = ((last as f64 - first as f64) / size_ms).round() + 1.0;
    let slot_width = (plot.right - plot.left) / slots;
    let slot_of = |start: i64| ((start as f64 - first as f64) / size_ms).round();
    let x_of = |start: i64| plot.left + slot_width * (slot_of(start) + 0.5);
    let y_of_count = |count: u64| plot.bottom - HEIGHT_PLOT * count as f64 / largest.max(1) as f64;
    let y_of_rate = |rate: f64| plot.bottom - HEIGHT_PLOT * rate;

    chart = chart.child(axes(&plot, largest, formatter));
    let bar_width = (slot_width * 0.8).max(0.5);
    let mut bars = Element::new("g").class("eiam-chart-bars");
    let mut line = Vec::new();
    let mut markers = Element::new("g").class("eiam-chart-rate");
    for bucket in buckets {
        let x = x_of(bucket.start);
        let success = bucket.success_count.min(bucket.job_count);
        let rate = ratio(success, bucket.job_count);
        let tooltip = labels.fill(
            LabelKey::TrendBucket,
            &[
                ("start", &label_of(bucket.start)),
                ("jobs", &formatter.count(bucket.job_count)),
                ("successes", &formatter.count(success)),
                ("rate", &formatter.percent(rate)),
            ],
        );
        let (jobs_top, success_top) = (y_of_count(bucket.job_count), y_of_count(success));
        bars = bars.child(
            Element::new("g")
                .class("eiam-chart-bucket")
                .child(Element::new("title").text(&tooltip))
                .child(
                    svg::outlined_rect(
                        x - bar_width / 2.0,
                        jobs_top,
                        bar_width,
                        plot.bottom - jobs_top,
                        svg::SKY_BLUE,
                    )
                    .class("eiam-chart-jobs"),
                )
                .child(
                    svg::outlined_rect(
                        x - bar_width / 2.0,
                        success_top,
                        bar_width,
                        plot.bottom - success_top,
                        svg::BLUE,
                    )
                    .class("eiam-chart-success"),
                ),
        );
        line.push(format!("{},{}", svg::num(x), svg::num(y_of_rate(rate))));
        markers = markers.child(
            Element::new("circle")
                .attr("cx", svg::num(x))
                .attr("cy", svg::num(y_of_rate(rate)))
                .attr("r", "3")
                .attr("fill", svg::VERMILLION)
                .attr("stroke", "currentColor")
                .attr("stroke-width", "0.5")
                .child(Element::new("title").text(&tooltip)),
        );
    }
    let polyline = Element::new("polyline")
        .attr("points", line.join(" "))
        .attr("fill", "none")
        .attr("stroke", svg::VERMILLION)
        .attr("stroke-width", "2");
    chart = chart
        .child(bars)
        .child(markers.child(polyline))
        .child(time_labels(
            &plot, first, slots, size_ms, slot_width, &label_of,
        ));
    element_markup(&chart)
}

/// `part / whole` (0 for an empty whole).
fn ratio(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The plot area, in SVG units.
struct Plot {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

/// Grid lines at 0, ½ and the top, with counts on the left (the middle one
/// only when it is a whole number) and 0 %, 50 %, 100 % on the right.
fn axes(plot: &Plot, largest: u64, formatter: &dyn ReportFormatter) -> Element {
    let mut group = Element::new("g").class("eiam-chart-axes");
    let middle = (largest % 2 == 0).then_some(largest / 2);
    for (fraction, count) in [(0.0, Some(0)), (0.5, middle), (1.0, Some(largest))] {
        let y = plot.bottom - HEIGHT_PLOT * fraction;
        let opacity = if fraction == 0.0 { "0.8" } else { "0.25" };
        group = group.child(
            Element::new("line")
                .attr("x1", svg::num(plot.left))
                .attr("x2", svg::num(plot.right))
                .attr("y1", svg::num(y))
                .attr("y2", svg::num(y))
                .attr("stroke", "currentColor")
                .attr("stroke-opacity", opacity),
        );
        if let Some(count) = count {
            let label = formatter.count(count);
            group = group.child(svg::text(plot.left - 4.0, y + 4.0, "end", &label));
        }
        let percent = formatter.percent(fraction);
        group = group.child(svg::text(plot.right + 4.0, y + 4.0, "start", &percent));
    }
    group
}

/// Bucket labels under the plot: the first and last slot and evenly spaced
/// slots between, as many as fit.
fn time_labels(
    plot: &Plot,
    first: i64,
    slots: f64,
    size_ms: f64,
    slot_width: f64,
    label_of: &dyn Fn(i64) -> String,
) -> Element {
    let sample = label_of(first);
    let room = svg::text_width(&sample) + 16.0;
    let fit = ((plot.right - plot.left) / room).floor().max(1.0);
    let count = fit.min(slots).max(1.0) as u64;
    let mut group = Element::new("g").class("eiam-chart-time");
    let y = plot.bottom + 16.0;
    for i in 0..count {
        let slot = if count == 1 {
            0.0
        } else {
            (i as f64 * (slots - 1.0) / (count - 1) as f64).round()
        };
        let start = first as f64 + slot * size_ms;
        let x = plot.left + slot_width * (slot + 0.5);
        let anchor = match i {
            0 if count > 1 => "start",
            i if i + 1 == count && count > 1 => "end",
            _ => "middle",
        };
        let x = match anchor {
            "start" => x - slot_width / 2.0,
            "end" => x + slot_width / 2.0,
            _ => x,
        };
        group = group.child(svg::text(x, y, anchor, &label_of(start as i64)));
    }
    group
}
