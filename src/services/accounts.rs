//! What each role sees on its home page, read in one consistent snapshot.

use crate::dto::{
    AccountSummary, CustomerHome, LocationView, PersonView, SessionUser, StaffHome, StaffProfile,
};
use crate::ids::{AccountRef, LocationRef, UserRef};
use crate::permissions::{Permission, Role};
use crate::store::rights::Reach;
use crate::store::{Store, StoreError, accounts, users};
use tracing::instrument;

#[derive(Debug, thiserror::Error)]
pub enum HomeError {
    #[error("the person has no customer account")]
    NoAccount,
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn summary(row: accounts::AccountRow) -> AccountSummary {
    AccountSummary {
        account: AccountRef::from_id(row.id),
        name: row.name,
        kind: row.kind,
        locations: row.locations,
        people: row.people,
        created_at: row.created_at,
    }
}

/// What of their account's a customer's lists show: all of it for an owner, the locations
/// they see for a member; `None` for people without an account.
pub fn reach(by: &SessionUser) -> Option<Reach> {
    let account_id = by.account?.id();
    Some(Reach {
        account_id,
        member: (by.role == Role::AccountMember).then(|| by.user.id()),
    })
}

/// The customer's account with its locations and people (one query) and its upcoming
/// visits (a second); a member's lists hold only the locations they see.
#[instrument(skip_all, fields(user = %by.user))]
pub async fn customer_home(
    store: &Store,
    by: &SessionUser,
    now: i64,
) -> Result<CustomerHome, HomeError> {
    let reach = reach(by).ok_or(HomeError::NoAccount)?;
    let keyring = store.keyring()?;
    let mut conn = store.conn().await?;
    let details = accounts::with_details(&mut conn, reach)
        .await?
        .ok_or(HomeError::NoAccount)?;
    let visits = crate::store::visits::upcoming_for_account(
        &mut conn,
        reach,
        now,
        crate::services::visits::UPCOMING,
        false,
    )
    .await?;
    let requests = crate::store::requests::of_account(&mut conn, reach, 20).await?;
    drop(conn);
    let no_names = std::collections::HashMap::new();
    let requests = requests
        .into_iter()
        .filter(|r| r.status == "open")
        .filter_map(|r| crate::services::requests::view(r, &no_names))
        .collect();
    let locations = details
        .locations
        .into_iter()
        .map(|l| LocationView {
            location: LocationRef::from_id(l.id),
            label: l.label,
            line1: l.line1,
            line2: l.line2,
            postal_code: l.postal_code,
            city: l.city,
            country: l.country,
            latitude: l.latitude,
            longitude: l.longitude,
            access_notes: l.access_notes,
        })
        .map(|mut l| {
            l.access_notes = keyring.open_opt(l.access_notes.as_deref())?;
            Ok::<_, StoreError>(l)
        })
        .collect::<Result<_, _>>()?;
    let people = details
        .people
        .into_iter()
        .map(|p| PersonView {
            user: UserRef::from_id(p.id),
            name: p.name,
            email: p.email,
            role: p.role.role(),
        })
        .collect();
    Ok(CustomerHome {
        account: summary(details.account),
        locations,
        people,
        visits: visits
            .iter()
            .map(crate::services::visits::summary)
            .collect(),
        requests,
    })
}

/// The most accounts one page lists.
pub const ACCOUNTS_PAGE: i64 = 100;

/// Staff home: the customer accounts for those who may see them, or the own profile.
#[instrument(skip(store))]
pub async fn staff_home(store: &Store, user: UserRef, role: Role) -> Result<StaffHome, HomeError> {
    let mut conn = store.conn().await?;
    if role.allows(Permission::ViewCustomerAccounts) {
        let rows = accounts::list(&mut conn, ACCOUNTS_PAGE, 0).await?;
        return Ok(StaffHome::Accounts(rows.into_iter().map(summary).collect()));
    }
    let row = users::staff_profile(&mut conn, user.id()).await?;
    Ok(StaffHome::Profile(StaffProfile {
        user,
        name: row.name,
        email: row.email,
        role: row.role,
        phone: row.phone,
        since: row.created_at,
    }))
}
