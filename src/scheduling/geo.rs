//! Points on the map and the distance between them.

use super::ScheduleError;
use serde::{Deserialize, Serialize};

/// Mean Earth radius used by the great-circle distance, in kilometres.
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A WGS 84 position. Latitude in [-90, 90], longitude in [-180, 180], both finite.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    lat: f64,
    lng: f64,
}

impl GeoPoint {
    pub fn new(lat: f64, lng: f64) -> Result<Self, ScheduleError> {
        if lat.is_finite()
            && lng.is_finite()
            && (-90.0..=90.0).contains(&lat)
            && (-180.0..=180.0).contains(&lng)
        {
            Ok(Self { lat, lng })
        } else {
            Err(ScheduleError::CoordinatesOutOfRange { lat, lng })
        }
    }

    /// Parses `LAT,LNG` as typed on a command line.
    pub fn parse(raw: &str) -> Result<Self, ScheduleError> {
        let bad = || ScheduleError::MalformedCoordinates(raw.to_string());
        let (lat, lng) = raw.split_once(',').ok_or_else(bad)?;
        let lat: f64 = lat.trim().parse().map_err(|_| bad())?;
        let lng: f64 = lng.trim().parse().map_err(|_| bad())?;
        Self::new(lat, lng)
    }

    pub fn lat(self) -> f64 {
        self.lat
    }

    pub fn lng(self) -> f64 {
        self.lng
    }

    /// Great-circle (haversine) distance in kilometres.
    pub fn distance_km(self, other: GeoPoint) -> f64 {
        let (p1, p2) = (self.lat.to_radians(), other.lat.to_radians());
        let dp = p2 - p1;
        let dl = (other.lng - self.lng).to_radians();
        let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_are_plausible_and_symmetric() {
        let berlin = GeoPoint::new(52.5200, 13.4050).expect("point");
        let potsdam = GeoPoint::new(52.3906, 13.0645).expect("point");
        let d = berlin.distance_km(potsdam);
        assert!((26.0..28.0).contains(&d), "{d}");
        assert_eq!(d, potsdam.distance_km(berlin));
        assert_eq!(berlin.distance_km(berlin), 0.0);
    }

    #[test]
    fn refuses_coordinates_off_the_globe() {
        assert!(GeoPoint::new(91.0, 0.0).is_err());
        assert!(GeoPoint::new(0.0, -180.5).is_err());
        assert!(GeoPoint::new(f64::NAN, 0.0).is_err());
        assert!(GeoPoint::parse("52.5,13.4").is_ok());
        assert!(matches!(
            GeoPoint::parse("52.5;13.4"),
            Err(ScheduleError::MalformedCoordinates(_))
        ));
        assert!(matches!(
            GeoPoint::parse("x,1"),
            Err(ScheduleError::MalformedCoordinates(_))
        ));
    }
}
