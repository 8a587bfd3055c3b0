//! The language of a page: saved preference, cookie, Accept-Language, business default.

use crate::helpers::{location, spawn_app, unescape};

fn html_tags(html: &str) -> Vec<&str> {
    html.match_indices("<html")
        .map(|(i, _)| &html[i..i + html[i..].find('>').unwrap_or(0)])
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn english_by_default_with_exactly_one_lang_attribute() {
    let app = spawn_app().await;
    let html = app.get_html("/").await;
    let tags = html_tags(&html);
    assert_eq!(tags, vec!["<html lang=\"en\""], "one <html>, one lang");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accept_language_picks_the_first_visit_language() {
    let app = spawn_app().await;
    let res = app
        .client
        .get(app.url("/sign-in"))
        .header(reqwest::header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9,en;q=0.5")
        .send()
        .await
        .expect("GET");
    let html = unescape(&res.text().await.expect("body"));
    assert_eq!(html_tags(&html), vec!["<html lang=\"de\""]);
    assert!(html.contains("Anmelden") && html.contains("E-Mail-Adresse"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_switch_sets_a_cookie_that_wins_over_the_browser() {
    let app = spawn_app().await;
    let res = app
        .post_form("/api/set-locale", "/sign-in", &[("locale", "fr")])
        .await;
    assert_eq!(res.status(), 302);
    let back = location(&res);
    assert!(
        back.trim_end_matches('?').ends_with("/sign-in"),
        "back where the switch was used: {back}"
    );
    let res = app
        .client
        .get(app.url("/sign-in"))
        .header(reqwest::header::ACCEPT_LANGUAGE, "de")
        .send()
        .await
        .expect("GET");
    let html = unescape(&res.text().await.expect("body"));
    assert_eq!(html_tags(&html), vec!["<html lang=\"fr\""]);
    assert!(html.contains("Se connecter"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signed_in_persons_choice_follows_them_to_another_device() {
    let app = spawn_app().await;
    app.sign_in("yusuf@example.com").await;
    let res = app
        .post_form("/api/set-locale", "/", &[("locale", "es")])
        .await;
    assert_eq!(res.status(), 302);
    let other = app.other_browser();
    other.sign_in("yusuf@example.com").await;
    let html = unescape(&other.get_html("/").await);
    assert_eq!(html_tags(&html), vec!["<html lang=\"es\""]);
    assert!(html.contains("Su perfil"), "Spanish technician profile");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_language_is_refused_with_a_translated_message() {
    let app = spawn_app().await;
    let res = app.call("/api/set-locale", &[("locale", "tlh")]).await;
    assert_eq!(res.status(), 400);
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["error"], "invalid_field");
    assert_eq!(body["field"], "locale");
    let res = app
        .post_form("/api/set-locale", "/", &[("locale", "tlh")])
        .await;
    assert_eq!(res.status(), 302);
    let back = crate::helpers::location_path(&res, &app.base);
    let html = unescape(&app.get_html(&back).await);
    assert_eq!(
        html_tags(&html),
        vec!["<html lang=\"en\""],
        "nothing changed"
    );
    assert!(
        html.contains("Choose one of the offered languages."),
        "{html}"
    );
}
