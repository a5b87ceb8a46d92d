//! `jobChartSvg`: one horizontal stacked bar per entity (users, organizational
//! units, groups, group members), split into succeeded, failed and skipped
//! items summed over the entity's operations, with the three counts written
//! beside each bar, a legend, and a `<desc>` that says the same in words.

use super::format::ReportFormatter;
use super::html::element_markup;
use super::labels::{LabelKey, Labels};
use super::names;
use super::node::Element;
use super::svg::{self, Series};
use crate::analyze::{summarize_job, Counts, Entity};
use crate::model::SynchronizationJob;

/// Height of one entity's row.
const ROW_HEIGHT: f64 = 30.0;
/// Height of a bar within its row.
const BAR_HEIGHT: f64 = 18.0;
/// Space around the plot.
const PADDING: f64 = 8.0;

/// The SVG of one job's items by entity. `width` is in pixels (callers clamp
/// it); `id_prefix` as in [`svg::id_prefix`].
pub fn job_chart_svg(
    job: &SynchronizationJob,
    labels: &Labels,
    formatter: &dyn ReportFormatter,
    width: f64,
    id_prefix: Option<&str>,
) -> String {
    let items = summarize_job(job).items;
    let rows: Vec<(Entity, Counts)> = Entity::ALL
        .into_iter()
        .zip([
            items.users.total,
            items.organizational_units.total,
            items.groups.total,
            items.group_members.total,
        ])
        .collect();

    let title = labels.fill(
        LabelKey::ChartTitle,
        &[("jobId", &job.synchronization_job_id)],
    );
    let desc = rows
        .iter()
        .map(|(entity, counts)| {
            labels.fill(
                LabelKey::ChartEntity,
                &[
                    ("entity", labels.get(names::entity_key(*entity))),
                    ("success", &formatter.count(counts.success)),
                    ("failed", &formatter.count(counts.failed)),
                    ("skipped", &formatter.count(counts.skipped)),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let prefix = svg::id_prefix(id_prefix, &format!("{title}\n{desc}"));

    let series = [
        Series {
            label: labels.get(LabelKey::CountSuccess).to_owned(),
            fill: svg::BLUE.to_owned(),
            class: "eiam-chart-success",
        },
        Series {
            label: labels.get(LabelKey::CountFailed).to_owned(),
            fill: svg::pattern_fill(&prefix, "failed"),
            class: "eiam-chart-failed",
        },
        Series {
            label: labels.get(LabelKey::CountSkipped).to_owned(),
            fill: svg::pattern_fill(&prefix, "skipped"),
            class: "eiam-chart-skipped",
        },
    ];
    let (legend, legend_height) = svg::legend(&series, PADDING, PADDING, width - 2.0 * PADDING);

    let label_width = rows
        .iter()
        .map(|(entity, _)| svg::text_width(labels.get(names::entity_key(*entity))))
        .fold(0.0, f64::max)
        + 8.0;
    let value_texts: Vec<String> = rows
        .iter()
        .map(|(_, c)| {
            [c.success, c.failed, c.skipped]
                .map(|n| formatter.count(n))
                .join(" / ")
        })
        .collect();
    let value_width = value_texts
        .iter()
        .map(|t| svg::text_width(t))
        .fold(0.0, f64::max)
        + 8.0;
    let bar_left = PADDING + label_width;
    let bar_space = (width - bar_left - value_width - PADDING).max(20.0);
    let largest = rows
        .iter()
        .map(|(_, c)| c.success.saturating_add(c.failed).saturating_add(c.skipped))
        .max()
        .unwrap_or(0);
    let top = PADDING + legend_height + 4.0;
    let height = top
        + ROW_HEIGHT * rows.len() as f64
        + PADDING
        + if largest == 0 { ROW_HEIGHT } else { 0.0 };

    let mut chart = svg::root("eiam-chart-job", width, height, &prefix, &title, &desc)
        .child(svg::patterns(&prefix))
        .child(legend);
    for (index, ((entity, counts), value_text)) in rows.iter().zip(&value_texts).enumerate() {
        let y = top + ROW_HEIGHT * index as f64;
        let entity_label = labels.get(names::entity_key(*entity));
        let mut row = Element::new("g")
            .class("eiam-chart-row")
            .attr("data-entity", names::entity_name(*entity))
            .child(svg::text(
                PADDING,
                y + BAR_HEIGHT - 4.0,
                "start",
                entity_label,
            ));
        let mut x = bar_left;
        for (value, item) in [counts.success, counts.failed, counts.skipped]
            .into_iter()
            .zip(&series)
        {
            if value == 0 || largest == 0 {
                continue;
            }
            let length = bar_space * value as f64 / largest as f64;
            let tooltip = format!("{entity_label}: {} {}", item.label, formatter.count(value));
            row = row.child(
                svg::outlined_rect(x, y, length, BAR_HEIGHT, &item.fill)
                    .class(item.class)
                    .child(Element::new("title").text(&tooltip)),
            );
            x += length;
        }
        row = row.child(svg::text(
            x + 6.0,
            y + BAR_HEIGHT - 4.0,
            "start",
            value_text,
        ));
        chart = chart.child(row);
    }
    if largest == 0 {
        let y = top + ROW_HEIGHT * rows.len() as f64 + BAR_HEIGHT - 4.0;
        chart = chart.child(
            svg::text(width / 2.0, y, "middle", labels.get(LabelKey::ChartEmpty))
                .class("eiam-chart-empty"),
        );
    }
    element_markup(&chart)
}
