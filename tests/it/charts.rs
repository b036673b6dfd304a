//! The monthly cumulative series behind the charts, and their axes.

use std::str::FromStr;

use ficha::domain::ficha::{progress_chart, Axis, TableOptions};
use ficha::domain::example::{reference_workspace, INTEGRITY_AO, REFERENCE_VIEW};
use ficha::domain::plan::{AnnualFinancial, OperativeActivity, Period, PoiVersion};
use ficha::domain::{Selection, Workspace};
use rust_decimal::Decimal;

const AEI: &str = "AEI.08.05";

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn version_with(activities: Vec<OperativeActivity>) -> PoiVersion {
    let mut version = reference_workspace().evaluated_version(REFERENCE_VIEW).unwrap().clone();
    version.activities = activities;
    version
}

fn activity(code: &str, programmed: [u32; 12], executed: [u32; 12]) -> OperativeActivity {
    let mut ao = OperativeActivity::new(code, "AO", "INFORME", AEI, "07");
    ao.physical.programmed = programmed.map(Decimal::from);
    ao.physical.executed = executed.map(Decimal::from);
    ao
}

/// An AO with monthly financial detail: S/ 1,000.00 programmed and 800.00 executed every month.
fn monthly_ao() -> OperativeActivity {
    let mut ao = activity("M", [1; 12], [1; 12]);
    ao.financial.programmed = [Decimal::from(1_000); 12];
    ao.financial.executed = [Decimal::from(800); 12];
    ao
}

/// An AO imported with annual financial totals only (S/ 12,000.00 programmed, 9,000.00 executed),
/// its monthly financial values left at zero.
fn annual_only_ao() -> OperativeActivity {
    let mut ao = activity("A", [1; 12], [1; 12]);
    ao.financial_annual = Some(AnnualFinancial { programmed: d("12000"), executed: d("9000") });
    ao
}

/// The reference workspace with the AEI's AO replaced.
fn workspace_with(activities: Vec<OperativeActivity>) -> Workspace {
    let mut ws = reference_workspace();
    ws.year_mut(2023).unwrap().poi.editable_version_mut(3).unwrap().activities = activities;
    ws
}

#[test]
fn reference_series_reach_cuadro1_at_december() {
    let ws = reference_workspace();
    let chart = ws.progress_chart(REFERENCE_VIEW, AEI).unwrap();
    let cuadro1 = ws.cuadro1(REFERENCE_VIEW, AEI).unwrap().aei;
    assert_eq!(chart.counted_activities, 1);
    assert_eq!(chart.points.len(), 12);
    let december = chart.points.last().unwrap();
    assert_eq!(december.physical_executed, cuadro1.average_adjusted_physical_execution);
    assert_eq!(december.financial_executed, cuadro1.financial_execution);
    assert_eq!(december.financial_executed, d("21000"));
    assert_eq!(december.physical_programmed, Some(d("100")));
}

#[test]
fn reference_financial_series_grows_by_3500_from_july() {
    let chart = reference_workspace().progress_chart(REFERENCE_VIEW, AEI).unwrap();
    let executed: Vec<Decimal> = chart.points.iter().map(|p| p.financial_executed).collect();
    let expected = [0, 0, 0, 0, 0, 0, 3_500, 7_000, 10_500, 14_000, 17_500, 21_000].map(Decimal::from);
    assert_eq!(executed, expected);
    assert_eq!(chart.points.iter().map(|p| p.financial_programmed).collect::<Vec<_>>(), expected);
}

#[test]
fn reference_physical_series_is_zero_until_the_december_report() {
    let chart = reference_workspace().progress_chart(REFERENCE_VIEW, AEI).unwrap();
    for point in &chart.points[..11] {
        assert_eq!(point.physical_programmed, Some(Decimal::ZERO), "{:?}", point.month);
        assert_eq!(point.physical_executed, Some(Decimal::ZERO), "{:?}", point.month);
    }
}

