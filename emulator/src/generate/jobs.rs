//! A month of synchronization jobs: when they ran, against what, how they
//! ended and what they did.

use super::targets::{random_id, Application, Provider, Target};
use super::text;
use super::MONTH_MS;
use crate::clock::DAY_MS;
use eiam_sync::model::{
    EntityStatistics, JobStatus, OperationCount, SyncDirection, SynchronizationJob,
    SynchronizationJobResult, TargetType, TriggerType,
};
use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

const HOUR_MS: u64 = 3_600_000;

/// A job before its result is drawn.
struct Plan<'a> {
    id: String,
    target: Target<'a>,
    direction: SyncDirection,
    trigger: TriggerType,
    /// An incremental (callback) job, as opposed to a full comparison.
    incremental: bool,
    start: u64,
    duration: u64,
    status: Option<JobStatus>,
}

/// `count` jobs against `providers` and `applications`, newest first.
pub(crate) fn generate_jobs(
    rng: &mut ChaCha8Rng,
    now_ms: u64,
    providers: &[Provider],
    applications: &[Application],
    count: usize,
) -> Vec<SynchronizationJob> {
    if providers.is_empty() && applications.is_empty() {
        return Vec::new();
    }
    let mut plans: Vec<Plan> = (0..count)
        .filter_map(|i| plan(rng, now_ms, providers, applications, i))
        .collect();
    plans.sort_by(|a, b| b.start.cmp(&a.start).then_with(|| a.id.cmp(&b.id)));
    assign_statuses(rng, &mut plans, now_ms);
    plans.iter().map(|p| build(rng, p, now_ms)).collect()
}

fn plan<'a>(
    rng: &mut ChaCha8Rng,
    now_ms: u64,
    providers: &'a [Provider],
    applications: &'a [Application],
    index: usize,
) -> Option<Plan<'a>> {
    let id = random_id(rng, "sync_", 40);
    let provider = providers.choose(rng);
    let application = applications.choose(rng);
    let (direction, target) = match (provider, application) {
        (Some(p), Some(a)) => match rng.gen_range(0..100) {
            0..=54 => (SyncDirection::Ingress, Target::Provider(p)),
            55..=69 => (SyncDirection::Egress, Target::Provider(p)),
            _ => (SyncDirection::Egress, Target::Application(a)),
        },
        (Some(p), None) => {
            let direction = if rng.gen_bool(0.7) {
                SyncDirection::Ingress
            } else {
                SyncDirection::Egress
            };
            (direction, Target::Provider(p))
        }
        (None, Some(a)) => (SyncDirection::Egress, Target::Application(a)),
        (None, None) => return None,
    };
    let trigger = if rng.gen_bool(0.75) {
        TriggerType::Auto
    } else {
        TriggerType::Manual
    };
    let incremental = trigger == TriggerType::Auto && rng.gen_bool(0.6);
    // Durations from seconds to an hour, log-uniform; incremental jobs are quick.
    let longest: f64 = if incremental { 120.0 } else { 3600.0 };
    let seconds = (rng.gen_range(3f64.ln()..longest.ln())).exp();
    let duration = (seconds * 1000.0) as u64 + rng.gen_range(0..1000);

    let earliest = now_ms.saturating_sub(MONTH_MS);
    let (start, status) = match index {
        // The newest two: one queued a moment ago, one running now.
        0 => (
            now_ms.saturating_sub(rng.gen_range(5_000..120_000)),
            Some(JobStatus::Pending),
        ),
        1 => (
            now_ms.saturating_sub(rng.gen_range(180_000..2_400_000)),
            Some(JobStatus::Running),
        ),
        _ => {
            let mut start = rng.gen_range(earliest..now_ms.max(earliest + 1));
            if trigger == TriggerType::Manual {
                // Administrators work 09:00-19:00 China time (01:00-11:00 UTC).
                let day = start - start % DAY_MS;
                start = day + rng.gen_range(HOUR_MS..11 * HOUR_MS);
                if start >= now_ms {
                    start = start.saturating_sub(DAY_MS);
                }
            }
            (start, None)
        }
    };
    Some(Plan {
        id,
        target,
        direction,
        trigger,
        incremental,
        start,
        duration,
        status,
    })
}

