//! Password rules and hashing. Hashes are argon2id in PHC string form (salt
//! and parameters inside), computed off the async runtime because they are
//! deliberately slow.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};

use crate::error::{Error, Result};

pub const MIN_PASSWORD_CHARS: usize = 8;
const MAX_PASSWORD_CHARS: usize = 1024;

pub(crate) fn check_password_rules(password: &str) -> Result<()> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(Error::PasswordTooShort { min: MIN_PASSWORD_CHARS });
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(Error::InvalidInput {
            field: "password",
            reason: format!("must be at most {MAX_PASSWORD_CHARS} characters"),
        });
    }
    Ok(())
}

/// Checks the rules, then hashes with argon2id (default, OWASP-recommended parameters).
pub(crate) async fn hash_password(password: &str) -> Result<String> {
    check_password_rules(password)?;
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .expect("argon2 hashing with default parameters cannot fail")
    })
    .await
    .map_err(|_| Error::InvalidInput { field: "password", reason: "could not be hashed".into() })
}

/// True when `password` matches the stored PHC hash.
pub(crate) async fn password_matches(password: &str, stored_hash: &str) -> bool {
    let password = password.to_owned();
    let stored_hash = stored_hash.to_owned();
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored_hash)
            .map(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_salted_and_verify() {
        let first = hash_password("correct horse").await.unwrap();
        let second = hash_password("correct horse").await.unwrap();
        assert!(first.starts_with("$argon2id$"), "{first}");
        assert_ne!(first, second, "each hash has its own salt");
        assert!(password_matches("correct horse", &first).await);
        assert!(!password_matches("correct hors", &first).await);
        assert!(!password_matches("correct horse", "not a hash").await);
    }

    #[tokio::test]
    async fn empty_and_short_passwords_are_refused() {
        for short in ["", "1234567", "ąęłśćżź"] {
            let error = hash_password(short).await.unwrap_err();
            assert_eq!(error.code(), "password_too_short", "{short:?}");
        }
        // Length is counted in characters, not bytes.
        assert!(check_password_rules("ąęłśćżźń").is_ok());
    }
}
