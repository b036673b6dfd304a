//! Texts as calamine reads them: the shared strings table, an inline string, a `<v>`'s text.

use memchr::memchr;
use quick_xml::events::Event;
use quick_xml::Reader;

use crate::Declined;

/// A reader configured as calamine configures its own.
pub(crate) fn xml_reader(xml: &[u8]) -> Reader<&[u8]> {
    let mut reader = Reader::from_reader(xml);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    reader
}

/// The shared strings table, each item as calamine reads it.
pub fn shared_strings(xml: &[u8]) -> Result<Vec<String>, Declined> {
    let mut reader = xml_reader(xml);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).map_err(|_| Declined)? {
            Event::Start(e) if e.local_name().as_ref() == "sst" => break,
            Event::Eof => return Err(Declined),
            _ => {}
        }
        buf.clear();
    }
    let mut strings = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(|_| Declined)? {
            Event::Start(e) if e.local_name().as_ref() == "si" => {
                let closing = e.name().as_ref().to_string();
                strings.push(rich_text(&mut reader, &closing)?);
            }
            Event::End(e) if e.local_name().as_ref() == "sst" => return Ok(strings),
            Event::Eof => return Err(Declined),
            _ => {}
        }
    }
}

/// The text of an item: its `<t>` runs joined, phonetic runs left out, outer white space
/// trimmed unless preserved.
fn rich_text(reader: &mut Reader<&[u8]>, closing: &str) -> Result<String, Declined> {
    let mut text = String::new();
    let mut phonetic = false;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(|_| Declined)? {
            Event::Start(e) if e.local_name().as_ref() == "rPh" => phonetic = true,
            Event::End(e) if e.name().as_ref() == closing => return Ok(text),
            Event::End(e) if e.local_name().as_ref() == "rPh" => phonetic = false,
            Event::Start(e) if e.local_name().as_ref() == "t" && !phonetic => {
                let preserve = e.try_get_attribute("xml:space").map_err(|_| Declined)?.is_some_and(|a| a.value.as_ref() == "preserve");
                let name = e.name().as_ref().to_string();
                let mut run = String::new();
                let mut inner = Vec::new();
                loop {
                    inner.clear();
                    match reader.read_event_into(&mut inner).map_err(|_| Declined)? {
                        Event::Text(t) => run.push_str(&t.xml10_content()),
                        Event::CData(t) => run.push_str(&t.xml10_content()),
                        Event::GeneralRef(r) => match quick_xml::escape::resolve_xml_entity(r.as_ref()) {
                            Some(entity) => run.push_str(entity),
                            None => run.push(r.resolve_char_ref().map_err(|_| Declined)?.ok_or(Declined)?),
                        },
                        Event::End(end) if end.name().as_ref() == name => break,
                        Event::Eof => return Err(Declined),
                        _ => {}
                    }
                }
                let run = if preserve { run.as_str() } else { run.trim_matches([' ', '\t', '\r', '\n']) };
                text.push_str(office_plain(run)?);
            }
            Event::Eof => return Err(Declined),
            _ => {}
        }
    }
}

/// A text without Office's `_xHHHH_` escapes (calamine decodes them; this reader does not).
pub(crate) fn office_plain(text: &str) -> Result<&str, Declined> {
    if text.contains("_x") {
        Err(Declined)
    } else {
        Ok(text)
    }
}

/// Text of a `<v>` or `<t>`: UTF-8, entities decoded, no carriage return (XML reads it as a line feed).
pub(crate) fn xml_text(raw: &[u8]) -> Result<std::borrow::Cow<'_, str>, Declined> {
    let text = std::str::from_utf8(raw).map_err(|_| Declined)?;
    if text.contains('\r') {
        return Err(Declined);
    }
    if text.contains('&') {
        quick_xml::escape::unescape(text).map_err(|_| Declined)
    } else {
        Ok(text.into())
    }
}

/// The text of an inline string written as one plain `<t>`.
pub(crate) fn inline_text(inner: &[u8]) -> Result<String, Declined> {
    let inner = inner.trim_ascii();
    if inner.is_empty() {
        return Ok(String::new());
    }
    let rest = inner.strip_prefix(b"<t").ok_or(Declined)?;
    let gt = memchr(b'>', rest).ok_or(Declined)?;
    let (attributes, body) = (&rest[..gt], &rest[gt + 1..]);
    let preserve = match attributes.trim_ascii() {
        b"" => false,
        b"xml:space=\"preserve\"" | b"xml:space='preserve'" => true,
        _ => return Err(Declined),
    };
    let body = body.strip_suffix(b"</t>").ok_or(Declined)?;
    if body.contains(&b'<') {
        return Err(Declined);
    }
    let text = xml_text(body)?;
    let text = if preserve { &*text } else { text.trim_matches([' ', '\t', '\r', '\n']) };
    Ok(office_plain(text)?.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_strings_join_runs_and_leave_phonetic_text_out() {
        let xml = br#"<sst xmlns="x" count="3"><si><t xml:space="preserve"> a </t></si><si><r><t>b</t></r><r><t> c</t></r><rPh><t>z</t></rPh></si><si><t>d &amp; &#233;</t></si><si/></sst>"#;
        assert_eq!(shared_strings(xml).unwrap(), [" a ", "bc", "d & é", ""]);
        assert_eq!(shared_strings(br#"<sst><si><t>a_x000D_</t></si></sst>"#), Err(Declined));
    }
}
