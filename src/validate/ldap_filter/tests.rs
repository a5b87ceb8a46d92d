//! Unit tests of the RFC 4515 recognizer: valid filters, and invalid ones
//! with the kind and character position of the problem.

use super::FilterErrorKind::*;
use super::*;

#[test]
fn valid_filters() {
    let valid = [
        "(cn=test)",
        "(|(cn=test)(mail=test@test.com))",
        "(|(cn=test)(group=test@test.com))",
        "(&(objectClass=user)(!(userAccountControl:1.2.840.113556.1.4.803:=2)))",
        "(cn=*)",
        "(cn=Babs J*)",
        "(cn=*Jensen)",
        "(o=univ*of*mich*)",
        "(cn=**)",
        "(seeAlso=)",
        "(uidNumber>=1000)",
        "(uidNumber<=1000)",
        "(sn~=jensen)",
        "(cn:caseExactMatch:=Fred Flintstone)",
        "(cn:=Betty Rubble)",
        "(sn:dn:2.4.6.8.10:=Barney Rubble)",
        "(o:dn:=Ace Industry)",
        "(:1.2.3:=Wilma Flintstone)",
        "(:DN:2.4.6.8.10:=Dino)",
        "(cn;lang-en=Jensen)",
        "(2.5.4.3=Jensen)",
        "(o=Parens R Us \\28for all your parenthetical needs\\29)",
        "(cn=*\\2A*)",
        "(filename=C:\\5cMyFile)",
        "(bin=\\00\\00\\00\\04)",
        "(sn=Lu\\c4\\8di\\c4\\87)",
        "(sn=Lučić)",
        "(description=a:b=c~d>e<f&g|h!i)",
        "(&(a=1)(|(b=2)(c=3))(!(d=4)))",
    ];
    for filter in valid {
        assert_eq!(check_filter(filter), Ok(()), "{filter}");
    }
}

fn error(text: &str) -> (FilterErrorKind, usize) {
    let e = check_filter(text).expect_err(text);
    (e.kind, e.position)
}

#[test]
fn invalid_filters_with_positions() {
    assert_eq!(error(""), (UnexpectedEnd, 1));
    assert_eq!(error("cn=test"), (ExpectedOpen, 1));
    assert_eq!(error("(cn=test"), (UnexpectedEnd, 9));
    assert_eq!(error("(cn=test))"), (TrailingCharacters, 10));
    assert_eq!(error("(cn=a)(sn=b)"), (TrailingCharacters, 7));
    assert_eq!(error("(&)"), (EmptyFilterList, 3));
    assert_eq!(error("(|cn=a)"), (ExpectedOpen, 3));
    assert_eq!(error("(&(cn=a)"), (UnexpectedEnd, 9));
    assert_eq!(error("(!cn=a)"), (ExpectedOpen, 3));
    assert_eq!(error("(!(a=1)(b=2))"), (ExpectedClose, 8));
    assert_eq!(error("(=a)"), (InvalidAttribute, 2));
    assert_eq!(error("(1cn=a)"), (InvalidAttribute, 2));
    assert_eq!(error("( cn=a)"), (InvalidAttribute, 2));
    assert_eq!(error("(cn;=a)"), (InvalidAttribute, 5));
    assert_eq!(error("(cn a)"), (MissingOperator, 4));
    assert_eq!(error("(cn)"), (MissingOperator, 4));
    assert_eq!(error("(cn~a)"), (MissingOperator, 5));
    assert_eq!(error("(cn=a(b)"), (UnescapedCharacter, 6));
    assert_eq!(error("(cn>=a*)"), (UnescapedCharacter, 7));
    assert_eq!(error("(cn:=a*)"), (UnescapedCharacter, 7));
    assert_eq!(error("(cn=a\u{0}b)"), (UnescapedCharacter, 6));
    assert_eq!(error("(cn=a\\2)"), (InvalidEscape, 6));
    assert_eq!(error("(cn=a\\zz)"), (InvalidEscape, 6));
    assert_eq!(error("(cn=a\\"), (InvalidEscape, 6));
    assert_eq!(error("(cn:=)x"), (TrailingCharacters, 7));
    assert_eq!(error("(:dn:=x)"), (MissingMatchingRule, 2));
    assert_eq!(error("(:=x)"), (MissingMatchingRule, 2));
    assert_eq!(error("(cn:1x:=a)"), (InvalidMatchingRule, 5));
    assert_eq!(error("(cn:dn:rule:x:=a)"), (MissingOperator, 12));
    assert_eq!(error("(cn:dn"), (UnexpectedEnd, 7));
    // Positions count characters, not bytes.
    assert_eq!(error("(sn=Lučić)x"), (TrailingCharacters, 11));
    assert_eq!(error("(sn=č(\u{0})"), (UnescapedCharacter, 6));
}

#[test]
fn nesting_is_limited() {
    let nested = |levels: usize| {
        let mut text = "(!".repeat(levels - 1);
        text.push_str("(a=b)");
        text.push_str(&")".repeat(levels - 1));
        text
    };
    assert_eq!(check_filter(&nested(MAX_FILTER_DEPTH)), Ok(()));
    assert_eq!(
        error(&nested(MAX_FILTER_DEPTH + 1)),
        (TooDeep, 2 * MAX_FILTER_DEPTH + 1)
    );
    // Far deeper input fails fast instead of exhausting the stack.
    let hostile = "(&".repeat(1_000_000);
    assert_eq!(error(&hostile).0, TooDeep);
}

#[test]
fn every_kind_is_described_in_every_locale() {
    let kinds = [
        UnexpectedEnd,
        ExpectedOpen,
        ExpectedClose,
        EmptyFilterList,
        InvalidAttribute,
        MissingOperator,
        InvalidEscape,
        UnescapedCharacter,
        InvalidMatchingRule,
        MissingMatchingRule,
        TooDeep,
        TrailingCharacters,
    ];
    for kind in kinds {
        for locale in Locale::ALL {
            assert!(!kind.describe(locale).is_empty(), "{kind:?} {locale:?}");
        }
    }
}
