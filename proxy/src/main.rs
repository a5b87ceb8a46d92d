//! The `eiam-sync-proxy` binary: everything is in the library ([`eiam_sync_proxy::run`]).

fn main() -> std::process::ExitCode {
    eiam_sync_proxy::run()
}
