//! Entering the registers: control reports and their recommendations, and recommendations of previous evaluations.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::fields::{
    aei_options, date_text, origin_of, origin_options, page_range, required_date, type_of, type_options, type_value, Errors, Pager,
};
use super::register::RegisterList;
use super::use_reco;
use crate::domain::recommendations::{
    ControlReport, Origin, Recommendation, RecommendationKind, RecommendationSource, RecommendationType,
};
use crate::domain::recommendations::recommendations_per_report;

/// A line saying what was just added; empty otherwise.
#[component]
fn Done(#[prop(into)] id: String, message: RwSignal<Option<String>>) -> impl IntoView {
    view! { <p class="form-done" role="status" id=id>{move || message.get()}</p> }
}

/// The control reports, the form to register one and the form to add recommendations to them.
#[component]
pub fn ReportsPanel() -> impl IntoView {
    view! {
        <div class="reco-reports">
            <ReportForm/>
            <ControlRecommendationForm/>
            <ReportsTable/>
        </div>
    }
}

/// Registers a control report: number, title, service type, origin, issue and reception dates.
#[component]
fn ReportForm() -> impl IntoView {
    let reco = use_reco();
    let number = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let service = RwSignal::new(String::new());
    let origin = RwSignal::new(Origin::Oci.label().to_string());
    let issued = RwSignal::new(String::new());
    let received = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        done.set(None);
        let report = || -> Result<ControlReport, String> {
            Ok(ControlReport {
                number: number.get_untracked().trim().to_string(),
                title: title.get_untracked().trim().to_string(),
                service_type: service.get_untracked().trim().to_string(),
                origin: origin_of(&origin.get_untracked()).unwrap_or(Origin::Oci),
                issued: required_date(&issued.get_untracked(), "la fecha de emisión del informe")?,
                received: required_date(&received.get_untracked(), "la fecha de recepción del informe")?,
            })
        };
        let added = report().and_then(|report| {
            let message = format!("Se registró el informe N° {}.", report.number);
            reco.change(|register| register.add_report(report)).map(|()| message)
        });
        match added {
            Ok(message) => {
                error.set(None);
                done.set(Some(message));
                for field in [number, title, service, issued, received] {
                    field.set(String::new());
                }
            }
            Err(message) => error.set(Some(message)),
        }
    };
    view! {
        <form class="reco-form" id="report-form" on:submit=submit>
            <h2>"Registrar informe de control"</h2>
            <div class="form-grid">
                <label>"Número del informe"<input id="report-number" type="text" placeholder="005-2024-OCI/0191" bind:value=number/></label>
                <label>"Título"<input id="report-title" type="text" bind:value=title/></label>
                <label>"Tipo de servicio de control"<input id="report-service" type="text" placeholder="Auditoría de cumplimiento" bind:value=service/></label>
                <label>"Origen"
                    <select id="report-origin" prop:value=move || origin.get() on:change=move |ev| origin.set(event_target_value(&ev))>
                        {origin_options()}
                    </select>
                </label>
                <label>"Fecha de emisión"<input id="report-issued" type="date" bind:value=issued/></label>
                <label>"Fecha de recepción"<input id="report-received" type="date" bind:value=received/></label>
            </div>
            <button id="report-add" type="submit">"Registrar informe"</button>
            <Errors id="report-error" message=error/>
            <Done id="report-done" message=done/>
        </form>
    }
}

