//! Every refusal: the documented code and HTTP status, in the service's body
//! shape, with the request id header.

mod common;

use common::{Call, Emulator};
use eiam_emulator::clock::now_ms;

#[test]
fn signature_failures() {
    let emulator = Emulator::start(&[]);
    let client = emulator.client();
    let (instance, _) = emulator.first_instance();
    let params = [("InstanceId", instance.as_str())];
    let call = || Call::new("ListSynchronizationJobs", &params);

    let mut bad = call();
    bad.secret = "not-the-secret".into();
    let message = client.send(&bad).expect_error(400, "SignatureDoesNotMatch");
    assert!(
        message.contains("string to sign is:ACS3-HMAC-SHA256\n"),
        "{message}"
    );

    let mut unknown = call();
    unknown.key_id = "someone-else".into();
    client
        .send(&unknown)
        .expect_error(404, "InvalidAccessKeyId.NotFound");

    let mut expired = call();
    expired.date_ms = now_ms() - 20 * 60 * 1000;
    client
        .send(&expired)
        .expect_error(400, "InvalidTimeStamp.Expired");

    let mut future = call();
    future.date_ms = now_ms() + 20 * 60 * 1000;
    client
        .send(&future)
        .expect_error(400, "InvalidTimeStamp.Expired");

    let replayed = call();
    assert_eq!(client.send(&replayed).status, 200);
    client
        .send(&replayed)
        .expect_error(400, "SignatureNonceUsed");

    let mut unsigned = call();
    unsigned.sign = false;
    client
        .send(&unsigned)
        .expect_error(400, "MissingAuthorization");

    let mut no_nonce = call();
    no_nonce.nonce = None;
    let message = client
        .send(&no_nonce)
        .expect_error(400, "IncompleteSignature");
    assert!(message.contains("x-acs-signature-nonce"), "{message}");

    let mut smuggled = call();
    smuggled
        .unsigned_extra
        .push(("x-acs-extra".into(), "1".into()));
    let message = client
        .send(&smuggled)
        .expect_error(400, "IncompleteSignature");
    assert!(message.contains("x-acs-extra"), "{message}");

    // A second value for a signed header changes its canonical value.
    let mut doubled = call();
    doubled
        .unsigned_extra
        .push(("x-acs-action".into(), "GetSynchronizationJob".into()));
    client
        .send(&doubled)
        .expect_error(400, "SignatureDoesNotMatch");

    // The Python SDK signs more headers than the Go SDK: any signed set that
    // covers host and x-acs-* is accepted.
    let mut python = call();
    python.extra.push((
        "user-agent".into(),
        "AlibabaCloud (Linux) Python/3.12".into(),
    ));
    python
        .extra
        .push(("x-acs-credentials-provider".into(), "static_ak".into()));
    assert_eq!(client.send(&python).status, 200);
}

#[test]
fn request_failures() {
    let emulator = Emulator::start(&[]);
    let client = emulator.client();
    let (instance, providers) = emulator.first_instance();

    let message = client
        .call("ListSynchronizationJobs", &[])
        .expect_error(400, "MissingParameter");
    assert!(message.contains("InstanceId"), "{message}");
    let message = client
        .call("GetSynchronizationJob", &[("InstanceId", &instance)])
        .expect_error(400, "MissingParameter");
    assert!(message.contains("SynchronizationJobId"), "{message}");
    let message = client
        .call(
            "GetIdentityProviderUdPullConfiguration",
            &[("InstanceId", &instance)],
        )
        .expect_error(400, "MissingParameter");
    assert!(message.contains("IdentityProviderId"), "{message}");

    let message = client
        .call("DeleteSynchronizationJob", &[("InstanceId", &instance)])
        .expect_error(404, "InvalidAction.NotFound");
    assert!(message.contains("DeleteSynchronizationJob"), "{message}");
    let mut no_action = Call::new("x", &[("InstanceId", &instance)]);
    no_action.action = None;
    client
        .send(&no_action)
        .expect_error(404, "InvalidAction.NotFound");
    let mut other_path = Call::new("ListSynchronizationJobs", &[("InstanceId", &instance)]);
    other_path.path = "/v1/jobs".into();
    client
        .send(&other_path)
        .expect_error(404, "InvalidAction.NotFound");
    let mut get = Call::new("ListSynchronizationJobs", &[("InstanceId", &instance)]);
    get.method = "GET".into();
    client.send(&get).expect_error(405, "UnsupportedHTTPMethod");

    let mut old = Call::new("ListSynchronizationJobs", &[("InstanceId", &instance)]);
    old.version = Some("2019-01-01".into());
    client.send(&old).expect_error(400, "InvalidVersion");

    let message = client
        .call(
            "GetSynchronizationJob",
            &[
                ("InstanceId", &instance),
                ("SynchronizationJobId", "sync_nope"),
            ],
        )
        .expect_error(404, "EntityNotExists.SynchronizationJob");
    assert!(message.contains("sync_nope"), "{message}");
    client
        .call("ListSynchronizationJobs", &[("InstanceId", "idaas_nope")])
        .expect_error(404, "EntityNotExists.Instance");
    client
        .call(
            "GetIdentityProviderUdPushConfiguration",
            &[
                ("InstanceId", &instance),
                ("IdentityProviderId", "idp_nope"),
            ],
        )
        .expect_error(404, "EntityNotExists.IdentityProvider");
    client
        .call(
            "GetIdentityProviderUdPushConfiguration",
            &[
                ("InstanceId", "idaas_nope"),
                ("IdentityProviderId", &providers[0]),
            ],
        )
        .expect_error(404, "EntityNotExists.Instance");

    let mut repeated = Call::new("ListSynchronizationJobs", &[]);
    repeated.query = format!("InstanceId={instance}&InstanceId=idaas_other");
    let message = client.send(&repeated).expect_error(400, "InvalidParameter");
    assert!(message.contains("InstanceId"), "{message}");
}
