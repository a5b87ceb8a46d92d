//! `{name}` placeholders in message and label templates: the one filler of
//! validation messages and report labels.

/// Replaces each `{name}` in `template` with its value from `args`; a
/// placeholder without a value is left as written.
pub(crate) fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let replaced = after.find('}').and_then(|close| {
            let name = &after[..close];
            let value = args.iter().find(|(key, _)| *key == name)?.1;
            Some((value, close))
        });
        match replaced {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_known_placeholders_and_keeps_the_rest() {
        let args = [("field", "A.B"), ("value", "7")];
        assert_eq!(fill("`{field}` is {value}.", &args), "`A.B` is 7.");
        assert_eq!(fill("{other} {field}", &args), "{other} A.B");
        assert_eq!(fill("open { brace {field", &args), "open { brace {field");
        assert_eq!(fill("{value}{value}", &args), "77");
        assert_eq!(fill("中文{field}。", &args), "中文A.B。");
    }

    #[test]
    fn values_are_inserted_verbatim_never_expanded_again() {
        assert_eq!(fill("{a} and {b}", &[("a", "1")]), "1 and {b}");
        assert_eq!(fill("{a", &[("a", "1")]), "{a");
        assert_eq!(fill("x{a}{a}", &[("a", "{a}")]), "x{a}{a}");
    }
}
