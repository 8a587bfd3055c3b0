//! The map of a job on the way: the technician's position and the place, moving as
//! positions arrive. The server renders the frame with its texts and tile server as data
//! attributes; once hydrated, while the page's whereabouts section
//! (`[data-technician-where]`, the same facts in words) is there, the island loads Leaflet
//! (served from our own origin, only then) and draws the map, and it takes the map away when
//! the section goes (the technician arrived). The visit's live island keeps this frame across
//! its refreshes (`data-live-keep`) and says when it has refreshed.
//!
//! Leaflet is driven directly, without signals: the map is a browser-side object the page
//! refreshes tell to move, and the bundle every visitor downloads stays small.

use leptos::prelude::*;

/// The event the visit's live island sends on `window` after each refresh.
pub const REFRESHED: &str = "doorstep-visit-refreshed";

/// The map's texts and tiles, written by the server onto the frame.
#[derive(Clone, Debug, PartialEq)]
pub struct MapSetup {
    /// The tile server (`…/{z}/{x}/{y}.png`); empty: no background.
    pub tiles: String,
    pub attribution: String,
    /// The map's name for screen readers (the words beside it say the same).
    pub label: String,
    pub technician: String,
    pub place: String,
}

/// The frame the island draws in; `setup` is rendered by the server as data attributes.
#[component]
pub fn MapFrame(setup: MapSetup) -> impl IntoView {
    view! {
        <div
            class="live-map-frame"
            id="live-map-frame"
            data-live-keep=""
            data-tiles=setup.tiles
            data-attribution=setup.attribution
            data-technician=setup.technician
            data-place=setup.place
            data-label=setup.label
        >
            <LiveMap />
        </div>
    }
}

#[island]
pub fn LiveMap() -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(div) = node.get() {
            draw::start(div.into());
        }
    });
    view! { <div class="live-map" node_ref=node hidden=""></div> }
}

#[cfg(feature = "hydrate")]
mod draw {
    use super::REFRESHED;
    use leptos::prelude::*;
    use leptos_leaflet::leaflet::{
        self, DivIconOptions, Icon, LatLng, LatLngBounds, Map, MapOptions, Marker, MarkerOptions,
        TileLayer, TileLayerOptions,
    };
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::Element;

    type Point = (f64, f64);

    #[wasm_bindgen::prelude::wasm_bindgen]
    extern "C" {
        /// `L.divIcon`: the binding's own `DivIcon` constructs a plain `L.Icon`, which
        /// needs an image.
        #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
        fn div_icon(options: &DivIconOptions) -> Icon;
    }

    /// What is drawn now.
    #[derive(Default)]
    struct Drawn {
        map: Option<Map>,
        technician: Option<Marker>,
        loading: bool,
    }

    /// An attribute as a number, by JavaScript's parser (Rust's float code would grow the
    /// bundle every visitor downloads).
    fn number(el: &Element, name: &str) -> Option<f64> {
        el.get_attribute(name)
            .map(|v| js_sys::parse_float(&v))
            .filter(|n| n.is_finite())
    }

    fn point(el: &Element, lat: &str, lng: &str) -> Option<Point> {
        Some((number(el, lat)?, number(el, lng)?))
    }

    /// The technician's position and the place, as the page shows them now.
    fn whereabouts() -> Option<(Point, Option<Point>)> {
        let section = document()
            .query_selector("[data-technician-where]")
            .ok()
            .flatten()?;
        let here = point(&section, "data-lat", "data-lng")?;
        Some((here, point(&section, "data-dest-lat", "data-dest-lng")))
    }

    pub fn start(div: Element) {
        let drawn = Rc::new(RefCell::new(Drawn::default()));
        let update = {
            let (drawn, div) = (drawn.clone(), div.clone());
            move || update(&div, &drawn)
        };
        update();
        let on_refresh = Closure::<dyn FnMut()>::new(update);
        let _ = window()
            .add_event_listener_with_callback(REFRESHED, on_refresh.as_ref().unchecked_ref());
        // Lives as long as the page does.
        on_refresh.forget();
    }

