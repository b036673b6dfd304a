//! Estructura del POI: entidad, OEI, AEI, centros de costo, categorías, AO and inversiones of the latest version, and "Nuevo año".

use leptos::prelude::*;

use crate::domain::language::quantity;
use crate::domain::plan::Entity;
use crate::domain::editing::{AeiDraft, Catalog, CodeNameDraft, Field, Item, ItemDraft, StructureError};
use crate::domain::plan::ItemKind;
use crate::domain::Workspace;
use crate::ui::browser::focus;
use crate::ui::components::{FormErrors, SelectionControls};
use crate::ui::state::{use_state, AppState};

/// The domain operation a form's Save dispatches: adds (`None`) or changes the item with that code.
type SaveOp<D> = fn(&mut Workspace, u16, Option<&str>, &D) -> Result<(), Vec<StructureError>>;

/// An add / edit form of one kind of item: the text typed, which item is edited (`None`: adding),
/// and the messages of the last refused save.
struct EditForm<D: Send + Sync + 'static> {
    draft: RwSignal<D>,
    editing: RwSignal<Option<String>>,
    errors: FormErrors,
}

impl<D: Send + Sync + 'static> Clone for EditForm<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: Send + Sync + 'static> Copy for EditForm<D> {}

impl<D: Clone + Default + Send + Sync + 'static> EditForm<D> {
    fn new() -> Self {
        Self { draft: RwSignal::new(D::default()), editing: RwSignal::new(None), errors: FormErrors::new() }
    }

    /// Fills the form with the item `code`, to change it, and moves the focus (and the view, below
    /// a long table) to the form's first input, `first_input`.
    fn edit(self, code: String, draft: D, first_input: &str) {
        self.draft.set(draft);
        self.editing.set(Some(code));
        self.errors.clear();
        focus(first_input);
    }

    fn reset(self) {
        self.draft.set(D::default());
        self.editing.set(None);
        self.errors.clear();
    }

    /// Dispatches the domain's save; the form empties when it is accepted, else shows why not.
    fn save(self, state: AppState, op: SaveOp<D>) {
        let mut outcome = Ok(());
        let year = state.selection.get_untracked().year;
        state.workspace.maybe_update(|w| {
            outcome = self.draft.with_untracked(|d| op(w, year, self.editing.get_untracked().as_deref(), d));
            outcome.is_ok()
        });
        match outcome {
            Ok(()) => self.reset(),
            Err(e) => self.errors.set(e),
        }
    }

    /// "Editar «code»" or what adding is called.
    fn legend(self, adding: &'static str) -> impl Fn() -> String {
        move || self.editing.get().map_or_else(|| adding.to_string(), |code| format!("Editar «{code}»"))
    }

    /// The general messages, Save (labelled `add` when adding) and Cancel while editing.
    fn footer(
        self,
        state: AppState,
        save_id: String,
        add: &'static str,
        op: SaveOp<D>,
    ) -> impl IntoView {
        view! {
            {self.errors.general()}
            <button id=save_id on:click=move |_| self.save(state, op)>{move || if self.editing.get().is_some() { "Guardar cambios" } else { add }}</button>
            <Show when=move || self.editing.get().is_some()>
                <button class="cancel-edit" on:click=move |_| self.reset()>"Cancelar"</button>
            </Show>
        }
    }
}

/// A text input bound to one field of a form's draft, with the field's messages (if it can have
/// any: `None` for free text) under it.
fn text_field<D: Send + Sync + 'static>(
    id: impl Into<String>,
    label: &'static str,
    field: impl Into<Option<Field>>,
    form: EditForm<D>,
    get: fn(&D) -> String,
    set: fn(&mut D, String),
) -> impl IntoView {
    let draft = form.draft;
    let field = field.into();
    view! {
        <label>{label}
            <input id=id.into() type="text" aria-invalid=move || field.and_then(|f| form.errors.invalid(f)())
                prop:value=move || draft.with(get) on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev)))/>
            {field.map(|f| form.errors.at(f))}
        </label>
    }
}

