//! Values keyed by an optional string, looked up without allocating.

use std::collections::BTreeMap;

/// Values keyed by `Option<String>`, iterated in that type's order (absent
/// first, then by string), and looked up by `Option<&str>`: a key is only
/// copied the first time it is seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OptKeyed<V> {
    absent: Option<V>,
    present: BTreeMap<String, V>,
}

impl<V> Default for OptKeyed<V> {
    fn default() -> Self {
        OptKeyed {
            absent: None,
            present: BTreeMap::new(),
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
        if let Some(value) = self.present.get_mut(key) {
            return update(value);
        }
        update(self.present.entry(key.to_owned()).or_default())
    }
}

impl<V> OptKeyed<V> {
    /// Every key and value, absent key first, then by key.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (Option<&str>, &V)> {
        let absent = self.absent.iter().map(|value| (None, value));
        let present = self
            .present
            .iter()
            .map(|(key, value)| (Some(key.as_str()), value));
        absent.chain(present)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iterates_like_a_map_keyed_by_option_string() {
        let mut keyed: OptKeyed<u64> = OptKeyed::default();
        let mut reference: BTreeMap<Option<String>, u64> = BTreeMap::new();
        for key in [
            Some("b"),
            None,
            Some("a"),
            Some("b"),
            Some(""),
            None,
            Some("é"),
        ] {
            keyed.update(key, |v| *v += 1);
            *reference.entry(key.map(str::to_owned)).or_default() += 1;
        }
        let got: Vec<(Option<&str>, u64)> = keyed.iter().map(|(k, v)| (k, *v)).collect();
        let want: Vec<(Option<&str>, u64)> =
            reference.iter().map(|(k, v)| (k.as_deref(), *v)).collect();
        assert_eq!(got, want);
    }
}
