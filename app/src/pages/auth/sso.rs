//! `/sign-in/sso`: where the sign-in provider sends the browser back. The login waiting in
//! this browser is checked and finished on the server; the person lands home signed in, or
//! reads why not.

use crate::components::layout::Page;
use crate::error::ApiError;
use crate::i18n::t;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Finishes the login the provider answered: signs in (setting the cookie and the redirect)
/// or says why not.
async fn finish(code: String, state: String, refused: Option<String>) -> Result<(), ApiError> {
    #[cfg(feature = "ssr")]
    {
        use crate::api::auth::{redirect_uri, sso_cookie};
        use crate::api::support::{cookie, info, internal, set_cookie, start_session};
        use doorstep::services::sso::{self, SsoError};
        let app = crate::api::support::state()?;
        let provider = app.sso.clone().ok_or(ApiError::NotFound)?;
        let kept = cookie(sso_cookie()).unwrap_or_default();
        // Used once, whatever comes of it.
        set_cookie(sso_cookie(), "", 0);
        if let Some(reason) = refused {
            tracing::info!(reason = %reason.chars().take(100).collect::<String>(), "the sign-in provider refused");
            return Err(ApiError::SsoFailed);
        }
        let info = info();
        let failed = |e: SsoError| match e {
            SsoError::NoLogin => ApiError::SignInAgain,
            SsoError::NotStaff => ApiError::SsoNotStaff,
            SsoError::Refused(_) | SsoError::Provider(_) | SsoError::Token(_) => {
                tracing::warn!(error = %e, "single sign-on failed");
                ApiError::SsoFailed
            }
            other => internal("single sign-on", other),
        };
        let http = sso::client().map_err(failed)?;
        let email = sso::finish(
            &http,
            &provider,
            &redirect_uri(&app.public_origin),
            &kept,
            state.trim(),
            code.trim(),
        )
        .await
        .map_err(failed)?;
        let signed_in = sso::sign_in(
            &app.store,
            &app.session_policy,
            &email,
            &info.origin,
            info.session.as_ref(),
        )
        .await
        .map_err(failed)?;
        start_session(&signed_in, "/");
        Ok(())
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = (code, state, refused);
        Ok(())
    }
}

#[component]
pub fn SsoReturnPage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let code = query.get("code").unwrap_or_default();
    let state = query.get("state").unwrap_or_default();
    let refused = query.get("error");
    view! {
        <Page title=t("sso-title")>
            <section class="panel narrow" aria-labelledby="sso-heading">
                <h1 id="sso-heading">{t("sso-title")}</h1>
                <Suspense fallback=crate::pages::loading>
                    {Suspend::new(async move {
                        let problem = finish(code, state, refused).await.err();
                        super::link_outcome(
                            problem,
                            view! { <p>{t("sso-signed-in")}</p> },
                            "/sign-in",
                            t("sign-in-title"),
                        )
                    })}
                </Suspense>
            </section>
        </Page>
    }
}
