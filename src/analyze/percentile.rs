//! Duration percentiles by nearest rank, exact over every duration kept.

use serde::Serialize;
use tsify::Tsify;

/// The value at percentile `p` (1..=100) of ascending `sorted` values by
/// nearest rank: the element at 1-based rank `ceil(p / 100 * n)`. `None` for
/// no values.
pub fn nearest_rank(sorted: &[u64], p: u32) -> Option<u64> {
    let n = sorted.len() as u64;
    if n == 0 {
        return None;
    }
    let p = u64::from(p.clamp(1, 100));
    let rank = (p * n).div_ceil(100).max(1);
    sorted.get(usize::try_from(rank - 1).ok()?).copied()
}

/// Duration statistics of the jobs that have a duration.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DurationStats {
    /// How many jobs have a duration (both times present, `EndTime >= StartTime`).
    pub count: u64,
    /// Median by nearest rank, in milliseconds; absent without durations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p50_ms: Option<u64>,
    /// 95th percentile by nearest rank, in milliseconds; absent without durations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p95_ms: Option<u64>,
    /// The longest, in milliseconds; absent without durations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_ms: Option<u64>,
}

impl DurationStats {
    /// The statistics of `durations` (any order; sorted in place).
    pub fn of(durations: &mut [u64]) -> Self {
        durations.sort_unstable();
        DurationStats {
            count: durations.len() as u64,
            p50_ms: nearest_rank(durations, 50),
            p95_ms: nearest_rank(durations, 95),
            max_ms: durations.last().copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_by_hand() {
        assert_eq!(nearest_rank(&[], 50), None);
        assert_eq!(nearest_rank(&[7], 50), Some(7));
        assert_eq!(nearest_rank(&[7], 95), Some(7));
        // n = 4: p50 rank ceil(2) = 2; p95 rank ceil(3.8) = 4.
        assert_eq!(nearest_rank(&[1, 2, 3, 4], 50), Some(2));
        assert_eq!(nearest_rank(&[1, 2, 3, 4], 95), Some(4));
        // n = 20: p95 rank 19, p50 rank 10.
        let values: Vec<u64> = (1..=20).collect();
        assert_eq!(nearest_rank(&values, 95), Some(19));
        assert_eq!(nearest_rank(&values, 50), Some(10));
        // n = 5: p50 rank ceil(2.5) = 3.
        assert_eq!(nearest_rank(&[10, 20, 30, 40, 50], 50), Some(30));
    }
}
