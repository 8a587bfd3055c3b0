//! The passkey button: adds a passkey to the account, or signs in with one. WebAuthn lives in
//! the browser, so this needs JavaScript; without it the button stays disabled and its line
//! says so. The browser turns the server's JSON options into WebAuthn's binary form and the
//! device's answer back into JSON itself (`PublicKeyCredential.parse…FromJSON`, `toJSON`):
//! no WebAuthn types or base64 code enter the bundle.
//!
//! The texts travel as data attributes of the server-rendered status line: `data-e-<error>`
//! for each error the server may answer (its `error` tag), `data-cancelled`, `data-failed`,
//! `data-unsupported`, `data-working`, and `data-done` (where to go once a passkey is added).

use leptos::attr::any_attribute::IntoAnyAttribute;
use leptos::prelude::*;

/// What the button does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ceremony {
    /// Add a passkey to the signed-in person's account (the page has the fields
    /// `#passkey-name` and, when asked, `#passkey-password`).
    Add,
    /// Sign in with a passkey.
    SignIn,
    /// The second step of a sign-in waiting in this browser.
    SecondStep,
    /// The signed-in person confirms it is them, instead of typing their password (the
    /// session is renewed; `next` is the page to come back to).
    Confirm,
}

/// The button and its status line, rendered by the server: the button stays disabled until
/// the island wakes. `fields`: inputs posted with both calls of the ceremony (a name, a
/// password). `texts`: (attribute, text) pairs for the line; the one named `""` is what the
/// line says before (and, without JavaScript, for good).
#[component]
pub fn PasskeyAction(
    ceremony: Ceremony,
    label: String,
    #[prop(optional)] next: String,
    texts: Vec<(String, String)>,
    #[prop(optional)] primary: bool,
    #[prop(optional)] fields: Option<Children>,
) -> impl IntoView {
    let mut before = String::new();
    let mut attributes = Vec::new();
    for (name, text) in texts {
        if name.is_empty() {
            before = text;
        } else {
            attributes.push(
                leptos::attr::custom::custom_attribute(format!("data-{name}"), text)
                    .into_any_attr(),
            );
        }
    }
    let class = if primary {
        "button button-primary"
    } else {
        "button"
    };
    let (start, finish) = match ceremony {
        Ceremony::Add => ("/api/start-passkey", "/api/add-passkey"),
        Ceremony::SignIn | Ceremony::SecondStep | Ceremony::Confirm => {
            ("/api/start-passkey-sign-in", "/api/passkey-sign-in")
        }
    };
    view! {
        <PasskeyButton>
            {fields.map(|f| f())}
            <input type="hidden" name="next" value=next />
            {(ceremony == Ceremony::SecondStep)
                .then(|| view! { <input type="hidden" name="second_step" value="true" /> })}
            {(ceremony == Ceremony::Confirm)
                .then(|| view! { <input type="hidden" name="confirm" value="true" /> })}
            <button type="button" class=class disabled=true data-start=start data-finish=finish
                data-create=(ceremony == Ceremony::Add).then_some("")>
                {label}
            </button>
            <p class="passkey-status hint" aria-live="polite" data-passkey="" {..attributes}>{before}</p>
        </PasskeyButton>
    }
}

/// Wakes the server-rendered button: plain DOM work, no reactive view (every island's code
/// is in the bundle each visitor downloads).
#[island]
pub fn PasskeyButton(children: Children) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    crate::islands::page_parts::when_mounted(node, ceremony::wake);
    // The same shape as the signature pad's frame, so both share one compiled renderer.
    view! { <div id="passkey" class="passkey" data-live-keep="" node_ref=node>{children()}</div> }
}

#[cfg(feature = "hydrate")]
mod ceremony {
    use crate::islands::page_parts::post_form;
    use js_sys::{Function, JSON, Object, Promise, Reflect};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::Element;

    fn get(target: &JsValue, name: &str) -> JsValue {
        Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }

