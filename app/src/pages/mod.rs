//! One page per module, grouped by area.

pub mod auth;
pub mod booking;
pub mod conversations;
pub mod feeds;
pub mod home;
pub mod locations;
pub mod not_found;
pub mod notifications;
pub mod office;
pub mod offline;
pub mod plans;
pub mod requests;
pub mod visits;

/// Gives a page that could not load its subject the status of the reason (403, 404…). A
/// redirect already set stands: visitors are sent to sign in, staff to set up two-step
/// sign-in.
#[cfg(feature = "ssr")]
pub(crate) fn set_status(error: &crate::error::ApiError) {
    use leptos::prelude::use_context;
    let Some(res) = use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    let redirecting = res
        .0
        .read()
        .map(|parts| parts.headers.contains_key(http::header::LOCATION))
        .unwrap_or(true);
    if !redirecting {
        res.set_status(
            http::StatusCode::from_u16(error.status()).unwrap_or(http::StatusCode::NOT_FOUND),
        );
    }
}

/// What a page shows to someone who may not see it: why, with the status to match.
#[leptos::component]
pub(crate) fn Refused(error: crate::error::ApiError) -> impl leptos::IntoView {
    use leptos::prelude::*;
    // Staff who must set up two-step sign-in keep their redirect there too.
    #[cfg(feature = "ssr")]
    if crate::request::current()
        .user
        .is_some_and(|u| !u.must_enrol)
    {
        set_status(&error);
    }
    view! { <crate::components::alert::ErrorAlert error /> }
}

/// What a page shows while its data loads (the server renders it only when streaming).
pub(crate) fn loading() -> impl leptos::IntoView {
    use leptos::prelude::*;
    view! { <p class="loading" aria-busy="true">{crate::i18n::t("loading")}</p> }
}

/// The error a form posted without JavaScript came back with, when it was posted to the
/// server function at `path` (what `ServerAction` reads, for forms it cannot drive: a
/// multipart upload).
pub(crate) fn form_error(path: &str) -> Option<crate::error::ApiError> {
    use leptos::prelude::use_context;
    use leptos::server::ServerActionError;
    use leptos::server_fn::error::ServerFnUrlError;
    let error = use_context::<ServerActionError>()?;
    (error.path() == path)
        .then(|| ServerFnUrlError::<crate::error::ApiError>::decode_err(error.err()))
}

/// What was typed in the field `name` of a refused form (empty when nothing was).
pub(crate) fn typed(error: Option<&crate::error::ApiError>, name: &str) -> String {
    error
        .and_then(|e| e.echo(name))
        .unwrap_or_default()
        .to_string()
}

/// Why the field `name` of a refused form was refused, in the reader's language.
pub(crate) fn problem(error: Option<&crate::error::ApiError>, name: &str) -> Option<String> {
    error
        .and_then(|e| e.problem_with(name))
        .map(crate::components::alert::field_message)
}

/// The maps' tile server: its URL template and attribution (empty without one).
pub(crate) fn map_tiles() -> (String, String) {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<crate::state::AppState>()
            .map(|state| (state.map_tiles.url, state.map_tiles.attribution))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        (String::new(), String::new())
    }
}

/// Percent-encodes what is not safe in a query value.
pub(crate) fn query_value(value: &str) -> String {
    doorstep::format::query_value(value)
}

/// Sends visitors to sign in (and back here afterwards); the signed-in person, if any.
pub(crate) fn signed_in() -> Option<doorstep::dto::SessionUser> {
    let user = crate::request::current().user;
    if let Some(u) = user.as_ref() {
        enrol_first(u);
    }
    if user.is_none() {
        #[cfg(feature = "ssr")]
        {
            let here = leptos::prelude::use_context::<http::request::Parts>()
                .and_then(|parts| parts.uri.path_and_query().map(|p| p.as_str().to_string()))
                .filter(|p| p != "/");
            let to = match here {
                Some(here) => format!("/sign-in?next={}", query_value(&here)),
                None => "/sign-in".to_string(),
            };
            leptos_axum::redirect(&to);
        }
    }
    user
}

/// Sends staff who must set up two-step sign-in (the business requires it) to do that first.
pub(crate) fn enrol_first(user: &doorstep::dto::SessionUser) {
    #[cfg(feature = "ssr")]
    if user.must_enrol {
        let here = leptos::prelude::use_context::<http::request::Parts>()
            .map(|parts| parts.uri.path().to_string())
            .unwrap_or_default();
        // A passkey counts as the second step too.
        if here != "/account/two-step" && here != "/account/passkeys" {
            leptos_axum::redirect("/account/two-step");
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = user;
}

/// Sends visitors to sign in; says whether the signed-in person holds `permission`.
pub(crate) fn allowed(permission: doorstep::permissions::Permission) -> bool {
    signed_in().is_some_and(|u| u.role.allows(permission))
}
