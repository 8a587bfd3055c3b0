//! Newcomers open their own account, prove their email by the mailed link, and ask for the
//! link again; the password's strength is rated as they type it.

use crate::error::ApiError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How a new password rates, for the hint beside the field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordRating {
    /// 0 (guessed at once) to 4.
    pub score: u8,
    /// Whether the form would take it.
    pub accepted: bool,
    /// What is wrong with it, in the page's language.
    pub message: Option<String>,
}

/// `fields`: `name`, `email`, `password`, `company`, `label`, `line1`, `line2`,
/// `postal_code`, `city`, `country`; `next`: where to go once the email is proven.
#[server(endpoint = "sign-up")]
pub async fn sign_up(
    #[server(default)] fields: BTreeMap<String, String>,
    #[server(default)] next: String,
) -> Result<(), ApiError> {
    imp::sign_up(fields, next).await
}

/// `email`: the address to send a new proving link to (nothing is said of whether it has
/// an account).
#[server(endpoint = "resend-verification")]
pub async fn resend_verification(email: String) -> Result<(), ApiError> {
    imp::resend(email).await
}

/// `token`: the secret of the mailed link. Signs the person in.
#[server(endpoint = "verify-email")]
pub async fn verify_email(token: String) -> Result<(), ApiError> {
    imp::verify(token).await
}

/// Rates a new password against the rules (with the name and email typed beside it).
#[server(endpoint = "password-strength")]
pub async fn password_strength(
    password: String,
    #[server(default)] email: String,
    #[server(default)] name: String,
) -> Result<PasswordRating, ApiError> {
    use doorstep::password::{MAX_PASSWORD_LEN, strength};
    if password.len() > MAX_PASSWORD_LEN || email.len() > 320 || name.len() > 400 {
        return Err(ApiError::BadRequest);
    }
    let rated = strength(&password, &[&email, &name]);
    Ok(PasswordRating {
        score: rated.score,
        accepted: rated.problem.is_none(),
        message: rated
            .problem
            .as_ref()
            .map(crate::components::alert::field_message),
    })
}

#[cfg(feature = "ssr")]
mod imp {
    use crate::api::support::{info, internal, state};
    use crate::error::{ApiError, echo};
    use doorstep::email::Email;
    use doorstep::password::choose;
    use doorstep::services::auth::{HASHING_WAIT, SignInError};
    use doorstep::services::links::LinkError;
    use doorstep::services::sign_up::{self, SignUp, SignUpError, VerifyError};
    use doorstep::sign_up::{FIELDS, SignUpDraft, safe_next};
    use std::collections::BTreeMap;

    /// Everything typed but the password, to fill the form in again.
    fn typed(fields: &BTreeMap<String, String>) -> crate::error::Echo {
        let pairs: Vec<(&str, &str)> = fields
            .iter()
            .filter(|(k, _)| k.as_str() != "password" && FIELDS.contains(&k.as_str()))
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        echo(&pairs)
    }

    fn refused(e: SignUpError, echo: crate::error::Echo) -> ApiError {
        match e {
            SignUpError::Closed => ApiError::SignUpClosed,
            SignUpError::TooMany => ApiError::RateLimited {
                retry_after_secs: 3600,
                echo,
            },
            SignUpError::Busy => ApiError::RateLimited {
                retry_after_secs: HASHING_WAIT.as_secs().max(1),
                echo,
            },
            other => internal("sign-up failed", other),
        }
    }

    pub async fn sign_up(fields: BTreeMap<String, String>, next: String) -> Result<(), ApiError> {
        let state = state()?;
        if !state.sign_up {
            return Err(ApiError::SignUpClosed);
        }
        let value = |name: &str| fields.get(name).map_or("", String::as_str);
        let mut problems: Vec<(&str, doorstep::error::FieldError)> = Vec::new();
        let draft = SignUpDraft::parse(value).map_err(|p| problems.extend(p));
        let password = choose(
            value("password").to_string(),
            &[value("email"), value("name")],
        )
        .map_err(|p| problems.push(("password", p)));
        let (draft, password) = match (draft, password) {
            (Ok(d), Ok(p)) if problems.is_empty() => (d, p),
            _ => {
                problems.sort_by_key(|(name, _)| FIELDS.iter().position(|f| f == name));
                return Err(ApiError::refused(problems, typed(&fields)));
            }
        };
        let info = info();
        let business = state.business();
        let desk = crate::api::support::desk(&state, &business, &info);
        let sign_up = SignUp {
            draft,
            password,
            locale: info.locale,
            next: safe_next(&next),
        };
        sign_up::sign_up(&desk, sign_up)
            .await
            .map_err(|e| refused(e, typed(&fields)))?;
        leptos_axum::redirect("/sign-up/sent");
        Ok(())
    }

    pub async fn resend(email: String) -> Result<(), ApiError> {
        let keep = echo(&[("email", &email)]);
        let email = Email::parse(&email).map_err(|p| ApiError::field("email", p, keep.clone()))?;
        let state = state()?;
        let info = info();
        let business = state.business();
        let desk = crate::api::support::desk(&state, &business, &info);
        sign_up::resend(&desk, &email)
            .await
            .map_err(|e| refused(e, keep))?;
        leptos_axum::redirect("/sign-up/sent?again=1");
        Ok(())
    }

    pub async fn verify(token: String) -> Result<(), ApiError> {
        let state = state()?;
        let info = info();
        let verified = sign_up::verify(
            &state.store,
            &state.session_policy,
            token.trim(),
            &info.origin,
            info.session.as_ref(),
        )
        .await;
        match verified {
            Ok((signed_in, next)) => {
                let to = next.unwrap_or_else(|| "/?welcome=1".to_string());
                crate::api::support::start_session(&signed_in, &to);
                Ok(())
            }
            Err(VerifyError::Link(LinkError::Unknown)) => Err(ApiError::NotFound),
            Err(VerifyError::Link(LinkError::Used)) => Err(ApiError::LinkUsed),
            Err(VerifyError::Link(LinkError::Expired)) => Err(ApiError::LinkExpired),
            Err(VerifyError::SignIn(SignInError::NoRole)) => Err(ApiError::Forbidden),
            Err(e) => Err(internal("verifying an email failed", e)),
        }
    }
}
