//! The schema of the two job responses: the keys of each object, in the
//! order the serde model writes them (the order the text of an accepted
//! input is put in before `JSON.parse`).

use super::key::Key;

/// The keys of a ListSynchronizationJobs response.
pub(super) const LIST_RESPONSE: [Key; 4] = [
    Key::new("RequestId"),
    Key::new("TotalCount"),
    Key::new("NextToken"),
    Key::new("SynchronizationJobs"),
];
/// The keys of a GetSynchronizationJob response.
pub(super) const GET_RESPONSE: [Key; 2] = [Key::new("RequestId"), Key::new("SynchronizationJob")];
/// The keys of a job.
pub(super) const JOB: [Key; 10] = [
    Key::new("SynchronizationJobId"),
    Key::new("TargetType"),
    Key::new("TargetId"),
    Key::new("Direction"),
    Key::new("StartTime"),
    Key::new("EndTime"),
    Key::new("TriggerType"),
    Key::new("Status"),
    Key::new("Result"),
    Key::new("Description"),
];
/// The keys of a job's `Result`: the four entities (in the order of
/// [`crate::analyze::Entity::ALL`]), then the error. (The service writes
/// `ErrorMessage` first: such objects are put in this order after parsing.)
pub(super) const RESULT: [Key; 6] = [
    Key::new("UserStatistics"),
    Key::new("OrganizationalUnitStatistics"),
    Key::new("GroupStatistics"),
    Key::new("GroupMemberStatistics"),
    Key::new("ErrorCode"),
    Key::new("ErrorMessage"),
];
/// The keys of an entity's statistics, in the order of
/// [`crate::analyze::Operation::ALL`].
pub(super) const STATISTICS: [Key; 7] = [
    Key::new("Created"),
    Key::new("Updated"),
    Key::new("Binded"),
    Key::new("Deleted"),
    Key::new("Same"),
    Key::new("Pushed"),
    Key::new("Exported"),
];
/// The keys of an operation count.
pub(super) const COUNT: [Key; 4] = [
    Key::new("Total"),
    Key::new("Success"),
    Key::new("Failed"),
    Key::new("Skipped"),
];

/// The most keys an object of the schema has.
pub(super) const MAX_KEYS: usize = 10;

const _: () = assert!(
    LIST_RESPONSE.len() <= MAX_KEYS
        && GET_RESPONSE.len() <= MAX_KEYS
        && JOB.len() <= MAX_KEYS
        && RESULT.len() <= MAX_KEYS
        && STATISTICS.len() <= MAX_KEYS
        && COUNT.len() <= MAX_KEYS
);
