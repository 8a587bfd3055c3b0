//! The people of a customer account, managed by its owners: who belongs, as what, what
//! each member may do at each location, and bringing someone new in by a mailed
//! invitation. Every change ends what it takes away at once: a removed person's sessions
//! end, and live streams re-read a member's rights when the owner changes them.

use crate::dto::{AccountPeople, InvitationView, MemberRole, MemberView, PlaceLabel, SessionUser};
use crate::email::Email;
use crate::ids::{LocationRef, UserRef};
use crate::password::{Password, PasswordHash};
use crate::permissions::{PlaceRight, Role};
use crate::services::auth::{self, SessionPolicy, SessionToken, SignInError, SignedIn};
use crate::services::clock;
use crate::services::links::{self, LinkError};
use crate::services::mail::{self, Mail, MailTemplate};
use crate::services::sign_up::Desk;
use crate::store::audit::{self, RequestOrigin};
use crate::store::auth_links::{self, Purpose};
use crate::store::events::{self, ACCESS_CHANGED};
use crate::store::{Conn, Store, StoreError, accounts, rights, sessions, users};
use std::collections::{BTreeMap, BTreeSet};
use tracing::instrument;

/// How long an invitation works.
pub const INVITE_SECS: i64 = 7 * 24 * 3600;
/// Invitations one account may send in an hour.
pub const INVITES_HOURLY: i64 = 20;
/// The most people one account may have.
pub const PEOPLE_MAX: usize = 200;

