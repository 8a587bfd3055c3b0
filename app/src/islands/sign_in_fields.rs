//! The sign-in form's fields, enhanced: a show/hide toggle for the password and a hint as
//! soon as the email cannot be an address. Without wasm they are plain inputs.

use leptos::prelude::*;

/// The texts the fields show, translated on the server.
#[derive(Clone, Debug, PartialEq)]
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
#[cfg(any(feature = "hydrate", test))]
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

/// The fields, rendered by the server; the texts the island needs travel as data attributes
/// (props would add their decoding to the bundle every visitor downloads). The toggle stays
/// hidden until the island wakes: it does nothing without wasm.
#[component]
pub fn SignInFields(
    email: String,
    email_error: Option<String>,
    password_error: Option<String>,
    texts: SignInTexts,
) -> impl IntoView {
    let email_invalid = if email_error.is_some() {
        "true"
    } else {
        "false"
    };
    let password_invalid = if password_error.is_some() {
        "true"
    } else {
        "false"
    };
    let show = texts.show_password.clone();
    view! {
        <SignInEnhance>
            <div class="field">
                <label for="email">{texts.email_label}</label>
                <input id="email" name="email" type="email" inputmode="email" autocomplete="username"
                    required value=email aria-invalid=email_invalid aria-describedby="email-hint"
                    data-invalid=texts.invalid_email />
                <p id="email-hint" class="field-error" aria-live="polite">{email_error}</p>
            </div>
            <div class="field">
                <label for="password">{texts.password_label}</label>
                <div class="password-row">
                    <input id="password" name="password" type="password" autocomplete="current-password"
                        required aria-invalid=password_invalid aria-describedby="password-hint" />
                    <button type="button" class="button button-quiet toggle" hidden=true aria-controls="password"
                        data-show=show data-hide=texts.hide_password>
                        {texts.show_password}
                    </button>
                </div>
                <p id="password-hint" class="field-error">{password_error}</p>
            </div>
        </SignInEnhance>
    }
}

#[island]
pub fn SignInEnhance(children: Children) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    crate::islands::page_parts::when_mounted(node, enhance::wake);
    // The same shape as the signature pad's frame, so both share one compiled renderer.
    view! { <div id="sign-in-fields" class="sign-in-fields" data-live-keep="" node_ref=node>{children()}</div> }
}

#[cfg(feature = "hydrate")]
mod enhance {
    use super::plausible_email;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::Element;

    fn on(target: &Element, event: &str, handler: Box<dyn FnMut()>) {
        let closure = Closure::<dyn FnMut()>::new(handler);
        let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        // Lives as long as the page.
        closure.forget();
    }

    /// Flags an email that cannot be an address: on `change` (`strict`), and clears the flag
    /// as soon as typing makes it right.
    fn check(email: &Element, hint: &Element, strict: bool) {
        let value = js_sys::Reflect::get(email, &JsValue::from_str("value"))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let trimmed = value.trim();
        if trimmed.is_empty() || plausible_email(trimmed) {
            hint.set_text_content(None);
            let _ = email.set_attribute("aria-invalid", "false");
        } else if strict {
            hint.set_text_content(email.get_attribute("data-invalid").as_deref());
            let _ = email.set_attribute("aria-invalid", "true");
        }
    }

    pub fn wake(root: &Element) {
        let find = |selector: &str| root.query_selector(selector).ok().flatten();
        let (Some(email), Some(hint), Some(password), Some(toggle)) = (
            find("#email"),
            find("#email-hint"),
            find("#password"),
            find(".toggle"),
        ) else {
            return;
        };
        let _ = toggle.remove_attribute("hidden");
        for (event, strict) in [("change", true), ("input", false)] {
            let (target, hint) = (email.clone(), hint.clone());
            on(
                &email,
                event,
                Box::new(move || check(&target, &hint, strict)),
            );
        }
        let button = toggle.clone();
        on(
            &toggle,
            "click",
            Box::new(move || {
                let shown = password.get_attribute("type").as_deref() == Some("text");
                let _ = password.set_attribute("type", if shown { "password" } else { "text" });
                let label = button.get_attribute(if shown { "data-show" } else { "data-hide" });
                button.set_text_content(label.as_deref());
            }),
        );
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
