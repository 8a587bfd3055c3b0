//! Finding where an address is. The portal speaks the Nominatim HTTP API (OpenStreetMap's
//! geocoder, or any server speaking it); the business sets its address, or none. Without a
//! geocoder, or without an answer, the person enters the position themselves.

use crate::locale::Locale;
use crate::places::{Address, Position};
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum GeocodeError {
    /// The geocoder did not answer, or not in its protocol; the person may enter the
    /// position, or try again later.
    #[error("the geocoder is unavailable: {0}")]
    Unavailable(String),
}

/// What finds positions for addresses.
pub trait Geocoder: Send + Sync + std::fmt::Debug {
    /// The position of `address`, or `None` when the geocoder knows no such place.
    fn locate<'a>(
        &'a self,
        address: &'a Address,
        locale: Locale,
    ) -> Pin<Box<dyn Future<Output = Result<Option<Position>, GeocodeError>> + Send + 'a>>;
}

/// A Nominatim server: `GET {base}/search` with a structured query, one result asked.
#[derive(Debug, Clone)]
pub struct Nominatim {
    search_url: String,
    client: reqwest::Client,
}

/// The most a person waits for the geocoder before entering the position themselves.
const TIMEOUT: Duration = Duration::from_secs(5);

impl Nominatim {
    /// `base_url`: the server (`https://nominatim.openstreetmap.org`); `user_agent`
    /// identifies this portal, as Nominatim's usage policy asks.
    pub fn new(base_url: &str, user_agent: &str) -> Result<Self, GeocodeError> {
        let client = reqwest::Client::builder()
            .user_agent(user_agent)
            .connect_timeout(Duration::from_secs(3))
            .timeout(TIMEOUT)
            .build()
            .map_err(|e| GeocodeError::Unavailable(e.to_string()))?;
        Ok(Self {
            search_url: format!("{}/search", base_url.trim_end_matches('/')),
            client,
        })
    }

    async fn search(
        &self,
        address: &Address,
        locale: Locale,
    ) -> Result<Option<Position>, GeocodeError> {
        #[derive(serde::Deserialize)]
        struct Place {
            lat: String,
            lon: String,
        }
        let unavailable = |e: &dyn std::fmt::Display| GeocodeError::Unavailable(e.to_string());
        let country = address.country.to_ascii_lowercase();
        let query = [
            ("street", address.line1.as_str()),
            ("postalcode", address.postal_code.as_str()),
            ("city", address.city.as_str()),
            ("countrycodes", country.as_str()),
            ("format", "jsonv2"),
            ("limit", "1"),
        ];
        let response = self
            .client
            .get(&self.search_url)
            .query(&query)
            .header(reqwest::header::ACCEPT_LANGUAGE, locale.code())
            .send()
            .await
            .map_err(|e| unavailable(&e))?;
        if !response.status().is_success() {
            return Err(GeocodeError::Unavailable(format!(
                "the geocoder answered {}",
                response.status()
            )));
        }
        let places: Vec<Place> = response.json().await.map_err(|e| unavailable(&e))?;
        let Some(place) = places.into_iter().next() else {
            return Ok(None);
        };
        let lat = place
            .lat
            .trim()
            .parse::<f64>()
            .map_err(|e| unavailable(&e))?;
        let lng = place
            .lon
            .trim()
            .parse::<f64>()
            .map_err(|e| unavailable(&e))?;
        Position::new(lat, lng)
            .map(Some)
            .ok_or_else(|| GeocodeError::Unavailable(format!("{lat}, {lng} is not on Earth")))
    }
}

impl Geocoder for Nominatim {
    fn locate<'a>(
        &'a self,
        address: &'a Address,
        locale: Locale,
    ) -> Pin<Box<dyn Future<Output = Result<Option<Position>, GeocodeError>> + Send + 'a>> {
        Box::pin(self.search(address, locale))
    }
}
