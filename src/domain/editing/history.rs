//! Undo and redo of workspace edits, bounded, each step keeping only the AO it changed.

use std::collections::VecDeque;

use crate::domain::plan::OperativeActivity;
use crate::domain::Workspace;

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

/// What undo and redo leave as they are in the `current` workspace: the status history of a
/// recommendation, which is append-only and so is never rolled back (see
/// `RecommendationRegister::keeping_history_of`).
fn carried_over(mut restored: Workspace, current: &Workspace) -> Workspace {
    restored.recommendations = restored.recommendations.keeping_history_of(&current.recommendations);
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

    /// Brings `seen` up to `now` with no undo step, and forgets every step: `now` did not come from
    /// an edit of this tab (another tab's save, a reload from storage, a restored backup), and a
    /// step recorded before it would undo what that tab saved.
    pub fn start_from(&mut self, seen: &mut Workspace, now: &Workspace) {
        seen.clone_from(now);
        *self = History::default();
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
    use crate::domain::calendar::Date;
    use crate::domain::plan::{Month, OperativeActivity, Series};
    use crate::domain::example::{reference_workspace, INTEGRITY_AO, REFERENCE_VIEW};
    use crate::domain::recommendations::{RecommendationStatus, StatusUpdate};

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
    fn settings_of_the_register_are_undone_like_any_edit() {
        let (states, mut history, mut current) = edited(1);
        let mut now = current.clone();
        now.recommendations.settings.due_soon_days += 10;
        history.observe(&mut current, &now);
        while history.undo(&mut current) {}
        assert_eq!(current, states[0]);
        while history.redo(&mut current) {}
        assert_eq!(current, now);
    }

    #[test]
    fn a_deleted_recommendation_comes_back_on_undo_and_goes_again_on_redo() {
        let mut history = History::default();
        let original = reference_workspace();
        let id = original.recommendations.recommendations().iter().find(|r| r.history().is_empty()).expect("one without history").id();
        let mut seen = original.clone();
        let mut now = original.clone();
        now.recommendations.remove_recommendation(id).unwrap();
        history.observe(&mut seen, &now);
        assert!(history.undo(&mut seen));
        assert_eq!(seen, original);
        assert!(history.redo(&mut seen));
        assert_eq!(seen, now);
        assert!(seen.recommendations.recommendation(id).is_none());
    }

    #[test]
    fn a_status_change_is_never_rolled_back_while_a_deletion_after_it_is() {
        let mut history = History::default();
        let original = reference_workspace();
        let ids: Vec<_> = original.recommendations.recommendations().iter().map(|r| r.id()).collect();
        let mut seen = original.clone();
        let mut now = original.clone();
        let update = StatusUpdate {
            date: Some(Date::new(2023, 9, 15).unwrap()),
            status: RecommendationStatus::EnProceso,
            note: String::new(),
            evidence: String::new(),
            recorded_by: "UFPP".to_string(),
            verified_by: String::new(),
        };
        now.recommendations.change_status(ids[0], update, Date::new(2023, 12, 31).unwrap()).unwrap();
        history.observe(&mut seen, &now);
        now.recommendations.remove_recommendation(ids[1]).unwrap();
        history.observe(&mut seen, &now);
        while history.undo(&mut seen) {}
        assert_eq!(seen.recommendations.recommendation(ids[0]).unwrap().history().len(), 1, "the status change stays");
        assert_eq!(seen.recommendations.recommendation(ids[1]), original.recommendations.recommendation(ids[1]), "the deleted one is back");
    }

    #[test]
    fn data_loaded_from_outside_the_tab_is_not_an_undo_step_and_forgets_the_earlier_ones() {
        let (_, mut history, mut seen) = edited(3);
        let mut other_tab = seen.clone();
        edit(&mut other_tab, 5, "777");
        history.start_from(&mut seen, &other_tab);
        assert_eq!((history.undo_steps(), history.redo_steps()), (0, 0));
        assert!(!history.undo(&mut seen));
        assert_eq!(seen, other_tab);
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
