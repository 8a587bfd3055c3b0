//! Creating people and remembering their preferences.

use crate::email::Email;
use crate::ids::UserRef;
use crate::locale::Locale;
use crate::password::{self, Password};
use crate::permissions::Role;
use crate::services::clock;
use crate::store::{Store, StoreError, audit, users};
use tracing::instrument;

#[derive(Debug, thiserror::Error)]
pub enum CreateStaffError {
    #[error("someone already uses this email")]
    EmailTaken,
    #[error("the name is empty or longer than 200 characters")]
    InvalidName,
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for CreateStaffError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict(_) => Self::EmailTaken,
            other => Self::Store(other),
        }
    }
}

/// Creates a staff member (an admin from `doorstep create-admin`), with an audit entry and
/// a `user.created` event, all or nothing.
#[instrument(skip(store, password), fields(email = %email))]
pub async fn create_staff(
    store: &Store,
    email: &Email,
    name: &str,
    password: Password,
    role: Role,
    actor: Option<UserRef>,
) -> Result<UserRef, CreateStaffError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 || !role.is_staff() {
        return Err(CreateStaffError::InvalidName);
    }
    let hash = tokio::task::spawn_blocking(move || password::hash(&password))
        .await
        .map_err(|e| CreateStaffError::Hash(e.to_string()))?
        .map_err(|e| CreateStaffError::Hash(e.to_string()))?;
    let now = clock::now();
    let mut tx = store.begin().await?;
    let id = users::insert(
        &mut tx,
        &users::NewUser {
            email: email.as_str(),
            name,
            password_hash: &hash,
            locale: None,
            created_at: now,
            verified_at: Some(now),
        },
    )
    .await?;
    users::insert_staff_profile(&mut tx, id, role, None, now).await?;
    let user = UserRef::from_id(id);
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "staff_created", &audit::RequestOrigin::default())
            .by_maybe(actor)
            .on(&user.to_string())
            .detail(role.as_str()),
    )
    .await?;
    let payload = format!(r#"{{"user":"{user}","role":"{}"}}"#, role.as_str());
    audit::enqueue(&mut tx, now, "user.created", &payload).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(user)
}

/// Remembers the language a signed-in person chose, so it follows them to other devices.
#[instrument(skip(store))]
pub async fn save_locale(store: &Store, user: UserRef, locale: Locale) -> Result<(), StoreError> {
    let mut conn = store.conn().await?;
    users::set_locale(&mut conn, user.id(), locale.code()).await
}

/// The signed-in person's own details.
pub async fn profile(store: &Store, user: UserRef) -> Result<crate::dto::ProfileView, StoreError> {
    let mut conn = store.conn().await?;
    let (name, email, phone, locale) = users::profile(&mut conn, user.id()).await?;
    Ok(crate::dto::ProfileView {
        name,
        email,
        phone,
        locale: locale.as_deref().and_then(|l| Locale::parse(l).ok()),
    })
}

/// Saves the signed-in person's name, phone and language (which their pages and mails use
/// from now on).
#[instrument(skip_all, fields(user = %user))]
pub async fn save_profile(
    store: &Store,
    user: UserRef,
    name: &str,
    phone: Option<&str>,
    locale: Locale,
    origin: &crate::store::audit::RequestOrigin,
) -> Result<(), StoreError> {
    let reference = user.to_string();
    let mut tx = store.begin().await?;
    users::set_profile(&mut tx, user.id(), name, phone, locale.code()).await?;
    crate::store::audit::record(
        &mut tx,
        &crate::store::audit::Entry::new(crate::services::clock::now(), "profile_changed", origin)
            .by(&reference)
            .on(&reference),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}
