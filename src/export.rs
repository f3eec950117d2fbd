//! Pages as Markdown or as a self-contained HTML file, both partners side by
//! side for every step: for reading, printing, or bringing to a counsellor.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::compare::{Body, Section, change_text, gap_text, scale_text, sections, words};
use crate::content::Library;
use crate::model::{Page, PageStatus};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

fn date(ts: Timestamp, tz: &TimeZone) -> String {
    crate::zone::day(ts, tz)
}

pub fn status_text(page: &Page) -> String {
    let names = crate::model::Partner::BOTH.map(|p| page.entry(p).partner.clone());
    status_words(page.status(), &names)
}

/// A page's status in words, with its partners' names.
pub fn status_words(status: PageStatus, names: &[String; 2]) -> String {
    let words = status.words([&names[0], &names[1]]);
    match status {
        PageStatus::BothDone => format!("{words}, not talked over yet"),
        _ => words,
    }
}

/// A page to export, with why it is read-only when it is: what its file
/// holds beyond what tandem understands is then not all shown.
pub struct ExportPage {
    pub page: Page,
    pub read_only: Option<String>,
}

impl From<crate::journal::LoadedPage> for ExportPage {
    fn from(loaded: crate::journal::LoadedPage) -> Self {
        ExportPage {
            read_only: loaded.access.reason().map(str::to_string),
            page: loaded.page,
        }
    }
}

/// Pages as one document. An unfinished page shows its status only:
/// answers stay private until both partners have finished.
pub fn document(pages: &[ExportPage], library: &Library, tz: &TimeZone, format: Format) -> String {
    let parts: Vec<String> = pages
        .iter()
        .map(|page| page_part(page, library, tz, format))
        .collect();
    assemble(parts, format)
}

fn writer_for(format: Format) -> Box<dyn Writer> {
    match format {
        Format::Markdown => Box::new(Markdown),
        Format::Html => Box::new(Html),
    }
}

/// One page of a document, on its own, for [`assemble`]: pages are
/// written apart so that many can be written at once, each by the thread
/// that read it. No control character from the page is left in it: a
/// document may be read in a terminal (`tandem export | less`).
pub fn page_part(export: &ExportPage, library: &Library, tz: &TimeZone, format: Format) -> String {
    let mut out = String::new();
    let mut writer = writer_for(format);
    let ExportPage { page, read_only } = export;
    let names = [
        page.entries[0].partner.as_str(),
        page.entries[1].partner.as_str(),
    ];
    writer.title(
        &mut out,
        &format!("{} — {}", page.title, date(page.started, tz)),
        &format!("{} and {} · {}", names[0], names[1], status_text(page)),
    );
    if let Some(why) = read_only {
        writer.paragraph(&mut out, &format!("Read-only: {why}."), true);
    }
    match crate::reveal::reveal(page) {
        None => writer.private(&mut out, crate::reveal::not_revealed_words(page)),
        Some(revealed) => {
            let exercise = library.get(&page.exercise);
            let discussed = page.status() == PageStatus::Discussed;
            for section in sections(revealed, exercise, discussed) {
                write_section(writer.as_mut(), &mut out, &section, names, tz);
            }
        }
    }
    match crate::model::visible(&out) {
        std::borrow::Cow::Borrowed(_) => out,
        std::borrow::Cow::Owned(shown) => shown,
    }
}

/// A whole document of the pages written by [`page_part`], in order.
pub fn assemble(parts: Vec<String>, format: Format) -> String {
    let mut writer = writer_for(format);
    let mut out = String::with_capacity(parts.iter().map(String::len).sum::<usize>() + 4096);
    writer.begin(&mut out, parts.len());
    for (n, part) in parts.into_iter().enumerate() {
        if n > 0 {
            writer.separator(&mut out);
        }
        out.push_str(&part);
    }
    writer.end(&mut out);
    out
}

/// The shapes a document is made of, in either format.
trait Writer {
    fn begin(&mut self, out: &mut String, pages: usize);
    fn end(&mut self, out: &mut String);
    fn separator(&mut self, out: &mut String);
    fn title(&mut self, out: &mut String, title: &str, meta: &str);
    fn heading(&mut self, out: &mut String, text: &str);
    fn paragraph(&mut self, out: &mut String, text: &str, quiet: bool);
    fn table(&mut self, out: &mut String, header: &[&str], rows: &[Vec<String>]);
    fn list(&mut self, out: &mut String, label: &str, items: &[String]);
    /// What stands for a page whose answers are still private.
    fn private(&mut self, out: &mut String, text: &str) {
        self.paragraph(out, text, true);
    }
}