/// A pick from one of the year's lists (code — name), with an empty first choice.
fn pick_field<D: Send + Sync + 'static>(
    id: &'static str,
    label: &'static str,
    field: Field,
    form: EditForm<D>,
    options: Memo<Vec<(String, String)>>,
    get: fn(&D) -> String,
    set: fn(&mut D, String),
) -> impl IntoView {
    let draft = form.draft;
    view! {
        <label>{label}
            <select id=id aria-invalid=form.errors.invalid(field) prop:value=move || draft.with(get)
                on:change=move |ev| draft.update(|d| set(d, event_target_value(&ev)))>
                <option value="">"— Elija —"</option>
                {move || options.get().into_iter().map(|(code, name)| {
                    let text = format!("{code} — {name}");
                    view! { <option value=code>{text}</option> }
                }).collect_view()}
            </select>
            {form.errors.at(field)}
        </label>
    }
}

/// A "Seguimiento aprobado" / "Sin meta programada" checkbox bound to a flag of the draft.
fn check_field<D: Send + Sync + 'static>(id: &'static str, label: &'static str, form: EditForm<D>, get: fn(&D) -> bool, set: fn(&mut D, bool)) -> impl IntoView {
    let draft = form.draft;
    view! {
        <label class="check">
            <input id=id type="checkbox" prop:checked=move || draft.with(get)
                on:change=move |ev| { let checked = event_target_checked(&ev); draft.update(|d| set(d, checked)); }/>
            {label}
        </label>
    }
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
    fn request(self, state: AppState, item: Item, code: String) {
        self.refused.set(None);
        let year = state.selection.get_untracked().year;
        match state.workspace.with_untracked(|w| w.deletion(year, item, &code)) {
            Err(e) => self.refused.set(Some((item, e.to_string()))),
            Ok(dependents) if dependents.is_empty() => self.confirm(state, item, code),
            Ok(dependents) => {
                let warning = dependents.warning(item, &code);
                self.pending.set(Some((item, code, warning)));
            }
        }
    }

    fn confirm(self, state: AppState, item: Item, code: String) {
        let mut outcome = Ok(());
        let year = state.selection.get_untracked().year;
        state.workspace.maybe_update(|w| {
            outcome = w.delete(year, item, &code);
            outcome.is_ok()
        });
        self.pending.set(None);
        self.refused.set(outcome.err().map(|e| (item, e.to_string())));
    }

    /// The confirm step and the refusal of one kind of item.
    fn prompt(self, state: AppState, item: Item) -> impl IntoView {
        view! {
            {move || self.pending.get().filter(|(i, _, _)| *i == item).map(|(_, code, warning)| view! {
                <div class="confirm-delete notice error" role="alertdialog" id="confirm-delete">
                    <p>{warning}</p>
                    <button id="confirm-delete-yes" on:click=move |_| self.confirm(state, item, code.clone())>"Eliminar de todos modos"</button>
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
    let state = use_state();
    let ws = state.workspace;
    let deletion = Deletion::new();
    let year = Memo::new(move |_| state.selection.get().year);
    let latest = Memo::new(move |_| ws.with(|w| w.year(year.get()).and_then(|y| y.poi.latest()).map(|v| v.label())));
    let aeis: Memo<Vec<(String, String)>> = Memo::new(move |_| {
        ws.with(|w| w.year(year.get()).map(|y| y.aeis.iter().map(|a| (a.code.clone(), a.name.clone())).collect()).unwrap_or_default())
    });
    let cost_centers = Memo::new(move |_| ws.with(|w| catalog_entries(w, year.get(), Catalog::CostCenter)));
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
                Some(label) => format!("Las AO y las inversiones se registran y modifican en la última versión del POI: {label}. Las versiones anteriores no cambian."),
                None => "Este año aún no tiene POI: la primera AO o inversión crea el POI consistente con el PIA (registre su resolución en Versiones).".to_string(),
            }}</p>
            <ActivitySection deletion=deletion aeis=aeis cost_centers=cost_centers/>
            <InvestmentSection deletion=deletion aeis=aeis cost_centers=cost_centers/>
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

/// The code-and-name pairs of a catalog in the year.
fn catalog_entries(ws: &Workspace, year: u16, catalog: Catalog) -> Vec<(String, String)> {
    let Some(year) = ws.year(year) else { return Vec::new() };
    match catalog {
        Catalog::Oei => year.oeis.iter().map(|e| (e.code.clone(), e.name.clone())).collect(),
        Catalog::CostCenter => year.cost_centers.iter().map(|e| (e.code.clone(), e.name.clone())).collect(),
        Catalog::BudgetCategory => year.budget_categories.iter().map(|e| (e.code.clone(), e.name.clone())).collect(),
    }
}

/// OEI, centros de costo or categorías: a table and the add / edit form.
#[component]
fn CatalogSection(catalog: Catalog, prefix: &'static str, title: &'static str, deletion: Deletion) -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let year = Memo::new(move |_| state.selection.get().year);
    let entries = Memo::new(move |_| ws.with(|w| catalog_entries(w, year.get(), catalog)));
    let form = EditForm::<CodeNameDraft>::new();
    let save: SaveOp<CodeNameDraft> = match catalog {
        Catalog::Oei => |w, year, original, d| w.save_code_name(year, Catalog::Oei, original, d),
        Catalog::CostCenter => |w, year, original, d| w.save_code_name(year, Catalog::CostCenter, original, d),
        Catalog::BudgetCategory => |w, year, original, d| w.save_code_name(year, Catalog::BudgetCategory, original, d),
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
                    let first_input = ids("code");
                    view! {
                        <tr data-code=row_code>
                            <td>{code}</td><td>{name}</td>
                            {row_actions(
                                move || form.edit(edit_code.clone(), CodeNameDraft { code: edit_code.clone(), name: edit_name.clone() }, &first_input),
                                move || deletion.request(state, catalog.item(), delete_code.clone()),
                            )}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {deletion.prompt(state, catalog.item())}
        <fieldset class="edit-form">
            <legend>{form.legend("Agregar")}</legend>
            <div class="form-grid">
                {text_field(ids("code"), "Código", Field::Code, form, |d| d.code.clone(), |d, v| d.code = v)}
                {text_field(ids("name"), "Denominación", Field::Name, form, |d| d.name.clone(), |d, v| d.name = v)}
            </div>
            {form.footer(state, ids("save"), "Agregar", save)}
        </fieldset>
    }
}

/// The AEI with their indicator: a table and the add / edit form.
#[component]
fn AeiSection(deletion: Deletion) -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let year = Memo::new(move |_| state.selection.get().year);
    let aeis = Memo::new(move |_| ws.with(|w| w.year(year.get()).map(|y| y.aeis.clone()).unwrap_or_default()));
    let oeis = Memo::new(move |_| ws.with(|w| catalog_entries(w, year.get(), Catalog::Oei)));
    let form = EditForm::<AeiDraft>::new();
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
                    let draft = AeiDraft::of(&aei);
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
                                    move || form.edit(code.clone(), draft.clone(), "aei-code")
                                },
                                move || deletion.request(state, Item::Aei, code.clone()),
                            )}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {deletion.prompt(state, Item::Aei)}
        <fieldset class="edit-form">
            <legend>{form.legend("Agregar AEI")}</legend>
            <div class="form-grid">
                {text_field("aei-code", "Código", Field::Code, form, |d| d.code.clone(), |d, v| d.code = v)}
                {text_field("aei-name", "Denominación", Field::Name, form, |d| d.name.clone(), |d, v| d.name = v)}
                {pick_field("aei-oei", "OEI (opcional)", Field::Oei, form, oeis, |d| d.oei_code.clone(), |d, v| d.oei_code = v)}
                {text_field("aei-indicator", "Indicador", None, form, |d| d.indicator_name.clone(), |d, v| d.indicator_name = v)}
                {text_field("aei-unit", "Unidad de medida del indicador", Field::Unit, form, |d| d.indicator_unit.clone(), |d, v| d.indicator_unit = v)}
                {text_field("aei-baseline", "Línea de base", Field::Baseline, form, |d| d.baseline.clone(), |d, v| d.baseline = v)}
                {text_field("aei-expected", "Logro esperado del año", Field::ExpectedValue, form, |d| d.expected_value.clone(), |d, v| d.expected_value = v)}
                {check_field("aei-no-goal", "Sin meta programada este año", form, |d| d.no_goal, |d, v| d.no_goal = v)}
            </div>
            {form.footer(state, "aei-save".to_string(), "Agregar AEI", |w, year, original, d| w.save_aei(year, original, d))}
        </fieldset>
    }
}
/// The AO of the latest version: a table and the add / edit form with AEI, CC and categoría picked from lists.
#[component]
fn ActivitySection(deletion: Deletion, aeis: Memo<Vec<(String, String)>>, cost_centers: Memo<Vec<(String, String)>>) -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let year = Memo::new(move |_| state.selection.get().year);
    let activities = Memo::new(move |_| {
        ws.with(|w| w.year(year.get()).and_then(|y| y.poi.latest()).map(|v| v.activities.iter().map(|a| ItemDraft::of(a)).collect::<Vec<_>>()).unwrap_or_default())
    });
    let categories = Memo::new(move |_| ws.with(|w| catalog_entries(w, year.get(), Catalog::BudgetCategory)));
    let form = EditForm::<ItemDraft>::new();
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
                    let draft = ao.clone();
                    view! {
                        <tr data-code=row_code>
                            <td>{ao.code}</td><td>{ao.name}</td><td>{ao.unit}</td><td>{ao.aei_code}</td>
                            <td>{ao.cost_center_code}</td><td>{ao.budget_category_code}</td>
                            <td>{if ao.follow_up_approved { "Sí" } else { "No" }}</td>
                            {row_actions(
                                {
                                    let code = code.clone();
                                    move || form.edit(code.clone(), draft.clone(), "ao-code")
                                },
                                move || deletion.request(state, Item::Activity, code.clone()),
                            )}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {deletion.prompt(state, Item::Activity)}
        <Show when=move || aeis.with(|a| a.is_empty()) || cost_centers.with(|c| c.is_empty())>
            <p class="empty">"Para registrar AO, primero agregue al menos una AEI y un centro de costo."</p>
        </Show>
        <fieldset class="edit-form">
            <legend>{form.legend("Agregar actividad operativa")}</legend>
            <div class="form-grid">
                {text_field("ao-code", "Código", Field::Code, form, |d| d.code.clone(), |d, v| d.code = v)}
                {text_field("ao-name", "Denominación", Field::Name, form, |d| d.name.clone(), |d, v| d.name = v)}
                {text_field("ao-unit", "Unidad de medida", Field::Unit, form, |d| d.unit.clone(), |d, v| d.unit = v)}
                {pick_field("ao-aei", "AEI", Field::Aei, form, aeis, |d| d.aei_code.clone(), |d, v| d.aei_code = v)}
                {pick_field("ao-cc", "Centro de costo", Field::CostCenter, form, cost_centers, |d| d.cost_center_code.clone(), |d, v| d.cost_center_code = v)}
                {pick_field("ao-category", "Categoría presupuestal (opcional)", Field::BudgetCategory, form, categories, |d| d.budget_category_code.clone(), |d, v| d.budget_category_code = v)}
                {check_field("ao-approved", "Seguimiento aprobado", form, |d| d.follow_up_approved, |d, v| d.follow_up_approved = v)}
            </div>
            {form.footer(state, "ao-save".to_string(), "Agregar AO", |w, year, original, d| w.save_item(year, ItemKind::Activity, original, d))}
        </fieldset>
    }
}

