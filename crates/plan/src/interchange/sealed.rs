//! The sealed envelope: an exported plan file (full or partner) protected by a passphrase, in a
//! form any crypto library can open (see `docs/sealed.md` and `schema/sealed.v1.schema.json`).
//!
//! ```json
//! {
//!   "format": "homeward.sealed",
//!   "version": 1,
//!   "kdf": { "name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": "<base64, 16 bytes>" },
//!   "cipher": { "name": "AES-GCM", "key_bits": 256, "nonce": "<base64, 12 bytes>", "tag_bits": 128 },
//!   "data": "<base64 of the ciphertext followed by the 16-byte tag>"
//! }
//! ```
//!
//! Key = PBKDF2-HMAC-SHA-256(passphrase as UTF-8, salt, iterations, 32 bytes); AES-256-GCM with
//! the nonce and no additional data; the plaintext is the exact bytes of the plan file.
//!
//! This module reads and writes the envelope only. The encryption is done by WebCrypto in the
//! browser and, behind the `crypto` feature, by [`seal`] and [`open`] natively, so the app's
//! wasm carries no cipher.

mod base64;
#[cfg(feature = "crypto")]
mod crypto;

use std::fmt;

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::{Map, Value};

use super::import::MAX_IMPORT_BYTES;
use crate::assessment::escape_pointer;

pub use base64::{DecodeError, decode as base64_decode, encode as base64_encode};
#[cfg(feature = "crypto")]
pub use crypto::{open, seal};

/// The value of the envelope's `format` field.
pub const SEALED_FORMAT: &str = "homeward.sealed";
/// The envelope version this build writes and reads.
pub const SEALED_VERSION: u32 = 1;
/// PBKDF2 iterations written by this build (OWASP's figure for PBKDF2-HMAC-SHA-256).
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// Fewest iterations accepted: a file with fewer is refused rather than opened weakly.
pub const MIN_ITERATIONS: u32 = PBKDF2_ITERATIONS;
/// Most iterations accepted: more would only make opening hang (a damaged or hostile file).
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// Length of the PBKDF2 salt, in bytes.
pub const SALT_LEN: usize = 16;
/// Length of the AES-GCM nonce, in bytes.
pub const NONCE_LEN: usize = 12;
/// Length of the AES-GCM tag at the end of `data`, in bytes.
pub const TAG_LEN: usize = 16;
/// AES key length, in bits.
pub const KEY_BITS: u32 = 256;
/// AES-GCM tag length, in bits.
pub const TAG_BITS: u32 = 128;
/// `kdf.name`.
pub const KDF_NAME: &str = "PBKDF2";
/// `kdf.hash`.
pub const KDF_HASH: &str = "SHA-256";
/// `cipher.name`.
pub const CIPHER_NAME: &str = "AES-GCM";
/// Largest sealed file read: a plan of [`MAX_IMPORT_BYTES`] in base64, with room for the rest.
pub const MAX_SEALED_BYTES: usize = MAX_IMPORT_BYTES / 3 * 4 + 4096;

/// A sealed file with its fields decoded. `data` is the ciphertext followed by the tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    pub iterations: u32,
    pub salt: [u8; SALT_LEN],
    pub nonce: [u8; NONCE_LEN],
    pub data: Vec<u8>,
}

/// Why a sealed file cannot be read or opened. [`SealedError::code`] is stable: the interface
/// translates `sealed_error.<code>`; `Display` is English for logs and the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SealedError {
    /// Larger than [`MAX_SEALED_BYTES`].
    TooLarge { bytes: usize, max: usize },
    /// Not JSON at all.
    NotJson { line: usize, column: usize, detail: String },
    /// JSON, but not a sealed Homeward file (no `"format": "homeward.sealed"`).
    NotSealed { found_format: Option<String> },
    /// Written by a newer version of Homeward than this one reads.
    NewerVersion { found: u64, supported: u32 },
    /// A field is missing, unknown, or of the wrong type or value. `path` is its JSON Pointer.
    InvalidField { path: String, detail: String },
    /// `kdf.iterations` below [`MIN_ITERATIONS`]: too weak to be trusted.
    TooFewIterations { found: u64, min: u32 },
    /// `kdf.iterations` above [`MAX_ITERATIONS`]: opening would hang.
    TooManyIterations { found: u64, max: u32 },
    /// Salt, nonce or data decode to the wrong number of bytes.
    WrongLength { path: String, found: usize, expected: usize },
    /// The tag does not match: a wrong passphrase or a changed byte, which cannot be told apart.
    WrongPassphrase,
    /// The plaintext given to [`seal`] is larger than a plan file may be.
    PlaintextTooLarge { bytes: usize, max: usize },
}

