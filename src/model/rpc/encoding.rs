//! Percent-encoding and the query string: RFC 3986 as the official SDKs send
//! it, read back strictly (`+` is accepted as a space).

use super::RpcError;

/// Whether a byte is left as-is by [`percent_encode`] (RFC 3986 unreserved).
fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~')
}

/// The uppercase hexadecimal digit of a nibble (`0..=15`).
fn hex_digit(nibble: u8) -> char {
    match nibble {
        0..=9 => char::from(b'0' + nibble),
        _ => char::from(b'A' + (nibble & 0x0F).saturating_sub(10)),
    }
}

/// The value of one hexadecimal digit, either case.
fn hex_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// Percent-encodes a query key or value the way the official SDKs and the
/// Signature V3 canonical query do (RFC 3986): `A-Z a-z 0-9 - _ . ~` stay,
/// every other UTF-8 byte becomes `%XX` in uppercase (a space is `%20`, never
/// `+`; `*` is `%2A`).
pub fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for &byte in value.as_bytes() {
        if is_unreserved(byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(hex_digit(byte >> 4));
            out.push(hex_digit(byte & 0x0F));
        }
    }
    out
}

/// Shows at most a few characters of untrusted text in an error message.
pub(super) fn excerpt(text: &str) -> String {
    const LIMIT: usize = 40;
    let mut shown: String = text.chars().take(LIMIT).collect();
    if text.chars().nth(LIMIT).is_some() {
        shown.push('…');
    }
    format!("{shown:?}")
}

/// Decodes one percent-encoded query key or value.
///
/// `%XX` (hex digits in either case) becomes the byte `XX`, and `+` becomes a
/// space, because the official SDKs form-encode spaces in the URL. A `%` not
/// followed by two hex digits, or bytes that are not UTF-8 once decoded, are
/// errors (with `key: None`; [`decode_query`] fills in the parameter).
///
/// # Errors
///
/// A bad `%` escape, or bytes that are not UTF-8 once decoded.
pub fn percent_decode(value: &str) -> Result<String, RpcError> {
    let mut out = Vec::with_capacity(value.len());
    let mut bytes = value.bytes().enumerate();
    while let Some((position, byte)) = bytes.next() {
        match byte {
            b'+' => out.push(b' '),
            b'%' => {
                let high = bytes.next().and_then(|(_, b)| hex_value(b));
                let low = bytes.next().and_then(|(_, b)| hex_value(b));
                match (high, low) {
                    (Some(high), Some(low)) => out.push(high << 4 | low),
                    _ => {
                        let rest = value.get(position..).unwrap_or_default();
                        let shown: String = rest.chars().take(3).collect();
                        return Err(RpcError {
                            key: None,
                            message: format!(
                                "invalid percent escape {shown:?} at byte {position}: \
                                 `%` must be followed by two hexadecimal digits"
                            ),
                        });
                    }
                }
            }
            other => out.push(other),
        }
    }
    String::from_utf8(out).map_err(|error| RpcError {
        key: None,
        message: format!(
            "not valid UTF-8 once percent-decoded (invalid sequence at decoded byte {})",
            error.utf8_error().valid_up_to()
        ),
    })
}

/// Builds a query string: each key and value percent-encoded with
/// [`percent_encode`], joined as `k=v` by `&`, sorted by encoded key then
/// encoded value (the Signature V3 canonical order; for the ASCII keys of
/// [`RpcRequest::to_params`](super::RpcRequest::to_params) that is plain key order). An empty value gives `k=`.
pub fn encode_query(params: &[(String, String)]) -> String {
    let mut encoded: Vec<(String, String)> = params
        .iter()
        .map(|(key, value)| (percent_encode(key), percent_encode(value)))
        .collect();
    encoded.sort_unstable();
    let mut query = String::new();
    for (key, value) in encoded {
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str(&key);
        query.push('=');
        query.push_str(&value);
    }
    query
}

/// Splits a query string (without the leading `?`) into decoded pairs, in
/// their original order.
///
/// Pairs are separated by `&`; an empty query, and empty pieces such as the
/// one in `a=1&&b=2`, give no pair; a piece without `=` is a key with an empty
/// value; only the first `=` separates key from value. Keys and values are
/// decoded with [`percent_decode`] (`+` is a space). Repeated keys are kept:
/// [`RpcRequest::from_params`](super::RpcRequest::from_params) refuses them and names the key.
///
/// # Errors
///
/// A key or value that [`percent_decode`] refuses, named in [`RpcError::key`].
pub fn decode_query(query: &str) -> Result<Vec<(String, String)>, RpcError> {
    let mut pairs = Vec::new();
    for piece in query.split('&') {
        if piece.is_empty() {
            continue;
        }
        let (raw_key, raw_value) = piece.split_once('=').unwrap_or((piece, ""));
        let key = percent_decode(raw_key).map_err(|error| {
            RpcError::at(
                raw_key,
                format!("the parameter name is badly encoded: {}", error.message),
            )
        })?;
        let value = percent_decode(raw_value).map_err(|error| {
            RpcError::at(
                &key,
                format!("the value is badly encoded: {}", error.message),
            )
        })?;
        pairs.push((key, value));
    }
    Ok(pairs)
}