#[test]
fn physical_share_is_cumulative_and_averaged_over_the_counted_ao() {
    let quarterly = [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1];
    let version = version_with(vec![
        activity("A", quarterly, [0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]),
        activity("B", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]),
    ]);
    let chart = progress_chart(&version, AEI, Period::Annual, TableOptions::default());
    let march = &chart.points[2];
    // A: 1 of 4 programmed and executed by March (25%); B: nothing yet (0%).
    assert_eq!(march.physical_programmed, Some(d("12.5")));
    assert_eq!(march.physical_executed, Some(d("12.5")));
    let december = &chart.points[11];
    // A: 2 of 4 (50%); B: 2 of 2 (100%).
    assert_eq!(december.physical_executed, Some(d("75")));
    assert_eq!(december.physical_programmed, Some(d("100")));
}

#[test]
fn over_execution_is_capped_at_100_as_in_cuadro1() {
    let version = version_with(vec![activity("A", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], [3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])]);
    let chart = progress_chart(&version, AEI, Period::Annual, TableOptions::default());
    assert_eq!(chart.points[0].physical_executed, Some(d("100")));
    assert_eq!(chart.points[0].physical_programmed, Some(Decimal::ZERO));
}

#[test]
fn uncounted_ao_stay_out_of_both_series() {
    let mut unapproved = activity("U", [1; 12], [1; 12]);
    unapproved.follow_up_approved = false;
    unapproved.financial.executed = [Decimal::from(100); 12];
    let mut unprogrammed = activity("Z", [0; 12], [0; 12]);
    unprogrammed.financial.executed = [Decimal::from(100); 12];
    let chart = progress_chart(&version_with(vec![unapproved, unprogrammed]), AEI, Period::Annual, TableOptions::default());
    assert_eq!(chart.counted_activities, 0);
    assert!(chart.points.iter().all(|p| p.physical_executed.is_none() && p.physical_programmed.is_none()));
    assert!(chart.points.iter().all(|p| p.financial_executed.is_zero()));
}

#[test]
fn first_half_has_six_points_over_its_own_programming() {
    let mut ws = reference_workspace();
    let view = Selection { period: Period::FirstHalf, ..REFERENCE_VIEW };
    let ao = ws.year_mut(2023).unwrap().poi.editable_version_mut(3).unwrap().activity_mut(INTEGRITY_AO).unwrap();
    ao.physical.programmed[5] = Decimal::from(2);
    ao.physical.executed[5] = Decimal::ONE;
    let chart = ws.progress_chart(view, AEI).unwrap();
    assert_eq!(chart.points.len(), 6);
    assert_eq!(chart.points[5].physical_executed, Some(d("50")));
    assert_eq!(chart.points[5].physical_programmed, Some(d("100")));
    assert!(chart.points[5].financial_executed.is_zero(), "spending starts in July");
}

#[test]
fn financial_axis_rounds_up_to_a_readable_top() {
    let axis = reference_workspace().progress_chart(REFERENCE_VIEW, AEI).unwrap().financial_axis();
    assert_eq!(axis.max, d("25000"));
    assert_eq!(axis.ticks, [0, 5_000, 10_000, 15_000, 20_000, 25_000].map(Decimal::from));
    assert_eq!(Axis::covering(d("650769332")).max, d("1000000000"));
    assert_eq!(Axis::covering(d("100")).ticks, [0, 25, 50, 75, 100].map(Decimal::from));
    assert_eq!(Axis::covering(d("0.3")).max, d("0.5"));
    assert_eq!(Axis::covering(Decimal::ZERO).max, Decimal::ONE);
}

#[test]
fn axis_fraction_places_values_between_bottom_and_top() {
    let axis = Axis::percent();
    assert_eq!(axis.fraction(d("50")), 0.5);
    assert_eq!(axis.fraction(d("150")), 1.0);
    assert_eq!(axis.fraction(Decimal::ZERO), 0.0);
}

