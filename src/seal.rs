//! Sealing a partner's words to their own key, so that what is not yet
//! revealed cannot be read in the files, by the other partner or by anyone
//! else using the computer.
//!
//! Each partner who chooses a passphrase has an age X25519 key. Its public
//! half is in `couple.ron`; the key itself is kept in a file encrypted with
//! the passphrase (age's scrypt recipient), so it takes the passphrase to
//! open. Sealing needs only the public half: saving never asks for
//! anything. All of the cryptography is the `age` crate's.
//!
//! This module does no file I/O: the journal store reads and writes the
//! files, and the app decides when to seal and open.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

use age::secrecy::{ExposeSecret, SecretString};
use age::x25519;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::model::{Answer, Couple, Entry, EntryStatus, Page, Partner, Sealed};

/// How hard a passphrase is made to guess: scrypt at 2^18, about a second
/// on the 2-core machine tandem is measured on, and 256 MiB of memory
/// while it runs. age's own choice (the next power of two past a second
/// there) was 2^19: two seconds and 512 MiB, each time tandem starts,
/// and more on an older laptop's memory than it may have to spare.
const WORK_FACTOR: u8 = 18;
/// The most work a key file may ask for: a little more than tandem writes,
/// so that a key made by a later tandem still opens.
const MAX_WORK_FACTOR: u8 = 20;

/// The shortest passphrase tandem accepts.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// A passphrase as typed. Never printed, not even in debug output, and
/// wiped from memory when dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    pub fn new(text: impl Into<String>) -> Passphrase {
        Passphrase(Zeroizing::new(text.into()))
    }

    /// Why this passphrase would not do as a new one, if it would not.
    pub fn too_weak(&self) -> Option<String> {
        (self.0.chars().count() < MIN_PASSPHRASE_CHARS).then(|| {
            format!(
                "Use at least {MIN_PASSPHRASE_CHARS} characters: a few words you will remember work well."
            )
        })
    }

    fn secret(&self) -> SecretString {
        SecretString::from(self.0.as_str().to_owned())
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(hidden)")
    }
}

/// A partner's key, opened with their passphrase: it can open what was
/// sealed to it. It lives for one moment of its owner's (opening their
/// draft, their side of the reveal, one look at what they kept) and is
/// never copied: when it is dropped, the secret is wiped (age's X25519
/// identity zeroizes itself).
pub struct OpenKey {
    identity: x25519::Identity,
    public: String,
}

impl std::fmt::Debug for OpenKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "OpenKey({})", self.public)
    }
}

impl PartialEq for OpenKey {
    fn eq(&self, other: &Self) -> bool {
        self.public == other.public
    }
}

/// What can go wrong with sealing, in words a partner can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error("that is not the passphrase of this key; nothing was changed")]
    WrongPassphrase,
    #[error(
        "these words were sealed with an earlier key, which was replaced when a passphrase was forgotten; they stay sealed in the file"
    )]
    ReplacedKey,
    #[error("the key file is damaged ({0}); it is left as it is")]
    DamagedKey(String),
    #[error("the sealed words are damaged ({0}); they are left as they are")]
    Damaged(String),
    #[error("the words could not be sealed ({0}), so nothing was written")]
    CannotSeal(String),
    #[error("{0}")]
    KeyFile(String),
    /// The passphrase opens the key that was put aside when a new one was
    /// made for a forgotten passphrase: the file, and its public half.
    #[error(
        "this is the passphrase of the earlier key, put aside when a new key was made in its place ({0}); if you did not ask for a new key, someone else made it. What was sealed with the earlier key stays sealed to it. To use it again, close tandem, put that file back as {2}, and list its key ({1}) for you in couple.ron"
    )]
    KeyReplacedSince(String, String, String),
    /// The passphrase opens the other partner's key file: the two files
    /// have changed places.
    #[error(
        "the two key files have changed places: this passphrase opens the other partner's file ({0}); put them back (keys/first.age is the first partner's, keys/second.age the second's), and nothing else needs doing"
    )]
    SwappedKeyFiles(String),
}

