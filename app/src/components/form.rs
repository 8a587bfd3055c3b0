//! Form parts every edit screen shares: a labelled field with its hint and its error, wired
//! for screen readers (`aria-describedby`, `aria-invalid`).

use leptos::either::Either;
use leptos::prelude::*;

/// A text input or text area bound to `fields[name]` (or to `name`, when `flat`).
#[component]
pub fn TextField(
    name: String,
    label: String,
    value: String,
    error: Option<String>,
    #[prop(optional)] area: bool,
    #[prop(optional)] required: bool,
    #[prop(optional)] hint: String,
    /// The browser's autofill hint (`address-line1`, `postal-code`…).
    #[prop(optional)]
    autocomplete: &'static str,
    /// The phone keyboard to show (`decimal` for coordinates).
    #[prop(optional)]
    inputmode: &'static str,
    /// Posted as `name` itself, for a server function that takes each field as an argument,
    /// rather than as `fields[name]`.
    #[prop(optional)]
    flat: bool,
    /// The input's type when not `text` (`date`, `time`).
    #[prop(optional)]
    input_type: &'static str,
    /// The element id when the page holds the same field more than once (`field-{name}`
    /// otherwise).
    #[prop(optional)]
    id: String,
) -> impl IntoView {
    let input_type = if input_type.is_empty() {
        "text"
    } else {
        input_type
    };
    let autocomplete = (!autocomplete.is_empty()).then_some(autocomplete);
    let inputmode = (!inputmode.is_empty()).then_some(inputmode);
    let hint = (!hint.is_empty()).then_some(hint);
    let id = if id.is_empty() {
        format!("field-{name}")
    } else {
        id
    };
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = [
        hint.as_ref().map(|_| hint_id.clone()),
        error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let input_name = if flat {
        name.clone()
    } else {
        format!("fields[{name}]")
    };
    let invalid = error.is_some().then_some("true");
    let control = if area {
        Either::Left(view! {
            <textarea id=id.clone() name=input_name rows="3" aria-describedby=described
                aria-invalid=invalid required=required>{value}</textarea>
        })
    } else {
        Either::Right(view! {
            <input type=input_type id=id.clone() name=input_name value=value required=required
                aria-describedby=described aria-invalid=invalid autocomplete=autocomplete
                inputmode=inputmode />
        })
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {control}
            {error.map(|m| view! { <p class="field-error" id=error_id>{m}</p> })}
        </div>
    }
}
