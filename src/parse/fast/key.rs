//! Known object keys, matched together with their separators a word at a
//! time: the fast path of compact JSON written in wire order.

/// A known object key, prepared for matching a whole compact member head
/// at once: the literal `,"Name":` (at most 32 bytes) as four
/// little-endian words, and the masks of the bytes that belong to it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Key {
    /// The name without quotes.
    name: &'static str,
    /// The literal's bytes, eight to a word, zero-padded.
    words: [u64; 4],
    /// `0xFF` for each byte of `words` that is part of the literal.
    masks: [u64; 4],
    /// The literal's length.
    len: usize,
}

impl Key {
    /// The key `name` (printable ASCII without `"` or `\\`, at most 28 bytes).
    pub(crate) const fn new(name: &'static str) -> Key {
        let bytes = name.as_bytes();
        let len = bytes.len() + 4;
        assert!(len <= 32, "a member head fits in four words");
        let mut words = [0u64; 4];
        let mut masks = [0u64; 4];
        let mut i = 0;
        while i < len {
            let byte = match i {
                0 => b',',
                1 => b'"',
                _ if i == len - 2 => b'"',
                _ if i == len - 1 => b':',
                _ => bytes[i - 2],
            };
            words[i / 8] |= (byte as u64) << (8 * (i % 8));
            masks[i / 8] |= 0xFF << (8 * (i % 8));
            i += 1;
        }
        Key {
            name,
            words,
            masks,
            len,
        }
    }

    /// The length of this key's member head at the start of `window`, if it
    /// is there: `,"Name":`, or `{"Name":` when `first` (the `{` not
    /// compared). `None` too when `window` is shorter than 32 bytes.
    #[inline(always)]
    pub(crate) fn head_len(&self, window: &[u8], first: bool) -> Option<usize> {
        let [a, b, c, d] = four_words(window)?;
        let [ka, kb, kc, kd] = self.words;
        let [ma, mb, mc, md] = self.masks;
        let ma = if first { ma & !0xFF } else { ma };
        let ka = ka & ma;
        let differ = (a & ma ^ ka) | (b & mb ^ kb) | (c & mc ^ kc) | (d & md ^ kd);
        (differ == 0).then_some(self.len)
    }

    /// Whether this is the key whose content (between the quotes) is `content`.
    pub(crate) fn is(&self, content: &[u8]) -> bool {
        self.name.as_bytes() == content
    }
}

/// The first 32 bytes of `bytes` as four little-endian words.
#[inline(always)]
fn four_words(bytes: &[u8]) -> Option<[u64; 4]> {
    let (a, rest) = bytes.split_first_chunk::<8>()?;
    let (b, rest) = rest.split_first_chunk::<8>()?;
    let (c, rest) = rest.split_first_chunk::<8>()?;
    let (d, _) = rest.split_first_chunk::<8>()?;
    Some([
        u64::from_le_bytes(*a),
        u64::from_le_bytes(*b),
        u64::from_le_bytes(*c),
        u64::from_le_bytes(*d),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(text: &str) -> Vec<u8> {
        let mut bytes = text.as_bytes().to_vec();
        bytes.resize(bytes.len().max(32), b' ');
        bytes
    }

    #[test]
    fn heads_match_exactly() {
        let key = Key::new("Total");
        assert_eq!(key.head_len(&window(r#","Total":3}"#), false), Some(9));
        assert_eq!(key.head_len(&window(r#"{"Total":3}"#), true), Some(9));
        assert_eq!(key.head_len(&window(r#"{"Total":3}"#), false), None);
        for other in [
            r#","Totals":1"#,
            r#","Tota":1"#,
            r#", "Total":1"#,
            r#","total":1"#,
            r#","Total" :1"#,
        ] {
            assert_eq!(key.head_len(&window(other), false), None, "{other}");
        }
        let long = Key::new("OrganizationalUnitStatistics");
        let head = r#","OrganizationalUnitStatistics":"#;
        assert_eq!(head.len(), 32);
        assert_eq!(long.head_len(head.as_bytes(), false), Some(32));
        assert_eq!(long.head_len(&head.as_bytes()[..31], false), None);
        assert!(long.is(b"OrganizationalUnitStatistics") && !long.is(b"Organizational"));
    }
}
