//! What the edit forms share: the messages of a refused save, each at its field.

use leptos::prelude::*;

use crate::domain::editing::{Field, StructureError};

/// The messages of a form after a refused save: each at its field, the rest under the form.
#[derive(Clone, Copy)]
pub struct FormErrors(RwSignal<Vec<StructureError>>);

impl FormErrors {
    pub fn new() -> Self {
        Self(RwSignal::new(Vec::new()))
    }

    pub fn set(self, errors: Vec<StructureError>) {
        self.0.set(errors);
    }

    pub fn clear(self) {
        self.0.set(Vec::new());
    }

    /// `aria-invalid` of the field's input.
    pub fn invalid(self, field: Field) -> impl Fn() -> Option<&'static str> + Copy {
        move || self.0.with(|e| e.iter().any(|e| e.field() == Some(field))).then_some("true")
    }

    fn list(self, belongs: impl Fn(Option<Field>) -> bool + Copy + Send + Sync + 'static, class: &'static str) -> impl IntoView {
        move || {
            let messages: Vec<String> = self.0.with(|e| e.iter().filter(|e| belongs(e.field())).map(ToString::to_string).collect());
            (!messages.is_empty()).then(|| {
                view! { <ul class=class role="alert">{messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul> }
            })
        }
    }

    /// The messages that belong at `field`, under its input.
    pub fn at(self, field: Field) -> impl IntoView {
        self.list(move |f| f == Some(field), "errors field-errors")
    }

    /// The messages about the whole form.
    pub fn general(self) -> impl IntoView {
        self.list(|f| f.is_none(), "errors")
    }
}
