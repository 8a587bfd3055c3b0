//! What server functions share: the store and the business settings, provided as Leptos
//! context by the server for every page render and server-function call.

use crate::throttle::SignInThrottle;
use doorstep::brand::Business;
use doorstep::services::auth::SessionPolicy;
use doorstep::services::files::FileStore;
use doorstep::services::geocode::Geocoder;
use doorstep::services::positions::PositionPolicy;
use doorstep::store::Store;
use doorstep::uploads::UploadLimits;
use std::sync::{Arc, RwLock};

#[derive(Clone, Debug)]
pub struct AppState {
    pub store: Store,
    business: Arc<RwLock<Arc<Business>>>,
    /// Cookies get `Secure` when the public URL is HTTPS.
    pub secure_cookies: bool,
    pub sign_in_throttle: Arc<SignInThrottle>,
    pub session_policy: SessionPolicy,
    /// The portal's public origin (`https://portal.example.com`), for addresses people
    /// copy elsewhere (a calendar feed).
    pub public_origin: Arc<str>,
    /// Finds positions for addresses; `None`: people enter them.
    pub geocoder: Option<Arc<dyn Geocoder>>,
    /// How technicians' positions are taken and kept.
    pub positions: PositionPolicy,
    /// The maps' tile server.
    pub map_tiles: MapTiles,
    /// Where files people send are kept.
    pub files: FileStore,
    /// How many photos of what size people may send.
    pub uploads: UploadLimits,
    /// Minutes a message may wait unread before its reader is mailed; 0: never.
    pub message_mail_minutes: u32,
    /// Whether newcomers may open their own customer account.
    pub sign_up: bool,
    /// Staff single sign-on's provider, if any.
    pub sso: Option<doorstep::services::sso::Provider>,
    /// Who passkeys are for; `None` when the public URL's host is an IP address.
    pub passkeys: Option<Arc<doorstep::services::passkeys::RelyingParty>>,
}

/// The maps' tile server (settings `map_tiles_url`, `map_tiles_attribution`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MapTiles {
    /// `https://…/{z}/{x}/{y}.png`; empty: maps without tiles.
    pub url: String,
    pub attribution: String,
}

impl MapTiles {
    /// `scheme://host[:port]` of the tile server, for the pages' content security policy.
    pub fn origin(&self) -> Option<&str> {
        let (_, rest) = self.url.split_once("://")?;
        let host_len = rest.find('/').unwrap_or(rest.len());
        let end = self.url.len() - rest.len() + host_len;
        (host_len > 0).then(|| &self.url[..end])
    }
}

impl AppState {
    pub fn new(
        store: Store,
        business: Business,
        secure_cookies: bool,
        session_policy: SessionPolicy,
        public_origin: &str,
        files: FileStore,
    ) -> Self {
        Self {
            store,
            business: Arc::new(RwLock::new(Arc::new(business))),
            secure_cookies,
            sign_in_throttle: Arc::new(SignInThrottle::default()),
            session_policy,
            public_origin: public_origin.into(),
            geocoder: None,
            positions: PositionPolicy::default(),
            map_tiles: MapTiles::default(),
            files,
            uploads: UploadLimits::default(),
            message_mail_minutes: 30,
            sign_up: true,
            sso: None,
            passkeys: None,
        }
    }

    /// The current settings; cheap (an `Arc` clone), read by every request.
    pub fn business(&self) -> Arc<Business> {
        match self.business.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Replaces the settings (saved here, or changed elsewhere and read back).
    pub fn set_business(&self, business: Business) {
        let mut guard = match self.business.write() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        *guard = Arc::new(business);
    }
}
