//! The integration suite: the real server on a free port, over a fresh database per test.
//! SQLite by default; set DOORSTEP_TEST_POSTGRES to a PostgreSQL URL to run it there.

mod auth;
mod availability;
mod helpers;
mod home;
mod i18n;
mod page_cache;
mod pages;
mod people;
