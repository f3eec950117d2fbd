//! Two computers adding to one page while apart: whatever each adds
//! (later notes, reviews of the page's agreements), in whatever order the
//! copies meet, joining them keeps every addition once, in time order,
//! and changes nothing else of the page.

mod common;

use jiff::Timestamp;
use proptest::prelude::*;
use tandem::journal::join::join_apart;
use tandem::model::{Agreement, AgreementReview, AgreementStatus, LaterNote, Page};

fn at(second: i64) -> Timestamp {
    Timestamp::from_second(1_795_000_000 + second).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn base() -> Page {
    let library = common::built_in_library();
    let exercise = library.get("weekly-check-in").expect("the check-in");
    let mut page = Page::new(
        "2026-11-23-193012-weekly-check-in".into(),
        exercise,
        &["Maya".into(), "Jonas".into()],
        at(0),
    );
    for (n, text) in ["Phones stay in the kitchen at dinner.", "Sundays are slow."]
        .into_iter()
        .enumerate()
    {
        page.shared.agreements.push(Agreement {
            text: text.into(),
            status: AgreementStatus::Active,
            made: at(i64::try_from(n).unwrap_or(0)),
            reviews: Vec::new(),
        });
    }
    page
}

/// One addition on one computer: a note, or a review of an agreement.
#[derive(Clone, Debug)]
enum Addition {
    Note(i64, String),
    Review(usize, i64, AgreementStatus),
}

fn addition() -> impl Strategy<Value = Addition> {
    let status = prop_oneof![
        Just(AgreementStatus::Active),
        Just(AgreementStatus::Revisit),
        Just(AgreementStatus::Retired),
    ];
    prop_oneof![
        (10..10_000i64, "[a-z ]{1,12}").prop_map(|(when, text)| Addition::Note(when, text)),
        (0..2usize, 10..10_000i64, status)
            .prop_map(|(which, when, status)| Addition::Review(which, when, status)),
    ]
}

/// The page as one computer has it after its additions.
fn added(page: &Page, additions: &[Addition]) -> Page {
    let mut page = page.clone();
    for addition in additions {
        match addition {
            Addition::Note(when, text) => page.shared.later_notes.push(LaterNote {
                when: at(*when),
                text: text.clone(),
            }),
            Addition::Review(which, when, status) => {
                let agreement = &mut page.shared.agreements[*which];
                agreement.reviews.push(AgreementReview {
                    when: at(*when),
                    status: *status,
                    page: None,
                    was: None,
                });
                agreement.status = *status;
            }
        }
    }
    page
}

fn notes(page: &Page) -> Vec<(Timestamp, String)> {
    page.shared
        .later_notes
        .iter()
        .map(|n| (n.when, n.text.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_addition_from_either_side_is_kept_once_in_time_order(
        ours in prop::collection::vec(addition(), 0..6),
        theirs in prop::collection::vec(addition(), 0..6),
    ) {
        let base = base();
        let (a, b) = (added(&base, &ours), added(&base, &theirs));
        let joined = join_apart(&a, &b).expect("only additions differ");
        let other_way = join_apart(&b, &a).expect("only additions differ");

        // Every note of either side is there, and none twice.
        let mut expected: Vec<(Timestamp, String)> = notes(&a);
        for note in notes(&b) {
            if !expected.contains(&note) {
                expected.push(note);
            }
        }
        let mut got = notes(&joined.page);
        prop_assert!(got.windows(2).all(|w| w[0].0 <= w[1].0), "in time order");
        expected.sort();
        got.sort();
        prop_assert_eq!(&got, &expected);
        let mut got_other = notes(&other_way.page);
        got_other.sort();
        prop_assert_eq!(&got_other, &expected);

        // Every review of either side is there, in time order, and the
        // latest one decides the status.
        for (n, agreement) in joined.page.shared.agreements.iter().enumerate() {
            for review in a.shared.agreements[n].reviews.iter().chain(&b.shared.agreements[n].reviews) {
                prop_assert!(agreement.reviews.contains(review));
            }
            prop_assert!(agreement.reviews.windows(2).all(|w| w[0].when <= w[1].when));
            if let Some(last) = agreement.reviews.last() {
                prop_assert_eq!(agreement.status, last.status);
            }
            prop_assert_eq!(&agreement.text, &base.shared.agreements[n].text);
        }

        // Nothing else of the page changed, and joining again adds nothing.
        prop_assert_eq!(&joined.page.entries, &base.entries);
        prop_assert_eq!(&joined.page.shared.answers, &base.shared.answers);
        let again = join_apart(&joined.page, &b).expect("joins again");
        prop_assert_eq!(again.page, joined.page);
    }
}
