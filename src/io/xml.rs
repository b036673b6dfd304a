//! A minimal XML pull reader for Office parts: tags, attributes, text and the predefined entities.

use std::borrow::Cow;
use std::fmt;

/// What the reader meets, in document order. Names are local: a prefix (`x:c`) is dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event<'a> {
    /// An opening tag; `empty` for `<c/>`, which has no matching `End`.
    Start { name: &'a str, attributes: Attributes<'a>, empty: bool },
    End { name: &'a str },
    /// Character data with entities resolved (CDATA as is).
    Text(Cow<'a, str>),
}

/// Why the text is not well-formed enough to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    /// Byte offset where the problem was found.
    pub offset: usize,
    pub problem: &'static str,
}

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "XML inválido en la posición {}: {}", self.offset, self.problem)
    }
}

/// The raw attribute text of a tag, read on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attributes<'a>(&'a str);

impl<'a> Attributes<'a> {
    /// The value of the attribute with the given local name (`r:id` answers to `id`), entities resolved.
    pub fn get(&self, name: &str) -> Option<Cow<'a, str>> {
        let mut rest = self.0;
        loop {
            rest = rest.trim_start();
            let eq = rest.find('=')?;
            let key = rest[..eq].trim();
            let after = rest[eq + 1..].trim_start();
            let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            let close = after[1..].find(quote)?;
            let value = &after[1..1 + close];
            if local(key) == name {
                return Some(unescape(value));
            }
            rest = &after[close + 2..];
        }
    }
}

fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, local)| local)
}

