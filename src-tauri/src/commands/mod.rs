//! Tauri commands, one file per area. Each unpacks its arguments, takes the
//! actor from the session and calls the core; nothing more.

pub mod app;
pub mod attachments;
pub mod business;
pub mod customers;
pub mod demo;
pub mod invoices;
pub mod mail;
pub mod orders;
pub mod printing;
pub mod products;
pub mod rates;
pub mod reports;
pub mod session;
pub mod staff;