/// The inversiones of the latest version: a table, the add / edit form with AEI and CC picked from
/// lists, and the setting that counts them in Cuadro 1.
#[component]
fn InvestmentSection(deletion: Deletion, aeis: Memo<Vec<(String, String)>>, cost_centers: Memo<Vec<(String, String)>>) -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let year = Memo::new(move |_| state.selection.get().year);
    let investments = Memo::new(move |_| {
        ws.with(|w| w.year(year.get()).and_then(|y| y.poi.latest()).map(|v| v.investments.iter().map(|i| ItemDraft::of(i)).collect::<Vec<_>>()).unwrap_or_default())
    });
    let counted = Memo::new(move |_| ws.with(|w| w.settings.investments_in_average));
    let form = EditForm::<ItemDraft>::new();
    view! {
        <h2>"Inversiones"</h2>
        <table id="inv-table" class="list">
            <caption>"Inversiones de la última versión"</caption>
            <thead><tr>
                <th scope="col">"CUI"</th><th scope="col">"DENOMINACIÓN"</th><th scope="col">"UNIDAD DE MEDIDA"</th>
                <th scope="col">"AEI"</th><th scope="col">"CC"</th>
                <th scope="col">"SEGUIMIENTO APROBADO"</th><th scope="col" class="no-print"></th>
            </tr></thead>
            <tbody>
                {move || investments.get().into_iter().map(|inv| {
                    let (cui, row_code) = (inv.code.clone(), inv.code.clone());
                    let draft = inv.clone();
                    view! {
                        <tr data-code=row_code>
                            <td>{inv.code}</td><td>{inv.name}</td><td>{inv.unit}</td><td>{inv.aei_code}</td>
                            <td>{inv.cost_center_code}</td>
                            <td>{if inv.follow_up_approved { "Sí" } else { "No" }}</td>
                            {row_actions(
                                {
                                    let cui = cui.clone();
                                    move || form.edit(cui.clone(), draft.clone(), "inv-cui")
                                },
                                move || deletion.request(state, Item::Investment, cui.clone()),
                            )}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {deletion.prompt(state, Item::Investment)}
        <label class="check">
            <input id="inv-in-average" type="checkbox" prop:checked=move || counted.get()
                on:change=move |ev| { let checked = event_target_checked(&ev); ws.update(|w| w.settings.investments_in_average = checked); }/>
            "Contar las inversiones en el Cuadro 1 (número, ejecución financiera y promedio de ejecución física ajustado)"
        </label>
        <fieldset class="edit-form">
            <legend>{form.legend("Agregar inversión")}</legend>
            <div class="form-grid">
                {text_field("inv-cui", "CUI (código único de inversión)", Field::Code, form, |d| d.code.clone(), |d, v| d.code = v)}
                {text_field("inv-name", "Denominación", Field::Name, form, |d| d.name.clone(), |d, v| d.name = v)}
                {text_field("inv-unit", "Unidad de medida", Field::Unit, form, |d| d.unit.clone(), |d, v| d.unit = v)}
                {pick_field("inv-aei", "AEI", Field::Aei, form, aeis, |d| d.aei_code.clone(), |d, v| d.aei_code = v)}
                {pick_field("inv-cc", "Centro de costo", Field::CostCenter, form, cost_centers, |d| d.cost_center_code.clone(), |d, v| d.cost_center_code = v)}
                {check_field("inv-approved", "Seguimiento aprobado", form, |d| d.follow_up_approved, |d, v| d.follow_up_approved = v)}
            </div>
            {form.footer(state, "inv-save".to_string(), "Agregar inversión", |w, year, original, d| w.save_item(year, ItemKind::Investment, original, d))}
        </fieldset>
    }
}

/// "Nuevo año": copies the structure of the previous year, without values.
#[component]
fn NewYear() -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let next = Memo::new(move |_| ws.with(|w| w.next_year().map(|y| y.to_string()).unwrap_or_default()));
    let typed: RwSignal<Option<String>> = RwSignal::new(None);
    let message: RwSignal<Option<(bool, String)>> = RwSignal::new(None);
    let create = move |_| {
        let text = typed.get_untracked().unwrap_or_else(|| next.get_untracked());
        let Ok(year) = text.trim().parse::<u16>() else {
            message.set(Some((false, format!("«{}» no es un año.", text.trim()))));
            return;
        };
        let mut outcome = Ok(());
        let mut view = state.selection.get_untracked();
        ws.maybe_update(|w| {
            outcome = w.new_year(year, &mut view);
            outcome.is_ok()
        });
        if outcome.is_ok() {
            state.view.set(view);
        }
        typed.set(None);
        message.set(Some(match outcome {
            Ok(()) => (true, format!("Se creó el año {year} con la estructura del año anterior, sin valores mensuales ni metas.")),
            Err(e) => (false, e.to_string()),
        }));
    };
    view! {
        <h2>"Nuevo año"</h2>
        <p class="note">"Copia los OEI, AEI, centros de costo, categorías, AO e inversiones del año anterior, sin valores ni metas; el nuevo año queda seleccionado."</p>
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
