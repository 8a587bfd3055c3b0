//! The dispatcher's board: a day per technician, what is not assigned, and what a move did.

use crate::dto::{VisitStatus, WindowOffer};
use crate::ids::{PlanRef, UserRef, VisitRef};
use serde::{Deserialize, Serialize};

/// A visit on the board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoardStop {
    pub visit: VisitRef,
    pub status: VisitStatus,
    pub service: String,
    pub customer: String,
    /// The location's label and street, for telling stops apart.
    pub place: String,
    /// When the technician is planned to start and finish.
    pub planned: WindowOffer,
    /// The window promised to the customer.
    pub window: Option<WindowOffer>,
    /// Minutes of travel from the stop before (or from home for the first), when both ends
    /// have a position.
    pub travel_in_min: Option<i64>,
}

/// One technician's day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoardLane {
    pub technician: UserRef,
    pub name: String,
    pub skills: Vec<String>,
    /// Working hours of the day (weekly hours and extra shifts), as instants.
    pub shifts: Vec<WindowOffer>,
    /// Time off and blocked time that touches the day.
    pub blocked: Vec<WindowOffer>,
    pub stops: Vec<BoardStop>,
    /// All travel of the day, home to the last stop.
    pub travel_min: i64,
}

/// A regular visit's day the preferred time did not fit: the office arranges it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FlaggedDay {
    pub plan: PlanRef,
    /// `2026-12-08`.
    pub day: String,
    pub customer: String,
    pub service: String,
    /// The preferred time, minutes after local midnight.
    pub window_start_min: u16,
}

/// The board for one local day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Board {
    /// `2026-12-08`.
    pub day: String,
    pub lanes: Vec<BoardLane>,
    /// Visits of the day with no technician.
    pub unassigned: Vec<BoardStop>,
    /// Regular-visit days to arrange, from today on.
    pub flagged: Vec<FlaggedDay>,
    /// Requests (quotes, call backs) still to answer.
    pub open_requests: Vec<crate::dto::RequestView>,
}

/// Who else could take a visit at the asked time, best first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveAlternative {
    pub technician: UserRef,
    pub name: String,
    pub added_travel_min: i64,
}

/// What a move did, with the engine's reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moved {
    pub visit: VisitRef,
    pub technician: String,
    pub window: WindowOffer,
    /// Travel the visit adds to the technician's day.
    pub added_travel_min: i64,
    /// Idle time left in that gap of the day.
    pub gap_left_min: i64,
}
