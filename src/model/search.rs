//! Finding a couple's words as they typed them: a search ignores case
//! (Unicode's, not only ASCII's) but what it finds is cut from the words
//! as written, so a snippet never misquotes anyone.

use std::ops::Range;

/// What was typed into a search box, ready to look for.
#[derive(Clone, Debug)]
pub struct Search {
    /// `None` for an empty search, which everything passes.
    finder: Option<Finder>,
}

#[derive(Clone, Debug)]
enum Finder {
    AnyCase(regex::Regex),
    /// Words too long to compile into a pattern (a huge paste): looked for
    /// exactly as typed, rather than not at all.
    Exact(String),
}

impl Search {
    pub fn new(typed: &str) -> Search {
        let typed = typed.trim();
        if typed.is_empty() {
            return Search { finder: None };
        }
        let finder = regex::RegexBuilder::new(&regex::escape(typed))
            .case_insensitive(true)
            .build()
            .map_or_else(|_| Finder::Exact(typed.to_string()), Finder::AnyCase);
        Search {
            finder: Some(finder),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.finder.is_none()
    }

    /// Where the words first appear in `text`, as a byte range of `text`.
    pub fn find(&self, text: &str) -> Option<Range<usize>> {
        match self.finder.as_ref()? {
            Finder::AnyCase(pattern) => pattern.find(text).map(|m| m.range()),
            Finder::Exact(words) => text.find(words).map(|at| at..at + words.len()),
        }
    }

    /// Every place the words appear in `text`, in order.
    pub fn find_all<'t>(&'t self, text: &'t str) -> Box<dyn Iterator<Item = Range<usize>> + 't> {
        match &self.finder {
            None => Box::new(std::iter::empty()),
            Some(Finder::AnyCase(pattern)) => Box::new(pattern.find_iter(text).map(|m| m.range())),
            Some(Finder::Exact(words)) => Box::new(
                text.match_indices(words.as_str())
                    .map(|(at, w)| at..at + w.len()),
            ),
        }
    }

    /// Whether the words are in `text`; an empty search is in everything.
    pub fn is_in(&self, text: &str) -> bool {
        match &self.finder {
            None => true,
            Some(Finder::AnyCase(pattern)) => pattern.is_match(text),
            Some(Finder::Exact(words)) => text.contains(words.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Search;

    #[test]
    fn case_is_ignored_and_the_words_found_are_as_written() {
        let text = "Plans are made WITHOUT asking. Straße und STRASSE.";
        let search = Search::new("without");
        let found = search.find(text).expect("found");
        assert_eq!(&text[found], "WITHOUT");
        let search = Search::new("straße");
        let all: Vec<&str> = search.find_all(text).map(|r| &text[r]).collect();
        assert_eq!(all, ["Straße"], "simple case folding, not ß → ss");
        assert!(
            Search::new("  PLANS ").is_in(text),
            "spaces around are ignored"
        );
        assert!(Search::new("").is_in(text));
        assert!(Search::new("").is_empty());
        assert!(
            !Search::new("a.e").is_in(text),
            "typed characters are literal"
        );
    }

    #[test]
    fn a_huge_search_is_still_looked_for() {
        let long = "word ".repeat(200_000);
        let text = format!("before {long}after");
        assert!(Search::new(&long).is_in(&text));
        assert!(!Search::new(&long).is_in("before after"));
    }
}
