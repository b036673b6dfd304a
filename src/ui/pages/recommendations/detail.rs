//! One recommendation: its data, follow-up as of the fecha de corte, action plan, and status history with the form that appends to it.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::fields::{
    aei_options, date_text, date_value, optional_date, required_date, status_class, status_of, status_options, type_of,
    type_options, type_value, Errors,
};
use super::{use_reco, Reco};
use crate::domain::recommendations::{
    Action, Recommendation, RecommendationFollowUp, RecommendationId, RecommendationKind, RecommendationSource, RecommendationStatus,
    Reprogramming, StatusUpdate,
};

/// Applies edits of the open recommendation; a refused edit shows its message at the form's
/// `error` and bumps `revision`, so the fields show the stored values again.
#[derive(Clone, Copy)]
struct Editor {
    reco: Reco,
    id: RecommendationId,
    revision: RwSignal<u32>,
}

impl Editor {
    fn edit(&self, error: RwSignal<Option<String>>, edit: impl FnOnce(&mut Recommendation)) -> bool {
        let mut edit = Some(edit);
        self.edit_dyn(error, &mut |r| {
            if let Some(edit) = edit.take() {
                edit(r);
            }
        })
    }

    /// The body of `edit`, compiled once rather than in every field's handler (the wasm budget, README.md "Benchmark").
    fn edit_dyn(&self, error: RwSignal<Option<String>>, edit: &mut dyn FnMut(&mut Recommendation)) -> bool {
        let id = self.id;
        match self.reco.change(|register| register.edit_recommendation(id, edit)) {
            Ok(()) => {
                error.set(None);
                true
            }
            Err(message) => {
                error.set(Some(message));
                self.revision.update(|r| *r += 1);
                false
            }
        }
    }
}

/// The detail of the selected recommendation.
#[component]
pub fn Detail() -> impl IntoView {
    let reco = use_reco();
    move || {
        let id = reco.selected.get()?;
        Some(view! { <RecommendationDetail id=id/> })
    }
}

#[component]
fn RecommendationDetail(id: RecommendationId) -> impl IntoView {
    let reco = use_reco();
    let data = Memo::new(move |_| reco.ws.with(|w| w.recommendations.recommendation(id).cloned()));
    let editor = Editor { reco, id, revision: RwSignal::new(0) };
    let back = move |_| reco.selected.set(None);
    view! {
        <div class="reco-detail" id="reco-detail">
            <button id="detail-back" class="link" on:click=back>"← Volver"</button>
            <Show when=move || data.with(Option::is_some)
                fallback=|| view! { <p class="empty">"La recomendación ya no existe."</p> }>
                <DetailHeader data=data/>
                <DataForm data=data editor=editor/>
                <FollowUpFacts id=id/>
                <ActionPlan data=data editor=editor/>
                <History data=data/>
                <StatusForm id=id/>
                <RemoveRecommendation id=id/>
            </Show>
        </div>
    }
}

#[component]
fn DetailHeader(data: Memo<Option<Recommendation>>) -> impl IntoView {
    let reco = use_reco();
    move || {
        data.with(|r| {
            let r = r.as_ref()?;
            let source = match &r.source {
                RecommendationSource::Control { report_number } => {
                    reco.ws.with(|w| match w.recommendations.report(report_number) {
                        Some(report) => format!(
                            "Informe N° {} ({}, {}) · {} · emitido el {} y recibido el {}",
                            report.number,
                            report.origin.label(),
                            report.service_type,
                            report.title,
                            report.issued.dmy(),
                            report.received.dmy()
                        ),
                        None => format!("Informe N° {report_number} (no registrado)"),
                    })
                }
                RecommendationSource::PreviousEvaluation { report, date } => format!("{report} · {}", date.dmy()),
            };
            Some(view! {
                <h2 id="detail-title">{format!("Recomendación N° {}", r.number)}</h2>
                <p class="detail-source">{r.kind().label()}": "{source}</p>
            })
        })
    }
}

