//! Values keyed by an optional string, looked up without allocating.
//!
//! Not a `BTreeMap`: every B-tree key/value type is one more copy of the
//! B-tree code (insert, search, clone, drop) in the wasm module, and the
//! aggregator had four of them. Here the ordered part, [`Names`], is not
//! generic at all; what depends on the value type is a `Vec` push and index.

/// Distinct strings, numbered in first-seen order, with their numbers also
/// kept in string order so a lookup is a binary search.
///
/// A new string costs an insertion into the `usize` list (a memmove of at
/// most one word per string already there), never a move of the values: fine
/// for the hundreds of targets or codes the aggregator sees.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Names {
    /// The strings, by number.
    names: Vec<String>,
    /// Every number, sorted by its string.
    sorted: Vec<usize>,
}

impl Names {
    /// The string numbered `n` (empty if there is none, which never happens
    /// for a number taken from `sorted`).
    fn name(&self, n: usize) -> &str {
        self.names.get(n).map_or("", String::as_str)
    }

    /// The number of `name`, numbering it first when it is new (then it is
    /// the previous count of strings).
    fn number(&mut self, name: &str) -> usize {
        match self.sorted.binary_search_by(|n| self.name(*n).cmp(name)) {
            Ok(at) => self.sorted.get(at).copied().unwrap_or_default(),
            Err(at) => {
                let n = self.names.len();
                self.names.push(name.to_owned());
                self.sorted.insert(at, n);
                n
            }
        }
    }

    /// Every number and string, in string order.
    fn iter(&self) -> impl Iterator<Item = (usize, &str)> {
        self.sorted.iter().map(|n| (*n, self.name(*n)))
    }
}

/// Values keyed by `Option<String>`, iterated in that type's order (absent
/// first, then by string), and looked up by `Option<&str>`: a key is only
/// copied the first time it is seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OptKeyed<V> {
    absent: Option<V>,
    names: Names,
    /// The value of each string, by its number in `names`.
    values: Vec<V>,
}

impl<V> Default for OptKeyed<V> {
    fn default() -> Self {
        OptKeyed {
            absent: None,
            names: Names::default(),
            values: Vec::new(),
        }
    }
}

impl<V: Default> OptKeyed<V> {
    /// Runs `update` on the value of `key`, inserting a default one first
    /// when the key is new.
    pub(crate) fn update<R>(&mut self, key: Option<&str>, update: impl FnOnce(&mut V) -> R) -> R {
        let Some(key) = key else {
            return update(self.absent.get_or_insert_with(V::default));
        };
        let n = self.names.number(key);
        if n == self.values.len() {
            self.values.push(V::default());
        }
        update(&mut self.values[n])
    }
}

impl<V> OptKeyed<V> {
    /// Every key and value, absent key first, then by key.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (Option<&str>, &V)> {
        let absent = self.absent.iter().map(|value| (None, value));
        let present = self
            .names
            .iter()
            .filter_map(|(n, key)| Some((Some(key), self.values.get(n)?)));
        absent.chain(present)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    const KEYS: [Option<&str>; 7] = [
        Some("b"),
        None,
        Some("a"),
        Some("b"),
        Some(""),
        None,
        Some("é"),
    ];

    #[test]
    fn iterates_like_a_map_keyed_by_option_string() {
        let mut keyed: OptKeyed<u64> = OptKeyed::default();
        let mut reference: BTreeMap<Option<String>, u64> = BTreeMap::new();
        for key in KEYS {
            keyed.update(key, |v| *v += 1);
            *reference.entry(key.map(str::to_owned)).or_default() += 1;
        }
        let got: Vec<(Option<&str>, u64)> = keyed.iter().map(|(k, v)| (k, *v)).collect();
        let want: Vec<(Option<&str>, u64)> =
            reference.iter().map(|(k, v)| (k.as_deref(), *v)).collect();
        assert_eq!(got, want);
    }
}
