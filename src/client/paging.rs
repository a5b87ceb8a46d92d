//! Pagination over ListSynchronizationJobs, both styles: `NextToken` (with
//! `MaxResults`) and `PageNumber` (with `PageSize`).
//!
//! [`PageCursor`] says which request comes next and when to stop (the last
//! page, or `maxPages`); [`JobCollector`] keeps each job once, by
//! `SynchronizationJobId`, so a page fetched twice (a retry, or a page-number
//! window that shifted because a job arrived meanwhile) adds nothing twice.

use crate::model::{
    ListSynchronizationJobsRequest, ListSynchronizationJobsResponse, SynchronizationJob,
};
use serde::Serialize;
use std::collections::HashSet;

/// The service's default page size (both styles), when the caller sets none.
pub const DEFAULT_PAGE_SIZE: u64 = 20;

/// The page size `listAllSynchronizationJobs` asks for when the caller chose
/// no paging style: the largest the service allows, for the fewest round trips.
pub const DEFAULT_MAX_RESULTS: u64 = 100;

/// Which way the pages are followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagingStyle {
    /// `MaxResults` + `NextToken` (the recommended style; the service ignores
    /// `PageNumber`/`PageSize` when either is present).
    Token,
    /// `PageNumber` + `PageSize`.
    PageNumber,
}

/// Where the walk stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum CursorState {
    /// `request` is the next page to fetch.
    More,
    /// The last page was fetched.
    Finished,
    /// `maxPages` pages were fetched and `request` would be the next one.
    Stopped,
}

/// The request for the next page, and when to stop.
#[derive(Debug, Clone)]
pub struct PageCursor {
    request: ListSynchronizationJobsRequest,
    style: PagingStyle,
    max_pages: Option<u32>,
    pages_fetched: u32,
    state: CursorState,
    /// Tokens already followed: a token seen twice would loop forever.
    tokens: HashSet<String>,
}

impl PageCursor {
    /// Starts at `request`. The style is `PageNumber` when the caller gave
    /// `PageNumber` or `PageSize` and neither `MaxResults` nor `NextToken`;
    /// otherwise `NextToken`, with `MaxResults` set to
    /// [`DEFAULT_MAX_RESULTS`] when the caller chose no paging at all.
    /// A `NextToken` in `request` resumes from it.
    pub fn new(mut request: ListSynchronizationJobsRequest, max_pages: Option<u32>) -> Self {
        let token_fields = request.max_results.is_some() || request.next_token.is_some();
        let number_fields = request.page_number.is_some() || request.page_size.is_some();
        let style = if !token_fields && number_fields {
            PagingStyle::PageNumber
        } else {
            PagingStyle::Token
        };
        if !token_fields && !number_fields {
            request.max_results = Some(DEFAULT_MAX_RESULTS);
        }
        if style == PagingStyle::Token && request.next_token.as_deref() == Some("") {
            request.next_token = None;
        }
        PageCursor {
            request,
            style,
            max_pages,
            pages_fetched: 0,
            state: CursorState::More,
            tokens: HashSet::new(),
        }
    }

    /// The paging style in use.
    pub fn style(&self) -> PagingStyle {
        self.style
    }

    /// How many pages were accepted.
    pub fn pages_fetched(&self) -> u32 {
        self.pages_fetched
    }

    /// The request for the next page; `None` once finished or stopped.
    pub fn next_request(&self) -> Option<&ListSynchronizationJobsRequest> {
        (self.state == CursorState::More).then_some(&self.request)
    }

    /// Whether the last page was fetched (not merely stopped by `maxPages`).
    pub fn is_finished(&self) -> bool {
        self.state == CursorState::Finished
    }

    /// Where to resume after `maxPages` stopped the walk: the `NextToken` of
    /// the next page (token style).
    pub fn resume_token(&self) -> Option<&str> {
        match (self.state == CursorState::Stopped, self.style) {
            (true, PagingStyle::Token) => self.request.next_token.as_deref(),
            _ => None,
        }
    }

    /// Where to resume after `maxPages` stopped the walk: the `PageNumber` of
    /// the next page (page-number style).
    pub fn resume_page_number(&self) -> Option<u64> {
        match (self.state == CursorState::Stopped, self.style) {
            (true, PagingStyle::PageNumber) => self.request.page_number,
            _ => None,
        }
    }