impl SealedError {
    /// Every code, so the interface can check it translates them all.
    pub const CODES: &[&str] = &[
        "too_large",
        "not_json",
        "not_sealed",
        "newer_version",
        "invalid_field",
        "too_few_iterations",
        "too_many_iterations",
        "wrong_length",
        "wrong_passphrase",
        "plaintext_too_large",
    ];

    /// Stable snake_case code of the error.
    pub fn code(&self) -> &'static str {
        match self {
            SealedError::TooLarge { .. } => "too_large",
            SealedError::NotJson { .. } => "not_json",
            SealedError::NotSealed { .. } => "not_sealed",
            SealedError::NewerVersion { .. } => "newer_version",
            SealedError::InvalidField { .. } => "invalid_field",
            SealedError::TooFewIterations { .. } => "too_few_iterations",
            SealedError::TooManyIterations { .. } => "too_many_iterations",
            SealedError::WrongLength { .. } => "wrong_length",
            SealedError::WrongPassphrase => "wrong_passphrase",
            SealedError::PlaintextTooLarge { .. } => "plaintext_too_large",
        }
    }

    /// JSON Pointer of the fault in the envelope (empty for the file as a whole).
    pub fn path(&self) -> &str {
        match self {
            SealedError::InvalidField { path, .. } | SealedError::WrongLength { path, .. } => path,
            SealedError::NewerVersion { .. } => "/version",
            SealedError::NotSealed { found_format: Some(_) } => "/format",
            SealedError::TooFewIterations { .. } | SealedError::TooManyIterations { .. } => {
                "/kdf/iterations"
            }
            _ => "",
        }
    }
}

impl fmt::Display for SealedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SealedError::TooLarge { bytes, max } => {
                write!(f, "sealed file too large: {bytes} bytes (at most {max})")
            }
            SealedError::NotJson { line, column, detail } => {
                write!(f, "not JSON at line {line}, column {column}: {detail}")
            }
            SealedError::NotSealed { found_format: None } => {
                write!(f, "not a sealed Homeward file: no \"format\": \"{SEALED_FORMAT}\"")
            }
            SealedError::NotSealed { found_format: Some(found) } => write!(
                f,
                "not a sealed Homeward file: format is {found:?}, expected {SEALED_FORMAT:?}"
            ),
            SealedError::NewerVersion { found, supported } => write!(
                f,
                "sealed file version {found} is newer than this version of Homeward reads \
                 ({supported})"
            ),
            SealedError::InvalidField { path, detail } => {
                write!(f, "invalid field {path}: {detail}")
            }
            SealedError::TooFewIterations { found, min } => write!(
                f,
                "invalid field /kdf/iterations: {found} iterations is too weak (at least {min})"
            ),
            SealedError::TooManyIterations { found, max } => write!(
                f,
                "invalid field /kdf/iterations: {found} iterations is too many (at most {max})"
            ),
            SealedError::WrongLength { path, found, expected } => {
                write!(f, "invalid field {path}: {found} bytes, expected {expected}")
            }
            SealedError::WrongPassphrase => write!(f, "wrong passphrase or damaged file"),
            SealedError::PlaintextTooLarge { bytes, max } => {
                write!(f, "file too large to seal: {bytes} bytes (at most {max})")
            }
        }
    }
}

impl std::error::Error for SealedError {}

