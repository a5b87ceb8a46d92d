//! Fuzzes the RPC query codec with arbitrary query strings.
//!
//! Decoding must never panic, whatever the bytes; and every query a request
//! type accepts must survive a round trip: `to_params` + `encode_query`, then
//! `decode_query` + `from_params`, gives back an equal request.

#![no_main]

use eiam_sync::model::rpc::{decode_query, encode_query, RpcRequest};
use eiam_sync::model::{
    GetIdentityProviderUdPullConfigurationRequest, GetIdentityProviderUdPushConfigurationRequest,
    GetSynchronizationJobRequest, ListSynchronizationJobsRequest,
};
use libfuzzer_sys::fuzz_target;
use std::fmt::Debug;

/// Reads `params` as an `R`; when that succeeds, the request must round-trip.
fn round_trip<R: RpcRequest + PartialEq + Debug>(params: &[(String, String)]) {
    let Ok(request) = R::from_params(params) else {
        return;
    };
    let query = encode_query(&request.to_params());
    let again = decode_query(&query).unwrap_or_else(|e| {
        panic!(
            "{}: re-encoded query {query:?} does not decode: {e}",
            R::ACTION
        )
    });
    match R::from_params(&again) {
        Ok(back) => assert_eq!(back, request, "{}: query {query:?}", R::ACTION),
        Err(e) => panic!("{}: re-encoded query {query:?} is refused: {e}", R::ACTION),
    }
}

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let Ok(params) = decode_query(&query) else {
        return;
    };
    round_trip::<ListSynchronizationJobsRequest>(&params);
    round_trip::<GetSynchronizationJobRequest>(&params);
    round_trip::<GetIdentityProviderUdPushConfigurationRequest>(&params);
    round_trip::<GetIdentityProviderUdPullConfigurationRequest>(&params);
});
