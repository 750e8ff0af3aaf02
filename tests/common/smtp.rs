//! A small real SMTP server for the mail tests: speaks enough ESMTP for
//! lettre (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, QUIT), refuses recipients at
//! `nobody@…` for good, and keeps what it received.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

#[derive(Debug, Clone, Default)]
pub struct Received {
    /// The AUTH PLAIN credentials, decoded: (user, password).
    pub login: Option<(String, String)>,
    pub recipients: Vec<String>,
    /// The message as sent after DATA (headers and body).
    pub data: String,
}

pub type Inbox = Arc<Mutex<Vec<Received>>>;

/// Serves SMTP on `listener` until the test ends.
pub fn serve(listener: TcpListener) -> Inbox {
    let inbox: Inbox = Arc::default();
    let store = inbox.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let store = store.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                let mut current = Received::default();
                write.write_all(b"220 kontor-test ESMTP\r\n").await.unwrap();
                while let Ok(Some(line)) = lines.next_line().await {
                    let upper = line.to_ascii_uppercase();
                    let reply: &[u8] = if upper.starts_with("EHLO") {
                        b"250-kontor-test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n"
                    } else if let Some(encoded) = line.strip_prefix("AUTH PLAIN ") {
                        let decoded = String::from_utf8(base64_decode(encoded)).unwrap();
                        let mut parts = decoded.split('\0').skip(1);
                        current.login = Some((parts.next().unwrap().into(), parts.next().unwrap().into()));
                        b"235 2.7.0 accepted\r\n"
                    } else if upper.starts_with("MAIL FROM") {
                        b"250 2.1.0 ok\r\n"
                    } else if upper.starts_with("RCPT TO") {
                        if line.contains("<nobody@") {
                            b"550 5.1.1 no such mailbox\r\n"
                        } else {
                            current.recipients.push(line[8..].trim().trim_matches(['<', '>']).to_string());
                            b"250 2.1.5 ok\r\n"
                        }
                    } else if upper == "DATA" {
                        write.write_all(b"354 go ahead\r\n").await.unwrap();
                        while let Ok(Some(data_line)) = lines.next_line().await {
                            if data_line == "." {
                                break;
                            }
                            current.data.push_str(&data_line);
                            current.data.push('\n');
                        }
                        store.lock().unwrap().push(std::mem::take(&mut current));
                        b"250 2.0.0 queued\r\n"
                    } else if upper == "QUIT" {
                        write.write_all(b"221 bye\r\n").await.unwrap();
                        break;
                    } else {
                        b"250 ok\r\n"
                    };
                    if write.write_all(reply).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    inbox
}

pub fn base64_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0);
    for byte in text.bytes().filter(|byte| ALPHABET.contains(byte)) {
        buffer = (buffer << 6) | ALPHABET.iter().position(|&c| c == byte).unwrap() as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    out
}

/// The base64 body of the MIME part whose headers name `filename`, decoded.
pub fn attachment_bytes(data: &str, filename: &str) -> Option<Vec<u8>> {
    let start = data.find(&format!("filename=\"{filename}\""))?;
    let rest = &data[start..];
    let body_start = rest.find("\n\n")? + 2;
    let body = &rest[body_start..];
    let end = body.find("\n--").unwrap_or(body.len());
    Some(base64_decode(&body[..end]))
}
