//! Named styles, so views say what a thing is rather than which colour it
//! has. Without colour (NO_COLOR) the same names map to bold, reverse and
//! underline; partners are always told apart by name and position too.
//! In plain mode (for screen readers) there are no styles at all, no box
//! drawing and no columns: what matters is said in words.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Padding};

use crate::model::Partner;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Theme {
    pub color: bool,
    /// One column read top to bottom, words for every mark, no styles.
    pub plain: bool,
}

impl Theme {
    pub const COLOR: Theme = Theme {
        color: true,
        plain: false,
    };
    pub const MONO: Theme = Theme {
        color: false,
        plain: false,
    };
    pub const PLAIN: Theme = Theme {
        color: false,
        plain: true,
    };

    /// Plain when asked for; else colour unless `NO_COLOR` is set to
    /// anything non-empty.
    pub fn from_env(plain: bool) -> Theme {
        if plain {
            return Theme::PLAIN;
        }
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme {
            color: !no_color,
            plain: false,
        }
    }

    fn pick(self, color: Style, mono: Style) -> Style {
        if self.plain {
            Style::default()
        } else if self.color {
            color
        } else {
            mono
        }
    }

    /// A framed part of a screen: a box with its title on the border, or,
    /// in plain mode, the title as a line of its own and no box.
    /// An empty title is no title.
    pub fn block<'a>(self, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
        let title: Line = title.into();
        let block = if self.plain {
            Block::new()
        } else {
            Block::bordered().border_style(self.border(focused))
        };
        if title.width() == 0 {
            block
        } else if self.plain {
            // A title in a border has spaces around it; as a line it starts
            // a column in, like the rest of the screen.
            let words: String = title.spans.iter().map(|s| s.content.as_ref()).collect();
            block.title(format!(" {}", words.trim()))
        } else {
            block.title(title)
        }
    }

    /// Like `block`, with a column of room on each side inside the box.
    pub fn padded_block<'a>(self, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
        let block = self.block(title, focused);
        if self.plain {
            // In line with the rest of the screen, which starts a column in.
            block.padding(Padding::left(1))
        } else {
            block.padding(Padding::horizontal(1))
        }
    }

    /// Whether two things may stand side by side in columns `width` wide:
    /// never in plain mode, where a line is read from start to end.
    pub fn columns_fit(self, width: usize, from: usize) -> bool {
        !self.plain && width >= from
    }

    pub fn text(self) -> Style {
        Style::default()
    }

    pub fn title(self) -> Style {
        self.pick(
            Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    pub fn heading(self) -> Style {
        self.pick(
            Style::default().add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    pub fn dim(self) -> Style {
        self.pick(
            Style::default().fg(Color::DarkGray),
            Style::default().add_modifier(Modifier::DIM),
        )
    }

    pub fn selected(self) -> Style {
        self.pick(
            Style::default()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::REVERSED),
        )
    }

    pub fn partner(self, partner: Partner) -> Style {
        let color = match partner {
            Partner::First => Color::Magenta,
            Partner::Second => Color::Green,
        };
        self.pick(
            Style::default().fg(color).add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    /// The whose-turn banner.
    pub fn banner(self, partner: Option<Partner>) -> Style {
        let color = match partner {
            Some(Partner::First) => Color::Magenta,
            Some(Partner::Second) => Color::Green,
            None => Color::Blue,
        };
        self.pick(
            Style::default()
                .bg(color)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    pub fn key(self) -> Style {
        self.pick(
            Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    pub fn warning(self) -> Style {
        self.pick(
            Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    pub fn border(self, focused: bool) -> Style {
        if self.plain {
            return Style::default();
        }
        match (self.color, focused) {
            (true, true) => Style::default().fg(Color::Cyan),
            (true, false) => Style::default().fg(Color::DarkGray),
            (false, true) => Style::default().add_modifier(Modifier::BOLD),
            (false, false) => Style::default(),
        }
    }

    pub fn placeholder(self) -> Style {
        self.pick(
            Style::default().fg(Color::DarkGray),
            Style::default().add_modifier(Modifier::DIM | Modifier::ITALIC),
        )
    }

    /// A text field's cursor. Plain mode keeps it: it is how plain mode
    /// finds where the terminal's own cursor belongs.
    pub fn cursor(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
}
