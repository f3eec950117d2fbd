//! A fictional couple's journal, generated from a seed: the same seed and
//! size always give the same pages. It fills `tandem --demo`, the tests and
//! the benchmarks at any size.

mod words;

use std::collections::BTreeMap;

use jiff::{SignedDuration, Timestamp};

use crate::content::Library;
use crate::model::REVIEW_COLUMN;
use crate::model::{
    Agreement, AgreementReview, AgreementStatus, Answer, ColumnKind, Couple, EntryStatus, Exercise,
    Field, GridAnswerRow, GridValue, Page, Partner, StepMode,
};

/// The journal the tests and benchmarks use begins on this day (a Monday)
/// and runs forward, so what they see never depends on the clock.
const START: i64 = 1_732_521_600; // 2024-11-25T08:00:00Z

/// A small, fast, deterministic random source (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            usize::try_from(self.next() % n as u64).unwrap_or(0)
        }
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// What the generator made.
pub struct Demo {
    pub couple: Couple,
    pub pages: Vec<Page>,
}

impl Demo {
    /// Writes the journal into `dir` (created if missing): `couple.ron` and
    /// one file per page, as the app would.
    pub fn write(&self, dir: &std::path::Path) -> Result<(), crate::journal::StoreError> {
        let store = crate::journal::Store::open(dir)?;
        store.save_couple(&self.couple)?;
        for page in &self.pages {
            store.save_page(page)?;
        }
        Ok(())
    }
}

/// The size of the journal `tandem --demo` opens: about a year of weeks.
pub const DEMO_PAGES: usize = 70;
/// The seed of `tandem --demo`.
pub const DEMO_SEED: u64 = 2024;

/// The order exercises come up in: mostly weekly check-ins, with the other
/// exercises in between.
const ROTATION: &[&str] = &[
    "boundary-map",
    "needs-inventory",
    "saying-no",
    "time-together-apart",
    "i-statements",
    "reflection",
    "after-a-conflict",
    "my-own-needs",
    "speaker-listener",
    "needs-inventory",
    "boundary-map",
];

/// Generates `count` pages from `seed`, spread over about a year (more
/// closely together for larger journals). The newest page waits for one
/// partner and the one before it is a draft, so every state shows up.
pub fn generate(library: &Library, count: usize, seed: u64) -> Demo {
    let start = Timestamp::from_second(START).unwrap_or(Timestamp::UNIX_EPOCH);
    generate_from(library, count, seed, start)
}

/// The same journal, moved in time so that its newest page was started two
/// days before `now`: what `tandem --demo` shows, so that "this month" and
/// "today" find pages as they would in a couple's own journal.
pub fn generate_until(library: &Library, count: usize, seed: u64, now: Timestamp) -> Demo {
    let span = SignedDuration::from_secs(step_between(count) * count.saturating_sub(1) as i64);
    let newest = now - SignedDuration::from_hours(48);
    // Eight in the morning (UTC) of the first day, as in the fixed journal.
    let first = (newest - span).as_second();
    let start = first - first.rem_euclid(24 * 3600) + 8 * 3600;
    let start = Timestamp::from_second(start).unwrap_or(Timestamp::UNIX_EPOCH);
    generate_from(library, count, seed, start)
}

/// Seconds between two pages: a year's worth spread over `count`.
fn step_between(count: usize) -> i64 {
    let year = 365 * 24 * 3600;
    (year / i64::try_from(count.max(1)).unwrap_or(1)).max(60)
}