/// The recommendation's own data, editable; a refused edit shows why and keeps the stored value.
#[component]
fn DataForm(data: Memo<Option<Recommendation>>, editor: Editor) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let value = move |f: fn(&Recommendation) -> String| {
        move || {
            editor.revision.track();
            data.with(|r| r.as_ref().map(f).unwrap_or_default())
        }
    };
    view! {
        <div class="form-grid detail-data">
            <label>"Número"
                <input id="detail-number" type="text" prop:value=value(|r| r.number.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); editor.edit(error, |r| r.number = v.trim().to_string()); }/>
            </label>
            <label>"Tipo"
                <select id="detail-type" prop:value=value(|r| type_value(r.recommendation_type))
                    on:change=move |ev| { let t = type_of(&event_target_value(&ev)); editor.edit(error, |r| r.recommendation_type = t); }>
                    {type_options()}
                </select>
            </label>
            <label class="wide">"Recomendación"
                <textarea id="detail-text" rows="3" prop:value=value(|r| r.text.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); editor.edit(error, |r| r.text = v.trim().to_string()); }></textarea>
            </label>
            <label>"Unidad responsable"
                <input id="detail-unit" type="text" prop:value=value(|r| r.responsible_unit.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); editor.edit(error, |r| r.responsible_unit = v.trim().to_string()); }/>
            </label>
            <label>"Funcionario responsable"
                <input id="detail-officer" type="text" prop:value=value(|r| r.officer.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); editor.edit(error, |r| r.officer = v.trim().to_string()); }/>
            </label>
            <Show when=move || data.with(|r| r.as_ref().is_some_and(|r| r.kind() == RecommendationKind::PreviousEvaluation))>
                <label>"AEI a la que se vincula"
                    <select id="detail-aei" on:change=move |ev| { let v = event_target_value(&ev); editor.edit(error, |r| r.aei_code = v); }>
                        {aei_options(move || { editor.revision.track(); data.with(|r| r.as_ref().map(|r| r.aei_code.clone()).unwrap_or_default()) })}
                    </select>
                </label>
            </Show>
            <label class="wide">"Seguimiento (texto para la ficha)"
                <textarea id="detail-follow-up" rows="3" prop:value=value(|r| r.follow_up.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); editor.edit(error, |r| r.follow_up = v.trim().to_string()); }></textarea>
            </label>
        </div>
        <Errors id="detail-error" message=error/>
    }
}

/// What the domain computes for the recommendation as of the fecha de corte.
#[component]
fn FollowUpFacts(id: RecommendationId) -> impl IntoView {
    let reco = use_reco();
    let row = Memo::new(move |_| reco.follow_up.with(|f| f.rows.iter().find(|r| r.id == id).cloned()));
    let label = move |status: RecommendationStatus| {
        reco.ws.with(|w| w.recommendations.settings.statuses.label(status).to_string())
    };
    move || {
        match row.get() {
        None => view! {
            <p class="note" id="detail-follow-up-facts">"Su informe se recibió después de la fecha de corte: aún no tiene seguimiento a esa fecha."</p>
        }
        .into_any(),
        Some(RecommendationFollowUp {
            status, deadline, days_to_deadline, overdue, due_soon, age_days, age_working_days, action_plan_due, action_plan_overdue, ..
        }) => {
            let situation = if overdue {
                format!("Vencida hace {} días", -days_to_deadline.unwrap_or_default())
            } else if due_soon {
                format!("Por vencer en {} días", days_to_deadline.unwrap_or_default())
            } else {
                "Dentro del plazo o concluida".to_string()
            };
            view! {
                <dl class="facts" id="detail-follow-up-facts">
                    <dt>"Estado a la fecha de corte"</dt><dd><span class=format!("status {}", status_class(status))>{label(status)}</span></dd>
                    <dt>"Plazo vigente"</dt><dd>{date_text(deadline)}</dd>
                    <dt>"Situación"</dt><dd id="detail-situation" class:overdue=overdue>{situation}</dd>
                    <dt>"Antigüedad"</dt><dd>{format!("{age_days} días calendario ({age_working_days} días hábiles)")}</dd>
                    <dt>"Plan de acción"</dt><dd>{match action_plan_due {
                        Some(due) if action_plan_overdue => format!("debía presentarse hasta el {} (vencido)", due.dmy()),
                        Some(due) => format!("se presenta hasta el {}", due.dmy()),
                        None => "–".to_string(),
                    }}</dd>
                </dl>
            }
            .into_any()
        }
    }
    }
}

