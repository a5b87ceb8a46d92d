//! The words in the data: job descriptions and the error codes and messages
//! a directory or an application really produces when a job goes wrong.

use super::targets::{ProviderKind, Target};
use eiam_sync::model::{SyncDirection, TriggerType};
use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// Administrators who start manual jobs.
const ADMINS: [&str; 5] = [
    "zhang.wei@example.com",
    "li.na@example.com",
    "siti.rahma@example.co.id",
    "ops-automation",
    "wang.fang@example.com",
];

/// People whose records fail, for item-level messages.
const PEOPLE: [&str; 6] = [
    "wang.fang",
    "chen.jie",
    "budi.santoso",
    "liu.yang",
    "dewi.lestari",
    "zhao.lei",
];

fn pick<'a>(rng: &mut ChaCha8Rng, items: &[&'a str]) -> &'a str {
    items.choose(rng).copied().unwrap_or_default()
}

/// A job's `Description`.
pub(crate) fn description(
    rng: &mut ChaCha8Rng,
    target: Target<'_>,
    direction: &SyncDirection,
    trigger: &TriggerType,
    incremental: bool,
) -> String {
    let name = target.name();
    let ingress = *direction == SyncDirection::Ingress;
    match (trigger, incremental, ingress) {
        (TriggerType::Manual, _, true) => format!(
            "Manual synchronization from {name}, started by {}",
            pick(rng, &ADMINS)
        ),
        (TriggerType::Manual, _, false) => {
            format!("Manual push to {name}, started by {}", pick(rng, &ADMINS))
        }
        (_, true, true) => format!(
            "Incremental callback from {name}: {} change events",
            rng.gen_range(1..=40)
        ),
        (_, true, false) => format!("Incremental push to {name} after directory changes"),
        (_, false, true) => format!("Scheduled full synchronization from {name}"),
        (_, false, false) => format!("Scheduled full push to {name}"),
    }
}

/// The error of a job that failed as a whole: the target was unreachable or
/// refused the job's credentials.
pub(crate) fn fatal_error(rng: &mut ChaCha8Rng, target: Target<'_>) -> (String, String) {
    let variant = rng.gen_range(0..3);
    let (code, message) = match target {
        Target::Provider(p) => match (p.kind, variant) {
            (ProviderKind::Ldap | ProviderKind::ActiveDirectory, 0) => (
                "LdapConnectionTimeout",
                format!("Connection to ldap://{}:389 timed out after 30s", p.host),
            ),
            (ProviderKind::Ldap | ProviderKind::ActiveDirectory, 1) => (
                "LdapBindFailed",
                format!(
                    "Bind as cn=idaas-sync,ou=Service Accounts,{} failed: Invalid credentials (49)",
                    p.base_dn
                ),
            ),
            (ProviderKind::Ldap | ProviderKind::ActiveDirectory, _) => (
                "LdapSizeLimitExceeded",
                format!(
                    "Search under ou=People,{} returned more than 1000 entries (sizeLimitExceeded, 4); enable paged results on {}",
                    p.base_dn, p.host
                ),
            ),
            (ProviderKind::DingTalk, 0) => (
                "DingtalkApiRateLimited",
                "DingTalk open API returned errcode 90018: too many calls from this app, retry later".to_owned(),
            ),
            (ProviderKind::DingTalk, _) => (
                "DingtalkAccessTokenInvalid",
                "DingTalk open API returned errcode 40014: invalid access_token; check the AppKey and AppSecret".to_owned(),
            ),
            (ProviderKind::WeCom, 0) => (
                "WecomAccessTokenExpired",
                "WeCom API returned errcode 42001: access_token expired".to_owned(),
            ),
            (ProviderKind::WeCom, _) => (
                "WecomIpNotAllowed",
                "WeCom API returned errcode 60020: the calling IP is not in the app's trusted IP list".to_owned(),
            ),
            (ProviderKind::Lark, _) => (
                "LarkPermissionDenied",
                "Lark open platform returned code 99991672: the app lacks the contact:user.employee_id:readonly scope".to_owned(),
            ),
        },
        Target::Application(a) => match variant {
            0 => (
                "ScimEndpointUnreachable",
                format!(
                    "Connection to https://{}/scim/v2/Users failed: connect timed out after 10s",
                    a.domain
                ),
            ),
            1 => (
                "ScimUnauthorized",
                format!(
                    "SCIM endpoint https://{}/scim/v2/Users returned HTTP 401 Unauthorized: the bearer token was revoked",
                    a.domain
                ),
            ),
            _ => (
                "ApplicationDisabled",
                format!("Application {} is disabled; enable it before provisioning", a.name),
            ),
        },
    };
    (code.to_owned(), message)
}

/// The summary error of a job in which `failed` items failed.
pub(crate) fn item_error(
    rng: &mut ChaCha8Rng,
    target: Target<'_>,
    failed: u64,
) -> (String, String) {
    let person = pick(rng, &PEOPLE);
    let (code, message) = match target {
        Target::Provider(p) if p.kind.is_ldap() => match rng.gen_range(0..2) {
            0 => (
                "UserAttributeMissing",
                format!(
                    "{failed} user(s) not synchronized; first: uid={person},ou=People,{} has no mail attribute",
                    p.base_dn
                ),
            ),
            _ => (
                "UsernameConflict",
                format!(
                    "{failed} user(s) not synchronized; first: username {person} already belongs to another IDaaS account"
                ),
            ),
        },
        Target::Provider(p) => match rng.gen_range(0..2) {
            0 => (
                "MobileNumberInvalid",
                format!(
                    "{failed} user(s) not synchronized; first: {person} from {} has mobile +86 138 0000 00, not a valid E.164 number",
                    p.name
                ),
            ),
            _ => (
                "DepartmentNotFound",
                format!(
                    "{failed} item(s) not synchronized; first: department {} of {person} no longer exists in {}",
                    rng.gen_range(100_000..999_999),
                    p.name
                ),
            ),
        },
        Target::Application(a) => match rng.gen_range(0..2) {
            0 => (
                "ScimConflict",
                format!(
                    "{failed} account(s) not provisioned; first: SCIM endpoint https://{}/scim/v2/Users returned HTTP 409 Conflict for {person}@{}",
                    a.domain, a.domain
                ),
            ),
            _ => (
                "AttributeMappingFailed",
                format!(
                    "{failed} account(s) not provisioned; first: expression user.employeeNumber of {person} evaluated to null for the required field employeeId"
                ),
            ),
        },
    };
    (code.to_owned(), message)
}

/// The error of a job the service suspended.
pub(crate) fn suspend_error(
    rng: &mut ChaCha8Rng,
    target: Target<'_>,
    direction: &SyncDirection,
    would_delete: u64,
    threshold: u64,
) -> (String, String) {
    if *direction == SyncDirection::Ingress {
        (
            "DeletionThresholdExceeded".to_owned(),
            format!(
                "Deleting {would_delete} users would exceed the UserDeletedThreshold of {threshold}; \
                 synchronization from {} is suspended until an administrator confirms",
                target.name()
            ),
        )
    } else {
        (
            "JobSuspendedByAdministrator".to_owned(),
            format!(
                "Push to {} suspended by {} during the target's maintenance window",
                target.name(),
                pick(rng, &ADMINS)
            ),
        )
    }
}
