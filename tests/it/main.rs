//! scoql's integration tests, one binary: each module drives the real scoql binary (or a
//! real terminal, for the REPL) and reads like a part of the contract in DESIGN.md.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod architecture;
mod bad_input;
mod cli;
mod common;
mod compat;
mod config;
mod dataset;
mod dot;
mod exit_codes;
mod figures;
mod fitting;
mod handoff;
mod output;
mod repl;
mod repl_habits;
mod robustness;
mod saved_queries;
mod security;
mod sqlite3_shell;
