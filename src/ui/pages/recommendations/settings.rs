//! The follow-up settings as data: due-soon days, action-plan días hábiles, and the holidays of each year.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::fields::{required_date, Errors};
use super::use_reco;
use crate::domain::calendar::{peru_national_holidays, Holiday};
use crate::domain::recommendations::FollowUpSettings;

/// A count of days typed in a field.
fn days(text: &str, what: &str) -> Result<u32, String> {
    text.trim().parse().map_err(|_| format!("{what}: «{}» no es un número entero de días (0 o más).", text.trim()))
}

/// The settings panel.
#[component]
pub fn SettingsPanel() -> impl IntoView {
    let reco = use_reco();
    let error = RwSignal::new(None::<String>);
    let revision = RwSignal::new(0u32);
    let setting = move |f: fn(&FollowUpSettings) -> String| {
        move || {
            revision.track();
            reco.ws.with(|w| f(&w.recommendations.settings))
        }
    };
    let set_days = move |text: String, what: &str, apply: fn(&mut FollowUpSettings, u32)| match days(&text, what) {
        Ok(n) => {
            error.set(None);
            reco.ws.update(|w| apply(&mut w.recommendations.settings, n));
        }
        Err(message) => {
            error.set(Some(message));
            revision.update(|r| *r += 1);
        }
    };
    view! {
        <div class="reco-settings">
            <h2>"Configuración del seguimiento"</h2>
            <p class="note">"Valores de la práctica habitual, editables: se guardan con el espacio de trabajo."</p>
            <div class="form-grid">
                <label>"Días calendario para considerar una recomendación «por vencer»"
                    <input id="setting-due-soon" type="number" min="0" prop:value=setting(|s| s.due_soon_days.to_string())
                        on:change=move |ev| set_days(event_target_value(&ev), "Días para «por vencer»", |s, n| s.due_soon_days = n)/>
                </label>
                <label>"Días hábiles para presentar el plan de acción desde la recepción del informe"
                    <input id="setting-plan-days" type="number" min="0" prop:value=setting(|s| s.action_plan_working_days.to_string())
                        on:change=move |ev| set_days(event_target_value(&ev), "Días hábiles del plan de acción", |s, n| s.action_plan_working_days = n)/>
                </label>
                <label class="check">
                    <input id="setting-move-deadline" type="checkbox"
                        prop:checked=move || reco.ws.with(|w| w.recommendations.settings.deadline_moves_to_working_day)
                        on:change=move |ev| { let on = event_target_checked(&ev); reco.ws.update(|w| w.recommendations.settings.deadline_moves_to_working_day = on); }/>
                    "Un plazo que cae en fin de semana o feriado pasa al siguiente día hábil"
                </label>
            </div>
            <Errors id="settings-error" message=error/>
            <Holidays/>
        </div>
    }
}

/// The holidays of one year: listed, removable, and a form to add one.
#[component]
fn Holidays() -> impl IntoView {
    let reco = use_reco();
    let year = RwSignal::new(reco.as_of.get_untracked().year());
    let years = Memo::new(move |_| {
        let mut years: Vec<u16> =
            reco.ws.with(|w| w.recommendations.settings.holidays.holidays().iter().map(|h| h.date.year()).collect());
        years.extend([reco.today.year(), reco.as_of.get().year(), year.get()]);
        years.sort_unstable();
        years.dedup();
        years
    });
    let holidays = move || reco.ws.with(|w| w.recommendations.settings.holidays.in_year(year.get()).to_vec());
    let date = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let holiday = required_date(&date.get_untracked(), "la fecha del feriado").and_then(|date| {
            let name = name.get_untracked().trim().to_string();
            if name.is_empty() {
                Err("Indique el nombre del feriado o día no laborable.".to_string())
            } else {
                Ok(Holiday { date, name })
            }
        });
        match holiday {
            Ok(holiday) => {
                error.set(None);
                year.set(holiday.date.year());
                reco.ws.update(|w| w.recommendations.settings.holidays.add(holiday));
                date.set(String::new());
                name.set(String::new());
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let add_national = move |_| {
        let national = peru_national_holidays(year.get_untracked());
        reco.ws.update(|w| {
            for holiday in national {
                w.recommendations.settings.holidays.add(holiday);
            }
        });
    };
    view! {
        <h3>"Feriados y días no laborables"</h3>
        <p class="note">"No cuentan como días hábiles. Se incluyen los feriados nacionales de 2023 a 2027; agregue los días no laborables que decrete el Gobierno."</p>
        <label class="inline">"Año"
            <select id="holiday-year" prop:value=move || year.get().to_string()
                on:change=move |ev| if let Ok(y) = event_target_value(&ev).parse() { year.set(y) }>
                {move || years.get().into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
            </select>
        </label>
        <table class="list compact" id="holidays-table">
            <caption>{move || format!("Feriados de {}", year.get())}</caption>
            <thead><tr><th scope="col">"FECHA"</th><th scope="col">"DÍA"</th><th scope="col">"NOMBRE"</th><th scope="col"></th></tr></thead>
            <tbody>
                {move || holidays().into_iter().map(|h| {
                    let date = h.date;
                    view! {
                        <tr>
                            <td>{date.dmy()}</td>
                            <td>{date.weekday().label()}</td>
                            <td>{h.name.clone()}</td>
                            <td><button class="link" on:click=move |_| reco.ws.update(|w| { w.recommendations.settings.holidays.remove(date); })>"Quitar"</button></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <Show when=move || holidays().is_empty()>
            <p class="empty">"Sin feriados registrados en este año: solo se descuentan los fines de semana."</p>
            <button id="holiday-national" on:click=add_national>{move || format!("Agregar los feriados nacionales de {}", year.get())}</button>
        </Show>
        <form class="reco-form inline-form" id="holiday-form" on:submit=add>
            <label>"Fecha"<input id="holiday-date" type="date" bind:value=date/></label>
            <label>"Nombre"<input id="holiday-name" type="text" placeholder="Día no laborable (D.S. N° …)" bind:value=name/></label>
            <button id="holiday-add" type="submit">"Agregar feriado"</button>
        </form>
        <Errors id="holiday-error" message=error/>
    }
}
