//! The push (outbound) and pull (inbound) configuration of an identity
//! provider: scopes, schedules, deletion thresholds and LDAP details.

use super::targets::{random_id, Provider, ProviderKind};
use crate::shapes::TimesShape;
use eiam_sync::model::{
    LdapUdPullConfig, LdapUdPushConfig, PeriodicSyncConfig, PeriodicSyncType, PullProtectedRule,
    SwitchStatus, UdPullConfiguration, UdPushConfiguration, UdSyncScopeConfig,
};
use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

fn switch(rng: &mut ChaCha8Rng, enabled_probability: f64) -> SwitchStatus {
    if rng.gen_bool(enabled_probability) {
        SwitchStatus::Enabled
    } else {
        SwitchStatus::Disabled
    }
}

/// A schedule whose `PeriodicSyncTimes` suits `shape`: the bare-integer shape
/// is what the service sends beside a cron schedule (`0`); the others carry
/// real hour slots.
fn schedule(rng: &mut ChaCha8Rng, shape: TimesShape) -> PeriodicSyncConfig {
    if shape == TimesShape::Integer {
        let cron = match rng.gen_range(0..4) {
            0 => format!("0 {} {} * * ?", rng.gen_range(0..60), rng.gen_range(0..6)),
            1 => format!("0 0 */{} * * ?", [2, 4, 6, 8, 12].choose(rng).unwrap_or(&6)),
            2 => format!("0 30 {} ? * MON-FRI", rng.gen_range(18..24)),
            _ => "0 45 1 * * ?".to_owned(),
        };
        PeriodicSyncConfig {
            periodic_sync_type: Some(PeriodicSyncType::Cron),
            periodic_sync_cron: Some(cron),
            periodic_sync_times: Some(vec![0]),
        }
    } else {
        let slots = rng.gen_range(1..=3);
        let mut hours: Vec<u64> = (0..24).collect();
        hours.shuffle(rng);
        hours.truncate(slots);
        hours.sort_unstable();
        PeriodicSyncConfig {
            periodic_sync_type: Some(PeriodicSyncType::Time),
            periodic_sync_cron: None,
            periodic_sync_times: Some(hours),
        }
    }
}

/// Where a provider's entries live, as its own kind of identifier.
fn source_scopes(rng: &mut ChaCha8Rng, provider: &Provider) -> Vec<String> {
    match provider.kind {
        ProviderKind::Ldap | ProviderKind::ActiveDirectory => {
            let mut scopes = vec![format!("ou=People,{}", provider.base_dn)];
            if rng.gen_bool(0.4) {
                scopes.push(format!("ou=Contractors,{}", provider.base_dn));
            }
            scopes
        }
        ProviderKind::DingTalk | ProviderKind::WeCom => {
            if rng.gen_bool(0.5) {
                vec!["1".to_owned()]
            } else {
                (0..rng.gen_range(1..=3))
                    .map(|_| rng.gen_range(100_000u32..999_999).to_string())
                    .collect()
            }
        }
        ProviderKind::Lark => vec!["0".to_owned()],
    }
}

/// The inbound configuration of `provider`.
pub(crate) fn pull_configuration(
    rng: &mut ChaCha8Rng,
    instance_id: &str,
    provider: &Provider,
    shape: TimesShape,
) -> UdPullConfiguration {
    let ldap = provider.kind.is_ldap().then(|| {
        let ad = provider.kind == ProviderKind::ActiveDirectory;
        LdapUdPullConfig {
            user_object_class: Some(
                if ad {
                    "user,top"
                } else {
                    "inetOrgPerson,organizationalPerson,person,top"
                }
                .to_owned(),
            ),
            organization_unit_object_class: Some("organizationalUnit,top".to_owned()),
            user_object_class_custom_filter: Some(if ad {
                "(&(objectCategory=person)(!(userAccountControl:1.2.840.113556.1.4.803:=2)))"
                    .to_owned()
            } else {
                "(&(objectClass=inetOrgPerson)(employeeType=staff))".to_owned()
            }),
            group_object_class: Some(if ad { "group,top" } else { "groupOfNames,top" }.to_owned()),
            group_member_attribute_name: Some("member".to_owned()),
            group_object_class_custom_filter: rng.gen_bool(0.5).then(|| "(cn=idaas-*)".to_owned()),
        }
    });
    let user_threshold = rng.gen_range(5..=50) * 10;
    UdPullConfiguration {
        instance_id: Some(instance_id.to_owned()),
        identity_provider_id: Some(provider.id.clone()),
        incremental_callback_status: Some(switch(
            rng,
            if provider.kind.is_ldap() { 0.1 } else { 0.8 },
        )),
        periodic_sync_status: Some(switch(rng, 0.85)),
        group_sync_status: Some(switch(rng, 0.7)),
        ud_sync_scope_config: Some(UdSyncScopeConfig {
            source_scopes: Some(source_scopes(rng, provider)),
            target_scope: Some(random_id(rng, "ou_", 26)),
        }),
        pull_protected_rule: Some(PullProtectedRule {
            user_deleted_threshold: Some(user_threshold),
            organizational_unit_deleted_threshold: Some(rng.gen_range(1..=10) * 5),
            group_deleted_threshold: Some(rng.gen_range(1..=10) * 10),
        }),
        ldap_ud_pull_config: ldap,
        periodic_sync_config: Some(schedule(rng, shape)),
    }
}

/// The outbound configuration of `provider`.
pub(crate) fn push_configuration(
    rng: &mut ChaCha8Rng,
    instance_id: &str,
    provider: &Provider,
    shape: TimesShape,
) -> UdPushConfiguration {
    let ldap = provider.kind.is_ldap().then(|| {
        let ad = provider.kind == ProviderKind::ActiveDirectory;
        LdapUdPushConfig {
            user_object_class: Some(if ad { "user,top" } else { "inetOrgPerson,top" }.to_owned()),
            organization_unit_object_class: Some("organizationalUnit,top".to_owned()),
            user_rdn: Some(if ad { "cn" } else { "uid" }.to_owned()),
            organizational_unit_rdn: Some("ou".to_owned()),
            password_sync_status: Some(switch(rng, 0.5)),
        }
    });
    let scopes = (0..rng.gen_range(1..=2))
        .map(|i| UdSyncScopeConfig {
            source_scopes: Some(vec![random_id(rng, "ou_", 26)]),
            target_scope: Some(if provider.kind.is_ldap() {
                let branch = if i == 0 { "IDaaS" } else { "IDaaS Partners" };
                format!("ou={branch},{}", provider.base_dn)
            } else {
                rng.gen_range(100_000u32..999_999).to_string()
            }),
        })
        .collect();
    UdPushConfiguration {
        instance_id: Some(instance_id.to_owned()),
        identity_provider_id: Some(provider.id.clone()),
        incremental_callback_status: Some(switch(rng, 0.7)),
        ud_sync_scope_configs: Some(scopes),
        ldap_ud_push_config: ldap,
        periodic_sync_config: Some(schedule(rng, shape)),
        periodic_sync_status: Some(switch(rng, 0.6)),
    }
}
