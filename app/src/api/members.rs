//! The people of a customer account, for its owners: the list, the rights grid, roles,
//! removal and invitations; and joining by an invitation.
//!
//! The grid and the invitation's rights are posted as `rights[<person>:<place>:<right>]`
//! checkboxes (`<person>` is `new` on the invitation form), so one form without JavaScript
//! carries them all.

use crate::error::ApiError;
use doorstep::dto::{AccountPeople, InvitationView};
use leptos::prelude::*;
use std::collections::BTreeMap;

#[server(endpoint = "account-people")]
pub async fn get_account_people() -> Result<AccountPeople, ApiError> {
    use crate::api::support::{require, state};
    use doorstep::permissions::Permission;
    let by = require(Permission::ManageOwnAccount)?;
    doorstep::services::members::people(&state()?.store, &by)
        .await
        .map_err(imp::failed)
}

/// Every member's rights at once: a box left unticked takes that right away.
#[server(endpoint = "save-rights")]
pub async fn save_rights(
    #[server(default)] rights: BTreeMap<String, String>,
) -> Result<(), ApiError> {
    imp::save_rights(rights).await
}

/// `role`: `owner` or `member`.
#[server(endpoint = "set-member-role")]
pub async fn set_member_role(user: String, role: String) -> Result<(), ApiError> {
    imp::set_role(user, role).await
}

#[server(endpoint = "remove-member")]
pub async fn remove_member(user: String) -> Result<(), ApiError> {
    imp::remove(user).await
}

/// `role`: `owner` or `member`; a member's rights as on the grid, for the person `new`.
#[server(endpoint = "invite-member")]
pub async fn invite_member(
    name: String,
    email: String,
    role: String,
    #[server(default)] rights: BTreeMap<String, String>,
) -> Result<(), ApiError> {
    imp::invite(name, email, role, rights).await
}

#[server(endpoint = "invitation")]
pub async fn get_invitation(token: String) -> Result<InvitationView, ApiError> {
    use crate::api::support::state;
    let state = state()?;
    doorstep::services::members::check_invitation(
        &state.store,
        token.trim(),
        &state.business().name,
    )
    .await
    .map_err(imp::failed)
}

/// Joins with an invitation: the person's name and a new password.
#[server(endpoint = "join-account")]
pub async fn join_account(token: String, name: String, password: String) -> Result<(), ApiError> {
    imp::join(token, name, password).await
}

#[cfg(feature = "ssr")]
mod imp {
    use crate::api::support::{info, internal, require, state};
    use crate::error::{ApiError, echo};
    use doorstep::dto::MemberRole;
    use doorstep::email::Email;
    use doorstep::error::FieldError;
    use doorstep::ids::{LocationRef, UserRef};
    use doorstep::password::choose;
    use doorstep::permissions::{Capability, Permission, PlaceRight};
    use doorstep::services::auth::{HASHING_WAIT, SignInError};
    use doorstep::services::links::LinkError;
    use doorstep::services::members::{self, Invitation, MemberError};
    use std::collections::BTreeMap;

    /// The longest name, in characters.
    const NAME_MAX: usize = doorstep::sign_up::NAME_MAX;
    /// The most boxes one grid may post (people × places × rights, with room to spare).
    const BOXES_MAX: usize = 200 * 50 * 3;

    pub fn failed(e: MemberError) -> ApiError {
        match e {
            MemberError::NotFound => ApiError::NotFound,
            MemberError::LastOwner => ApiError::LastOwner,
            MemberError::AlreadyMember | MemberError::Elsewhere | MemberError::TooMany => {
                internal("unmapped member error", e)
            }
            MemberError::Link(LinkError::Unknown) => ApiError::NotFound,
            MemberError::Link(LinkError::Used) => ApiError::LinkUsed,
            MemberError::Link(LinkError::Expired) => ApiError::LinkExpired,
            MemberError::Link(LinkError::OtherBrowser) => ApiError::LinkOtherBrowser,
            MemberError::SignIn(SignInError::Busy) => ApiError::RateLimited {
                retry_after_secs: HASHING_WAIT.as_secs().max(1),
                echo: Default::default(),
            },
            MemberError::SignIn(SignInError::NoRole) => ApiError::Forbidden,
            other => internal("managing people failed", other),
        }
    }

    /// Reads `rights[<person>:<place>:<right>]` boxes into each person's rights (booking or
    /// paying somewhere includes seeing it). Anything not of that shape is refused.
    fn parse_grid(
        boxes: &BTreeMap<String, String>,
    ) -> Result<BTreeMap<String, Vec<PlaceRight>>, ApiError> {
        if boxes.len() > BOXES_MAX {
            return Err(ApiError::BadRequest);
        }
        let mut people: BTreeMap<String, BTreeMap<i64, PlaceRight>> = BTreeMap::new();
        for key in boxes.keys() {
            let mut parts = key.split(':');
            let (Some(person), Some(place), Some(right), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return Err(ApiError::BadRequest);
            };
            let place = LocationRef::parse(place).ok_or(ApiError::NotFound)?;
            let right = Capability::parse(right).ok_or(ApiError::BadRequest)?;
            let entry = people
                .entry(person.to_string())
                .or_default()
                .entry(place.id())
                .or_insert(PlaceRight {
                    location: place.id(),
                    book: false,
                    pay: false,
                });
            match right {
                Capability::View => {}
                Capability::Book => entry.book = true,
                Capability::Pay => entry.pay = true,
            }
        }
        Ok(people
            .into_iter()
            .map(|(person, places)| (person, places.into_values().collect()))
            .collect())
    }

