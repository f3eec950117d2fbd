use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{JOURNAL_VERSION, Partner};

/// The two partners of a journal. Names are any Unicode the couple likes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Couple {
    pub version: u32,
    pub names: [String; 2],
    pub created: Timestamp,
    /// Each partner's public key, when they chose a passphrase: their
    /// unrevealed answers are sealed to it.
    #[serde(default, skip_serializing_if = "no_keys")]
    pub keys: [Option<String>; 2],
}

fn no_keys(keys: &[Option<String>; 2]) -> bool {
    keys.iter().all(Option::is_none)
}

impl Couple {
    pub fn new(first: String, second: String, created: Timestamp) -> Self {
        Couple {
            version: JOURNAL_VERSION,
            names: [first, second],
            created,
            keys: [None, None],
        }
    }

    /// The public key a partner's words are sealed to, if they have one.
    pub fn key(&self, partner: Partner) -> Option<&str> {
        self.keys[partner.index()].as_deref()
    }

    pub fn name(&self, partner: Partner) -> &str {
        &self.names[partner.index()]
    }
}
