//! The first screen: the example's Resumen as static HTML, written into index.html at build time
//! (`examples/first_screen.rs`, run by tools/post-build.mjs) so a first visit shows its table
//! before the program arrives; the app removes it when it starts. With its script, which hides it
//! before the first paint wherever the app would not open on the example's Resumen.

use serde::Serialize;

use crate::domain::example::{reference_workspace, REFERENCE_VIEW};
use crate::domain::language::average;
use crate::domain::summary::{self, aei_overview};
use crate::domain::{Selection, Workspace};
use crate::io::office::escape;
use crate::storage::keys;

/// The element id of the first screen, which the app removes when it starts.
pub const ELEMENT_ID: &str = "first-screen";
/// The class the script sets on `<html>` to hide the first screen (style/main.css).
pub const HIDDEN_CLASS: &str = "no-first-screen";

/// What tools/post-build.mjs writes into index.html: `script` inline in the head (before any
/// paint), `html` first in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FirstScreen {
    pub script: String,
    pub html: String,
}

/// The first screen of the build: the example as a newcomer first sees it.
pub fn first_screen() -> FirstScreen {
    FirstScreen { script: hide_script(), html: summary_html(&reference_workspace(), REFERENCE_VIEW) }
}

/// The script that hides the first screen when the stored open slot is the user's own (the app's
/// keys, `storage::keys`, scoped to the app's directory as `keys::scope_of` does), when storage
/// says nothing readable, the example opens, as it does in the app), or when the location names
/// another page than the Resumen, before the app starts or once a link is followed.
fn hide_script() -> String {
    let json = |text: &str| serde_json::to_string(text).unwrap_or_default();
    let (active, legacy) = (json(&keys::scoped("", keys::ACTIVE)), json(&keys::legacy(keys::ACTIVE)));
    let (own, class) = (json(keys::OWN), json(HIDDEN_CLASS));
    format!(
        "(function(){{var hide=function(){{document.documentElement.classList.add({class});}};\
try{{var p=location.pathname,scope=p.slice(0,p.lastIndexOf('/')+1)||'/';\
var active=localStorage.getItem(scope+{active});if(active===null)active=localStorage.getItem({legacy});\
if(active==={own})hide();}}catch(e){{}}\
var other=function(){{return location.hash.replace(/^#\\/?/,'').split('/')[0]!=='';}};\
if(other())hide();addEventListener('hashchange',function(){{if(other())hide();}});}})();"
    )
}

/// `encodeURIComponent`, as the app's links encode an AEI code.
fn uri_component(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// A read-only field of the page's form or pickers, as the live page lays it out.
fn field(label: &str, control: &str) -> String {
    format!("<label>{}{control}</label>", escape(label))
}

fn picker(label: &str, option: &str) -> String {
    field(label, &format!("<select disabled><option>{}</option></select>", escape(option)))
}

/// The Resumen of `ws` for `selection`, laid out as the live page (`ui::pages::summary`) lays it
/// out, its controls disabled until the app starts. Carries no element id of the app's.
pub fn summary_html(ws: &Workspace, selection: Selection) -> String {
    let selection = selection.within(ws);
    let nav: String = summary::NAV.iter().map(|(href, label)| format!("<a href=\"{href}\">{}</a>", escape(label))).collect();
    let text_field = |label: &str, value: &str| field(label, &format!("<input type=\"text\" value=\"{}\" disabled>", escape(value)));
    let version = ws
        .evaluated_version(selection)
        .map(|v| summary::version_option(&v.label(), &v.resolution.citation()))
        .unwrap_or_default();
    let header: String = summary::AEI_LIST_COLUMNS.iter().map(|t| format!("<th scope=\"col\">{}</th>", escape(t))).collect();
    let lines = aei_overview(ws, selection);
    let rows: String = lines
        .iter()
        .map(|line| {
            format!(
                "<tr><td><a href=\"#/aei/{}\">{}</a></td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                uri_component(&line.code),
                escape(&line.code),
                escape(&line.name),
                line.activity_count,
                average(line.average_adjusted_physical_execution),
            )
        })
        .collect();
    let empty = if lines.is_empty() { format!("<p class=\"empty\">{}</p>", escape(summary::NO_AEI)) } else { String::new() };
    format!(
        "<div id=\"{ELEMENT_ID}\">\
<header class=\"app-header no-print\"><div class=\"brand\">{brand}</div><nav>{nav}</nav></header>\
<div class=\"workspace-banner no-print\"><span class=\"example-label\">{label}</span><button disabled>{start}</button><button disabled>{reset}</button></div>\
<main><section class=\"page\"><h1>{title}</h1>\
<div class=\"form-grid\">{name}{office}</div>\
<div class=\"selection\">{year}{version}{period}</div>\
<h2>{section}</h2>\
<table class=\"list\"><caption>{caption}</caption><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>{empty}\
</section></main></div>",
        brand = escape(summary::APP_NAME),
        label = escape(summary::EXAMPLE_LABEL),
        start = escape(summary::START_OWN),
        reset = escape(summary::RESET_EXAMPLE),
        title = escape(summary::TITLE),
        name = text_field(summary::ENTITY_NAME_LABEL, &ws.entity.name),
        office = text_field(summary::ENTITY_OFFICE_LABEL, &ws.entity.office),
        year = picker(summary::YEAR_LABEL, &selection.year.to_string()),
        version = picker(summary::VERSION_LABEL, &version),
        period = picker(summary::PERIOD_LABEL, selection.period.label()),
        section = escape(summary::AEI_SECTION_TITLE),
        caption = escape(summary::AEI_LIST_CAPTION),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_screen_is_the_example_overview_with_its_figures() {
        let html = first_screen().html;
        assert!(html.starts_with("<div id=\"first-screen\">"));
        assert!(html.contains("<caption>AEI del año y su ejecución</caption>"));
        assert!(html.contains("<td><a href=\"#/aei/AEI.08.05\">AEI.08.05</a></td>"));
        assert!(html.contains("<td class=\"num\">1</td><td class=\"num\">100.00</td>"));
        assert!(html.contains("<option>2023</option>") && html.contains("<option>Anual</option>"));
    }

    #[test]
    fn the_first_screen_carries_no_id_of_the_app() {
        let html = first_screen().html;
        assert_eq!(html.matches(" id=").count(), 1, "only the first screen's own id");
    }

    #[test]
    fn the_script_reads_the_app_keys_of_the_active_slot() {
        let script = first_screen().script;
        assert!(script.contains("scope+\"ficha.active\""), "{script}");
        assert!(script.contains("localStorage.getItem(\"ficha.active\")"), "the unscoped key of older builds");
        assert!(script.contains("active===\"own\""));
        assert!(script.contains("\"no-first-screen\""));
    }

    #[test]
    fn codes_are_encoded_as_the_app_links_them() {
        assert_eq!(uri_component("AEI.08.05"), "AEI.08.05");
        assert_eq!(uri_component("A B/ñ"), "A%20B%2F%C3%B1");
    }
}
