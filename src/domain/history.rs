//! Undo and redo of workspace edits, bounded, each step keeping only the AO it changed.

use std::collections::VecDeque;

use super::plan::OperativeActivity;
use super::workspace::Workspace;

/// How many edits can be undone; older steps are forgotten.
pub const UNDO_STEPS: usize = 100;

/// How to rebuild one version's AO list from the same version in the other workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ActivityList {
    /// The same length: only these positions differ.
    Patched(Vec<(usize, OperativeActivity)>),
    /// AO were added or removed (or the version is new): the whole list.
    Whole(Vec<OperativeActivity>),
}

/// How to rebuild one workspace from another. The AO lists, the bulk of a workspace, are kept
/// only where they differ, so a hundred steps over thousands of AO stay small.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Step {
    /// The workspace to rebuild with every version's AO taken out.
    shell: Workspace,
    /// One entry per version of the shell, in order.
    activities: Vec<ActivityList>,
}

impl Step {
    /// What it takes to rebuild `target` from `from`.
    fn between(mut target: Workspace, from: &Workspace) -> Self {
        let mut activities = Vec::new();
        for year in &mut target.years {
            let other_year = from.years.iter().find(|y| y.year == year.year);
            for version in &mut year.poi.versions {
                let list = std::mem::take(&mut version.activities);
                let other = other_year.and_then(|y| y.poi.version(version.number)).map(|v| &v.activities);
                activities.push(match other {
                    Some(other) if other.len() == list.len() => {
                        ActivityList::Patched(list.into_iter().enumerate().filter(|(i, ao)| *ao != other[*i]).collect())
                    }
                    _ => ActivityList::Whole(list),
                });
            }
        }
        Self { shell: target, activities }
    }

    /// The workspace this step was taken of, given the one it was taken from.
    fn rebuild(self, from: &Workspace) -> Workspace {
        let Step { mut shell, activities } = self;
        let mut lists = activities.into_iter();
        for year in &mut shell.years {
            let other_year = from.years.iter().find(|y| y.year == year.year);
            for version in &mut year.poi.versions {
                version.activities = match lists.next() {
                    Some(ActivityList::Whole(list)) => list,
                    Some(ActivityList::Patched(changed)) => {
                        let mut list = other_year
                            .and_then(|y| y.poi.version(version.number))
                            .map(|v| v.activities.clone())
                            .unwrap_or_default();
                        for (i, ao) in changed {
                            if let Some(slot) = list.get_mut(i) {
                                *slot = ao;
                            }
                        }
                        list
                    }
                    None => Vec::new(),
                };
            }
        }
        shell
    }
}

/// What undo and redo leave as they are in the `current` workspace: the recommendations
/// register, whose status history is append-only and so is never rolled back.
fn carried_over(mut restored: Workspace, current: &Workspace) -> Workspace {
    restored.recommendations = current.recommendations.clone();
    restored
}

/// The edits that can be undone and those that can be redone.
#[derive(Debug, Clone, Default)]
pub struct History {
    past: VecDeque<Step>,
    future: Vec<Step>,
}

impl History {
    /// Brings `seen` (the workspace as last observed) up to `now`, recording one undo step for
    /// this tab's edit.
    pub fn observe(&mut self, seen: &mut Workspace, now: &Workspace) {
        if seen == now {
            return;
        }
        let before = std::mem::replace(seen, now.clone());
        if self.past.len() == UNDO_STEPS {
            self.past.pop_front();
        }
        self.past.push_back(Step::between(before, now));
        self.future.clear();
    }

    /// Turns `current` into the workspace before the last edit; false when there is none.
    pub fn undo(&mut self, current: &mut Workspace) -> bool {
        let Some(step) = self.past.pop_back() else { return false };
        let earlier = carried_over(step.rebuild(current), current);
        let later = std::mem::replace(current, earlier);
        self.future.push(Step::between(later, current));
        true
    }

    /// Turns `current` into the workspace the last undo left; false when there is none.
    pub fn redo(&mut self, current: &mut Workspace) -> bool {
        let Some(step) = self.future.pop() else { return false };
        let later = carried_over(step.rebuild(current), current);
        let earlier = std::mem::replace(current, later);
        self.past.push_back(Step::between(earlier, current));
        true
    }

