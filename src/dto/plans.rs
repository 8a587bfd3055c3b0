//! Recurring plans as their pages show them: the rule, the preferred time, and what became
//! of each day ahead.

use crate::dto::{VisitStatus, WindowOffer};
use crate::ids::{PlanRef, VisitRef};
use crate::recurrence::Frequency;
use serde::{Deserialize, Serialize};

/// A plan in a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanSummary {
    pub plan: PlanRef,
    /// In the reader's language (the business's default where it has none).
    pub service: String,
    pub location_label: String,
    /// The customer account's name: shown to the office, which sees every account's plans.
    pub account_name: String,
    pub frequency: Frequency,
    /// The first possible day and the last (inclusive), `2026-12-08`.
    pub starts: String,
    pub ends: Option<String>,
    /// The preferred window's start, minutes after local midnight, and its width.
    pub window_start_min: u16,
    pub window_min: u16,
    /// The first day back after a pause, while paused.
    pub paused_until: Option<String>,
    /// Still running (a plan that ended books nothing more).
    pub active: bool,
    /// The next visit booked for it.
    pub next: Option<WindowOffer>,
    /// Days ahead the preferred window did not fit: the office arranges them.
    pub misfits: u32,
}

/// What became of one day of a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanDayState {
    /// A visit is booked for it.
    Booked,
    /// The customer skipped it.
    Skipped,
    /// The preferred window was not free: the office is arranging it.
    Misfit,
    /// Not booked yet: it is booked when it comes into the booking horizon.
    Later,
    /// Its visit was cancelled (by the office, or before the plan was paused).
    Cancelled,
}

impl PlanDayState {
    /// The Fluent message id of the state's name.
    pub fn message_key(self) -> &'static str {
        match self {
            Self::Booked => "plan-day-booked",
            Self::Skipped => "plan-day-skipped",
            Self::Misfit => "plan-day-misfit",
            Self::Later => "plan-day-later",
            Self::Cancelled => "plan-day-cancelled",
        }
    }
}

/// A day of a plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanDay {
    /// `2026-12-08`, in the business's calendar.
    pub day: String,
    pub state: PlanDayState,
    pub visit: Option<VisitRef>,
    pub status: Option<VisitStatus>,
    pub window: Option<WindowOffer>,
    /// Whether the reader may skip it now (its visit may still be cancelled online).
    pub may_skip: bool,
}

/// A plan's page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanDetail {
    pub summary: PlanSummary,
    pub notes: Option<String>,
    /// The days ahead, in order: those decided, then the next few to come.
    pub days: Vec<PlanDay>,
    /// Whether the reader may change the plan (its account's bookers, and the office).
    pub may_change: bool,
}
