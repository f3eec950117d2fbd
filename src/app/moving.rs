//! Moving through a list or a scrolled view by the same actions on every
//! screen: a line, a screen or ten rows, or to either end.

use super::Measured;
use crate::keymap::Action;

/// Moves a scrolled view as last measured: a line, a screen (less a line,
/// to read on from), or to either end; returns whether the action was a
/// move. The view stays within its content, so the way back up is never
/// longer than the page.
pub(super) fn scroll(scroll: &mut u16, action: Action, view: Measured) -> bool {
    let max = view.max_scroll();
    let mut at = usize::from(*scroll).min(max);
    let moved = move_by(&mut at, action, max, view.rows.saturating_sub(1).max(1));
    *scroll = u16::try_from(at).unwrap_or(u16::MAX);
    moved
}

/// Moves a selection in a list whose last place is `last`: a line, ten, or
/// to either end; returns whether the action was a move.
pub(super) fn move_in(position: &mut usize, action: Action, last: usize) -> bool {
    move_by(position, action, last, 10)
}

fn move_by(position: &mut usize, action: Action, last: usize, page: usize) -> bool {
    let next = match action {
        Action::Up => position.saturating_sub(1),
        Action::Down => position.saturating_add(1),
        Action::PageUp => position.saturating_sub(page),
        Action::PageDown => position.saturating_add(page),
        Action::First => 0,
        Action::Last => last,
        _ => return false,
    };
    *position = next.min(last);
    true
}
