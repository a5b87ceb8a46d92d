//! The RPC query codec: the four request types to and from the query string of
//! an RPC-style call (`POST /?InstanceId=...&TargetIds.1=...`).
//!
//! The client, the proxy and the emulator must agree byte for byte with the
//! official SDKs, because the query is part of what Signature V3 signs and
//! because the proxy forwards it unchanged. So this module writes exactly what
//! the official SDKs send (arrays flattened from 1, keys sorted, RFC 3986
//! percent-encoding) and reads it back strictly: a query that this module
//! accepts has one meaning only (no repeated keys, no unknown keys, no gaps
//! or leading zeros in array indexes, no numbers JavaScript would round).
//!
//! Decoding never panics and allocates only in proportion to its input, so it
//! is safe to run on anything a browser or the internet sends.

use super::{
    GetIdentityProviderUdPullConfigurationRequest, GetIdentityProviderUdPushConfigurationRequest,
    GetSynchronizationJobRequest, JobFilter, JobStatus, ListSynchronizationJobsRequest,
    SyncDirection, TargetType, MAX_SAFE_INTEGER,
};
use std::collections::{BTreeMap, HashSet};
use std::fmt;

#[cfg(test)]
mod tests;

/// A query that cannot be decoded into a request.
///
/// Returned by [`percent_decode`], [`decode_query`] and
/// [`RpcRequest::from_params`]; the proxy turns it into an `InvalidParameter`
/// (400) answer, so the message says what is wrong in terms a caller can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RpcError {
    /// The offending parameter (decoded when possible; the raw text when the
    /// name itself could not be decoded). `None` only from [`percent_decode`],
    /// which does not know which parameter it is reading.
    pub key: Option<String>,
    /// What is wrong, in one sentence.
    pub message: String,
}

impl RpcError {
    /// An error about the parameter `key`.
    fn at(key: &str, message: impl Into<String>) -> Self {
        RpcError {
            key: Some(key.to_owned()),
            message: message.into(),
        }
    }
}

