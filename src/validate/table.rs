//! What the rule table expands into: the [`RuleCode`] enum, the [`RULES`]
//! array and the README table, all from the single list in `rules.rs`.

use super::rules::rule_table;
use super::{Locale, Severity};
use serde::{Serialize, Serializer};

/// One validation rule: its code, how serious a breach is by default, what it
/// means, and its message in every locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The stable code issues carry.
    pub code: RuleCode,
    /// The severity of a breach (`unknown_enum_value` becomes an error with `strict`).
    pub severity: Severity,
    /// One line of English that says what the rule checks, for the README.
    pub meaning: &'static str,
    /// The message template in each locale, with `{placeholders}`.
    pub messages: RuleMessages,
}

/// A rule's message template in the three supported locales.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleMessages {
    /// English.
    pub en: &'static str,
    /// Simplified Chinese (`zh-CN`).
    pub zh_cn: &'static str,
    /// Indonesian (`id`).
    pub id: &'static str,
}

impl RuleMessages {
    /// The template for `locale`.
    pub fn get(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.en,
            Locale::ZhCn => self.zh_cn,
            Locale::Id => self.id,
        }
    }
}

/// Turns the rule table into the enum, its string codes and the rule array.
macro_rules! declare_rules {
    ($(
        $variant:ident {
            code: $code:literal, severity: $severity:ident,
            meaning: $meaning:literal,
            en: $en:literal,
            zh_cn: $zh_cn:literal,
            id: $id:literal $(,)?
        }
    )+) => {
        /// The stable code of a validation rule; its string form (`as_str`) is
        /// what issues carry in JS and what the README lists.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleCode {
            $( #[doc = $meaning] $variant, )+
        }

        impl RuleCode {
            /// The snake_case code (`"id_prefix"`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $( RuleCode::$variant => $code, )+
                }
            }

            /// The code with this string form, if any.
            pub fn from_code(code: &str) -> Option<Self> {
                match code {
                    $( $code => Some(RuleCode::$variant), )+
                    _ => None,
                }
            }

            /// The severity of a breach of this rule by default.
            pub fn severity(self) -> Severity {
                match self {
                    $( RuleCode::$variant => Severity::$severity, )+
                }
            }

            /// The rule's message template in `locale`. (The same as
            /// `self.rule().messages.get(locale)`, without pulling the
            /// meanings into a WebAssembly build that never shows them.)
            pub fn message(self, locale: Locale) -> &'static str {
                match (self, locale) {
                    $(
                        (RuleCode::$variant, Locale::En) => $en,
                        (RuleCode::$variant, Locale::ZhCn) => $zh_cn,
                        (RuleCode::$variant, Locale::Id) => $id,
                    )+
                }
            }

            /// The rule's entry in [`RULES`].
            pub fn rule(self) -> &'static Rule {
                match self {
                    $( RuleCode::$variant => {
                        const RULE: Rule = Rule {
                            code: RuleCode::$variant,
                            severity: Severity::$severity,
                            meaning: $meaning,
                            messages: RuleMessages { en: $en, zh_cn: $zh_cn, id: $id },
                        };
                        &RULE
                    } )+
                }
            }
        }

        /// Every validation rule, in README order.
        pub const RULES: &[Rule] = &[
            $( Rule {
                code: RuleCode::$variant,
                severity: Severity::$severity,
                meaning: $meaning,
                messages: RuleMessages { en: $en, zh_cn: $zh_cn, id: $id },
            }, )+
        ];
    };
}

rule_table!(declare_rules);

impl std::fmt::Display for RuleCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for RuleCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The README's rule table, `| code | severity | meaning |`, one row per rule
/// in [`RULES`] order. A test keeps the README equal to it.
pub fn rules_markdown_table() -> String {
    let mut table = String::from("| code | severity | meaning |\n|---|---|---|\n");
    for rule in RULES {
        let severity = match rule.code {
            RuleCode::UnknownEnumValue => "warning (error with `strict`)",
            _ => rule.severity.as_str(),
        };
        table.push_str(&format!(
            "| `{}` | {} | {} |\n",
            rule.code.as_str(),
            severity,
            rule.meaning.replace('|', "\\|")
        ));
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_snake_case_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for rule in RULES {
            let code = rule.code.as_str();
            assert!(seen.insert(code), "{code} twice");
            assert!(code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
            assert_eq!(RuleCode::from_code(code), Some(rule.code));
            assert_eq!(rule.code.rule(), rule);
            assert_eq!(rule.code.severity(), rule.severity);
            for locale in Locale::ALL {
                assert_eq!(rule.code.message(locale), rule.messages.get(locale));
            }
        }
        assert_eq!(RuleCode::from_code("nope"), None);
    }

    #[test]
    fn markdown_table_has_a_row_per_rule() {
        let table = rules_markdown_table();
        assert_eq!(table.lines().count(), RULES.len() + 2);
        assert!(table.starts_with("| code | severity | meaning |\n|---|---|---|\n"));
        assert!(table.contains("| `id_prefix` | warning | "));
        assert!(table.contains("| `empty_id` | error | "));
        assert!(table.contains("| `unknown_enum_value` | warning (error with `strict`) | "));
    }
}
