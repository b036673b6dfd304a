//! Estructura del POI: entidad, OEI, AEI, centros de costo, categorías, AO of the latest version, and "Nuevo año".

use leptos::prelude::*;

use crate::domain::format::quantity;
use crate::domain::plan::Entity;
use crate::domain::structure::{ActivityDraft, AeiDraft, Catalog, CodeNameDraft, Item, StructureError};
use crate::domain::workspace::Workspace;
use crate::ui::pages::summary::SelectionControls;
use crate::ui::state::use_state;

fn messages(errors: &[StructureError]) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

/// A text input bound to one field of a form's draft.
fn text_field<D: Send + Sync + 'static>(
    id: impl Into<String>,
    label: &'static str,
    draft: RwSignal<D>,
    get: fn(&D) -> String,
    set: fn(&mut D, String),
) -> impl IntoView {
    view! {
        <label>{label}
            <input id=id.into() type="text" prop:value=move || draft.with(get) on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev)))/>
        </label>
    }
}

/// A pick from one of the year's lists (code — name), with an empty first choice.
fn pick_field<D: Send + Sync + 'static>(
    id: &'static str,
    label: &'static str,
    draft: RwSignal<D>,
    options: Memo<Vec<(String, String)>>,
    get: fn(&D) -> String,
    set: fn(&mut D, String),
) -> impl IntoView {
    view! {
        <label>{label}
            <select id=id prop:value=move || draft.with(get) on:change=move |ev| draft.update(|d| set(d, event_target_value(&ev)))>
                <option value="">"— Elija —"</option>
                {move || options.get().into_iter().map(|(code, name)| {
                    let text = format!("{code} — {name}");
                    view! { <option value=code>{text}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

fn error_list(errors: RwSignal<Vec<String>>) -> impl IntoView {
    view! { <ul class="errors" role="alert">{move || errors.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul> }
}

/// A deletion waiting for confirmation, or refused; shown in the section of the item.
#[derive(Clone, Copy)]
struct Deletion {
    /// Item, code and the warning that lists what depends on it.
    pending: RwSignal<Option<(Item, String, String)>>,
    refused: RwSignal<Option<(Item, String)>>,
}

impl Deletion {
    fn new() -> Self {
        Self { pending: RwSignal::new(None), refused: RwSignal::new(None) }
    }

    /// Deletes at once when nothing depends on the item; otherwise asks first.
    fn request(self, ws: RwSignal<Workspace>, item: Item, code: String) {
        self.refused.set(None);
        match ws.with_untracked(|w| w.deletion(item, &code)) {
            Err(e) => self.refused.set(Some((item, e.to_string()))),
            Ok(dependents) if dependents.is_empty() => self.confirm(ws, item, code),
            Ok(dependents) => {
                let warning = dependents.warning(item, &code);
                self.pending.set(Some((item, code, warning)));
            }
        }
    }

    fn confirm(self, ws: RwSignal<Workspace>, item: Item, code: String) {
        let mut outcome = Ok(());
        ws.maybe_update(|w| {
            outcome = w.delete(item, &code);
            outcome.is_ok()
        });
        self.pending.set(None);
        self.refused.set(outcome.err().map(|e| (item, e.to_string())));
    }

    /// The confirm step and the refusal of one kind of item.
    fn prompt(self, ws: RwSignal<Workspace>, item: Item) -> impl IntoView {
        view! {
            {move || self.pending.get().filter(|(i, _, _)| *i == item).map(|(_, code, warning)| view! {
                <div class="confirm-delete notice error" role="alertdialog" id="confirm-delete">
                    <p>{warning}</p>
                    <button id="confirm-delete-yes" on:click=move |_| self.confirm(ws, item, code.clone())>"Eliminar de todos modos"</button>
                    <button id="confirm-delete-no" on:click=move |_| self.pending.set(None)>"Cancelar"</button>
                </div>
            })}
            {move || self.refused.get().filter(|(i, _)| *i == item).map(|(_, message)| view! {
                <p class="errors delete-refused" role="alert">{message}</p>
            })}
        }
    }
}

/// Edit and Delete buttons of one row.
fn row_actions(on_edit: impl Fn() + 'static, on_delete: impl Fn() + 'static) -> impl IntoView {
    view! {
        <td class="actions no-print">
            <button class="edit" on:click=move |_| on_edit()>"Editar"</button>
            <button class="delete" on:click=move |_| on_delete()>"Eliminar"</button>
        </td>
    }
}

/// The Estructura del POI page.
#[component]
pub fn StructurePage() -> impl IntoView {
    let ws = use_state().workspace;
    let deletion = Deletion::new();
    let year = Memo::new(move |_| ws.with(|w| w.selection.year));
    let latest = Memo::new(move |_| ws.with(|w| w.year().and_then(|y| y.poi.latest()).map(|v| v.label())));
    view! {
        <section class="page structure">
            <h1>{move || format!("Estructura del POI {}", year.get())}</h1>
            <SelectionControls/>
            <EntityForm/>
            <CatalogSection catalog=Catalog::Oei prefix="oei" title="Objetivos Estratégicos Institucionales (OEI)" deletion=deletion/>
            <AeiSection deletion=deletion/>
            <CatalogSection catalog=Catalog::CostCenter prefix="cc" title="Centros de costo" deletion=deletion/>
            <CatalogSection catalog=Catalog::BudgetCategory prefix="category" title="Categorías presupuestales" deletion=deletion/>
            <h2>"Actividades operativas"</h2>
            <p class="note">{move || match latest.get() {
                Some(label) => format!("Las AO se registran y modifican en la última versión del POI: {label}. Las versiones anteriores no cambian."),
                None => "Este año aún no tiene POI: la primera AO crea el POI consistente con el PIA (registre su resolución en Versiones).".to_string(),
            }}</p>
            <ActivitySection deletion=deletion/>
            <NewYear/>
        </section>
    }
}

/// The entity's details; each field is saved when it changes.
#[component]
fn EntityForm() -> impl IntoView {
    let ws = use_state().workspace;
    let field = move |id: &'static str, label: &'static str, get: fn(&Entity) -> &String, set: fn(&mut Entity, String)| {
        view! {
            <label>{label}
                <input id=id type="text" prop:value=move || ws.with(|w| get(&w.entity).clone())
                    on:change=move |ev| { let v = event_target_value(&ev); ws.update(|w| set(&mut w.entity, v)); }/>
            </label>
        }
    };
    view! {
        <h2>"Entidad"</h2>
        <div class="form-grid">
            {field("structure-entity-name", "Unidad Ejecutora", |e| &e.name, |e, v| e.name = v)}
            {field("structure-entity-short", "Nombre corto (para la redacción)", |e| &e.short_name, |e, v| e.short_name = v)}
            {field("structure-entity-sector", "Sector", |e| &e.sector, |e, v| e.sector = v)}
            {field("structure-entity-office", "Oficina que elabora la ficha", |e| &e.office, |e, v| e.office = v)}
        </div>
        <label>"Finalidad del programa (primer párrafo de la sección 1)"
            <textarea id="structure-entity-purpose" rows="3" prop:value=move || ws.with(|w| w.entity.purpose.clone())
                on:change=move |ev| { let v = event_target_value(&ev); ws.update(|w| w.entity.purpose = v); }></textarea>
        </label>
    }
}

/// The code-and-name pairs of a catalog in the selected year.
fn catalog_entries(ws: &Workspace, catalog: Catalog) -> Vec<(String, String)> {
    let Some(year) = ws.year() else { return Vec::new() };
    match catalog {
        Catalog::Oei => year.oeis.iter().map(|e| (e.code.clone(), e.name.clone())).collect(),
        Catalog::CostCenter => year.cost_centers.iter().map(|e| (e.code.clone(), e.name.clone())).collect(),
        Catalog::BudgetCategory => year.budget_categories.iter().map(|e| (e.code.clone(), e.name.clone())).collect(),
    }
}

/// OEI, centros de costo or categorías: a table and the add / edit form.
#[component]
fn CatalogSection(catalog: Catalog, prefix: &'static str, title: &'static str, deletion: Deletion) -> impl IntoView {
    let ws = use_state().workspace;
    let entries = Memo::new(move |_| ws.with(|w| catalog_entries(w, catalog)));
    let draft = RwSignal::new(CodeNameDraft::default());
    let editing: RwSignal<Option<String>> = RwSignal::new(None);
    let errors: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let save = move |_| {
        let mut outcome = Ok(());
        ws.maybe_update(|w| {
            outcome = draft.with_untracked(|d| w.save_code_name(catalog, editing.get_untracked().as_deref(), d));
            outcome.is_ok()
        });
        match outcome {
            Ok(()) => {
                draft.set(CodeNameDraft::default());
                editing.set(None);
                errors.set(Vec::new());
            }
            Err(e) => errors.set(messages(&e)),
        }
    };
    let ids = move |suffix: &str| format!("{prefix}-{suffix}");
    view! {
        <h2>{title}</h2>
        <table id=ids("table") class="list">
            <caption>{title}</caption>
            <thead><tr><th scope="col">"CÓDIGO"</th><th scope="col">"DENOMINACIÓN"</th><th scope="col" class="no-print"></th></tr></thead>
            <tbody>
                {move || entries.get().into_iter().map(|(code, name)| {
                    let (row_code, edit_code, edit_name, delete_code) = (code.clone(), code.clone(), name.clone(), code.clone());
                    view! {
                        <tr data-code=row_code>
                            <td>{code}</td><td>{name}</td>
                            {row_actions(
                                move || {
                                    draft.set(CodeNameDraft { code: edit_code.clone(), name: edit_name.clone() });
                                    editing.set(Some(edit_code.clone()));
                                },
                                move || deletion.request(ws, catalog.item(), delete_code.clone()),
                            )}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {deletion.prompt(ws, catalog.item())}
        <fieldset class="edit-form">
            <legend>{move || match editing.get() { Some(code) => format!("Editar «{code}»"), None => "Agregar".to_string() }}</legend>
            <div class="form-grid">
                {text_field(ids("code"), "Código", draft, |d| d.code.clone(), |d, v| d.code = v)}
                {text_field(ids("name"), "Denominación", draft, |d| d.name.clone(), |d, v| d.name = v)}
            </div>
            {error_list(errors)}
            <button id=ids("save") on:click=save>{move || if editing.get().is_some() { "Guardar cambios" } else { "Agregar" }}</button>
            <Show when=move || editing.get().is_some()>
                <button on:click=move |_| { editing.set(None); draft.set(CodeNameDraft::default()); errors.set(Vec::new()); }>"Cancelar"</button>
            </Show>
        </fieldset>
    }
}

/// The AEI with their indicator: a table and the add / edit form.
#[component]
fn AeiSection(deletion: Deletion) -> impl IntoView {
    let ws = use_state().workspace;
    let aeis = Memo::new(move |_| ws.with(|w| w.year().map(|y| y.aeis.clone()).unwrap_or_default()));
    let oeis = Memo::new(move |_| ws.with(|w| catalog_entries(w, Catalog::Oei)));
    let draft = RwSignal::new(AeiDraft::default());
    let editing: RwSignal<Option<String>> = RwSignal::new(None);
    let errors: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let save = move |_| {
        let mut outcome = Ok(());
        ws.maybe_update(|w| {
            outcome = draft.with_untracked(|d| w.save_aei(editing.get_untracked().as_deref(), d));
            outcome.is_ok()
        });
        match outcome {
            Ok(()) => {
                draft.set(AeiDraft::default());
                editing.set(None);
                errors.set(Vec::new());
            }
            Err(e) => errors.set(messages(&e)),
        }
    };
    view! {
        <h2>"Acciones Estratégicas Institucionales (AEI)"</h2>
        <table id="aei-table" class="list">
            <caption>"Acciones Estratégicas Institucionales (AEI) e indicadores"</caption>
            <thead><tr>
                <th scope="col">"CÓDIGO"</th><th scope="col">"DENOMINACIÓN"</th><th scope="col">"OEI"</th>
                <th scope="col">"INDICADOR"</th><th scope="col">"UNIDAD"</th><th scope="col">"LÍNEA DE BASE"</th>
                <th scope="col">"LOGRO ESPERADO"</th><th scope="col" class="no-print"></th>
            </tr></thead>
            <tbody>
                {move || aeis.get().into_iter().map(|aei| {
                    let (code, row_code) = (aei.code.clone(), aei.code.clone());
                    let form = AeiDraft::of(&aei);
                    let goal = aei.indicator.expected_value.map_or_else(|| "Sin meta programada".to_string(), quantity);
                    view! {
                        <tr data-code=row_code>
                            <td>{aei.code}</td><td>{aei.name}</td><td>{aei.oei_code}</td>
                            <td>{aei.indicator.name}</td><td>{aei.indicator.unit}</td>
                            <td class="num">{aei.indicator.baseline.map(quantity).unwrap_or_default()}</td>
                            <td class="num">{goal}</td>
                            {row_actions(
                                {
                                    let code = code.clone();
                                    move || {
                                        draft.set(form.clone());
                                        editing.set(Some(code.clone()));
                                    }
                                },
                                move || deletion.request(ws, Item::Aei, code.clone()),
                            )}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {deletion.prompt(ws, Item::Aei)}
        <fieldset class="edit-form">
            <legend>{move || match editing.get() { Some(code) => format!("Editar «{code}»"), None => "Agregar AEI".to_string() }}</legend>
            <div class="form-grid">
                {text_field("aei-code", "Código", draft, |d| d.code.clone(), |d, v| d.code = v)}
                {text_field("aei-name", "Denominación", draft, |d| d.name.clone(), |d, v| d.name = v)}
                {pick_field("aei-oei", "OEI (opcional)", draft, oeis, |d| d.oei_code.clone(), |d, v| d.oei_code = v)}
                {text_field("aei-indicator", "Indicador", draft, |d| d.indicator_name.clone(), |d, v| d.indicator_name = v)}
                {text_field("aei-unit", "Unidad de medida del indicador", draft, |d| d.indicator_unit.clone(), |d, v| d.indicator_unit = v)}
                {text_field("aei-baseline", "Línea de base", draft, |d| d.baseline.clone(), |d, v| d.baseline = v)}
                {text_field("aei-expected", "Logro esperado del año", draft, |d| d.expected_value.clone(), |d, v| d.expected_value = v)}
                <label class="check">
                    <input id="aei-no-goal" type="checkbox" prop:checked=move || draft.with(|d| d.no_goal)
                        on:change=move |ev| { let checked = event_target_checked(&ev); draft.update(|d| d.no_goal = checked); }/>
                    "Sin meta programada este año"
                </label>
            </div>
            {error_list(errors)}
            <button id="aei-save" on:click=save>{move || if editing.get().is_some() { "Guardar cambios" } else { "Agregar AEI" }}</button>
            <Show when=move || editing.get().is_some()>
                <button on:click=move |_| { editing.set(None); draft.set(AeiDraft::default()); errors.set(Vec::new()); }>"Cancelar"</button>
            </Show>
        </fieldset>
    }
}

/// The AO of the latest version: a table and the add / edit form with AEI, CC and categoría picked from lists.
#[component]
fn ActivitySection(deletion: Deletion) -> impl IntoView {
    let ws = use_state().workspace;
    let activities = Memo::new(move |_| {
        ws.with(|w| w.year().and_then(|y| y.poi.latest()).map(|v| v.activities.iter().map(ActivityDraft::of).collect::<Vec<_>>()).unwrap_or_default())
    });
    let aeis: Memo<Vec<(String, String)>> =
        Memo::new(move |_| ws.with(|w| w.year().map(|y| y.aeis.iter().map(|a| (a.code.clone(), a.name.clone())).collect()).unwrap_or_default()));
    let cost_centers = Memo::new(move |_| ws.with(|w| catalog_entries(w, Catalog::CostCenter)));
    let categories = Memo::new(move |_| ws.with(|w| catalog_entries(w, Catalog::BudgetCategory)));
    let draft = RwSignal::new(ActivityDraft::default());
    let editing: RwSignal<Option<String>> = RwSignal::new(None);
    let errors: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let save = move |_| {
        let mut outcome = Ok(());
        ws.maybe_update(|w| {
            outcome = draft.with_untracked(|d| w.save_activity(editing.get_untracked().as_deref(), d));
            outcome.is_ok()
        });
        match outcome {
            Ok(()) => {
                draft.set(ActivityDraft::default());
                editing.set(None);
                errors.set(Vec::new());
            }
            Err(e) => errors.set(messages(&e)),
        }
    };
    view! {
        <table id="ao-table" class="list">
            <caption>"Actividades operativas (AO) de la última versión"</caption>
            <thead><tr>
                <th scope="col">"CÓDIGO"</th><th scope="col">"DENOMINACIÓN"</th><th scope="col">"UNIDAD DE MEDIDA"</th>
                <th scope="col">"AEI"</th><th scope="col">"CC"</th><th scope="col">"CATEGORÍA"</th>
                <th scope="col">"SEGUIMIENTO APROBADO"</th><th scope="col" class="no-print"></th>
            </tr></thead>
            <tbody>
                {move || activities.get().into_iter().map(|ao| {
                    let (code, row_code) = (ao.code.clone(), ao.code.clone());
                    let form = ao.clone();
                    view! {
                        <tr data-code=row_code>
                            <td>{ao.code}</td><td>{ao.name}</td><td>{ao.unit}</td><td>{ao.aei_code}</td>
                            <td>{ao.cost_center_code}</td><td>{ao.budget_category_code}</td>
                            <td>{if ao.follow_up_approved { "Sí" } else { "No" }}</td>
                            {row_actions(
                                {
                                    let code = code.clone();
                                    move || {
                                        draft.set(form.clone());
                                        editing.set(Some(code.clone()));
                                    }
                                },
                                move || deletion.request(ws, Item::Activity, code.clone()),
                            )}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {deletion.prompt(ws, Item::Activity)}
        <Show when=move || aeis.with(|a| a.is_empty()) || cost_centers.with(|c| c.is_empty())>
            <p class="empty">"Para registrar AO, primero agregue al menos una AEI y un centro de costo."</p>
        </Show>
        <fieldset class="edit-form">
            <legend>{move || match editing.get() { Some(code) => format!("Editar «{code}»"), None => "Agregar actividad operativa".to_string() }}</legend>
            <div class="form-grid">
                {text_field("ao-code", "Código", draft, |d| d.code.clone(), |d, v| d.code = v)}
                {text_field("ao-name", "Denominación", draft, |d| d.name.clone(), |d, v| d.name = v)}
                {text_field("ao-unit", "Unidad de medida", draft, |d| d.unit.clone(), |d, v| d.unit = v)}
                {pick_field("ao-aei", "AEI", draft, aeis, |d| d.aei_code.clone(), |d, v| d.aei_code = v)}
                {pick_field("ao-cc", "Centro de costo", draft, cost_centers, |d| d.cost_center_code.clone(), |d, v| d.cost_center_code = v)}
                {pick_field("ao-category", "Categoría presupuestal (opcional)", draft, categories, |d| d.budget_category_code.clone(), |d, v| d.budget_category_code = v)}
                <label class="check">
                    <input id="ao-approved" type="checkbox" prop:checked=move || draft.with(|d| d.follow_up_approved)
                        on:change=move |ev| { let checked = event_target_checked(&ev); draft.update(|d| d.follow_up_approved = checked); }/>
                    "Seguimiento aprobado"
                </label>
            </div>
            {error_list(errors)}
            <button id="ao-save" on:click=save>{move || if editing.get().is_some() { "Guardar cambios" } else { "Agregar AO" }}</button>
            <Show when=move || editing.get().is_some()>
                <button on:click=move |_| { editing.set(None); draft.set(ActivityDraft::default()); errors.set(Vec::new()); }>"Cancelar"</button>
            </Show>
        </fieldset>
    }
}

/// "Nuevo año": copies the structure of the previous year, without values.
#[component]
fn NewYear() -> impl IntoView {
    let ws = use_state().workspace;
    let next = Memo::new(move |_| ws.with(|w| w.years.iter().map(|y| y.year).max().map_or(String::new(), |y| (y + 1).to_string())));
    let typed: RwSignal<Option<String>> = RwSignal::new(None);
    let message: RwSignal<Option<(bool, String)>> = RwSignal::new(None);
    let create = move |_| {
        let text = typed.get_untracked().unwrap_or_else(|| next.get_untracked());
        let Ok(year) = text.trim().parse::<u16>() else {
            message.set(Some((false, format!("«{}» no es un año.", text.trim()))));
            return;
        };
        let mut outcome = Ok(());
        ws.maybe_update(|w| {
            outcome = w.new_year(year);
            outcome.is_ok()
        });
        typed.set(None);
        message.set(Some(match outcome {
            Ok(()) => (true, format!("Se creó el año {year} con la estructura del año anterior, sin valores mensuales ni metas.")),
            Err(e) => (false, e.to_string()),
        }));
    };
    view! {
        <h2>"Nuevo año"</h2>
        <p class="note">"Copia los OEI, AEI, centros de costo, categorías y AO del año anterior, sin valores; el nuevo año queda seleccionado."</p>
        <div class="selection">
            <label>"Año"
                <input id="new-year" type="text" inputmode="numeric" prop:value=move || typed.get().unwrap_or_else(|| next.get())
                    on:input=move |ev| typed.set(Some(event_target_value(&ev)))/>
            </label>
            <button id="new-year-create" on:click=create>"Crear el año"</button>
        </div>
        {move || message.get().map(|(ok, text)| view! {
            <p class=if ok { "notice info" } else { "errors" } role="status" id="new-year-message">{text}</p>
        })}
    }
}
