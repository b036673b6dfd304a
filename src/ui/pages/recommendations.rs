//! Seguimiento de recomendaciones: evaluaciones previas e informes de control (OCI, CGR, SOA).

mod dashboard;
mod detail;
mod entry;
mod fields;
mod register;
mod settings;
mod transfer;

use leptos::prelude::*;

use crate::domain::calendar::Date;
use crate::domain::recommendations::{FollowUp, RecommendationId, RecommendationRegister, RegisterError};
use crate::domain::Workspace;
use crate::ui::state::use_state;
use crate::ui::browser::today;

/// What every part of the page shares: the workspace, the dates and the follow-up computed once.
#[derive(Clone, Copy)]
struct Reco {
    ws: RwSignal<Workspace>,
    /// The browser's date: status changes may not be dated after it.
    today: Date,
    /// The "fecha de corte" every figure is computed as of.
    as_of: RwSignal<Date>,
    /// Both registers followed up as of `as_of`.
    follow_up: Memo<FollowUp>,
    /// The recommendation whose detail is open.
    selected: RwSignal<Option<RecommendationId>>,
}

impl Reco {
    /// Applies a register operation; when the domain refuses it nothing changes (and nothing is
    /// saved) and its message comes back.
    fn change<T>(
        &self,
        operation: impl FnOnce(&mut RecommendationRegister) -> Result<T, RegisterError>,
    ) -> Result<T, String> {
        let mut operation = Some(operation);
        let mut outcome = None;
        self.apply(&mut |register| {
            let result = operation.take().map(|operation| operation(register));
            let changed = matches!(result, Some(Ok(_)));
            outcome = result;
            changed
        });
        match outcome {
            Some(result) => result.map_err(|e| e.to_string()),
            None => Err("No se pudo aplicar el cambio.".to_string()),
        }
    }

    /// Runs `operation` on the register and keeps the workspace change only when it says so. Not
    /// generic, so the signal update is compiled once rather than at every form (the wasm budget, README.md "Benchmark").
    fn apply(&self, operation: &mut dyn FnMut(&mut RecommendationRegister) -> bool) {
        self.ws.maybe_update(|w| operation(&mut w.recommendations));
    }
}

fn use_reco() -> Reco {
    expect_context::<Reco>()
}

/// The parts of the page, one shown at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Dashboard,
    Register,
    Reports,
    Previous,
    Settings,
    Import,
}

impl Tab {
    const ALL: [Tab; 6] = [Tab::Dashboard, Tab::Register, Tab::Reports, Tab::Previous, Tab::Settings, Tab::Import];

    fn label(self) -> &'static str {
        match self {
            Tab::Dashboard => "Tablero",
            Tab::Register => "Registro",
            Tab::Reports => "Informes de control",
            Tab::Previous => "Evaluaciones previas",
            Tab::Settings => "Configuración",
            Tab::Import => "Importar",
        }
    }

    fn id(self) -> &'static str {
        match self {
            Tab::Dashboard => "tab-dashboard",
            Tab::Register => "tab-register",
            Tab::Reports => "tab-reports",
            Tab::Previous => "tab-previous",
            Tab::Settings => "tab-settings",
            Tab::Import => "tab-import",
        }
    }
}

/// The Recomendaciones page: the fecha de corte, then the dashboard, the register, the forms, the
/// settings and the import, or one recommendation's detail.
#[component]
pub fn RecommendationsPage() -> impl IntoView {
    let ws = use_state().workspace;
    let today = today();
    let as_of = RwSignal::new(today);
    let follow_up = Memo::new(move |_| {
        let as_of = as_of.get();
        ws.with(|w| w.recommendations.follow_up(as_of, None))
    });
    let reco = Reco { ws, today, as_of, follow_up, selected: RwSignal::new(None) };
    provide_context(reco);
    let tab = RwSignal::new(Tab::Dashboard);
    view! {
        <section class="page recommendations">
            <h1>"Seguimiento de recomendaciones"</h1>
            <p class="note">"Recomendaciones de evaluaciones previas y de informes de servicios de control posterior del OCI, la CGR y Sociedades de Auditoría. Todo se calcula a la fecha de corte."</p>
            <AsOfDate/>
            <Show
                when=move || reco.selected.get().is_some()
                fallback=move || view! {
                    <nav class="reco-tabs" aria-label="Secciones de recomendaciones">
                        {Tab::ALL.map(|t| view! {
                            <button id=t.id() class:active=move || tab.get() == t aria-pressed=move || (tab.get() == t).to_string()
                                on:click=move |_| tab.set(t)>{t.label()}</button>
                        }).collect_view()}
                    </nav>
                    {move || match tab.get() {
                        Tab::Dashboard => view! { <dashboard::Dashboard/> }.into_any(),
                        Tab::Register => view! { <register::RegisterList/> }.into_any(),
                        Tab::Reports => view! { <entry::ReportsPanel/> }.into_any(),
                        Tab::Previous => view! { <entry::PreviousPanel/> }.into_any(),
                        Tab::Settings => view! { <settings::SettingsPanel/> }.into_any(),
                        Tab::Import => view! { <transfer::ImportPanel/> }.into_any(),
                    }}
                }
            >
                <detail::Detail/>
            </Show>
        </section>
    }
}

/// The fecha de corte: today unless the user sets another date.
#[component]
fn AsOfDate() -> impl IntoView {
    let reco = use_reco();
    let error = RwSignal::new(None::<String>);
    view! {
        <div class="as-of">
            <label>"Fecha de corte"
                <input id="reco-as-of" type="date" prop:value=move || reco.as_of.get().to_string()
                    on:change=move |ev| match Date::parse_iso(&event_target_value(&ev)) {
                        Ok(date) => {
                            error.set(None);
                            reco.as_of.set(date);
                        }
                        Err(_) => error.set(Some("Indique la fecha de corte (aaaa-mm-dd).".to_string())),
                    }/>
            </label>
            <button id="reco-as-of-today" on:click=move |_| { error.set(None); reco.as_of.set(reco.today); }>"Hoy"</button>
            <span class="as-of-text">{move || format!("Cifras al {}", reco.as_of.get().dmy())}</span>
            <fields::Errors id="as-of-error" message=error/>
        </div>
    }
}
