//! Staff management for admins: invite someone by mail (they join by choosing a password
//! on the link), change a role, deactivate (every session ends at once) and reactivate. The
//! business always keeps one active admin, and nobody deactivates themselves.

use crate::dto::{SessionUser, StaffMember};
use crate::email::Email;
use crate::ids::UserRef;
use crate::password::PasswordHash;
use crate::permissions::{Permission, Role};
use crate::services::clock;
use crate::services::links;
use crate::services::mail;
use crate::services::members::{Joining, invitation_mail};
use crate::services::sign_up::Desk;
use crate::store::audit::{self, RequestOrigin};
use crate::store::auth_links::Purpose;
use crate::store::{Store, StoreError, sessions, staff, users};
use tracing::instrument;

#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    /// Not an admin, or not a staff member.
    #[error("not found")]
    NotFound,
    /// The business would have no active admin left.
    #[error("the last admin")]
    LastAdmin,
    /// An admin cannot deactivate themselves.
    #[error("not yourself")]
    Yourself,
    /// Someone already has this email.
    #[error("the email is taken")]
    EmailTaken,
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn admin(by: &SessionUser) -> Result<(), StaffError> {
    if by.role.allows(Permission::ManageStaff) {
        Ok(())
    } else {
        Err(StaffError::NotFound)
    }
}

/// Every staff member.
pub async fn list(store: &Store, by: &SessionUser) -> Result<Vec<StaffMember>, StaffError> {
    admin(by)?;
    let mut conn = store.conn().await?;
    Ok(staff::all(&mut conn)
        .await?
        .into_iter()
        .map(|r| StaffMember {
            user: UserRef::from_id(r.id),
            you: r.id == by.user.id(),
            name: r.name,
            email: r.email,
            role: r.role,
            active: r.disabled == 0,
            pending: r.email_verified_at.is_none(),
            two_step: r.two_step > 0,
        })
        .collect())
}

fn record<'a>(
    now: i64,
    action: &'a str,
    by: &SessionUser,
    subject: &'a str,
    origin: &'a RequestOrigin,
) -> audit::Entry<'a> {
    audit::Entry::new(now, action, origin)
        .by(by.user)
        .on(subject)
}

/// Invites someone to the staff with `role`: they join by the mailed link (7 days).
#[instrument(skip_all, fields(by = %by.user))]
pub async fn invite(
    desk: &Desk<'_>,
    by: &SessionUser,
    name: &str,
    email: &Email,
    role: Role,
) -> Result<UserRef, StaffError> {
    admin(by)?;
    if !role.is_staff() {
        return Err(StaffError::NotFound);
    }
    let now = clock::now();
    let mut tx = desk.store.begin().await?;
    if users::email_taken(&mut tx, email.as_str()).await? {
        return Err(StaffError::EmailTaken);
    }
    let unusable = PasswordHash::from_stored("!".to_string());
    let id = users::insert(
        &mut tx,
        &users::NewUser {
            email: email.as_str(),
            name,
            password_hash: &unusable,
            locale: by.locale.map(|l| l.code()),
            created_at: now,
            verified_at: None,
        },
    )
    .await?;
    users::insert_staff_profile(&mut tx, id, role, None, now).await?;
    let secret = links::issue(
        &mut tx,
        Purpose::Invite,
        id,
        now,
        crate::services::members::INVITE_SECS,
        None,
    )
    .await?;
    let to = Joining {
        email,
        name,
        place: &desk.business.name,
    };
    mail::queue(&mut tx, &invitation_mail(desk, by, &to, &secret)).await?;
    let user = UserRef::from_id(id);
    let subject = user.to_string();
    audit::record(
        &mut tx,
        &record(now, "staff_invited", by, &subject, desk.origin).detail(role.as_str()),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(user)
}

/// Gives a staff member another role (the last active admin stays one).
#[instrument(skip_all, fields(by = %by.user, user = %user))]
pub async fn set_role(
    store: &Store,
    by: &SessionUser,
    user: UserRef,
    role: Role,
    origin: &RequestOrigin,
) -> Result<(), StaffError> {
    admin(by)?;
    if !role.is_staff() {
        return Err(StaffError::NotFound);
    }
    let now = clock::now();
    let mut tx = store.begin().await?;
    let person = staff::one(&mut tx, user.id())
        .await?
        .ok_or(StaffError::NotFound)?;
    if person.role == Role::Admin
        && role != Role::Admin
        && person.disabled == 0
        && staff::active_admins(&mut tx).await? <= 1
    {
        return Err(StaffError::LastAdmin);
    }
    staff::set_role(&mut tx, user.id(), role).await?;
    let subject = user.to_string();
    audit::record(
        &mut tx,
        &record(now, "staff_role_changed", by, &subject, origin).detail(role.as_str()),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// Deactivates (every session ends at once) or reactivates a staff member.
#[instrument(skip_all, fields(by = %by.user, user = %user))]
pub async fn set_active(
    store: &Store,
    by: &SessionUser,
    user: UserRef,
    active: bool,
    origin: &RequestOrigin,
) -> Result<(), StaffError> {
    admin(by)?;
    if !active && user == by.user {
        return Err(StaffError::Yourself);
    }
    let now = clock::now();
    let mut tx = store.begin().await?;
    let person = staff::one(&mut tx, user.id())
        .await?
        .ok_or(StaffError::NotFound)?;
    if !active
        && person.role == Role::Admin
        && person.disabled == 0
        && staff::active_admins(&mut tx).await? <= 1
    {
        return Err(StaffError::LastAdmin);
    }
    staff::set_disabled(&mut tx, user.id(), !active).await?;
    if !active {
        sessions::delete_for_user(&mut tx, user.id(), None).await?;
    }
    let subject = user.to_string();
    let action = if active {
        "staff_reactivated"
    } else {
        "staff_deactivated"
    };
    audit::record(&mut tx, &record(now, action, by, &subject, origin)).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}
