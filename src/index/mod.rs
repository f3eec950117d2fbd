//! What the app knows of the journal without holding every page: a summary
//! per page, filled in a few at a time after the first frame is drawn.

use std::collections::BTreeSet;

use jiff::Timestamp;

use crate::interned::Interned;
use crate::journal::{Access, LoadedPage};
use crate::model::{
    Agreement, Answer, Category, EntryStatus, GridValue, Page, PageStatus, Partner, Search,
};
use crate::problem::Problem;

mod record;

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PageSummary {
    pub id: String,
    pub exercise: String,
    pub title: String,
    pub category: Category,
    #[serde(with = "record::instant")]
    pub started: Timestamp,
    #[serde(with = "record::instant")]
    pub last_activity: Timestamp,
    pub status: PageStatus,
    pub names: [String; 2],
    pub entries: [EntryStatus; 2],
    /// Whose words on the page are sealed (to whatever key): a partner
    /// who has sealed before is taken to seal still, even when both their
    /// key file and their key in `couple.ron` have gone.
    pub sealed: [bool; 2],
    /// Why the page is shown but never rewritten, when it is.
    pub read_only: Option<String>,
    #[serde(with = "record::every_field")]
    pub agreements: Vec<Agreement>,
    /// Both finished and the couple began talking it over, without ending.
    pub talking: bool,
    /// Neither has finished, and the couple has written together what comes
    /// before the turns (the topic).
    pub begun_together: bool,
    /// What the pages says, for the journal screen. Empty until both
    /// partners have finished: answers stay private until then.
    pub revealed: Option<RevealedText>,
}

/// How a rating's key names a row a partner added themselves: by its name
/// after this, not by its id.
pub const OWN_ROW: &str = "own:";

/// The searchable and chartable part of a page both partners finished.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RevealedText {
    /// A line from the page, to recognise it by.
    pub preview: String,
    /// Everything each partner wrote, as written: a search ignores case
    /// itself, and what it finds is quoted from here.
    pub words: [String; 2],
    /// What they wrote together: notes, agreements, later notes.
    pub shared_words: String,
    /// Every number on the page: a scale step ("closeness") or a grid cell
    /// ("inventory/affection/met"), with each partner's value.
    pub ratings: Vec<(Interned, [Option<i32>; 2])>,
    /// Every option chosen in a grid cell ("repair/touch/feel"), with each
    /// partner's choice, for what home suggests next.
    pub choices: Vec<(Interned, [Option<Interned>; 2])>,
}

impl PageSummary {
    /// The page's status in the words every screen uses, with its names.
    pub fn status_words(&self) -> String {
        self.status.words([&self.names[0], &self.names[1]])
    }

    /// As [`PageSummary::status_words`]; on a page still being written,
    /// with the names the couple go by now (`now`), as its turns say them.
    pub fn status_words_now(&self, now: &[String; 2]) -> String {
        if self.status.is_unfinished() {
            self.status.words([&now[0], &now[1]])
        } else {
            self.status_words()
        }
    }

    pub fn of(page: &Page, access: &Access) -> PageSummary {
        PageSummary {
            id: page.id.clone(),
            exercise: page.exercise.clone(),
            title: page.title.clone(),
            category: page.category,
            started: page.started,
            last_activity: page.last_activity(),
            status: page.status(),
            names: [
                page.entries[0].partner.clone(),
                page.entries[1].partner.clone(),
            ],
            entries: [page.entries[0].status, page.entries[1].status],
            sealed: [0, 1]
                .map(|i| page.entries[i].sealed.is_some() || page.entries[i].kept.is_some()),
            read_only: access.reason().map(str::to_string),
            agreements: crate::reveal::agreements(page).to_vec(),
            talking: page.status() == crate::model::PageStatus::BothDone
                && (page.shared.left_at.is_some() || !page.shared.answers.is_empty()),
            begun_together: page.status() == crate::model::PageStatus::InProgress
                && !page.shared.answers.is_empty(),
            revealed: crate::reveal::reveal(page).map(RevealedText::of),
        }
    }
}

