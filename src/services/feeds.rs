//! Private calendar feeds: a secret address per person that their calendar app reads,
//! listing their upcoming visits (customers: their account's; technicians: their own
//! jobs). Making a new one ends the old; turning it off ends it. Only the secret's SHA-256
//! is stored, so the address is shown once, when it is made.

use crate::dto::{ChangePolicy, SessionUser, VisitDetail};
use crate::ids::{LocationRef, ServiceRef};
use crate::locale::Locale;
use crate::permissions::Role;
use crate::services::clock;
use crate::services::visits::summary;
use crate::store::audit::{self, RequestOrigin};
use crate::store::rights::Reach;
use crate::store::{Store, StoreError, feeds, users, visits};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::fmt;
use tracing::instrument;

/// A feed's secret, as it appears in its address (`/feeds/<secret>.ics`).
#[derive(Clone, PartialEq, Eq)]
pub struct FeedToken(String);

impl FeedToken {
    fn generate() -> Self {
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        Self(URL_SAFE_NO_PAD.encode(bytes))
    }

    /// Takes an address's secret; anything that cannot be one of ours is refused unread.
    pub fn parse(raw: &str) -> Option<Self> {
        (raw.len() == 43
            && raw
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .then(|| Self(raw.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    fn storage_key(&self) -> String {
        Sha256::digest(self.0.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

impl fmt::Debug for FeedToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FeedToken(…)")
    }
}

/// How far back a feed reaches: calendars keep last week's visits visible.
const PAST_SECS: i64 = 7 * 24 * 3600;
/// The most visits one feed lists.
const FEED_LIMIT: i64 = 500;

/// Makes a new feed for `by` (ending any earlier one) and returns its secret.
#[instrument(skip(store, by, origin), fields(by = %by.user))]
pub async fn create(
    store: &Store,
    by: &SessionUser,
    origin: &RequestOrigin,
) -> Result<FeedToken, StoreError> {
    let token = FeedToken::generate();
    let now = clock::now();
    let mut tx = store.begin().await?;
    feeds::revoke_all(&mut tx, by.user.id(), now).await?;
    feeds::insert(&mut tx, by.user.id(), &token.storage_key(), now).await?;
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "calendar_feed_created", origin).by(by.user),
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// Turns `by`'s feed off.
#[instrument(skip(store, by, origin), fields(by = %by.user))]
pub async fn revoke(
    store: &Store,
    by: &SessionUser,
    origin: &RequestOrigin,
) -> Result<(), StoreError> {
    let now = clock::now();
    let mut tx = store.begin().await?;
    if feeds::revoke_all(&mut tx, by.user.id(), now).await? > 0 {
        audit::record(
            &mut tx,
            &audit::Entry::new(now, "calendar_feed_revoked", origin).by(by.user),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// When `user`'s active feed was made, if they have one.
pub async fn active_since(store: &Store, user: &SessionUser) -> Result<Option<i64>, StoreError> {
    let mut conn = store.conn().await?;
    feeds::active_since(&mut conn, user.user.id()).await
}

/// Whose active feed `token` is, if anyone's.
pub async fn read_owner(store: &Store, token: &FeedToken) -> Result<Option<i64>, StoreError> {
    let mut conn = store.conn().await?;
    feeds::owner(&mut conn, &token.storage_key()).await
}

/// What a feed lists: its owner's language and their visits, soonest first. `None` when
/// the secret is unknown, ended, or its owner disabled.
pub async fn read(
    store: &Store,
    token: &FeedToken,
) -> Result<Option<(Option<Locale>, Vec<VisitDetail>)>, StoreError> {
    let mut conn = store.conn().await?;
    let Some(owner) = feeds::owner(&mut conn, &token.storage_key()).await? else {
        return Ok(None);
    };
    let user = users::by_id(&mut conn, owner).await?;
    let from = clock::now() - PAST_SECS;
    let rows = match (user.role(), user.account_id) {
        (Some(role @ (Role::AccountOwner | Role::AccountMember)), Some(account_id)) => {
            // A member's feed holds only the locations they see, as their pages do.
            let reach = Reach {
                account_id,
                member: (role == Role::AccountMember).then_some(owner),
            };
            visits::upcoming_for_account(&mut conn, reach, from, FEED_LIMIT, true).await?
        }
        (Some(Role::Technician), _) => {
            visits::upcoming_for_technician(&mut conn, owner, from, FEED_LIMIT).await?
        }
        _ => Vec::new(),
    };
    let locale = user.locale.as_deref().and_then(|l| Locale::parse(l).ok());
    let visits = rows
        .iter()
        .map(|row| {
            let address = crate::services::visits::address_lines(row);
            VisitDetail {
                events_after: 0,
                summary: summary(row),
                service_ref: ServiceRef::from_id(row.service_id),
                location: LocationRef::from_id(row.location_id),
                address,
                access_notes: None,
                notes: row.notes.clone(),
                timeline: Vec::new(),
                changes: ChangePolicy::default(),
                next_step: None,
                whereabouts: None,
                share_until: None,
                technician_card: None,
            }
        })
        .collect();
    Ok(Some((locale, visits)))
}
