//! The first steps of booking: the caller's account's locations and the bookable services.

use crate::error::ApiError;
use doorstep::dto::BookingOptions;
use leptos::prelude::*;

#[server(endpoint = "booking-options")]
pub async fn get_booking_options() -> Result<BookingOptions, ApiError> {
    use crate::api::support::{bookable_only, info, internal, require, state};
    use doorstep::permissions::Permission;
    use doorstep::services::offers::{OffersError, options};
    let user = require(Permission::BookVisits)?;
    let account = user.account.ok_or(ApiError::Forbidden)?;
    let state = state()?;
    let default_locale = state.business().default_locale;
    let mut options = options(&state.store, account, info().locale, default_locale)
        .await
        .map_err(|e| match e {
            OffersError::NotFound => ApiError::NotFound,
            other => internal("booking options failed", other),
        })?;
    bookable_only(&user, &mut options.locations);
    Ok(options)
}
