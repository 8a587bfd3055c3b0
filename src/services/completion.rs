//! Proof of service: the technician completes a visit in progress with the service's
//! checklist ticked off, notes, photos of the work and the customer's signature (a typed
//! name, and a drawing when the screen allows); the customer opens the service report from
//! the visit's page. The completion, its files and the step to "completed" (timeline,
//! audit, the day's forecast, the event the customer's page follows) are one transaction.

use crate::completion::{ChecklistEntry, CompletionDraft};
use crate::dto::{ServiceReport, SessionUser};
use crate::ids::VisitRef;
use crate::services::files::{self, FileStore, FilesError, Owner, Photo, Stored};
use crate::services::job_steps::{self, Step};
use crate::services::visits::{self as visit_views, VisitError};
use crate::store::audit::RequestOrigin;
use crate::store::completions::{self, NewCompletion};
use crate::store::{Store, StoreError, visits};
use jiff::tz::TimeZone;
use tracing::instrument;

#[derive(Debug, thiserror::Error)]
pub enum CompletionError {
    /// Missing, not the caller's job, or (for a report) not completed.
    #[error("no such job")]
    NotFound,
    /// The job is not in progress (not started yet, or completed already).
    #[error("the job is not in progress")]
    NotNow,
    #[error(transparent)]
    Files(#[from] FilesError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The checklist of the visit's service, for the technician (or the office) who completes it.
pub async fn checklist(
    store: &Store,
    by: &SessionUser,
    visit: VisitRef,
) -> Result<Vec<String>, CompletionError> {
    let mut conn = store.conn().await?;
    let row = visits::by_id(&mut conn, visit.id())
        .await?
        .filter(|row| job_steps::works(by, row))
        .ok_or(CompletionError::NotFound)?;
    Ok(completions::checklist_of_service(&mut conn, row.service_id).await?)
}

/// What the completion form sent, checked and processed.
pub struct Completion {
    pub draft: CompletionDraft,
    pub photos: Vec<Photo>,
    pub signature: Option<Photo>,
}

/// Completes a visit in progress. The photos and the signature are put into the file store
/// first and deleted again if the job was completed meanwhile or the writing fails.
#[instrument(skip_all, fields(by = %by.user, %visit))]
pub async fn complete(
    store: &Store,
    files: &FileStore,
    by: &SessionUser,
    visit: VisitRef,
    completion: Completion,
    tz: &TimeZone,
    origin: &RequestOrigin,
) -> Result<(), CompletionError> {
    let row = {
        let mut conn = store.conn().await?;
        visits::by_id(&mut conn, visit.id())
            .await?
            .filter(|row| job_steps::works(by, row))
            .ok_or(CompletionError::NotFound)?
    };
    if row.status != "in_progress" {
        return Err(CompletionError::NotNow);
    }
    let mut kept = completion.photos;
    let signed = completion.signature.is_some();
    kept.extend(completion.signature);
    let stored = Stored::put(files, kept).await?;
    let written = async {
        let mut tx = store.begin().await?;
        if !job_steps::take_in(&mut tx, by, &row, Step::Complete, tz, origin, "completion").await? {
            tx.rollback().await.map_err(StoreError::from)?;
            return Err(CompletionError::NotNow);
        }
        let at = crate::services::clock::now();
        stored
            .record(
                &mut tx,
                Owner {
                    account_id: row.account_id,
                    request_id: None,
                    job_id: Some(row.id),
                    by: by.user.id(),
                    at,
                },
            )
            .await?;
        let checklist =
            serde_json::to_string(&completion.draft.checklist).unwrap_or_else(|_| "[]".into());
        let signature = signed.then(|| stored.tokens().last()).flatten();
        completions::insert(
            &mut tx,
            &NewCompletion {
                job_id: row.id,
                checklist: &checklist,
                notes: completion.draft.notes.as_deref(),
                signed_name: &completion.draft.signed_name,
                signature,
                completed_by: by.user.id(),
                completed_at: at,
            },
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }
    .await;
    match written {
        Ok(()) => {
            store.announce_events();
            Ok(())
        }
        Err(e) => {
            stored.discard(files).await;
            Err(e)
        }
    }
}

/// The service report of a completed visit, for the people who may see the visit.
pub async fn report(
    store: &Store,
    viewer: &SessionUser,
    visit: VisitRef,
    tz: &TimeZone,
) -> Result<ServiceReport, CompletionError> {
    let detail = visit_views::detail(store, viewer, visit, tz)
        .await
        .map_err(|e| match e {
            VisitError::NotFound => CompletionError::NotFound,
            VisitError::Store(e) => CompletionError::Store(e),
        })?;
    let at = |kind: &str| {
        detail
            .timeline
            .iter()
            .rev()
            .find(|s| s.kind == kind)
            .map(|s| s.at)
    };
    let completed_at = at("completed").ok_or(CompletionError::NotFound)?;
    let mut conn = store.conn().await?;
    let account_name = visits::by_id(&mut conn, visit.id())
        .await?
        .map(|row| row.account_name)
        .unwrap_or_default();
    let completion = completions::of_job(&mut conn, visit.id()).await?;
    let signature_token = completion.as_ref().and_then(|c| c.signature.clone());
    let (signature, photos): (Vec<_>, Vec<_>) = crate::store::files::of_job(&mut conn, visit.id())
        .await?
        .into_iter()
        .partition(|f| Some(&f.token) == signature_token.as_ref());
    let summary = &detail.summary;
    Ok(ServiceReport {
        visit,
        service: summary.service.clone(),
        account_name,
        location_label: summary.location_label.clone(),
        address: detail.address.clone(),
        technician: summary.technician.clone(),
        arrived_at: at("arrived"),
        started_at: at("started"),
        completed_at: completion.as_ref().map_or(completed_at, |c| c.completed_at),
        checklist: completion
            .as_ref()
            .and_then(|c| serde_json::from_str::<Vec<ChecklistEntry>>(&c.checklist).ok())
            .unwrap_or_default(),
        notes: completion.as_ref().and_then(|c| c.notes.clone()),
        signed_name: completion.as_ref().map(|c| c.signed_name.clone()),
        signature: signature.into_iter().next().map(files::view),
        photos: photos.into_iter().map(files::view).collect(),
    })
}