    /// How many edits can be undone.
    pub fn undo_steps(&self) -> usize {
        self.past.len()
    }

    /// How many undone edits can be redone.
    pub fn redo_steps(&self) -> usize {
        self.future.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::edit::Series;
    use crate::domain::example::{reference_workspace, INTEGRITY_AO, REFERENCE_VIEW};
    use crate::domain::period::Month;
    use crate::domain::plan::OperativeActivity;

    fn edit(ws: &mut Workspace, month: u8, text: &str) {
        ws.set_monthly_value(REFERENCE_VIEW, INTEGRITY_AO, Series::FinancialExecuted, Month::new(month).unwrap(), text).unwrap();
    }

    /// A workspace at each of `n` edits, and the history that watched them.
    fn edited(n: usize) -> (Vec<Workspace>, History, Workspace) {
        let mut history = History::default();
        let mut seen = reference_workspace();
        let mut ws = seen.clone();
        let mut states = vec![ws.clone()];
        for i in 0..n {
            edit(&mut ws, (i % 12) as u8 + 1, &(i + 1).to_string());
            history.observe(&mut seen, &ws);
            states.push(ws.clone());
        }
        (states, history, seen)
    }

    #[test]
    fn undo_walks_back_through_every_edit_and_redo_forward() {
        let (states, mut history, mut current) = edited(5);
        for expected in states.iter().rev().skip(1) {
            assert!(history.undo(&mut current));
            assert_eq!(&current, expected);
        }
        assert!(!history.undo(&mut current));
        for expected in states.iter().skip(1) {
            assert!(history.redo(&mut current));
            assert_eq!(&current, expected);
        }
        assert!(!history.redo(&mut current));
    }

    #[test]
    fn a_hundred_steps_are_kept_and_older_ones_forgotten() {
        let (states, mut history, mut current) = edited(UNDO_STEPS + 5);
        assert_eq!(history.undo_steps(), UNDO_STEPS);
        while history.undo(&mut current) {}
        assert_eq!(current, states[5]);
        assert_eq!(history.redo_steps(), UNDO_STEPS);
    }

    #[test]
    fn a_new_edit_after_undo_drops_the_redo_steps() {
        let (_, mut history, mut current) = edited(3);
        history.undo(&mut current);
        let mut next = current.clone();
        edit(&mut next, 1, "999");
        history.observe(&mut current, &next);
        assert_eq!(history.redo_steps(), 0);
        assert_eq!(history.undo_steps(), 3);
    }

    #[test]
    fn the_recommendations_register_is_never_rolled_back() {
        let (states, mut history, mut current) = edited(1);
        let mut now = current.clone();
        now.recommendations.settings.due_soon_days += 10;
        history.observe(&mut current, &now);
        while history.undo(&mut current) {}
        assert_eq!(current.years, states[0].years);
        assert_eq!(current.recommendations, now.recommendations);
        while history.redo(&mut current) {}
        assert_eq!(current, now);
    }

    #[test]
    fn adding_an_ao_and_a_version_are_undone_whole() {
        let mut history = History::default();
        let original = reference_workspace();
        let mut seen = original.clone();
        let mut now = original.clone();
        let poi = &mut now.years[0].poi;
        poi.versions.last_mut().unwrap().activities.push(OperativeActivity::new("AOI-NEW", "NUEVA", "INFORME", "AEI.08.05", "07"));
        poi.amend(Default::default(), Default::default());
        history.observe(&mut seen, &now);
        history.undo(&mut seen);
        assert_eq!(seen, original);
        history.redo(&mut seen);
        assert_eq!(seen, now);
    }

    #[test]
    fn a_step_keeps_only_the_ao_that_changed() {
        let before = reference_workspace();
        let mut after = before.clone();
        edit(&mut after, 3, "10");
        let step = Step::between(before.clone(), &after);
        let kept: usize = step
            .activities
            .iter()
            .map(|list| match list {
                ActivityList::Patched(changed) => changed.len(),
                ActivityList::Whole(list) => list.len(),
            })
            .sum();
        assert_eq!(kept, 1);
        assert_eq!(step.rebuild(&after), before);
    }
}