    /// `target.name(args…)`, or `None` when it has no such method (an older browser).
    fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
        let method = get(target, name).dyn_into::<Function>().ok()?;
        let list: js_sys::Array = args.iter().collect();
        method.apply(target, &list).ok()
    }

    /// The text kept in the line's attribute `data-{which}`.
    fn say(line: &Element, which: &str) {
        let text = line
            .get_attribute(&["data-", which].concat())
            .or_else(|| line.get_attribute("data-failed"));
        line.set_text_content(text.as_deref());
    }

    /// Enables the button and clears the line; a click runs one ceremony at a time.
    pub fn wake(root: &Element) {
        let (Some(button), Some(line)) = (
            root.query_selector("button").ok().flatten(),
            root.query_selector("[data-passkey]").ok().flatten(),
        ) else {
            return;
        };
        let _ = button.remove_attribute("disabled");
        line.set_text_content(None);
        let (root, target) = (root.clone(), button.clone());
        let click = Closure::<dyn FnMut()>::new(move || {
            if target.has_attribute("disabled") {
                return;
            }
            let _ = target.set_attribute("disabled", "");
            let (root, button, line) = (root.clone(), target.clone(), line.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match steps(&root, &button, &line).await {
                    Ok(to) => {
                        if let Some(window) = web_sys::window() {
                            let _ = window.location().assign(&to);
                        }
                    }
                    Err(which) => say(&line, &which),
                }
                let _ = button.remove_attribute("disabled");
            });
        });
        let _ = button.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
        click.forget();
    }

    /// One ceremony: the server's options, the device's answer, the server's verdict; where to
    /// go then, or which text of the line says why not.
    async fn steps(root: &Element, button: &Element, line: &Element) -> Result<String, String> {
        let window = js_sys::global();
        let constructor = get(&window, "PublicKeyCredential");
        let adding = button.has_attribute("data-create");
        let parse = if adding {
            "parseCreationOptionsFromJSON"
        } else {
            "parseRequestOptionsFromJSON"
        };
        if !get(&constructor, parse).is_function() {
            return Err("unsupported".into());
        }
        say(line, "working");
        // The island's inputs go with both calls (each takes what it needs).
        let mut fields = Vec::new();
        if let Ok(inputs) = root.query_selector_all("input") {
            for input in (0..inputs.length()).filter_map(|i| inputs.item(i)) {
                let name = get(&input, "name").as_string().unwrap_or_default();
                fields.push((name, get(&input, "value").as_string().unwrap_or_default()));
            }
        }
        let mut credential = JsValue::NULL;
        for url in ["data-start", "data-finish"] {
            let url = button.get_attribute(url).unwrap_or_default();
            let pairs: Vec<(&str, String)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.clone()))
                .collect();
            let reply = match post_form(&url, &pairs).await {
                Some((200, body)) => JSON::parse(&body).map_err(|_| "failed")?,
                Some((_, body)) => return Err(error_tag(&body)),
                None => return Err("offline".into()),
            };
            if !credential.is_null() {
                // The verdict: where to go (signing in), or nothing (a passkey added).
                return Ok(reply
                    .as_string()
                    .or_else(|| line.get_attribute("data-done"))
                    .unwrap_or_else(|| "/".into()));
            }
            // The options come as a JSON string inside the answer's JSON.
            let options = reply
                .as_string()
                .and_then(|text| JSON::parse(&text).ok())
                .ok_or("failed")?;
            let public_key =
                call(&constructor, parse, &[get(&options, "publicKey")]).ok_or("failed")?;
            let request = Object::new();
            let _ = Reflect::set(&request, &JsValue::from_str("publicKey"), &public_key);
            let credentials = get(&get(&window, "navigator"), "credentials");
            let promise = call(
                &credentials,
                if adding { "create" } else { "get" },
                &[request.into()],
            )
            .and_then(|p| p.dyn_into::<Promise>().ok())
            .ok_or("unsupported")?;
            credential = JsFuture::from(promise).await.map_err(|e| {
                match get(&e, "name").as_string().as_deref() {
                    Some("NotAllowedError" | "AbortError") => "cancelled",
                    Some("InvalidStateError") => "e-passkey_added",
                    _ => "failed",
                }
            })?;
            let json = call(&credential, "toJSON", &[])
                .and_then(|v| JSON::stringify(&v).ok())
                .and_then(|s| s.as_string())
                .ok_or("unsupported")?;
            fields.push(("response".into(), json));
            say(line, "working");
        }
        Err("failed".into())
    }

    /// The `error` tag of a server function's error answer, as the line's text names it.
    fn error_tag(body: &str) -> String {
        JSON::parse(body)
            .ok()
            .and_then(|v| get(&v, "error").as_string())
            .map_or_else(|| "failed".into(), |tag| ["e-", &tag].concat())
    }
}