/// The line of a key file that says its public half, as age-keygen
/// writes it: readable without the passphrase, so that `tandem check`
/// can compare it with `couple.ron`.
const PUBLIC_KEY_LINE: &str = "# public key: ";

/// The public half a key file says it holds, when it says.
pub fn stated_public_key(key_file: &str) -> Option<&str> {
    key_file
        .lines()
        .find_map(|line| line.strip_prefix(PUBLIC_KEY_LINE))
        .map(str::trim)
}

/// A key file's text with the line that says its public half first.
pub fn with_public_line(key: &OpenKey, key_file: &str) -> String {
    format!("{PUBLIC_KEY_LINE}{}\n{key_file}", key.public)
}

/// How an opened key stands against the public key `couple.ron` lists for
/// its owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyCheck {
    /// The same: words may be sealed to it.
    Matches,
    /// `couple.ron` lists this key for the other partner: the two were
    /// swapped.
    Swapped,
    /// `couple.ron` lists another key, or none.
    Changed,
}

/// Compares an opened key of `partner` with `couple.ron`'s.
pub fn check_key(key: &OpenKey, couple: &Couple, partner: Partner) -> KeyCheck {
    if couple.key(partner) == Some(key.public()) {
        KeyCheck::Matches
    } else if couple.key(partner.other()) == Some(key.public()) {
        KeyCheck::Swapped
    } else {
        KeyCheck::Changed
    }
}

impl OpenKey {
    /// A new key.
    pub fn generate() -> OpenKey {
        let identity = x25519::Identity::generate();
        let public = identity.to_public().to_string();
        OpenKey { identity, public }
    }

    /// The public half, as `couple.ron` holds it.
    pub fn public(&self) -> &str {
        &self.public
    }

    /// The key as a file's text, encrypted with `passphrase`. Deriving the
    /// passphrase's key is meant to be slow ([`WORK_FACTOR`]).
    pub fn lock(&self, passphrase: &Passphrase) -> Result<String, SealError> {
        let mut recipient = age::scrypt::Recipient::new(passphrase.secret());
        recipient.set_work_factor(WORK_FACTOR);
        let secret = self.identity.to_string();
        let armored = age::encrypt_and_armor(&recipient, secret.expose_secret().as_bytes())
            .map_err(|e| SealError::CannotSeal(e.to_string()))?;
        Ok(with_public_line(self, &armored))
    }

    /// Opens a key file's text with `passphrase`.
    pub fn unlock(locked: &str, passphrase: &Passphrase) -> Result<OpenKey, SealError> {
        let mut identity = age::scrypt::Identity::new(passphrase.secret());
        identity.set_max_work_factor(MAX_WORK_FACTOR);
        // The comment lines (the public half) are for people and `check`.
        let armored: String = locked
            .lines()
            .filter(|line| !line.starts_with('#'))
            .flat_map(|line| [line, "\n"])
            .collect();
        let plain = Zeroizing::new(age::decrypt(&identity, armored.as_bytes()).map_err(
            |e| match e {
                age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
                    SealError::WrongPassphrase
                }
                other => SealError::DamagedKey(other.to_string()),
            },
        )?);
        let text = std::str::from_utf8(&plain)
            .map_err(|_| SealError::DamagedKey("it does not hold a key".into()))?;
        let identity = x25519::Identity::from_str(text.trim())
            .map_err(|e| SealError::DamagedKey(e.to_string()))?;
        let public = identity.to_public().to_string();
        Ok(OpenKey { identity, public })
    }

    /// Opens words sealed to this key.
    pub fn open(&self, sealed: &Sealed) -> Result<Vec<u8>, SealError> {
        if sealed.to != self.public {
            return Err(SealError::ReplacedKey);
        }
        age::decrypt(&self.identity, sealed.words.as_bytes())
            .map_err(|e| SealError::Damaged(e.to_string()))
    }
}

/// Seals `plain` to the public key `to`.
pub fn seal(to: &str, plain: &[u8]) -> Result<Sealed, SealError> {
    let recipient =
        x25519::Recipient::from_str(to).map_err(|e| SealError::CannotSeal(e.to_string()))?;
    let words = age::encrypt_and_armor(&recipient, plain)
        .map_err(|e| SealError::CannotSeal(e.to_string()))?;
    Ok(Sealed {
        to: to.to_string(),
        words,
    })
}