#[test]
fn captions_name_the_aei_and_the_months_covered() {
    let ws = reference_workspace();
    let chart = ws.progress_chart(REFERENCE_VIEW, AEI).unwrap();
    assert_eq!(
        chart.physical_caption(),
        "Gráfico 1: Avance físico acumulado de las AO de la AEI.08.05, programado y ejecutado, enero a diciembre (%)"
    );
    assert_eq!(
        chart.financial_caption(),
        "Gráfico 2: Avance financiero acumulado de las AO de la AEI.08.05, programado y ejecutado, enero a diciembre (S/)"
    );
    let first_half = Selection { period: Period::FirstHalf, ..REFERENCE_VIEW };
    assert!(ws.progress_chart(first_half, AEI).unwrap().physical_caption().ends_with("enero a junio (%)"));
}

#[test]
fn an_annual_only_ao_stays_out_of_the_financial_curve_and_is_named_under_it() {
    let ws = workspace_with(vec![monthly_ao(), annual_only_ao()]);
    let chart = ws.progress_chart(REFERENCE_VIEW, AEI).unwrap();
    assert_eq!(chart.counted_activities, 2, "both count for the physical series");
    let cumulative = |step: i64| (1..=12).map(|m| Some(Decimal::from(step * m))).collect::<Vec<_>>();
    let [programmed, executed] = chart.financial_series().expect("the monthly AO is drawn");
    assert_eq!(programmed.values, cumulative(1_000));
    assert_eq!(executed.values, cumulative(800));
    assert_eq!(chart.financial_axis().max, d("20000"), "the axis covers the curve, not the annual totals");
    assert_eq!(
        chart.financial_note().as_deref(),
        Some("Sin detalle mensual: 1 AO con solo totales anuales (programado S/ 12,000.00, ejecutado S/ 9,000.00), que las curvas no incluyen.")
    );
    // The curve and the note together are Cuadro 1's 3/.
    let cuadro1 = ws.cuadro1(REFERENCE_VIEW, AEI).unwrap().aei;
    assert_eq!(cuadro1.financial_execution, d("18600"));
    assert_eq!(chart.points[11].financial_executed + chart.annual_only.executed, cuadro1.financial_execution);
}

#[test]
fn without_monthly_detail_there_is_no_financial_curve_but_the_note() {
    let ws = workspace_with(vec![annual_only_ao()]);
    let chart = ws.progress_chart(REFERENCE_VIEW, AEI).unwrap();
    assert!(chart.financial_series().is_none());
    assert!(chart.physical_series().is_some(), "the physical months are the data");
    assert_eq!(
        chart.financial_note().as_deref(),
        Some("Sin detalle mensual: la AO contada solo registra totales anuales (programado S/ 12,000.00, ejecutado S/ 9,000.00); no hay avance financiero mensual que graficar.")
    );
    let mut second = annual_only_ao();
    second.code = "B".to_string();
    let two = workspace_with(vec![annual_only_ao(), second]).progress_chart(REFERENCE_VIEW, AEI).unwrap();
    assert_eq!(
        two.financial_note().as_deref(),
        Some("Sin detalle mensual: las 2 AO contadas solo registran totales anuales (programado S/ 24,000.00, ejecutado S/ 18,000.00); no hay avance financiero mensual que graficar.")
    );
}

#[test]
fn monthly_detail_or_no_counted_ao_leave_no_note() {
    assert_eq!(reference_workspace().progress_chart(REFERENCE_VIEW, AEI).unwrap().financial_note(), None);
    let mut uncounted = annual_only_ao();
    uncounted.follow_up_approved = false;
    let chart = workspace_with(vec![uncounted]).progress_chart(REFERENCE_VIEW, AEI).unwrap();
    assert_eq!(chart.financial_note(), None, "an AO Cuadro 1 does not count is not named");
    assert!(chart.financial_series().is_some_and(|[_, executed]| executed.values.iter().all(|v| *v == Some(Decimal::ZERO))));
}
