//! Completing a visit: what the technician ticked off of the service's checklist, their
//! notes, and who signed for the customer. Checked here, the same in the browser and on the
//! server.

use crate::error::FieldError;
use crate::fields::{optional_text, text};
use serde::{Deserialize, Serialize};

pub const NOTES_MAX: usize = 2000;
pub const SIGNED_NAME_MAX: usize = 100;

/// The completion form's text fields, in order (photos and the drawn signature come with
/// them).
pub const FIELDS: [&str; 3] = ["checklist", "notes", "signed_name"];

/// One item of the checklist as the completion kept it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistEntry {
    pub item: String,
    pub done: bool,
}

/// A completion as sent, valid by construction when it comes from [`CompletionDraft::parse`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompletionDraft {
    /// The service's checklist, each item ticked or not.
    pub checklist: Vec<ChecklistEntry>,
    pub notes: Option<String>,
    /// The name of whoever signed for the customer.
    pub signed_name: String,
}

impl CompletionDraft {
    /// `items`: the service's checklist; `ticked`: the indexes ticked (as the form sends
    /// them); an index that is no item is refused.
    pub fn parse(
        items: &[String],
        ticked: &[String],
        notes: &str,
        signed_name: &str,
    ) -> Result<Self, Vec<(&'static str, FieldError)>> {
        let mut problems = Vec::new();
        let mut done = vec![false; items.len()];
        for raw in ticked {
            match raw
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|i| *i < items.len())
            {
                Some(i) => done[i] = true,
                None => {
                    problems.push(("checklist", FieldError::OutOfRange));
                    break;
                }
            }
        }
        let notes = optional_text(notes, NOTES_MAX)
            .map_err(|e| problems.push(("notes", e)))
            .unwrap_or_default();
        let signed_name = text(signed_name, SIGNED_NAME_MAX, true)
            .map_err(|e| problems.push(("signed_name", e)))
            .unwrap_or_default();
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Self {
            checklist: items
                .iter()
                .zip(done)
                .map(|(item, done)| ChecklistEntry {
                    item: item.clone(),
                    done,
                })
                .collect(),
            notes,
            signed_name,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items() -> Vec<String> {
        vec!["Filters".into(), "Coils".into(), "Test run".into()]
    }

    #[test]
    fn ticked_items_are_kept_in_the_checklists_order() {
        let ticked = ["2".to_string(), "0".to_string()];
        let draft =
            CompletionDraft::parse(&items(), &ticked, " All good ", " Ana Ruiz ").expect("valid");
        let done: Vec<bool> = draft.checklist.iter().map(|e| e.done).collect();
        assert_eq!(done, [true, false, true]);
        assert_eq!(draft.notes.as_deref(), Some("All good"));
        assert_eq!(draft.signed_name, "Ana Ruiz");
    }

    #[test]
    fn someone_signs_and_only_real_items_are_ticked() {
        assert_eq!(
            CompletionDraft::parse(&items(), &[], "", "  "),
            Err(vec![("signed_name", FieldError::Required)])
        );
        assert_eq!(
            CompletionDraft::parse(&items(), &["3".into()], "", "Ana"),
            Err(vec![("checklist", FieldError::OutOfRange)])
        );
        assert_eq!(
            CompletionDraft::parse(&items(), &["-1".into()], "", "Ana"),
            Err(vec![("checklist", FieldError::OutOfRange)])
        );
        let long = "x".repeat(NOTES_MAX + 1);
        assert_eq!(
            CompletionDraft::parse(&[], &[], &long, "Ana"),
            Err(vec![("notes", FieldError::TooLong { max: NOTES_MAX })])
        );
    }
}
