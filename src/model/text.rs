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
    fn lines_are_trimmed_and_joined() {
        assert_eq!(normalize_line("  Sam\r\n Lee\t "), "Sam  Lee");
    }
}
