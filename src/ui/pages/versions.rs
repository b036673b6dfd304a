//! Versiones del POI: the chain of approved versions, correcting the latest one's resolution,
//! "Nueva modificación del POI" and the comparison of two versions.

use leptos::prelude::*;

use crate::domain::plan::{compare, ActivityChange, ActivityRef, VersionComparison};
use crate::domain::editing::{AmendmentDraft, Field, RESOLUTION_KINDS};
use crate::ui::components::FormErrors;
use crate::ui::state::{use_state, AppState};

/// One row of the versions table.
#[derive(Clone, PartialEq)]
struct VersionRow {
    number: u32,
    label: String,
    citation: String,
    date: String,
    reasons: String,
    activities: usize,
}

/// The Versiones del POI page.
#[component]
pub fn VersionsPage() -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let year = Memo::new(move |_| state.selection.get().year);
    let rows = Memo::new(move |_| {
        ws.with(|w| {
            w.year(year.get())
                .map(|y| {
                    y.poi
                        .versions
                        .iter()
                        .map(|v| VersionRow {
                            number: v.number,
                            label: v.label(),
                            citation: if v.resolution.number.is_empty() { String::new() } else { v.resolution.citation() },
                            date: v.resolution.date.clone(),
                            reasons: v.amendments.iter().map(|a| a.reason.clone()).collect::<Vec<_>>().join(" "),
                            activities: v.activities.len(),
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let latest = Memo::new(move |_| rows.with(|r| r.last().map(|v| v.number)));
    let correction = Correction::new();
    view! {
        <section class="page">
            <h1>"Versiones del POI"</h1>
            <p class="note">"Cada versión es una copia aprobada por su resolución. Solo la última se puede modificar; las anteriores quedan de solo lectura."</p>
            <table id="versions" class="list">
                <caption>{move || format!("Versiones del POI {}", year.get())}</caption>
                <thead><tr>
                    <th scope="col">"VERSIÓN"</th><th scope="col">"RESOLUCIÓN"</th><th scope="col">"FECHA"</th>
                    <th scope="col">"MOTIVO"</th><th scope="col">"N° DE AO"</th><th scope="col">"ESTADO"</th>
                    <th scope="col" class="no-print"></th>
                </tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|v| {
                        let editable = Some(v.number) == latest.get();
                        let status = if editable { "Última versión (editable)" } else { "Aprobada (solo lectura)" };
                        view! {
                            <tr data-version=v.number.to_string()>
                                <td>{v.label}</td><td>{v.citation}</td><td>{v.date}</td><td>{v.reasons}</td>
                                <td class="num">{v.activities}</td><td>{status}</td>
                                <td class="actions no-print">
                                    {editable.then(|| view! {
                                        <button id="correct-version" class="edit" on:click=move |_| correction.start(state)>"Corregir resolución"</button>
                                    })}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <datalist id="resolution-kinds">
                {RESOLUTION_KINDS.iter().map(|k| view! { <option value=*k></option> }).collect_view()}
            </datalist>
            <CorrectionForm correction=correction/>
            <Show when=move || rows.with(|r| r.is_empty())>
                <p class="empty">"Este año aún no tiene POI. Registre el POI consistente con el PIA, o agregue actividades operativas en Estructura."</p>
            </Show>
            <NewVersionForm first=Signal::derive(move || rows.with(|r| r.is_empty()))/>
            <Comparison/>
        </section>
    }
}

/// The resolution (type, number, date) and reason inputs of a version form, ids `{prefix}-kind` …,
/// each with its messages.
fn resolution_fields(prefix: &'static str, draft: RwSignal<AmendmentDraft>, errors: FormErrors, reason_label: &'static str) -> impl IntoView {
    let input = move |suffix: &str, kind: &'static str, field: Field, get: fn(&AmendmentDraft) -> String, set: fn(&mut AmendmentDraft, String)| {
        let list = (suffix == "kind").then_some("resolution-kinds");
        let placeholder = (suffix == "number").then_some("052-2023-TR/SG");
        view! {
            <label>{field.label()}
                <input id=format!("{prefix}-{suffix}") type=kind list=list placeholder=placeholder aria-invalid=errors.invalid(field)
                    prop:value=move || draft.with(get) on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev)))/>
                {errors.at(field)}
            </label>
        }
    };
    view! {
        <div class="form-grid">
            {input("kind", "text", Field::ResolutionKind, |d| d.kind.clone(), |d, v| d.kind = v)}
            {input("number", "text", Field::ResolutionNumber, |d| d.number.clone(), |d, v| d.number = v)}
            {input("date", "date", Field::ResolutionDate, |d| d.date.clone(), |d, v| d.date = v)}
        </div>
        <label>{reason_label}
            <textarea id=format!("{prefix}-reason") rows="3" aria-invalid=errors.invalid(Field::Reason) prop:value=move || draft.with(|d| d.reason.clone())
                on:input=move |ev| draft.update(|d| d.reason = event_target_value(&ev))></textarea>
            {errors.at(Field::Reason)}
        </label>
        {errors.general()}
    }
}

const REASON_LABEL: &str = "Motivo (como se leerá en la sección 2: «debido a …»; no se pide para el POI consistente con el PIA)";

/// "Nueva modificación del POI": resolution and reason; the new version copies the latest.
#[component]
fn NewVersionForm(first: Signal<bool>) -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let open = RwSignal::new(false);
    let draft = RwSignal::new(AmendmentDraft::default());
    let errors = FormErrors::new();
    let done: RwSignal<Option<String>> = RwSignal::new(None);
    let create = move |_| {
        let mut outcome = Err(Vec::new());
        let mut view = state.selection.get_untracked();
        ws.maybe_update(|w| {
            outcome = draft.with_untracked(|d| w.new_poi_version(&mut view, d));
            outcome.is_ok()
        });
        match outcome {
            Ok(_) => {
                state.view.set(view);
                let label = ws.with_untracked(|w| w.evaluated_version(view).map(|v| v.label()).unwrap_or_default());
                done.set(Some(format!("Se creó el {label} como copia de la versión anterior; es la versión evaluada y la única editable.")));
                errors.clear();
                draft.set(AmendmentDraft::default());
                open.set(false);
            }
            Err(e) => errors.set(e),
        }
    };
    view! {
        <div class="version-form">
            {move || done.get().map(|message| view! { <p class="notice info" role="status" id="version-created">{message}</p> })}
            <Show when=move || !open.get()>
                <button id="new-version" on:click=move |_| { done.set(None); open.set(true); }>
                    {move || if first.get() { "Registrar el POI consistente con el PIA" } else { "Nueva modificación del POI" }}
                </button>
            </Show>
            <Show when=move || open.get()>
                <fieldset class="edit-form">
                    <legend>{move || if first.get() { "POI consistente con el PIA" } else { "Nueva modificación del POI" }}</legend>
                    {resolution_fields("version", draft, errors, REASON_LABEL)}
                    <button id="version-save" on:click=create>"Crear la versión"</button>
                    <button on:click=move |_| { open.set(false); errors.clear(); }>"Cancelar"</button>
                </fieldset>
            </Show>
        </div>
    }
}

/// Correcting the resolution and reason of the latest version, the only one that is not an
/// approved snapshot: the form is open while `open`, and starts from what the version holds.
#[derive(Clone, Copy)]
struct Correction {
    open: RwSignal<bool>,
    draft: RwSignal<AmendmentDraft>,
    errors: FormErrors,
    done: RwSignal<Option<String>>,
}

impl Correction {
    fn new() -> Self {
        Self { open: RwSignal::new(false), draft: RwSignal::new(AmendmentDraft::default()), errors: FormErrors::new(), done: RwSignal::new(None) }
    }

    /// Opens the form filled with the latest version's resolution and reason.
    fn start(self, state: AppState) {
        let year = state.selection.get_untracked().year;
        let current = state.workspace.with_untracked(|w| w.year(year).and_then(|y| y.poi.latest()).map(AmendmentDraft::of));
        self.draft.set(current.unwrap_or_default());
        self.errors.clear();
        self.done.set(None);
        self.open.set(true);
    }

    fn save(self, state: AppState) {
        let (ws, year) = (state.workspace, state.selection.get_untracked().year);
        let Some((number, label)) = ws.with_untracked(|w| w.year(year).and_then(|y| y.poi.latest()).map(|v| (v.number, v.label()))) else {
            return;
        };
        let mut outcome = Ok(());
        ws.maybe_update(|w| {
            outcome = self.draft.with_untracked(|d| w.correct_version(year, number, d));
            outcome.is_ok()
        });
        match outcome {
            Ok(()) => {
                self.done.set(Some(format!("Se corrigió la resolución del {label}.")));
                self.open.set(false);
            }
            Err(e) => self.errors.set(e),
        }
    }
}

/// The correction form of the latest version, opened from its row.
#[component]
fn CorrectionForm(correction: Correction) -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let label = Memo::new(move |_| {
        let year = state.selection.get().year;
        ws.with(|w| w.year(year).and_then(|y| y.poi.latest()).map(|v| v.label()))
    });
    view! {
        {move || correction.done.get().map(|message| view! { <p class="notice info" role="status" id="version-corrected">{message}</p> })}
        <Show when=move || correction.open.get() && label.with(Option::is_some)>
            <fieldset class="edit-form" id="correct-version-form">
                <legend>{move || format!("Corregir la resolución del {}", label.get().unwrap_or_default())}</legend>
                {resolution_fields("fix", correction.draft, correction.errors, REASON_LABEL)}
                <button id="fix-save" on:click=move |_| correction.save(state)>"Guardar la corrección"</button>
                <button on:click=move |_| { correction.open.set(false); correction.errors.clear(); }>"Cancelar"</button>
            </fieldset>
        </Show>
    }
}

/// What a later version changed against an earlier one, with the sentences of section 2.
#[component]
fn Comparison() -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let year = Memo::new(move |_| state.selection.get().year);
    let numbers = Memo::new(move |_| {
        ws.with(|w| w.year(year.get()).map(|y| y.poi.versions.iter().map(|v| (v.number, v.label())).collect::<Vec<_>>()).unwrap_or_default())
    });
    let from: RwSignal<Option<u32>> = RwSignal::new(None);
    let to: RwSignal<Option<u32>> = RwSignal::new(None);
    // Unless chosen: the latest version against the one before it.
    let chosen = move || {
        numbers.with(|n| {
            let latest = n.last().map(|(v, _)| *v);
            let previous = n.len().checked_sub(2).map(|i| n[i].0);
            let valid = |v: Option<u32>| v.filter(|v| n.iter().any(|(x, _)| x == v));
            (valid(from.get()).or(previous), valid(to.get()).or(latest))
        })
    };
    let comparison: Memo<Option<VersionComparison>> = Memo::new(move |_| {
        let (Some(a), Some(b)) = chosen() else { return None };
        ws.with(|w| {
            let poi = &w.year(year.get())?.poi;
            Some(compare(poi.version(a)?, poi.version(b)?))
        })
    });
    let picker = move |id: &'static str, signal: RwSignal<Option<u32>>, earlier: bool| {
        let current = move || {
            let (a, b) = chosen();
            if earlier { a } else { b }
        };
        view! {
            <select id=id prop:value=move || current().map(|v| v.to_string()).unwrap_or_default()
                on:change=move |ev| signal.set(event_target_value(&ev).parse().ok())>
                {move || numbers.get().into_iter().map(|(n, label)| view! { <option value=n.to_string()>{label}</option> }).collect_view()}
            </select>
        }
    };
    view! {
        <h2>"Comparar versiones"</h2>
        <Show when=move || numbers.with(|n| n.len() >= 2) fallback=|| view! { <p class="empty">"Se necesitan al menos dos versiones para comparar."</p> }>
            <div class="selection">
                <label>"Versión anterior" {picker("compare-from", from, true)}</label>
                <label>"Versión posterior" {picker("compare-to", to, false)}</label>
            </div>
            {move || comparison.get().map(|c| view! { <ComparisonView comparison=c/> })}
        </Show>
    }
}

/// The heading of the code and name columns of a comparison table: AO or inversiones.
#[derive(Clone, Copy)]
struct Columns {
    code: &'static str,
    name: &'static str,
}

const AO_COLUMNS: Columns = Columns { code: "CÓDIGO", name: "ACTIVIDAD OPERATIVA" };
const INVESTMENT_COLUMNS: Columns = Columns { code: "CUI", name: "INVERSIÓN" };

/// Items only in one of the versions, if any.
fn listed(caption: &'static str, id: &'static str, columns: Columns, list: Vec<ActivityRef>) -> impl IntoView {
    (!list.is_empty()).then(|| {
        view! {
            <table id=id class="list">
                <caption>{caption}</caption>
                <thead><tr><th scope="col">{columns.code}</th><th scope="col">{columns.name}</th></tr></thead>
                <tbody>{list.into_iter().map(|a| view! { <tr><td>{a.code}</td><td>{a.name}</td></tr> }).collect_view()}</tbody>
            </table>
        }
    })
}

/// Items in both versions with their differences, if any.
fn changes(caption: &'static str, id: &'static str, columns: Columns, list: Vec<ActivityChange>) -> impl IntoView {
    (!list.is_empty()).then(|| {
        view! {
            <table id=id class="list">
                <caption>{caption}</caption>
                <thead><tr><th scope="col">{columns.code}</th><th scope="col">{columns.name}</th><th scope="col">"CAMBIOS"</th></tr></thead>
                <tbody>
                    {list.into_iter().map(|c| {
                        let lines = c.describe();
                        view! {
                            <tr>
                                <td>{c.activity.code}</td>
                                <td>{c.activity.name}</td>
                                <td>{lines.into_iter().map(|l| view! { <div>{l}</div> }).collect_view()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
    })
}

/// The lists of a comparison (AO, then inversiones) and its drafted sentences.
#[component]
fn ComparisonView(comparison: VersionComparison) -> impl IntoView {
    let sentences = comparison.sentences().join(" ");
    let same = comparison.is_empty();
    view! {
        <p class="compare-sentences" id="compare-sentences">
            {if same { "Las dos versiones tienen las mismas actividades operativas con los mismos datos.".to_string() } else { sentences }}
        </p>
        {listed("AO agregadas", "compare-added", AO_COLUMNS, comparison.added)}
        {listed("AO retiradas", "compare-removed", AO_COLUMNS, comparison.removed)}
        {changes("AO modificadas", "compare-changed", AO_COLUMNS, comparison.changed)}
        {listed("Inversiones agregadas", "compare-investments-added", INVESTMENT_COLUMNS, comparison.investments_added)}
        {listed("Inversiones retiradas", "compare-investments-removed", INVESTMENT_COLUMNS, comparison.investments_removed)}
        {changes("Inversiones modificadas", "compare-investments-changed", INVESTMENT_COLUMNS, comparison.investments_changed)}
    }
}
