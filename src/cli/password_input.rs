//! Reading a new password: a hidden prompt (typed twice) at a terminal, or
//! the first line of standard input when scripted.

use std::io::{BufRead, IsTerminal};

use kontor::{Error, Result};

pub fn read_new_password() -> Result<String> {
    if std::io::stdin().is_terminal() {
        let first = prompt("New password: ")?;
        let second = prompt("Repeat the password: ")?;
        if first != second {
            return Err(Error::InvalidInput { field: "password", reason: "the two entries differ".into() });
        }
        return Ok(first);
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).map_err(unreadable)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

fn prompt(text: &str) -> Result<String> {
    rpassword::prompt_password(text).map_err(unreadable)
}

fn unreadable(error: std::io::Error) -> Error {
    Error::InvalidInput { field: "password", reason: format!("could not be read ({error})") }
}
