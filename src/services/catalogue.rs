//! The service catalogue: the office lists, adds and changes services (audited); customers
//! see the active ones they may book themselves, in their language.

use crate::catalogue::{PriceKind, ServiceDraft};
use crate::dto::SessionUser;
use crate::locale::Locale;
use crate::services::clock;
use crate::store::audit::{self, RequestOrigin};
use crate::store::catalogue::{self, CatalogueRow};
use crate::store::{Store, StoreError};
use tracing::instrument;

#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[error("no such service")]
    NotFound,
    /// Another service already has this name in the default language.
    #[error("another service has this name")]
    NameTaken,
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for CatalogueError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound => Self::NotFound,
            StoreError::Conflict(_) => Self::NameTaken,
            other => Self::Store(other),
        }
    }
}

/// Every service, by name.
pub async fn list(store: &Store, default_locale: Locale) -> Result<Vec<CatalogueRow>, StoreError> {
    let mut conn = store.conn().await?;
    catalogue::list(&mut conn, None, default_locale).await
}

/// One service.
pub async fn get(
    store: &Store,
    id: i64,
    default_locale: Locale,
) -> Result<CatalogueRow, CatalogueError> {
    let mut conn = store.conn().await?;
    catalogue::list(&mut conn, Some(id), default_locale)
        .await?
        .into_iter()
        .next()
        .ok_or(CatalogueError::NotFound)
}

/// Whether customers may book this service themselves: active, self-bookable, priced.
pub fn customers_book(row: &CatalogueRow) -> bool {
    row.draft.active && row.draft.self_bookable && row.draft.price_kind != PriceKind::Quote
}

/// Adds (`id` `None`) or changes a service; returns its id.
#[instrument(skip(store, by, draft, origin), fields(by = %by.user))]
pub async fn save(
    store: &Store,
    by: &SessionUser,
    id: Option<i64>,
    draft: &ServiceDraft,
    origin: &RequestOrigin,
) -> Result<i64, CatalogueError> {
    let now = clock::now();
    let mut tx = store.begin().await?;
    let id = catalogue::save(&mut tx, id, draft, now).await?;
    let subject = crate::ids::ServiceRef::from_id(id).to_string();
    let detail = serde_json::to_string(draft).unwrap_or_default();
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "service_saved", origin)
            .by(by.user)
            .on(&subject)
            .detail(&detail),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(id)
}
