"""Writing one file so that a reader never sees half of it: a temporary file, flushed, renamed over.

A rename within one file system replaces a file as one step: whoever opens the file gets the old
contents or the new, never a mix, whatever happens to the writer (a kill, a power cut once the
data is flushed). The temporary file is made in the same folder, so that the rename never
crosses file systems, and it takes the original's permissions.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import secrets
import sys
from collections.abc import Iterable
from pathlib import Path

# Up to this many files are flushed one by one; more are flushed with one sync of their file
# system, which costs about what a handful of single flushes do (a `mv` writes thousands).
FLUSH_ONE_BY_ONE = 16


def write_atomically(path: Path, content: bytes) -> Path:
    """Replace (or create) ``path`` with ``content`` in one step; its permissions stay."""
    mode = file_mode(path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        write_new_file(temporary, content, mode)
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)
    return path


def write_new_file(path: Path, content: bytes, mode: int | None = None) -> None:
    """Create ``path`` (it must not exist) holding ``content``, not yet flushed to disk. With no
    ``mode`` a new file gets what the user's umask gives, as any program's new file does."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        if mode is not None:
            os.chmod(descriptor if os.chmod in os.supports_fd else path, mode)
        view = memoryview(content)
        while view:
            view = view[os.write(descriptor, view):]
    finally:
        os.close(descriptor)


def file_mode(path: Path) -> int | None:
    """The permission bits of ``path``, or None where there is no such file."""
    try:
        return os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        return None


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (the names a rename changed) to disk, where the system can."""
    if sys.platform == "win32":
        return  # Windows neither opens nor flushes folders; its renames are journalled
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems cannot flush a folder; the rename has been made all the same
    finally:
        os.close(descriptor)


def flush_to_disk(paths: Iterable[Path]) -> None:
    """Make sure the contents of ``paths`` are on disk (they are all on one file system)."""
    paths = list(paths)
    if len(paths) > FLUSH_ONE_BY_ONE and _sync_file_system(paths[0]):
        return
    for path in paths:
        with open(path, "rb") as file:
            os.fsync(file.fileno())


def _sync_file_system(path: Path) -> bool:
    """syncfs(2) on the file system holding ``path`` (Linux); False where there is none."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return False
    descriptor = os.open(path, os.O_RDONLY)
    try:
        return syncfs(descriptor) == 0
    finally:
        os.close(descriptor)


def digest(content: bytes) -> str:
    """A fingerprint of a file's contents, to tell later whether it is still what it was."""
    return hashlib.sha256(content).hexdigest()


def digest_of(path: Path) -> str | None:
    """The fingerprint of the file at ``path``; None where there is none; a folder's is "folder"."""
    try:
        return digest(path.read_bytes())
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        return "folder"
