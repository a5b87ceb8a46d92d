//! What tests read back through `GET /_emulator/requests`: how many API
//! requests arrived (faulted or refused ones included) and the last 200 of
//! them as received, so a proxy's tests can prove what reached the upstream.

use serde::Serialize;
use serde_json::{json, Value};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// How many requests `recent` keeps.
pub const RECENT_LIMIT: usize = 200;

/// One request as received.
#[derive(Debug, Clone, Serialize)]
pub struct RecordedRequest {
    /// The request's number in this process, from 1.
    pub n: u64,
    /// The HTTP method.
    pub method: String,
    /// The path, as received.
    pub path: String,
    /// The `x-acs-action` header, if any.
    pub action: Option<String>,
    /// The raw query string, as received (no `?`).
    pub query: String,
    /// Every header as `[name, value]`, names lower-case, in received order.
    pub headers: Vec<(String, String)>,
}

/// Counts API requests and keeps the recent ones.
#[derive(Debug, Default)]
pub struct RequestLog {
    count: AtomicU64,
    recent: Mutex<VecDeque<RecordedRequest>>,
}

impl RequestLog {
    /// Numbers a request (from 1) and records it.
    pub fn record(
        &self,
        method: &str,
        path: &str,
        query: &str,
        headers: &[(String, String)],
    ) -> u64 {
        let n = self.count.fetch_add(1, Ordering::SeqCst) + 1;
        let action = headers
            .iter()
            .find(|(name, _)| name == "x-acs-action")
            .map(|(_, value)| value.clone());
        let entry = RecordedRequest {
            n,
            method: method.to_owned(),
            path: path.to_owned(),
            action,
            query: query.to_owned(),
            headers: headers.to_vec(),
        };
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        if recent.len() == RECENT_LIMIT {
            recent.pop_front();
        }
        recent.push_back(entry);
        n
    }

    /// How many API requests arrived.
    pub fn count(&self) -> u64 {
        self.count.load(Ordering::SeqCst)
    }

    /// `{"count": n, "recent": [...]}`, oldest first.
    pub fn snapshot(&self) -> Value {
        let recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        json!({
            "count": self.count(),
            "recent": recent.iter().collect::<Vec<_>>(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_last_200_and_counts_all() {
        let log = RequestLog::default();
        for i in 0..250 {
            let headers = vec![("x-acs-action".to_owned(), format!("A{i}"))];
            assert_eq!(log.record("POST", "/", "a=1", &headers), i + 1);
        }
        let snapshot = log.snapshot();
        assert_eq!(snapshot["count"], 250);
        let recent = snapshot["recent"].as_array().unwrap();
        assert_eq!(recent.len(), RECENT_LIMIT);
        assert_eq!(recent[0]["action"], "A50");
        assert_eq!(recent[0]["headers"][0][1], "A50");
        assert_eq!(recent[199]["n"], 250);
    }
}