/// The action plan: when it was submitted, its actions with reprogrammings and evidence, and the
/// form to add an action.
#[component]
fn ActionPlan(data: Memo<Option<Recommendation>>, editor: Editor) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let actions = move || data.with(|r| r.as_ref().map(|r| r.action_plan.actions.clone()).unwrap_or_default());
    let submitted = move || {
        editor.revision.track();
        data.with(|r| date_value(r.as_ref().and_then(|r| r.action_plan.submitted)))
    };
    let set_submitted = move |ev| match optional_date(&event_target_value(&ev), "la fecha de presentación del plan") {
        Ok(date) => {
            editor.edit(error, |r| r.action_plan.submitted = date);
        }
        Err(message) => error.set(Some(message)),
    };
    view! {
        <h3>"Plan de acción"</h3>
        <label class="inline">"Presentado el"
            <input id="plan-submitted" type="date" prop:value=submitted on:change=set_submitted/>
        </label>
        <table class="list" id="actions-table">
            <caption>"Acciones del plan de acción"</caption>
            <thead><tr>
                <th scope="col">"N°"</th><th scope="col">"ACCIÓN"</th><th scope="col">"RESPONSABLE"</th><th scope="col">"INICIO"</th>
                <th scope="col">"PLAZO"</th><th scope="col">"REPROGRAMACIONES"</th><th scope="col">"PLAZO VIGENTE"</th><th scope="col">"EVIDENCIAS"</th><th scope="col"></th>
            </tr></thead>
            <tbody>
                {move || actions().into_iter().enumerate().map(|(i, action)| view! { <ActionRow index=i action=action editor=editor error=error/> }).collect_view()}
            </tbody>
        </table>
        <AddActionForm editor=editor error=error/>
    }
}

/// One action with its forms to reprogram it and to add evidence.
#[component]
fn ActionRow(index: usize, action: Action, editor: Editor, error: RwSignal<Option<String>>) -> impl IntoView {
    let new_deadline = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let evidence = RwSignal::new(String::new());
    let reprogram = move |_| match required_date(&new_deadline.get_untracked(), "la nueva fecha de plazo") {
        Ok(date) => {
            let reprogramming = Reprogramming { new_deadline: date, reason: reason.get_untracked().trim().to_string() };
            if editor.edit(error, |r| r.action_plan.actions[index].reprogrammings.push(reprogramming)) {
                new_deadline.set(String::new());
                reason.set(String::new());
            }
        }
        Err(message) => error.set(Some(message)),
    };
    let add_evidence = move |_| {
        let reference = evidence.get_untracked().trim().to_string();
        if reference.is_empty() {
            error.set(Some(
                "Indique la referencia del documento de evidencia (por ejemplo, «Memorando N° 123-2024-TR/UFPP»)."
                    .to_string(),
            ));
        } else if editor.edit(error, |r| r.action_plan.actions[index].evidence.push(reference)) {
            evidence.set(String::new());
        }
    };
    let remove = move |_| {
        editor.edit(error, |r| {
            r.action_plan.actions.remove(index);
        });
    };
    let n = index + 1;
    view! {
        <tr data-action=n.to_string()>
            <td class="num">{n}</td>
            <td>{action.description.clone()}</td>
            <td>{action.responsible.clone()}</td>
            <td>{date_text(action.start)}</td>
            <td>{date_text(Some(action.deadline))}</td>
            <td>
                <ul class="plain">{action.reprogrammings.iter().map(|r| view! { <li>{format!("Al {}: {}", r.new_deadline.dmy(), r.reason)}</li> }).collect_view()}</ul>
                <div class="inline-form">
                    <input type="date" id=format!("reprogram-date-{n}") aria-label="Nueva fecha de plazo" bind:value=new_deadline/>
                    <input type="text" id=format!("reprogram-reason-{n}") placeholder="Motivo" aria-label="Motivo de la reprogramación" bind:value=reason/>
                    <button id=format!("reprogram-add-{n}") on:click=reprogram>"Reprogramar"</button>
                </div>
            </td>
            <td>{date_text(Some(action.current_deadline()))}</td>
            <td>
                <ul class="plain">{action.evidence.iter().map(|e| view! { <li>{e.clone()}</li> }).collect_view()}</ul>
                <div class="inline-form">
                    <input type="text" id=format!("evidence-{n}") placeholder="Documento" aria-label="Referencia del documento de evidencia" bind:value=evidence/>
                    <button id=format!("evidence-add-{n}") on:click=add_evidence>"Agregar"</button>
                </div>
            </td>
            <td><button class="link" on:click=remove>"Quitar"</button></td>
        </tr>
    }
}