#[derive(Debug, thiserror::Error)]
pub enum MemberError {
    /// Not an owner of the account, or the person is not one of its people.
    #[error("not found")]
    NotFound,
    /// The change would leave the account without an owner.
    #[error("the account would have no owner")]
    LastOwner,
    /// The address already belongs to one of the account's people.
    #[error("already one of the account's people")]
    AlreadyMember,
    /// The address belongs to someone who cannot join (staff, or another account's).
    #[error("the address cannot join this account")]
    Elsewhere,
    /// Too many invitations lately, or too many people.
    #[error("too many invitations")]
    TooMany,
    #[error(transparent)]
    Link(#[from] LinkError),
    #[error(transparent)]
    SignIn(#[from] SignInError),
}

impl From<StoreError> for MemberError {
    fn from(e: StoreError) -> Self {
        Self::Link(LinkError::Store(e))
    }
}

/// The account `by` owns; anyone else is answered as if there were nothing.
fn owned(by: &SessionUser) -> Result<i64, MemberError> {
    match (by.role, by.account) {
        (Role::AccountOwner, Some(account)) => Ok(account.id()),
        _ => Err(MemberError::NotFound),
    }
}

/// The account's people with each member's rights, and its locations.
#[instrument(skip_all, fields(by = %by.user))]
pub async fn people(store: &Store, by: &SessionUser) -> Result<AccountPeople, MemberError> {
    let account = owned(by)?;
    let mut conn = store.conn().await?;
    let name = accounts::by_id(&mut conn, account).await?.name;
    let rows = accounts::members(&mut conn, account).await?;
    let mut grid: BTreeMap<i64, Vec<PlaceRight>> = BTreeMap::new();
    for (user, right) in rights::of_account(&mut conn, account).await? {
        grid.entry(user).or_default().push(right);
    }
    let locations = accounts::location_labels(&mut conn, account).await?;
    Ok(AccountPeople {
        account_name: name,
        people: rows
            .into_iter()
            .map(|r| MemberView {
                user: UserRef::from_id(r.id),
                you: r.id == by.user.id(),
                pending: r.email_verified_at.is_none(),
                rights: match r.role {
                    MemberRole::Member => grid.remove(&r.id).unwrap_or_default(),
                    MemberRole::Owner => Vec::new(),
                },
                name: r.name,
                email: r.email,
                role: r.role,
            })
            .collect(),
        locations: locations
            .into_iter()
            .map(|(id, label)| PlaceLabel {
                location: LocationRef::from_id(id),
                label,
            })
            .collect(),
    })
}

/// Checks that every right names one of the account's locations; keeps one per location.
async fn checked(
    conn: &mut Conn,
    account: i64,
    wanted: &[PlaceRight],
) -> Result<Vec<PlaceRight>, MemberError> {
    let places: BTreeSet<i64> = accounts::location_labels(conn, account)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for right in wanted {
        if !places.contains(&right.location) {
            return Err(MemberError::NotFound);
        }
        if seen.insert(right.location) {
            out.push(*right);
        }
    }
    Ok(out)
}

/// Replaces the rights of the account's members with `grid` (a member left out sees no
/// location). Everything or nothing: any person or place that is not the account's refuses
/// the whole grid.
#[instrument(skip_all, fields(by = %by.user))]
pub async fn save_rights(
    store: &Store,
    by: &SessionUser,
    grid: &[(UserRef, Vec<PlaceRight>)],
    origin: &RequestOrigin,
) -> Result<(), MemberError> {
    let account = owned(by)?;
    let now = clock::now();
    let mut tx = store.begin().await?;
    accounts::lock(&mut tx, account).await?;
    let members: BTreeSet<i64> = accounts::members(&mut tx, account)
        .await?
        .into_iter()
        .filter(|m| m.role == MemberRole::Member)
        .map(|m| m.id)
        .collect();
    let mut given: BTreeMap<i64, Vec<PlaceRight>> = BTreeMap::new();
    for (user, wanted) in grid {
        if !members.contains(&user.id()) {
            return Err(MemberError::NotFound);
        }
        given.insert(user.id(), checked(&mut tx, account, wanted).await?);
    }
    let mut summary = serde_json::Map::new();
    for member in &members {
        let rights = given.remove(member).unwrap_or_default();
        rights::replace(&mut tx, *member, &rights).await?;
        summary.insert(UserRef::from_id(*member).to_string(), rights_json(&rights));
    }
    events::append_for_account(&mut tx, account, ACCESS_CHANGED, now).await?;
    let detail = serde_json::Value::Object(summary).to_string();
    let subject = crate::ids::AccountRef::from_id(account).to_string();
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "rights_changed", origin)
            .by(by.user)
            .on(&subject)
            .detail(&detail),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// A member's rights for the trail: `{"LO-…": "view|book|pay"}`.
fn rights_json(rights: &[PlaceRight]) -> serde_json::Value {
    let map = rights
        .iter()
        .map(|r| {
            let mut caps = vec!["view"];
            if r.book {
                caps.push("book");
            }
            if r.pay {
                caps.push("pay");
            }
            (
                LocationRef::from_id(r.location).to_string(),
                serde_json::Value::from(caps.join("|")),
            )
        })
        .collect();
    serde_json::Value::Object(map)
}

/// Refuses a change that ends `person`'s ownership when they are the account's last owner.
async fn keeps_an_owner(
    conn: &mut Conn,
    account: i64,
    person: &accounts::MemberRow,
) -> Result<(), MemberError> {
    if person.role == MemberRole::Owner && accounts::owner_count(conn, account).await? <= 1 {
        Err(MemberError::LastOwner)
    } else {
        Ok(())
    }
}

/// Makes one of the account's people an owner or a member. A new member starts with no
/// rights (the owner gives them on the grid); a new owner's rights are dropped (owners may
/// do all). The last owner stays an owner.
#[instrument(skip_all, fields(by = %by.user, user = %user))]
pub async fn set_role(
    store: &Store,
    by: &SessionUser,
    user: UserRef,
    role: MemberRole,
    origin: &RequestOrigin,
) -> Result<(), MemberError> {
    let account = owned(by)?;
    let now = clock::now();
    let mut tx = store.begin().await?;
    accounts::lock(&mut tx, account).await?;
    let person = accounts::member(&mut tx, account, user.id())
        .await?
        .ok_or(MemberError::NotFound)?;
    if person.role == role {
        return Ok(());
    }
    keeps_an_owner(&mut tx, account, &person).await?;
    accounts::set_member_role(&mut tx, account, user.id(), role).await?;
    rights::replace(&mut tx, user.id(), &[]).await?;
    events::append_for_account(&mut tx, account, ACCESS_CHANGED, now).await?;
    let subject = user.to_string();
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "member_role_changed", origin)
            .by(by.user)
            .on(&subject)
            .detail(role.as_str()),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// Takes one of the account's people out of it: their membership, rights, unused
/// invitation and every session end at once. The last owner stays.
#[instrument(skip_all, fields(by = %by.user, user = %user))]
pub async fn remove(
    store: &Store,
    by: &SessionUser,
    user: UserRef,
    origin: &RequestOrigin,
) -> Result<(), MemberError> {
    let account = owned(by)?;
    let now = clock::now();
    let mut tx = store.begin().await?;
    accounts::lock(&mut tx, account).await?;
    let person = accounts::member(&mut tx, account, user.id())
        .await?
        .ok_or(MemberError::NotFound)?;
    keeps_an_owner(&mut tx, account, &person).await?;
    accounts::remove_member(&mut tx, account, user.id()).await?;
    rights::replace(&mut tx, user.id(), &[]).await?;
    sessions::delete_for_user(&mut tx, user.id(), None).await?;
    auth_links::retire(&mut tx, user.id(), Purpose::Invite, now).await?;
    events::append_for_account(&mut tx, account, ACCESS_CHANGED, now).await?;
    let subject = user.to_string();
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "member_removed", origin)
            .by(by.user)
            .on(&subject)
            .detail(&person.email),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// Someone to invite, as the owner typed them.
#[derive(Clone, Debug)]
pub struct Invitation {
    pub name: String,
    pub email: Email,
    pub role: MemberRole,
    /// A member's rights from the start (ignored for an owner).
    pub rights: Vec<PlaceRight>,
}

/// Invites someone new to the account by mail: they join by choosing a password on the
/// mailed link (7 days). Inviting someone still to join again sends a fresh link.
#[instrument(skip_all, fields(by = %by.user))]
pub async fn invite(
    desk: &Desk<'_>,
    by: &SessionUser,
    invitation: Invitation,
) -> Result<UserRef, MemberError> {
    let account = owned(by)?;
    let now = clock::now();
    let mut tx = desk.store.begin().await?;
    accounts::lock(&mut tx, account).await?;
    let subject_account = crate::ids::AccountRef::from_id(account).to_string();
    let sent = audit::count_on(&mut tx, "member_invited", &subject_account, now - 3600).await?;
    if sent >= INVITES_HOURLY {
        return Err(MemberError::TooMany);
    }
    let people = accounts::members(&mut tx, account).await?;
    let existing = users::by_email(&mut tx, invitation.email.as_str()).await?;
    let user_id = match existing {
        Some((id, _)) => {
            let mine = people.iter().find(|p| p.id == id);
            match mine {
                // Still to join: a new link (the old one stops working).
                Some(p) if p.email_verified_at.is_none() => id,
                Some(_) => return Err(MemberError::AlreadyMember),
                None => return Err(MemberError::Elsewhere),
            }
        }
        None => {
            if people.len() >= PEOPLE_MAX {
                return Err(MemberError::TooMany);
            }
            if users::email_taken(&mut tx, invitation.email.as_str()).await? {
                return Err(MemberError::Elsewhere);
            }
            // No password anybody knows: they choose one on the invitation's page.
            let unusable = PasswordHash::from_stored("!".to_string());
            let id = users::insert(
                &mut tx,
                &users::NewUser {
                    email: invitation.email.as_str(),
                    name: &invitation.name,
                    password_hash: &unusable,
                    locale: by.locale.map(|l| l.code()),
                    created_at: now,
                    verified_at: None,
                },
            )
            .await?;
            accounts::add_member(&mut tx, account, id, invitation.role, now).await?;
            accounts::set_invited_by(&mut tx, account, id, by.user.id()).await?;
            id
        }
    };
    if existing.is_none() && invitation.role == MemberRole::Member {
        let rights = checked(&mut tx, account, &invitation.rights).await?;
        rights::replace(&mut tx, user_id, &rights).await?;
    }
    let secret = links::issue(&mut tx, Purpose::Invite, user_id, now, INVITE_SECS, None).await?;
    let account_name = accounts::by_id(&mut tx, account).await?.name;
    let to = Joining {
        email: &invitation.email,
        name: &invitation.name,
        place: &account_name,
    };
    mail::queue(&mut tx, &invitation_mail(desk, by, &to, &secret)).await?;
    let detail = format!("{} {}", invitation.role.as_str(), invitation.email.as_str());
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "member_invited", desk.origin)
            .by(by.user)
            .on(&subject_account)
            .detail(&detail),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(UserRef::from_id(user_id))
}

/// Who is invited, and to what (a customer account, or the business for staff).
pub(crate) struct Joining<'a> {
    pub email: &'a Email,
    pub name: &'a str,
    pub place: &'a str,
}

