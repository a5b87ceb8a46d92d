//! The names reports show for wire values: a known enum value, entity,
//! operation or outcome gets its label; an unknown value is shown verbatim
//! (it is data, escaped like any other), an absent one as `report.notAvailable`.

use super::labels::{LabelKey, Labels};
use crate::analyze::{Entity, Operation, Outcome};
use crate::model::{JobStatus, SyncDirection, TargetType, TriggerType};

/// The label of an entity.
pub fn entity_key(entity: Entity) -> LabelKey {
    match entity {
        Entity::Users => LabelKey::EntityUsers,
        Entity::OrganizationalUnits => LabelKey::EntityOrganizationalUnits,
        Entity::Groups => LabelKey::EntityGroups,
        Entity::GroupMembers => LabelKey::EntityGroupMembers,
    }
}

/// The camelCase name of an entity, as `summarizeJob` and the CSV use it.
pub fn entity_name(entity: Entity) -> &'static str {
    match entity {
        Entity::Users => "users",
        Entity::OrganizationalUnits => "organizationalUnits",
        Entity::Groups => "groups",
        Entity::GroupMembers => "groupMembers",
    }
}

/// The label of an operation.
pub fn operation_key(operation: Operation) -> LabelKey {
    match operation {
        Operation::Created => LabelKey::OperationCreated,
        Operation::Updated => LabelKey::OperationUpdated,
        Operation::Binded => LabelKey::OperationBinded,
        Operation::Deleted => LabelKey::OperationDeleted,
        Operation::Same => LabelKey::OperationSame,
        Operation::Pushed => LabelKey::OperationPushed,
        Operation::Exported => LabelKey::OperationExported,
    }
}

/// The camelCase name of an operation, as `summarizeJob` and the CSV use it.
pub fn operation_name(operation: Operation) -> &'static str {
    match operation {
        Operation::Created => "created",
        Operation::Updated => "updated",
        Operation::Binded => "binded",
        Operation::Deleted => "deleted",
        Operation::Same => "same",
        Operation::Pushed => "pushed",
        Operation::Exported => "exported",
    }
}

/// The label of an outcome class.
pub fn outcome_key(outcome: Outcome) -> LabelKey {
    match outcome {
        Outcome::Succeeded => LabelKey::OutcomeSucceeded,
        Outcome::SucceededWithSkips => LabelKey::OutcomeSucceededWithSkips,
        Outcome::PartiallyFailed => LabelKey::OutcomePartiallyFailed,
        Outcome::Failed => LabelKey::OutcomeFailed,
        Outcome::InProgress => LabelKey::OutcomeInProgress,
        Outcome::Unknown => LabelKey::OutcomeUnknown,
    }
}

/// The snake_case name of an outcome class, as `summarizeJob` gives it.
pub fn outcome_name(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Succeeded => "succeeded",
        Outcome::SucceededWithSkips => "succeeded_with_skips",
        Outcome::PartiallyFailed => "partially_failed",
        Outcome::Failed => "failed",
        Outcome::InProgress => "in_progress",
        Outcome::Unknown => "unknown",
    }
}

/// What to show for a job status: its label, or the unknown value verbatim.
pub fn status(labels: &Labels, status: &JobStatus) -> String {
    let key = match status {
        JobStatus::Pending => LabelKey::StatusPending,
        JobStatus::Running => LabelKey::StatusRunning,
        JobStatus::Failed => LabelKey::StatusFailed,
        JobStatus::PartialSuccess => LabelKey::StatusPartialSuccess,
        JobStatus::Success => LabelKey::StatusSuccess,
        JobStatus::Suspending => LabelKey::StatusSuspending,
        JobStatus::Other(value) => return value.clone(),
    };
    labels.get(key).to_owned()
}

/// What to show for a direction.
pub fn direction(labels: &Labels, direction: &SyncDirection) -> String {
    let key = match direction {
        SyncDirection::Ingress => LabelKey::DirectionIngress,
        SyncDirection::Egress => LabelKey::DirectionEgress,
        SyncDirection::Other(value) => return value.clone(),
    };
    labels.get(key).to_owned()
}

/// What to show for a trigger type.
pub fn trigger(labels: &Labels, trigger: &TriggerType) -> String {
    let key = match trigger {
        TriggerType::Auto => LabelKey::TriggerAuto,
        TriggerType::Manual => LabelKey::TriggerManual,
        TriggerType::Other(value) => return value.clone(),
    };
    labels.get(key).to_owned()
}

/// What to show for a target type.
pub fn target_type(labels: &Labels, target_type: &TargetType) -> String {
    let key = match target_type {
        TargetType::IdentityProvider => LabelKey::TargetIdentityProvider,
        TargetType::Application => LabelKey::TargetApplication,
        TargetType::OrganizationalUnit => LabelKey::TargetOrganizationalUnit,
        TargetType::User => LabelKey::TargetUser,
        TargetType::Other(value) => return value.clone(),
    };
    labels.get(key).to_owned()
}
