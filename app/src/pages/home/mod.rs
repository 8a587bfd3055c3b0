//! `/`: the landing page for visitors, each role's own home once signed in.

mod customer;
mod landing;
mod staff;

use crate::request;
use leptos::either::EitherOf3;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    match request::current().user {
        None => EitherOf3::A(view! { <landing::Landing /> }),
        Some(user) if user.role.is_staff() => {
            crate::pages::enrol_first(&user);
            EitherOf3::B(view! { <staff::StaffHomePage user /> })
        }
        Some(user) => EitherOf3::C(view! { <customer::CustomerHomePage user /> }),
    }
}