    /// Takes the answer to [`Self::next_request`] and moves to the next page,
    /// or finishes: token style ends on a page without a `NextToken` (or with
    /// an empty one, or one already followed); page-number style ends on an
    /// empty or short page, or once `PageNumber * PageSize` reaches
    /// `TotalCount`. Then `maxPages` may stop it. Does nothing once finished.
    pub fn advance(&mut self, page: &ListSynchronizationJobsResponse) {
        if self.state != CursorState::More {
            return;
        }
        self.pages_fetched = self.pages_fetched.saturating_add(1);
        let more = match self.style {
            PagingStyle::Token => self.advance_token(page),
            PagingStyle::PageNumber => self.advance_page_number(page),
        };
        self.state = if !more {
            CursorState::Finished
        } else if self.max_pages.is_some_and(|max| self.pages_fetched >= max) {
            CursorState::Stopped
        } else {
            CursorState::More
        };
    }

    fn advance_token(&mut self, page: &ListSynchronizationJobsResponse) -> bool {
        if let Some(current) = &self.request.next_token {
            self.tokens.insert(current.clone());
        }
        match page.next_token.as_deref() {
            Some(token) if !token.is_empty() && !self.tokens.contains(token) => {
                self.request.next_token = Some(token.to_owned());
                true
            }
            _ => false,
        }
    }

    fn advance_page_number(&mut self, page: &ListSynchronizationJobsResponse) -> bool {
        let number = self.request.page_number.unwrap_or(1);
        let size = self.request.page_size.unwrap_or(DEFAULT_PAGE_SIZE).max(1);
        let items = page.synchronization_jobs.len() as u64;
        let reached_total = page
            .total_count
            .is_some_and(|total| number.saturating_mul(size) >= total);
        if items == 0 || items < size || reached_total {
            return false;
        }
        self.request.page_number = Some(number.saturating_add(1));
        true
    }
}

/// What `onProgress` receives after each page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// Pages fetched so far.
    pub pages_fetched: u32,
    /// Distinct jobs collected so far.
    pub jobs_fetched: u64,
    /// The latest page's `TotalCount` (the jobs matching the filters), or
    /// `jobsFetched` when the service sent none.
    pub total_count: u64,
}

/// What `listAllSynchronizationJobs` resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListAllResult {
    /// Every job, once, in the order the pages listed them.
    pub jobs: Vec<SynchronizationJob>,
    /// The last page's `TotalCount`, or the number of jobs when absent.
    pub total_count: u64,
    /// When `maxPages` stopped the walk early (token style): the `NextToken`
    /// to resume from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// When `maxPages` stopped the walk early (page-number style): the
    /// `PageNumber` to resume from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_page_number: Option<u64>,
}

/// Collects the jobs of the pages, each `SynchronizationJobId` once.
#[derive(Debug, Default)]
pub struct JobCollector {
    jobs: Vec<SynchronizationJob>,
    ids: HashSet<String>,
    total_count: Option<u64>,
}

impl JobCollector {
    /// An empty collector.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the jobs of `page` not seen before; returns how many were new.
    pub fn add_page(&mut self, page: ListSynchronizationJobsResponse) -> usize {
        if page.total_count.is_some() {
            self.total_count = page.total_count;
        }
        let before = self.jobs.len();
        for job in page.synchronization_jobs {
            if !self.ids.contains(&job.synchronization_job_id) {
                self.ids.insert(job.synchronization_job_id.clone());
                self.jobs.push(job);
            }
        }
        self.jobs.len() - before
    }

    /// How many distinct jobs were collected.
    pub fn len(&self) -> usize {
        self.jobs.len()
    }

    /// Whether no job was collected.
    pub fn is_empty(&self) -> bool {
        self.jobs.is_empty()
    }

    /// The progress after `cursor`'s latest page.
    pub fn progress(&self, cursor: &PageCursor) -> Progress {
        let jobs_fetched = self.jobs.len() as u64;
        Progress {
            pages_fetched: cursor.pages_fetched(),
            jobs_fetched,
            total_count: self.total_count.unwrap_or(jobs_fetched),
        }
    }

    /// The result, with where to resume when `cursor` was stopped early.
    pub fn finish(self, cursor: &PageCursor) -> ListAllResult {
        let jobs_fetched = self.jobs.len() as u64;
        ListAllResult {
            total_count: self.total_count.unwrap_or(jobs_fetched),
            jobs: self.jobs,
            next_token: cursor.resume_token().map(str::to_owned),
            next_page_number: cursor.resume_page_number(),
        }
    }
}
