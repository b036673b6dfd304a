//! The rows of a long table that are in view of its scrolling box: what the AEI sheet and the long
//! tables of the AEI page render, so a thousand rows scroll as smoothly as ten.

use std::ops::Range;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Rows rendered above and below the visible ones, so arrows and Tab always find a neighbour.
const OVERSCAN: usize = 8;

/// The first row in view of a box whose rows are all `row_height` pixels high, and how many fit.
#[derive(Clone, Copy)]
pub struct ScrollWindow {
    row_height: i32,
    top_row: RwSignal<usize>,
    rows_in_view: RwSignal<usize>,
}

impl ScrollWindow {
    pub fn new(row_height: i32) -> Self {
        Self { row_height, top_row: RwSignal::new(0), rows_in_view: RwSignal::new(24) }
    }

    /// The rows of `count` to render: those in view and `OVERSCAN` on each side.
    pub fn rows(self, count: usize) -> Range<usize> {
        let (top, fit) = (self.top_row.get(), self.rows_in_view.get());
        let first = top.saturating_sub(OVERSCAN).min(count);
        first..(top + fit + OVERSCAN).min(count).max(first)
    }

    /// Follows the box's scrolling (its `scroll` event).
    pub fn on_scroll(self, ev: leptos::ev::Event) {
        let Some(scroller) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let top = usize::try_from(scroller.scroll_top() / self.row_height).unwrap_or(0);
        let fit = usize::try_from(scroller.client_height() / self.row_height).unwrap_or(0) + 2;
        if self.top_row.get_untracked() != top {
            self.top_row.set(top);
        }
        if self.rows_in_view.get_untracked() != fit {
            self.rows_in_view.set(fit);
        }
    }

    /// The height of a spacer row standing for `rows` rows, set through the style object, which
    /// the Content-Security-Policy allows (a style attribute it does not); whole pixels, so no
    /// float formatting enters the bundle.
    pub fn spacer(self, rows: usize) -> String {
        format!("{}px", rows * self.row_height as usize)
    }
}
