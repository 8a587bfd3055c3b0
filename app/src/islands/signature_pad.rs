//! The customer signs on the technician's screen. The server renders a hidden canvas and a
//! hidden field; once hydrated, the island shows the canvas, draws what a finger, pen or
//! mouse traces on it, and keeps the drawing (a PNG `data:` URL) in the field the form
//! sends. Without JavaScript the canvas stays hidden and the typed name beside it is the
//! signature.

use leptos::prelude::*;

/// The canvas, its field and its "clear" button; texts as attributes, not props.
#[component]
pub fn SignatureField(label: String, clear: String) -> impl IntoView {
    view! {
        <SignaturePad>
            <canvas class="signature-pad" width=WIDTH height=HEIGHT role="img" aria-label=label hidden=true></canvas>
            <input type="hidden" name="signature" value="" />
            <button type="button" class="button" data-clear="" hidden=true>{clear}</button>
        </SignaturePad>
    }
}

#[island]
pub fn SignaturePad(children: Children) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    crate::islands::page_parts::when_mounted(node, pad::start);
    // Kept as it is across the visit page's live refreshes: it holds the drawing.
    view! { <div id="signature" class="signature" data-live-keep="" node_ref=node>{children()}</div> }
}

/// The canvas's own size in pixels (it is drawn scaled to the screen).
const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 200.0;

/// Drawing, through JavaScript's own canvas API called by name: typed bindings for the
/// canvas and pointer events would grow the bundle every visitor downloads.
#[cfg(feature = "hydrate")]
mod pad {
    use super::{HEIGHT, WIDTH};
    use js_sys::{Function, Reflect};
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{Element, HtmlInputElement};

    fn get(target: &JsValue, name: &str) -> JsValue {
        Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }

    fn set(target: &JsValue, name: &str, value: JsValue) {
        let _ = Reflect::set(target, &JsValue::from_str(name), &value);
    }

    /// `target.name(args…)`.
    fn call(target: &JsValue, name: &str, args: &[JsValue]) -> JsValue {
        let Ok(method) = get(target, name).dyn_into::<Function>() else {
            return JsValue::UNDEFINED;
        };
        let list: js_sys::Array = args.iter().collect();
        method.apply(target, &list).unwrap_or(JsValue::UNDEFINED)
    }

    fn n(v: f64) -> JsValue {
        JsValue::from_f64(v)
    }

    fn blank(ctx: &JsValue) {
        set(ctx, "fillStyle", JsValue::from_str("#ffffff"));
        call(ctx, "fillRect", &[n(0.0), n(0.0), n(WIDTH), n(HEIGHT)]);
    }

    /// Where the pointer is, in the canvas's own pixels.
    fn at(canvas: &Element, e: &JsValue) -> (f64, f64) {
        let x = get(e, "offsetX").as_f64().unwrap_or_default();
        let y = get(e, "offsetY").as_f64().unwrap_or_default();
        let w = f64::from(canvas.client_width().max(1));
        let h = f64::from(canvas.client_height().max(1));
        (x * WIDTH / w, y * HEIGHT / h)
    }

    fn on(target: &Element, event: &str, handler: impl FnMut(JsValue) + 'static) {
        let closure = Closure::<dyn FnMut(JsValue)>::new(handler);
        let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        // Lives as long as the page: the canvas is never removed while it is open.
        closure.forget();
    }

    pub fn start(root: &Element) {
        let find = |selector: &str| root.query_selector(selector).ok().flatten();
        let (Some(canvas), Some(field), Some(clear)) = (
            find("canvas"),
            find("input[name=signature]").and_then(|f| f.dyn_into::<HtmlInputElement>().ok()),
            find("[data-clear]"),
        ) else {
            return;
        };
        let ctx = call(&canvas, "getContext", &[JsValue::from_str("2d")]);
        if ctx.is_null() || ctx.is_undefined() || canvas.has_attribute("data-ready") {
            return;
        }
        let _ = canvas.set_attribute("data-ready", "");
        let _ = canvas.remove_attribute("hidden");
        let _ = clear.remove_attribute("hidden");
        blank(&ctx);
        set(&ctx, "lineWidth", n(3.0));
        set(&ctx, "lineCap", JsValue::from_str("round"));
        set(&ctx, "strokeStyle", JsValue::from_str("#111111"));
        let drawing = Rc::new(Cell::new(false));
        {
            let (c, ctx, drawing) = (canvas.clone(), ctx.clone(), drawing.clone());
            on(&canvas, "pointerdown", move |e| {
                call(&e, "preventDefault", &[]);
                call(&c, "setPointerCapture", &[get(&e, "pointerId")]);
                let (x, y) = at(&c, &e);
                call(&ctx, "beginPath", &[]);
                call(&ctx, "moveTo", &[n(x), n(y)]);
                drawing.set(true);
            });
        }
        {
            let (c, ctx, drawing) = (canvas.clone(), ctx.clone(), drawing.clone());
            on(&canvas, "pointermove", move |e| {
                if drawing.get() {
                    let (x, y) = at(&c, &e);
                    call(&ctx, "lineTo", &[n(x), n(y)]);
                    call(&ctx, "stroke", &[]);
                }
            });
        }
        for event in ["pointerup", "pointercancel"] {
            let (c, field, drawing) = (canvas.clone(), field.clone(), drawing.clone());
            on(&canvas, event, move |_| {
                if drawing.replace(false)
                    && let Some(url) = call(&c, "toDataURL", &[]).as_string()
                {
                    field.set_value(&url);
                }
            });
        }
        on(&clear, "click", move |_| {
            blank(&ctx);
            field.set_value("");
        });
    }
}
