//! Names that repeat across thousands of pages (a grid cell's place,
//! "inventory/affection/met"; an option chosen, "touch"), kept once in
//! memory however many pages name them.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, OnceLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A name kept once: cheap to copy and to compare, read as a `str`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interned(Arc<str>);

impl Interned {
    pub fn new(name: &str) -> Interned {
        static NAMES: OnceLock<Mutex<HashSet<Arc<str>>>> = OnceLock::new();
        let names = NAMES.get_or_init(Default::default);
        // A poisoned lock still holds whole names: a panic elsewhere
        // cannot leave one half-written.
        let mut names = names
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(known) = names.get(name) {
            return Interned(Arc::clone(known));
        }
        let new: Arc<str> = Arc::from(name);
        names.insert(Arc::clone(&new));
        Interned(new)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Interned {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Interned {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::fmt::Display for Interned {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for Interned {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl Serialize for Interned {
    fn serialize<S: Serializer>(&self, to: S) -> Result<S::Ok, S::Error> {
        to.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Interned {
    fn deserialize<D: Deserializer<'de>>(from: D) -> Result<Interned, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(from)?;
        Ok(Interned::new(&name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_kept_once() {
        let a = Interned::new("inventory/affection/met");
        let b = Interned::new(&String::from("inventory/affection/met"));
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(a, b);
        assert_eq!(&*a, "inventory/affection/met");
        assert_ne!(Interned::new("touch"), a);
    }
}
