//! The rules of a ListSynchronizationJobs page: its own fields, duplicate job
//! IDs, and every job's rules under `SynchronizationJobs[i]`.

use super::check::Checker;
use super::fields::given;
use super::job::check_job;
use super::messages::quote;
use super::RuleCode;
use crate::model::{ListSynchronizationJobsResponse, SynchronizationJob};

/// Checks a page in document order: `RequestId`, `TotalCount`, `NextToken`,
/// then each job (a duplicate ID is reported before the job's own issues).
pub(crate) fn check_list(checker: &mut Checker<'_>, response: &ListSynchronizationJobsResponse) {
    if given(response.request_id.as_ref()).is_none() {
        checker.report("RequestId", RuleCode::MissingRequestId, &[]);
    }

    let jobs = &response.synchronization_jobs;
    if let Some(total) = response.total_count {
        if total < jobs.len() as u64 {
            checker.report(
                "TotalCount",
                RuleCode::TotalCountBelowPage,
                &[
                    ("value", &total.to_string()),
                    ("expected", &jobs.len().to_string()),
                ],
            );
        }
    }

    if given(response.next_token.as_ref()).is_some() && jobs.is_empty() {
        checker.report("NextToken", RuleCode::NextTokenOnEmptyPage, &[]);
    }

    let first = first_occurrences(jobs);
    checker.at("SynchronizationJobs", |c| {
        for (index, job) in jobs.iter().enumerate() {
            c.at(&format!("[{index}]"), |c| {
                if let Some(&Some(first)) = first.get(index) {
                    let id = job.synchronization_job_id.as_str();
                    let first_path = format!("SynchronizationJobs[{first}].SynchronizationJobId");
                    c.report(
                        "SynchronizationJobId",
                        RuleCode::DuplicateJobId,
                        &[("value", &quote(id)), ("expected", &first_path)],
                    );
                }
                check_job(c, job);
            });
        }
    });
}

/// For each job, the index of the first job with the same ID when it is a
/// later duplicate, else `None`. Sorting keeps it O(n log n) whatever the
/// input, without a hash map.
fn first_occurrences(jobs: &[SynchronizationJob]) -> Vec<Option<usize>> {
    let mut sorted: Vec<&String> = jobs.iter().map(|j| &j.synchronization_job_id).collect();
    sorted.sort_unstable();
    // The IDs that occur more than once (sorted, each once).
    let mut repeated: Vec<&String> = sorted
        .windows(2)
        .filter_map(|pair| match *pair {
            [a, b] if a == b => Some(a),
            _ => None,
        })
        .collect();
    repeated.dedup();
    let mut first_of_repeated: Vec<Option<usize>> = vec![None; repeated.len()];
    let mut first = vec![None; jobs.len()];
    if repeated.is_empty() {
        return first;
    }
    for (index, job) in jobs.iter().enumerate() {
        let Ok(k) = repeated.binary_search(&&job.synchronization_job_id) else {
            continue;
        };
        match first_of_repeated.get_mut(k) {
            Some(Some(earlier)) => {
                if let Some(slot) = first.get_mut(index) {
                    *slot = Some(*earlier);
                }
            }
            Some(slot) => *slot = Some(index),
            None => {}
        }
    }
    first
}
