//! Which save a stored copy is: its revision and the tab that wrote it, and how two copies stand.

use serde::Deserialize;

/// The save a copy of the workspace comes from: how many saves it follows, and the writer (a
/// random id per tab and page load) that made it. Older builds wrote no writer (`""`). Read from
/// the stored text's envelope, skipping the workspace.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Stamp {
    #[serde(default)]
    pub revision: u64,
    #[serde(default)]
    pub writer: String,
}

impl Stamp {
    /// The save that follows this one, by `writer`.
    pub fn next(&self, writer: &str) -> Self {
        Self { revision: self.revision + 1, writer: writer.to_string() }
    }
}

/// What storage holds, against the copy a tab holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// The very save the tab holds: the tab may save over it.
    Same,
    /// A later save of another tab: the tab takes it, or (when it has edits of its own) must not
    /// overwrite it.
    Newer,
    /// Another writer saved the same revision, or an earlier one, over what the tab holds: two
    /// tabs saved at once from the same copy. Neither may overwrite the other unseen.
    Diverged,
}

/// How the `stored` copy stands to the `held` one.
pub fn standing(held: &Stamp, stored: &Stamp) -> Standing {
    if stored == held {
        Standing::Same
    } else if stored.revision > held.revision {
        Standing::Newer
    } else {
        Standing::Diverged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(revision: u64, writer: &str) -> Stamp {
        Stamp { revision, writer: writer.to_string() }
    }

    #[test]
    fn the_copy_a_tab_holds_is_the_same_save() {
        assert_eq!(standing(&stamp(5, "a"), &stamp(5, "a")), Standing::Same);
        assert_eq!(standing(&stamp(5, ""), &stamp(5, "")), Standing::Same, "written by an older build");
    }

    #[test]
    fn a_later_revision_is_newer_whoever_wrote_it() {
        assert_eq!(standing(&stamp(5, "a"), &stamp(6, "b")), Standing::Newer);
        assert_eq!(standing(&stamp(5, "a"), &stamp(9, "a")), Standing::Newer);
    }

    #[test]
    fn the_same_revision_from_another_writer_is_a_conflict() {
        assert_eq!(standing(&stamp(6, "a"), &stamp(6, "b")), Standing::Diverged);
        assert_eq!(standing(&stamp(6, "a"), &stamp(4, "b")), Standing::Diverged, "an earlier save written over a later one");
    }

    #[test]
    fn the_next_save_follows_the_held_one() {
        assert_eq!(stamp(6, "a").next("b"), stamp(7, "b"));
    }
}
