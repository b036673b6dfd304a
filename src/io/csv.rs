//! A small CSV reader and writer: delimiter detection, quoting, UTF-8/BOM and Windows-1252.
