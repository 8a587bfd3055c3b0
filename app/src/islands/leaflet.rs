//! What the maps share: Leaflet loaded from our own origin (only when a map is drawn), pins
//! styled by our CSS, and numbers read by JavaScript's parser. Browser-only.

use leptos::prelude::*;
use leptos_leaflet::leaflet::{
    self, DivIconOptions, Icon, LatLng, Map, MapOptions, Marker, MarkerOptions, TileLayer,
    TileLayerOptions,
};
use wasm_bindgen::JsValue;
use web_sys::Element;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `L.divIcon`: the binding's own `DivIcon` constructs a plain `L.Icon`, which needs an
    /// image.
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    fn div_icon(options: &DivIconOptions) -> Icon;
}

/// An attribute as a number, by JavaScript's parser (Rust's float code would grow the
/// bundle every visitor downloads).
pub fn number(el: &Element, name: &str) -> Option<f64> {
    el.get_attribute(name)
        .map(|v| js_sys::parse_float(&v))
        .filter(|n| n.is_finite())
}

/// A pin styled by our CSS (no images), named for screen readers and hover; `draggable`
/// for the one a person places.
pub fn pin(class: &str, size: f64, title: &str, at: (f64, f64), draggable: bool) -> Marker {
    let icon = DivIconOptions::new();
    icon.set_class_name(format!("map-pin {class}"));
    icon.set_icon_size(leaflet::Point::new(size, size));
    icon.set_icon_anchor(leaflet::Point::new(size / 2.0, size / 2.0));
    let options = MarkerOptions::new();
    options.set_icon(div_icon(&icon));
    options.set_title(title.to_string());
    options.set_alt(title.to_string());
    options.set_keyboard(false);
    options.set_draggable(draggable);
    Marker::new_with_options(&LatLng::new(at.0, at.1), &options)
}

/// Draws a map in `div` (given the element id `id`), centred on `centre`: named for screen
/// readers by the `data-label` of its frame (the ancestor matching `frame`), with the tiles
/// of the frame's `data-tiles` and `data-attribution`. Returns the map and the frame.
pub fn open_map(
    div: &Element,
    frame: &str,
    id: &str,
    centre: (f64, f64),
    zoom: f64,
) -> Option<(Map, Element)> {
    let frame_el = div.closest(frame).ok().flatten()?;
    let text = |name: &str| frame_el.get_attribute(name).unwrap_or_default();
    let _ = div.remove_attribute("hidden");
    // Named only once there is a map: the words beside it say the same.
    let _ = div.set_attribute("role", "region");
    let _ = div.set_attribute("aria-label", &text("data-label"));
    div.set_id(id);
    let options = MapOptions::new();
    options.set_zoom(zoom);
    options.set_scroll_wheel_zoom(false);
    options.set_center(LatLng::new(centre.0, centre.1));
    let map = Map::new(id, &options).ok()?;
    let tiles = text("data-tiles");
    if !tiles.is_empty() {
        let t = TileLayerOptions::default();
        t.set_attribution(text("data-attribution"));
        TileLayer::new_options(&tiles, &t).add_to(&map);
    }
    Some((map, frame_el))
}

/// Loads Leaflet's script and styles from our origin; true when `L` is there.
pub async fn leaflet_loaded() -> bool {
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
