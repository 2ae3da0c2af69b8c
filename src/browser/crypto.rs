//! Sealing and opening bytes with the browser's own WebCrypto (`crypto.subtle`): a key from
//! PBKDF2-HMAC-SHA-256 over the UTF-8 passphrase, then AES-256-GCM with a 128-bit tag and no
//! additional data. Nothing of the cipher is compiled into the app. The envelope around the
//! result (base64, parameters) is the domain's; this module only knows bytes.
//!
//! `crypto.subtle` exists only in a secure context (HTTPS, or `localhost`/`127.0.0.1`): on a
//! plain `http://` page it is missing, and [`CryptoError::Unavailable`] says so.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Length of the PBKDF2 salt, in bytes.
pub const SALT_BYTES: usize = 16;
/// Length of the AES-GCM nonce, in bytes.
pub const NONCE_BYTES: usize = 12;
/// Length of the AES-GCM tag, in bits.
pub const TAG_BITS: u8 = 128;
/// Length of the AES key, in bits.
pub const KEY_BITS: u32 = 256;

/// Why sealing or opening did not work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CryptoError {
    /// The browser offers no `crypto.subtle` here (not a secure context, or too old).
    Unavailable,
    /// The data did not open with this key: a wrong passphrase, or the file was changed.
    /// AES-GCM cannot tell the two apart, and neither can we.
    NotOpened,
    /// Anything else the browser refused.
    Failed,
}

/// What [`seal`] produced: the random salt and nonce, and the ciphertext followed by its tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedBytes {
    pub salt: Vec<u8>,
    pub nonce: Vec<u8>,
    pub data: Vec<u8>,
}

/// Whether this page can seal and open files.
pub fn available() -> bool {
    subtle().is_ok()
}

fn crypto() -> Result<web_sys::Crypto, CryptoError> {
    let window = web_sys::window().ok_or(CryptoError::Unavailable)?;
    let crypto = Reflect::get(&window, &"crypto".into()).map_err(|_| CryptoError::Unavailable)?;
    if crypto.is_undefined() || crypto.is_null() {
        return Err(CryptoError::Unavailable);
    }
    Ok(crypto.unchecked_into())
}

fn subtle() -> Result<web_sys::SubtleCrypto, CryptoError> {
    let crypto = crypto()?;
    // Read by name: on an insecure page the property is missing, and the typed getter would
    // hand back `undefined` as if it were an object.
    let subtle = Reflect::get(&crypto, &"subtle".into()).map_err(|_| CryptoError::Unavailable)?;
    if subtle.is_undefined() || subtle.is_null() {
        return Err(CryptoError::Unavailable);
    }
    Ok(subtle.unchecked_into())
}

/// `n` bytes from `crypto.getRandomValues`.
pub fn random_bytes(n: usize) -> Result<Vec<u8>, CryptoError> {
    let mut bytes = vec![0u8; n];
    crypto()?.get_random_values_with_u8_array(&mut bytes).map_err(|_| CryptoError::Unavailable)?;
    Ok(bytes)
}

async fn settle(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, CryptoError> {
    let promise = promise.map_err(|_| CryptoError::Failed)?;
    JsFuture::from(promise).await.map_err(|_| CryptoError::Failed)
}

/// The AES-GCM key from PBKDF2-HMAC-SHA-256 over the passphrase.
async fn derive_key(
    subtle: &web_sys::SubtleCrypto,
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
    usage: &str,
) -> Result<web_sys::CryptoKey, CryptoError> {
    let secret = Uint8Array::from(passphrase.as_bytes());
    let base = settle(subtle.import_key_with_str(
        "raw",
        &secret,
        "PBKDF2",
        false,
        &Array::of1(&"deriveKey".into()),
    ))
    .await?;
    // Overwrite the passphrase's bytes in the JavaScript heap as soon as they are used.
    secret.fill(0, 0, secret.length());
    let base: web_sys::CryptoKey = base.unchecked_into();
    let params = web_sys::Pbkdf2Params::new_with_str(
        "PBKDF2",
        "SHA-256",
        iterations,
        &Uint8Array::from(salt),
    );
    let target = web_sys::AesDerivedKeyParams::new("AES-GCM", KEY_BITS);
    let key = settle(subtle.derive_key_with_object_and_object(
        &params,
        &base,
        &target,
        false,
        &Array::of1(&usage.into()),
    ))
    .await?;
    Ok(key.unchecked_into())
}

fn gcm_params(nonce: &[u8]) -> web_sys::AesGcmParams {
    let params = web_sys::AesGcmParams::new("AES-GCM", &Uint8Array::from(nonce));
    params.set_tag_length(TAG_BITS);
    params
}

fn bytes_of(buffer: &JsValue) -> Vec<u8> {
    Uint8Array::new(buffer).to_vec()
}

/// Seals `plaintext` under `passphrase` with a fresh random salt and nonce.
pub async fn seal(
    passphrase: &str,
    iterations: u32,
    plaintext: &[u8],
) -> Result<SealedBytes, CryptoError> {
    let subtle = subtle()?;
    let salt = random_bytes(SALT_BYTES)?;
    let nonce = random_bytes(NONCE_BYTES)?;
    let key = derive_key(&subtle, passphrase, &salt, iterations, "encrypt").await?;
    let data = settle(subtle.encrypt_with_object_and_buffer_source(
        &gcm_params(&nonce),
        &key,
        &Uint8Array::from(plaintext),
    ))
    .await?;
    Ok(SealedBytes { salt, nonce, data: bytes_of(&data) })
}

/// Opens `data` (ciphertext followed by the tag). A wrong passphrase or a changed byte gives
/// [`CryptoError::NotOpened`].
pub async fn open(
    passphrase: &str,
    iterations: u32,
    salt: &[u8],
    nonce: &[u8],
    data: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let subtle = subtle()?;
    let key = derive_key(&subtle, passphrase, salt, iterations, "decrypt").await?;
    let promise = subtle
        .decrypt_with_object_and_buffer_source(&gcm_params(nonce), &key, &Uint8Array::from(data))
        .map_err(|_| CryptoError::Failed)?;
    // The browser rejects with an `OperationError` when the tag does not match.
    match JsFuture::from(promise).await {
        Ok(plain) => Ok(bytes_of(&plain)),
        Err(error) => {
            let name = error
                .dyn_ref::<Object>()
                .and_then(|e| Reflect::get(e, &"name".into()).ok())
                .and_then(|n| n.as_string());
            Err(if name.as_deref() == Some("OperationError") {
                CryptoError::NotOpened
            } else {
                CryptoError::Failed
            })
        }
    }
}
