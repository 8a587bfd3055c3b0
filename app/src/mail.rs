//! Mail texts: every message is rendered from the Fluent files in the recipient's language,
//! as plain text and as HTML carrying the business's name and colours. Arguments are the
//! message's own (strings); the business's name is always available as `$business`.

use crate::i18n::{Arg, tr};
use doorstep::brand::Business;
use doorstep::locale::Locale;
use doorstep::services::mail::MailTemplate;
use std::collections::BTreeMap;

/// A message ready to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedMail {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Renders `template` in `locale` for `business`.
pub fn render(
    template: MailTemplate,
    locale: Locale,
    args: &BTreeMap<String, String>,
    business: &Business,
) -> RenderedMail {
    let mut fluent_args: Vec<(&str, Arg)> = args
        .iter()
        .map(|(k, v)| (k.as_str(), Arg::Str(v.clone())))
        .collect();
    fluent_args.push(("business", Arg::Str(business.name.clone())));
    let key = |part: &str| format!("mail-{}-{part}", template.as_str());
    let subject = tr(locale, &key("subject"), &fluent_args);
    let paragraphs: Vec<String> = tr(locale, &key("body"), &fluent_args)
        .split("\n\n")
        .map(|p| bare_link(p).unwrap_or(p.trim()).to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let footer = tr(locale, "mail-footer", &fluent_args);
    let text = format!("{}\n\n-- \n{footer}\n", paragraphs.join("\n\n"));
    let html = html_page(locale, business, &subject, &paragraphs, &footer);
    RenderedMail {
        subject,
        text,
        html,
    }
}

fn html_page(
    locale: Locale,
    business: &Business,
    subject: &str,
    paragraphs: &[String],
    footer: &str,
) -> String {
    let body: String = paragraphs
        .iter()
        .map(|p| match bare_link(p) {
            Some(link) => format!(
                "<p style=\"margin:0 0 16px\"><a href=\"{0}\" style=\"color:{1};font-weight:600\">{0}</a></p>",
                escape(link),
                business.primary,
            ),
            None => format!("<p style=\"margin:0 0 16px\">{}</p>", escape(p)),
        })
        .collect();
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\"><title>{title}</title></head>\
         <body style=\"margin:0;background:#f4f4f5;font-family:system-ui,sans-serif;color:#18181b\">\
         <div style=\"max-width:560px;margin:0 auto;background:#ffffff\">\
         <div style=\"background:{brand};color:{on_brand};padding:16px 24px;font-size:20px;font-weight:600\">{name}</div>\
         <div style=\"padding:24px;font-size:16px;line-height:1.5\">{body}</div>\
         <div style=\"border-top:4px solid {accent};padding:16px 24px;font-size:13px;color:#52525b\">{footer}</div>\
         </div></body></html>",
        lang = locale.code(),
        title = escape(subject),
        brand = business.primary,
        on_brand = business.primary.readable_text(),
        accent = business.accent,
        name = escape(&business.name),
        footer = escape(footer),
    )
}

/// A paragraph that is only a web address (a link to open), without the isolation marks
/// Fluent puts around it: mail programs must see the address alone to make it clickable.
fn bare_link(paragraph: &str) -> Option<&str> {
    let p = paragraph.trim().trim_matches(['\u{2068}', '\u{2069}']);
    let web = p.starts_with("https://") || p.starts_with("http://");
    (web && !p.chars().any(|c| c.is_whitespace() || c == '"' || c == '<')).then_some(p)
}

/// Text as HTML, safe in element content and quoted attributes.
fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    html_escape::encode_safe(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_in_the_recipients_language_with_the_brand_and_escapes() {
        let business = Business {
            name: "Tom & <Jerry>".into(),
            ..Business::default()
        };
        let en = render(
            MailTemplate::SettingsCheck,
            Locale::En,
            &BTreeMap::new(),
            &business,
        );
        let de = render(
            MailTemplate::SettingsCheck,
            Locale::De,
            &BTreeMap::new(),
            &business,
        );
        assert_ne!(en.subject, de.subject);
        assert!(en.subject.contains("Tom & <Jerry>"), "{}", en.subject);
        assert!(en.html.contains("Tom &amp; &lt;Jerry&gt;"), "{}", en.html);
        assert!(!en.html.contains("<Jerry>"));
        assert!(en.html.contains(&business.primary.to_string()));
        assert!(de.html.contains("lang=\"de\""));
        assert!(en.text.contains("Tom & <Jerry>"));
        assert!(!en.text.contains("mail-"), "every key found: {}", en.text);
        assert!(!de.text.contains("mail-"), "every key found: {}", de.text);
    }

    #[test]
    fn every_template_exists_in_every_language_with_its_paragraphs() {
        let args: BTreeMap<String, String> = [
            ("service", "Standard clean"),
            ("date", "24.11.2026"),
            ("from", "10:00"),
            ("to", "11:00"),
            ("technician", "Tomás"),
            ("name", "Ana"),
            ("reference", "DS-000042"),
            ("visit", "DS-000042"),
            ("reason", "Moving house"),
            ("place", "Home"),
            ("hours", "8"),
            ("message", "Is it gas or electric?"),
            ("link", "https://portal.example.com/verify?token=abc"),
            ("inviter", "Ana Example"),
            ("account", "Example Properties"),
            ("count", "50"),
            ("minutes", "10"),
            ("person", "Dana Dispatch"),
            ("ip", "198.51.100.20"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        for template in MailTemplate::ALL {
            for locale in [Locale::En, Locale::Es, Locale::Fr, Locale::De] {
                let mail = render(template, locale, &args, &Business::default());
                assert!(
                    !mail.subject.starts_with("mail-"),
                    "{template:?} {locale:?}"
                );
                assert!(
                    !mail.text.contains("mail-"),
                    "{template:?} {locale:?}: {}",
                    mail.text
                );
                assert!(!mail.text.contains("{ $"), "{template:?} {locale:?}");
            }
        }
        let booked = render(
            MailTemplate::VisitBooked,
            Locale::De,
            &args,
            &Business::default(),
        );
        assert!(
            booked.text.contains("Tomás")
                && booked.text.contains("10:00")
                && booked.text.contains("DS-000042"),
            "{}",
            booked.text
        );
        assert_eq!(booked.html.matches("<p ").count(), 3, "{}", booked.html);
    }
}