fn write_section(
    w: &mut dyn Writer,
    out: &mut String,
    section: &Section,
    names: [&str; 2],
    tz: &TimeZone,
) {
    w.heading(out, &section.heading);
    let answer = |a: &Option<Vec<String>>| match a {
        Some(parts) => parts.join("\n"),
        None => words::NO_ANSWER.to_string(),
    };
    match &section.body {
        Body::Columns(answers) => {
            w.table(
                out,
                &names,
                &[vec![answer(&answers[0]), answer(&answers[1])]],
            );
        }
        Body::Scale { values, scale } => {
            let show =
                |v: Option<i32>| v.map_or(words::NO_ANSWER.to_string(), |v| scale_text(v, scale));
            w.table(out, &names, &[vec![show(values[0]), show(values[1])]]);
            if let [Some(a), Some(b)] = values {
                w.paragraph(out, &gap_text(*a, *b, scale), true);
            }
        }
        Body::Checklist { both, only } => {
            // Side by side, as every other step: what each chose, what
            // both chose first.
            let chosen = |p: usize| {
                let lines: Vec<String> = both
                    .iter()
                    .map(|item| format!("• {item} (both of you)"))
                    .chain(only[p].iter().map(|item| format!("• {item}")))
                    .collect();
                if lines.is_empty() {
                    "(none chosen)".to_string()
                } else {
                    lines.join("\n")
                }
            };
            w.table(out, &names, &[vec![chosen(0), chosen(1)]]);
        }
        Body::Grid {
            columns,
            rows,
            scales,
        } => {
            let label = columns.join(" / ");
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|row| {
                    let mark = row.mark().map_or(String::new(), |m| format!(" ({m})"));
                    vec![
                        format!("{}{mark}", row.label),
                        row.values[0].join(" / "),
                        row.values[1].join(" / "),
                    ]
                })
                .collect();
            w.table(out, &[&label, names[0], names[1]], &table);
            let marks: Vec<String> = crate::compare::grid_legend(rows)
                .into_iter()
                .map(|(mark, means)| format!("({mark}) {means}"))
                .collect();
            if !marks.is_empty() {
                w.paragraph(out, &marks.join(" · "), true);
            }
            for scale in scales {
                w.paragraph(out, scale, true);
            }
        }
        Body::One { partner, lines } => {
            w.table(out, &[names[partner.index()]], &[vec![answer(lines)]]);
        }
        Body::Together(text) => match text {
            Some(t) if !t.trim().is_empty() => w.paragraph(out, t, false),
            _ => w.paragraph(out, words::NOTHING_WRITTEN, true),
        },
        Body::Agreements(agreements) => {
            let items: Vec<String> = agreements
                .iter()
                .map(|a| format!("{} ({})", a.text, a.status.label()))
                .collect();
            if items.is_empty() {
                w.paragraph(out, words::NO_AGREEMENTS, true);
            } else {
                w.list(out, "", &items);
            }
        }
        Body::LaterNotes(notes) => {
            let items: Vec<String> = notes
                .iter()
                .map(|n| format!("{}: {}", date(n.when, tz), n.text))
                .collect();
            w.list(out, "", &items);
        }
        Body::Change(lines) => {
            let rows: Vec<Vec<String>> = lines
                .iter()
                .map(|line| {
                    let mut row = vec![line.label.clone()];
                    row.extend((0..2).map(|p| change_text(line, p)));
                    row
                })
                .collect();
            w.table(out, &["", names[0], names[1]], &rows);
        }
        Body::ThenNow(answers) => {
            for (p, name) in names.iter().enumerate() {
                let [then, now] = words::then_and_now(name);
                w.table(
                    out,
                    &[&then, &now],
                    &[vec![answer(&answers[p][0]), answer(&answers[p][1])]],
                );
            }
        }
    }
}

struct Markdown;

/// Keeps a person's words from being read as Markdown or HTML.
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text safe inside a table cell: pipes escaped, line breaks as `<br>`.
fn md_cell(text: &str) -> String {
    md_escape(text).replace('|', "\\|").replace('\n', "<br>")
}

