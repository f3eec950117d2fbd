use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{JOURNAL_VERSION, Partner};

/// The two partners of a journal. Names are any Unicode the couple likes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Couple {
    pub version: u32,
    pub names: [String; 2],
    pub created: Timestamp,
}

impl Couple {
    pub fn new(first: String, second: String, created: Timestamp) -> Self {
        Couple {
            version: JOURNAL_VERSION,
            names: [first, second],
            created,
        }
    }

    pub fn name(&self, partner: Partner) -> &str {
        &self.names[partner.index()]
    }
}