impl fmt::Display for RpcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.key {
            Some(key) => write!(f, "query parameter {key:?}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for RpcError {}

/// A request type that travels as RPC query parameters.
///
/// `to_params` and `from_params` are inverses: for every request `r` whose
/// numbers are at most [`MAX_SAFE_INTEGER`],
/// `R::from_params(&r.to_params())` gives back `r`, except that an empty list
/// (or an empty [`JobFilter`]) sends nothing, as in the official SDKs, and so
/// reads back as absent.
pub trait RpcRequest: Sized {
    /// The operation name: the `x-acs-action` header upstream and the last
    /// path segment of a proxy URL (`POST {proxyUrl}/{ACTION}?...`).
    const ACTION: &'static str;

    /// Flattens the request as the official SDKs do: absent fields omitted,
    /// arrays numbered from 1 (`TargetIds.1`, `Filters.1.Values.2`), numbers in
    /// decimal, enums by their wire string; sorted by key (byte order).
    fn to_params(&self) -> Vec<(String, String)>;

    /// Reads decoded query parameters (from [`decode_query`]) back into the
    /// request, in any order. Refuses repeated keys, keys this operation does
    /// not have, array indexes that are not `1, 2, 3, ...` (decimal, no leading
    /// zeros, no gaps) and numbers that are not plain decimal integers up to
    /// [`MAX_SAFE_INTEGER`]. Unknown enum strings are kept
    /// (`from_wire`), as in responses.
    ///
    /// # Errors
    ///
    /// An [`RpcError`] naming the first offending parameter found.
    fn from_params(params: &[(String, String)]) -> Result<Self, RpcError>;
}

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
fn excerpt(text: &str) -> String {
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
/// [`RpcRequest::to_params`] that is plain key order). An empty value gives `k=`.
pub fn encode_query(params: &[(String, String)]) -> String {
    let mut encoded: Vec<(String, String)> = params
        .iter()
        .map(|(key, value)| (percent_encode(key), percent_encode(value)))
        .collect();
    encoded.sort();
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
/// [`RpcRequest::from_params`] refuses them and names the key.
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

/// Refuses a query that names the same key twice: which one would count
/// differs between servers, so a repeated key could smuggle a second meaning
/// past a proxy's checks.
fn reject_repeated_keys(params: &[(String, String)]) -> Result<(), RpcError> {
    let mut seen = HashSet::with_capacity(params.len());
    for (key, _) in params {
        if !seen.insert(key.as_str()) {
            return Err(RpcError::at(
                key,
                "repeated parameter: each key may appear only once",
            ));
        }
    }
    Ok(())
}

/// The error for a key the operation `action` does not have.
fn unknown_key(action: &str, key: &str, expected: &str) -> RpcError {
    RpcError::at(
        key,
        format!("{action} has no such parameter (expected {expected})"),
    )
}

/// Reads a plain decimal digit string: non-empty, ASCII digits only, no
/// leading zero unless it is `0` itself. `what` names the thing in messages.
fn plain_decimal(key: &str, text: &str, what: &str) -> Result<u64, RpcError> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(RpcError::at(
            key,
            format!(
                "{what} must be a plain non-negative decimal integer, found {}",
                excerpt(text)
            ),
        ));
    }
    if text.len() > 1 && text.starts_with('0') {
        return Err(RpcError::at(
            key,
            format!(
                "{what} must not have leading zeros, found {}",
                excerpt(text)
            ),
        ));
    }
    text.parse::<u64>()
        .map_err(|_| RpcError::at(key, format!("{what} {} is too large", excerpt(text))))
}

/// Reads a number parameter: a plain decimal integer up to
/// [`MAX_SAFE_INTEGER`] (larger ones would be rounded in JavaScript).
fn number(key: &str, value: &str) -> Result<u64, RpcError> {
    let n = plain_decimal(key, value, "the value")?;
    if n > MAX_SAFE_INTEGER {
        return Err(RpcError::at(
            key,
            format!(
                "the number {n} is larger than 2^53 - 1 and would lose precision in JavaScript"
            ),
        ));
    }
    Ok(n)
}

/// Reads an array index (the `3` of `TargetIds.3`): decimal from 1, no
/// leading zeros.
fn index(key: &str, text: &str) -> Result<u64, RpcError> {
    let i = plain_decimal(key, text, "the array index")?;
    if i == 0 {
        return Err(RpcError::at(key, "array indexes start at 1, not 0"));
    }
    Ok(i)
}

/// The error for an array whose indexes skip `missing`.
fn gap(key: &str, prefix: &str, missing: usize) -> RpcError {
    RpcError::at(
        key,
        format!(
            "index not contiguous: {prefix}.{missing} is missing \
             (arrays are numbered 1, 2, 3, ... without gaps)"
        ),
    )
}

/// Orders indexed items and checks that the indexes are exactly `1..=n`.
/// Allocation follows the number of items, never the index values. An empty
/// list reads as absent.
fn contiguous(
    prefix: &str,
    mut items: Vec<(u64, String)>,
) -> Result<Option<Vec<String>>, RpcError> {
    if items.is_empty() {
        return Ok(None);
    }
    items.sort_unstable_by_key(|(i, _)| *i);
    let mut list = Vec::with_capacity(items.len());
    for (position, (i, value)) in (1usize..).zip(items) {
        if u64::try_from(position).ok() != Some(i) {
            return Err(gap(&format!("{prefix}.{i}"), prefix, position));
        }
        list.push(value);
    }
    Ok(Some(list))
}

/// Sorts parameters by key, byte order, as the official SDKs send them.
fn sorted(mut params: Vec<(String, String)>) -> Vec<(String, String)> {
    params.sort_by(|a, b| a.0.cmp(&b.0));
    params
}

/// Adds `key=value` when the value is present.
fn push(params: &mut Vec<(String, String)>, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        params.push((key.to_owned(), value.to_owned()));
    }
}

/// Adds `key=<decimal>` when the number is present.
fn push_number(params: &mut Vec<(String, String)>, key: &str, value: Option<u64>) {
    if let Some(value) = value {
        params.push((key.to_owned(), value.to_string()));
    }
}

/// Reads the string-only parameters named `names` (requests whose fields are
/// all strings), refusing any other key.
fn strings<const N: usize>(
    action: &str,
    params: &[(String, String)],
    names: [&str; N],
) -> Result<[Option<String>; N], RpcError> {
    reject_repeated_keys(params)?;
    let mut values: [Option<String>; N] = std::array::from_fn(|_| None);
    for (key, value) in params {
        let slot = names
            .iter()
            .position(|name| name == key)
            .and_then(|i| values.get_mut(i))
            .ok_or_else(|| unknown_key(action, key, &names.join(", ")))?;
        *slot = Some(value.clone());
    }
    Ok(values)
}

/// The keys of ListSynchronizationJobs, for error messages.
const LIST_KEYS: &str = "Direction, EndTime, Filters.N.Key, Filters.N.Values.M, InstanceId, \
     MaxResults, NextToken, PageNumber, PageSize, StartTime, Status, TargetIds.N, TargetType";

/// One `Filters.N` group while its parameters are being collected.
#[derive(Default)]
struct FilterParts {
    key: Option<String>,
    values: Vec<(u64, String)>,
}

impl RpcRequest for ListSynchronizationJobsRequest {
    const ACTION: &'static str = "ListSynchronizationJobs";