/// Adds an action: description, responsible, start and deadline.
#[component]
fn AddActionForm(editor: Editor, error: RwSignal<Option<String>>) -> impl IntoView {
    let description = RwSignal::new(String::new());
    let responsible = RwSignal::new(String::new());
    let start = RwSignal::new(String::new());
    let deadline = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let action = || -> Result<Action, String> {
            let mut action = Action::new(
                description.get_untracked().trim(),
                responsible.get_untracked().trim(),
                required_date(&deadline.get_untracked(), "el plazo de la acción")?,
            );
            action.start = optional_date(&start.get_untracked(), "la fecha de inicio")?;
            Ok(action)
        };
        match action() {
            Ok(action) => {
                if editor.edit(error, |r| r.action_plan.actions.push(action)) {
                    for field in [description, responsible, start, deadline] {
                        field.set(String::new());
                    }
                }
            }
            Err(message) => error.set(Some(message)),
        }
    };
    view! {
        <form class="reco-form" id="action-form" on:submit=submit>
            <h4>"Agregar acción"</h4>
            <div class="form-grid">
                <label class="wide">"Acción"<input id="action-description" type="text" bind:value=description/></label>
                <label>"Responsable"<input id="action-responsible" type="text" bind:value=responsible/></label>
                <label>"Inicio"<input id="action-start" type="date" bind:value=start/></label>
                <label>"Plazo"<input id="action-deadline" type="date" bind:value=deadline/></label>
            </div>
            <button id="action-add" type="submit">"Agregar acción"</button>
            <Errors id="action-error" message=error/>
        </form>
    }
}

/// The status history, oldest first: shown, never editable.
#[component]
fn History(data: Memo<Option<Recommendation>>) -> impl IntoView {
    let reco = use_reco();
    view! {
        <h3>"Historial de estados"</h3>
        <table class="list" id="history-table">
            <caption>"Historial de estados (no se modifica: cada cambio se agrega)"</caption>
            <thead><tr>
                <th scope="col">"FECHA"</th><th scope="col">"ESTADO"</th><th scope="col">"NOTA"</th><th scope="col">"EVIDENCIA"</th>
                <th scope="col">"REGISTRADO POR"</th><th scope="col">"VERIFICADO POR"</th>
            </tr></thead>
            <tbody>
                {move || data.with(|r| reco.ws.with(|w| {
                    let statuses = &w.recommendations.settings.statuses;
                    r.iter().flat_map(|r| r.history()).map(|change| view! {
                        <tr>
                            <td>{change.date.dmy()}</td>
                            <td><span class=format!("status {}", status_class(change.status))>{statuses.label(change.status).to_string()}</span></td>
                            <td>{change.note.clone()}</td>
                            <td>{change.evidence.clone()}</td>
                            <td>{change.recorded_by.clone()}</td>
                            <td>{change.verified_by.clone()}</td>
                        </tr>
                    }).collect_view()
                }))}
            </tbody>
        </table>
    }
}

