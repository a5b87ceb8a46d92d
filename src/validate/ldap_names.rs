//! LDAP names as RFC 4512 §1.4 writes them, for object class lists and
//! attribute types (RDN attributes, the group member attribute):
//!
//! ```text
//! oid        = descr / numericoid
//! descr      = keystring
//! keystring  = leadkeychar *keychar        ; leadkeychar = ALPHA
//! keychar    = ALPHA / DIGIT / HYPHEN
//! numericoid = number 1*( DOT number )
//! number     = DIGIT / ( LDIGIT 1*DIGIT )  ; no leading zero
//! ```

/// Whether `name` is a `descr` (a letter, then letters, digits or hyphens).
pub fn is_descr(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Whether `name` is a `numericoid` (`2.5.4.3`: at least two numbers, no
/// leading zeros).
pub fn is_numeric_oid(name: &str) -> bool {
    let mut parts = 0;
    for number in name.split('.') {
        let well_formed = !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
            && (number == "0" || !number.starts_with('0'));
        if !well_formed {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// Whether `name` names an object class or attribute type (`oid`).
pub fn is_oid(name: &str) -> bool {
    is_descr(name) || is_numeric_oid(name)
}

/// The first entry of a comma-separated object class list that is not an
/// `oid`, or `None` when every entry is one. Spaces around an entry are
/// allowed; an empty entry (`"a,,b"`, `""`, a trailing comma) is invalid.
pub fn invalid_object_class(list: &str) -> Option<&str> {
    list.split(',')
        .find(|entry| !is_oid(entry.trim_matches(' ')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptors() {
        for good in ["cn", "top", "inetOrgPerson", "x-custom-1", "a"] {
            assert!(is_descr(good), "{good}");
            assert!(is_oid(good), "{good}");
        }
        for bad in ["", "1cn", "-cn", "c n", "cn;lang-en", "c_n", "cn ", "名"] {
            assert!(!is_descr(bad), "{bad}");
        }
    }

    #[test]
    fn numeric_oids() {
        for good in ["2.5.4.3", "0.9", "1.3.6.1.4.1.1466.115.121.1.15", "10.0"] {
            assert!(is_numeric_oid(good), "{good}");
            assert!(is_oid(good), "{good}");
        }
        for bad in ["2", "2.", ".2", "2..5", "2.05", "01.2", "2.5a", ""] {
            assert!(!is_numeric_oid(bad), "{bad}");
            assert!(!is_oid(bad), "{bad}");
        }
    }

    #[test]
    fn object_class_lists() {
        assert_eq!(invalid_object_class("user,top"), None);
        assert_eq!(invalid_object_class("ou,top"), None);
        assert_eq!(invalid_object_class("member"), None);
        assert_eq!(invalid_object_class("person, top ,2.5.6.6"), None);
        assert_eq!(invalid_object_class(""), Some(""));
        assert_eq!(invalid_object_class("user,,top"), Some(""));
        assert_eq!(invalid_object_class("user,top,"), Some(""));
        assert_eq!(invalid_object_class("user;top"), Some("user;top"));
        assert_eq!(invalid_object_class("user,t op"), Some("t op"));
        assert_eq!(invalid_object_class("user,(top)"), Some("(top)"));
    }
}
