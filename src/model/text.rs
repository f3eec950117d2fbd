//! Input normalisation: what a person types or pastes is stored so that it
//! reads back exactly as it was shown on screen.

/// Normalises multi-line text: `\r\n` and lone `\r` become `\n`, and control
/// characters other than newline and tab are dropped (they cannot be shown and
/// would only confuse a person reading the journal file).
pub fn normalize_text(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Normalises a single-line value such as a name or a list item: line breaks
/// and tabs become spaces, other control characters are dropped, and the ends
/// are trimmed.
pub fn normalize_line(input: &str) -> String {
    let text = normalize_text(input);
    let joined: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect();
    joined.trim().to_string()
}

/// The longest partner name tandem accepts, in characters.
pub const MAX_NAME_CHARS: usize = 60;

/// The most text one answer may hold. A paste that would go beyond it is
/// refused whole, with a message, so that no page grows past what tandem
/// reads back.
pub const MAX_ANSWER_BYTES: usize = 8 << 20;

/// `text` made safe for a terminal: every control character other than
/// newline and tab is replaced by a visible stand-in (`␛` for escape, `␇`
/// for the bell, `�` for the C1 controls), so text from a file can never
/// change a window's title, clear the screen or write the clipboard.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' | '\t' => c,
                '\u{7f}' => '\u{2421}',
                c if u32::from(c) < 0x20 => {
                    char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}')
                }
                c if c.is_control() => '\u{fffd}',
                c => c,
            })
            .collect(),
    )
}

/// As [`visible`], for a single line: line breaks and tabs are shown too.
pub fn visible_line(text: &str) -> String {
    visible(text)
        .chars()
        .map(|c| match c {
            '\n' => '\u{2424}',
            '\t' => ' ',
            c => c,
        })
        .collect()
}

/// "1 page", "3 pages".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_become_newlines() {
        assert_eq!(normalize_text("a\r\nb\rc\nd"), "a\nb\nc\nd");
    }

    #[test]
    fn control_characters_are_dropped_but_tabs_kept() {
        assert_eq!(normalize_text("a\u{0}b\u{1b}[31m\tc"), "ab[31m\tc");
    }

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(visible("a\u{1b}]0;x\u{7}b"), "a\u{241b}]0;x\u{2407}b");
        assert_eq!(visible("c\u{9b}2J\u{7f}"), "c\u{fffd}2J\u{2421}");
        assert_eq!(visible("line\n\tnext"), "line\n\tnext");
        assert_eq!(visible_line("a\nb"), "a\u{2424}b");
    }

    #[test]
    fn lines_are_trimmed_and_joined() {
        assert_eq!(normalize_line("  Sam\r\n Lee\t "), "Sam  Lee");
    }
}
