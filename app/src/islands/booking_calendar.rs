//! The booking calendar, enhanced. The server renders the month and the day's windows as
//! plain links and a form, and that is all a browser without wasm needs. Once hydrated,
//! this island switches days and months in place: it fetches the page the link names (the
//! same server rendering, so what it shows is what a reload would), swaps in the calendar
//! part, keeps the address in step, gives focus back to the link used, and fetches the next
//! month ahead. No dates, texts or data types travel to the browser: that keeps the bundle
//! small (a version rendering the calendar in wasm from a server function doubled it).

use leptos::prelude::*;

/// The attribute marking the part of the page that is swapped.
pub const ROOT: &str = "data-calendar";

#[island]
pub fn LiveCalendar(children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        let cache = StoredValue::new_local(live::Cache::default());
        Effect::new(move |_| live::prefetch_next(cache));
        view! {
            <div data-calendar="" on:click=move |ev| live::on_click(ev, cache)>
                {children()}
            </div>
        }
    }
    #[cfg(not(feature = "hydrate"))]
    view! { <div data-calendar="">{children()}</div> }
}

#[cfg(feature = "hydrate")]
mod live {
    use super::ROOT;
    use crate::islands::page_parts::{fetch, part};
    use leptos::prelude::*;
    use std::collections::HashMap;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement};

    /// Pages fetched ahead (the next month), by address; only what this page has seen.
    pub type Cache = HashMap<String, String>;

    fn root() -> Option<Element> {
        document()
            .query_selector(&format!("[{ROOT}]"))
            .ok()
            .flatten()
    }

    /// A plain left click on one of the calendar's links (days, months, first free day).
    pub fn on_click(ev: leptos::ev::MouseEvent, cache: StoredValue<Cache, LocalStorage>) {
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest("a[href^='/book?']").ok().flatten())
        else {
            return;
        };
        let Some(href) = link.get_attribute("href") else {
            return;
        };
        ev.prevent_default();
        // Where focus goes back to: the same link once redrawn (a day, a month button), or
        // the day's heading when the link leads to a day from elsewhere.
        let focus = match link.id() {
            id if !id.is_empty() => id,
            _ => "day-heading".to_string(),
        };
        if let Some(html) = cache.with_value(|c| c.get(&href).cloned()) {
            swap(&href, &html, &focus);
            prefetch_next(cache);
            return;
        }
        if let Some(root) = root() {
            let _ = root.set_attribute("aria-busy", "true");
        }
        leptos::task::spawn_local(async move {
            match fetch(&href).await {
                Some(html) => {
                    swap(&href, &html, &focus);
                    prefetch_next(cache);
                }
                // Whatever went wrong, the link still works as a link.
                None => {
                    let _ = window().location().assign(&href);
                }
            }
        });
    }

    /// Puts the calendar part of `html` in place of the current one.
    fn swap(href: &str, html: &str, focus: &str) {
        let Some(current) = root() else {
            return;
        };
        let Some(fresh) = part(html, ROOT) else {
            let _ = window().location().assign(href);
            return;
        };
        current.set_inner_html(&fresh.inner_html());
        let _ = current.remove_attribute("aria-busy");
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
        }
        // The control used; a month button that is gone (the end of the horizon) hands
        // focus to the other one; then the day's heading.
        let other = match focus {
            "month-next" => "month-prev",
            "month-prev" => "month-next",
            _ => "day-heading",
        };
        let target = [focus, other, "day-heading"]
            .into_iter()
            .find_map(|id| document().get_element_by_id(id))
            .and_then(|el| el.dyn_into::<HtmlElement>().ok());
        if let Some(el) = target {
            let _ = el.focus();
        }
    }

    /// Fetches the page of the next month, if the calendar links one not fetched yet.
    pub fn prefetch_next(cache: StoredValue<Cache, LocalStorage>) {
        let next = root()
            .and_then(|r| r.query_selector("a[rel='next']").ok().flatten())
            .and_then(|a| a.get_attribute("href"));
        let Some(href) = next.filter(|h| !cache.with_value(|c| c.contains_key(h))) else {
            return;
        };
        leptos::task::spawn_local(async move {
            if let Some(html) = fetch(&href).await {
                cache.update_value(|c| {
                    c.insert(href, html);
                });
            }
        });
    }
}