fn generate_from(library: &Library, count: usize, seed: u64, start: Timestamp) -> Demo {
    let mut rng = Rng(seed);
    let names = words::NAMES.map(str::to_string);
    let couple = Couple::new(names[0].clone(), names[1].clone(), start);
    let step = step_between(count);
    let mut pages: Vec<Page> = Vec::with_capacity(count);
    let mut rotation = 0;
    for i in 0..count {
        let when = start + SignedDuration::from_secs(step * i64::try_from(i).unwrap_or(0));
        let id_exercise = if i % 4 == 3 || count < 8 {
            let id = ROTATION[rotation % ROTATION.len()];
            rotation += 1;
            id
        } else {
            "weekly-check-in"
        };
        let Some(exercise) = library.get(id_exercise) else {
            continue;
        };
        // How far through the year: trends drift with it.
        let progress = i as f64 / count.max(1) as f64;
        let id = format!("{}-{}", when.strftime("%Y-%m-%d-%H%M%S"), exercise.id);
        let mut page = Page::new(id, exercise, &names, when);
        for step in exercise.opening_steps() {
            page.shared.answers.insert(
                step.id.clone(),
                Answer::Text(
                    rng.pick(words::answers_for(&exercise.id, &step.id))
                        .to_string(),
                ),
            );
        }
        let remaining = count - i;
        let finished = [remaining > 2, remaining > 1];
        for partner in Partner::BOTH {
            fill_entry(&mut page, exercise, partner, progress, &mut rng);
            let entry = page.entry_mut(partner);
            let minutes = SignedDuration::from_mins(10 + 5 * i64::from(partner == Partner::Second));
            entry.started = Some(when);
            entry.updated = Some(when + minutes);
            if finished[partner.index()] {
                entry.status = EntryStatus::Done;
                entry.finished = Some(when + minutes);
            } else {
                entry.status = EntryStatus::Draft;
                entry.finished = None;
                // A draft is half written.
                let keep = entry.answers.len() / 2;
                let drop: Vec<String> = entry.answers.keys().skip(keep).cloned().collect();
                for key in drop {
                    entry.answers.remove(&key);
                }
            }
        }
        if remaining > 2 {
            discuss(&mut page, exercise, &mut pages, &mut rng);
        }
        pages.push(page);
    }
    Demo { couple, pages }
}

/// A scale answer that drifts over the year: `lift` is how much it rises
/// from the start to the end, for this partner and measure.
fn drifting(min: i32, max: i32, base: f64, lift: f64, progress: f64, rng: &mut Rng) -> i32 {
    let span = f64::from(max - min);
    let noise = (rng.below(5) as f64 - 2.0) * span / 12.0;
    let value = f64::from(min) + span * (base + lift * progress) + noise;
    (value.round() as i32).clamp(min, max)
}

/// Per partner and measure, where a rating starts and how it moves.
fn trend(partner: Partner, key: &str) -> (f64, f64) {
    let h = key
        .bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    let base = 0.3 + f64::from(h % 30) / 100.0;
    let lift = match (partner, h % 3) {
        (Partner::First, 0) | (Partner::Second, 1) => 0.35,
        (_, 2) => -0.1,
        _ => 0.15,
    };
    (base, lift)
}

fn fill_entry(
    page: &mut Page,
    exercise: &Exercise,
    partner: Partner,
    progress: f64,
    rng: &mut Rng,
) {
    let mut answers = BTreeMap::new();
    for step in exercise.individual_steps() {
        let answer = match &step.field {
            Field::Text(_) => Answer::Text(
                rng.pick(words::answers_for(&exercise.id, &step.id))
                    .to_string(),
            ),
            Field::List(_) => Answer::List(list_answer(&exercise.id, &step.id, rng)),
            Field::Scale(scale) => {
                let (base, lift) = trend(partner, &step.id);
                Answer::Scale(drifting(scale.min, scale.max, base, lift, progress, rng))
            }
            Field::Choice(choice) => {
                Answer::Choice(choice.options[rng.below(choice.options.len())].id.clone())
            }
            Field::Checklist(choice) => Answer::Checklist(
                choice
                    .options
                    .iter()
                    .filter(|_| rng.chance(35))
                    .map(|o| o.id.clone())
                    .collect(),
            ),
            Field::Grid(grid) => Answer::Grid(
                grid.rows
                    .iter()
                    .map(|row| GridAnswerRow {
                        row: row.id.clone(),
                        label: String::new(),
                        values: grid
                            .columns
                            .iter()
                            .map(|column| {
                                let value = match &column.kind {
                                    ColumnKind::Scale(scale) => {
                                        let (base, lift) =
                                            trend(partner, &format!("{}:{}", row.id, column.id));
                                        GridValue::Scale(drifting(
                                            scale.min, scale.max, base, lift, progress, rng,
                                        ))
                                    }
                                    ColumnKind::Choice(choice) => {
                                        // The first option is the most common.
                                        let index = if rng.chance(55) {
                                            0
                                        } else {
                                            rng.below(choice.options.len())
                                        };
                                        GridValue::Choice(choice.options[index].id.clone())
                                    }
                                };
                                (column.id.clone(), value)
                            })
                            .collect(),
                    })
                    .collect(),
            ),
            Field::AgreementReview => continue,
        };
        answers.insert(step.id.clone(), answer);
    }
    page.entry_mut(partner).answers = answers;
}

