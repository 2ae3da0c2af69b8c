//! `homeward seal` and `homeward open`: the app's sealed envelope, natively.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use homeward_plan::interchange::import_json;
use homeward_plan::interchange::sealed::{self, MAX_SEALED_BYTES, NONCE_LEN, SALT_LEN};

use crate::input::{self, Failure, PASSPHRASE_ENV, Passphrase, read_limited, text};

/// The passphrase for sealing: from the file or the environment, else asked twice at the prompt.
pub fn passphrase_for_sealing(file: Option<PathBuf>) -> Result<String, Failure> {
    let unavailable = |e: std::io::Error| {
        Failure::new(
            "passphrase_unavailable",
            format!(
                "no passphrase given and no terminal to ask ({e}); use --passphrase-file FILE or {PASSPHRASE_ENV}"
            ),
        )
    };
    let interactive = std::io::stdin().is_terminal();
    let pass = if file.is_some() || std::env::var_os(PASSPHRASE_ENV).is_some() || !interactive {
        Passphrase::new(file).get()?.to_owned()
    } else {
        let first = rpassword::prompt_password("Passphrase: ").map_err(unavailable)?;
        let again = rpassword::prompt_password("Passphrase again: ").map_err(unavailable)?;
        if first != again {
            return Err(Failure::new("passphrase_mismatch", "the two passphrases differ"));
        }
        first
    };
    if pass.is_empty() {
        return Err(Failure::new("passphrase_empty", "the passphrase is empty"));
    }
    Ok(pass)
}

/// Seals a plan file: the exact bytes of the file, with a fresh random salt and nonce.
/// Refuses a file that is not a plan Homeward reads (as the app seals only its own exports).
pub fn seal(
    input: &Path,
    output: &Path,
    passphrase: &str,
    today: chrono::NaiveDate,
) -> Result<(), Failure> {
    let bytes = read_limited(input, homeward_plan::interchange::MAX_IMPORT_BYTES)?;
    let plain = text(bytes)?;
    if sealed::looks_sealed(&plain) {
        return Err(Failure::new("already_sealed", "the file is sealed already"));
    }
    import_json(&plain, today, None).map_err(|e| Failure {
        code: e.code().into(),
        path: e.path().into(),
        line: e.line(),
        column: e.column(),
        message: format!("not sealed: {e}"),
    })?;
    let mut salt = [0u8; SALT_LEN];
    let mut nonce = [0u8; NONCE_LEN];
    getrandom::fill(&mut salt)
        .and_then(|()| getrandom::fill(&mut nonce))
        .map_err(|e| Failure::new("no_randomness", format!("no random source: {e}")))?;
    let envelope = sealed::seal(plain.as_bytes(), passphrase, salt, nonce)
        .map_err(|e| Failure::from_sealed(&e))?;
    input::write_atomically(output, envelope.to_json().as_bytes())
        .map_err(|e| Failure::new("unwritable", format!("{}: {e}", output.display())))
}

/// Opens a sealed file and writes the plan file's exact bytes.
pub fn open(input: &Path, output: &Path, passphrase: &Passphrase) -> Result<(), Failure> {
    let raw = text(read_limited(input, MAX_SEALED_BYTES)?)?;
    let plain = input::unseal(&raw, passphrase)?;
    input::write_atomically(output, &plain)
        .map_err(|e| Failure::new("unwritable", format!("{}: {e}", output.display())))
}