/// What of an entry is sealed: everything its author wrote or chose.
#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
struct Words {
    #[serde(default)]
    answers: BTreeMap<String, Answer>,
    #[serde(default)]
    passed: BTreeSet<String>,
    #[serde(default)]
    private: BTreeSet<String>,
    #[serde(default)]
    left_at: Option<String>,
}

/// Words as sealed: their length rounded up with trailing blanks (which
/// RON reads past), so that the size of a sealed block says little of how
/// much was written: a kilobyte at least, then the next power of two, and
/// past 64 KiB the next multiple of it.
fn padded(mut text: String) -> String {
    const FLOOR: usize = 1 << 10;
    const STEP: usize = 64 << 10;
    let len = text.len();
    let target = if len <= FLOOR {
        FLOOR
    } else if len <= STEP {
        len.next_power_of_two()
    } else {
        len.div_ceil(STEP) * STEP
    };
    text.extend(std::iter::repeat_n(' ', target - len));
    text
}

/// Seals an entry's words to `to`; its open fields are emptied.
pub fn seal_entry(entry: &mut Entry, to: &str) -> Result<(), SealError> {
    let words = Words {
        answers: std::mem::take(&mut entry.answers),
        passed: std::mem::take(&mut entry.passed),
        private: std::mem::take(&mut entry.private),
        left_at: entry.left_at.take(),
    };
    let text = crate::ron_text::to_ron(&words).map_err(|e| SealError::CannotSeal(e.to_string()));
    let sealed = text.and_then(|text| seal(to, padded(text).as_bytes()));
    match sealed {
        Ok(sealed) => {
            entry.sealed = Some(sealed);
            Ok(())
        }
        Err(e) => {
            // Nothing of the entry is lost when sealing fails.
            entry.answers = words.answers;
            entry.passed = words.passed;
            entry.private = words.private;
            entry.left_at = words.left_at;
            Err(e)
        }
    }
}

/// Opens a sealed entry with its author's key: its words are back in its
/// open fields, and it is sealed again when saved.
pub fn open_entry(entry: &mut Entry, key: &OpenKey) -> Result<(), SealError> {
    let Some(sealed) = &entry.sealed else {
        return Ok(());
    };
    let plain = key.open(sealed)?;
    let text =
        std::str::from_utf8(&plain).map_err(|_| SealError::Damaged("they are not text".into()))?;
    let words: Words = ron::from_str(text).map_err(|e| SealError::Damaged(e.to_string()))?;
    entry.answers = words.answers;
    entry.passed = words.passed;
    entry.private = words.private;
    entry.left_at = words.left_at;
    entry.sealed = None;
    Ok(())
}

/// Seals the answers of the steps an entry keeps private into its `kept`
/// words, for good, taking them out of its open answers.
fn seal_kept(entry: &mut Entry, to: &str) -> Result<(), SealError> {
    if entry.kept.is_some() {
        // Kept words are sealed once, at the reveal, and never again
        // opened into the page: a second set cannot arise.
        return Err(SealError::CannotSeal(
            "the page already holds answers kept private".into(),
        ));
    }
    let kept: BTreeMap<String, Answer> = entry
        .private
        .iter()
        .filter_map(|step| Some((step.clone(), entry.answers.get(step)?.clone())))
        .collect();
    let words = Words {
        answers: kept,
        ..Words::default()
    };
    let text = crate::ron_text::to_ron(&words).map_err(|e| SealError::CannotSeal(e.to_string()))?;
    entry.kept = Some(seal(to, padded(text).as_bytes())?);
    for step in &entry.private {
        entry.answers.remove(step);
    }
    Ok(())
}

