//! A light reading of RON text for pointing at things: tokens with their
//! byte offsets, comments, and the place a path of keys and positions
//! leads to. It does not decide what a file means (`ron` and serde do
//! that); it finds where a problem they report sits, so that a message can
//! name the line and column of the key that is wrong. It also writes
//! values as the RON a person reads, for every file tandem writes.

use std::borrow::Cow;

/// Writes a value as RON a person can read: answers appear as real
/// multi-line strings, not escaped ones.
pub fn to_ron<T: serde::Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .escape_strings(false);
    let mut text = ron::ser::to_string_pretty(value, config)?;
    text.push('\n');
    Ok(text)
}

/// One step into a value: a struct field or map key, a position in a list
/// or tuple, or into the parentheses of `Some(…)` or a variant such as
/// `Text(…)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
    Enter,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Tok<'a> {
    Ident(&'a str),
    /// A string, decoded; borrowed from the text unless it has escapes.
    Str(Cow<'a, str>),
    Char,
    Number,
    Punct(char),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token<'a> {
    pub tok: Tok<'a>,
    pub start: usize,
    /// Just after the token.
    pub end: usize,
}

/// The path `serde_ignored` reports for a skipped key, as steps into the
/// text.
pub fn segments(path: &serde_ignored::Path<'_>) -> Vec<Seg> {
    use serde_ignored::Path as P;
    let (parent, seg) = match path {
        P::Root => return Vec::new(),
        P::Seq { parent, index } => (parent, Seg::Index(*index)),
        P::Map { parent, key } => (parent, Seg::Key(key.clone())),
        P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
            (parent, Seg::Enter)
        }
    };
    let mut out = segments(parent);
    out.push(seg);
    out
}

/// The tokens of `text`, and where its comments start. Reading stops at the
/// first thing that is not RON; what came before is kept.
#[derive(Clone, Debug, Default)]
pub struct Scan<'a> {
    pub tokens: Vec<Token<'a>>,
    pub comments: Vec<usize>,
}

pub fn scan(text: &str) -> Scan<'_> {
    let bytes = text.as_bytes();
    let mut out = Scan::default();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        // Files are mostly indentation: a run of it is passed over at once.
        if matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
            i += bytes[i..]
                .iter()
                .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
                .unwrap_or(bytes.len() - i);
            continue;
        }
        let start = i;
        if let Some((body, raw)) = string_start(bytes, i) {
            let (value, end) = match raw {
                None => quoted(text, body),
                Some(hashes) => {
                    let close = format!("\"{}", "#".repeat(hashes));
                    let stop = text[body..].find(&close).map_or(bytes.len(), |n| body + n);
                    let end = (stop + close.len()).min(bytes.len());
                    (Cow::Borrowed(&text[body..stop]), end)
                }
            };
            out.tokens.push(Token {
                tok: Tok::Str(value),
                start,
                end,
            });
            i = end;
            continue;
        }
        match c {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                out.comments.push(start);
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                out.comments.push(start);
                i = skip_block_comment(bytes, i);
            }
            b'\'' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'\'' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
                out.tokens.push(Token {
                    tok: Tok::Char,
                    start,
                    end: i,
                });
            }
            b'0'..=b'9' | b'-' | b'+' | b'.' => {
                i += 1;
                while i < bytes.len() {
                    let d = bytes[i];
                    let exponent_sign =
                        matches!(d, b'+' | b'-') && matches!(bytes[i - 1], b'e' | b'E');
                    if d.is_ascii_alphanumeric() || d == b'_' || d == b'.' || exponent_sign {
                        i += 1;
                    } else {
                        break;
                    }
                }
                out.tokens.push(Token {
                    tok: Tok::Number,
                    start,
                    end: i,
                });
            }
            _ if c == b'_' || c.is_ascii_alphabetic() => {
                let from = if c == b'r' && bytes.get(i + 1) == Some(&b'#') {
                    i + 2
                } else {
                    i
                };
                i = from;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                out.tokens.push(Token {
                    tok: Tok::Ident(&text[from..i]),
                    start,
                    end: i,
                });
            }
            b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b':' | b'#' | b'!' => {
                i += 1;
                out.tokens.push(Token {
                    tok: Tok::Punct(char::from(c)),
                    start,
                    end: i,
                });
            }
            _ => break,
        }
    }
    out
}

