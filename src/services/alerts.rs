//! Alerts to admins, in the app (the office trail) and by mail: a burst of failed sign-ins
//! across the portal, and a staff member signing in from a network none of their earlier
//! actions came from (IPv4 /24, IPv6 /48).

use crate::email::Email;
use crate::services::clock;
use crate::services::mail::{self, Mail, MailTemplate, Recipient};
use crate::store::alerts::{self, NewAlert};
use crate::store::{Conn, Store, StoreError};
use std::collections::BTreeMap;
use std::net::IpAddr;

/// Failed sign-ins within [`BURST_SECS`] that make a burst.
pub const BURST_FAILURES: i64 = 50;
/// The window a burst is counted over.
pub const BURST_SECS: i64 = 10 * 60;
/// After a burst alert, the next one waits this long (one alert per attack, not per try).
pub const BURST_QUIET_SECS: i64 = 3600;
/// How many of a person's latest audit entries tell where they acted from.
const KNOWN_ADDRESSES: i64 = 500;

/// The network an address belongs to, as compared: its /24 (IPv4) or /48 (IPv6).
pub fn network(ip: &str) -> Option<String> {
    match ip.parse::<IpAddr>().ok()? {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            Some(format!("{a}.{b}.{c}.0/24"))
        }
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => network(&v4.to_string()),
            None => {
                let s = v6.segments();
                Some(format!("{:x}:{:x}:{:x}::/48", s[0], s[1], s[2]))
            }
        },
    }
}

/// Mails every active admin about an alert (in their language, English when they chose
/// none).
async fn tell_admins(
    conn: &mut Conn,
    template: MailTemplate,
    args: &[(&str, String)],
) -> Result<(), StoreError> {
    for (_, email, name, locale) in alerts::admins(&mut *conn).await? {
        let to = Recipient::stored(email, name, locale.as_deref());
        let Ok(address) = Email::parse(&to.email) else {
            continue;
        };
        let mut all: BTreeMap<String, String> = args
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        all.insert("name".into(), to.name.clone());
        mail::queue(
            &mut *conn,
            &Mail {
                to: address,
                to_name: Some(&to.name),
                locale: to.locale.unwrap_or_default(),
                template,
                args: all,
            },
        )
        .await?;
    }
    Ok(())
}

/// After a failed sign-in was recorded: raises the burst alert when the failures of the
/// last [`BURST_SECS`] reach [`BURST_FAILURES`] and none was raised in the last hour.
pub async fn after_failed_sign_in(store: &Store) -> Result<bool, StoreError> {
    let now = clock::now();
    let mut conn = store.conn().await?;
    let failures = crate::store::audit::count_since(
        &mut conn,
        &[
            "sign_in_failed",
            "second_step_failed",
            "passkey_sign_in_failed",
        ],
        now - BURST_SECS,
    )
    .await?;
    if failures < BURST_FAILURES {
        return Ok(false);
    }
    drop(conn);
    let mut tx = store.begin().await?;
    // Checked again inside the write, so two failing requests raise it once.
    let raised = alerts::insert_unless_since(
        &mut tx,
        &NewAlert {
            kind: "failed_sign_ins",
            at: now,
            user_id: None,
            client_ip: None,
            count: Some(failures),
        },
        now - BURST_QUIET_SECS,
    )
    .await?;
    if !raised {
        return Ok(false);
    }
    tell_admins(
        &mut tx,
        MailTemplate::FailedSignIns,
        &[
            ("count", failures.to_string()),
            ("minutes", (BURST_SECS / 60).to_string()),
        ],
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// As a staff member's session opens (in its transaction, before it is recorded): raises
/// the new-network alert when they acted before, never from this address's network.
pub async fn on_staff_sign_in(
    tx: &mut Conn,
    user_id: i64,
    actor: &str,
    person: &str,
    client_ip: Option<&str>,
    now: i64,
) -> Result<bool, StoreError> {
    let Some((ip, here)) = client_ip.and_then(|ip| Some((ip, network(ip)?))) else {
        return Ok(false);
    };
    let known = alerts::addresses_of(&mut *tx, actor, KNOWN_ADDRESSES).await?;
    // Someone's very first sign-in has nothing to compare with.
    if known.is_empty() || known.iter().any(|k| network(k).as_deref() == Some(&here)) {
        return Ok(false);
    }
    alerts::insert(
        &mut *tx,
        &NewAlert {
            kind: "new_network",
            at: now,
            user_id: Some(user_id),
            client_ip: Some(ip),
            count: None,
        },
    )
    .await?;
    tell_admins(
        tx,
        MailTemplate::NewNetworkSignIn,
        &[("person", person.to_string()), ("ip", ip.to_string())],
    )
    .await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_compare_by_network() {
        assert_eq!(network("203.0.113.7").as_deref(), Some("203.0.113.0/24"));
        assert_eq!(network("203.0.113.200"), network("203.0.113.7"));
        assert_ne!(network("203.0.114.7"), network("203.0.113.7"));
        assert_eq!(
            network("2001:db8:1:2::1").as_deref(),
            Some("2001:db8:1::/48")
        );
        assert_eq!(network("::ffff:203.0.113.9"), network("203.0.113.1"));
        assert_eq!(network("not an address"), None);
    }
}