    fn to_params(&self) -> Vec<(String, String)> {
        let mut params = Vec::new();
        push(&mut params, "InstanceId", self.instance_id.as_deref());
        push_number(&mut params, "PageNumber", self.page_number);
        push_number(&mut params, "PageSize", self.page_size);
        push(&mut params, "NextToken", self.next_token.as_deref());
        push_number(&mut params, "MaxResults", self.max_results);
        push(
            &mut params,
            "TargetType",
            self.target_type.as_ref().map(TargetType::as_str),
        );
        for (i, id) in (1..).zip(self.target_ids.iter().flatten()) {
            params.push((format!("TargetIds.{i}"), id.clone()));
        }
        push_number(&mut params, "StartTime", self.start_time);
        push_number(&mut params, "EndTime", self.end_time);
        push(
            &mut params,
            "Direction",
            self.direction.as_ref().map(SyncDirection::as_str),
        );
        push(
            &mut params,
            "Status",
            self.status.as_ref().map(JobStatus::as_str),
        );
        // A filter with neither key nor values sends nothing; the ones after it
        // move up so that the indexes stay contiguous (and readable back).
        let sent = self
            .filters
            .iter()
            .flatten()
            .filter(|f| f.key.is_some() || f.values.as_ref().is_some_and(|v| !v.is_empty()));
        for (n, filter) in (1..).zip(sent) {
            push(
                &mut params,
                &format!("Filters.{n}.Key"),
                filter.key.as_deref(),
            );
            for (m, value) in (1..).zip(filter.values.iter().flatten()) {
                params.push((format!("Filters.{n}.Values.{m}"), value.clone()));
            }
        }
        sorted(params)
    }

