//! The rules of request parameters: the IDs each operation needs, page sizes,
//! paging styles, time ranges, target IDs and filters. The client refuses to
//! send a request with an error-severity issue.

use super::check::Checker;
use super::fields::{check_enum, given};
use super::ids::{check_id, target_prefix, IDENTITY_PROVIDER_PREFIX, INSTANCE_PREFIX, JOB_PREFIX};
use super::times::{check_filter_time, describe};
use super::RuleCode;
use crate::model::{GetSynchronizationJobRequest, ListSynchronizationJobsRequest};

/// The largest page the service returns (`PageSize`, `MaxResults`).
pub(crate) const MAX_PAGE_SIZE: u64 = 100;

/// A required ID parameter: `missing_parameter` when absent, otherwise the ID rules.
fn required_id(
    checker: &mut Checker<'_>,
    operation: &str,
    field: &str,
    value: Option<&str>,
    prefix: &str,
) {
    match value {
        None => checker.report(
            field,
            RuleCode::MissingParameter,
            &[("expected", operation)],
        ),
        Some(id) => check_id(checker, field, id, Some(prefix), RuleCode::EmptyId),
    }
}

/// GetSynchronizationJob needs `InstanceId` and `SynchronizationJobId`.
pub(crate) fn check_get_job_request(
    checker: &mut Checker<'_>,
    request: &GetSynchronizationJobRequest,
) {
    let operation = "GetSynchronizationJob";
    let instance = request.instance_id.as_deref();
    required_id(checker, operation, "InstanceId", instance, INSTANCE_PREFIX);
    let job = request.synchronization_job_id.as_deref();
    required_id(checker, operation, "SynchronizationJobId", job, JOB_PREFIX);
}

/// The two configuration operations need `InstanceId` and `IdentityProviderId`.
pub(crate) fn check_provider_request(
    checker: &mut Checker<'_>,
    operation: &str,
    instance_id: Option<&str>,
    identity_provider_id: Option<&str>,
) {
    required_id(
        checker,
        operation,
        "InstanceId",
        instance_id,
        INSTANCE_PREFIX,
    );
    let provider = identity_provider_id;
    let prefix = IDENTITY_PROVIDER_PREFIX;
    required_id(checker, operation, "IdentityProviderId", provider, prefix);
}

/// A page size within 1..=100.
fn check_page_size(checker: &mut Checker<'_>, field: &str, value: Option<u64>, code: RuleCode) {
    if let Some(size) = value.filter(|s| !(1..=MAX_PAGE_SIZE).contains(s)) {
        checker.report(field, code, &[("value", &size.to_string())]);
    }
}

/// ListSynchronizationJobs, in document order.
pub(crate) fn check_list_request(
    checker: &mut Checker<'_>,
    request: &ListSynchronizationJobsRequest,
) {
    let operation = "ListSynchronizationJobs";
    let instance = request.instance_id.as_deref();
    required_id(checker, operation, "InstanceId", instance, INSTANCE_PREFIX);

    // Token style wins: with MaxResults or NextToken the service ignores
    // PageNumber and PageSize, so each of those is pointed out.
    let token_style = request.max_results.is_some() || given(request.next_token.as_ref()).is_some();
    if let Some(page) = request.page_number {
        if page == 0 {
            checker.report("PageNumber", RuleCode::PageNumberRange, &[("value", "0")]);
        }
        if token_style {
            checker.report("PageNumber", RuleCode::BothPagingStyles, &[]);
        }
    }
    check_page_size(
        checker,
        "PageSize",
        request.page_size,
        RuleCode::PageSizeRange,
    );
    if request.page_size.is_some() && token_style {
        checker.report("PageSize", RuleCode::BothPagingStyles, &[]);
    }
    check_page_size(
        checker,
        "MaxResults",
        request.max_results,
        RuleCode::MaxResultsRange,
    );

    check_enum(checker, "TargetType", request.target_type.as_ref());
    if let Some(targets) = &request.target_ids {
        let prefix = target_prefix(request.target_type.as_ref());
        checker.at("TargetIds", |c| {
            for (index, target) in targets.iter().enumerate() {
                let field = format!("[{index}]");
                check_id(c, &field, target, prefix, RuleCode::EmptyTargetId);
            }
        });
    }

    if let Some(start) = request.start_time {
        check_filter_time(checker, "StartTime", start);
    }
    if let Some(end) = request.end_time {
        check_filter_time(checker, "EndTime", end);
        if let Some(start) = request.start_time.filter(|&start| start > end) {
            checker.report(
                "EndTime",
                RuleCode::StartAfterEnd,
                &[("value", &describe(end)), ("expected", &describe(start))],
            );
        }
    }
    check_enum(checker, "Direction", request.direction.as_ref());
    check_enum(checker, "Status", request.status.as_ref());

    if let Some(filters) = &request.filters {
        checker.at("Filters", |c| {
            for (index, filter) in filters.iter().enumerate() {
                if given(filter.key.as_ref()).is_none_or(|k| k.trim().is_empty()) {
                    let field = format!("[{index}].Key");
                    c.report(&field, RuleCode::FilterWithoutKey, &[]);
                }
            }
        });
    }
}
