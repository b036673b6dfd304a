//! Dates, días hábiles and Peru's national holidays, with exact calendar figures.

use ficha::domain::calendar::{
    add_working_days, days_between, peru_national_holidays, working_days_between, Date, DateError, Holiday,
    HolidayCalendar, Weekday,
};
use proptest::prelude::*;

fn d(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

fn peru() -> HolidayCalendar {
    HolidayCalendar::peru_default()
}

#[test]
fn iso_text_round_trips_and_serialises_as_a_string() {
    let date = d("2024-03-28");
    assert_eq!((date.year(), date.month(), date.day()), (2024, 3, 28));
    assert_eq!(date.to_string(), "2024-03-28");
    assert_eq!(date.dmy(), "28/03/2024");
    assert_eq!(serde_json::to_string(&date).unwrap(), "\"2024-03-28\"");
    assert_eq!(serde_json::from_str::<Date>("\"2024-03-28\"").unwrap(), date);
    assert_eq!(" 2024-03-28 ".parse::<Date>(), Ok(date));
}

#[test]
fn malformed_or_impossible_dates_are_refused_in_spanish() {
    let message = |text: &str| Date::parse_iso(text).unwrap_err().to_string();
    assert_eq!(
        message("28/03/2024"),
        "«28/03/2024» no es una fecha con el formato aaaa-mm-dd (por ejemplo, 2024-03-28)"
    );
    assert_eq!(message("2024-3-28"), "«2024-3-28» no es una fecha con el formato aaaa-mm-dd (por ejemplo, 2024-03-28)");
    assert_eq!(message("2023-02-29"), "el día 29 no existe: febrero de 2023 tiene 28 días");
    assert_eq!(message("2024-09-31"), "el día 31 no existe: setiembre de 2024 tiene 30 días");
    assert_eq!(message("2024-13-01"), "el mes 13 no existe: debe estar entre 1 y 12");
    assert_eq!(message("0000-01-01"), "el año 0 está fuera del rango admitido (1 a 9999)");
    assert_eq!(Date::new(2024, 4, 0), Err(DateError::DayOutOfRange { year: 2024, month: 4, day: 0 }));
    let from_json = serde_json::from_str::<Date>("\"2023-02-29\"").unwrap_err().to_string();
    assert!(from_json.contains("febrero de 2023 tiene 28 días"), "{from_json}");
}

#[test]
fn leap_years_follow_the_gregorian_rule() {
    assert!(Date::new(2024, 2, 29).is_ok());
    assert!(Date::new(2000, 2, 29).is_ok());
    assert!(Date::new(2023, 2, 29).is_err());
    assert!(Date::new(1900, 2, 29).is_err());
    assert!(Date::new(2100, 2, 29).is_err());
}

#[test]
fn weekday_of_known_dates() {
    assert_eq!(d("1970-01-01").weekday(), Weekday::Thursday);
    assert_eq!(d("2000-01-01").weekday(), Weekday::Saturday);
    assert_eq!(d("2024-03-28").weekday(), Weekday::Thursday);
    assert_eq!(d("2023-07-28").weekday(), Weekday::Friday);
    assert_eq!(d("2024-12-08").weekday(), Weekday::Sunday);
    assert_eq!(d("2024-12-08").weekday().label(), "domingo");
    assert!(Weekday::Saturday.is_weekend() && !Weekday::Friday.is_weekend());
}

#[test]
fn adding_days_crosses_months_years_and_leap_days() {
    assert_eq!(d("2024-02-28").add_days(1), d("2024-02-29"));
    assert_eq!(d("2024-02-28").add_days(2), d("2024-03-01"));
    assert_eq!(d("2023-02-28").add_days(1), d("2023-03-01"));
    assert_eq!(d("2023-12-31").add_days(1), d("2024-01-01"));
    assert_eq!(d("2024-03-01").add_days(-1), d("2024-02-29"));
    assert_eq!(d("9999-12-30").add_days(5), Date::MAX);
    assert_eq!(d("0001-01-02").add_days(-5), Date::MIN);
}

#[test]
fn days_between_is_signed() {
    assert_eq!(days_between(d("2024-01-01"), d("2025-01-01")), 366);
    assert_eq!(days_between(d("2023-01-01"), d("2024-01-01")), 365);
    assert_eq!(days_between(d("2025-01-01"), d("2024-01-01")), -366);
    assert_eq!(days_between(d("2024-03-28"), d("2024-03-28")), 0);
}

#[test]
fn dates_order_chronologically() {
    let mut dates = vec![d("2024-03-01"), d("2023-12-31"), d("2024-02-29"), d("2024-01-15")];
    dates.sort();
    assert_eq!(dates, vec![d("2023-12-31"), d("2024-01-15"), d("2024-02-29"), d("2024-03-01")]);
    assert!(d("2024-10-01") > d("2024-09-30"));
}

#[test]
fn holy_thursday_and_good_friday_of_2024_are_28_and_29_march() {
    let holidays = peru_national_holidays(2024);
    let named = |name: &str| holidays.iter().find(|h| h.name == name).map(|h| h.date);
    assert_eq!(named("Jueves Santo"), Some(d("2024-03-28")));
    assert_eq!(named("Viernes Santo"), Some(d("2024-03-29")));
    let cal = peru();
    assert!(!cal.is_working_day(d("2024-03-28")));
    assert!(!cal.is_working_day(d("2024-03-29")));
    assert!(cal.is_working_day(d("2024-03-27")));
}

#[test]
fn holy_week_moves_with_easter_every_year() {
    let cal = peru();
    for (thursday, friday) in [
        ("2023-04-06", "2023-04-07"),
        ("2025-04-17", "2025-04-18"),
        ("2026-04-02", "2026-04-03"),
        ("2027-03-25", "2027-03-26"),
    ] {
        assert_eq!(cal.holiday_on(d(thursday)).map(|h| h.name.as_str()), Some("Jueves Santo"));
        assert_eq!(cal.holiday_on(d(friday)).map(|h| h.name.as_str()), Some("Viernes Santo"));
    }
}

#[test]
fn default_calendar_has_sixteen_national_holidays_in_each_year_2023_to_2027() {
    let cal = peru();
    for year in 2023..=2027 {
        assert_eq!(cal.in_year(year).len(), 16, "{year}");
    }
    assert_eq!(cal.holidays().len(), 80);
    assert!(!cal.covers(2022) && !cal.covers(2028));
    let dates_2023: Vec<String> = cal.in_year(2023).iter().map(|h| h.date.to_string()[5..].to_string()).collect();
    assert_eq!(
        dates_2023,
        [
            "01-01", "04-06", "04-07", "05-01", "06-07", "06-29", "07-23", "07-28", "07-29", "08-06", "08-30", "10-08",
            "11-01", "12-08", "12-09", "12-25"
        ]
    );
}

#[test]
fn holidays_added_in_2022_are_absent_before() {
    let before: Vec<String> = peru_national_holidays(2021).iter().map(|h| h.name.clone()).collect();
    assert_eq!(before.len(), 12);
    for name in ["Batalla de Arica y Día de la Bandera", "Día de la Fuerza Aérea del Perú", "Batalla de Junín"] {
        assert!(!before.iter().any(|n| n == name), "{name}");
    }
    assert_eq!(peru_national_holidays(2022).len(), 16);
}

#[test]
fn working_days_skip_weekends() {
    let cal = peru();
    // Friday 1 March 2024 to Monday 4 March: only the Monday.
    assert_eq!(working_days_between(d("2024-03-01"), d("2024-03-04"), &cal), 1);
    assert_eq!(working_days_between(d("2024-03-01"), d("2024-03-03"), &cal), 0);
    assert_eq!(working_days_between(d("2024-03-04"), d("2024-03-11"), &cal), 5);
    assert_eq!(working_days_between(d("2024-03-04"), d("2024-03-04"), &cal), 0);
    assert_eq!(working_days_between(d("2024-03-11"), d("2024-03-04"), &cal), -5);
}

#[test]
fn working_days_skip_holidays_and_count_a_weekend_holiday_once() {
    let cal = peru();
    // Holy week 2024: Tue 26, Wed 27 and Mon 1 April; Thursday and Friday are holidays.
    assert_eq!(working_days_between(d("2024-03-25"), d("2024-04-01"), &cal), 3);
    // July 2024: 23 (Tue) and 29 (Mon) are holidays; 28 falls on a Sunday.
    assert_eq!(working_days_between(d("2024-07-19"), d("2024-07-31"), &cal), 6);
    // A whole year: 2024 has 262 weekdays; 13 of its 16 holidays fall on one (29 Jun is a Saturday,
    // 28 Jul and 8 Dec are Sundays).
    assert_eq!(working_days_between(d("2023-12-31"), d("2024-12-31"), &cal), 262 - 13);
}

#[test]
fn a_deadline_landing_on_a_holiday_moves_to_the_next_working_day() {
    let cal = peru();
    // Thursday 25 July 2024 + 2 días hábiles: Friday 26, then Monday 29 is a holiday, so Tuesday 30.
    assert_eq!(add_working_days(d("2024-07-25"), 2, &cal), d("2024-07-30"));
    // Sunday 8 December 2024 is a holiday and Monday 9 too.
    assert_eq!(cal.working_day_on_or_after(d("2024-12-08")), d("2024-12-10"));
    assert_eq!(cal.working_day_on_or_after(d("2024-12-10")), d("2024-12-10"));
    assert_eq!(add_working_days(d("2024-12-08"), 0, &cal), d("2024-12-10"));
    assert_eq!(add_working_days(d("2024-12-06"), 1, &cal), d("2024-12-10"));
}

#[test]
fn twenty_working_days_after_a_reception_in_holy_week() {
    let cal = peru();
    let due = add_working_days(d("2024-03-20"), 20, &cal);
    assert_eq!(due, d("2024-04-19"));
    assert_eq!(working_days_between(d("2024-03-20"), due, &cal), 20);
}

#[test]
fn the_calendar_is_editable_and_stays_sorted() {
    let mut cal = peru();
    let bridge = Holiday { date: d("2024-06-28"), name: "Día no laborable (sector público)".into() };
    cal.add(bridge.clone());
    assert_eq!(cal.in_year(2024).len(), 17);
    assert!(!cal.is_working_day(d("2024-06-28")));
    assert_eq!(working_days_between(d("2024-06-27"), d("2024-07-01"), &cal), 1);
    cal.add(Holiday { date: d("2024-06-28"), name: "Día no laborable".into() });
    assert_eq!(cal.holiday_on(d("2024-06-28")).unwrap().name, "Día no laborable");
    assert_eq!(cal.in_year(2024).len(), 17);
    assert!(cal.holidays().windows(2).all(|w| w[0].date < w[1].date));
    cal.add(Holiday { date: d("2028-01-01"), name: "Año Nuevo".into() });
    assert!(cal.covers(2028));
    assert_eq!(cal.remove(d("2024-06-28")).map(|h| h.date), Some(bridge.date));
    assert_eq!(cal.remove(d("2024-06-28")), None);
}

#[test]
fn calendar_serialises_as_a_list_and_reads_back_sorted() {
    let json = r#"[{"date":"2024-12-25","name":"Navidad"},{"date":"2024-01-01","name":"Año Nuevo"}]"#;
    let cal: HolidayCalendar = serde_json::from_str(json).unwrap();
    assert_eq!(cal.holidays()[0].date, d("2024-01-01"));
    let back: HolidayCalendar = serde_json::from_str(&serde_json::to_string(&cal).unwrap()).unwrap();
    assert_eq!(back, cal);
    assert_eq!(serde_json::from_str::<HolidayCalendar>(&serde_json::to_string(&peru()).unwrap()).unwrap(), peru());
}

fn any_date() -> impl Strategy<Value = Date> {
    // 2020-01-01 to about 2030, covering the default calendar and years it does not cover.
    (0i64..4000).prop_map(|offset| Date::new(2020, 1, 1).unwrap().add_days(offset))
}

proptest! {
    #[test]
    fn iso_text_reads_back_the_same_date(date in any_date()) {
        prop_assert_eq!(Date::parse_iso(&date.to_string()), Ok(date));
    }

    #[test]
    fn the_next_day_is_the_next_in_the_calendar(date in any_date()) {
        let (y, m, day) = (date.year(), date.month(), date.day());
        let expected = Date::new(y, m, day + 1)
            .or_else(|_| Date::new(y, m + 1, 1))
            .or_else(|_| Date::new(y + 1, 1, 1))
            .unwrap();
        prop_assert_eq!(date.add_days(1), expected);
    }

    #[test]
    fn adding_the_days_between_two_dates_reaches_the_second(a in any_date(), b in any_date()) {
        prop_assert_eq!(a.add_days(days_between(a, b)), b);
        prop_assert_eq!(days_between(a, b) > 0, a < b);
    }

    #[test]
    fn working_days_over_consecutive_spans_add_up(a in any_date(), b in any_date(), c in any_date()) {
        let cal = peru();
        prop_assert_eq!(
            working_days_between(a, b, &cal) + working_days_between(b, c, &cal),
            working_days_between(a, c, &cal)
        );
    }

    #[test]
    fn working_days_match_a_day_by_day_count(a in any_date(), span in 0i64..60) {
        let cal = peru();
        let b = a.add_days(span);
        let counted = (1..=span).filter(|&i| cal.is_working_day(a.add_days(i))).count() as i64;
        prop_assert_eq!(working_days_between(a, b, &cal), counted);
    }

    #[test]
    fn the_nth_working_day_after_is_n_working_days_away(a in any_date(), n in 1u32..60) {
        let cal = peru();
        let due = add_working_days(a, n, &cal);
        prop_assert!(cal.is_working_day(due));
        prop_assert_eq!(working_days_between(a, due, &cal), i64::from(n));
    }
}
