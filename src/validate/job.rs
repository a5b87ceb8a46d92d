//! The rules of one synchronization job: IDs, presence, enums, times, counts,
//! and whether the status agrees with the result.

use super::check::Checker;
use super::fields::{check_enum, given, require};
use super::ids::{check_id, target_prefix, JOB_PREFIX};
use super::messages::quote;
use super::times::{check_recorded_time, describe};
use super::RuleCode;
use crate::model::{
    EntityStatistics, JobStatus, OperationCount, SynchronizationJob, SynchronizationJobResult,
};

/// Checks a job's fields in document order.
pub(crate) fn check_job(checker: &mut Checker<'_>, job: &SynchronizationJob) {
    let id = &job.synchronization_job_id;
    check_id(
        checker,
        "SynchronizationJobId",
        id,
        Some(JOB_PREFIX),
        RuleCode::EmptyId,
    );

    require(checker, "TargetType", job.target_type.is_some());
    check_enum(checker, "TargetType", job.target_type.as_ref());

    match &job.target_id {
        None => require(checker, "TargetId", false),
        Some(target) => {
            let prefix = target_prefix(job.target_type.as_ref());
            check_id(checker, "TargetId", target, prefix, RuleCode::EmptyId);
        }
    }

    require(checker, "Direction", job.direction.is_some());
    check_enum(checker, "Direction", job.direction.as_ref());

    let status = job.status.as_ref();
    match job.start_time {
        // A queued job may not have started yet.
        None => require(checker, "StartTime", status == Some(&JobStatus::Pending)),
        Some(start) => check_recorded_time(checker, "StartTime", start),
    }

    check_end_time(checker, job, status);
    check_enum(checker, "TriggerType", job.trigger_type.as_ref());

    match status {
        None => require(checker, "Status", false),
        Some(status) => {
            check_enum(checker, "Status", Some(status));
            check_status_against_result(checker, status, job.result.as_ref());
        }
    }

    if let Some(result) = &job.result {
        checker.at("Result", |c| check_result(c, result));
    }
}

/// Whether a job in this status has ended (and so must have an `EndTime`).
fn is_finished(status: Option<&JobStatus>) -> bool {
    matches!(
        status,
        Some(JobStatus::Success | JobStatus::PartialSuccess | JobStatus::Failed)
    )
}

/// `EndTime`: its own time rules; present and not before `StartTime` once the
/// job has finished. Pending and running jobs may lack it.
fn check_end_time(checker: &mut Checker<'_>, job: &SynchronizationJob, status: Option<&JobStatus>) {
    let finished = is_finished(status);
    match job.end_time {
        None if finished => {
            let status = status.map(|s| quote(s.as_str())).unwrap_or_default();
            checker.report("EndTime", RuleCode::MissingEndTime, &[("value", &status)]);
        }
        None => {}
        Some(end) => {
            check_recorded_time(checker, "EndTime", end);
            if let Some(start) = job.start_time.filter(|&start| finished && end < start) {
                checker.report(
                    "EndTime",
                    RuleCode::EndBeforeStart,
                    &[("value", &describe(end)), ("expected", &describe(start))],
                );
            }
        }
    }
}

/// The entity statistics of a result, by wire name, in document order.
fn entities(result: &SynchronizationJobResult) -> [(&'static str, Option<&EntityStatistics>); 4] {
    [
        ("UserStatistics", result.user_statistics.as_ref()),
        (
            "OrganizationalUnitStatistics",
            result.organizational_unit_statistics.as_ref(),
        ),
        ("GroupStatistics", result.group_statistics.as_ref()),
        (
            "GroupMemberStatistics",
            result.group_member_statistics.as_ref(),
        ),
    ]
}

/// The operation counts of one entity, by wire name, in document order.
fn operations(stats: &EntityStatistics) -> [(&'static str, Option<&OperationCount>); 7] {
    [
        ("Created", stats.created.as_ref()),
        ("Updated", stats.updated.as_ref()),
        ("Binded", stats.binded.as_ref()),
        ("Deleted", stats.deleted.as_ref()),
        ("Same", stats.same.as_ref()),
        ("Pushed", stats.pushed.as_ref()),
        ("Exported", stats.exported.as_ref()),
    ]
}

/// Every operation count of a result, with its entity and operation names.
fn counts<'r>(
    result: &'r SynchronizationJobResult,
) -> impl Iterator<Item = (&'static str, &'static str, &'r OperationCount)> + 'r {
    entities(result)
        .into_iter()
        .filter_map(|(entity, stats)| Some((entity, stats?)))
        .flat_map(|(entity, stats)| {
            operations(stats)
                .into_iter()
                .filter_map(move |(operation, count)| Some((entity, operation, count?)))
        })
}

/// The number of failed items across every count of a result.
fn failed_items(result: Option<&SynchronizationJobResult>) -> u64 {
    result.map_or(0, |result| {
        counts(result)
            .map(|(_, _, count)| count.failed.unwrap_or(0))
            .fold(0, u64::saturating_add)
    })
}

/// `success` with failed items; `failed`/`partial_success` with neither a
/// failed item nor an `ErrorCode`. Reported at `Status`.
fn check_status_against_result(
    checker: &mut Checker<'_>,
    status: &JobStatus,
    result: Option<&SynchronizationJobResult>,
) {
    let failed = failed_items(result);
    match status {
        JobStatus::Success if failed > 0 => {
            checker.report(
                "Status",
                RuleCode::SuccessWithFailures,
                &[("value", &failed.to_string())],
            );
        }
        JobStatus::Failed | JobStatus::PartialSuccess => {
            let error_code = result.and_then(|r| given(r.error_code.as_ref()));
            if failed == 0 && error_code.is_none() {
                checker.report(
                    "Status",
                    RuleCode::FailureWithoutFailures,
                    &[("value", &quote(status.as_str()))],
                );
            }
        }
        _ => {}
    }
}

/// Counts within their totals, and `ErrorCode` and `ErrorMessage` in pairs.
fn check_result(checker: &mut Checker<'_>, result: &SynchronizationJobResult) {
    for (entity, operation, count) in counts(result) {
        let Some(total) = count.total else { continue };
        let parts = [count.success, count.failed, count.skipped]
            .into_iter()
            .flatten()
            .fold(0, u64::saturating_add);
        if parts > total {
            checker.report(
                &format!("{entity}.{operation}"),
                RuleCode::CountsExceedTotal,
                &[
                    ("value", &parts.to_string()),
                    ("expected", &total.to_string()),
                ],
            );
        }
    }
    let code = given(result.error_code.as_ref());
    let message = given(result.error_message.as_ref());
    match (code, message) {
        (Some(code), None) => checker.report(
            "ErrorCode",
            RuleCode::ErrorCodeWithoutMessage,
            &[("value", &quote(code))],
        ),
        (None, Some(_)) => checker.report("ErrorMessage", RuleCode::MessageWithoutErrorCode, &[]),
        _ => {}
    }
}
