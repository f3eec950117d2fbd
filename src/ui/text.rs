//! Wrapping and padding by display width, so that CJK, emoji and combining
//! marks line up in columns.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The columns `s` takes on screen, counted grapheme by grapheme as the
/// screen lays it out. (Counted as one string, the Arabic lam-alef "لا"
/// is one column, where it is drawn in two, and every column after it
/// would shift.)
/// Measured as drawn, after [`drawable`].
pub fn width(s: &str) -> usize {
    // Most of what is drawn is plain printable ASCII: a column a byte.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.len();
    }
    drawable(s)
        .graphemes(true)
        .map(UnicodeWidthStr::width)
        .sum()
}

/// `text` as it can be drawn the same in every terminal: control
/// characters as visible stand-ins, and without the joiners, emoji
/// variation selectors and skin-tone modifiers that terminals disagree on
/// the width of. "👩‍❤️‍👨" is drawn as "👩❤👨": five columns in every
/// terminal, where drawn whole it takes two in some and six in others,
/// and leaves stray glyphs where they differ. Only the screen changes;
/// what was written is kept as it was.
pub fn drawable(text: &str) -> Cow<'_, str> {
    let shown = crate::model::visible(text);
    if !shown.chars().any(disputed) {
        return shown;
    }
    Cow::Owned(shown.chars().filter(|c| !disputed(*c)).collect())
}

fn disputed(c: char) -> bool {
    matches!(
        c,
        '\u{200d}' | '\u{fe0e}' | '\u{fe0f}' | '\u{1f3fb}'..='\u{1f3ff}'
    )
}

/// `text` with the spaces inside a number ("0800 027 1234") made
/// non-breaking, so wrapping never splits a telephone number.
pub fn numbers_unbroken(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let between_digits = i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if c == ' ' && between_digits {
                '\u{a0}'
            } else {
                c
            }
        })
        .collect()
}

/// Wraps text to `width` columns, keeping blank lines between paragraphs.
/// Control characters are shown as visible stand-ins (`␛`), never sent.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let text = drawable(text);
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
        // A line that wraps where two spaces were starts with the second;
        // only the paragraph's own first line keeps its indent.
        out.extend(
            textwrap::wrap(&paragraph, width)
                .into_iter()
                .enumerate()
                .map(|(n, l)| fit(if n == 0 { &l } else { l.trim_start() }, width)),
        );
    }
    out
}

/// Cuts `s` to at most `width` columns, ending in `…` when cut; a line
/// break or control character shows as a visible stand-in.
pub fn fit(s: &str, width: usize) -> String {
    if s.len() <= width && s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.to_string();
    }
    let shown = crate::model::visible_line(&drawable(s));
    let s = shown.as_str();
    if self::width(s) <= width {
        return s.to_string();
    }
    // Cut between graphemes, so a flag or an accent is never split.
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = UnicodeWidthStr::width(g);
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Lines of an answer wrapped to `width`, each list item's wrapped part
/// under its words rather than under its bullet.
pub fn hanging(lines: &[String], width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for line in lines {
        let (bullet, words) = match line.strip_prefix("• ") {
            Some(words) => ("• ", words),
            None => ("", line.as_str()),
        };
        let indent = " ".repeat(bullet.chars().count());
        for (n, part) in wrap(words, width.saturating_sub(indent.len()).max(1))
            .into_iter()
            .enumerate()
        {
            out.push(format!("{}{part}", if n == 0 { bullet } else { &indent }));
        }
    }
    out
}

/// As [`hanging`], stopping after `most` lines, the last of which then ends
/// in "…". What could not be shown is not wrapped at all, so a long answer
/// above a field costs no more to draw than a short one.
pub fn hanging_at_most(lines: &[String], width: usize, most: usize) -> Vec<String> {
    // A line holds at most as many characters as columns, but for
    // zero-width ones: twice that is more than can show.
    let mut room = most.saturating_mul(width.max(1)).saturating_mul(2);
    let mut cut = false;
    let mut shown = Vec::new();
    for line in lines {
        if room == 0 {
            cut = true;
            break;
        }
        match line.char_indices().nth(room) {
            Some((end, _)) => {
                shown.push(line[..end].to_string());
                cut = true;
                break;
            }
            None => {
                room -= line.chars().count().min(room);
                shown.push(line.clone());
            }
        }
    }
    let mut out = hanging(&shown, width);
    if out.len() > most {
        out.truncate(most);
        cut = true;
    }
    if cut && let Some(last) = out.last_mut() {
        *last = fit(&format!("{} …", last.trim_end()), width);
    }
    out
}

/// `text` wrapped to `width`, in at most `most` lines, the last of which
/// then ends in "…".
pub fn wrap_at_most(text: &str, width: usize, most: usize) -> Vec<String> {
    let mut lines = wrap(text, width);
    if lines.len() > most {
        lines.truncate(most);
        if let Some(last) = lines.last_mut() {
            *last = fit(&format!("{last} …"), width);
        }
    }
    lines
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
    fn a_long_answer_is_cut_to_what_shows() {
        let long = vec!["word ".repeat(1_000_000)];
        let lines = hanging_at_most(&long, 20, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| width(l) <= 20));
        let short = vec!["• one".to_string(), "• two".to_string()];
        assert_eq!(hanging_at_most(&short, 20, 3), hanging(&short, 20));
    }

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

#[cfg(test)]
mod wrapping {
    use super::*;

    #[test]
    fn wrapped_lines_start_with_a_word() {
        let lines = wrap("one  two  three", 5);
        assert!(lines.iter().all(|l| !l.starts_with(' ')), "{lines:?}");
        assert_eq!(wrap("  indented", 20), ["  indented"]);
    }

    #[test]
    fn list_items_wrap_under_their_words() {
        let lines = hanging(&["• to be heard when I speak".into(), "plain".into()], 10);
        assert_eq!(
            lines,
            ["• to be", "  heard", "  when I", "  speak", "plain"]
        );
    }
}
