//! Joining a page with a sync tool's conflict copy of it, when the two
//! differ only in what two computers add to a page while apart: later
//! notes, and reviews of its agreements. Both sides' additions are kept,
//! in the order of their times; anything else that differs is left for
//! the couple to choose, and nothing is joined.

use crate::model::{Agreement, Page};

/// The page joined, and what the copy brought to it.
#[derive(Debug, PartialEq)]
pub struct Joined {
    pub page: Page,
    pub notes: usize,
    pub reviews: usize,
}

/// `ours` with what `theirs` added apart, when that is all that differs.
pub fn join_apart(ours: &Page, theirs: &Page) -> Option<Joined> {
    if ours.shared.agreements.len() != theirs.shared.agreements.len()
        || without_additions(ours) != without_additions(theirs)
    {
        return None;
    }
    let mut page = ours.clone();
    let mut notes = 0;
    for note in &theirs.shared.later_notes {
        if !page.shared.later_notes.contains(note) {
            page.shared.later_notes.push(note.clone());
            notes += 1;
        }
    }
    page.shared.later_notes.sort_by_key(|n| n.when);
    let mut reviews = 0;
    for (mine, other) in page
        .shared
        .agreements
        .iter_mut()
        .zip(&theirs.shared.agreements)
    {
        let words = joined_words(mine, other)?;
        for review in &other.reviews {
            if !mine.reviews.contains(review) {
                mine.reviews.push(review.clone());
                reviews += 1;
            }
        }
        mine.reviews.sort_by_key(|r| r.when);
        mine.text = words;
        // The latest decision stands, whichever computer made it.
        if let Some(last) = mine.reviews.last() {
            mine.status = last.status;
        }
    }
    page.shared.updated = ours.shared.updated.max(theirs.shared.updated);
    Some(Joined {
        page,
        notes,
        reviews,
    })
}

/// The words of an agreement after both sides' reviews: the same on both,
/// or changed on one side only. Changed differently on both, the couple
/// chooses.
fn joined_words(mine: &Agreement, other: &Agreement) -> Option<String> {
    let before = first_words(mine);
    if first_words(other) != before {
        return None;
    }
    match (mine.text == before, other.text == before) {
        _ if mine.text == other.text => Some(mine.text.clone()),
        (true, false) => Some(other.text.clone()),
        (false, true) => Some(mine.text.clone()),
        _ => None,
    }
}

/// What an agreement said when it was made: the words its first change of
/// words replaced, or its words when they never changed.
fn first_words(agreement: &Agreement) -> &str {
    agreement
        .reviews
        .iter()
        .find_map(|r| r.was.as_deref())
        .unwrap_or(&agreement.text)
}

/// The page without what may be added apart: equal for a page and its
/// copy when nothing else differs.
fn without_additions(page: &Page) -> Page {
    let mut bare = page.clone();
    bare.shared.later_notes.clear();
    bare.shared.updated = None;
    for agreement in &mut bare.shared.agreements {
        agreement.text = first_words(agreement).to_string();
        // A status changes only with a review; changed without one (by
        // hand), it is a difference the couple chooses between.
        if !agreement.reviews.is_empty() {
            agreement.status = crate::model::AgreementStatus::Active;
        }
        agreement.reviews.clear();
    }
    bare
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::model::{AgreementReview, AgreementStatus, LaterNote};

    fn at(second: i64) -> Timestamp {
        Timestamp::from_second(1_795_000_000 + second).unwrap_or(Timestamp::UNIX_EPOCH)
    }

    fn page() -> Page {
        let exercise = crate::content::Library::load(None)
            .get("boundary-map")
            .cloned()
            .expect("the boundary map");
        let mut page = Page::new(
            "2026-11-23-193012-boundary-map".into(),
            &exercise,
            &["Maya".into(), "Jonas".into()],
            at(0),
        );
        page.shared.agreements.push(Agreement {
            text: "Phones stay in the kitchen at dinner.".into(),
            status: AgreementStatus::Active,
            made: at(10),
            reviews: Vec::new(),
        });
        page
    }

    fn review(when: i64, status: AgreementStatus, was: Option<&str>) -> AgreementReview {
        AgreementReview {
            when: at(when),
            status,
            page: None,
            was: was.map(str::to_string),
        }
    }

    #[test]
    fn notes_and_reviews_from_both_computers_are_all_kept_in_time_order() {
        let mut ours = page();
        let mut theirs = page();
        ours.shared.later_notes.push(LaterNote {
            when: at(300),
            text: "Written at home.".into(),
        });
        theirs.shared.later_notes.push(LaterNote {
            when: at(200),
            text: "Written on the laptop.".into(),
        });
        ours.shared.agreements[0]
            .reviews
            .push(review(100, AgreementStatus::Active, None));
        theirs.shared.agreements[0]
            .reviews
            .push(review(400, AgreementStatus::Revisit, None));
        theirs.shared.agreements[0].status = AgreementStatus::Revisit;

        let joined = join_apart(&ours, &theirs).expect("joined");
        let notes: Vec<&str> = joined
            .page
            .shared
            .later_notes
            .iter()
            .map(|n| n.text.as_str())
            .collect();
        assert_eq!(notes, ["Written on the laptop.", "Written at home."]);
        let agreement = &joined.page.shared.agreements[0];
        assert_eq!(agreement.reviews.len(), 2);
        assert_eq!(
            agreement.status,
            AgreementStatus::Revisit,
            "the latest stands"
        );
        assert_eq!((joined.notes, joined.reviews), (1, 1));
        // Joining again brings nothing twice.
        let again = join_apart(&joined.page, &theirs).expect("joined");
        assert_eq!(again.page, joined.page);
        assert_eq!((again.notes, again.reviews), (0, 0));
    }

    #[test]
    fn new_words_on_one_computer_are_kept_and_on_both_left_to_the_couple() {
        let ours = page();
        let mut theirs = page();
        let before = theirs.shared.agreements[0].text.clone();
        theirs.shared.agreements[0].text = "Phones stay in the hall at dinner.".into();
        theirs.shared.agreements[0].reviews.push(review(
            100,
            AgreementStatus::Active,
            Some(&before),
        ));
        let joined = join_apart(&ours, &theirs).expect("joined");
        assert_eq!(
            joined.page.shared.agreements[0].text,
            "Phones stay in the hall at dinner."
        );

        let mut other = page();
        other.shared.agreements[0].text = "No phones at dinner.".into();
        other.shared.agreements[0].reviews.push(review(
            200,
            AgreementStatus::Active,
            Some(&before),
        ));
        assert_eq!(join_apart(&theirs, &other), None);
    }

    #[test]
    fn a_status_changed_without_a_review_is_not_an_addition() {
        let ours = page();
        let mut theirs = page();
        theirs.shared.agreements[0].status = AgreementStatus::Retired;
        assert_eq!(join_apart(&ours, &theirs), None);
        theirs.shared.agreements[0]
            .reviews
            .push(review(100, AgreementStatus::Retired, None));
        assert!(
            join_apart(&ours, &theirs).is_some(),
            "with its review it is"
        );
    }

    #[test]
    fn anything_else_that_differs_is_never_joined() {
        let ours = page();
        let mut theirs = page();
        theirs
            .shared
            .answers
            .insert("notes".into(), crate::model::Answer::Text("ours".into()));
        assert_eq!(join_apart(&ours, &theirs), None);
        let mut theirs = page();
        theirs.shared.agreements.clear();
        assert_eq!(join_apart(&ours, &theirs), None);
    }
}
