//! The validation rules, by the value they check: for each rule a passing and
//! a failing case, with the expected issues written by hand from the input.

mod common;
mod config;
mod job;
mod ldap;
mod list;
mod request;
