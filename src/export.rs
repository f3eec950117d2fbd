//! Pages as Markdown, both partners side by side per step: for reading,
//! printing, or bringing to a counsellor.

use crate::compare::{Body, Section, sections};
use crate::model::{Exercise, Page, PageStatus};

/// One page as Markdown. An unfinished page shows its status only: answers
/// stay private until both partners have finished.
pub fn page_markdown(page: &Page, exercise: Option<&Exercise>, date: &str) -> String {
    let names = [&page.entries[0].partner, &page.entries[1].partner];
    let mut out = format!("# {} — {}\n\n", escape(&page.title), date);
    out.push_str(&format!(
        "{} and {} · {}\n\n",
        escape(names[0]),
        escape(names[1]),
        status_text(page)
    ));
    let status = page.status();
    if matches!(status, PageStatus::InProgress | PageStatus::WaitingFor(_)) {
        out.push_str("_The answers are private until both partners have finished._\n");
        return out;
    }
    for section in sections(page, exercise, status == PageStatus::Discussed) {
        section_markdown(&section, names, &mut out);
    }
    out
}

pub fn status_text(page: &Page) -> String {
    match page.status() {
        PageStatus::InProgress => "in progress".to_string(),
        PageStatus::WaitingFor(p) => format!("waiting for {}", page.entry(p).partner),
        PageStatus::BothDone => "both finished, not talked over yet".to_string(),
        PageStatus::Discussed => "talked over".to_string(),
    }
}

fn section_markdown(section: &Section, names: [&String; 2], out: &mut String) {
    out.push_str(&format!("## {}\n\n", escape(&section.heading)));
    match &section.body {
        Body::Columns(answers) => {
            table_header(&[names[0], names[1]], out);
            let cells = answers.clone().map(|a| match a {
                Some(parts) => cell(&parts.join("\n")),
                None => "_(no answer)_".to_string(),
            });
            out.push_str(&format!("| {} | {} |\n", cells[0], cells[1]));
        }
        Body::Scale { values, scale } => {
            table_header(&[names[0], names[1]], out);
            let show = |v: Option<i32>| {
                v.map_or("_(no answer)_".to_string(), |v| {
                    cell(&crate::compare::scale_text(v, scale))
                })
            };
            out.push_str(&format!("| {} | {} |\n", show(values[0]), show(values[1])));
            if let [Some(a), Some(b)] = values {
                out.push_str(&format!("\n{}\n", crate::compare::gap_text(*a, *b, scale)));
            }
        }
        Body::Checklist { both, only } => {
            for (label, items) in [
                ("Both".to_string(), both),
                (format!("Only {}", names[0]), &only[0]),
                (format!("Only {}", names[1]), &only[1]),
            ] {
                out.push_str(&format!("**{}:** ", escape(&label)));
                if items.is_empty() {
                    out.push_str("_(none)_\n\n");
                } else {
                    let items: Vec<String> = items.iter().map(|i| escape(i)).collect();
                    out.push_str(&format!("{}\n\n", items.join(", ")));
                }
            }
            return;
        }
        Body::Grid { columns, rows } => {
            table_header(&[&columns.join(" / "), names[0], names[1]], out);
            for row in rows {
                let mark = if row.urgent {
                    " !"
                } else if row.gap > 0 {
                    " ≠"
                } else {
                    ""
                };
                out.push_str(&format!(
                    "| {}{} | {} | {} |\n",
                    cell(&row.label),
                    mark,
                    cell(&row.values[0].join(" / ")),
                    cell(&row.values[1].join(" / "))
                ));
            }
        }
        Body::One { partner, lines } => {
            let name = escape(names[partner.index()]);
            match lines {
                Some(lines) => {
                    out.push_str(&format!("**{name}:** {}\n", escape(&lines.join("\n"))))
                }
                None => out.push_str(&format!("**{name}:** _(no answer)_\n")),
            }
        }
        Body::Together(text) => match text {
            Some(t) if !t.trim().is_empty() => out.push_str(&format!("{}\n", escape(t))),
            _ => out.push_str("_(nothing written)_\n"),
        },
        Body::Agreements(agreements) => {
            if agreements.is_empty() {
                out.push_str("_(none written down)_\n");
            }
            for a in agreements {
                out.push_str(&format!("- {} _({})_\n", escape(&a.text), a.status.label()));
            }
        }
    }
    out.push('\n');
}

fn table_header(columns: &[&str], out: &mut String) {
    let names: Vec<String> = columns.iter().map(|c| cell(c)).collect();
    out.push_str(&format!("| {} |\n", names.join(" | ")));
    out.push_str(&format!("|{}\n", " --- |".repeat(columns.len())));
}

/// Text safe inside a table cell: pipes escaped, line breaks as `<br>`.
fn cell(text: &str) -> String {
    escape(text).replace('|', "\\|").replace('\n', "<br>")
}

/// Keeps a person's words from being read as Markdown or HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}
