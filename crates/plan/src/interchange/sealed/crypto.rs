//! Native sealing and opening (feature `crypto`), with RustCrypto's `pbkdf2`, `sha2` and
//! `aes-gcm`: the same parameters as WebCrypto in the browser, so either opens the other's file.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use sha2::Sha256;

use super::{Envelope, NONCE_LEN, PBKDF2_ITERATIONS, SALT_LEN, SealedError};
use crate::interchange::import::MAX_IMPORT_BYTES;

fn key(passphrase: &str, salt: &[u8; SALT_LEN], iterations: u32) -> Key<Aes256Gcm> {
    let mut key = Key::<Aes256Gcm>::default();
    pbkdf2::pbkdf2_hmac::<Sha256>(passphrase.as_bytes(), salt, iterations, &mut key);
    key
}

/// Seals the bytes of a plan file with a passphrase, using [`PBKDF2_ITERATIONS`]. The salt and
/// nonce must be fresh random bytes for every file (the caller draws them, so this stays pure
/// and testable); reusing a nonce with the same key breaks AES-GCM.
pub fn seal(
    plaintext: &[u8],
    passphrase: &str,
    salt: [u8; SALT_LEN],
    nonce: [u8; NONCE_LEN],
) -> Result<Envelope, SealedError> {
    if plaintext.len() > MAX_IMPORT_BYTES {
        return Err(SealedError::PlaintextTooLarge {
            bytes: plaintext.len(),
            max: MAX_IMPORT_BYTES,
        });
    }
    let cipher = Aes256Gcm::new(&key(passphrase, &salt, PBKDF2_ITERATIONS));
    // Encryption fails only beyond AES-GCM's limit of 64 GiB, far above the check above.
    let data = cipher.encrypt(Nonce::from_slice(&nonce), plaintext).map_err(|_| {
        SealedError::PlaintextTooLarge { bytes: plaintext.len(), max: MAX_IMPORT_BYTES }
    })?;
    Ok(Envelope { iterations: PBKDF2_ITERATIONS, salt, nonce, data })
}

/// Opens a sealed envelope: the exact bytes of the plan file that was sealed. A wrong passphrase
/// and a changed byte give the same [`SealedError::WrongPassphrase`]: they cannot be told apart.
pub fn open(envelope: &Envelope, passphrase: &str) -> Result<Vec<u8>, SealedError> {
    let cipher = Aes256Gcm::new(&key(passphrase, &envelope.salt, envelope.iterations));
    cipher
        .decrypt(Nonce::from_slice(&envelope.nonce), envelope.data.as_slice())
        .map_err(|_| SealedError::WrongPassphrase)
}
