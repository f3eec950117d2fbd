//! How a journal could be laid out so that two computers never write the
//! same file: what listing and reading every page costs when a page is one
//! file (as now), three files side by side in one folder (the page, and
//! each partner's entry), or a folder of three files. The words are the
//! demo couple's, split in three, so every layout holds the same bytes.
//! docs/data.md gives the figures and the choice made from them.

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use tandem::content::Library;

const SIZES: [usize; 2] = [1_000, 10_000];
const LIMIT: u64 = 64 << 20;

#[derive(Clone, Copy, Debug)]
enum Layout {
    /// `journal/<id>.ron`, as today.
    OneFile,
    /// `journal/<id>.ron`, `<id>.first.ron`, `<id>.second.ron`.
    ThreeFiles,
    /// `journal/<id>/page.ron`, `first.ron`, `second.ron`.
    Folder,
}

/// A page's text in three parts of about a third each, cut at character
/// boundaries.
fn thirds(text: &str) -> [&str; 3] {
    let cut = |n: usize| {
        let mut at = text.len() * n / 3;
        while !text.is_char_boundary(at) {
            at += 1;
        }
        at
    };
    let (a, b) = (cut(1), cut(2));
    [&text[..a], &text[a..b], &text[b..]]
}

/// Writes the demo journal of `pages` pages in each layout under `root`.
fn write_layouts(root: &Path, pages: usize) -> Vec<(Layout, PathBuf)> {
    let library = Library::load(None);
    let today = root.join("one-file");
    tandem::demo::generate(&library, pages, tandem::demo::DEMO_SEED)
        .write(&today)
        .expect("write the journal");
    let mut written = vec![(Layout::OneFile, today.join("journal"))];
    for layout in [Layout::ThreeFiles, Layout::Folder] {
        let folder = root.join(format!("{layout:?}")).join("journal");
        fs::create_dir_all(&folder).expect("folder");
        for entry in fs::read_dir(today.join("journal")).expect("pages") {
            let path = entry.expect("entry").path();
            let Some(id) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            let text = fs::read_to_string(&path).expect("page");
            let parts = thirds(&text);
            let names: [PathBuf; 3] = match layout {
                Layout::ThreeFiles => {
                    ["ron", "first.ron", "second.ron"].map(|end| folder.join(format!("{id}.{end}")))
                }
                _ => {
                    let page = folder.join(id);
                    fs::create_dir_all(&page).expect("page folder");
                    ["page.ron", "first.ron", "second.ron"].map(|name| page.join(name))
                }
            };
            for (name, part) in names.iter().zip(parts) {
                fs::write(name, part).expect("part");
            }
        }
        written.push((layout, folder));
    }
    written
}

/// Lists the journal as the first frame would: the names, sorted.
fn list(layout: Layout, folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .expect("list")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| match layout {
            Layout::ThreeFiles => name.ends_with(".ron") && name.matches('.').count() == 1,
            _ => true,
        })
        .collect();
    names.sort_unstable();
    names
}

/// Reads every byte of every page, through the reader tandem uses (regular
/// files only, one stat each), and for a folder a page, lists the folder
/// too: a copy a sync tool left beside the entries must be seen.
fn read_all(layout: Layout, folder: &Path) -> usize {
    let mut bytes = 0;
    for name in list(layout, folder) {
        let paths: Vec<PathBuf> = match layout {
            Layout::OneFile => vec![folder.join(&name)],
            Layout::ThreeFiles => {
                let id = name.trim_end_matches(".ron");
                ["ron", "first.ron", "second.ron"]
                    .iter()
                    .map(|end| folder.join(format!("{id}.{end}")))
                    .collect()
            }
            Layout::Folder => fs::read_dir(folder.join(&name))
                .expect("page folder")
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .collect(),
        };
        for path in paths {
            bytes += tandem::files::read_regular(&path, LIMIT)
                .map(|b| b.len())
                .unwrap_or(0);
        }
    }
    bytes
}

fn layouts(c: &mut Criterion) {
    let mut listing = c.benchmark_group("layout: list the journal");
    listing.sample_size(20);
    let root = tempfile::tempdir().expect("temp dir");
    let mut journals = Vec::new();
    for pages in SIZES {
        let dir = root.path().join(pages.to_string());
        journals.push((pages, write_layouts(&dir, pages)));
    }
    for (pages, written) in &journals {
        for (layout, folder) in written {
            listing.bench_with_input(
                BenchmarkId::new(format!("{layout:?}"), pages),
                folder,
                |b, folder| b.iter(|| black_box(list(*layout, folder))),
            );
        }
    }
    listing.finish();
    let mut reading = c.benchmark_group("layout: read every page");
    reading.sample_size(10);
    for (pages, written) in &journals {
        let expected = read_all(Layout::OneFile, &written[0].1);
        for (layout, folder) in written {
            assert_eq!(
                read_all(*layout, folder),
                expected,
                "{layout:?} holds it all"
            );
            reading.bench_with_input(
                BenchmarkId::new(format!("{layout:?}"), pages),
                folder,
                |b, folder| b.iter(|| black_box(read_all(*layout, folder))),
            );
        }
    }
    reading.finish();
}

criterion_group!(benches, layouts);
criterion_main!(benches);