/// Appends a status change: date, status, note, evidence, who recorded it and, for an
/// implementation, who verified it.
#[component]
fn StatusForm(id: RecommendationId) -> impl IntoView {
    let reco = use_reco();
    let date = RwSignal::new(reco.today.to_string());
    let status = RwSignal::new("1".to_string());
    let note = RwSignal::new(String::new());
    let evidence = RwSignal::new(String::new());
    let recorded_by = RwSignal::new(String::new());
    let verified_by = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let statuses = move || reco.ws.with(|w| w.recommendations.settings.statuses.clone());
    let needs_verifier = move || {
        status_of(&status.get())
            .is_some_and(|s| reco.ws.with(|w| w.recommendations.settings.statuses.rule(s).counts_as_implemented))
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let update = || -> Result<StatusUpdate, String> {
            Ok(StatusUpdate {
                date: optional_date(&date.get_untracked(), "la fecha del cambio de estado")?,
                status: status_of(&status.get_untracked()).unwrap_or_default(),
                note: note.get_untracked().trim().to_string(),
                evidence: evidence.get_untracked().trim().to_string(),
                recorded_by: recorded_by.get_untracked().trim().to_string(),
                verified_by: verified_by.get_untracked().trim().to_string(),
            })
        };
        let changed =
            update().and_then(|update| reco.change(|register| register.change_status(id, update, reco.today)));
        match changed {
            Ok(()) => {
                error.set(None);
                for field in [note, evidence, verified_by] {
                    field.set(String::new());
                }
            }
            Err(message) => error.set(Some(message)),
        }
    };
    view! {
        <form class="reco-form" id="status-form" on:submit=submit>
            <h4>"Registrar cambio de estado"</h4>
            <div class="form-grid">
                <label>"Fecha"<input id="status-date" type="date" bind:value=date/></label>
                <label>"Estado"
                    <select id="status-status" prop:value=move || status.get() on:change=move |ev| status.set(event_target_value(&ev))>
                        {move || status_options(&statuses())}
                    </select>
                </label>
                <label class="wide">"Nota"<input id="status-note" type="text" bind:value=note/></label>
                <label>"Evidencia (documento)"<input id="status-evidence" type="text" bind:value=evidence/></label>
                <label>"Registrado por"<input id="status-recorded-by" type="text" bind:value=recorded_by/></label>
                <label class:required=needs_verifier>"Verificado por (obligatorio al registrar la implementación)"
                    <input id="status-verified-by" type="text" placeholder="OCI" bind:value=verified_by/>
                </label>
            </div>
            <button id="status-add" type="submit">"Agregar al historial"</button>
            <Errors id="status-error" message=error/>
        </form>
    }
}

/// Removes a recommendation entered by mistake, after asking in the page; the domain keeps one
/// with history, and Deshacer brings a removed one back.
#[component]
fn RemoveRecommendation(id: RecommendationId) -> impl IntoView {
    let reco = use_reco();
    let error = RwSignal::new(None::<String>);
    let asking = RwSignal::new(false);
    let remove = move |_| {
        asking.set(false);
        match reco.change(|register| register.remove_recommendation(id)) {
            Ok(_) => reco.selected.set(None),
            Err(message) => error.set(Some(message)),
        }
    };
    view! {
        <div class="danger-zone">
            <Show when=move || asking.get() fallback=move || view! {
                <button id="detail-remove" on:click=move |_| { error.set(None); asking.set(true); }>"Eliminar esta recomendación"</button>
            }>
                <div class="confirm-delete notice error" role="alertdialog" id="confirm-remove">
                    <p>"¿Eliminar esta recomendación del registro? Podrá recuperarla con «Deshacer» (Ctrl+Z)."</p>
                    <button id="confirm-remove-yes" on:click=remove>"Eliminar"</button>
                    <button id="confirm-remove-no" on:click=move |_| asking.set(false)>"Cancelar"</button>
                </div>
            </Show>
            <Errors id="remove-error" message=error/>
        </div>
    }
}
