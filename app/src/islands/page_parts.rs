//! Fetching a page again and taking a part of it: islands that keep a server-rendered part
//! current ask the server for the same page a reload would get, so what they show is
//! exactly what a browser without wasm sees.

use leptos::prelude::{Effect, Get};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DomParser, Element, Response, SupportedType};

/// The page at `href`, as HTML.
pub async fn fetch(href: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(href)).await.ok()?;
    let response: Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?;
    text.as_string()
}

/// The element of `html` carrying the attribute `marker`, parsed but never shown.
pub fn part(html: &str, marker: &str) -> Option<Element> {
    // The body only: the head's styles would be applied (and refused by the page's content
    // security policy) even in a parsed, never shown document.
    let body = html.find("<body").map_or(html, |at| &html[at..]);
    DomParser::new()
        .ok()?
        .parse_from_string(body, SupportedType::TextHtml)
        .ok()?
        .query_selector(&format!("[{marker}]"))
        .ok()
        .flatten()
}

/// Posts `fields` as a form to a server function, asking for JSON; the status and body, or
/// `None` when the request did not get through.
pub async fn post_form(href: &str, fields: &[(&str, String)]) -> Option<(u16, String)> {
    let params = web_sys::UrlSearchParams::new().ok()?;
    for (name, value) in fields {
        params.append(name, value);
    }
    let headers = web_sys::Headers::new().ok()?;
    headers.append("Accept", "application/json").ok()?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&params);
    init.set_headers(&headers);
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str_and_init(href, &init))
        .await
        .ok()?;
    let response: Response = response.dyn_into().ok()?;
    let text = JsFuture::from(response.text().ok()?).await.ok()?;
    Some((response.status(), text.as_string().unwrap_or_default()))
}

/// Runs `start` on the island's frame once it is in the page. One function for every island
/// that starts this way: each distinct effect closure is compiled anew into the bundle.
pub fn when_mounted(node: leptos::prelude::NodeRef<leptos::html::Div>, start: fn(&Element)) {
    Effect::new(move |_| {
        if let Some(frame) = node.get() {
            start(&frame);
        }
    });
}

thread_local! {
    static LIVE: std::cell::RefCell<Option<web_sys::EventSource>> = const { std::cell::RefCell::new(None) };
}

/// The page's one connection to the live stream (`/events`), opened on first use from the
/// event `after` (the page's islands each add their listeners to it). The browser's
/// `EventSource` reconnects by itself and resumes after the last event it got. It lives as
/// long as the page does.
pub fn live_events(after: i64) -> Option<web_sys::EventSource> {
    LIVE.with(|live| {
        let mut live = live.borrow_mut();
        if live.is_none() {
            *live = web_sys::EventSource::new(&format!("/events?after={after}")).ok();
        }
        live.clone()
    })
}