/// Resolves `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and character references; an unknown entity stays as written.
fn unescape(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // An entity is short: looking further for its `;` would make text full of `&` quadratic.
        let resolved = rest.bytes().take(13).position(|b| b == b';').and_then(|end| {
            let c = match &rest[1..end] {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                entity => entity
                    .strip_prefix("#x")
                    .map(|hex| u32::from_str_radix(hex, 16))
                    .or_else(|| entity.strip_prefix('#').map(str::parse::<u32>))
                    .and_then(Result::ok)
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match resolved {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Reads events one at a time from a document's text.
pub struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    /// A reader over the text; a leading byte order mark is skipped.
    pub fn new(text: &'a str) -> Self {
        Self { text: text.strip_prefix('\u{FEFF}').unwrap_or(text), at: 0 }
    }

    fn error(&self, problem: &'static str) -> XmlError {
        XmlError { offset: self.at, problem }
    }

    /// Skips past `end`, which must occur.
    fn skip_past(&mut self, end: &str, problem: &'static str) -> Result<usize, XmlError> {
        let found = self.text[self.at..].find(end).ok_or_else(|| self.error(problem))?;
        let start = self.at;
        self.at += found + end.len();
        Ok(start + found)
    }

    /// The next event, `None` at the end of the text.
    pub fn next_event(&mut self) -> Result<Option<Event<'a>>, XmlError> {
        let text = self.text;
        loop {
            let rest = &text[self.at..];
            if rest.is_empty() {
                return Ok(None);
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                self.at += end;
                return Ok(Some(Event::Text(unescape(&rest[..end]))));
            }
            if rest.starts_with("<?") {
                self.skip_past("?>", "instrucción sin cerrar")?;
            } else if rest.starts_with("<!--") {
                self.skip_past("-->", "comentario sin cerrar")?;
            } else if rest.starts_with("<![CDATA[") {
                self.at += "<![CDATA[".len();
                let start = self.at;
                let end = self.skip_past("]]>", "CDATA sin cerrar")?;
                return Ok(Some(Event::Text(Cow::Borrowed(&text[start..end]))));
            } else if rest.starts_with("<!") {
                // A DOCTYPE: its declarations are never expanded, only skipped. Only what comes
                // first is looked for, so many declarations take linear time.
                let end = match rest.find(['[', '>']).map(|at| rest.as_bytes()[at]) {
                    Some(b'[') => "]>",
                    _ => ">",
                };
                self.skip_past(end, "declaración sin cerrar")?;
            } else if let Some(name) = rest.strip_prefix("</") {
                let end = name.find('>').ok_or_else(|| self.error("etiqueta de cierre sin «>»"))?;
                self.at += 2 + end + 1;
                return Ok(Some(Event::End { name: local(name[..end].trim()) }));
            } else {
                return self.start_tag().map(Some);
            }
        }
    }

    fn start_tag(&mut self) -> Result<Event<'a>, XmlError> {
        let text = self.text;
        let start = self.at + 1;
        // A `>` inside a quoted attribute value does not end the tag. Quotes and `>` are ASCII, so
        // scanning bytes stops on character boundaries.
        let mut quote = None;
        let end = text.as_bytes()[start..]
            .iter()
            .position(|&b| match quote {
                Some(q) if b == q => {
                    quote = None;
                    false
                }
                Some(_) => false,
                None if b == b'"' || b == b'\'' => {
                    quote = Some(b);
                    false
                }
                None => b == b'>',
            })
            .map(|i| start + i)
            .ok_or_else(|| self.error("etiqueta sin «>»"))?;
        self.at = end + 1;
        let inner = &text[start..end];
        let (inner, empty) = match inner.strip_suffix('/') {
            Some(inner) => (inner, true),
            None => (inner, false),
        };
        let name_end = inner.find(|c: char| c.is_whitespace()).unwrap_or(inner.len());
        if name_end == 0 {
            return Err(XmlError { offset: start, problem: "etiqueta sin nombre" });
        }
        Ok(Event::Start { name: local(&inner[..name_end]), attributes: Attributes(&inner[name_end..]), empty })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Vec<Event<'_>> {
        let mut reader = Reader::new(text);
        std::iter::from_fn(|| reader.next_event().unwrap()).collect()
    }

    #[test]
    fn tags_text_and_prefixes_are_read() {
        let all = events("<?xml version=\"1.0\"?><!-- c --><x:row r=\"2\"><x:c r='B2' t=\"s\"><v>7</v></x:c><c/></x:row>");
        assert!(matches!(&all[0], Event::Start { name: "row", empty: false, .. }));
        let Event::Start { attributes, .. } = &all[1] else { panic!() };
        assert_eq!((attributes.get("r").as_deref(), attributes.get("t").as_deref()), (Some("B2"), Some("s")));
        assert_eq!(attributes.get("s"), None);
        assert_eq!(all[3], Event::Text(Cow::Borrowed("7")));
        assert!(matches!(&all[6], Event::Start { name: "c", empty: true, .. }));
        assert_eq!(all[7], Event::End { name: "row" });
    }

    #[test]
    fn entities_and_cdata_resolve() {
        assert_eq!(unescape("a &lt;b&gt; &amp; &quot;c&quot; &#241; &#xF1; &bogus;"), "a <b> & \"c\" ñ ñ &bogus;");
        assert_eq!(events("<t><![CDATA[<x> & y]]></t>")[1], Event::Text(Cow::Borrowed("<x> & y")));
        let all = events("<r:sheet r:id=\"rId1\" name=\"A &amp; B\"/>");
        let Event::Start { attributes, .. } = &all[0] else { panic!() };
        assert_eq!((attributes.get("id").as_deref(), attributes.get("name").as_deref()), (Some("rId1"), Some("A & B")));
    }

    #[test]
    fn a_quoted_greater_than_does_not_end_the_tag() {
        let all = events("<numFmt formatCode=\"[>=100]0\" numFmtId=\"164\"/>");
        let Event::Start { attributes, .. } = &all[0] else { panic!() };
        assert_eq!(attributes.get("numFmtId").as_deref(), Some("164"));
    }

    #[test]
    fn ampersands_and_declarations_without_end_read_in_linear_time() {
        let ampersands = "&".repeat(1_000_000);
        assert_eq!(unescape(&ampersands), ampersands.as_str());
        let declarations = format!("{}<a/>", "<!x>".repeat(250_000));
        assert!(matches!(&events(&declarations)[..], [Event::Start { name: "a", empty: true, .. }]));
    }

    #[test]
    fn unclosed_markup_is_an_error_not_a_panic() {
        for text in ["<a", "<!-- x", "<a></", "<![CDATA[x", "< >"] {
            let mut reader = Reader::new(text);
            let result = std::iter::from_fn(|| reader.next_event().transpose()).find(Result::is_err);
            assert!(result.is_some(), "{text}");
        }
    }
}
