//! A small, stable, non-cryptographic mixer (SplitMix64) for the decisions
//! that must be reproducible from the seed: fault rolls, request ids and the
//! per-instance generator seeds. Its output never changes between platforms
//! or releases, unlike `std`'s hashers.

/// One SplitMix64 step: a well-mixed 64-bit value of `x`.
pub fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Mixes several values into one, order-sensitively.
pub fn mix(parts: &[u64]) -> u64 {
    parts.iter().fold(0x6A09_E667_F3BC_C908, |acc, &part| {
        splitmix64(acc ^ splitmix64(part))
    })
}

/// A number in `[0, 1)` from a mixed value (its top 53 bits).
pub fn unit_interval(x: u64) -> f64 {
    // 2^53 values, each exactly representable as f64.
    (x >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_stable_and_order_sensitive() {
        assert_eq!(mix(&[1, 2]), mix(&[1, 2]));
        assert_ne!(mix(&[1, 2]), mix(&[2, 1]));
        assert_eq!(splitmix64(0), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn unit_interval_stays_below_one() {
        assert!(unit_interval(u64::MAX) < 1.0);
        assert_eq!(unit_interval(0), 0.0);
    }
}