/// The answers a partner kept private on a page, opened with their key.
pub fn open_kept(entry: &Entry, key: &OpenKey) -> Result<BTreeMap<String, Answer>, SealError> {
    let Some(kept) = &entry.kept else {
        return Ok(BTreeMap::new());
    };
    let plain = key.open(kept)?;
    let text =
        std::str::from_utf8(&plain).map_err(|_| SealError::Damaged("they are not text".into()))?;
    let words: Words = ron::from_str(text).map_err(|e| SealError::Damaged(e.to_string()))?;
    Ok(words.answers)
}

/// Whether an entry holds answers to steps kept private in the open.
fn holds_kept_in_the_open(entry: &Entry) -> bool {
    entry.private.iter().any(|s| entry.answers.contains_key(s))
}

/// Whether a partner's entry is sealed to the key they have now, so that
/// their passphrase opens it.
pub fn opens_with_current_key(page: &Page, couple: &Couple, partner: Partner) -> bool {
    page.entry(partner)
        .sealed
        .as_ref()
        .is_some_and(|s| couple.key(partner) == Some(s.to.as_str()))
}

/// Whether the page may hold both partners' words in plain text: both
/// have finished, and neither side is still sealed. A side sealed with a
/// key that can no longer open it (replaced since, or taken out of
/// `couple.ron`) keeps the other side sealed too: the reveal shows both
/// sides or neither, on disk as on screen.
pub fn may_be_plain(page: &Page) -> bool {
    Partner::BOTH.iter().all(|p| {
        let entry = page.entry(*p);
        entry.status == EntryStatus::Done && entry.sealed.is_none()
    })
}

/// The public keys checked this run against their owners' key files
/// (compared when the key was opened, or made then): the only keys words
/// are sealed to. A public half is no secret, so it stays checked for the
/// run, while the key itself is dropped after each moment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checked([Option<String>; 2]);

impl Checked {
    pub fn set(&mut self, partner: Partner, public: &str) {
        self.0[partner.index()] = Some(public.to_string());
    }

    /// The key `couple.ron` lists for `partner`, when it was checked.
    pub fn recipient<'a>(&self, couple: &'a Couple, partner: Partner) -> Option<&'a str> {
        couple
            .key(partner)
            .filter(|listed| self.0[partner.index()].as_deref() == Some(*listed))
    }
}

/// The page as it is written to disk: the open words of each partner who
/// has a key are sealed to it until the page may be plain. Entries sealed
/// already are kept as they are. Words are sealed only to a key checked
/// this run; open words of a partner whose key was not (a page written
/// before their passphrase, or edited by hand) stay as they are on disk.
pub fn for_disk<'a>(
    page: &'a Page,
    couple: Option<&Couple>,
    checked: &Checked,
) -> Result<Cow<'a, Page>, SealError> {
    let Some(couple) = couple else {
        return Ok(Cow::Borrowed(page));
    };
    if may_be_plain(page) {
        // Both answers go plain, but for those kept private: those are
        // sealed to their author for good.
        if !page.entries.iter().any(holds_kept_in_the_open) {
            return Ok(Cow::Borrowed(page));
        }
        let mut plain = page.clone();
        for partner in Partner::BOTH {
            let entry = plain.entry_mut(partner);
            if !holds_kept_in_the_open(entry) {
                continue;
            }
            let Some(to) = checked.recipient(couple, partner) else {
                return Err(SealError::CannotSeal(
                    "an answer kept private needs its author's passphrase, typed this time".into(),
                ));
            };
            seal_kept(entry, to)?;
        }
        return Ok(Cow::Owned(plain));
    }
    let to_seal: Vec<(Partner, &str)> = Partner::BOTH
        .iter()
        .filter_map(|p| Some((*p, checked.recipient(couple, *p)?)))
        .filter(|(p, _)| {
            let entry = page.entry(*p);
            entry.sealed.is_none() && entry.has_words()
        })
        .collect();
    if to_seal.is_empty() {
        return Ok(Cow::Borrowed(page));
    }
    let mut sealed = page.clone();
    for (partner, to) in to_seal {
        seal_entry(sealed.entry_mut(partner), to)?;
    }
    Ok(Cow::Owned(sealed))
}

