//! Changing one's sign-in email: the password again, then the link mailed to the new one.

use crate::error::ApiError;
use leptos::prelude::*;

/// `email`: the new address; `password`: the current password. Mails the new address a link.
#[server(endpoint = "change-email")]
pub async fn change_email(email: String, password: String) -> Result<(), ApiError> {
    imp::change(email, password).await
}

/// `token`: the secret of the link mailed to the new address.
#[server(endpoint = "confirm-email")]
pub async fn confirm_email(token: String) -> Result<(), ApiError> {
    imp::confirm(token).await
}

/// The address a link moves its person to, if it is good to use (read by its page on the
/// server; never asked by the browser).
pub async fn check_email_link(token: String) -> Result<String, ApiError> {
    #[cfg(feature = "ssr")]
    {
        imp::check(token).await
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = token;
        Ok(String::new())
    }
}

#[cfg(feature = "ssr")]
mod imp {
    use crate::api::support::{desk, info, internal, state};
    use crate::error::{ApiError, echo};
    use doorstep::email::Email;
    use doorstep::error::FieldError;
    use doorstep::password::Password;
    use doorstep::services::auth::{HASHING_WAIT, SignInError};
    use doorstep::services::email_change::{self, EmailChangeError};
    use doorstep::services::links::LinkError;

    fn failed(e: EmailChangeError, keep: crate::error::Echo) -> ApiError {
        match e {
            EmailChangeError::Same => ApiError::field("email", FieldError::SameEmail, keep),
            EmailChangeError::WrongPassword => {
                ApiError::field("password", FieldError::WrongPassword, keep)
            }
            EmailChangeError::TooMany => ApiError::RateLimited {
                retry_after_secs: 3600,
                echo: keep,
            },
            EmailChangeError::SignIn(SignInError::Busy) => ApiError::RateLimited {
                retry_after_secs: HASHING_WAIT.as_secs().max(1),
                echo: keep,
            },
            EmailChangeError::Taken => ApiError::field("email", FieldError::Taken, keep),
            EmailChangeError::Link(LinkError::Unknown) => ApiError::NotFound,
            EmailChangeError::Link(LinkError::Used) => ApiError::LinkUsed,
            EmailChangeError::Link(LinkError::Expired) => ApiError::LinkExpired,
            other => internal("an email change failed", other),
        }
    }

    pub async fn change(email: String, password: String) -> Result<(), ApiError> {
        let info = info();
        let user = info.user.clone().ok_or(ApiError::Unauthenticated)?;
        let keep = echo(&[("email", &email)]);
        let mut problems = Vec::new();
        let new = Email::parse(&email).map_err(|p| problems.push(("email", p)));
        let password =
            Password::parse_attempt(password).map_err(|p| problems.push(("password", p)));
        let (new, password) = match (new, password) {
            (Ok(n), Ok(p)) if problems.is_empty() => (n, p),
            _ => return Err(ApiError::refused(problems, keep)),
        };
        let state = state()?;
        let ip = crate::api::support::password_check(&state, &info, &user.email, keep.clone())?;
        let business = state.business();
        email_change::request(&desk(&state, &business, &info), &user, password, &new)
            .await
            .map_err(|e| failed(e, keep.clone()))?;
        state.sign_in_throttle.succeeded(&user.email, ip);
        leptos_axum::redirect("/account?saved=email-sent");
        Ok(())
    }

    pub async fn check(token: String) -> Result<String, ApiError> {
        let state = state()?;
        email_change::check(&state.store, token.trim())
            .await
            .map_err(|e| failed(e, Default::default()))
    }

    pub async fn confirm(token: String) -> Result<(), ApiError> {
        let state = state()?;
        let info = info();
        let business = state.business();
        email_change::confirm(&desk(&state, &business, &info), token.trim())
            .await
            .map_err(|e| failed(e, Default::default()))?;
        leptos_axum::redirect(if info.user.is_some() {
            "/account?saved=email"
        } else {
            "/sign-in?email=changed"
        });
        Ok(())
    }
}
