//! Dates, días hábiles and Peru's national holidays.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Month names as Peruvian documents write them ("setiembre").
pub const MONTH_NAMES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

fn is_leap_year(year: u16) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Why a text or a (year, month, day) is not a date; the message says it in Spanish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// The text is not written as `aaaa-mm-dd`.
    Format(String),
    YearOutOfRange(u16),
    MonthOutOfRange(u8),
    DayOutOfRange {
        year: u16,
        month: u8,
        day: u8,
    },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format(text) => {
                write!(f, "«{text}» no es una fecha con el formato aaaa-mm-dd (por ejemplo, 2024-03-28)")
            }
            DateError::YearOutOfRange(year) => write!(f, "el año {year} está fuera del rango admitido (1 a 9999)"),
            DateError::MonthOutOfRange(month) => write!(f, "el mes {month} no existe: debe estar entre 1 y 12"),
            DateError::DayOutOfRange { year, month, day } => write!(
                f,
                "el día {day} no existe: {} de {year} tiene {} días",
                MONTH_NAMES[usize::from(month - 1)],
                days_in_month(*year, *month)
            ),
        }
    }
}

/// Day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// Spanish name as prose writes it ("lunes").
    pub fn label(self) -> &'static str {
        match self {
            Weekday::Monday => "lunes",
            Weekday::Tuesday => "martes",
            Weekday::Wednesday => "miércoles",
            Weekday::Thursday => "jueves",
            Weekday::Friday => "viernes",
            Weekday::Saturday => "sábado",
            Weekday::Sunday => "domingo",
        }
    }

    /// Saturday or Sunday.
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Saturday | Weekday::Sunday)
    }
}

/// A calendar day (proleptic Gregorian, years 1–9999), stored and exchanged as ISO `yyyy-mm-dd`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Chronological order, compared as one integer: deadlines and histories are sorted and searched often.
impl Ord for Date {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.packed().cmp(&other.packed())
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Date {
    /// 0001-01-01, the earliest date `add_days` reaches.
    pub const MIN: Date = Date { year: 1, month: 1, day: 1 };
    /// 9999-12-31, the latest date `add_days` reaches.
    pub const MAX: Date = Date { year: 9999, month: 12, day: 31 };

    /// The date, if it exists in the calendar (29 February only in leap years).
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, DateError> {
        if !(1..=9999).contains(&year) {
            return Err(DateError::YearOutOfRange(year));
        }
        if !(1..=12).contains(&month) {
            return Err(DateError::MonthOutOfRange(month));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::DayOutOfRange { year, month, day });
        }
        Ok(Self { year, month, day })
    }

    /// Reads `yyyy-mm-dd` (surrounding spaces ignored).
    pub fn parse_iso(text: &str) -> Result<Self, DateError> {
        let trimmed = text.trim();
        let format_error = || DateError::Format(trimmed.to_string());
        let bytes = trimmed.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(format_error());
        }
        let year = trimmed[0..4].parse().map_err(|_| format_error())?;
        let month = trimmed[5..7].parse().map_err(|_| format_error())?;
        let day = trimmed[8..10].parse().map_err(|_| format_error())?;
        Self::new(year, month, day)
    }

    fn packed(self) -> u32 {
        u32::from(self.year) << 16 | u32::from(self.month) << 8 | u32::from(self.day)
    }

    pub fn year(self) -> u16 {
        self.year
    }

    /// 1 (enero) to 12 (diciembre).
    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's days-from-civil.
    fn day_number(self) -> i64 {
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The inverse of `day_number`, saturating at `MIN` and `MAX`.
    fn from_day_number(number: i64) -> Self {
        let number = number.clamp(Self::MIN.day_number(), Self::MAX.day_number()) + 719_468;
        let era = number.div_euclid(146_097);
        let day_of_era = number - era * 146_097;
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        // The clamp keeps every component in range, so the narrowing casts cannot truncate.
        Self { year: year as u16, month: month as u8, day: day as u8 }
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        match (self.day_number() + 3).rem_euclid(7) {
            0 => Weekday::Monday,
            1 => Weekday::Tuesday,
            2 => Weekday::Wednesday,
            3 => Weekday::Thursday,
            4 => Weekday::Friday,
            5 => Weekday::Saturday,
            _ => Weekday::Sunday,
        }
    }

    /// The date `days` calendar days later (earlier when negative), saturating at `MIN` and `MAX`.
    pub fn add_days(self, days: i64) -> Self {
        Self::from_day_number(self.day_number().saturating_add(days))
    }

    /// As Peruvian documents write it: `28/03/2024`.
    pub fn dmy(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

/// ISO `yyyy-mm-dd`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse_iso(text)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse_iso(&text).map_err(serde::de::Error::custom)
    }
}

