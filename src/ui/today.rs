//! Today's date from the browser's clock, in its time zone (`SystemTime` panics in wasm).

use crate::domain::calendar::Date;

/// Today in the browser's time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let (year, month, day) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    Date::new(year as u16, month as u8, day as u8).unwrap_or(Date::MIN)
}