/// A few different things, as a person would list them: the step's own
/// words when there are some, appreciations otherwise.
fn list_answer(exercise: &str, step: &str, rng: &mut Rng) -> Vec<String> {
    let words = words::list_items_for(exercise, step).unwrap_or(words::APPRECIATIONS);
    let n = 1 + rng.below(3);
    let first = rng.below(words.len());
    let mut items: Vec<String> = (0..n)
        .map(|k| words[(first + k * 2) % words.len()].to_string())
        .collect();
    items.dedup();
    items
}

/// The part written together: what was said back, notes, agreements, and
/// for a check-in, the review of earlier agreements.
fn discuss(page: &mut Page, exercise: &Exercise, earlier: &mut [Page], rng: &mut Rng) {
    let when = page.started + SignedDuration::from_mins(40);
    for step in exercise.discussion_steps() {
        match (&step.mode, &step.field) {
            (StepMode::Reflect { .. } | StepMode::Turn { .. }, field) => {
                let by: Vec<Partner> = match &step.mode {
                    StepMode::Turn { by, .. } => vec![*by],
                    _ => Partner::BOTH.to_vec(),
                };
                for partner in by {
                    let answer = match field {
                        Field::Scale(scale) => Answer::Scale(scale.max - rng.below(2) as i32),
                        _ => Answer::Text(
                            rng.pick(words::answers_for(&exercise.id, &step.id))
                                .to_string(),
                        ),
                    };
                    page.entry_mut(partner)
                        .answers
                        .insert(step.id.clone(), answer);
                }
            }
            (StepMode::Shared, Field::AgreementReview) => {
                let rows = review(earlier, &page.id, when, rng);
                if !rows.is_empty() {
                    page.shared
                        .answers
                        .insert(step.id.clone(), Answer::Grid(rows));
                }
            }
            (StepMode::Shared, Field::List(_)) => {
                page.shared.answers.insert(
                    step.id.clone(),
                    Answer::List(list_answer(&exercise.id, &step.id, rng)),
                );
            }
            (StepMode::Shared, _) => {
                page.shared.answers.insert(
                    step.id.clone(),
                    Answer::Text(
                        rng.pick(words::answers_for(&exercise.id, &step.id))
                            .to_string(),
                    ),
                );
            }
            _ => {}
        }
    }
    if exercise.id != "weekly-check-in" || rng.chance(10) {
        // A couple does not agree again on what they already agreed.
        let recent = &earlier[earlier.len().saturating_sub(60)..];
        let in_use = |text: &str| {
            recent.iter().any(|p| {
                p.shared
                    .agreements
                    .iter()
                    .any(|a| a.text == text && a.status != AgreementStatus::Retired)
            })
        };
        let first = rng.below(words::AGREEMENTS.len());
        let n = 1 + rng.below(2);
        page.shared.agreements = (0..words::AGREEMENTS.len())
            .map(|k| words::AGREEMENTS[(first + k * 3) % words::AGREEMENTS.len()])
            .filter(|text| !in_use(text))
            .take(n)
            .map(|text| Agreement {
                text: text.to_string(),
                status: AgreementStatus::Active,
                made: when,
                reviews: Vec::new(),
            })
            .collect();
    }
    page.shared.updated = Some(when);
    page.discussed = Some(when);
}

