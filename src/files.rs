//! Writing files safely. Every file claimlint writes (the ledger, a baseline, the review page)
//! is written whole or not at all: a temporary file in the same folder, flushed to disk, then
//! renamed over the target. A symlink is followed (the target is replaced, the link kept), the
//! target's permissions are kept, a read-only target is refused, and on any error the temporary
//! file is removed and the message names the file the user gave.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::error::{Error, Result};

/// Distinguishes the temporary files of one process.
static SEQUENCE: AtomicUsize = AtomicUsize::new(0);

/// The file a write to `path` replaces: the target of a symlink, else `path` itself.
#[must_use]
pub fn resolved(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// A hidden file beside `target` (in its folder): `.NAME{suffix}`. The temporary file of a
/// write and the ledger's lock file are both made so, in the folder of the file they serve.
#[must_use]
pub fn hidden_beside(target: &Path, suffix: &str) -> PathBuf {
    let folder = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    folder.join(format!(".{name}{suffix}"))
}

/// `document` (a path as given, relative to the working directory or absolute) relative to
/// `root` when it lies inside it, both resolved; else as given. Code scanning and GitLab match
/// paths relative to the repository or project.
#[must_use]
pub fn relative_to(document: &str, root: &Path) -> String {
    let path = Path::new(document);
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map_or_else(|_| path.to_path_buf(), |cwd| cwd.join(path))
    };
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let absolute = std::fs::canonicalize(&absolute).unwrap_or(absolute);
    absolute.strip_prefix(&root).map_or_else(
        |_| document.to_owned(),
        |relative| relative.to_string_lossy().into_owned(),
    )
}

/// Writes `bytes` to `path` atomically (see the module's documentation).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let error = |source: std::io::Error| Error::WriteFile {
        path: path.to_path_buf(),
        source,
    };
    let target = resolved(path);
    let existing = std::fs::metadata(&target).ok();
    if let Some(meta) = &existing {
        if !meta.is_file() {
            return Err(error(std::io::Error::other("it is not a regular file")));
        }
        if meta.permissions().readonly() {
            return Err(error(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "the file is read-only; make it writable to let claimlint replace it",
            )));
        }
    }
    let temporary = hidden_beside(
        &target,
        &format!(
            ".tmp-{}-{}",
            std::process::id(),
            SEQUENCE.fetch_add(1, Ordering::Relaxed)
        ),
    );
    let written = (|| -> std::io::Result<()> {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        file.write_all(bytes)?;
        file.flush()?;
        if let Some(meta) = &existing {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        std::fs::rename(&temporary, &target)
    })();
    if let Err(source) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(error(source));
    }
    Ok(())
}

/// Most bytes of a config file or a rule file: they are short, and a device or a mistaken path
/// must not be read until memory runs out.
pub const MAX_SETTINGS_BYTES: u64 = 1024 * 1024;

/// Reads the regular file at `path` (following symlinks), at most `limit` bytes. A pipe, a
/// device or a folder is refused before it is opened (a FIFO would block, `/dev/zero` would never
/// end), and a larger file is an error naming the limit.
pub fn read_regular(path: &Path, limit: u64, what: &'static str) -> Result<Vec<u8>> {
    use std::io::Read as _;
    let error = |source: std::io::Error| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(error)?;
    if meta.is_dir() {
        return Err(error(std::io::Error::other("it is a folder")));
    }
    if !meta.is_file() {
        return Err(error(std::io::Error::other(
            "it is not a regular file (a pipe, a socket or a device); give a file, or `-` for standard input",
        )));
    }
    if meta.len() > limit {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit,
            what,
        });
    }
    // Sized to the file (and one byte to see its end) so that reading it never doubles the
    // buffer: a document's bytes are held once.
    let mut bytes = Vec::with_capacity(
        usize::try_from(meta.len().min(limit))
            .unwrap_or(0)
            .saturating_add(1),
    );
    std::fs::File::open(path)
        .map_err(error)?
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(error)?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit,
            what,
        });
    }
    Ok(bytes)
}

/// `read_regular`, as UTF-8 text.
pub fn read_regular_text(path: &Path, limit: u64, what: &'static str) -> Result<String> {
    let bytes = read_regular(path, limit, what)?;
    String::from_utf8(bytes).map_err(|e| Error::Read {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()),
    })
}

/// What one zip archive may inflate to: a part, all the parts read, and the ratio of a part's
/// inflated to compressed size (zip bombs inflate by thousands).
#[derive(Debug, Clone, Copy)]
pub struct ZipLimits {
    pub part: u64,
    pub total: u64,
    pub ratio: u64,
}

/// Why an entry of a zip archive was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZipEntryError {
    Encrypted,
    /// Too large, or a broken archive: a sentence for the caller's own error.
    Refused(String),
}

/// Reads the entry `name` of `archive` within `limits`, adding its size to `total`; `None` when
/// the archive has no such entry. Refused before it is inflated when its header declares too
/// much, and never read past the part limit whatever the header says.
pub fn zip_entry(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
    total: &mut u64,
    limits: ZipLimits,
) -> std::result::Result<Option<Vec<u8>>, ZipEntryError> {
    use ZipEntryError::Refused;
    use std::io::Read as _;
    let mut file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(error) => return Err(Refused(format!("{name}: {error}"))),
    };
    if file.encrypted() {
        return Err(ZipEntryError::Encrypted);
    }
    let declared = file.size();
    let compressed = file.compressed_size().max(1);
    if declared > limits.part || declared / compressed > limits.ratio || *total + declared > limits.total {
        return Err(Refused(format!(
            "{name} would inflate to {declared} bytes (limits: {} a part, {} in all, ratio {}:1)",
            limits.part, limits.total, limits.ratio
        )));
    }
    let mut bytes = Vec::new();
    (&mut file)
        .take(limits.part + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Refused(format!("{name}: {e}")))?;
    if bytes.len() as u64 > limits.part {
        return Err(Refused(format!("{name} inflates past {} bytes", limits.part)));
    }
    *total += bytes.len() as u64;
    Ok(Some(bytes))
}
