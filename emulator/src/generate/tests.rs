use super::*;
use eiam_sync::model::{
    EntityStatistics, JobStatus, OperationCount, PeriodicSyncType, SyncDirection, TargetType,
    TriggerType,
};
use std::collections::HashSet;

/// Everything generated, as bytes.
fn bytes(dataset: &Dataset) -> Vec<u8> {
    let mut out = Vec::new();
    for instance in &dataset.instances {
        out.extend(instance.instance_id.as_bytes());
        out.extend(serde_json::to_vec(&instance.identity_providers).unwrap());
        out.extend(serde_json::to_vec(&instance.applications).unwrap());
        out.extend(serde_json::to_vec(&instance.jobs).unwrap());
        for shaped in &instance.push_configurations {
            out.extend(serde_json::to_vec(&shaped.configuration).unwrap());
            out.extend(format!("{:?}", shaped.times_shape).as_bytes());
        }
        for shaped in &instance.pull_configurations {
            out.extend(serde_json::to_vec(&shaped.configuration).unwrap());
            out.extend(format!("{:?}", shaped.times_shape).as_bytes());
        }
    }
    out
}

fn is_id(id: &str, prefix: &str, len: usize) -> bool {
    id.strip_prefix(prefix).is_some_and(|rest| {
        rest.len() == len
            && rest
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let options = GeneratorOptions::default();
    let first = bytes(&generate(&options));
    assert_eq!(first, bytes(&generate(&options)));
    let other = GeneratorOptions {
        seed: 2,
        ..options.clone()
    };
    assert_ne!(first, bytes(&generate(&other)));
    let later = GeneratorOptions {
        now_ms: options.now_ms + 1,
        ..options
    };
    assert_ne!(first, bytes(&generate(&later)));
}

#[test]
fn adding_instances_keeps_the_first() {
    let one = generate(&GeneratorOptions::default());
    let three = generate(&GeneratorOptions {
        instances: 3,
        ..GeneratorOptions::default()
    });
    assert_eq!(one.instances[0], three.instances[0]);
    let ids: HashSet<_> = three.instances.iter().map(|i| &i.instance_id).collect();
    assert_eq!(ids.len(), 3);
}

#[test]
fn counts_and_ids_are_consistent() {
    let options = GeneratorOptions::default();
    let dataset = generate(&options);
    assert_eq!(dataset.instances.len(), 1);
    let instance = &dataset.instances[0];
    assert!(is_id(&instance.instance_id, "idaas_", 26));
    assert_eq!(instance.identity_providers.len(), 4);
    assert_eq!(instance.applications.len(), 3);
    assert_eq!(instance.jobs.len(), 500);
    assert_eq!(instance.push_configurations.len(), 4);
    assert_eq!(instance.pull_configurations.len(), 4);
    assert!(instance
        .identity_providers
        .iter()
        .all(|id| is_id(id, "idp_", 26)));
    assert!(instance.applications.iter().all(|id| is_id(id, "app_", 26)));

    let ids: HashSet<_> = instance
        .jobs
        .iter()
        .map(|j| &j.synchronization_job_id)
        .collect();
    assert_eq!(ids.len(), 500, "job IDs are unique");
    let earliest = options.now_ms - MONTH_MS;
    let mut previous = u64::MAX;
    for job in &instance.jobs {
        assert!(is_id(&job.synchronization_job_id, "sync_", 40));
        let start = job.start_time.unwrap();
        assert!(start <= previous, "newest first");
        previous = start;
        assert!((earliest..=options.now_ms).contains(&start));
        let target = job.target_id.as_ref().unwrap();
        match job.target_type.as_ref().unwrap() {
            TargetType::IdentityProvider => assert!(instance.identity_providers.contains(target)),
            TargetType::Application => {
                assert!(instance.applications.contains(target));
                assert_eq!(job.direction, Some(SyncDirection::Egress));
            }
            other => panic!("unexpected target type {other}"),
        }
        let status = job.status.as_ref().unwrap();
        let unfinished = matches!(
            status,
            JobStatus::Pending | JobStatus::Running | JobStatus::Suspending
        );
        assert_eq!(job.end_time.is_none(), unfinished, "{status}");
        if let Some(end) = job.end_time {
            assert!(end >= start && end <= options.now_ms);
            assert!(end - start <= 3_601_000, "at most an hour");
        }
        assert_eq!(job.result.is_none(), *status == JobStatus::Pending);
        if let Some(result) = &job.result {
            let has_error = result.error_code.is_some();
            assert_eq!(has_error, result.error_message.is_some());
            assert_eq!(
                has_error,
                matches!(
                    status,
                    JobStatus::Failed | JobStatus::PartialSuccess | JobStatus::Suspending
                )
            );
            for stats in [
                &result.user_statistics,
                &result.organizational_unit_statistics,
                &result.group_statistics,
                &result.group_member_statistics,
            ]
            .into_iter()
            .flatten()
            {
                for count in operations(stats) {
                    let parts =
                        count.success.unwrap() + count.failed.unwrap() + count.skipped.unwrap();
                    assert_eq!(parts, count.total.unwrap());
                }
            }
            if *status == JobStatus::PartialSuccess {
                let users = result.user_statistics.as_ref().unwrap();
                assert!(operations(users).any(|c| c.failed.unwrap() > 0));
            }
        }
        assert!(job.description.as_ref().is_some_and(|d| !d.is_empty()));
    }
}

fn operations(stats: &EntityStatistics) -> impl Iterator<Item = &OperationCount> {
    [
        &stats.created,
        &stats.updated,
        &stats.binded,
        &stats.deleted,
        &stats.same,
        &stats.pushed,
        &stats.exported,
    ]
    .into_iter()
    .flatten()
}

#[test]
fn every_value_appears_at_default_size() {
    let dataset = generate(&GeneratorOptions::default());
    let instance = &dataset.instances[0];
    let statuses: HashSet<_> = instance
        .jobs
        .iter()
        .filter_map(|j| j.status.clone())
        .collect();
    for status in JobStatus::KNOWN {
        assert!(statuses.contains(&JobStatus::from_wire(status)), "{status}");
    }
    let directions: HashSet<_> = instance
        .jobs
        .iter()
        .filter_map(|j| j.direction.clone())
        .collect();
    assert_eq!(directions.len(), 2);
    let triggers: HashSet<_> = instance
        .jobs
        .iter()
        .filter_map(|j| j.trigger_type.clone())
        .collect();
    assert!(triggers.contains(&TriggerType::Auto) && triggers.contains(&TriggerType::Manual));
    let targets: HashSet<_> = instance
        .jobs
        .iter()
        .filter_map(|j| j.target_type.clone())
        .collect();
    assert!(
        targets.contains(&TargetType::IdentityProvider)
            && targets.contains(&TargetType::Application)
    );

    // Exported only on user statistics of egress jobs, and there at least once.
    let mut exported = 0;
    for job in &instance.jobs {
        let Some(result) = &job.result else { continue };
        if let Some(users) = &result.user_statistics {
            if users.exported.is_some() {
                assert_eq!(job.direction, Some(SyncDirection::Egress));
                exported += 1;
            }
        }
        for other in [
            &result.organizational_unit_statistics,
            &result.group_statistics,
        ] {
            assert!(other.as_ref().is_none_or(|s| s.exported.is_none()));
        }
    }
    assert!(exported > 0);
    let codes: HashSet<_> = instance
        .jobs
        .iter()
        .filter_map(|j| j.result.as_ref()?.error_code.clone())
        .collect();
    assert!(
        codes.contains("LdapConnectionTimeout") || codes.contains("LdapBindFailed"),
        "{codes:?}"
    );

    // Every PeriodicSyncTimes shape, in pull and in push configurations alike.
    let pull: HashSet<_> = instance
        .pull_configurations
        .iter()
        .filter_map(|c| c.times_shape)
        .collect();
    let push: HashSet<_> = instance
        .push_configurations
        .iter()
        .filter_map(|c| c.times_shape)
        .collect();
    assert_eq!(pull.len(), 4);
    assert_eq!(push.len(), 4);
    let types: HashSet<_> = instance
        .pull_configurations
        .iter()
        .filter_map(|c| {
            c.configuration
                .periodic_sync_config
                .as_ref()?
                .periodic_sync_type
                .clone()
        })
        .collect();
    assert!(types.contains(&PeriodicSyncType::Cron) && types.contains(&PeriodicSyncType::Time));
    let ldap = instance
        .pull_configurations
        .iter()
        .filter(|c| c.configuration.ldap_ud_pull_config.is_some())
        .count();
    assert!(ldap > 0 && ldap < 4, "LDAP details for some providers only");
    for shaped in &instance.pull_configurations {
        let config = &shaped.configuration;
        assert_eq!(config.instance_id.as_ref(), Some(&instance.instance_id));
        assert!(
            config
                .pull_protected_rule
                .as_ref()
                .unwrap()
                .user_deleted_threshold
                .unwrap()
                > 0
        );
    }
}

#[test]
fn tiny_and_empty_sizes_work() {
    for (jobs, providers, apps) in [(0, 1, 0), (1, 1, 0), (2, 1, 1), (7, 1, 0), (50, 9, 11)] {
        let dataset = generate(&GeneratorOptions {
            jobs_per_instance: jobs,
            identity_providers: providers,
            applications: apps,
            ..GeneratorOptions::default()
        });
        let instance = &dataset.instances[0];
        assert_eq!(instance.jobs.len(), jobs);
        assert_eq!(instance.pull_configurations.len(), providers);
    }
}
