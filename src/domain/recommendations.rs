//! Recommendations of previous evaluations and control reports, their follow-up and indicators (DOMAIN.md §6).
