//! The AO follow-up sheet (FORMATS.md): CSV in and out, all-or-nothing with every error listed.
