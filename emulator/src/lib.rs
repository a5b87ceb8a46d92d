//! eiam-emulator: a local stand-in for Alibaba Cloud IDaaS (`eiam`,
//! 2021-12-01) synchronization APIs, for demos and tests.
//!
//! It answers the four read operations as the service does when called by the
//! official SDKs (`POST /`, parameters in the query, Signature V3), from data
//! generated deterministically from a seed, and injects faults on request so
//! clients can prove their retry and error handling.
//!
//! The library half exists so the generator and the handlers can be tested
//! directly and reused (for example by a benchmark data generator); the
//! binary (`src/main.rs`) only wires them to a socket.

#![warn(missing_docs)]

pub mod cli;
pub mod clock;
pub mod datafile;
pub mod errors;
pub mod faults;
pub mod generate;
pub mod handlers;
pub mod hash;
pub mod introspection;
pub mod listing;
pub mod server;
pub mod shapes;
pub mod signature;
pub mod store;
pub mod token;
