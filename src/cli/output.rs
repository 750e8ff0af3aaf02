//! How the CLI prints: text for people, or exactly one JSON object with
//! `--json`. Refusals go to stderr as `error[<code>]: <message>` (or JSON).

use serde::Serialize;

pub fn print<T: Serialize>(json: bool, value: &T, text: impl FnOnce() -> String) {
    if json {
        println!("{}", serde_json::to_string(value).expect("CLI output serialises"));
    } else {
        println!("{}", text());
    }
}

pub fn print_error(error: &kontor::Error, json: bool) {
    if json {
        let body =
            serde_json::json!({ "code": error.code(), "message": error.to_string(), "details": error.details() });
        eprintln!("{body}");
    } else {
        eprintln!("error[{}]: {error}", error.code());
    }
}
