//! Report labels: the [`LabelKey`]s, their text in each [`Locale`], and the
//! [`Labels`] a report reads, with the caller's overrides applied.

mod table;

#[cfg_attr(not(target_arch = "wasm32"), allow(unused_imports))]
pub(crate) use table::label_table;

use crate::model::wire::tagged;
use crate::validate::Locale;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// Turns the label table into [`LabelKey`], its strings and default texts.
macro_rules! declare_labels {
    ($(
        $variant:ident { key: $key:literal, meaning: $meaning:literal,
            en: $en:literal, zh_cn: $zh_cn:literal, id: $id:literal $(,)? }
    )+) => {
        /// The stable key of a report label; its string form (`as_str`) is
        /// what `options.labels` uses in JS and what the README lists.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum LabelKey {
            $( #[doc = $meaning] $variant, )+
        }

        /// The keys, in [`LabelKey::ALL`] order.
        const KEYS: &[&str] = &[$($key),+];
        /// The default texts in `[en, zh-CN, id]`, in [`LabelKey::ALL`] order:
        /// an array indexed by the key is far smaller in wasm than a `match`.
        const TEXTS: &[[&str; 3]] = &[$([$en, $zh_cn, $id]),+];
        /// What each label is for, in [`LabelKey::ALL`] order.
        const MEANINGS: &[&str] = &[$($meaning),+];

        impl LabelKey {
            /// Every key, in README order.
            pub const ALL: &'static [LabelKey] = &[$(LabelKey::$variant),+];

            /// The key as `options.labels` names it (`"status.success"`).
            pub fn as_str(self) -> &'static str {
                KEYS[self as usize]
            }

            /// The key named `key`, if there is one.
            pub fn from_key(key: &str) -> Option<LabelKey> {
                let index = KEYS.iter().position(|k| *k == key)?;
                LabelKey::ALL.get(index).copied()
            }

            /// What the label is for, in one line of English (README).
            pub fn meaning(self) -> &'static str {
                MEANINGS[self as usize]
            }

            /// The built-in text in `locale`.
            pub fn default_text(self, locale: Locale) -> &'static str {
                let column = match locale {
                    Locale::En => 0,
                    Locale::ZhCn => 1,
                    Locale::Id => 2,
                };
                TEXTS[self as usize][column]
            }
        }
    };
}

label_table!(declare_labels);

/// Label texts chosen by the caller, by key. In JS: `options.labels`, an
/// object from label keys to strings; an unknown key or a value that is not a
/// string is a parse error (code `unknown_value` or `type`, path
/// `labels.<key>`), so a misspelt override never goes unnoticed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LabelOverrides(pub BTreeMap<LabelKey, String>);

impl LabelOverrides {
    /// No label overridden.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de> Deserialize<'de> for LabelOverrides {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_option(OverridesVisitor)
    }
}

struct OverridesVisitor;

impl<'de> Visitor<'de> for OverridesVisitor {
    type Value = LabelOverrides;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object from label keys to strings")
    }
    fn visit_none<E: de::Error>(self) -> Result<LabelOverrides, E> {
        Ok(LabelOverrides::default())
    }
    fn visit_unit<E: de::Error>(self) -> Result<LabelOverrides, E> {
        Ok(LabelOverrides::default())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<LabelOverrides, D::Error> {
        d.deserialize_map(OverridesVisitor)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LabelOverrides, A::Error> {
        let mut overrides = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            let Some(label) = LabelKey::from_key(&key) else {
                return Err(tagged(
                    "unknown_value",
                    format_args!("{key:?} is not a report label key"),
                ));
            };
            overrides.insert(label, map.next_value::<String>()?);
        }
        Ok(LabelOverrides(overrides))
    }
}

/// The texts a report shows: the locale's defaults with the overrides applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels {
    locale: Locale,
    overrides: LabelOverrides,
}

impl Labels {
    /// The labels of `locale`, with `overrides` taking precedence.
    pub fn new(locale: Locale, overrides: LabelOverrides) -> Self {
        Labels { locale, overrides }
    }

    /// The locale whose defaults fill the labels not overridden.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The text of one label.
    pub fn get(&self, key: LabelKey) -> &str {
        match self.overrides.0.get(&key) {
            Some(text) => text,
            None => key.default_text(self.locale),
        }
    }

    /// The text of one label with its `{placeholders}` filled from `args`;
    /// placeholders without a value are left as written. Values are inserted
    /// verbatim: escaping is the serialiser's job.
    pub fn fill(&self, key: LabelKey, args: &[(&str, &str)]) -> String {
        crate::template::fill(self.get(key), args)
    }
}

/// The README table of label keys: key, what it is for, and the English,
/// Chinese and Indonesian defaults. `tests/report_labels.rs` checks README.md
/// contains it exactly.
pub fn labels_markdown_table() -> String {
    let mut out = String::from("| key | for | en | zh-CN | id |\n|---|---|---|---|---|\n");
    for key in LabelKey::ALL {
        let cells = [
            format!("`{}`", key.as_str()),
            key.meaning().to_owned(),
            key.default_text(Locale::En).to_owned(),
            key.default_text(Locale::ZhCn).to_owned(),
            key.default_text(Locale::Id).to_owned(),
        ];
        out.push_str("| ");
        out.push_str(&cells.join(" | ").replace('\n', " "));
        out.push_str(" |\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_are_unique() {
        for key in LabelKey::ALL {
            assert_eq!(LabelKey::from_key(key.as_str()), Some(*key));
        }
        let mut names: Vec<&str> = LabelKey::ALL.iter().map(|k| k.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), LabelKey::ALL.len());
    }
}
