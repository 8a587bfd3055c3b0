//! The `doorstep` server: configuration, start-up, the HTTP stack and the command line.

pub mod assets;
pub mod cli;
pub mod config;
pub mod http;
pub mod mail;
pub mod startup;
pub mod telemetry;
