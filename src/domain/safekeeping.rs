//! Keeping the user's data safe: when a backup is due and what the reminder says, and what the
//! browser's answer to "keep this storage" means for the user.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::calendar::{days_between, Date};

/// Days after the last backup before the reminder shows, unless the user sets another number.
pub const DEFAULT_REMIND_AFTER_DAYS: u16 = 7;
/// The longest interval the setting accepts: a year.
pub const MAX_REMIND_AFTER_DAYS: u16 = 365;

/// When the user last downloaded a backup of their own workspace, and after how many days
/// without one they are reminded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupHabit {
    #[serde(default)]
    pub last_backup: Option<Date>,
    #[serde(default = "default_remind_after_days")]
    pub remind_after_days: u16,
}

fn default_remind_after_days() -> u16 {
    DEFAULT_REMIND_AFTER_DAYS
}

impl Default for BackupHabit {
    fn default() -> Self {
        Self { last_backup: None, remind_after_days: DEFAULT_REMIND_AFTER_DAYS }
    }
}

impl BackupHabit {
    /// The reminder due `today`: no backup yet, or the last one `remind_after_days` or more days
    /// ago. None while the last backup is recent (or dated after today by a changed clock).
    pub fn reminder(&self, today: Date) -> Option<String> {
        let Some(last) = self.last_backup else {
            return Some(
                "Aún no ha descargado una copia de respaldo de su espacio de trabajo. Sus datos solo están en este navegador: descargue una copia y guárdela aparte."
                    .to_string(),
            );
        };
        let days = days_between(last, today);
        (days >= i64::from(self.remind_after_days)).then(|| {
            let ago = if days == 1 { "hace 1 día".to_string() } else { format!("hace {days} días") };
            format!("Su última copia de respaldo es del {}, {ago}. Descargue una copia nueva y guárdela aparte.", last.dmy())
        })
    }
}

/// Why a typed number of days is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DaysError(String);

impl fmt::Display for DaysError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "«{}» no es un número de días entre 1 y {MAX_REMIND_AFTER_DAYS}.", self.0)
    }
}

/// Reads the days typed for the reminder: a whole number from 1 to `MAX_REMIND_AFTER_DAYS`.
pub fn parse_remind_after_days(text: &str) -> Result<u16, DaysError> {
    let trimmed = text.trim();
    trimmed
        .parse::<u16>()
        .ok()
        .filter(|days| (1..=MAX_REMIND_AFTER_DAYS).contains(days))
        .ok_or_else(|| DaysError(trimmed.to_string()))
}

/// What the browser's answer to keeping this app's storage means: kept even when the device runs
/// short of space, or liable to be cleared then.
pub fn persistence_notice(kept: bool) -> &'static str {
    if kept {
        "El navegador conservará sus datos aunque le falte espacio."
    } else {
        "El navegador podría borrar sus datos si le falta espacio: descargue copias de respaldo."
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    #[test]
    fn a_reminder_is_due_when_no_backup_was_ever_made() {
        let message = BackupHabit::default().reminder(date("2026-03-10")).unwrap();
        assert!(message.starts_with("Aún no ha descargado una copia de respaldo"), "{message}");
    }

    #[test]
    fn a_reminder_is_due_from_the_set_number_of_days_on() {
        let habit = BackupHabit { last_backup: Some(date("2026-03-01")), remind_after_days: 7 };
        assert_eq!(habit.reminder(date("2026-03-07")), None, "six days");
        assert_eq!(
            habit.reminder(date("2026-03-08")).as_deref(),
            Some("Su última copia de respaldo es del 01/03/2026, hace 7 días. Descargue una copia nueva y guárdela aparte.")
        );
        let daily = BackupHabit { remind_after_days: 1, ..habit };
        assert_eq!(daily.reminder(date("2026-03-01")), None, "made today");
        assert!(daily.reminder(date("2026-03-02")).unwrap().contains("hace 1 día."));
        assert_eq!(habit.reminder(date("2026-02-20")), None, "a backup dated after today");
    }

    #[test]
    fn the_setting_is_seven_days_unless_stored_otherwise() {
        let read: BackupHabit = serde_json::from_str("{}").unwrap();
        assert_eq!(read, BackupHabit::default());
        assert_eq!(read.remind_after_days, 7);
        let kept: BackupHabit = serde_json::from_str(&serde_json::to_string(&BackupHabit {
            last_backup: Some(date("2026-03-01")),
            remind_after_days: 30,
        })
        .unwrap())
        .unwrap();
        assert_eq!(kept, BackupHabit { last_backup: Some(date("2026-03-01")), remind_after_days: 30 });
    }

    #[test]
    fn the_days_typed_are_a_whole_number_from_one_to_a_year() {
        assert_eq!(parse_remind_after_days(" 14 "), Ok(14));
        assert_eq!(parse_remind_after_days("365"), Ok(365));
        for wrong in ["0", "366", "2.5", "siete", ""] {
            assert!(parse_remind_after_days(wrong).is_err(), "{wrong}");
        }
        assert_eq!(parse_remind_after_days("0").unwrap_err().to_string(), "«0» no es un número de días entre 1 y 365.");
    }

    #[test]
    fn the_browsers_answer_is_told_plainly() {
        assert_eq!(persistence_notice(true), "El navegador conservará sus datos aunque le falte espacio.");
        assert!(persistence_notice(false).ends_with("descargue copias de respaldo."));
    }
}