    fn update(div: &Element, drawn: &Rc<RefCell<Drawn>>) {
        let Some((here, place)) = whereabouts() else {
            // Arrived (or nothing shared yet): no map.
            let mut d = drawn.borrow_mut();
            if let Some(map) = d.map.take() {
                map.remove();
            }
            d.technician = None;
            let _ = div.set_attribute("hidden", "");
            return;
        };
        if drawn.borrow().map.is_none() {
            if drawn.borrow().loading {
                return;
            }
            drawn.borrow_mut().loading = true;
            let (div, drawn) = (div.clone(), drawn.clone());
            leptos::task::spawn_local(async move {
                let ready = leaflet_loaded().await;
                drawn.borrow_mut().loading = false;
                if ready {
                    create(&div, &drawn, here, place);
                    // The page may have moved on while Leaflet loaded.
                    update(&div, &drawn);
                }
            });
            return;
        }
        let d = drawn.borrow();
        if let (Some(map), Some(pin)) = (&d.map, &d.technician) {
            pin.set_lat_lng(&LatLng::new(here.0, here.1));
            frame(map, here, place);
        }
    }

    fn create(div: &Element, drawn: &Rc<RefCell<Drawn>>, here: Point, place: Option<Point>) {
        let frame_el = div.closest(".live-map-frame").ok().flatten();
        let text = |name: &str| {
            frame_el
                .as_ref()
                .and_then(|f| f.get_attribute(name))
                .unwrap_or_default()
        };
        let _ = div.remove_attribute("hidden");
        // Named only once there is a map: the words beside it say the same.
        let _ = div.set_attribute("role", "region");
        let _ = div.set_attribute("aria-label", &text("data-label"));
        div.set_id("live-map");
        let options = MapOptions::new();
        options.set_zoom(14.0);
        options.set_scroll_wheel_zoom(false);
        options.set_center(LatLng::new(here.0, here.1));
        let Ok(map) = Map::new("live-map", &options) else {
            return;
        };
        let tiles = text("data-tiles");
        if !tiles.is_empty() {
            let t = TileLayerOptions::default();
            t.set_attribution(text("data-attribution"));
            TileLayer::new_options(&tiles, &t).add_to(&map);
        }
        if let Some(place) = place {
            pin("map-pin-place", 18.0, &text("data-place"), place).add_to(&map);
        }
        let technician = pin("map-pin-technician", 22.0, &text("data-technician"), here);
        technician.add_to(&map);
        frame(&map, here, place);
        let mut d = drawn.borrow_mut();
        d.map = Some(map);
        d.technician = Some(technician);
    }

    /// A pin styled by our CSS (no images), named for screen readers and hover.
    fn pin(class: &str, size: f64, title: &str, at: Point) -> Marker {
        let icon = DivIconOptions::new();
        icon.set_class_name(format!("map-pin {class}"));
        icon.set_icon_size(leaflet::Point::new(size, size));
        icon.set_icon_anchor(leaflet::Point::new(size / 2.0, size / 2.0));
        let options = MarkerOptions::new();
        options.set_icon(div_icon(&icon));
        options.set_title(title.to_string());
        options.set_alt(title.to_string());
        options.set_keyboard(false);
        Marker::new_with_options(&LatLng::new(at.0, at.1), &options)
    }

    /// Both points in view.
    fn frame(map: &Map, here: Point, place: Option<Point>) {
        match place {
            Some(b) => {
                let bounds =
                    LatLngBounds::new(&LatLng::new(here.0, here.1), &LatLng::new(b.0, b.1));
                map.fit_bounds(&bounds);
            }
            None => {
                map.set_view(&LatLng::new(here.0, here.1), 15.0);
            }
        }
    }

    /// Loads Leaflet's script and styles from our origin; true when `L` is there.
    async fn leaflet_loaded() -> bool {
        let has_l = || js_sys::Reflect::has(&window(), &JsValue::from_str("L")).unwrap_or(false);
        if has_l() {
            return true;
        }
        let Some(head) = document().head() else {
            return false;
        };
        let (Ok(link), Ok(script)) = (
            document().create_element("link"),
            document().create_element("script"),
        ) else {
            return false;
        };
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", "/vendor/leaflet/leaflet.css");
        let _ = script.set_attribute("src", "/vendor/leaflet/leaflet.js");
        let loaded = |el: &Element| {
            let el = el.clone();
            js_sys::Promise::new(&mut move |resolve, reject| {
                let _ = el.add_event_listener_with_callback("load", &resolve);
                let _ = el.add_event_listener_with_callback("error", &reject);
            })
        };
        let (styles, code) = (loaded(&link), loaded(&script));
        let _ = head.append_child(&link);
        let _ = head.append_child(&script);
        let both = js_sys::Promise::all(&js_sys::Array::of2(&styles, &code));
        wasm_bindgen_futures::JsFuture::from(both).await.is_ok() && has_l()
    }
}