impl RevealedText {
    fn of(page: crate::reveal::Revealed<'_>) -> RevealedText {
        let mut words = [String::new(), String::new()];
        let mut ratings: std::collections::BTreeMap<String, [Option<i32>; 2]> =
            std::collections::BTreeMap::new();
        let mut choices: std::collections::BTreeMap<String, [Option<Interned>; 2]> =
            std::collections::BTreeMap::new();
        let mut preview = String::new();
        for partner in Partner::BOTH {
            let p = partner.index();
            for (step, answer) in page.answers(partner) {
                add_words(&mut words[p], answer);
                if preview.is_empty()
                    && let Answer::Text(t) = answer
                {
                    preview = t.split_whitespace().collect::<Vec<_>>().join(" ");
                }
                match answer {
                    Answer::Scale(v) => ratings.entry(step.clone()).or_default()[p] = Some(*v),
                    Answer::Grid(rows) => {
                        for row in rows {
                            for (column, value) in &row.values {
                                let key = format!("{step}/{}/{column}", row.row);
                                match value {
                                    // A row of one's own ("Playing music")
                                    // is known by its name: the same id is
                                    // another need for the other partner.
                                    GridValue::Scale(v) if !row.label.trim().is_empty() => {
                                        let own = format!(
                                            "{step}/{OWN_ROW}{}/{column}",
                                            row.label.trim().replace('/', "⁄")
                                        );
                                        ratings.entry(own).or_default()[p] = Some(*v);
                                    }
                                    GridValue::Scale(v) => {
                                        ratings.entry(key).or_default()[p] = Some(*v);
                                    }
                                    GridValue::Choice(option) => {
                                        choices.entry(key).or_default()[p] =
                                            Some(Interned::new(option));
                                    }
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        let mut shared_words = String::new();
        for answer in page.shared_answers().values() {
            add_words(&mut shared_words, answer);
        }
        for agreement in page.agreements() {
            push_words(&mut shared_words, &agreement.text);
        }
        for note in &page.page().shared.later_notes {
            push_words(&mut shared_words, &note.text);
        }
        RevealedText {
            preview,
            words,
            shared_words,
            ratings: ratings
                .into_iter()
                .map(|(key, values)| (Interned::new(&key), values))
                .collect(),
            choices: choices
                .into_iter()
                .map(|(key, values)| (Interned::new(&key), values))
                .collect(),
        }
    }

    /// The words around the first place the search finds, for the journal
    /// list to show why a page matched ("…plans are made without asking…"),
    /// as they were written, with whose words they are.
    pub fn snippet(&self, search: &Search, partner: Option<Partner>) -> Option<Snippet> {
        let texts: Vec<(Option<Partner>, &str)> = match partner {
            Some(p) => vec![(Some(p), self.words[p.index()].as_str())],
            None => vec![
                (Some(Partner::First), &self.words[0]),
                (Some(Partner::Second), &self.words[1]),
                (None, &self.shared_words),
            ],
        };
        let (by, text, found) = texts
            .into_iter()
            .find_map(|(by, t)| search.find(t).map(|found| (by, t, found)))?;
        // From the start of the word the match is in: a narrow column
        // still shows it.
        let before = text[..found.start]
            .rfind(char::is_whitespace)
            .map_or(0, |i| i + 1);
        let after = text[found.start..]
            .char_indices()
            .nth(text[found.clone()].chars().count() + 60)
            .map_or(text.len(), |(i, _)| found.start + i);
        let words = text[before..after]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let lead = if before > 0 { "…" } else { "" };
        Some(Snippet {
            by,
            words: format!("{lead}{words}"),
        })
    }

    /// Whether the search finds anything in what `partner` wrote, or in
    /// anything on the page when no partner is given.
    pub fn contains(&self, search: &Search, partner: Option<Partner>) -> bool {
        match partner {
            Some(p) => search.is_in(&self.words[p.index()]),
            None => self.words.iter().any(|w| search.is_in(w)) || search.is_in(&self.shared_words),
        }
    }
}

/// Words a search found on a page, and who wrote them: a partner, or
/// both together (`None`).
#[derive(Clone, Debug, PartialEq)]
pub struct Snippet {
    pub by: Option<Partner>,
    pub words: String,
}

fn push_words(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

fn add_words(out: &mut String, answer: &Answer) {
    match answer {
        Answer::Text(t) => push_words(out, t),
        Answer::List(items) => {
            for item in items {
                push_words(out, item);
            }
        }
        Answer::Grid(rows) => {
            for row in rows.iter().filter(|r| !r.label.is_empty()) {
                push_words(out, &row.label);
            }
        }
        Answer::Scale(_) | Answer::Choice(_) | Answer::Checklist(_) => {}
    }
}

#[derive(Clone, Debug)]
pub struct Unreadable {
    pub id: String,
    pub problem: Problem,
}

#[derive(Clone, Debug, Default)]
pub struct JournalIndex {
    /// Newest first (page ids start with their date).
    pub pages: Vec<PageSummary>,
    pub unreadable: Vec<Unreadable>,
    /// Pages listed on disk but not read yet (newest last, as ids sort).
    pending: BTreeSet<String>,
    /// Goes up whenever a page is added or changed, so that views know when
    /// what they worked out from the pages is out of date.
    generation: u64,
}

impl JournalIndex {
    /// An index of the pages named by `ids` (newest first), none read yet.
    pub fn new(ids: Vec<String>) -> JournalIndex {
        JournalIndex {
            pages: Vec::with_capacity(ids.len()),
            unreadable: Vec::new(),
            pending: ids.into_iter().collect(),
            generation: 0,
        }
    }

    /// An index of a listing: its pages to read, and files already known
    /// to be unreadable.
    pub fn of_listing(listing: crate::journal::Listing) -> JournalIndex {
        let mut index = JournalIndex::new(listing.ids);
        for (id, problem) in listing.unreadable {
            index.add_read(&id, Err(problem));
        }
        index
    }

    /// The pages still to be read, newest first.
    pub fn pending(&self) -> impl Iterator<Item = &String> {
        self.pending.iter().rev()
    }

    pub fn pending_count(&self) -> usize {
        self.pending.len()
    }

    pub fn is_loading(&self) -> bool {
        !self.pending.is_empty()
    }

    pub fn total(&self) -> usize {
        self.pages.len() + self.unreadable.len() + self.pending.len()
    }

    /// While pages are still being read, the words every screen that
    /// counts adds, so a count is never taken for the whole journal.
    pub fn still_reading(&self) -> Option<String> {
        self.is_loading().then(|| {
            format!(
                "still reading, {} to go",
                crate::model::count(self.pending.len(), "page", "pages")
            )
        })
    }

    /// A page read in the background. A page no longer waiting to be read
    /// was saved meanwhile; what the app saved is newer than this read.
    pub fn add_loaded(&mut self, id: &str, loaded: Result<LoadedPage, Problem>) {
        let summary = loaded.map(|loaded| PageSummary::of(&loaded.page, &loaded.access));
        self.add_summaries(vec![(id.to_string(), summary)]);
    }

    /// A page that has come into the journal (brought back from the
    /// removed pages), read at once.
    pub fn add_loaded_now(&mut self, id: &str, loaded: Result<LoadedPage, Problem>) {
        self.pending.insert(id.to_string());
        self.add_loaded(id, loaded);
    }

    /// Pages read in the background, already summed up; as
    /// [`JournalIndex::add_loaded`], many at a time: the list is sorted
    /// once for the lot, not once per page.
    pub fn add_summaries(&mut self, read: Vec<(String, Result<PageSummary, Problem>)>) {
        let before = self.pages.len();
        for (id, summary) in read {
            if !self.pending.remove(&id) {
                continue;
            }
            self.generation += 1;
            match summary {
                Ok(summary) => self.pages.push(summary),
                Err(problem) => {
                    self.unreadable.retain(|u| u.id != id);
                    self.unreadable.push(Unreadable { id, problem });
                }
            }
        }
        if self.pages.len() > before {
            // Newest first. Both parts are sorted already, mostly, which
            // the sort makes short work of.
            self.pages.sort_by(|a, b| b.id.cmp(&a.id));
        }
    }

    /// A page read on request (opened), or one that was never pending.
    pub fn add_read(&mut self, id: &str, loaded: Result<LoadedPage, Problem>) {
        match loaded {
            Ok(loaded) => self.upsert(PageSummary::of(&loaded.page, &loaded.access)),
            Err(problem) => {
                self.generation += 1;
                self.unreadable.retain(|u| u.id != id);
                self.unreadable.push(Unreadable {
                    id: id.to_string(),
                    problem,
                });
            }
        }
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn upsert(&mut self, summary: PageSummary) {
        self.generation += 1;
        self.pending.remove(&summary.id);
        match self.place_of(&summary.id) {
            Ok(i) => self.pages[i] = summary,
            Err(i) => self.pages.insert(i, summary),
        }
    }

    /// Forgets a page that has left the journal.
    pub fn remove(&mut self, id: &str) {
        self.generation += 1;
        self.pages.retain(|p| p.id != id);
        self.pending.remove(id);
    }

    /// The summary of page `id`, if it has been read.
    pub fn page(&self, id: &str) -> Option<&PageSummary> {
        self.place_of(id).ok().map(|i| &self.pages[i])
    }

    /// Where page `id` is in `pages` (newest first), or would go.
    fn place_of(&self, id: &str) -> Result<usize, usize> {
        self.pages.binary_search_by(|p| id.cmp(p.id.as_str()))
    }

    pub fn contains(&self, id: &str) -> bool {
        self.pages.iter().any(|p| p.id == id)
            || self.unreadable.iter().any(|u| u.id == id)
            || self.pending.contains(id)
    }

    pub fn times_done(&self, exercise: &str) -> usize {
        self.pages
            .iter()
            .filter(|p| p.exercise == exercise && p.status == PageStatus::Discussed)
            .count()
    }

    pub fn last_done(&self, exercise: &str) -> Option<Timestamp> {
        self.pages
            .iter()
            .filter(|p| p.exercise == exercise)
            .map(|p| p.started)
            .max()
    }
}
