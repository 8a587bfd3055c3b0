//! A thread, kept live. The server renders the whole thread and a plain form, which is all a
//! browser without wasm needs (the page comes back with the message in it). Once hydrated,
//! this island follows the live stream: when a message or a read arrives for this thread it
//! fetches the page again (the same server rendering) and swaps the thread's messages in,
//! saying a new message in a polite live region. It sends the form in the background, and
//! when the connection drops it sends it again with the same idempotency key, so a message
//! is never lost nor posted twice. The texts travel as data attributes of the form's status
//! line.

use leptos::prelude::*;

/// The attribute marking the part of the thread that is swapped.
pub const PART: &str = "data-thread-live";

#[island]
pub fn ChatThread(thread: String, after: i64, children: Children) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    crate::islands::page_parts::when_mounted(node, live::start);
    view! {
        <div class="chat" data-chat=thread data-after=after.to_string() node_ref=node>
            {children()}
            <p class="visually-hidden" role="status" data-chat-news=""></p>
        </div>
    }
}

/// The event's kind (`{"seq":…,"kind":"message",…}`), read without a JSON parser.
pub fn kind_of(data: &str) -> Option<&str> {
    let rest = &data[data.find("\"kind\":\"")? + "\"kind\":\"".len()..];
    rest.split('"').next()
}

/// Whether an event tells a thread page to look again: a message or a read of `thread`
/// (a job's, `DS-000042`, or an account's support thread, `AC-000007`).
pub fn concerns(data: &str, thread: &str) -> bool {
    if !matches!(kind_of(data), Some("message" | "seen")) {
        return false;
    }
    let of = |key: &str| crate::islands::live_visit::number_after(data, key);
    match doorstep::ids::VisitRef::parse(thread) {
        Some(visit) => of("\"visit\":") == Some(visit.id()),
        None => {
            of("\"visit\":").is_none()
                && doorstep::ids::AccountRef::parse(thread).map(|a| a.id()) == of("\"account\":")
        }
    }
}