/// Whether a sealed block looks like what tandem writes: an armored age
/// file for one X25519 recipient, addressed to a valid public key. Read
/// without any key, so `check` and loading can name a damaged one; words
/// damaged inside the encrypted part show only when its owner opens them.
pub fn well_formed(sealed: &Sealed) -> Result<(), String> {
    x25519::Recipient::from_str(&sealed.to)
        .map_err(|_| "the key it is sealed to is not an age public key".to_string())?;
    let reader = age::armor::ArmoredReader::new(sealed.words.as_bytes());
    match age::Decryptor::new(reader) {
        Ok(decryptor) if !decryptor.is_scrypt() => Ok(()),
        Ok(_) => Err("it is sealed with a passphrase, not to a key".to_string()),
        Err(e) => Err(format!("the sealed words are damaged ({e})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Answer;

    fn entry_with(words: &str) -> Entry {
        let mut entry = Entry::new("Alex");
        entry.status = EntryStatus::Draft;
        entry
            .answers
            .insert("area".into(), Answer::Text(words.into()));
        entry.passed.insert("ask".into());
        entry.left_at = Some("ask".into());
        entry
    }

    #[test]
    fn a_sealed_entry_holds_no_word_of_it_and_opens_whole_with_its_key() {
        let key = OpenKey::generate();
        let original = entry_with("a very particular sentence");
        let mut entry = original.clone();
        seal_entry(&mut entry, key.public()).expect("sealed");
        let text = crate::ron_text::to_ron(&entry).expect("ron");
        assert!(!text.contains("particular"), "{text}");
        assert!(!text.contains("ask"), "not even the step names: {text}");
        assert!(text.contains("Draft"), "the status stays in sight");
        open_entry(&mut entry, &key).expect("opened");
        assert_eq!(entry, original);
    }

    #[test]
    fn sealed_blocks_of_short_and_longer_words_are_the_same_size() {
        let key = OpenKey::generate();
        let size = |words: &str| {
            let mut entry = entry_with(words);
            seal_entry(&mut entry, key.public()).expect("sealed");
            entry.sealed.expect("sealed").words.len()
        };
        // age adds a little random filler of its own to every header, so
        // sizes differ by that much, and not by the 620 characters more.
        let (short, longer) = (size("short"), size(&"a few hundred characters ".repeat(25)));
        assert!(short.abs_diff(longer) < 200, "{short} and {longer}");
        let mut entry = entry_with(&"x".repeat(5000));
        let original = entry.clone();
        seal_entry(&mut entry, key.public()).expect("sealed");
        open_entry(&mut entry, &key).expect("opened");
        assert_eq!(entry, original, "the padding is not part of the words");
    }

    #[test]
    fn another_key_opens_nothing() {
        let mut entry = entry_with("words");
        let key = OpenKey::generate();
        seal_entry(&mut entry, key.public()).expect("sealed");
        let sealed = entry.clone();
        let other = OpenKey::generate();
        assert_eq!(open_entry(&mut entry, &other), Err(SealError::ReplacedKey));
        assert_eq!(entry, sealed, "nothing changed");
    }

    #[test]
    fn a_key_opens_only_with_its_passphrase() {
        let key = OpenKey::generate();
        let locked = key.lock(&Passphrase::new("correct horse")).expect("locked");
        assert!(locked.contains("-----BEGIN AGE ENCRYPTED FILE-----"));
        assert_eq!(stated_public_key(&locked), Some(key.public()));
        assert!(!locked.contains("AGE-SECRET-KEY"));
        assert_eq!(
            OpenKey::unlock(&locked, &Passphrase::new("wrong horse")),
            Err(SealError::WrongPassphrase)
        );
        let opened = OpenKey::unlock(&locked, &Passphrase::new("correct horse")).expect("opens");
        assert_eq!(opened.public(), key.public());
        assert!(matches!(
            OpenKey::unlock("not a key file", &Passphrase::new("correct horse")),
            Err(SealError::DamagedKey(_))
        ));
    }

    #[test]
    fn a_passphrase_never_shows_in_debug_output() {
        let shown = format!("{:?}", Passphrase::new("hunter2 hunter2"));
        assert!(!shown.contains("hunter2"));
    }
}