    fn role(raw: &str) -> Option<MemberRole> {
        MemberRole::parse(raw.trim())
    }

    pub async fn save_rights(rights: BTreeMap<String, String>) -> Result<(), ApiError> {
        let by = require(Permission::ManageOwnAccount)?;
        let mut grid = Vec::new();
        for (person, places) in parse_grid(&rights)? {
            let user = UserRef::parse(&person).ok_or(ApiError::NotFound)?;
            grid.push((user, places));
        }
        members::save_rights(&state()?.store, &by, &grid, &info().origin)
            .await
            .map_err(failed)?;
        leptos_axum::redirect("/account/people?saved=rights#rights");
        Ok(())
    }

    pub async fn set_role(user: String, role_raw: String) -> Result<(), ApiError> {
        let by = require(Permission::ManageOwnAccount)?;
        let user = UserRef::parse(user.trim()).ok_or(ApiError::NotFound)?;
        let role = role(&role_raw).ok_or(ApiError::BadRequest)?;
        members::set_role(&state()?.store, &by, user, role, &info().origin)
            .await
            .map_err(failed)?;
        leptos_axum::redirect("/account/people?saved=role");
        Ok(())
    }

    pub async fn remove(user: String) -> Result<(), ApiError> {
        let by = require(Permission::ManageOwnAccount)?;
        let user = UserRef::parse(user.trim()).ok_or(ApiError::NotFound)?;
        members::remove(&state()?.store, &by, user, &info().origin)
            .await
            .map_err(failed)?;
        leptos_axum::redirect("/account/people?saved=removed");
        Ok(())
    }

    pub async fn invite(
        name: String,
        email: String,
        role_raw: String,
        rights: BTreeMap<String, String>,
    ) -> Result<(), ApiError> {
        let by = require(Permission::ManageOwnAccount)?;
        let keep = echo(&[("name", &name), ("email", &email), ("role", &role_raw)]);
        let mut problems = Vec::new();
        let name =
            doorstep::fields::text(&name, NAME_MAX, true).map_err(|p| problems.push(("name", p)));
        let email = Email::parse(&email).map_err(|p| problems.push(("email", p)));
        let role = role(&role_raw)
            .ok_or(())
            .map_err(|()| problems.push(("role", FieldError::Required)));
        let (name, email, role) = match (name, email, role) {
            (Ok(n), Ok(e), Ok(r)) if problems.is_empty() => (n, e, r),
            _ => return Err(ApiError::refused(problems, keep)),
        };
        let mut grid = parse_grid(&rights)?;
        let rights = grid.remove("new").unwrap_or_default();
        if !grid.is_empty() {
            return Err(ApiError::BadRequest);
        }
        let state = state()?;
        let info = info();
        let business = state.business();
        let desk = crate::api::support::desk(&state, &business, &info);
        let invitation = Invitation {
            name,
            email,
            role,
            rights,
        };
        match members::invite(&desk, &by, invitation).await {
            Ok(_) => {}
            Err(MemberError::AlreadyMember) => {
                return Err(ApiError::field("email", FieldError::AlreadyMember, keep));
            }
            Err(MemberError::Elsewhere) => {
                return Err(ApiError::field("email", FieldError::CannotJoin, keep));
            }
            Err(MemberError::TooMany) => {
                return Err(ApiError::RateLimited {
                    retry_after_secs: 3600,
                    echo: keep,
                });
            }
            Err(other) => return Err(failed(other)),
        }
        leptos_axum::redirect("/account/people?saved=invited");
        Ok(())
    }

    pub async fn join(token: String, name: String, password: String) -> Result<(), ApiError> {
        let state = state()?;
        let info = info();
        let token = token.trim();
        let invitation = members::check_invitation(&state.store, token, &state.business().name)
            .await
            .map_err(failed)?;
        let keep = echo(&[("name", &name)]);
        let mut problems = Vec::new();
        let name =
            doorstep::fields::text(&name, NAME_MAX, true).map_err(|p| problems.push(("name", p)));
        let personal = name.as_deref().unwrap_or(&invitation.name).to_string();
        let password = choose(password, &[&invitation.email, &personal])
            .map_err(|p| problems.push(("password", p)));
        let (name, password) = match (name, password) {
            (Ok(n), Ok(p)) if problems.is_empty() => (n, p),
            _ => return Err(ApiError::refused(problems, keep)),
        };
        let business = state.business();
        let desk = crate::api::support::desk(&state, &business, &info);
        let (signed_in, _) = members::join(
            &desk,
            &state.session_policy,
            token,
            &name,
            password,
            info.session.as_ref(),
        )
        .await
        .map_err(failed)?;
        crate::api::support::start_session(&signed_in, "/?joined=1");
        Ok(())
    }
}
