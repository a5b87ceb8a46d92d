//! The request checks, each a pure function of the request and the
//! configuration: who may call ([`caller`]) and what may be called ([`target`]).

pub mod caller;
pub mod target;

pub use caller::{authenticate, check_origin, BearerToken, Caller};
pub use target::{action_from_target, check_query, CheckedQuery};
