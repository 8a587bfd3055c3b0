//! Use cases. Each public function is one thing a person does, owns its transaction, and
//! returns its own error type; server functions and the CLI only translate those errors.

pub mod accounts;
pub mod auth;
pub mod availability;
pub mod board;
pub mod booking;
pub mod catalogue;
pub mod changes;
pub mod clock;
pub mod completion;
pub mod demo;
pub mod events;
pub mod feeds;
pub mod files;
pub mod forecast;
pub mod geocode;
pub mod job_steps;
pub mod links;
pub mod locations;
pub mod mail;
pub mod notifications;
pub mod offers;
pub mod passwords;
pub mod people;
pub mod plan_edits;
pub mod plan_views;
pub mod plans;
pub mod positions;
pub mod problems;
pub mod reminders;
pub mod requests;
pub mod rules;
pub mod sign_up;
pub mod tasks;
pub mod technicians;
pub mod visits;
