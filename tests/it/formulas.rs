//! The formulas of docs/FORMULAS.md on data built for each rule.

use std::str::FromStr;

use ficha::domain::ficha::{cuadro1, cuadro2, tabla3, TableOptions};
use ficha::domain::language::{average, money, percent};
use ficha::domain::plan::{Aei, CostCenter, Indicator, Investment, Month, MonthlyValues, OperativeActivity, Period, PoiVersion};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// An AO of AEI.01.01 with its annual physical programming and execution in December and S/ 1,000 spent.
fn ao(code: &str, cc: &str, programmed: &str, executed: &str) -> OperativeActivity {
    let mut ao = OperativeActivity::new(code, code, "INFORME", "AEI.01.01", cc);
    ao.physical.set_programmed(Month::new(12).unwrap(), d(programmed));
    ao.physical.set_executed(Month::new(12).unwrap(), d(executed));
    ao.financial.set_programmed(Month::new(12).unwrap(), d("1000"));
    ao.financial.set_executed(Month::new(12).unwrap(), d("1000"));
    ao
}

fn version(activities: Vec<OperativeActivity>) -> PoiVersion {
    PoiVersion { activities, ..PoiVersion::default() }
}

fn aei() -> Aei {
    Aei { code: "AEI.01.01".into(), name: "AEI de prueba".into(), oei_code: String::new(), indicator: Indicator::default() }
}

fn centers() -> Vec<CostCenter> {
    vec![CostCenter { code: "01".into(), name: "UNO".into() }, CostCenter { code: "02".into(), name: "DOS".into() }]
}

#[test]
fn aei_average_is_over_all_counted_ao_not_the_mean_of_cc_averages() {
    // CC 01: 100 and 50 → 75; CC 02: 20 → 20. Mean of CC rows 47.50; AEI over AO (100+50+20)/3 = 56.67.
    let v = version(vec![ao("A", "01", "10", "10"), ao("B", "01", "10", "5"), ao("C", "02", "10", "2")]);
    let table = cuadro1(&v, &aei(), &centers(), Period::Annual, TableOptions::default());
    assert_eq!(average(table.cost_centers[0].average_adjusted_physical_execution), "75.00");
    assert_eq!(average(table.cost_centers[1].average_adjusted_physical_execution), "20.00");
    assert_eq!(average(table.aei.average_adjusted_physical_execution), "56.67");
    assert_eq!(table.aei.activity_count, 3);
    assert_eq!(table.aei.fully_executed_count, 1);
    assert_eq!(money(table.aei.financial_execution), "3,000.00");
}

#[test]
fn ao_with_zero_programming_is_listed_but_not_counted() {
    let v = version(vec![ao("A", "01", "4", "4"), ao("Z", "01", "0", "3")]);
    let table = cuadro1(&v, &aei(), &centers(), Period::Annual, TableOptions::default());
    assert_eq!(table.aei.activity_count, 1);
    assert_eq!(money(table.aei.financial_execution), "1,000.00", "the uncounted AO's soles stay out of 3/");
    let listed = tabla3(&v, "AEI.01.01", Period::Annual);
    assert_eq!(listed.rows.len(), 2);
    assert_eq!(percent(listed.rows[1].physical_execution()), "–");
    assert_eq!(cuadro2(&v, "AEI.01.01", Period::Annual).len(), 2);
}

#[test]
fn unapproved_ao_is_not_counted() {
    let mut pending = ao("P", "01", "10", "1");
    pending.follow_up_approved = false;
    let v = version(vec![ao("A", "01", "10", "10"), pending]);
    let table = cuadro1(&v, &aei(), &centers(), Period::Annual, TableOptions::default());
    assert_eq!(table.aei.activity_count, 1);
    assert_eq!(average(table.aei.average_adjusted_physical_execution), "100.00");
}

#[test]
fn over_executed_ao_counts_as_fully_executed_and_enters_the_average_as_100() {
    let v = version(vec![ao("A", "01", "2", "5"), ao("B", "01", "10", "5")]);
    let table = cuadro1(&v, &aei(), &centers(), Period::Annual, TableOptions::default());
    assert_eq!(table.aei.fully_executed_count, 1);
    assert_eq!(average(table.aei.average_adjusted_physical_execution), "75.00", "(100 + 50) / 2, not (250 + 50) / 2");
    assert_eq!(percent(cuadro2(&v, "AEI.01.01", Period::Annual)[0].physical_execution()), "250.0%");
}

#[test]
fn first_half_uses_months_one_to_six_only() {
    let mut a = OperativeActivity::new("A", "A", "INFORME", "AEI.01.01", "01");
    a.physical = MonthlyValues { programmed: [d("1"); 12], executed: [d("1"); 12] };
    a.physical.set_executed(Month::new(7).unwrap(), d("0"));
    a.financial.set_executed(Month::new(6).unwrap(), d("600"));
    a.financial.set_executed(Month::new(7).unwrap(), d("700"));
    let v = version(vec![a]);
    let half = cuadro2(&v, "AEI.01.01", Period::FirstHalf);
    assert_eq!(half[0].physical_programmed, d("6"));
    assert_eq!(half[0].physical_executed, d("6"));
    assert_eq!(half[0].financial_executed, d("600"));
    let annual = cuadro2(&v, "AEI.01.01", Period::Annual);
    assert_eq!(annual[0].physical_executed, d("11"));
    assert_eq!(annual[0].financial_executed, d("1300"));
}

#[test]
fn cc_without_counted_ao_shows_dash_average() {
    let v = version(vec![ao("A", "01", "4", "4"), ao("Z", "02", "0", "0")]);
    let table = cuadro1(&v, &aei(), &centers(), Period::Annual, TableOptions::default());
    assert_eq!(table.cost_centers.len(), 2);
    assert_eq!(table.cost_centers[1].activity_count, 0);
    assert_eq!(average(table.cost_centers[1].average_adjusted_physical_execution), "–");
}

#[test]
fn investments_enter_cuadro1_only_when_the_setting_says_so() {
    let mut v = version(vec![ao("A", "01", "10", "10")]);
    let mut physical = MonthlyValues::default();
    physical.set_programmed(Month::new(3).unwrap(), d("1"));
    v.investments.push(Investment {
        cui: "2345678".into(),
        name: "Inversión".into(),
        unit: "PROYECTO".into(),
        aei_code: "AEI.01.01".into(),
        cost_center_code: "01".into(),
        follow_up_approved: true,
        physical,
        financial: MonthlyValues::default(),
    });
    let without = cuadro1(&v, &aei(), &centers(), Period::Annual, TableOptions::default());
    assert_eq!(without.aei.activity_count, 1);
    let with = cuadro1(&v, &aei(), &centers(), Period::Annual, TableOptions { include_investments: true });
    assert_eq!(with.aei.activity_count, 2);
    assert_eq!(average(with.aei.average_adjusted_physical_execution), "50.00");
}
