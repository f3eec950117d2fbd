//! Wrapping and padding by display width, so that CJK, emoji and combining
//! marks line up in columns.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Wraps text to `width` columns, keeping blank lines between paragraphs.
/// Control characters are shown as visible stand-ins (`␛`), never sent.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let text = crate::model::visible(text);
    let width = width.max(1);
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        // Tabs have no fixed width on screen; show them as spaces.
        let paragraph: Cow<str> = if paragraph.contains('\t') {
            Cow::Owned(paragraph.replace('\t', "    "))
        } else {
            Cow::Borrowed(paragraph)
        };
        if paragraph.trim().is_empty() {
            out.push(String::new());
            continue;
        }
        out.extend(
            textwrap::wrap(&paragraph, width)
                .into_iter()
                .map(|l| fit(&l, width)),
        );
    }
    out
}

/// Cuts `s` to at most `width` columns, ending in `…` when cut; a line
/// break or control character shows as a visible stand-in.
pub fn fit(s: &str, width: usize) -> String {
    let shown = crate::model::visible_line(s);
    let s = shown.as_str();
    if self::width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `s` cut or padded with spaces to exactly `width` columns.
pub fn pad(s: &str, width: usize) -> String {
    let s = fit(s, width);
    let w = self::width(&s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_are_padded_by_columns() {
        assert_eq!(width(&pad("日本", 6)), 6);
        assert_eq!(pad("abcdef", 4), "abc…");
    }

    #[test]
    fn wrapping_keeps_paragraphs_and_fits_long_words() {
        let lines = wrap("one two three\n\nxxxxxxxxxxxx", 5);
        assert!(lines.iter().all(|l| width(l) <= 5), "{lines:?}");
        assert!(lines.contains(&String::new()));
    }
}