impl Envelope {
    /// The envelope as a pretty-printed JSON document (keys in the documented order), ending
    /// with a newline. The same envelope always gives the same bytes.
    pub fn to_json(&self) -> String {
        // Written by hand rather than through serde so the order and spacing are the format's,
        // whatever the serializer's defaults: every value is a constant, a number or base64.
        format!(
            "{{\n  \"format\": \"{SEALED_FORMAT}\",\n  \"version\": {SEALED_VERSION},\n  \
             \"kdf\": {{\n    \"name\": \"{KDF_NAME}\",\n    \"hash\": \"{KDF_HASH}\",\n    \
             \"iterations\": {},\n    \"salt\": \"{}\"\n  }},\n  \
             \"cipher\": {{\n    \"name\": \"{CIPHER_NAME}\",\n    \"key_bits\": {KEY_BITS},\n    \
             \"nonce\": \"{}\",\n    \"tag_bits\": {TAG_BITS}\n  }},\n  \"data\": \"{}\"\n}}\n",
            self.iterations,
            base64_encode(&self.salt),
            base64_encode(&self.nonce),
            base64_encode(&self.data),
        )
    }
}

/// True when the text is a JSON object whose `format` is `homeward.sealed`, so an importer can
/// route it to the passphrase prompt. Parses without building anything; `false` for anything
/// else (a plan, not JSON, another format), which the plan importer then explains.
pub fn looks_sealed(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Format<'a> {
        #[serde(borrow)]
        format: Option<std::borrow::Cow<'a, str>>,
        #[serde(flatten)]
        _rest: IgnoredAny,
    }
    if text.len() > MAX_SEALED_BYTES {
        // Still route it, so the sealed reader says "too large" rather than "not a plan".
        return text.get(..4096).is_some_and(|head| head.contains("\"homeward.sealed\""));
    }
    serde_json::from_str::<Format>(text).is_ok_and(|f| f.format.as_deref() == Some(SEALED_FORMAT))
}

/// The name of the sealed file for a plan file's name: `plan.json` gives `plan.sealed.json`.
pub fn sealed_file_name(plain_name: &str) -> String {
    match plain_name.strip_suffix(".json") {
        Some(stem) if !stem.is_empty() => format!("{stem}.sealed.json"),
        _ => format!("{plain_name}.sealed.json"),
    }
}

/// Reads an envelope from the text of a sealed file: format, version, every field and its
/// bounds. Unknown fields are refused, as the schema does.
pub fn parse(text: &str) -> Result<Envelope, SealedError> {
    if text.len() > MAX_SEALED_BYTES {
        return Err(SealedError::TooLarge { bytes: text.len(), max: MAX_SEALED_BYTES });
    }
    let doc: Value = serde_json::from_str(text).map_err(|e| SealedError::NotJson {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })?;
    let Value::Object(top) = doc else {
        return Err(SealedError::NotSealed { found_format: None });
    };
    match top.get("format") {
        Some(Value::String(s)) if s == SEALED_FORMAT => {}
        Some(other) => {
            let found = other.as_str().map_or_else(|| other.to_string(), str::to_owned);
            return Err(SealedError::NotSealed { found_format: Some(found) });
        }
        None => return Err(SealedError::NotSealed { found_format: None }),
    }
    let version = whole_number(field(&top, "", "version")?, "/version")?;
    if version > u64::from(SEALED_VERSION) {
        return Err(SealedError::NewerVersion { found: version, supported: SEALED_VERSION });
    }
    if version != u64::from(SEALED_VERSION) {
        return Err(invalid("/version", format!("must be {SEALED_VERSION}")));
    }
    only_keys(&top, "", &["format", "version", "kdf", "cipher", "data"])?;

    let kdf = object(field(&top, "", "kdf")?, "/kdf")?;
    only_keys(kdf, "/kdf", &["name", "hash", "iterations", "salt"])?;
    constant(kdf, "/kdf", "name", KDF_NAME)?;
    constant(kdf, "/kdf", "hash", KDF_HASH)?;
    let iterations = whole_number(field(kdf, "/kdf", "iterations")?, "/kdf/iterations")?;
    if iterations < u64::from(MIN_ITERATIONS) {
        return Err(SealedError::TooFewIterations { found: iterations, min: MIN_ITERATIONS });
    }
    let iterations = u32::try_from(iterations)
        .ok()
        .filter(|&n| n <= MAX_ITERATIONS)
        .ok_or(SealedError::TooManyIterations { found: iterations, max: MAX_ITERATIONS })?;
    let salt = bytes(kdf, "/kdf", "salt")?;

    let cipher = object(field(&top, "", "cipher")?, "/cipher")?;
    only_keys(cipher, "/cipher", &["name", "key_bits", "nonce", "tag_bits"])?;
    constant(cipher, "/cipher", "name", CIPHER_NAME)?;
    constant_number(cipher, "/cipher", "key_bits", KEY_BITS)?;
    constant_number(cipher, "/cipher", "tag_bits", TAG_BITS)?;
    let nonce = bytes(cipher, "/cipher", "nonce")?;

    let data = bytes(&top, "", "data")?;
    if data.len() < TAG_LEN {
        return Err(SealedError::WrongLength {
            path: "/data".into(),
            found: data.len(),
            expected: TAG_LEN,
        });
    }
    Ok(Envelope {
        iterations,
        salt: exact(salt, "/kdf/salt")?,
        nonce: exact(nonce, "/cipher/nonce")?,
        data,
    })
}

