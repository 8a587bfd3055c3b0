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
    crate::islands::page_parts::when_mounted(node, |div| draw::start(div.clone()));
    view! { <div class="live-map" node_ref=node hidden=""></div> }
}

#[cfg(feature = "hydrate")]
mod draw {
    use super::REFRESHED;
    use crate::islands::leaflet::{leaflet_loaded, number, open_map, pin};
    use leptos::prelude::*;
    use leptos_leaflet::leaflet::{LatLng, LatLngBounds, Map, Marker};
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::Element;

    type Point = (f64, f64);

    /// What is drawn now.
    #[derive(Default)]
    struct Drawn {
        map: Option<Map>,
        technician: Option<Marker>,
        loading: bool,
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
        let Some((map, frame_el)) = open_map(div, ".live-map-frame", "live-map", here, 14.0) else {
            return;
        };
        let text = |name: &str| frame_el.get_attribute(name).unwrap_or_default();
        if let Some(place) = place {
            pin("map-pin-place", 18.0, &text("data-place"), place, false).add_to(&map);
        }
        let technician = pin(
            "map-pin-technician",
            22.0,
            &text("data-technician"),
            here,
            false,
        );
        technician.add_to(&map);
        frame(&map, here, place);
        let mut d = drawn.borrow_mut();
        d.map = Some(map);
        d.technician = Some(technician);
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
}
