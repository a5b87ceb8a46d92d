//! ListSynchronizationJobs: filters, the two paging styles and their
//! precedence, and the `NextToken` round trip.
//!
//! When `MaxResults` or `NextToken` is present the request pages by token
//! (`MaxResults` jobs from the token's offset) and `PageNumber`/`PageSize`
//! are ignored; otherwise it pages by number (`PageSize` jobs of page
//! `PageNumber`, from 1). Page sizes default to 20 and must be 1..=100.
//! Only token-style answers carry a `NextToken`, and never on the last page.

use crate::errors::ApiError;
use crate::store::Instance;
use crate::token::{filter_digest, TokenCodec};
use eiam_sync::model::{
    JobStatus, ListSynchronizationJobsRequest, SyncDirection, SynchronizationJob, TargetType,
};

/// The page size when the request names none.
pub const DEFAULT_PAGE_SIZE: u64 = 20;
/// The largest page size accepted.
pub const MAX_PAGE_SIZE: u64 = 100;

/// One page of jobs.
#[derive(Debug)]
pub struct Page<'a> {
    /// The jobs on this page, newest first.
    pub jobs: Vec<&'a SynchronizationJob>,
    /// How many jobs match the filters across all pages.
    pub total_count: u64,
    /// The token of the next page (token style, when there is one).
    pub next_token: Option<String>,
}

/// Refuses a filter value outside the documented set.
fn known(
    name: &str,
    value: Option<&str>,
    is_known: bool,
    expected: &[&str],
) -> Result<(), ApiError> {
    match value {
        Some(value) if !is_known => Err(ApiError::invalid_parameter(
            name,
            &format!("{value:?} is not one of {}", expected.join(", ")),
        )),
        _ => Ok(()),
    }
}

fn page_size(name: &str, value: Option<u64>) -> Result<u64, ApiError> {
    match value {
        None => Ok(DEFAULT_PAGE_SIZE),
        Some(n) if (1..=MAX_PAGE_SIZE).contains(&n) => Ok(n),
        Some(n) => Err(ApiError::invalid_parameter(
            name,
            &format!("{n} is out of range; it must be between 1 and {MAX_PAGE_SIZE}"),
        )),
    }
}

/// Whether `job` passes the filters of `request`.
pub fn matches(job: &SynchronizationJob, request: &ListSynchronizationJobsRequest) -> bool {
    let equal = |wanted: Option<&str>, actual: Option<&str>| wanted.is_none() || wanted == actual;
    equal(
        request.target_type.as_ref().map(TargetType::as_str),
        job.target_type.as_ref().map(TargetType::as_str),
    ) && equal(
        request.status.as_ref().map(JobStatus::as_str),
        job.status.as_ref().map(JobStatus::as_str),
    ) && equal(
        request.direction.as_ref().map(SyncDirection::as_str),
        job.direction.as_ref().map(SyncDirection::as_str),
    ) && request.target_ids.as_ref().is_none_or(|ids| {
        job.target_id
            .as_ref()
            .is_some_and(|target| ids.iter().any(|id| id == target))
    }) && request
        .start_time
        .is_none_or(|from| job.start_time.is_some_and(|start| start >= from))
        && request
            .end_time
            .is_none_or(|to| job.start_time.is_some_and(|start| start <= to))
}

/// Answers ListSynchronizationJobs for `instance`. `Filters.N` (dynamic
/// filters) are accepted and ignored, though a token remembers them.
pub fn list<'a>(
    instance: &'a Instance,
    request: &ListSynchronizationJobsRequest,
    tokens: &TokenCodec,
) -> Result<Page<'a>, ApiError> {
    known(
        "TargetType",
        request.target_type.as_ref().map(TargetType::as_str),
        request
            .target_type
            .as_ref()
            .is_none_or(TargetType::is_known),
        TargetType::KNOWN,
    )?;
    known(
        "Status",
        request.status.as_ref().map(JobStatus::as_str),
        request.status.as_ref().is_none_or(JobStatus::is_known),
        JobStatus::KNOWN,
    )?;
    known(
        "Direction",
        request.direction.as_ref().map(SyncDirection::as_str),
        request
            .direction
            .as_ref()
            .is_none_or(SyncDirection::is_known),
        SyncDirection::KNOWN,
    )?;

    let token_style = request.max_results.is_some() || request.next_token.is_some();
    let digest = filter_digest(request);
    let (size, offset) = if token_style {
        let size = page_size("MaxResults", request.max_results)?;
        let offset = match request.next_token.as_deref() {
            None | Some("") => 0,
            Some(token) => tokens
                .decode(token, digest)
                .map_err(|e| ApiError::invalid_next_token(e.describe()))?,
        };
        (size, offset)
    } else {
        let size = page_size("PageSize", request.page_size)?;
        let number = request.page_number.unwrap_or(1);
        if number == 0 {
            return Err(ApiError::invalid_parameter(
                "PageNumber",
                "pages are numbered from 1",
            ));
        }
        (size, (number - 1).saturating_mul(size))
    };

    let matching: Vec<&SynchronizationJob> = instance
        .jobs()
        .iter()
        .filter(|job| matches(job, request))
        .collect();
    let total = matching.len();
    let start = usize::try_from(offset).unwrap_or(usize::MAX).min(total);
    let end = start
        .saturating_add(usize::try_from(size).unwrap_or(usize::MAX))
        .min(total);
    let jobs = matching.get(start..end).unwrap_or_default().to_vec();
    let next_token = (token_style && end < total).then(|| tokens.encode(end as u64, digest));
    Ok(Page {
        jobs,
        total_count: total as u64,
        next_token,
    })
}