fn invalid(path: &str, detail: impl Into<String>) -> SealedError {
    SealedError::InvalidField { path: path.into(), detail: detail.into() }
}

fn field<'a>(obj: &'a Map<String, Value>, at: &str, key: &str) -> Result<&'a Value, SealedError> {
    obj.get(key).ok_or_else(|| invalid(&format!("{at}/{key}"), format!("missing field `{key}`")))
}

fn object<'a>(value: &'a Value, path: &str) -> Result<&'a Map<String, Value>, SealedError> {
    value.as_object().ok_or_else(|| invalid(path, "must be an object"))
}

fn only_keys(obj: &Map<String, Value>, at: &str, known: &[&str]) -> Result<(), SealedError> {
    match obj.keys().find(|k| !known.contains(&k.as_str())) {
        Some(k) => Err(invalid(&format!("{at}/{}", escape_pointer(k)), "unknown field")),
        None => Ok(()),
    }
}

/// A number with no fractional part, as JSON Schema's `integer` (so `1.0` is read as `1`).
fn whole_number(value: &Value, path: &str) -> Result<u64, SealedError> {
    if let Some(n) = value.as_u64() {
        return Ok(n);
    }
    match value.as_f64() {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Some(f) if f.fract() == 0.0 && (0.0..9.0e15).contains(&f) => Ok(f as u64),
        Some(_) => Err(invalid(path, "must be a whole number, not negative")),
        None => Err(invalid(path, "must be a number")),
    }
}

fn constant(obj: &Map<String, Value>, at: &str, key: &str, want: &str) -> Result<(), SealedError> {
    match field(obj, at, key)? {
        Value::String(s) if s == want => Ok(()),
        _ => Err(invalid(&format!("{at}/{key}"), format!("must be \"{want}\""))),
    }
}

fn constant_number(
    obj: &Map<String, Value>,
    at: &str,
    key: &str,
    want: u32,
) -> Result<(), SealedError> {
    let path = format!("{at}/{key}");
    match whole_number(field(obj, at, key)?, &path) {
        Ok(n) if n == u64::from(want) => Ok(()),
        _ => Err(invalid(&path, format!("must be {want}"))),
    }
}

fn bytes(obj: &Map<String, Value>, at: &str, key: &str) -> Result<Vec<u8>, SealedError> {
    let path = format!("{at}/{key}");
    let Value::String(s) = field(obj, at, key)? else {
        return Err(invalid(&path, "must be a base64 string"));
    };
    base64_decode(s).map_err(|e| {
        let why = match e {
            DecodeError::Length => "base64 length is not a multiple of 4".to_string(),
            DecodeError::Character { index } => {
                format!("not base64 (standard alphabet, padded) at character {index}")
            }
            DecodeError::TrailingBits => "base64 with stray bits at the end".to_string(),
        };
        invalid(&path, why)
    })
}

fn exact<const N: usize>(bytes: Vec<u8>, path: &str) -> Result<[u8; N], SealedError> {
    let found = bytes.len();
    bytes.try_into().map_err(|_| SealedError::WrongLength { path: path.into(), found, expected: N })
}
