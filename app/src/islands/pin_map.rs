//! The location form's map: a click places the pin, a drag moves it, and either writes the
//! position into the form's latitude and longitude fields; a position typed into them moves
//! the pin. The fields stay the form (and all a browser without JavaScript, or a keyboard,
//! needs); the map only helps fill them. The server renders the frame with its texts, its
//! tile server and where to look first as data attributes; Leaflet is loaded from our own
//! origin once the island wakes.

use leptos::prelude::*;

/// The map's texts, tiles and first view, written by the server onto the frame.
#[derive(Clone, Debug, PartialEq)]
pub struct PinSetup {
    /// The tile server (`…/{z}/{x}/{y}.png`); empty: no background.
    pub tiles: String,
    pub attribution: String,
    /// The map's name for screen readers.
    pub label: String,
    /// The pin's name.
    pub pin: String,
    /// What the map lets a person do, shown once it is drawn.
    pub hint: String,
    /// Where to look while the place has no position (the account's other places, or the
    /// business's area).
    pub centre: Option<(f64, f64)>,
}

/// The frame the island draws in, inside the form's position fieldset.
#[component]
pub fn PinFrame(setup: PinSetup) -> impl IntoView {
    let (lat, lng) = setup
        .centre
        .map(|(lat, lng)| (lat.to_string(), lng.to_string()))
        .unzip();
    view! {
        <div
            class="pin-map-frame"
            data-tiles=setup.tiles
            data-attribution=setup.attribution
            data-label=setup.label
            data-pin=setup.pin
            data-centre-lat=lat
            data-centre-lng=lng
        >
            <p class="hint" data-map-hint="" hidden="">{setup.hint}</p>
            <PinMap />
        </div>
    }
}

#[island]
pub fn PinMap() -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    crate::islands::page_parts::when_mounted(node, |div| {
        leptos::task::spawn_local(place::start(div.clone()));
    });
    view! { <div class="live-map pin-map" node_ref=node hidden=""></div> }
}

#[cfg(feature = "hydrate")]
mod place {
    use crate::islands::leaflet::{leaflet_loaded, number, open_map, pin};
    use leptos::prelude::*;
    use leptos_leaflet::leaflet::{DragEvents, LatLng, Map, Marker, MouseEvent};
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{Element, HtmlInputElement};

    type Point = (f64, f64);

    /// The form's two fields.
    #[derive(Clone)]
    struct Fields {
        lat: HtmlInputElement,
        lng: HtmlInputElement,
    }

    impl Fields {
        fn find() -> Option<Self> {
            let input = |id: &str| {
                document()
                    .get_element_by_id(id)
                    .and_then(|el| el.dyn_into::<HtmlInputElement>().ok())
            };
            Some(Self {
                lat: input("field-latitude")?,
                lng: input("field-longitude")?,
            })
        }

        /// The position typed, when both fields hold one (a comma as the decimal mark too).
        fn typed(&self) -> Option<Point> {
            let read = |input: &HtmlInputElement| {
                let n = js_sys::parse_float(&input.value().replace(',', "."));
                n.is_finite().then_some(n)
            };
            let (lat, lng) = (read(&self.lat)?, read(&self.lng)?);
            ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lng)).then_some((lat, lng))
        }

        /// Six decimals: about ten centimetres, by JavaScript's formatter.
        fn write(&self, at: Point) {
            for (input, value) in [(&self.lat, at.0), (&self.lng, at.1)] {
                if let Ok(text) = js_sys::Number::from(value).to_fixed(6) {
                    input.set_value(&String::from(text));
                }
            }
        }
    }

    /// The map and its one pin, once placed.
    struct Placing {
        map: Map,
        pin: RefCell<Option<Marker>>,
        title: String,
        fields: Fields,
    }

    impl Placing {
        /// Puts the pin at `at`, making it on first use; `write`: into the fields too.
        fn put(self: &Rc<Self>, at: Point, write: bool) {
            let ll = LatLng::new(at.0, at.1);
            if let Some(pin) = self.pin.borrow().as_ref() {
                pin.set_lat_lng(&ll);
            } else {
                let made = pin("map-pin-place", 22.0, &self.title, at, true);
                made.add_to(&self.map);
                let this = self.clone();
                made.on_drag_end(Box::new(move |_| {
                    if let Some(pin) = this.pin.borrow().as_ref() {
                        let ll = pin.get_lat_lng();
                        this.fields.write((ll.lat(), ll.lng()));
                    }
                }));
                *self.pin.borrow_mut() = Some(made);
            }
            if write {
                self.fields.write(at);
            }
        }
    }

    pub async fn start(div: Element) {
        let Some(fields) = Fields::find() else {
            return;
        };
        if !leaflet_loaded().await {
            return;
        }
        let Some(frame) = div.closest(".pin-map-frame").ok().flatten() else {
            return;
        };
        let typed = fields.typed();
        let known = (|| {
            Some((
                number(&frame, "data-centre-lat")?,
                number(&frame, "data-centre-lng")?,
            ))
        })();
        let (centre, zoom) = match (typed, known) {
            (Some(at), _) => (at, 16.0),
            (None, Some(at)) => (at, 12.0),
            (None, None) => ((48.0, 10.0), 4.0),
        };
        let Some((map, frame)) = open_map(&div, ".pin-map-frame", "pin-map", centre, zoom) else {
            return;
        };
        if let Some(hint) = frame.query_selector("[data-map-hint]").ok().flatten() {
            let _ = hint.remove_attribute("hidden");
        }
        let placing = Rc::new(Placing {
            map: map.clone(),
            pin: RefCell::new(None),
            title: frame.get_attribute("data-pin").unwrap_or_default(),
            fields: fields.clone(),
        });
        if let Some(at) = typed {
            placing.put(at, false);
        }
        let on_click = placing.clone();
        map.on_mouse_click(Box::new(move |e: MouseEvent| {
            let ll = e.lat_lng();
            on_click.put((ll.lat(), ll.lng()), true);
        }));
        // A position typed moves the pin there.
        let on_change = Closure::<dyn FnMut()>::new(move || {
            if let Some(at) = placing.fields.typed() {
                placing.put(at, false);
                placing.map.pan_to(&LatLng::new(at.0, at.1));
            }
        });
        for input in [&fields.lat, &fields.lng] {
            let _ = input
                .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        }
        // Lives as long as the page does.
        on_change.forget();
    }
}
