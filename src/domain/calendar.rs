//! Dates, días hábiles and Peru's national holidays.
