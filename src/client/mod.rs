//! The browser client's policy, in plain Rust: everything the client decides
//! that does not need JavaScript, so it is tested natively.
//!
//! - [`encode_call`]: a request to `POST {proxyUrl}/{Action}?{query}` with the
//!   RPC codec's query (the official SDKs' names and values, keys sorted,
//!   RFC 3986 percent-encoding);
//! - [`read_error_body`] and [`AttemptFailure`]: what an answer that is not a
//!   response means, and whether it is worth another attempt;
//! - [`RetryPolicy`]: exponential back-off with full jitter, never shorter than
//!   the wait the service or the proxy asked for ([`WaitHints`]), capped by
//!   `maxDelayMs` and `maxAttempts`;
//! - [`PageCursor`] and [`JobCollector`]: following `NextToken` (or
//!   `PageNumber`), stopping after `maxPages`, and keeping every job once.
//!
//! The transport (fetch, timers, `AbortSignal`) lives in `src/js/client/`.

mod encode;
mod failure;
mod headers;
mod paging;
mod retry;

pub use encode::{check_proxy_url, encode_call, EncodedCall};
pub use failure::{
    is_retryable_api_error, is_throttling_code, read_error_body, ApiFailure, AttemptFailure,
    HTTP_ERROR_CODE, RETRYABLE_CODES,
};
pub use headers::{parse_rate_limit, parse_retry_after, RateLimit, WaitHints};
pub use paging::{
    JobCollector, ListAllResult, PageCursor, PagingStyle, Progress, DEFAULT_MAX_RESULTS,
    DEFAULT_PAGE_SIZE,
};
pub use retry::{
    read_max_pages, read_timeout_ms, GiveUpReason, RetryDecision, RetryPolicy, DEFAULT_TIMEOUT_MS,
    MAX_TIMER_MS,
};