#[cfg(feature = "hydrate")]
mod live {
    use super::{PART, concerns};
    use crate::islands::page_parts::{fetch, live_events, part};
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Element, MessageEvent};

    /// The longest wait between two tries of a message that did not get through.
    const RETRY_MAX_MS: i32 = 30_000;

    pub fn start(root: &Element) {
        let thread = root.get_attribute("data-chat").unwrap_or_default();
        let after = root
            .get_attribute("data-after")
            .and_then(|a| a.parse().ok())
            .unwrap_or(0);
        // Tests (and styles) may tell a woken thread from a plain one.
        let _ = root.set_attribute("data-ready", "");
        let busy = Rc::new(Cell::new(false));
        let again = Rc::new(Cell::new(false));
        let on_event = {
            let root = root.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
                if ev.data().as_string().is_some_and(|d| concerns(&d, &thread)) {
                    refresh_soon(root.clone(), busy.clone(), again.clone());
                }
            })
        };
        if let Some(source) = live_events(after) {
            let _ =
                source.add_event_listener_with_callback("visit", on_event.as_ref().unchecked_ref());
        }
        on_event.forget();
        if let Some(form) = root.query_selector("[data-chat-form]").ok().flatten() {
            enhance(root, &form);
        }
    }

    /// One refresh at a time; events arriving meanwhile make one more.
    fn refresh_soon(root: Element, busy: Rc<Cell<bool>>, again: Rc<Cell<bool>>) {
        if busy.replace(true) {
            again.set(true);
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                again.set(false);
                refresh(&root).await;
                if !again.get() {
                    break;
                }
            }
            busy.set(false);
        });
    }

    /// Fetches the page again and swaps the thread's part in; announces a new message from
    /// someone else.
    async fn refresh(root: &Element) {
        let Some(path) = web_sys::window().and_then(|w| w.location().pathname().ok()) else {
            return;
        };
        let (Some(html), Some(current)) = (
            fetch(&path).await,
            root.query_selector(&format!("[{PART}]")).ok().flatten(),
        ) else {
            return;
        };
        let Some(fresh) = part(&html, PART) else {
            return;
        };
        let last = |el: &Element| el.query_selector("li.message:last-child").ok().flatten();
        let before = last(&current).map(|li| li.id());
        current.set_inner_html(&fresh.inner_html());
        if let Some(key) = fresh.get_attribute("data-key") {
            let _ = current.set_attribute("data-key", &key);
        }
        let Some(newest) = last(&current) else {
            return;
        };
        let mine = newest.class_list().contains("mine");
        if Some(newest.id()) != before && !mine {
            let text = newest.text_content().unwrap_or_default();
            if let Some(news) = root.query_selector("[data-chat-news]").ok().flatten() {
                news.set_text_content(Some(&text));
            }
        }
    }

    fn get(target: &JsValue, name: &str) -> JsValue {
        js_sys::Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }

    /// Sends the form in the background; Ctrl+Enter (or ⌘+Enter) sends from the text box.
    fn enhance(root: &Element, form: &Element) {
        let sending = Rc::new(Cell::new(false));
        let submit = {
            let (root, form) = (root.clone(), form.clone());
            Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
                ev.prevent_default();
                if sending.replace(true) {
                    return;
                }
                let (root, form, sending) = (root.clone(), form.clone(), sending.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    send(&root, &form).await;
                    sending.set(false);
                });
            })
        };
        let _ = form.add_event_listener_with_callback("submit", submit.as_ref().unchecked_ref());
        submit.forget();
        let keys = {
            let form = form.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
                let enter = get(&ev, "key").as_string().as_deref() == Some("Enter");
                let held = get(&ev, "ctrlKey").is_truthy() || get(&ev, "metaKey").is_truthy();
                if enter && held {
                    ev.prevent_default();
                    if let Ok(f) = get(&form, "requestSubmit").dyn_into::<js_sys::Function>() {
                        let _ = f.call0(&form);
                    }
                }
            })
        };
        if let Some(area) = form.query_selector("textarea").ok().flatten() {
            let _ = area.add_event_listener_with_callback("keydown", keys.as_ref().unchecked_ref());
        }
        keys.forget();
    }

    fn say(form: &Element, which: Option<&str>) {
        if let Some(line) = form.query_selector("[data-chat-status]").ok().flatten() {
            let text = which.and_then(|w| line.get_attribute(&format!("data-{w}")));
            line.set_text_content(text.as_deref());
        }
    }

    /// Posts the form until it gets through; a refusal (too long, a photo it cannot take)
    /// is left to the server's own page: the form is sent the plain way, which shows it.
    async fn send(root: &Element, form: &Element) {
        let Ok(body) = web_sys::FormData::new_with_form(form.unchecked_ref()) else {
            return;
        };
        let button = form.query_selector("button[type=submit]").ok().flatten();
        if let Some(b) = &button {
            let _ = b.set_attribute("disabled", "");
        }
        say(form, Some("sending"));
        let action = form.get_attribute("action").unwrap_or_default();
        let mut wait = 1_000;
        let outcome = loop {
            match post(&action, &body).await {
                Some(ok) => break ok,
                None => {
                    say(form, Some("retrying"));
                    sleep(wait).await;
                    wait = (wait * 2).min(RETRY_MAX_MS);
                }
            }
        };
        if let Some(b) = &button {
            let _ = b.remove_attribute("disabled");
        }
        if !outcome {
            // HTMLFormElement.submit() sends without this handler; the page shows why.
            if let Ok(f) = get(form, "submit").dyn_into::<js_sys::Function>() {
                let _ = f.call0(form);
            }
            return;
        }
        say(form, None);
        refresh(root).await;
        // The next message gets the key the fresh page was rendered with; the text and the
        // photos are cleared only now that the message is in.
        let key = root
            .query_selector(&format!("[{PART}]"))
            .ok()
            .flatten()
            .and_then(|p| p.get_attribute("data-key"));
        for (selector, value) in [
            ("input[name=key]", key),
            ("textarea", Some(String::new())),
            ("input[type=file]", Some(String::new())),
        ] {
            if let (Some(input), Some(value)) =
                (form.query_selector(selector).ok().flatten(), value)
            {
                let _ = js_sys::Reflect::set(&input, &"value".into(), &value.into());
            }
        }
    }

    async fn sleep(ms: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
            }
        });
        let _ = JsFuture::from(promise).await;
    }

    /// `Some(true)`: sent; `Some(false)`: refused; `None`: it did not get through.
    async fn post(href: &str, body: &web_sys::FormData) -> Option<bool> {
        let headers = web_sys::Headers::new().ok()?;
        headers.append("Accept", "application/json").ok()?;
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_body(body);
        init.set_headers(&headers);
        let window = web_sys::window()?;
        let response = JsFuture::from(window.fetch_with_str_and_init(href, &init))
            .await
            .ok()?;
        let status = get(&response, "status").as_f64().unwrap_or(0.0);
        // A server that is down or restarting behind a proxy: try again.
        if status >= 500.0 || status == 0.0 {
            return None;
        }
        Some((200.0..400.0).contains(&status))
    }
}

#[cfg(test)]
mod tests {
    use super::{concerns, kind_of};
    use doorstep::dto::LiveEvent;
    use doorstep::ids::{AccountRef, VisitRef};

    #[test]
    fn a_thread_follows_its_own_messages_and_reads_only() {
        let event = |kind: &str, visit: Option<i64>, account: Option<i64>| {
            serde_json::to_string(&LiveEvent {
                seq: 9,
                at: 1_700_000_000,
                kind: kind.into(),
                visit: visit.map(VisitRef::from_id),
                account: account.map(AccountRef::from_id),
            })
            .expect("json")
        };
        assert_eq!(kind_of(&event("message", Some(4), None)), Some("message"));
        assert!(concerns(&event("message", Some(4), None), "DS-000004"));
        assert!(concerns(&event("seen", Some(4), None), "DS-000004"));
        assert!(!concerns(&event("message", Some(5), None), "DS-000004"));
        assert!(!concerns(&event("message", Some(40), None), "DS-000004"));
        assert!(!concerns(&event("en_route", Some(4), None), "DS-000004"));
        assert!(concerns(&event("message", None, Some(7)), "AC-000007"));
        assert!(!concerns(&event("message", None, Some(8)), "AC-000007"));
        assert!(!concerns(&event("message", Some(4), None), "AC-000007"));
    }
}