/// Adds a recommendation to a registered control report.
#[component]
fn ControlRecommendationForm() -> impl IntoView {
    let reco = use_reco();
    let report = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let kind = RwSignal::new(type_value(RecommendationType::default()));
    let unit = RwSignal::new(String::new());
    let officer = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let last_added = RwSignal::new(None);
    let reports = Memo::new(move |_| {
        reco.ws.with(|w| w.recommendations.reports().iter().map(|r| r.number.clone()).collect::<Vec<_>>())
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        done.set(None);
        let report_number = report.get_untracked();
        if report_number.is_empty() {
            error.set(Some("Elija el informe de control al que pertenece la recomendación.".to_string()));
            return;
        }
        let mut recommendation = Recommendation::new(
            RecommendationSource::Control { report_number: report_number.clone() },
            number.get_untracked().trim(),
            text.get_untracked().trim(),
            type_of(&kind.get_untracked()),
        );
        recommendation.responsible_unit = unit.get_untracked().trim().to_string();
        recommendation.officer = officer.get_untracked().trim().to_string();
        let message = format!("Se agregó la recomendación N° {} al informe N° {report_number}.", recommendation.number);
        match reco.change(|register| register.add_recommendation(recommendation)) {
            Ok(id) => {
                error.set(None);
                done.set(Some(message));
                last_added.set(Some(id));
                number.set(String::new());
                text.set(String::new());
            }
            Err(message) => error.set(Some(message)),
        }
    };
    view! {
        <form class="reco-form" id="recommendation-form" on:submit=submit>
            <h2>"Agregar recomendación a un informe de control"</h2>
            <Show when=move || reports.with(Vec::is_empty)>
                <p class="note">"Registre primero el informe de control."</p>
            </Show>
            <div class="form-grid">
                <label>"Informe"
                    <select id="rec-report" prop:value=move || report.get() on:change=move |ev| report.set(event_target_value(&ev))>
                        <option value="">"— Elija el informe —"</option>
                        {move || reports.get().into_iter().map(|n| view! { <option value=n.clone()>{n.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <label>"Número de la recomendación"<input id="rec-number" type="text" placeholder="1" bind:value=number/></label>
                <label class="wide">"Recomendación"<textarea id="rec-text" rows="3" bind:value=text></textarea></label>
                <label>"Tipo"
                    <select id="rec-type" prop:value=move || kind.get() on:change=move |ev| kind.set(event_target_value(&ev))>
                        {type_options()}
                    </select>
                </label>
                <label>"Unidad responsable"<input id="rec-unit" type="text" bind:value=unit/></label>
                <label>"Funcionario responsable"<input id="rec-officer" type="text" bind:value=officer/></label>
            </div>
            <button id="rec-add" type="submit">"Agregar recomendación"</button>
            <Errors id="rec-error" message=error/>
            <Done id="rec-done" message=done/>
            {move || last_added.get().map(|id| view! {
                <button type="button" class="link" id="rec-open" on:click=move |_| reco.selected.set(Some(id))>
                    "Abrir la recomendación para su plan de acción y estado"
                </button>
            })}
        </form>
    }
}

/// The registered control reports, a page at a time, each with its count of recommendations.
#[component]
fn ReportsTable() -> impl IntoView {
    let reco = use_reco();
    let page = RwSignal::new(0usize);
    let error = RwSignal::new(None::<String>);
    let total = Signal::derive(move || reco.ws.with(|w| w.recommendations.reports().len()));
    let rows = move || {
        reco.ws.with(|w| {
            let register = &w.recommendations;
            let counts = recommendations_per_report(register);
            let reports = register.reports();
            reports[page_range(reports.len(), page.get())]
                .iter()
                .map(|r| (r.clone(), counts.get(r.number.as_str()).copied().unwrap_or(0)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <table class="list" id="reports-table">
            <caption>"Informes de control registrados"</caption>
            <thead><tr>
                <th scope="col">"NÚMERO"</th><th scope="col">"TÍTULO"</th><th scope="col">"TIPO DE SERVICIO"</th><th scope="col">"ORIGEN"</th>
                <th scope="col">"EMISIÓN"</th><th scope="col">"RECEPCIÓN"</th><th scope="col">"RECOMENDACIONES"</th><th scope="col"></th>
            </tr></thead>
            <tbody>
                {move || rows().into_iter().map(|(report, count)| {
                    let number = report.number.clone();
                    let remove = move |_| {
                        let number = number.clone();
                        error.set(reco.change(|register| register.remove_report(&number)).err());
                    };
                    view! {
                        <tr>
                            <td>{report.number.clone()}</td>
                            <td>{report.title.clone()}</td>
                            <td>{report.service_type.clone()}</td>
                            <td>{report.origin.label()}</td>
                            <td>{date_text(Some(report.issued))}</td>
                            <td>{date_text(Some(report.received))}</td>
                            <td class="num">{count}</td>
                            <td><button class="link" on:click=remove>"Eliminar"</button></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <Errors id="reports-error" message=error/>
        <Pager id="reports-pager" total=total page=page/>
    }
}

/// The recommendations of previous evaluations: the form to add one, and their list.
#[component]
pub fn PreviousPanel() -> impl IntoView {
    view! {
        <div class="reco-previous">
            <PreviousForm/>
            <h2>"Recomendaciones de evaluaciones previas"</h2>
            <RegisterList kind=RecommendationKind::PreviousEvaluation/>
        </div>
    }
}

/// Adds a recommendation of a previous evaluation, with the follow-up the ficha's section 5 prints.
#[component]
fn PreviousForm() -> impl IntoView {
    let reco = use_reco();
    let report = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let kind = RwSignal::new(type_value(RecommendationType::default()));
    let unit = RwSignal::new(String::new());
    let officer = RwSignal::new(String::new());
    let follow_up = RwSignal::new(String::new());
    let aei = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let evaluations = Memo::new(move |_| {
        reco.ws.with(|w| {
            let mut names: Vec<String> = w
                .recommendations
                .recommendations_of(RecommendationKind::PreviousEvaluation)
                .map(|r| r.report_key().to_string())
                .collect();
            names.sort_unstable();
            names.dedup();
            names
        })
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        done.set(None);
        let added = required_date(&date.get_untracked(), "la fecha del informe de evaluación").and_then(|date| {
            let source =
                RecommendationSource::PreviousEvaluation { report: report.get_untracked().trim().to_string(), date };
            let mut recommendation = Recommendation::new(
                source,
                number.get_untracked().trim(),
                text.get_untracked().trim(),
                type_of(&kind.get_untracked()),
            );
            recommendation.responsible_unit = unit.get_untracked().trim().to_string();
            recommendation.officer = officer.get_untracked().trim().to_string();
            recommendation.follow_up = follow_up.get_untracked().trim().to_string();
            recommendation.aei_code = aei.get_untracked();
            let message = match recommendation.aei_code.as_str() {
                "" => format!("Se agregó la recomendación N° {}: la sección 5 de cada ficha la sigue.", recommendation.number),
                code => format!("Se agregó la recomendación N° {}: la sección 5 de la ficha de la {code} la sigue.", recommendation.number),
            };
            reco.change(|register| register.add_recommendation(recommendation)).map(|_| message)
        });
        match added {
            Ok(message) => {
                error.set(None);
                done.set(Some(message));
                for field in [number, text, follow_up] {
                    field.set(String::new());
                }
            }
            Err(message) => error.set(Some(message)),
        }
    };
    view! {
        <form class="reco-form" id="previous-form" on:submit=submit>
            <h2>"Agregar recomendación de una evaluación previa"</h2>
            <div class="form-grid">
                <label class="wide">"Informe de evaluación (como se cita en la ficha)"
                    <input id="prev-report" type="text" list="prev-reports" placeholder="Informe de Evaluación de Implementación del POI … correspondiente al primer semestre" bind:value=report/>
                    <datalist id="prev-reports">
                        {move || evaluations.get().into_iter().map(|n| view! { <option value=n/> }).collect_view()}
                    </datalist>
                </label>
                <label>"Fecha del informe"<input id="prev-date" type="date" bind:value=date/></label>
                <label>"Número de la recomendación"<input id="prev-number" type="text" placeholder="1" bind:value=number/></label>
                <label class="wide">"Recomendación"<textarea id="prev-text" rows="3" bind:value=text></textarea></label>
                <label>"Tipo"
                    <select id="prev-type" prop:value=move || kind.get() on:change=move |ev| kind.set(event_target_value(&ev))>
                        {type_options()}
                    </select>
                </label>
                <label>"Unidad responsable"<input id="prev-unit" type="text" bind:value=unit/></label>
                <label>"Funcionario responsable"<input id="prev-officer" type="text" bind:value=officer/></label>
                <label>"AEI a la que se vincula"
                    <select id="prev-aei" on:change=move |ev| aei.set(event_target_value(&ev))>
                        {aei_options(move || aei.get())}
                    </select>
                </label>
                <label class="wide">"Seguimiento (texto de la sección 5 de la ficha)"<textarea id="prev-follow-up" rows="3" bind:value=follow_up></textarea></label>
            </div>
            <button id="prev-add" type="submit">"Agregar recomendación"</button>
            <Errors id="prev-error" message=error/>
            <Done id="prev-done" message=done/>
        </form>
    }
}
