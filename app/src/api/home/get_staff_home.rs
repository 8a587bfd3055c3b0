//! A staff member's home: the customer accounts (dispatchers, admins) or their profile.

use crate::error::ApiError;
use doorstep::dto::StaffHome;
use leptos::prelude::*;

#[server(endpoint = "staff-home")]
pub async fn get_staff_home() -> Result<StaffHome, ApiError> {
    use crate::api::support::{internal, require, state};
    use doorstep::permissions::Permission;
    use doorstep::services::accounts::staff_home;
    let user = require(Permission::ViewOwnStaffProfile)?;
    staff_home(&state()?.store, user.user, user.role)
        .await
        .map_err(|e| internal("staff home failed", e))
}
