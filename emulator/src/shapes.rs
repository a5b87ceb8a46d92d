//! The wire shapes of `PeriodicSyncTimes`.
//!
//! The service sends the hour slots of a schedule as an integer (`0`), an
//! integer array (`[3,5]`), an array of numeric strings (`["3"]`) or a comma
//! string (`"3,5"`). The library reads all four into `Vec<u64>`, so the model
//! serialises only one of them; the emulator rewrites that one field of each
//! configuration into the shape chosen for it, so clients meet every shape.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// How one configuration's `PeriodicSyncTimes` is written on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimesShape {
    /// A bare integer, the first hour (`0`).
    Integer,
    /// An array of integers (`[3,5]`).
    IntegerArray,
    /// An array of numeric strings (`["3","5"]`).
    StringArray,
    /// One comma-separated string (`"3,5"`).
    CommaString,
}

impl TimesShape {
    /// Every shape, in a fixed order.
    pub const ALL: [TimesShape; 4] = [
        TimesShape::Integer,
        TimesShape::IntegerArray,
        TimesShape::StringArray,
        TimesShape::CommaString,
    ];

    /// The JSON value for `hours` in this shape. `Integer` writes the first
    /// hour (`0` when there is none), since a bare integer holds one value.
    pub fn render(self, hours: &[u64]) -> Value {
        match self {
            TimesShape::Integer => Value::from(hours.first().copied().unwrap_or(0)),
            TimesShape::IntegerArray => Value::from(hours.to_vec()),
            TimesShape::StringArray => {
                Value::from(hours.iter().map(u64::to_string).collect::<Vec<_>>())
            }
            TimesShape::CommaString => Value::from(
                hours
                    .iter()
                    .map(u64::to_string)
                    .collect::<Vec<_>>()
                    .join(","),
            ),
        }
    }
}

/// Rewrites `PeriodicSyncConfig.PeriodicSyncTimes` of the configuration object
/// `configuration` into `shape`. Does nothing when the field is absent, not an
/// array of integers, or no shape is chosen.
pub fn apply(configuration: &mut Value, shape: Option<TimesShape>) {
    let Some(shape) = shape else { return };
    let Some(times) = configuration
        .get_mut("PeriodicSyncConfig")
        .and_then(|config| config.get_mut("PeriodicSyncTimes"))
    else {
        return;
    };
    let Some(hours) = times
        .as_array()
        .map(|items| items.iter().filter_map(Value::as_u64).collect::<Vec<_>>())
    else {
        return;
    };
    *times = shape.render(&hours);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn renders_every_shape() {
        assert_eq!(TimesShape::Integer.render(&[0]), json!(0));
        assert_eq!(TimesShape::Integer.render(&[]), json!(0));
        assert_eq!(TimesShape::IntegerArray.render(&[3, 5]), json!([3, 5]));
        assert_eq!(TimesShape::StringArray.render(&[3]), json!(["3"]));
        assert_eq!(TimesShape::CommaString.render(&[3, 5]), json!("3,5"));
    }

    #[test]
    fn rewrites_only_the_times_field() {
        let mut config = json!({
            "IdentityProviderId": "idp_x",
            "PeriodicSyncConfig": {"PeriodicSyncType": "time", "PeriodicSyncTimes": [3, 5]}
        });
        apply(&mut config, Some(TimesShape::CommaString));
        assert_eq!(
            config["PeriodicSyncConfig"]["PeriodicSyncTimes"],
            json!("3,5")
        );
        assert_eq!(config["IdentityProviderId"], json!("idp_x"));
        let mut without = json!({"IdentityProviderId": "idp_x"});
        apply(&mut without, Some(TimesShape::Integer));
        assert_eq!(without, json!({"IdentityProviderId": "idp_x"}));
    }
}
