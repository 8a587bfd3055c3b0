//! A new password's field, enhanced: a show/hide toggle, and a strength hint as the person
//! types. The hint comes from the server (`password-strength`, the same rules the form is
//! checked by; its word lists are far too big to send to a browser), asked a moment after
//! typing stops. Without wasm it is a plain password input, and the server still decides.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The texts the island shows, translated on the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewPasswordTexts {
    pub label: String,
    /// The rules, always shown.
    pub rules: String,
    pub show: String,
    pub hide: String,
    /// Said when the password passes every rule.
    pub accepted: String,
}

/// What the hint says now: the score (0–4) and the words.
#[derive(Clone, Debug, Default, PartialEq)]
struct Hint {
    score: Option<u8>,
    words: String,
    good: bool,
}

#[island]
pub fn NewPasswordField(
    /// The input's name (`fields[password]`).
    name: String,
    /// Why the server refused the last attempt.
    error: Option<String>,
    texts: NewPasswordTexts,
) -> impl IntoView {
    let (shown, set_shown) = signal(false);
    // The toggle does nothing without wasm, so it appears only once hydrated.
    let (ready, set_ready) = signal(false);
    Effect::new(move |_| set_ready.set(true));
    let (hint, set_hint) = signal(Hint::default());
    let typed = StoredValue::new(0u32);
    let accepted = texts.accepted.clone();
    #[cfg(feature = "hydrate")]
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        typed.update_value(|n| *n += 1);
        let mine = typed.get_value();
        let accepted = accepted.clone();
        leptos::task::spawn_local(async move {
            rate::pause(350).await;
            // Only the latest keystroke's answer is shown.
            if typed.get_value() != mine {
                return;
            }
            if value.is_empty() {
                set_hint.set(Hint::default());
                return;
            }
            if let Some((score, message)) = rate::ask(&value).await
                && typed.get_value() == mine
            {
                let good = message.is_none();
                set_hint.set(Hint {
                    score: Some(score),
                    words: message.unwrap_or(accepted),
                    good,
                });
            }
        });
    };
    #[cfg(not(feature = "hydrate"))]
    let on_input = move |_: leptos::ev::Event| {
        let _ = (&accepted, typed, set_hint);
    };
    let has_error = error.is_some();
    let (show_text, hide_text) = (texts.show, texts.hide);
    view! {
        <div class="field">
            <label for="field-password">{texts.label}</label>
            <p class="hint" id="password-rules">{texts.rules}</p>
            <div class="password-row">
                <input
                    id="field-password"
                    name=name
                    type=move || if shown.get() { "text" } else { "password" }
                    autocomplete="new-password"
                    required
                    minlength="12"
                    aria-invalid=if has_error { "true" } else { "false" }
                    aria-describedby="password-rules password-strength password-error"
                    on:input=on_input
                />
                <button
                    type="button"
                    class="button button-quiet toggle"
                    hidden=move || !ready.get()
                    aria-controls="field-password"
                    on:click=move |_| set_shown.update(|s| *s = !*s)
                >
                    {move || if shown.get() { hide_text.clone() } else { show_text.clone() }}
                </button>
            </div>
            <meter
                class="strength"
                min="0"
                max="4"
                low="2.5"
                high="3.5"
                optimum="4"
                aria-hidden="true"
                value=move || hint.get().score.unwrap_or(0).to_string()
                hidden=move || hint.get().score.is_none()
            ></meter>
            <p
                id="password-strength"
                class=move || if hint.get().good { "hint strength-good" } else { "hint" }
                aria-live="polite"
            >
                {move || hint.get().words}
            </p>
            <p id="password-error" class="field-error">{error}</p>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod rate {
    use crate::islands::page_parts::post_form;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// Waits `ms` milliseconds (the browser's timer).
    pub async fn pause(ms: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    resolve.unchecked_ref(),
                    ms,
                );
            }
        });
        let _ = JsFuture::from(promise).await;
    }

    /// The value of the page's input `id`, if there is one.
    fn field(id: &str) -> String {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|input| input.value())
            .unwrap_or_default()
    }

    /// The server's rating: the score, and what is wrong (`None`: accepted). Read with the
    /// browser's JSON parser, which the bundle does not have to carry.
    pub async fn ask(password: &str) -> Option<(u8, Option<String>)> {
        let fields = [
            ("password", password.to_string()),
            ("email", field("field-email")),
            ("name", field("field-name")),
        ];
        let (status, body) = post_form("/api/password-strength", &fields).await?;
        if status != 200 {
            return None;
        }
        let value = js_sys::JSON::parse(&body).ok()?;
        let get = |key: &str| js_sys::Reflect::get(&value, &JsValue::from_str(key)).ok();
        let score = get("score")?.as_f64()?;
        let message = get("message").and_then(|m| m.as_string());
        Some((score.clamp(0.0, 4.0) as u8, message))
    }
}