/// Draws the status of every job not already decided, then makes sure every
/// finished status occurs at least once (when there are enough jobs).
fn assign_statuses(rng: &mut ChaCha8Rng, plans: &mut [Plan], now_ms: u64) {
    for plan in plans.iter_mut().filter(|p| p.status.is_none()) {
        plan.status = Some(if plan.start + plan.duration > now_ms {
            JobStatus::Running
        } else {
            match rng.gen_range(0..95) {
                0..=61 => JobStatus::Success,
                62..=77 => JobStatus::PartialSuccess,
                78..=90 => JobStatus::Failed,
                _ => JobStatus::Suspending,
            }
        });
    }
    for wanted in [
        JobStatus::PartialSuccess,
        JobStatus::Failed,
        JobStatus::Suspending,
    ] {
        if plans.iter().any(|p| p.status.as_ref() == Some(&wanted)) {
            continue;
        }
        let successes = plans
            .iter()
            .filter(|p| p.status == Some(JobStatus::Success))
            .count();
        if successes > 1 {
            if let Some(plan) = plans
                .iter_mut()
                .rev()
                .find(|p| p.status == Some(JobStatus::Success))
            {
                plan.status = Some(wanted);
            }
        }
    }
}

/// Counts of one operation before the split is written out.
#[derive(Default, Clone, Copy)]
struct Counts {
    total: u64,
    failed: u64,
    skipped: u64,
}

impl Counts {
    fn finish(self) -> OperationCount {
        let failed = self.failed.min(self.total);
        let skipped = self.skipped.min(self.total - failed);
        OperationCount {
            total: Some(self.total),
            success: Some(self.total - failed - skipped),
            failed: Some(failed),
            skipped: Some(skipped),
        }
    }
}

/// The operations of one entity, in the model's order.
#[derive(Default)]
struct EntityCounts {
    created: Counts,
    updated: Counts,
    binded: Option<Counts>,
    deleted: Counts,
    same: Counts,
    pushed: Option<Counts>,
    exported: Option<Counts>,
}

impl EntityCounts {
    fn draw(
        rng: &mut ChaCha8Rng,
        population: u64,
        incremental: bool,
        direction: &SyncDirection,
        exported: bool,
    ) -> Self {
        let mut counts = |max: u64| Counts {
            total: rng.gen_range(0..=max),
            failed: 0,
            skipped: 0,
        };
        let (created, updated, deleted, same) = if incremental {
            (counts(3), counts(6), counts(2), Counts::default())
        } else {
            let created = counts(population / 50 + 1);
            let updated = counts(population / 10 + 1);
            let deleted = counts(population / 200 + 1);
            let changed = created.total + updated.total + deleted.total;
            let same = Counts {
                total: population.saturating_sub(changed),
                ..Counts::default()
            };
            (created, updated, deleted, same)
        };
        let mut entity = EntityCounts {
            created,
            updated,
            deleted,
            same,
            ..EntityCounts::default()
        };
        if *direction == SyncDirection::Ingress {
            entity.binded = Some(counts(population / 100 + 1));
        } else {
            let total = created.total + updated.total + deleted.total;
            entity.pushed = Some(Counts {
                total,
                ..Counts::default()
            });
            if exported {
                let total = if incremental { total } else { population };
                entity.exported = Some(Counts {
                    total,
                    ..Counts::default()
                });
            }
        }
        // Now and then an item is out of scope and skipped.
        for op in [&mut entity.created, &mut entity.updated] {
            if op.total > 0 && rng.gen_bool(0.1) {
                op.skipped = rng.gen_range(1..=op.total.div_ceil(20));
            }
        }
        entity
    }

    fn finish(self) -> EntityStatistics {
        EntityStatistics {
            created: Some(self.created.finish()),
            updated: Some(self.updated.finish()),
            binded: self.binded.map(Counts::finish),
            deleted: Some(self.deleted.finish()),
            same: Some(self.same.finish()),
            pushed: self.pushed.map(Counts::finish),
            exported: self.exported.map(Counts::finish),
        }
    }
}

/// Statistics of the four entity kinds; users' counts come back mutable so
/// failures can be placed in them.
struct Statistics {
    users: EntityCounts,
    organizational_units: EntityCounts,
    groups: Option<EntityCounts>,
    group_members: Option<EntityCounts>,
}

