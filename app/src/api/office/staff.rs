//! Staff management, for admins: the list, inviting, roles, deactivating.

use crate::error::ApiError;
use doorstep::dto::StaffMember;
use leptos::prelude::*;

#[server(endpoint = "staff")]
pub async fn get_staff() -> Result<Vec<StaffMember>, ApiError> {
    use crate::api::support::{require, state};
    use doorstep::permissions::Permission;
    let by = require(Permission::ManageStaff)?;
    doorstep::services::staff::list(&state()?.store, &by)
        .await
        .map_err(imp::failed)
}

/// `role`: `technician`, `dispatcher` or `admin`.
#[server(endpoint = "invite-staff")]
pub async fn invite_staff(name: String, email: String, role: String) -> Result<(), ApiError> {
    imp::invite(name, email, role).await
}

#[server(endpoint = "set-staff-role")]
pub async fn set_staff_role(user: String, role: String) -> Result<(), ApiError> {
    imp::set_role(user, role).await
}

/// `active`: `true` to let them sign in again, `false` to end every session of theirs.
#[server(endpoint = "set-staff-active")]
pub async fn set_staff_active(user: String, active: String) -> Result<(), ApiError> {
    imp::set_active(user, active).await
}

#[cfg(feature = "ssr")]
mod imp {
    use crate::api::support::{info, internal, require, state};
    use crate::error::{ApiError, echo};
    use doorstep::email::Email;
    use doorstep::error::FieldError;
    use doorstep::ids::UserRef;
    use doorstep::permissions::{Permission, Role};
    use doorstep::services::staff::{self, StaffError};

    pub fn failed(e: StaffError) -> ApiError {
        match e {
            StaffError::NotFound => ApiError::NotFound,
            StaffError::LastAdmin => ApiError::LastAdmin,
            StaffError::Yourself => ApiError::BadRequest,
            StaffError::EmailTaken => ApiError::field("email", FieldError::Taken, echo(&[])),
            other => internal("managing staff failed", other),
        }
    }

    fn staff_role(raw: &str) -> Option<Role> {
        Role::parse(raw.trim()).filter(|r| r.is_staff())
    }

    pub async fn invite(name: String, email: String, role_raw: String) -> Result<(), ApiError> {
        let by = require(Permission::ManageStaff)?;
        let keep = echo(&[("name", &name), ("email", &email), ("role", &role_raw)]);
        let mut problems = Vec::new();
        let name = doorstep::fields::text(&name, doorstep::sign_up::NAME_MAX, true)
            .map_err(|p| problems.push(("name", p)));
        let email = Email::parse(&email).map_err(|p| problems.push(("email", p)));
        let role = staff_role(&role_raw)
            .ok_or(())
            .map_err(|()| problems.push(("role", FieldError::Required)));
        let (name, email, role) = match (name, email, role) {
            (Ok(n), Ok(e), Ok(r)) if problems.is_empty() => (n, e, r),
            _ => return Err(ApiError::refused(problems, keep)),
        };
        let state = state()?;
        let info = info();
        let business = state.business();
        let desk = crate::api::support::desk(&state, &business, &info);
        match staff::invite(&desk, &by, &name, &email, role).await {
            Ok(_) => {}
            Err(StaffError::EmailTaken) => {
                return Err(ApiError::field("email", FieldError::Taken, keep));
            }
            Err(other) => return Err(failed(other)),
        }
        leptos_axum::redirect("/office/staff?saved=invited");
        Ok(())
    }

    pub async fn set_role(user: String, role: String) -> Result<(), ApiError> {
        let by = require(Permission::ManageStaff)?;
        let user = UserRef::parse(user.trim()).ok_or(ApiError::NotFound)?;
        let role = staff_role(&role).ok_or(ApiError::BadRequest)?;
        staff::set_role(&state()?.store, &by, user, role, &info().origin)
            .await
            .map_err(failed)?;
        leptos_axum::redirect("/office/staff?saved=role");
        Ok(())
    }

    pub async fn set_active(user: String, active: String) -> Result<(), ApiError> {
        let by = require(Permission::ManageStaff)?;
        let user = UserRef::parse(user.trim()).ok_or(ApiError::NotFound)?;
        let active = match active.trim() {
            "true" => true,
            "false" => false,
            _ => return Err(ApiError::BadRequest),
        };
        staff::set_active(&state()?.store, &by, user, active, &info().origin)
            .await
            .map_err(failed)?;
        let saved = if active { "reactivated" } else { "deactivated" };
        leptos_axum::redirect(&format!("/office/staff?saved={saved}"));
        Ok(())
    }
}