    fn from_params(params: &[(String, String)]) -> Result<Self, RpcError> {
        reject_repeated_keys(params)?;
        let mut request = Self::default();
        let mut target_ids = Vec::new();
        let mut filters: BTreeMap<u64, FilterParts> = BTreeMap::new();
        for (key, value) in params {
            match key.as_str() {
                "InstanceId" => request.instance_id = Some(value.clone()),
                "PageNumber" => request.page_number = Some(number(key, value)?),
                "PageSize" => request.page_size = Some(number(key, value)?),
                "NextToken" => request.next_token = Some(value.clone()),
                "MaxResults" => request.max_results = Some(number(key, value)?),
                "TargetType" => request.target_type = Some(TargetType::from_wire(value)),
                "StartTime" => request.start_time = Some(number(key, value)?),
                "EndTime" => request.end_time = Some(number(key, value)?),
                "Direction" => request.direction = Some(SyncDirection::from_wire(value)),
                "Status" => request.status = Some(JobStatus::from_wire(value)),
                _ => {
                    if let Some(i) = key.strip_prefix("TargetIds.") {
                        target_ids.push((index(key, i)?, value.clone()));
                    } else if let Some(rest) = key.strip_prefix("Filters.") {
                        let (n, field) = rest
                            .split_once('.')
                            .ok_or_else(|| unknown_key(Self::ACTION, key, LIST_KEYS))?;
                        let n = index(key, n)?;
                        if field == "Key" {
                            filters.entry(n).or_default().key = Some(value.clone());
                        } else if let Some(m) = field.strip_prefix("Values.") {
                            let m = index(key, m)?;
                            filters
                                .entry(n)
                                .or_default()
                                .values
                                .push((m, value.clone()));
                        } else {
                            return Err(unknown_key(Self::ACTION, key, LIST_KEYS));
                        }
                    } else {
                        return Err(unknown_key(Self::ACTION, key, LIST_KEYS));
                    }
                }
            }
        }
        request.target_ids = contiguous("TargetIds", target_ids)?;
        if !filters.is_empty() {
            let mut list = Vec::with_capacity(filters.len());
            for (position, (n, parts)) in (1usize..).zip(filters) {
                if u64::try_from(position).ok() != Some(n) {
                    return Err(gap(&format!("Filters.{n}"), "Filters", position));
                }
                list.push(JobFilter {
                    key: parts.key,
                    values: contiguous(&format!("Filters.{n}.Values"), parts.values)?,
                });
            }
            request.filters = Some(list);
        }
        Ok(request)
    }
}

impl RpcRequest for GetSynchronizationJobRequest {
    const ACTION: &'static str = "GetSynchronizationJob";

    fn to_params(&self) -> Vec<(String, String)> {
        let mut params = Vec::new();
        push(&mut params, "InstanceId", self.instance_id.as_deref());
        push(
            &mut params,
            "SynchronizationJobId",
            self.synchronization_job_id.as_deref(),
        );
        sorted(params)
    }

    fn from_params(params: &[(String, String)]) -> Result<Self, RpcError> {
        let [instance_id, synchronization_job_id] =
            strings(Self::ACTION, params, ["InstanceId", "SynchronizationJobId"])?;
        Ok(Self {
            instance_id,
            synchronization_job_id,
        })
    }
}

impl RpcRequest for GetIdentityProviderUdPushConfigurationRequest {
    const ACTION: &'static str = "GetIdentityProviderUdPushConfiguration";

    fn to_params(&self) -> Vec<(String, String)> {
        let mut params = Vec::new();
        push(&mut params, "InstanceId", self.instance_id.as_deref());
        push(
            &mut params,
            "IdentityProviderId",
            self.identity_provider_id.as_deref(),
        );
        sorted(params)
    }

    fn from_params(params: &[(String, String)]) -> Result<Self, RpcError> {
        let [instance_id, identity_provider_id] =
            strings(Self::ACTION, params, ["InstanceId", "IdentityProviderId"])?;
        Ok(Self {
            instance_id,
            identity_provider_id,
        })
    }
}

impl RpcRequest for GetIdentityProviderUdPullConfigurationRequest {
    const ACTION: &'static str = "GetIdentityProviderUdPullConfiguration";

    fn to_params(&self) -> Vec<(String, String)> {
        let mut params = Vec::new();
        push(&mut params, "InstanceId", self.instance_id.as_deref());
        push(
            &mut params,
            "IdentityProviderId",
            self.identity_provider_id.as_deref(),
        );
        sorted(params)
    }

    fn from_params(params: &[(String, String)]) -> Result<Self, RpcError> {
        let [instance_id, identity_provider_id] =
            strings(Self::ACTION, params, ["InstanceId", "IdentityProviderId"])?;
        Ok(Self {
            instance_id,
            identity_provider_id,
        })
    }
}
