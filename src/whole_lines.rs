//! Plain mode's terminal: a line that changes is written whole, from its
//! first column to its last, rather than as the few cells that changed. A
//! screen reader following the terminal then reads "Selected: no" where
//! it would otherwise hear the fragment "nSelected:o".

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};

/// A backend that, when `whole` is set, widens every change to its whole
/// line; otherwise it passes everything through as it is.
pub struct WholeLines<B: Backend> {
    inner: B,
    whole: bool,
    /// What is on the screen, as written through here.
    shown: Buffer,
}

impl<B: Backend> WholeLines<B> {
    pub fn new(inner: B, whole: bool) -> WholeLines<B> {
        WholeLines {
            inner,
            whole,
            shown: Buffer::empty(Rect::ZERO),
        }
    }

    pub fn inner(&self) -> &B {
        &self.inner
    }
}

impl<B: Backend> Backend for WholeLines<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        if !self.whole {
            return self.inner.draw(content);
        }
        let size = self.inner.size()?;
        let area = Rect::new(0, 0, size.width, size.height);
        if self.shown.area != area {
            self.shown = Buffer::empty(area);
        }
        let mut rows: Vec<u16> = Vec::new();
        for (x, y, cell) in content {
            if let Some(shown) = self.shown.cell_mut(Position::new(x, y)) {
                *shown = cell.clone();
                rows.push(y);
            }
        }
        rows.sort_unstable();
        rows.dedup();
        let mut cells: Vec<(u16, u16, &Cell)> = Vec::new();
        for y in rows {
            // The columns a wide character covers are written with it.
            let mut covered = 0;
            for x in 0..area.width {
                let Some(cell) = self.shown.cell(Position::new(x, y)) else {
                    continue;
                };
                if covered > 0 {
                    covered -= 1;
                    continue;
                }
                covered = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
                cells.push((x, y, cell));
            }
        }
        self.inner.draw(cells.into_iter())
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.shown.reset();
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        // What is left on screen is no longer known here: written anew.
        self.shown = Buffer::empty(Rect::ZERO);
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::Paragraph;

    use super::*;

    /// A test backend that also keeps the rows and columns each draw wrote.
    struct Recording {
        screen: TestBackend,
        written: Vec<Vec<(u16, u16)>>,
    }

    impl Backend for Recording {
        type Error = <TestBackend as Backend>::Error;

        fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
        where
            I: Iterator<Item = (u16, u16, &'a Cell)>,
        {
            let cells: Vec<(u16, u16, &Cell)> = content.collect();
            self.written
                .push(cells.iter().map(|(x, y, _)| (*x, *y)).collect());
            self.screen.draw(cells.into_iter())
        }
        fn hide_cursor(&mut self) -> Result<(), Self::Error> {
            self.screen.hide_cursor()
        }
        fn show_cursor(&mut self) -> Result<(), Self::Error> {
            self.screen.show_cursor()
        }
        fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
            self.screen.get_cursor_position()
        }
        fn set_cursor_position<P: Into<Position>>(&mut self, p: P) -> Result<(), Self::Error> {
            self.screen.set_cursor_position(p)
        }
        fn clear(&mut self) -> Result<(), Self::Error> {
            self.screen.clear()
        }
        fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
            self.screen.clear_region(clear_type)
        }
        fn size(&self) -> Result<Size, Self::Error> {
            self.screen.size()
        }
        fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
            self.screen.window_size()
        }
        fn flush(&mut self) -> Result<(), Self::Error> {
            self.screen.flush()
        }
    }

    fn two_frames(whole: bool) -> Vec<(u16, u16)> {
        let recording = Recording {
            screen: TestBackend::new(20, 3),
            written: Vec::new(),
        };
        let mut terminal = Terminal::new(WholeLines::new(recording, whole)).expect("terminal");
        for words in ["Selected: yes", "Selected: no"] {
            terminal
                .draw(|f| f.render_widget(Paragraph::new(words), f.area()))
                .expect("draw");
        }
        let written = &terminal.backend().inner().written;
        written.last().cloned().unwrap_or_default()
    }

    #[test]
    fn a_changed_line_is_written_whole_in_plain_mode_only() {
        let whole = two_frames(true);
        assert_eq!(whole.len(), 20, "the whole first line: {whole:?}");
        assert!(whole.iter().all(|(_, y)| *y == 0));
        assert_eq!(whole.first(), Some(&(0, 0)));
        let cells = two_frames(false);
        assert!(cells.len() < 5, "only what changed: {cells:?}");
    }
}
