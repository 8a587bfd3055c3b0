//! A new password's field: rendered whole by the server (a plain password input without
//! wasm; the server decides either way), then enhanced by a small island that drives the
//! same elements directly: a show/hide toggle, and a strength hint as the person types. The
//! hint comes from the server (`password-strength`, the rules the form is checked by; its
//! word lists are far too big to send to a browser), asked a moment after typing stops.
//! Driving the page's elements rather than rendering them keeps the bundle every visitor
//! downloads small.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The texts the field shows, translated on the server.
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

/// The field. `name`: the input's name (`fields[password]`); `error`: why the server
/// refused the last attempt.
#[component]
pub fn NewPasswordField(
    name: String,
    error: Option<String>,
    texts: NewPasswordTexts,
) -> impl IntoView {
    let invalid = if error.is_some() { "true" } else { "false" };
    let show = texts.show.clone();
    view! {
        <div class="field">
            <label for="field-password">{texts.label}</label>
            <p class="hint" id="password-rules">{texts.rules}</p>
            <div class="password-row">
                <input
                    id="field-password"
                    name=name
                    type="password"
                    autocomplete="new-password"
                    required
                    minlength="12"
                    aria-invalid=invalid
                    aria-describedby="password-rules password-strength password-error"
                />
                // Does nothing without wasm, so it shows only once the island is live.
                <button
                    type="button"
                    class="button button-quiet toggle"
                    id="password-toggle"
                    hidden=""
                    aria-controls="field-password"
                    data-show=show
                    data-hide=texts.hide
                >
                    {texts.show}
                </button>
            </div>
            <meter class="strength" id="password-meter" min="0" max="4" low="2.5" high="3.5"
                optimum="4" value="0" aria-hidden="true" hidden=""></meter>
            <p id="password-strength" class="hint" aria-live="polite"></p>
            <p id="password-error" class="field-error">{error}</p>
            <PasswordHint accepted=texts.accepted />
        </div>
    }
}

#[island]
fn PasswordHint(accepted: String) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| hint::start(accepted.clone()));
    #[cfg(not(feature = "hydrate"))]
    let _ = accepted;
}

#[cfg(feature = "hydrate")]
mod hint {
    use crate::islands::page_parts::post_form;
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Element, HtmlInputElement};

    fn element(id: &str) -> Option<Element> {
        web_sys::window()?.document()?.get_element_by_id(id)
    }

    fn input(id: &str) -> Option<HtmlInputElement> {
        element(id)?.dyn_into().ok()
    }

    /// Waits `ms` milliseconds (the browser's timer).
    async fn pause(ms: i32) {
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

    /// The server's rating: the score, and what is wrong (`None`: accepted). Read with the
    /// browser's JSON parser, which the bundle does not have to carry.
    async fn ask(password: &str) -> Option<(f64, Option<String>)> {
        let value_of = |id: &str| input(id).map(|i| i.value()).unwrap_or_default();
        let fields = [
            ("password", password.to_string()),
            ("email", value_of("field-email")),
            ("name", value_of("field-name")),
        ];
        let (status, body) = post_form("/api/password-strength", &fields).await?;
        if status != 200 {
            return None;
        }
        let value = js_sys::JSON::parse(&body).ok()?;
        let get = |key: &str| js_sys::Reflect::get(&value, &JsValue::from_str(key)).ok();
        let score = get("score")?.as_f64()?;
        Some((score, get("message").and_then(|m| m.as_string())))
    }

    /// Shows the rating (`None`: nothing typed).
    fn show(rating: Option<(f64, Option<String>)>, accepted: &str) {
        let (Some(meter), Some(words)) = (element("password-meter"), element("password-strength"))
        else {
            return;
        };
        match rating {
            None => {
                let _ = meter.set_attribute("hidden", "");
                words.set_text_content(None);
            }
            Some((score, message)) => {
                let _ = meter.remove_attribute("hidden");
                // 0 to 4, written without Rust's number formatting (smaller bundle).
                let steps = ["0", "1", "2", "3", "4"];
                let step = steps[(score.clamp(0.0, 4.0) as usize).min(4)];
                let _ = meter.set_attribute("value", step);
                let good = message.is_none();
                words.set_text_content(Some(message.as_deref().unwrap_or(accepted)));
                let class = if good { "hint strength-good" } else { "hint" };
                let _ = words.set_attribute("class", class);
            }
        }
    }

    pub fn start(accepted: String) {
        let Some(field) = input("field-password") else {
            return;
        };
        if let Some(toggle) = element("password-toggle") {
            let _ = toggle.remove_attribute("hidden");
            let (button, target) = (toggle.clone(), field.clone());
            let on_click = Closure::<dyn FnMut()>::new(move || {
                let shown = target.type_() == "text";
                target.set_type(if shown { "password" } else { "text" });
                let label = if shown { "data-show" } else { "data-hide" };
                button.set_text_content(button.get_attribute(label).as_deref());
            });
            let _ =
                toggle.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
            // Lives as long as the page does.
            on_click.forget();
        }
        let typed = Rc::new(Cell::new(0u32));
        let source = field.clone();
        let on_input = Closure::<dyn FnMut()>::new(move || {
            typed.set(typed.get() + 1);
            let (mine, typed, value) = (typed.get(), typed.clone(), source.value());
            let accepted = accepted.clone();
            wasm_bindgen_futures::spawn_local(async move {
                pause(350).await;
                // Only the latest keystroke's answer is shown.
                if typed.get() != mine {
                    return;
                }
                if value.is_empty() {
                    show(None, &accepted);
                    return;
                }
                let rating = ask(&value).await;
                if typed.get() == mine && rating.is_some() {
                    show(rating, &accepted);
                }
            });
        });
        let _ = field.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref());
        on_input.forget();
    }
}