fn skip_block_comment(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i + 1 < bytes.len() {
        match (bytes[i], bytes[i + 1]) {
            (b'/', b'*') => {
                depth += 1;
                i += 2;
            }
            (b'*', b'/') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Whether a string starts at `i` (`"…"`, `b"…"`, `r#"…"#`, `br"…"`): where
/// its text begins, and for a raw string how many `#` close it.
fn string_start(bytes: &[u8], i: usize) -> Option<(usize, Option<usize>)> {
    let mut j = i;
    if bytes.get(j) == Some(&b'b') {
        j += 1;
    }
    match bytes.get(j)? {
        b'"' => Some((j + 1, None)),
        b'r' => {
            let hashes = bytes[j + 1..].iter().take_while(|&&b| b == b'#').count();
            let quote = j + 1 + hashes;
            (bytes.get(quote) == Some(&b'"')).then_some((quote + 1, Some(hashes)))
        }
        _ => None,
    }
}

/// A quoted string from just after its opening quote: its value, and the
/// offset after its closing quote. Borrowed when it holds no escape.
fn quoted(text: &str, from: usize) -> (Cow<'_, str>, usize) {
    let rest = &text.as_bytes()[from..];
    match rest.iter().position(|&b| b == b'"' || b == b'\\') {
        Some(n) if rest[n] == b'"' => {
            return (Cow::Borrowed(&text[from..from + n]), from + n + 1);
        }
        None => return (Cow::Borrowed(&text[from..]), text.len()),
        Some(_) => {}
    }
    let mut value = String::new();
    let mut chars = text[from..].char_indices();
    while let Some((n, c)) = chars.next() {
        match c {
            '"' => return (Cow::Owned(value), from + n + 1),
            '\\' => match chars.next() {
                Some((_, 'n')) => value.push('\n'),
                Some((_, 't')) => value.push('\t'),
                Some((_, 'r')) => value.push('\r'),
                Some((_, '0')) => value.push('\0'),
                Some((_, 'u')) => {
                    let rest = &text[from + n + 2..];
                    let digits: String = rest
                        .trim_start_matches('{')
                        .chars()
                        .take_while(char::is_ascii_hexdigit)
                        .collect();
                    if let Some(c) = u32::from_str_radix(&digits, 16)
                        .ok()
                        .and_then(char::from_u32)
                    {
                        value.push(c);
                    }
                    let skip = digits.len() + usize::from(rest.starts_with('{')) * 2;
                    for _ in 0..skip {
                        chars.next();
                    }
                }
                Some((_, other)) => value.push(other),
                None => break,
            },
            c => value.push(c),
        }
    }
    (Cow::Owned(value), text.len())
}

impl<'a> Scan<'a> {
    fn punct(&self, i: usize, c: char) -> bool {
        matches!(self.tokens.get(i), Some(Token { tok: Tok::Punct(p), .. }) if *p == c)
    }

    /// Whether a name followed by `(` starts at `i`: a variant such as
    /// `Text(…)`, `Some(…)` or a named struct.
    fn named_paren(&self, i: usize) -> bool {
        matches!(
            self.tokens.get(i),
            Some(Token {
                tok: Tok::Ident(_),
                ..
            })
        ) && self.punct(i + 1, '(')
    }

    /// The token index just after the value starting at `i`.
    fn skip_value(&self, mut i: usize) -> usize {
        // A name before parentheses: a variant or a named struct.
        if self.named_paren(i) {
            i += 1;
        }
        match self.tokens.get(i).map(|t| &t.tok) {
            Some(Tok::Punct('(' | '[' | '{')) => {
                let mut depth = 0usize;
                while let Some(token) = self.tokens.get(i) {
                    match token.tok {
                        Tok::Punct('(' | '[' | '{') => depth += 1,
                        Tok::Punct(')' | ']' | '}') => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                return i + 1;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i
            }
            Some(_) => i + 1,
            None => i,
        }
    }

    /// The items between the brackets of the value at `i`: for each, the
    /// index of its key (if it has one) and of its value.
    fn items(&self, i: usize) -> Vec<(Option<usize>, usize)> {
        let mut open = i;
        if self.named_paren(open) {
            open += 1;
        }
        if !matches!(
            self.tokens.get(open).map(|t| &t.tok),
            Some(Tok::Punct('(' | '[' | '{'))
        ) {
            return Vec::new();
        }
        let end = self.skip_value(open).saturating_sub(1);
        let mut items = Vec::new();
        let mut j = open + 1;
        while j < end {
            let keyed = self.punct(j + 1, ':')
                && matches!(
                    self.tokens.get(j).map(|t| &t.tok),
                    Some(Tok::Ident(_) | Tok::Str(_) | Tok::Number | Tok::Char)
                );
            let (key, value) = if keyed { (Some(j), j + 2) } else { (None, j) };
            items.push((key, value));
            j = self.skip_value(value);
            if self.punct(j, ',') {
                j += 1;
            } else if j < end && j == value {
                break; // not RON we understand: stop rather than loop
            }
        }
        items
    }

    fn key_name(&self, i: usize) -> Option<&str> {
        match &self.tokens.get(i)?.tok {
            Tok::Ident(name) => Some(name),
            Tok::Str(name) => Some(name),
            _ => None,
        }
    }

    /// The token a path leads to: the key itself for a last `Key` step,
    /// otherwise the value.
    pub fn locate(&self, path: &[Seg]) -> Option<usize> {
        self.find(path, false)
    }

    /// Where the value a path leads to starts, for a last `Key` step too.
    pub fn locate_value(&self, path: &[Seg]) -> Option<usize> {
        self.find(path, true)
    }

    fn find(&self, path: &[Seg], value_of_key: bool) -> Option<usize> {
        let mut at = 0usize;
        let mut landed = 0usize;
        for seg in path {
            match seg {
                Seg::Key(name) => {
                    let (key, value) = self
                        .items(at)
                        .into_iter()
                        .find(|(key, _)| key.and_then(|k| self.key_name(k)) == Some(name))?;
                    landed = if value_of_key {
                        value
                    } else {
                        key.unwrap_or(value)
                    };
                    at = value;
                }
                Seg::Index(n) => {
                    let (_, value) = *self.items(at).get(*n)?;
                    landed = value;
                    at = value;
                }
                Seg::Enter => {
                    // `Scale(min: 1)` is a variant whose struct is written
                    // inside its own parentheses: its keys are found from
                    // the name, as for a named struct.
                    if self.named_paren(at) && !self.punct(at + 3, ':') {
                        at += 2;
                        landed = at;
                    }
                }
            }
        }
        Some(self.tokens.get(landed)?.start)
    }

    /// The path of every key in the text, in the order written; a value
    /// in a list or in a variant's parentheses is a position.
    pub fn key_paths(&self) -> Vec<Vec<Seg>> {
        let mut out = Vec::new();
        self.walk(0, &mut Vec::new(), &mut out);
        out
    }

    fn walk(&self, at: usize, path: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
        for (n, (key, value)) in self.items(at).into_iter().enumerate() {
            match key.and_then(|k| self.key_name(k)) {
                Some(name) => {
                    path.push(Seg::Key(name.to_string()));
                    out.push(path.clone());
                }
                None => path.push(Seg::Index(n)),
            }
            self.walk(value, path, out);
            path.pop();
        }
    }

    /// The name of a variant or named struct starting at `offset`
    /// (`Scale` of `Scale(min: 1, …)`).
    pub fn name_at(&self, offset: usize) -> Option<&'a str> {
        let i = self.tokens.partition_point(|t| t.start < offset);
        match self.tokens.get(i) {
            Some(Token {
                tok: Tok::Ident(name),
                start,
                ..
            }) if *start == offset => Some(name),
            _ => None,
        }
    }

    /// Keys that appear twice in one `{…}` map, as the offset of the
    /// second one and the key.
    pub fn repeated_map_keys(&self) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for (i, token) in self.tokens.iter().enumerate() {
            if token.tok != Tok::Punct('{') {
                continue;
            }
            let mut seen = std::collections::HashSet::new();
            for (key, _) in self.items(i) {
                let Some(k) = key else { continue };
                if let Some(name) = self.key_name(k)
                    && !seen.insert(name.to_string())
                {
                    out.push((self.tokens[k].start, name.to_string()));
                }
            }
        }
        out
    }

    /// The opening bracket (or the name before it) of the innermost item
    /// that contains `offset`, for a problem the parser reports at an
    /// item's end.
    pub fn item_start(&self, offset: usize) -> Option<usize> {
        let mut stack: Vec<usize> = Vec::new();
        for (i, token) in self.tokens.iter().enumerate() {
            if token.start >= offset {
                // A closing bracket at the offset belongs to the item.
                if matches!(token.tok, Tok::Punct(')' | ']' | '}')) && token.start == offset {
                    break;
                }
                if token.start > offset {
                    break;
                }
            }
            match token.tok {
                Tok::Punct('(' | '[' | '{') => stack.push(i),
                Tok::Punct(')' | ']' | '}') => {
                    stack.pop();
                }
                _ => {}
            }
        }
        let open = *stack.last()?;
        let named = open > 0 && matches!(self.tokens[open - 1].tok, Tok::Ident(_));
        let first = if named { open - 1 } else { open };
        Some(self.tokens[first].start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"(
    version: 1, // a note
    entries: ((
        partner: "A",
        answers: {
            "area": Text(r#"one "quoted" line"#),
            "list": Checklist(["a", "b\"c"]),
        },
    ), (
        partner: "B",
        answers: {"area": Text("x"), "area": Text("y")},
    )),
)"##;

    fn at(path: &[Seg]) -> &'static str {
        let scan = scan(PAGE);
        let offset = scan.locate(path).expect("found");
        &PAGE[offset..offset + PAGE[offset..].find(['\n', ',']).unwrap_or(4)]
    }

    #[test]
    fn paths_lead_to_keys_and_values() {
        let key = |k: &str| Seg::Key(k.to_string());
        assert_eq!(at(&[key("version")]), "version: 1");
        assert_eq!(
            at(&[key("entries"), Seg::Index(1), key("partner")]),
            "partner: \"B\""
        );
        assert_eq!(
            at(&[key("entries"), Seg::Index(0), key("answers"), key("list")]),
            "\"list\": Checklist([\"a\""
        );
        assert_eq!(
            at(&[
                key("entries"),
                Seg::Index(0),
                key("answers"),
                key("list"),
                Seg::Enter,
                Seg::Index(1)
            ]),
            "\"b\\\"c\"])"
        );
    }

    #[test]
    fn comments_and_repeated_keys_are_found() {
        let scan = scan(PAGE);
        assert_eq!(scan.comments.len(), 1);
        let repeated = scan.repeated_map_keys();
        assert_eq!(repeated.len(), 1);
        assert_eq!(repeated[0].1, "area");
    }

    #[test]
    fn an_items_end_leads_back_to_its_start() {
        let text = "(\n  id: \"x\",\n  steps: [(id: \"a\", prompt: \"p\")],\n)";
        let scan = scan(text);
        let close = text.find(")]").expect("close");
        let start = scan.item_start(close).expect("start");
        assert_eq!(&text[start..start + 4], "(id:");
    }
}
