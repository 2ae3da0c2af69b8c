//! Sealed files in the browser: the domain's envelope (`homeward.sealed`, its parsing, bounds
//! and JSON) around the bytes that [`crypto`](super::crypto) seals and opens with WebCrypto.

use homeward_plan::interchange::sealed::{self, Envelope, NONCE_LEN, PBKDF2_ITERATIONS, SALT_LEN};
pub use homeward_plan::interchange::sealed::{SealedError, sealed_file_name};

use super::crypto::{self, CryptoError};

/// What a file turned out to be.
#[derive(Debug)]
pub enum Recognised {
    /// Not a sealed file: the plan importer reads it (and explains what it is not).
    Plain,
    /// A sealed file whose envelope is sound: ask for its passphrase.
    Sealed(Envelope),
    /// A sealed file whose envelope the domain refuses.
    Broken(SealedError),
}

/// Tells a sealed file from a plain one, and reads its envelope.
pub fn recognise(text: &str) -> Recognised {
    if !sealed::looks_sealed(text) {
        return Recognised::Plain;
    }
    match sealed::parse(text) {
        Ok(envelope) => Recognised::Sealed(envelope),
        Err(error) => Recognised::Broken(error),
    }
}

/// Seals the exact bytes of `plain` under `passphrase` (PBKDF2 at the format's iteration count,
/// random salt and nonce) and gives the envelope's JSON.
pub async fn seal_text(passphrase: &str, plain: &str) -> Result<String, CryptoError> {
    let sealed = crypto::seal(passphrase, PBKDF2_ITERATIONS, plain.as_bytes()).await?;
    let salt: [u8; SALT_LEN] = sealed.salt.try_into().map_err(|_| CryptoError::Failed)?;
    let nonce: [u8; NONCE_LEN] = sealed.nonce.try_into().map_err(|_| CryptoError::Failed)?;
    Ok(Envelope { iterations: PBKDF2_ITERATIONS, salt, nonce, data: sealed.data }.to_json())
}

/// Opens an envelope: the text that was sealed. Sealed text that is not UTF-8 cannot be a
/// plan; it is refused like a wrong passphrase would be, with nothing changed.
pub async fn open_text(passphrase: &str, envelope: &Envelope) -> Result<String, CryptoError> {
    let bytes = crypto::open(
        passphrase,
        envelope.iterations,
        &envelope.salt,
        &envelope.nonce,
        &envelope.data,
    )
    .await?;
    String::from_utf8(bytes).map_err(|_| CryptoError::Failed)
}
