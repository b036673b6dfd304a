//! What the user writes that the data cannot give: actions, per-AO narrative, problems, edited sections.
