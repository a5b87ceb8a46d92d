//! Every response the generated data produces parses with the library's
//! parsers in strict mode, and says what the data holds (in-process: the
//! handlers without HTTP).

use eiam_emulator::generate::{generate, GeneratorOptions};
use eiam_emulator::handlers::{Action, Service};
use eiam_emulator::store::Store;
use eiam_emulator::token::TokenCodec;
use eiam_sync::model::rpc::encode_query;
use eiam_sync::parse::{self, ParseOptions};

const STRICT: ParseOptions = ParseOptions { strict: true };

fn query(params: &[(&str, &str)]) -> String {
    let owned: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    encode_query(&owned)
}

fn check_every_response(options: GeneratorOptions) {
    let dataset = generate(&options);
    let expected = dataset.clone();
    let service = Service {
        store: Store::from_dataset(dataset),
        tokens: TokenCodec::new(options.seed, "secret"),
    };
    for instance in &expected.instances {
        let id = instance.instance_id.as_str();
        for job in &instance.jobs {
            let body = service
                .handle(
                    Action::GetSynchronizationJob,
                    &query(&[
                        ("InstanceId", id),
                        ("SynchronizationJobId", &job.synchronization_job_id),
                    ]),
                    "REQ",
                )
                .unwrap();
            let parsed = parse::get_synchronization_job(&body, STRICT).unwrap();
            assert_eq!(&parsed.synchronization_job, job);
        }
        for size in ["1", "20", "100"] {
            let mut listed = Vec::new();
            let mut page_number = 1;
            loop {
                let number = page_number.to_string();
                let body = service
                    .handle(
                        Action::ListSynchronizationJobs,
                        &query(&[
                            ("InstanceId", id),
                            ("PageSize", size),
                            ("PageNumber", &number),
                        ]),
                        "REQ",
                    )
                    .unwrap();
                let page = parse::list_synchronization_jobs(&body, STRICT).unwrap();
                assert_eq!(page.total_count, Some(instance.jobs.len() as u64));
                if page.synchronization_jobs.is_empty() {
                    break;
                }
                listed.extend(page.synchronization_jobs);
                page_number += 1;
            }
            assert_eq!(listed, instance.jobs);
        }
        for (push, pull) in instance
            .push_configurations
            .iter()
            .zip(&instance.pull_configurations)
        {
            let provider = push.configuration.identity_provider_id.as_deref().unwrap();
            let params = query(&[("InstanceId", id), ("IdentityProviderId", provider)]);
            let body = service
                .handle(
                    Action::GetIdentityProviderUdPushConfiguration,
                    &params,
                    "REQ",
                )
                .unwrap();
            let parsed = parse::get_identity_provider_ud_push_configuration(&body, STRICT).unwrap();
            assert_eq!(parsed.ud_push_configuration, push.configuration);
            let body = service
                .handle(
                    Action::GetIdentityProviderUdPullConfiguration,
                    &params,
                    "REQ",
                )
                .unwrap();
            let parsed = parse::get_identity_provider_ud_pull_configuration(&body, STRICT).unwrap();
            assert_eq!(parsed.ud_pull_configuration, pull.configuration);
        }
    }
}

#[test]
fn every_default_response_parses_strictly() {
    check_every_response(GeneratorOptions::default());
}

#[test]
fn other_seeds_and_sizes_parse_strictly() {
    for seed in [2, 3, 99] {
        check_every_response(GeneratorOptions {
            seed,
            instances: 2,
            jobs_per_instance: 120,
            identity_providers: 7,
            applications: 2,
            ..GeneratorOptions::default()
        });
    }
}

#[test]
fn responses_are_byte_identical_for_a_seed() {
    let render = || {
        let options = GeneratorOptions::default();
        let service = Service {
            store: Store::from_dataset(generate(&options)),
            tokens: TokenCodec::new(1, "secret"),
        };
        let instance = service.store.instances()[0].id.clone();
        service
            .handle(
                Action::ListSynchronizationJobs,
                &query(&[("InstanceId", &instance), ("MaxResults", "100")]),
                "REQ",
            )
            .unwrap()
    };
    assert_eq!(render(), render());
}