impl Statistics {
    fn draw(rng: &mut ChaCha8Rng, plan: &Plan, scale: f64) -> Self {
        let users = ((plan.target.users() as f64) * scale) as u64;
        let egress = plan.direction == SyncDirection::Egress;
        let mut entity = |population: u64, exported: bool| {
            EntityCounts::draw(rng, population, plan.incremental, &plan.direction, exported)
        };
        let user_counts = entity(users, egress);
        let ou_counts = entity(users / 15 + 1, false);
        let with_groups = !matches!(plan.target, Target::Application(_));
        let (groups, group_members) = if with_groups {
            (
                Some(entity(users / 40 + 1, false)),
                Some(entity(users + users / 2, false)),
            )
        } else {
            (None, None)
        };
        Statistics {
            users: user_counts,
            organizational_units: ou_counts,
            groups,
            group_members,
        }
    }

    fn finish(self) -> SynchronizationJobResult {
        SynchronizationJobResult {
            user_statistics: Some(self.users.finish()),
            organizational_unit_statistics: Some(self.organizational_units.finish()),
            group_statistics: self.groups.map(EntityCounts::finish),
            group_member_statistics: self.group_members.map(EntityCounts::finish),
            error_code: None,
            error_message: None,
        }
    }
}

fn build(rng: &mut ChaCha8Rng, plan: &Plan, now_ms: u64) -> SynchronizationJob {
    let status = plan.status.clone().unwrap_or(JobStatus::Success);
    let finished = matches!(
        status,
        JobStatus::Success | JobStatus::PartialSuccess | JobStatus::Failed
    );
    let end_time = finished.then(|| (plan.start + plan.duration).min(now_ms));
    let result = match status {
        JobStatus::Pending => None,
        JobStatus::Running => {
            let progress = rng.gen_range(0.1..0.9);
            Some(Statistics::draw(rng, plan, progress).finish())
        }
        JobStatus::Success => Some(Statistics::draw(rng, plan, 1.0).finish()),
        JobStatus::PartialSuccess => {
            let mut stats = Statistics::draw(rng, plan, 1.0);
            let op = if rng.gen_bool(0.5) {
                &mut stats.users.created
            } else {
                &mut stats.users.updated
            };
            // A few failures, never more than the job could plausibly touch.
            let failed = rng.gen_range(1..=op.total.clamp(3, 25));
            op.total = op.total.max(failed + op.skipped);
            op.failed = failed;
            let mut result = stats.finish();
            let (code, message) = text::item_error(rng, plan.target, failed);
            result.error_code = Some(code);
            result.error_message = Some(message);
            Some(result)
        }
        JobStatus::Failed => {
            let mut result = if rng.gen_bool(0.5) {
                let progress = rng.gen_range(0.0..0.3);
                Statistics::draw(rng, plan, progress).finish()
            } else {
                SynchronizationJobResult::default()
            };
            let (code, message) = text::fatal_error(rng, plan.target);
            result.error_code = Some(code);
            result.error_message = Some(message);
            Some(result)
        }
        JobStatus::Suspending | JobStatus::Other(_) => {
            let mut stats = Statistics::draw(rng, plan, 1.0);
            let threshold = rng.gen_range(20..=200);
            let would_delete = threshold + rng.gen_range(1..=threshold);
            if plan.direction == SyncDirection::Ingress {
                // Nothing deleted yet: the deletions wait for confirmation.
                stats.users.deleted = Counts {
                    total: would_delete,
                    failed: 0,
                    skipped: would_delete,
                };
            }
            let mut result = stats.finish();
            let (code, message) =
                text::suspend_error(rng, plan.target, &plan.direction, would_delete, threshold);
            result.error_code = Some(code);
            result.error_message = Some(message);
            Some(result)
        }
    };
    SynchronizationJob {
        synchronization_job_id: plan.id.clone(),
        target_type: Some(match plan.target {
            Target::Provider(_) => TargetType::IdentityProvider,
            Target::Application(_) => TargetType::Application,
        }),
        target_id: Some(plan.target.id().to_owned()),
        direction: Some(plan.direction.clone()),
        start_time: Some(plan.start),
        end_time,
        trigger_type: Some(plan.trigger.clone()),
        status: Some(status),
        result,
        description: Some(text::description(
            rng,
            plan.target,
            &plan.direction,
            &plan.trigger,
            plan.incremental,
        )),
    }
}
