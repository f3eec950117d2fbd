//! Reads many pages at once: as many at a time as the machine has cores,
//! newest first, each page turned into what the caller keeps of it on the
//! thread that read it. The workbook and every command read the journal
//! through here, so they see the same pages and the same problems.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use super::{LoadedPage, Store};
use crate::content::Library;
use crate::problem::Problem;

/// Pages a thread reads before handing them over: enough that handing over
/// costs little, few enough that the newest pages arrive first.
const CHUNK: usize = 32;
/// More threads than this only wait on one another for the disk.
const MOST_THREADS: usize = 8;

/// How many threads read pages at once.
pub fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .clamp(1, MOST_THREADS)
}

/// What a page read from disk came to: the page, or why it cannot be read.
pub type Read = Result<LoadedPage, Problem>;

/// Reads the pages `ids` names and returns what `keep` makes of each, in
/// the order of `ids`.
pub fn read_all<T: Send>(
    store: &Store,
    library: &Library,
    ids: &[String],
    keep: impl Fn(&str, Read) -> T + Sync,
) -> Vec<T> {
    let mut kept: Vec<Option<T>> = std::iter::repeat_with(|| None).take(ids.len()).collect();
    read_in_batches(store, library, ids, keep, |batch| {
        for (at, value) in batch {
            kept[at] = Some(value);
        }
        true
    });
    kept.into_iter().flatten().collect()
}

/// Reads the pages `ids` names, newest first, several at a time, and hands
/// each batch read to `deliver` on the calling thread as soon as it is
/// ready, as (place in `ids`, what `keep` made of the page). Batches may
/// arrive out of order. When `deliver` says `false`, reading stops: the
/// threads finish the page they are on and read no more.
pub fn read_in_batches<T: Send>(
    store: &Store,
    library: &Library,
    ids: &[String],
    keep: impl Fn(&str, Read) -> T + Sync,
    mut deliver: impl FnMut(Vec<(usize, T)>) -> bool,
) {
    let chunks = ids.len().div_ceil(CHUNK);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let read_chunk = |chunk: usize| -> Option<Vec<(usize, T)>> {
        let start = chunk * CHUNK;
        let end = (start + CHUNK).min(ids.len());
        let mut batch = Vec::with_capacity(end - start);
        for (at, id) in ids.iter().enumerate().take(end).skip(start) {
            if stop.load(Ordering::Relaxed) {
                return None;
            }
            batch.push((at, keep(id, store.load_page(id, library))));
        }
        Some(batch)
    };
    let threads = threads().min(chunks);
    if threads <= 1 {
        for chunk in 0..chunks {
            let Some(batch) = read_chunk(chunk) else {
                return;
            };
            if !deliver(batch) {
                return;
            }
        }
        return;
    }
    std::thread::scope(|scope| {
        let (send, receive) = mpsc::channel();
        for _ in 0..threads {
            let send = send.clone();
            let (next, read_chunk) = (&next, &read_chunk);
            scope.spawn(move || {
                loop {
                    let chunk = next.fetch_add(1, Ordering::Relaxed);
                    if chunk >= chunks {
                        break;
                    }
                    let Some(batch) = read_chunk(chunk) else {
                        break;
                    };
                    if send.send(batch).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        for batch in receive {
            if !deliver(batch) {
                stop.store(true, Ordering::Relaxed);
                break;
            }
        }
    });
}
