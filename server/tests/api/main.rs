//! The integration suite: the real server on a free port, over a fresh database per test.
//! SQLite by default; set DOORSTEP_TEST_POSTGRES to a PostgreSQL URL to run it there.

mod access;
mod audit;
mod auth;
mod availability;
mod board;
mod booking;
mod booking_pages;
mod catalogue;
mod changes;
mod demo;
mod events;
mod feeds;
mod forecast;
mod helpers;
mod home;
mod i18n;
mod job_steps;
mod locations;
mod logs;
mod mail;
mod no_overlap;
mod notifications;
mod pages;
mod people;
mod plan_pages;
mod plans;
mod positions;
mod reminders;
mod requests;
mod rules;
mod sessions;
mod settings;
mod sign_in_limits;
mod tasks;
mod technicians;
