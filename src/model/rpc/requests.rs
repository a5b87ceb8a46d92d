//! Flattening each request type to query parameters and back.

use super::encoding::excerpt;
use super::{RpcError, RpcRequest};
use crate::model::{
    GetIdentityProviderUdPullConfigurationRequest, GetIdentityProviderUdPushConfigurationRequest,
    GetSynchronizationJobRequest, JobFilter, JobStatus, ListSynchronizationJobsRequest,
    SyncDirection, TargetType, MAX_SAFE_INTEGER,
};
use std::collections::{BTreeMap, HashSet};

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
    params.sort_unstable();
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

/// Implements [`RpcRequest`] for a request of two string parameters: the
/// instance and the ID of the one thing the operation reads.
macro_rules! two_string_request {
    ($request:ty, $action:literal, $id_key:literal, $id_field:ident) => {
        impl RpcRequest for $request {
            const ACTION: &'static str = $action;

            fn to_params(&self) -> Vec<(String, String)> {
                let mut params = Vec::new();
                push(&mut params, "InstanceId", self.instance_id.as_deref());
                push(&mut params, $id_key, self.$id_field.as_deref());
                sorted(params)
            }

            fn from_params(params: &[(String, String)]) -> Result<Self, RpcError> {
                let [instance_id, $id_field] =
                    strings(Self::ACTION, params, ["InstanceId", $id_key])?;
                Ok(Self {
                    instance_id,
                    $id_field,
                })
            }
        }
    };
}

two_string_request!(
    GetSynchronizationJobRequest,
    "GetSynchronizationJob",
    "SynchronizationJobId",
    synchronization_job_id
);
two_string_request!(
    GetIdentityProviderUdPushConfigurationRequest,
    "GetIdentityProviderUdPushConfiguration",
    "IdentityProviderId",
    identity_provider_id
);
two_string_request!(
    GetIdentityProviderUdPullConfigurationRequest,
    "GetIdentityProviderUdPullConfiguration",
    "IdentityProviderId",
    identity_provider_id
);
