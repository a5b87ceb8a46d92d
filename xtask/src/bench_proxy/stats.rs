//! Percentiles and summaries of latency samples (nanoseconds).

/// The value at quantile `q` (0..=1) of sorted samples, by nearest rank: the
/// smallest sample with at least `q` of the samples at or below it. 0 when empty.
pub fn percentile(sorted: &[u64], q: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = (q.clamp(0.0, 1.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// A latency distribution in a few numbers (nanoseconds).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Summary {
    /// Samples.
    pub count: usize,
    /// Median.
    pub p50: u64,
    /// 90th percentile.
    pub p90: u64,
    /// 99th percentile.
    pub p99: u64,
    /// 99.9th percentile.
    pub p999: u64,
    /// Largest sample.
    pub max: u64,
    /// Arithmetic mean.
    pub mean: f64,
}

impl Summary {
    /// Summarises `samples` (sorted in place).
    pub fn of(samples: &mut [u64]) -> Self {
        samples.sort_unstable();
        let total: u128 = samples.iter().map(|&value| u128::from(value)).sum();
        Summary {
            count: samples.len(),
            p50: percentile(samples, 0.50),
            p90: percentile(samples, 0.90),
            p99: percentile(samples, 0.99),
            p999: percentile(samples, 0.999),
            max: samples.last().copied().unwrap_or(0),
            mean: if samples.is_empty() {
                0.0
            } else {
                total as f64 / samples.len() as f64
            },
        }
    }

    /// As JSON, in milliseconds.
    pub fn json_ms(&self) -> serde_json::Value {
        serde_json::json!({
            "count": self.count,
            "p50_ms": ms(self.p50),
            "p90_ms": ms(self.p90),
            "p99_ms": ms(self.p99),
            "p999_ms": ms(self.p999),
            "max_ms": ms(self.max),
            "mean_ms": self.mean / 1e6,
        })
    }
}

/// Nanoseconds as milliseconds.
pub fn ms(nanos: u64) -> f64 {
    nanos as f64 / 1e6
}

/// Signed difference `b − a` of two nanosecond values, in milliseconds.
pub fn diff_ms(a: u64, b: u64) -> f64 {
    (b as f64 - a as f64) / 1e6
}

/// The spread of a set of values: smallest, largest, and the relative
/// spread `(max − min) / median`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Spread {
    /// Smallest value.
    pub min: u64,
    /// Median value.
    pub median: u64,
    /// Largest value.
    pub max: u64,
}

impl Spread {
    /// The spread of `values` (any order).
    pub fn of(values: &[u64]) -> Self {
        let mut sorted = values.to_vec();
        sorted.sort_unstable();
        Spread {
            min: sorted.first().copied().unwrap_or(0),
            median: percentile(&sorted, 0.5),
            max: sorted.last().copied().unwrap_or(0),
        }
    }

    /// `(max − min) / median`, 0 when the median is 0.
    pub fn relative(&self) -> f64 {
        if self.median == 0 {
            0.0
        } else {
            (self.max - self.min) as f64 / self.median as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let sorted: Vec<u64> = (1..=100).collect();
        assert_eq!(percentile(&sorted, 0.5), 50);
        assert_eq!(percentile(&sorted, 0.99), 99);
        assert_eq!(percentile(&sorted, 1.0), 100);
        assert_eq!(percentile(&sorted, 0.0), 1);
        assert_eq!(percentile(&[7], 0.99), 7);
        assert_eq!(percentile(&[], 0.5), 0);
    }

    #[test]
    fn summary_and_spread() {
        let mut samples = vec![5, 1, 3, 2, 4];
        let summary = Summary::of(&mut samples);
        assert_eq!((summary.count, summary.p50, summary.max), (5, 3, 5));
        assert!((summary.mean - 3.0).abs() < 1e-9);
        let spread = Spread::of(&[200, 100, 150]);
        assert_eq!((spread.min, spread.median, spread.max), (100, 150, 200));
        assert!((spread.relative() - 100.0 / 150.0).abs() < 1e-9);
        assert!((diff_ms(1_000_000, 1_500_000) - 0.5).abs() < 1e-12);
    }
}