impl Writer for Markdown {
    fn begin(&mut self, _out: &mut String, _pages: usize) {}
    fn end(&mut self, _out: &mut String) {}
    fn separator(&mut self, out: &mut String) {
        out.push_str("\n---\n\n");
    }
    fn title(&mut self, out: &mut String, title: &str, meta: &str) {
        out.push_str(&format!(
            "# {}\n\n{}\n\n",
            md_escape(title),
            md_escape(meta)
        ));
    }
    fn heading(&mut self, out: &mut String, text: &str) {
        out.push_str(&format!("## {}\n\n", md_escape(text)));
    }
    fn paragraph(&mut self, out: &mut String, text: &str, quiet: bool) {
        if quiet {
            out.push_str(&format!("_{}_\n\n", md_escape(text)));
        } else {
            out.push_str(&format!("{}\n\n", md_escape(text).replace('\n', "  \n")));
        }
    }
    fn table(&mut self, out: &mut String, header: &[&str], rows: &[Vec<String>]) {
        let header: Vec<String> = header.iter().map(|h| md_cell(h)).collect();
        out.push_str(&format!("| {} |\n", header.join(" | ")));
        out.push_str(&format!("|{}\n", " --- |".repeat(header.len())));
        for row in rows {
            let cells: Vec<String> = row.iter().map(|c| md_cell(c)).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        out.push('\n');
    }
    fn list(&mut self, out: &mut String, label: &str, items: &[String]) {
        if !label.is_empty() {
            out.push_str(&format!("**{}:**", md_escape(label)));
            if items.is_empty() {
                out.push_str(" _(none)_\n\n");
                return;
            }
            out.push('\n');
        }
        for item in items {
            out.push_str(&format!("- {}\n", md_escape(item)));
        }
        out.push('\n');
    }
}

struct Html;

fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A self-contained page: no scripts, no fonts or files from elsewhere,
/// two columns that keep together when printed.
const HTML_STYLE: &str = "
body { font-family: Georgia, 'Times New Roman', serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.5rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.05rem; margin: 1.4rem 0 0.4rem; break-after: avoid; page-break-after: avoid; }
.meta, .quiet { color: #555; font-style: italic; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0.3rem 0 0.6rem; }
th, td { border: 1px solid #bbb; padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; white-space: pre-wrap; overflow-wrap: anywhere; }
th { background: #f2f2f2; }
ul { margin: 0.2rem 0 0.6rem; }
article { margin-bottom: 2.5rem; }
section { break-inside: avoid; page-break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } article { break-after: page; } article:has(p.private) { break-after: auto; } a { color: inherit; } }
";

impl Writer for Html {
    /// Marked, so that a page of one line shares its printed sheet.
    fn private(&mut self, out: &mut String, text: &str) {
        out.push_str(&format!(
            "<p class=\"quiet private\" dir=\"auto\">{}</p>\n",
            html_escape(text)
        ));
    }

    fn begin(&mut self, out: &mut String, pages: usize) {
        out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str(&format!(
            "<title>tandem — {pages} page{}</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body>\n<article>\n",
            if pages == 1 { "" } else { "s" }
        ));
    }
    fn end(&mut self, out: &mut String) {
        out.push_str("</article>\n</body>\n</html>\n");
    }
    fn separator(&mut self, out: &mut String) {
        out.push_str("</article>\n<article>\n");
    }
    fn title(&mut self, out: &mut String, title: &str, meta: &str) {
        out.push_str(&format!(
            "<h1>{}</h1>\n<p class=\"meta\">{}</p>\n",
            html_escape(title),
            html_escape(meta)
        ));
    }
    fn heading(&mut self, out: &mut String, text: &str) {
        out.push_str(&format!("<h2>{}</h2>\n", html_escape(text)));
    }
    fn paragraph(&mut self, out: &mut String, text: &str, quiet: bool) {
        let class = if quiet { " class=\"quiet\"" } else { "" };
        out.push_str(&format!(
            "<p{class} dir=\"auto\">{}</p>\n",
            html_escape(text).replace('\n', "<br>")
        ));
    }
    fn table(&mut self, out: &mut String, header: &[&str], rows: &[Vec<String>]) {
        out.push_str("<section><table>\n<tr>");
        for h in header {
            out.push_str(&format!("<th dir=\"auto\">{}</th>", html_escape(h)));
        }
        out.push_str("</tr>\n");
        for row in rows {
            out.push_str("<tr>");
            for cell in row {
                out.push_str(&format!("<td dir=\"auto\">{}</td>", html_escape(cell)));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</table></section>\n");
    }
    fn list(&mut self, out: &mut String, label: &str, items: &[String]) {
        if !label.is_empty() {
            out.push_str(&format!("<p><strong>{}:</strong>", html_escape(label)));
            if items.is_empty() {
                out.push_str(" <span class=\"quiet\">(none)</span></p>\n");
                return;
            }
            out.push_str("</p>\n");
        }
        out.push_str("<ul>\n");
        for item in items {
            out.push_str(&format!("<li dir=\"auto\">{}</li>\n", html_escape(item)));
        }
        out.push_str("</ul>\n");
    }
}
