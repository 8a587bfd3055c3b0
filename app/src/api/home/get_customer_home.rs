//! A customer's own account, locations and people.

use crate::error::ApiError;
use doorstep::dto::CustomerHome;
use leptos::prelude::*;

#[server(endpoint = "customer-home")]
pub async fn get_customer_home() -> Result<CustomerHome, ApiError> {
    use crate::api::support::{internal, require, state};
    use doorstep::permissions::Permission;
    use doorstep::services::accounts::{HomeError, customer_home};
    let user = require(Permission::ViewOwnAccount)?;
    let now = doorstep::services::clock::now();
    customer_home(&state()?.store, &user, now)
        .await
        .map_err(|e| match e {
            HomeError::NoAccount => ApiError::NotFound,
            other => internal("customer home failed", other),
        })
}
