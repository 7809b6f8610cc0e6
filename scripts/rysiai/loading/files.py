"""The files of a collection folder that are read as records, and why any others are not.

Symbolic links: a link that stays within the data repository is read as the file it points at
(the repository is one whole, kept in git, which stores links as links). A link that leads out
of the repository is reported and never read: what it points at is no part of the data, and
reading it could publish someone's private files. A link that loops is reported. Folders inside
a collection folder are not read; their record-like files are listed, and no link is followed
while listing them, so a link to `/` or a loop costs nothing.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import NamedTuple

from ..findings import Finding, catalogue
from ..language import N_, _

RECORD_EXTENSIONS = ("yaml", "csv")
_SUBFOLDER_HINT = N_("move it up into the collection folder, or out of the data repository")


class RecordFile(NamedTuple):
    """A file to read: ``path`` as findings name it (`contacts/ona.yaml`), ``location`` to open."""

    path: str
    location: str
    stem: str
    extension: str


def record_files(root: Path, name: str) -> tuple[list[RecordFile], list[Finding]]:
    """The record files directly in ``root/name``, in name order, and findings about the rest."""
    real_root = os.path.realpath(root)
    folder = os.path.join(root, name)
    findings: list[Finding] = []
    if os.path.islink(folder):
        target, finding = _follow(folder, real_root, name)
        if finding is not None:
            return [], [finding]
        folder = target
    if not os.path.isdir(folder):
        return [], findings
    with os.scandir(folder) as scanned:
        entries = sorted(scanned, key=lambda entry: entry.name)
    files = []
    for entry in entries:
        path = f"{name}/{entry.name}"
        location = entry.path
        # The folder listing says what each entry is: no further look at the disk, except
        # for links (few), whose targets are looked at.
        regular = entry.is_file(follow_symlinks=False)
        if entry.is_symlink():
            location, finding = _follow(entry.path, real_root, path)
            if finding is not None:
                findings.append(finding)
                continue
            if os.path.isdir(location):
                findings.append(
                    catalogue.FILE_NOT_READ(
                        path=path,
                        reason=_(
                            "it is a link to a folder, and records are read only directly "
                            "inside the collection folder"
                        ),
                        hint=_(_SUBFOLDER_HINT),
                    )
                )
                continue
            regular = _is_regular_file(location)
        elif entry.is_dir(follow_symlinks=False):
            findings.extend(_unread_folder(entry.path, path))
            continue
        stem, dot, extension = entry.name.rpartition(".")
        if extension not in RECORD_EXTENSIONS or not dot or not stem:
            # `.yml`, `.YAML`, `.CSV`…: a record file that would otherwise be skipped unseen.
            if dot and stem and extension.lower() in ("yml", "yaml", "csv"):
                right = "csv" if extension.lower() == "csv" else "yaml"
                findings.append(
                    catalogue.MISNAMED_FILE(path=path, line=None, suggestion=f"{stem}.{right}")
                )
            continue
        if not regular:
            findings.append(
                catalogue.FILE_NOT_READ(
                    path=path,
                    reason=_("it is not a regular file (a device, a pipe or a socket)"),
                    hint=_("put a record file here, or remove it"),
                )
            )
            continue
        files.append(RecordFile(path=path, location=location, stem=stem, extension=extension))
    return files, findings


def _follow(link: str, real_root: str, path: str) -> tuple[str, Finding | None]:
    """Where a link leads, if it may be read; else a finding."""
    try:
        target = os.path.realpath(link, strict=True)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "", catalogue.LINK_LOOP(path=path)
        if not _within(os.path.realpath(link), real_root):
            return "", catalogue.LINK_OUTSIDE(path=path, what=_("something"))
        return "", catalogue.UNREADABLE(
            path=path, problem=_("it is a symbolic link to a file that does not exist")
        )
    if not _within(target, real_root):
        what = _("a folder") if os.path.isdir(target) else _("a file")
        return "", catalogue.LINK_OUTSIDE(path=path, what=what)
    return target, None


def _within(target: str, real_root: str) -> bool:
    return target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)


def _is_regular_file(location: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(location).st_mode)
    except OSError:
        return True  # let opening it say why it cannot be read


def _unread_folder(folder: str, path: str) -> list[Finding]:
    """Record-like files in a subfolder would be silently ignored: say so (links not followed)."""
    found = []
    for directory, _folders, names in os.walk(folder, followlinks=False):
        for name in names:
            if name.rpartition(".")[2] in ("yaml", "yml", "csv"):
                relative = os.path.relpath(os.path.join(directory, name), folder)
                found.append(f"{path}/{Path(relative).as_posix()}")
    return [
        catalogue.FILE_NOT_READ(
            path=relative,
            reason=_("records are read only directly inside the collection folder"),
            hint=_(_SUBFOLDER_HINT),
        )
        for relative in sorted(found)
    ]
