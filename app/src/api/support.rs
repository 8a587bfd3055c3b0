//! What every server function needs on the server: the state, the caller, their rights,
//! cookies, and failures handed to the request's log line. The HTTP status of an error is
//! decided in one place, by the server's middleware, from the error itself.

use crate::error::ApiError;
use crate::request::{self, RequestInfo};
use crate::state::AppState;
use doorstep::dto::SessionUser;
use doorstep::permissions::Permission;
use http::HeaderValue;
use http::header::SET_COOKIE;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

/// Adds a response header.
pub fn set_header(name: http::HeaderName, value: &'static str) {
    if let Some(res) = use_context::<ResponseOptions>() {
        res.insert_header(name, HeaderValue::from_static(value));
    }
}

pub fn state() -> Result<AppState, ApiError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from context");
        ApiError::Internal
    })
}

pub fn info() -> RequestInfo {
    request::current()
}

/// The signed-in caller, if they hold `permission`; the server's only gate.
pub fn require(permission: Permission) -> Result<SessionUser, ApiError> {
    let user = info().user.ok_or(ApiError::Unauthenticated)?;
    if user.must_enrol {
        return Err(ApiError::TwoStepRequired);
    }
    if user.role.allows(permission) {
        Ok(user)
    } else {
        tracing::info!(user = %user.user, ?permission, "refused");
        Err(ApiError::Forbidden)
    }
}

/// The customer's account, when they may do `capability` at `location` of it (an owner
/// anywhere in it, a member where the owner said so); anything else is not found.
pub fn customer_at(
    user: &SessionUser,
    capability: doorstep::permissions::Capability,
    location: doorstep::ids::LocationRef,
) -> Result<doorstep::ids::AccountRef, ApiError> {
    let account = user.account.ok_or(ApiError::Forbidden)?;
    if user.may_at(capability, account.id(), location.id()) {
        Ok(account)
    } else {
        Err(ApiError::NotFound)
    }
}

/// The client's address as sign-in limits count it. The server always knows it; the fallback
/// only serves calls made outside the HTTP stack.
pub fn client_ip(info: &RequestInfo) -> std::net::IpAddr {
    info.origin
        .client_ip
        .as_deref()
        .and_then(|ip| ip.parse().ok())
        .unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED))
}

/// Before the password of someone signed in is checked again (to change it, or their
/// email): wrong ones count as failed sign-ins, so no such form is a way to guess. The
/// address to clear with `succeeded` once it was right.
pub fn password_check(
    state: &AppState,
    info: &RequestInfo,
    email: &str,
    echo: crate::error::Echo,
) -> Result<std::net::IpAddr, ApiError> {
    let ip = client_ip(info);
    state
        .sign_in_throttle
        .attempt(email, ip, doorstep::services::clock::now())
        .map_err(|wait| ApiError::RateLimited {
            retry_after_secs: wait,
            echo,
        })?;
    Ok(ip)
}

/// The cookie of a sign-in waiting for its second step.
pub const SECOND_STEP_COOKIE: &str = "doorstep_second_step";

/// Finishes a sign-in: sets the session cookie and goes to `next`; or, for a person who
/// signs in in two steps, keeps the waiting sign-in in its own cookie and asks for the code.
pub fn start_session(signed_in: &doorstep::services::auth::SignedIn, next: &str) {
    if signed_in.second_step {
        set_cookie(
            SECOND_STEP_COOKIE,
            signed_in.token.expose(),
            signed_in.cookie_max_age,
        );
        let next = crate::pages::query_value(next);
        leptos_axum::redirect(&format!("/sign-in/code?next={next}"));
    } else {
        set_cookie(
            crate::request::session_cookie(secure()),
            signed_in.token.expose(),
            signed_in.cookie_max_age,
        );
        leptos_axum::redirect(next);
    }
}

/// Leaves in a booking form's `locations` only those `user` may book at.
pub fn bookable_only(user: &SessionUser, locations: &mut Vec<doorstep::dto::LocationChoice>) {
    let Some(account) = user.account else {
        locations.clear();
        return;
    };
    locations.retain(|l| {
        user.may_at(
            doorstep::permissions::Capability::Book,
            account.id(),
            l.location.id(),
        )
    });
}

/// Hands an internal failure, with its whole cause chain, to the request's log line (the
/// one place it is logged) and returns the generic error the person sees.
pub fn internal(context: &str, err: impl std::error::Error + 'static) -> ApiError {
    request::note_failure(request::cause_chain(context, &err));
    ApiError::Internal
}

/// Whether the portal is served over HTTPS (cookies are then `Secure`).
pub fn secure() -> bool {
    state().is_ok_and(|s| s.secure_cookies)
}

/// Adds a `Set-Cookie` header with Doorstep's cookie attributes.
pub fn set_cookie(name: &str, value: &str, max_age_secs: i64) {
    let secure = secure();
    let cookie = request::set_cookie_value(name, value, max_age_secs, secure);
    if let (Some(res), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(&cookie),
    ) {
        res.append_header(SET_COOKIE, value);
    }
}

/// What the account services need of this request: the store, the business, the portal's
/// public origin (for mailed links) and where the request came from.
pub fn desk<'a>(
    state: &'a AppState,
    business: &'a doorstep::brand::Business,
    info: &'a RequestInfo,
) -> doorstep::services::sign_up::Desk<'a> {
    doorstep::services::sign_up::Desk {
        store: &state.store,
        geocoder: state.geocoder.as_deref(),
        business,
        public_origin: &state.public_origin,
        origin: &info.origin,
    }
}

/// The value of the request's cookie `name`, if it came with exactly one.
pub fn cookie(name: &str) -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    let mut found = parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .filter(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string());
    let first = found.next()?;
    found.next().is_none().then_some(first)
}
