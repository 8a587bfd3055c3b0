//! A visit's page, kept current. The server renders the whole page, and a reload shows the
//! latest, which is all a browser without wasm needs. Once hydrated, this island follows the
//! live stream (`/events`) from the last event the page was rendered with; when an event
//! about this visit arrives it fetches the page again (the same server rendering), swaps the
//! visit's part in (keeping what is drawn in the browser, the map, and telling it), and says
//! the new status in a polite live region. Messages and reads are the chat island's.

use leptos::prelude::*;

/// The attribute marking the part of the page that is swapped.
pub const ROOT: &str = "data-live-visit";
/// The attribute marking the status the live region reads out.
pub const STATUS: &str = "data-visit-status";
/// The attribute marking the navigation's link to the notifications (with its count).
pub const NOTICES: &str = "data-notices";

#[island]
pub fn LiveVisit(visit: i64, after: i64, children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| live::follow(visit, after));
    #[cfg(not(feature = "hydrate"))]
    let _ = (visit, after);
    view! {
        <div data-live-visit="">{children()}</div>
        <p class="visually-hidden" role="status" id="visit-live-status"></p>
    }
}

/// The visit an event's data names (`{"seq":…,"visit":42,…}`).
pub fn visit_of(data: &str) -> Option<i64> {
    number_after(data, "\"visit\":")
}

/// The number after `key` in an event's JSON, read without a JSON parser in the bundle.
pub fn number_after(data: &str, key: &str) -> Option<i64> {
    let rest = &data[data.find(key)? + key.len()..];
    let digits: String = rest
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

#[cfg(feature = "hydrate")]
mod live {
    use super::{NOTICES, ROOT, STATUS, visit_of};
    use crate::islands::chat::kind_of;
    use crate::islands::page_parts::{fetch, live_events, part};
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::MessageEvent;

    pub fn follow(visit: i64, after: i64) {
        let Some(source) = live_events(after) else {
            return;
        };
        let on_event = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            let data = ev.data().as_string().unwrap_or_default();
            // Messages and reads are the thread's to show, not the visit's.
            let thread = matches!(kind_of(&data), Some("message" | "seen"));
            if !thread && visit_of(&data) == Some(visit) {
                leptos::task::spawn_local(refresh());
            }
        });
        let _ = source.add_event_listener_with_callback("visit", on_event.as_ref().unchecked_ref());
        // It lives as long as the page does.
        on_event.forget();
    }

    async fn refresh() {
        let Some(path) = window().location().pathname().ok() else {
            return;
        };
        let (Some(html), Some(current)) = (
            fetch(&path).await,
            document()
                .query_selector(&format!("[{ROOT}]"))
                .ok()
                .flatten(),
        ) else {
            return;
        };
        let Some(fresh) = part(&html, ROOT) else {
            return;
        };
        // The navigation's count of new notifications, as the fresh page has it.
        if let (Some(count), Some(link)) = (
            part(&html, NOTICES),
            document()
                .query_selector(&format!("[{NOTICES}]"))
                .ok()
                .flatten(),
        ) {
            link.set_text_content(count.text_content().as_deref());
            let _ = link.set_attribute("class", &count.get_attribute("class").unwrap_or_default());
        }
        // Parts that live in the browser (the map, the phone sharing its position) stay as
        // they are, each where the fresh page has its place (the same id); where the fresh
        // page has none, they go.
        let kept: Vec<web_sys::Element> = current
            .query_selector_all("[data-live-keep]")
            .map(|list| {
                (0..list.length())
                    .filter_map(|i| list.item(i))
                    .filter_map(|node| node.dyn_into().ok())
                    .collect()
            })
            .unwrap_or_default();
        current.set_inner_html(&fresh.inner_html());
        for part in kept {
            let slot = document().get_element_by_id(&part.id());
            if let Some(slot) = slot.filter(|slot| !part.id().is_empty() && slot != &part) {
                let _ = slot.replace_with_with_node_1(&part);
            }
        }
        if let Ok(event) = web_sys::Event::new(crate::islands::live_map::REFRESHED) {
            let _ = window().dispatch_event(&event);
        }
        let status = current
            .query_selector(&format!("[{STATUS}]"))
            .ok()
            .flatten()
            .and_then(|el| el.text_content());
        if let (Some(status), Some(region)) =
            (status, document().get_element_by_id("visit-live-status"))
        {
            region.set_text_content(Some(&status));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::visit_of;
    use doorstep::dto::LiveEvent;
    use doorstep::ids::VisitRef;

    #[test]
    fn the_visit_is_read_from_the_events_own_json() {
        let event = LiveEvent {
            seq: 7,
            at: 1_700_000_000,
            kind: "en_route".into(),
            visit: Some(VisitRef::from_id(42)),
            account: None,
        };
        let data = serde_json::to_string(&event).expect("json");
        assert_eq!(visit_of(&data), Some(42));
        let none = LiveEvent {
            visit: None,
            ..event
        };
        assert_eq!(visit_of(&serde_json::to_string(&none).expect("json")), None);
    }
}