/// The mail of an invitation `by` sends (in their language), with the link to `/join`.
pub(crate) fn invitation_mail<'a>(
    desk: &Desk<'_>,
    by: &SessionUser,
    to: &Joining<'a>,
    secret: &str,
) -> Mail<'a> {
    Mail {
        to: to.email.clone(),
        to_name: Some(to.name),
        locale: by.locale.unwrap_or(desk.business.default_locale),
        template: MailTemplate::Invitation,
        args: BTreeMap::from([
            ("name".to_string(), to.name.to_string()),
            ("inviter".to_string(), by.name.clone()),
            ("account".to_string(), to.place.to_string()),
            (
                "link".to_string(),
                links::address(desk.public_origin, "/join", secret),
            ),
        ]),
    }
}

/// What an invitation's page shows, if its link is still good: the account joined, or the
/// business itself (`business`) for a staff member.
pub async fn check_invitation(
    store: &Store,
    secret: &str,
    business: &str,
) -> Result<InvitationView, MemberError> {
    let mut conn = store.conn().await?;
    let link = links::peek(&mut conn, Purpose::Invite, secret, clock::now()).await?;
    let person = users::by_id(&mut conn, link.user_id)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => MemberError::Link(LinkError::Unknown),
            other => other.into(),
        })?;
    let (account_name, invited_by) = match person.account_id {
        Some(account) => (
            accounts::by_id(&mut conn, account).await?.name,
            accounts::inviter(&mut conn, account, person.id).await?,
        ),
        None if person.staff_role.is_some() => (business.to_string(), None),
        None => return Err(MemberError::Link(LinkError::Unknown)),
    };
    Ok(InvitationView {
        account_name,
        invited_by,
        name: person.name,
        email: person.email,
    })
}

/// Joins the account of an invitation: sets the person's name and password (checked by the
/// caller against the rules), proves their email and signs them in.
#[instrument(skip_all)]
pub async fn join(
    desk: &Desk<'_>,
    policy: &SessionPolicy,
    secret: &str,
    name: &str,
    password: Password,
    replacing: Option<&SessionToken>,
) -> Result<(SignedIn, UserRef), MemberError> {
    let chosen = links::choose_password(desk.store, Purpose::Invite, secret, password)
        .await
        .map_err(|e| match e {
            links::LinkSignInError::Link(e) => MemberError::Link(e),
            links::LinkSignInError::SignIn(e) => MemberError::SignIn(e),
        })?;
    let person = &chosen.person;
    // One transaction, the link used first: a second press with the same link changes
    // nothing.
    let mut tx = desk.store.begin().await?;
    chosen.keep(&mut tx).await?;
    users::set_name(&mut tx, person.id, name).await?;
    let signed_in = auth::open_session(
        &mut tx,
        policy,
        person,
        desk.origin,
        replacing,
        "member_joined",
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok((signed_in, UserRef::from_id(person.id)))
}
