//! The sign-in form's fields, enhanced: a show/hide toggle for the password and a hint as
//! soon as the email cannot be an address. Without wasm they are plain inputs.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The texts the island shows, translated on the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignInTexts {
    pub email_label: String,
    pub password_label: String,
    pub show_password: String,
    pub hide_password: String,
    pub invalid_email: String,
}

/// Whether `value` has the shape of an address: a hint only, the server decides (with
/// `doorstep::email::Email`). Kept to ASCII checks: Unicode case and letter tables would
/// grow the bundle every visitor downloads.
fn plausible_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !value
            .bytes()
            .any(|b| b.is_ascii_whitespace() || b.is_ascii_control())
}

#[island]
pub fn SignInFields(
    email: String,
    email_error: Option<String>,
    password_error: Option<String>,
    texts: SignInTexts,
) -> impl IntoView {
    let (hint, set_hint) = signal(email_error);
    let (shown, set_shown) = signal(false);
    // The toggle does nothing without wasm, so it appears only once hydrated.
    let (ready, set_ready) = signal(false);
    Effect::new(move |_| set_ready.set(true));

    let invalid = texts.invalid_email.clone();
    let check = move |value: String, strict: bool| {
        let trimmed = value.trim();
        if trimmed.is_empty() || plausible_email(trimmed) {
            set_hint.set(None);
        } else if strict {
            set_hint.set(Some(invalid.clone()));
        }
    };
    let check_on_input = check.clone();
    let (show_text, hide_text) = (texts.show_password, texts.hide_password);
    let has_password_error = password_error.is_some();

    view! {
        <div class="field">
            <label for="email">{texts.email_label}</label>
            <input
                id="email"
                name="email"
                type="email"
                inputmode="email"
                autocomplete="username"
                required
                value=email
                aria-invalid=move || if hint.get().is_some() { "true" } else { "false" }
                aria-describedby="email-hint"
                on:change=move |ev| check(event_target_value(&ev), true)
                on:input=move |ev| check_on_input(event_target_value(&ev), false)
            />
            <p id="email-hint" class="field-error" aria-live="polite">{move || hint.get()}</p>
        </div>
        <div class="field">
            <label for="password">{texts.password_label}</label>
            <div class="password-row">
                <input
                    id="password"
                    name="password"
                    type=move || if shown.get() { "text" } else { "password" }
                    autocomplete="current-password"
                    required
                    aria-invalid=if has_password_error { "true" } else { "false" }
                    aria-describedby="password-hint"
                />
                <button
                    type="button"
                    class="button button-quiet toggle"
                    hidden=move || !ready.get()
                    aria-controls="password"
                    on:click=move |_| set_shown.update(|s| *s = !*s)
                >
                    {move || if shown.get() { hide_text.clone() } else { show_text.clone() }}
                </button>
            </div>
            <p id="password-hint" class="field-error">{password_error}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::plausible_email;

    #[test]
    fn the_hint_agrees_with_the_server_on_plain_addresses() {
        for address in ["ana@example.com", "a.b+c@mail.example.org"] {
            assert!(plausible_email(address), "{address}");
            assert!(doorstep::email::Email::parse(address).is_ok(), "{address}");
        }
        for not in [
            "ana",
            "ana@",
            "@example.com",
            "ana@example",
            "ana@@example.com",
            "a na@example.com",
            "ana@example..com",
        ] {
            assert!(!plausible_email(not), "{not}");
            assert!(doorstep::email::Email::parse(not).is_err(), "{not}");
        }
    }
}
