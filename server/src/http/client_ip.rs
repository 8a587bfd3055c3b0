//! The client's IP address, decided once per request: the socket's peer, or, only when that
//! peer is a configured trusted proxy, the nearest address in `X-Forwarded-For` that is not
//! one of our proxies. Every limiter and audit entry uses this one answer.

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

/// The client address of a request, in its extensions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

/// An address or a network (`10.0.0.0/8`, `fd00::/8`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IpNet {
    addr: IpAddr,
    prefix: u8,
}

impl IpNet {
    pub fn parse(raw: &str) -> Option<Self> {
        let (addr, prefix) = match raw.split_once('/') {
            Some((addr, prefix)) => (addr.parse::<IpAddr>().ok()?, Some(prefix.parse().ok()?)),
            None => (raw.parse::<IpAddr>().ok()?, None),
        };
        let bits = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = prefix.unwrap_or(bits);
        (prefix <= bits).then_some(Self { addr, prefix })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        match (self.addr, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

impl fmt::Display for IpNet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

/// The proxies whose `X-Forwarded-For` is believed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(pub Vec<IpNet>);

impl TrustedProxies {
    /// A list separated by commas or spaces; `None` names the first entry that is neither
    /// an address nor a network.
    pub fn parse(raw: &str) -> Result<Self, String> {
        raw.split([',', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| IpNet::parse(s).ok_or_else(|| s.to_string()))
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(ip))
    }

    /// The client behind `peer`, given the request's `X-Forwarded-For` values in order.
    pub fn client(&self, peer: IpAddr, forwarded_for: &[&str]) -> IpAddr {
        let peer = peer.to_canonical();
        if !self.trusts(peer) {
            return peer;
        }
        // Right to left: each proxy appends the address it received from. The first one
        // that is not ours is the client; anything unreadable ends the walk.
        let hops = forwarded_for
            .iter()
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .rev();
        let mut client = peer;
        for hop in hops {
            let Ok(ip) = hop.parse::<IpAddr>() else {
                break;
            };
            client = ip.to_canonical();
            if !self.trusts(client) {
                break;
            }
        }
        client
    }
}

pub async fn resolve(
    State(proxies): State<Arc<TrustedProxies>>,
    mut req: Request,
    next: Next,
) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0.ip());
    let forwarded: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    let client = proxies.client(peer, &forwarded);
    req.extensions_mut().insert(ClientIp(client));
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("ip")
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let none = TrustedProxies::default();
        assert_eq!(
            none.client(ip("198.51.100.7"), &["1.2.3.4"]),
            ip("198.51.100.7")
        );

        let proxies = TrustedProxies::parse("10.0.0.0/8, 127.0.0.1").expect("parse");
        assert_eq!(proxies.client(ip("127.0.0.1"), &["1.2.3.4"]), ip("1.2.3.4"));
        // A client cannot choose its address by sending its own header first.
        assert_eq!(
            proxies.client(ip("10.1.2.3"), &["6.6.6.6, 1.2.3.4, 10.9.9.9"]),
            ip("1.2.3.4")
        );
        assert_eq!(
            proxies.client(ip("10.1.2.3"), &["6.6.6.6", "1.2.3.4"]),
            ip("1.2.3.4")
        );
        assert_eq!(proxies.client(ip("10.1.2.3"), &["junk"]), ip("10.1.2.3"));
        assert_eq!(proxies.client(ip("10.1.2.3"), &[]), ip("10.1.2.3"));
        assert_eq!(
            proxies.client(ip("::ffff:127.0.0.1"), &["2001:db8::1"]),
            ip("2001:db8::1")
        );
    }

    #[test]
    fn networks_parse_and_match() {
        assert!(IpNet::parse("10.0.0.0/33").is_none());
        assert!(IpNet::parse("nonsense").is_none());
        let net = IpNet::parse("192.168.0.0/16").expect("net");
        assert!(net.contains(ip("192.168.4.5")));
        assert!(!net.contains(ip("192.169.0.1")));
        assert!(
            IpNet::parse("0.0.0.0/0")
                .expect("all")
                .contains(ip("8.8.8.8"))
        );
        assert!(
            IpNet::parse("fd00::/8")
                .expect("v6")
                .contains(ip("fd12::1"))
        );
        assert_eq!(TrustedProxies::parse("1.2.3.4 x"), Err("x".to_string()));
        assert_eq!(
            TrustedProxies::parse("").expect("empty"),
            TrustedProxies::default()
        );
    }
}