/// Calendar days from `from` to `to`: positive when `to` is later, negative when earlier.
pub fn days_between(from: Date, to: Date) -> i64 {
    to.day_number() - from.day_number()
}

/// Whether the day numbered `day` falls Monday to Friday (day 0, 1970-01-01, was a Thursday).
fn is_weekday_number(day: i64) -> bool {
    (day + 3).rem_euclid(7) < 5
}

/// Weekdays (Monday–Friday) among the days numbered below `n`, counted from an origin that is a
/// Monday; valid for negative `n` too, so differences count weekdays in any range.
fn weekdays_before(n: i64) -> i64 {
    5 * n.div_euclid(7) + n.rem_euclid(7).min(5)
}

/// A public holiday: one date, one name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    pub date: Date,
    pub name: String,
}

impl Holiday {
    fn on(year: u16, month: u8, day: u8, name: &str) -> Option<Self> {
        Date::new(year, month, day).ok().map(|date| Self { date, name: name.to_string() })
    }
}

/// Easter Sunday of a year 1–9999 (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
fn easter_sunday(year: u16) -> Date {
    let y = i64::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (b - (b + 8) / 25 + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let l = (32 + 2 * e + 2 * (c / 4) - h - c % 4) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date { year, month: month as u8, day: day as u8 }
}

/// Peru's national holidays (feriados nacionales) of one year, by the rules in force: the fixed
/// dates, Jueves and Viernes Santo from Easter, and the four holidays added in 2022.
/// Días no laborables decreed for the public sector are not included: users add them to the calendar.
pub fn peru_national_holidays(year: u16) -> Vec<Holiday> {
    if Date::new(year, 1, 1).is_err() {
        return Vec::new();
    }
    let easter = easter_sunday(year);
    let holy_week = [(easter.add_days(-3), "Jueves Santo"), (easter.add_days(-2), "Viernes Santo")];
    // (month, day, name, first year it is a national holiday)
    let fixed: [(u8, u8, &str, u16); 14] = [
        (1, 1, "Año Nuevo", 1),
        (5, 1, "Día del Trabajo", 1),
        (6, 7, "Batalla de Arica y Día de la Bandera", 2022),
        (6, 29, "San Pedro y San Pablo", 1),
        (7, 23, "Día de la Fuerza Aérea del Perú", 2022),
        (7, 28, "Fiestas Patrias", 1),
        (7, 29, "Fiestas Patrias", 1),
        (8, 6, "Batalla de Junín", 2022),
        (8, 30, "Santa Rosa de Lima", 1),
        (10, 8, "Combate de Angamos", 1),
        (11, 1, "Día de Todos los Santos", 1),
        (12, 8, "Inmaculada Concepción", 1),
        (12, 9, "Batalla de Ayacucho", 2022),
        (12, 25, "Navidad", 1),
    ];
    let mut holidays: Vec<Holiday> = fixed
        .iter()
        .filter(|(.., since)| year >= *since)
        .filter_map(|&(month, day, name, _)| Holiday::on(year, month, day, name))
        .chain(holy_week.iter().map(|&(date, name)| Holiday { date, name: name.to_string() }))
        .collect();
    holidays.sort_by_key(|h| h.date);
    holidays
}

/// The holidays that are not días hábiles: an editable list, kept sorted by date with one name
/// per date, so lookups are binary searches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<Holiday>", into = "Vec<Holiday>")]
pub struct HolidayCalendar {
    holidays: Vec<Holiday>,
    /// Day numbers of the holidays falling Monday to Friday, rebuilt after every change: counting
    /// días hábiles over years is then two binary searches.
    weekday_holidays: Vec<i64>,
}

impl From<Vec<Holiday>> for HolidayCalendar {
    fn from(holidays: Vec<Holiday>) -> Self {
        Self::new(holidays)
    }
}

impl From<HolidayCalendar> for Vec<Holiday> {
    fn from(calendar: HolidayCalendar) -> Self {
        calendar.holidays
    }
}

impl HolidayCalendar {
    /// A calendar with these holidays; when two share a date, the later one in the list stays.
    pub fn new(holidays: impl IntoIterator<Item = Holiday>) -> Self {
        let mut sorted: Vec<Holiday> = Vec::new();
        for holiday in holidays {
            match sorted.binary_search_by_key(&holiday.date, |h| h.date) {
                Ok(i) => sorted[i] = holiday,
                Err(i) => sorted.insert(i, holiday),
            }
        }
        let mut calendar = Self { holidays: sorted, weekday_holidays: Vec::new() };
        calendar.reindex();
        calendar
    }

    /// Peru's national holidays of 2023 to 2027.
    pub fn peru_default() -> Self {
        Self::new((2023..=2027).flat_map(peru_national_holidays))
    }

    /// All holidays, by date.
    pub fn holidays(&self) -> &[Holiday] {
        &self.holidays
    }

    /// The holidays of one year, by date.
    pub fn in_year(&self, year: u16) -> &[Holiday] {
        let start = self.holidays.partition_point(|h| h.date.year < year);
        let end = self.holidays.partition_point(|h| h.date.year <= year);
        &self.holidays[start..end]
    }

    /// Whether the calendar lists any holiday in that year; counts of días hábiles in a year it does
    /// not cover only skip weekends.
    pub fn covers(&self, year: u16) -> bool {
        !self.in_year(year).is_empty()
    }

    fn reindex(&mut self) {
        self.weekday_holidays =
            self.holidays.iter().map(|h| h.date.day_number()).filter(|&day| is_weekday_number(day)).collect();
    }

    /// Adds a holiday, or renames the one already on that date.
    pub fn add(&mut self, holiday: Holiday) {
        match self.holidays.binary_search_by_key(&holiday.date, |h| h.date) {
            Ok(i) => self.holidays[i] = holiday,
            Err(i) => self.holidays.insert(i, holiday),
        }
        self.reindex();
    }

    /// Removes the holiday on that date, if any.
    pub fn remove(&mut self, date: Date) -> Option<Holiday> {
        let i = self.holidays.binary_search_by_key(&date, |h| h.date).ok()?;
        let removed = self.holidays.remove(i);
        self.reindex();
        Some(removed)
    }

    /// The holiday on that date, if any.
    pub fn holiday_on(&self, date: Date) -> Option<&Holiday> {
        let i = self.holidays.binary_search_by_key(&date, |h| h.date).ok()?;
        Some(&self.holidays[i])
    }

    fn is_working_day_number(&self, day: i64) -> bool {
        is_weekday_number(day) && self.weekday_holidays.binary_search(&day).is_err()
    }

    /// Monday to Friday and not a holiday.
    pub fn is_working_day(&self, date: Date) -> bool {
        self.is_working_day_number(date.day_number())
    }

    /// The date itself if it is a día hábil, else the next one: where a deadline that falls on a
    /// weekend or holiday moves.
    pub fn working_day_on_or_after(&self, date: Date) -> Date {
        let last = Date::MAX.day_number();
        let mut day = date.day_number();
        while day < last && !self.is_working_day_number(day) {
            day += 1;
        }
        Date::from_day_number(day)
    }

    /// Holidays falling Monday to Friday among the days numbered `from + 1` to `to`.
    fn weekday_holidays_after_until(&self, from: i64, to: i64) -> i64 {
        let start = self.weekday_holidays.partition_point(|&day| day <= from);
        let end = self.weekday_holidays.partition_point(|&day| day <= to);
        (end - start) as i64
    }
}

/// Días hábiles after `from` up to and including `to` (Monday–Friday minus the calendar's holidays):
/// from a Friday to the next Monday is 1. When `to` is earlier than `from` the count is negative
/// (`-working_days_between(to, from)`), so counts over consecutive spans add up.
pub fn working_days_between(from: Date, to: Date, calendar: &HolidayCalendar) -> i64 {
    if to < from {
        return -working_days_between(to, from, calendar);
    }
    // Day number 0 is a Thursday, so adding 3 puts Mondays on multiples of 7 as `weekdays_before`
    // expects; the days counted are from + 1 to to, hence the bounds from + 1 + 3 and to + 1 + 3.
    let (from, to) = (from.day_number(), to.day_number());
    weekdays_before(to + 4) - weekdays_before(from + 4) - calendar.weekday_holidays_after_until(from, to)
}

/// The `n`th weekday (Monday–Friday) after the day numbered `day`, for `n` ≥ 1, without stepping.
fn nth_weekday_after(day: i64, n: i64) -> i64 {
    // Mondays are the day numbers with (day + 3) a multiple of 7; a weekend day counts as its Friday.
    let weekday = (day + 3).rem_euclid(7);
    let monday = day - weekday;
    let total = weekday.min(4) + n;
    monday + total / 5 * 7 + total % 5
}

/// The `n`th día hábil after `date`: with 1, the next working day. A result never falls on a weekend
/// or holiday; with 0 it is `date` itself when that is a working day, else the next one.
pub fn add_working_days(date: Date, n: u32, calendar: &HolidayCalendar) -> Date {
    let last = Date::MAX.day_number();
    let mut end = date.day_number();
    let mut left = i64::from(n);
    // Jump over `left` weekdays; the holidays among them are the días hábiles still missing.
    while left > 0 && end < last {
        let next = nth_weekday_after(end, left).min(last);
        left = calendar.weekday_holidays_after_until(end, next);
        end = next;
    }
    calendar.working_day_on_or_after(Date::from_day_number(end))
}
