//! The API's string enumerations. Each lists the values the documentation and
//! official SDKs name and keeps any other string verbatim, so a value the
//! service adds tomorrow never makes a response unreadable. Strict parsing
//! (see [`crate::parse::ParseOptions::strict`]) turns unknown values into errors.

use std::cell::Cell;

thread_local! {
    /// Whether the parse running on this thread rejects unknown enum values.
    static STRICT: Cell<bool> = const { Cell::new(false) };
}

/// Makes enum parsing strict on this thread until the guard is dropped.
pub(crate) struct StrictGuard {
    previous: bool,
}

impl StrictGuard {
    /// Sets strictness for the current thread; the previous value comes back on drop.
    pub(crate) fn set(strict: bool) -> Self {
        let previous = STRICT.with(|s| s.replace(strict));
        StrictGuard { previous }
    }
}

impl Drop for StrictGuard {
    fn drop(&mut self) {
        STRICT.with(|s| s.set(self.previous));
    }
}

pub(crate) fn strict() -> bool {
    STRICT.with(|s| s.get())
}

/// The string literals given, joined by `", "` at compile time.
macro_rules! join_wires {
    ($first:literal $(, $rest:literal)*) => {
        concat!($first $(, ", ", $rest)*)
    };
}

/// Declares a wire enum: known variants, an `Other(String)` catch-all, string
/// (de)serialisation and the TypeScript union `"a" | "b" | (string & {})`.
macro_rules! wire_enum {
    (
        $(#[doc = $doc:literal])*
        $name:ident { $( #[doc = $vdoc:literal] $variant:ident = $wire:literal ),+ $(,)? }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $( #[doc = $vdoc] $variant, )+
            /// A value this version of eiam-sync does not know, kept verbatim.
            Other(String),
        }

        impl $name {
            /// Every value the API documents, in documentation order.
            pub const KNOWN: &'static [&'static str] = &[$($wire),+];

            /// [`Self::KNOWN`] joined by `", "`, for messages.
            pub(crate) const KNOWN_LIST: &'static str = join_wires!($($wire),+);

            /// The value exactly as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Other(s) => s,
                }
            }

            /// Reads a wire value; unknown strings become [`Self::Other`].
            pub fn from_wire(value: &str) -> Self {
                match value {
                    $( $wire => $name::$variant, )+
                    other => $name::Other(other.to_owned()),
                }
            }

            /// `false` for a value outside [`Self::KNOWN`].
            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Other(_))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct EnumVisitor;
                impl<'de> serde::de::Visitor<'de> for EnumVisitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str(concat!("a string (", stringify!($name), ")"))
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        let value = $name::from_wire(v);
                        if !value.is_known() && $crate::model::enums::strict() {
                            return Err($crate::model::wire::tagged(
                                "unknown_value",
                                format_args!(
                                    concat!(
                                        "{:?} is not a known ",
                                        stringify!($name),
                                        " (expected one of {})"
                                    ),
                                    v,
                                    $name::KNOWN_LIST
                                ),
                            ));
                        }
                        Ok(value)
                    }
                }
                d.deserialize_str(EnumVisitor)
            }
        }

        #[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
        #[allow(non_upper_case_globals)]
        const _: &'static str = concat!(
            "\n/**\n", $(" *", $doc, "\n",)*
            $(" * - `\"", $wire, "\"`:", $vdoc, "\n",)+
            " *\n * Any other string is a value this version does not know, kept as sent.\n */\n",
            "export type ", stringify!($name), " = ",
            $( "\"", $wire, "\" | ", )+
            "(string & {});\n"
        );
    };
}

wire_enum! {
    /// The state of a synchronization job.
    JobStatus {
        /// Queued, not started yet.
        Pending = "pending",
        /// Running now.
        Running = "running",
        /// Ended without completing its work.
        Failed = "failed",
        /// Ended with some items failed.
        PartialSuccess = "partial_success",
        /// Ended with every item processed.
        Success = "success",
        /// Being paused or stopped.
        Suspending = "suspending",
    }
}

wire_enum! {
    /// Which way a job moves data: `ingress` pulls from the identity provider
    /// into IDaaS, `egress` pushes from IDaaS out to it.
    SyncDirection {
        /// Inbound: identity provider to IDaaS.
        Ingress = "ingress",
        /// Outbound: IDaaS to the identity provider or application.
        Egress = "egress",
    }
}

wire_enum! {
    /// What started a job.
    TriggerType {
        /// Started by a schedule or an incremental callback.
        Auto = "auto",
        /// Started by an administrator.
        Manual = "manual",
    }
}

wire_enum! {
    /// What a job synchronizes with.
    TargetType {
        /// An identity provider (LDAP, AD, DingTalk, WeCom, Lark, ...).
        IdentityProvider = "identity_provider",
        /// An application.
        Application = "application",
        /// An organizational unit.
        OrganizationalUnit = "organizational_unit",
        /// A single user.
        User = "user",
    }
}

wire_enum! {
    /// An on/off switch of a configuration.
    SwitchStatus {
        /// Switched on.
        Enabled = "enabled",
        /// Switched off.
        Disabled = "disabled",
    }
}

wire_enum! {
    /// How a periodic synchronization is scheduled.
    PeriodicSyncType {
        /// By the Quartz cron expression in `PeriodicSyncCron`.
        Cron = "cron",
        /// By the hour slots in `PeriodicSyncTimes`.
        Time = "time",
    }
}
