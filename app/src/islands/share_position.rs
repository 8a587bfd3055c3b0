//! The technician's phone shares where it is while the job is on the way. Once hydrated,
//! it watches the browser's position (Geolocation) and posts it to `share-position` at most
//! every few seconds; it stops by itself when the server says the position was at the place
//! (the arrival is recorded: the page is loaded again to show the next step), when the job
//! is no longer on the way, at the end of the shift (`until`), or when the page closes.
//! Without JavaScript nothing is shared, and the page says so.

use leptos::prelude::*;

/// What the technician is told, in their language.
#[derive(Clone, Debug, PartialEq)]
pub struct SharingTexts {
    /// Before the browser starts (and all a browser without JavaScript shows).
    pub idle: String,
    pub sharing: String,
    pub arrived: String,
    pub stopped: String,
    /// No position: refused, or the device has none.
    pub unavailable: String,
}

/// The least time between two positions sent, in milliseconds.
pub const EVERY_MS: f64 = 5_000.0;

/// The status line and the island that shares; the texts travel as data attributes of the
/// server-rendered line, not as props the bundle would decode.
#[component]
pub fn Sharing(visit: String, until: i64, texts: SharingTexts) -> impl IntoView {
    view! {
        <SharePosition visit until>
            <p
                class="sharing"
                role="status"
                data-sharing=""
                data-on=texts.sharing
                data-arrived=texts.arrived
                data-stopped=texts.stopped
                data-unavailable=texts.unavailable
            >
                {texts.idle}
            </p>
        </SharePosition>
    }
}

#[island]
pub fn SharePosition(visit: String, until: i64, children: Children) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    // Kept as it is across the visit page's live refreshes: it is the one sharing.
    let id = format!("sharing-{visit}");
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let line = node
            .get()
            .and_then(|div| div.query_selector("[data-sharing]").ok().flatten());
        if let Some(line) = line {
            watch::start(visit.clone(), until, line);
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = until;
    view! { <div id=id data-live-keep="" node_ref=node>{children()}</div> }
}

#[cfg(feature = "hydrate")]
mod watch {
    use super::EVERY_MS;
    use crate::islands::page_parts::post_form;
    use leptos::prelude::*;
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use std::time::Duration;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{Geolocation, PositionOptions};

    /// `object.a.b` as a number (the position's types are not in web-sys's stable set).
    fn number(object: &JsValue, path: &[&str]) -> Option<f64> {
        let mut value = object.clone();
        for name in path {
            value = js_sys::Reflect::get(&value, &JsValue::from_str(name)).ok()?;
        }
        value.as_f64()
    }

    /// A number as JavaScript writes it (Rust's float formatting would double the bundle's
    /// share of number code).
    fn text(n: f64) -> String {
        js_sys::Number::from(n)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default()
    }

    /// `GeolocationPositionError.PERMISSION_DENIED`.
    const PERMISSION_DENIED: f64 = 1.0;

    /// One phone sharing for one job: the newest position waits while one is on its way
    /// or the last left less than `EVERY_MS` ago, and goes as soon as it may (so the last
    /// position before the phone stands still is sent too).
    struct Sharer {
        visit: String,
        until: i64,
        /// The status line; its data attributes hold the texts.
        line: web_sys::Element,
        geolocation: Geolocation,
        watch_id: Cell<Option<i32>>,
        stopped: Cell<bool>,
        newest: RefCell<Option<(f64, f64, Option<f64>)>>,
        last_sent: Cell<f64>,
        busy: Cell<bool>,
        waiting: Cell<bool>,
    }

    impl Sharer {
        /// Shows the text kept in the line's attribute `data-{which}`.
        fn say(&self, which: &str) {
            if let Some(text) = self.line.get_attribute(&format!("data-{which}")) {
                self.line.set_text_content(Some(&text));
            }
        }

        fn stop(&self, which: &str) {
            self.stopped.set(true);
            if let Some(id) = self.watch_id.take() {
                self.geolocation.clear_watch(id);
            }
            self.say(which);
        }

        fn pump(self: &Rc<Self>) {
            if self.stopped.get() || self.busy.get() || self.newest.borrow().is_none() {
                return;
            }
            let now = js_sys::Date::now();
            if now / 1000.0 > self.until as f64 {
                self.stop("stopped");
                return;
            }
            let wait = EVERY_MS - (now - self.last_sent.get());
            if wait > 0.0 {
                if !self.waiting.replace(true) {
                    let again = self.clone();
                    set_timeout(
                        move || {
                            again.waiting.set(false);
                            again.pump();
                        },
                        Duration::from_millis(wait as u64),
                    );
                }
                return;
            }
            let Some((lat, lng, accuracy)) = self.newest.take() else {
                return;
            };
            self.busy.set(true);
            self.last_sent.set(now);
            let fields = [
                ("visit", self.visit.clone()),
                ("latitude", text(lat)),
                ("longitude", text(lng)),
                ("accuracy", accuracy.map(text).unwrap_or_default()),
            ];
            let this = self.clone();
            leptos::task::spawn_local(async move {
                let answer = post_form("/api/share-position", &fields).await;
                this.busy.set(false);
                match answer {
                    Some((200, body)) if body.contains("\"keep_sharing\":false") => {
                        this.stop("arrived");
                        // The next step (start the work) is on the page as it is now.
                        let _ = window().location().reload();
                    }
                    Some((200, _)) => this.say("on"),
                    // Not on the way any more, not this technician's, signed out.
                    Some((401 | 403 | 404 | 409, _)) => this.stop("stopped"),
                    // A dropped connection or a busy server: the next position retries.
                    _ => {}
                }
                this.pump();
            });
        }
    }

    pub fn start(visit: String, until: i64, line: web_sys::Element) {
        let Ok(geolocation) = window().navigator().geolocation() else {
            if let Some(text) = line.get_attribute("data-unavailable") {
                line.set_text_content(Some(&text));
            }
            return;
        };
        let sharer = Rc::new(Sharer {
            visit,
            until,
            line,
            geolocation,
            watch_id: Cell::new(None),
            stopped: Cell::new(false),
            newest: RefCell::new(None),
            last_sent: Cell::new(f64::NEG_INFINITY),
            busy: Cell::new(false),
            waiting: Cell::new(false),
        });
        let on_position = {
            let sharer = sharer.clone();
            Closure::<dyn FnMut(JsValue)>::new(move |p: JsValue| {
                let (Some(lat), Some(lng)) = (
                    number(&p, &["coords", "latitude"]),
                    number(&p, &["coords", "longitude"]),
                ) else {
                    return;
                };
                let accuracy = number(&p, &["coords", "accuracy"]);
                sharer.newest.replace(Some((lat, lng, accuracy)));
                sharer.pump();
            })
        };
        let on_error = {
            let sharer = sharer.clone();
            Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
                // Refused for good; a timeout or a moment without a fix is retried.
                if number(&e, &["code"]) == Some(PERMISSION_DENIED) {
                    sharer.stop("unavailable");
                } else {
                    sharer.say("unavailable");
                }
            })
        };
        let options = PositionOptions::new();
        options.set_enable_high_accuracy(true);
        options.set_maximum_age(EVERY_MS as u32);
        if let Ok(id) = sharer
            .geolocation
            .watch_position_with_error_callback_and_options(
                on_position.as_ref().unchecked_ref(),
                Some(on_error.as_ref().unchecked_ref()),
                &options,
            )
        {
            sharer.watch_id.set(Some(id));
        }
        // The callbacks live as long as the page does; closing it ends the watch.
        on_position.forget();
        on_error.forget();
    }
}