/// A check-in's look at every agreement still in use: most are kept, some
/// revisited, older ones retired. Each decision is noted on its own page.
fn review(
    earlier: &mut [Page],
    check_in: &str,
    when: Timestamp,
    rng: &mut Rng,
) -> Vec<GridAnswerRow> {
    let mut rows = Vec::new();
    // Only the most recent pages, so a huge journal stays quick to make.
    let from = earlier.len().saturating_sub(60);
    for page in &mut earlier[from..] {
        let page_id = page.id.clone();
        for (index, agreement) in page.shared.agreements.iter_mut().enumerate() {
            if agreement.status == AgreementStatus::Retired {
                continue;
            }
            let age = agreement.reviews.len();
            let (choice, status) = match rng.below(20) {
                0..=1 => ("revisit", AgreementStatus::Revisit),
                2..=3 if age > 3 => ("retire", AgreementStatus::Retired),
                _ => ("keep", AgreementStatus::Active),
            };
            agreement.status = status;
            agreement.reviews.push(AgreementReview {
                when,
                status,
                page: Some(check_in.to_string()),
                was: None,
            });
            rows.push(GridAnswerRow {
                row: format!("{page_id}#{index}"),
                label: agreement.text.clone(),
                values: [(
                    REVIEW_COLUMN.to_string(),
                    GridValue::Choice(choice.to_string()),
                )]
                .into_iter()
                .collect(),
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_journal() {
        let library = Library::load(None);
        let a = generate(&library, 80, 7);
        let b = generate(&library, 80, 7);
        assert_eq!(a.pages, b.pages);
        let c = generate(&library, 80, 8);
        assert_ne!(a.pages, c.pages);
    }

    #[test]
    fn a_year_of_pages_in_every_state() {
        let library = Library::load(None);
        let demo = generate(&library, 70, 1);
        assert_eq!(demo.pages.len(), 70);
        let first = demo.pages[0].started;
        let last = demo.pages[69].started;
        let days = last.duration_since(first).as_hours() / 24;
        assert!((330..=365).contains(&days), "{days} days");
        let statuses: Vec<_> = demo.pages.iter().map(Page::status).collect();
        assert!(statuses.contains(&crate::model::PageStatus::Discussed));
        assert!(
            statuses
                .iter()
                .any(|s| matches!(s, crate::model::PageStatus::WaitingFor(_)))
        );
        assert!(statuses.contains(&crate::model::PageStatus::InProgress));
        let check_ins = demo
            .pages
            .iter()
            .filter(|p| p.exercise == "weekly-check-in")
            .count();
        assert!(check_ins > 40, "{check_ins}");
        let reviewed = demo
            .pages
            .iter()
            .flat_map(|p| &p.shared.agreements)
            .filter(|a| a.reviews.len() > 1)
            .count();
        assert!(reviewed > 0);
        let exercises: std::collections::BTreeSet<_> =
            demo.pages.iter().map(|p| p.exercise.as_str()).collect();
        assert!(exercises.len() >= 8, "{exercises:?}");
    }

    #[test]
    fn every_step_written_alone_has_answers_of_its_own() {
        let library = Library::load(None);
        for exercise in library.exercises() {
            for step in &exercise.steps {
                if matches!(step.field, Field::Text(_)) {
                    assert!(
                        words::ANSWERS
                            .iter()
                            .any(|(e, s, _)| *e == exercise.id && *s == step.id),
                        "no demo answers for {}/{}",
                        exercise.id,
                        step.id
                    );
                }
            }
        }
    }

    #[test]
    fn the_demo_ends_two_days_before_today() {
        let library = Library::load(None);
        let now = Timestamp::from_second(1_795_000_000).unwrap_or(Timestamp::UNIX_EPOCH);
        let demo = generate_until(&library, DEMO_PAGES, DEMO_SEED, now);
        let newest = demo.pages.iter().map(|p| p.started).max();
        let hours = newest.map(|t| now.duration_since(t).as_hours());
        assert!(matches!(hours, Some(24..=72)), "{hours:?}");
        // The same pages as the fixed journal, only moved in time.
        let fixed = generate(&library, DEMO_PAGES, DEMO_SEED);
        let titles = |d: &Demo| d.pages.iter().map(|p| p.title.clone()).collect::<Vec<_>>();
        assert_eq!(titles(&demo), titles(&fixed));
    }
}
