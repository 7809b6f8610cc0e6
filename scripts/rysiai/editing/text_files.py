"""Record files as text, read and written again the way they were: the byte-order mark and the
line ends a file has are kept, whatever changed inside it. Every writer of record files puts
the bytes of ``FileText.encoded`` into a change set (change_set.py), which writes them safely."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

BOM = "\ufeff"


@dataclass(frozen=True)
class FileText:
    """A file's text without its byte-order mark (line ends as written), and whether it had one."""

    text: str
    bom: bool = False

    @property
    def crlf(self) -> bool:
        return "\r\n" in self.text

    @property
    def lf_text(self) -> str:
        """The text with every line ending in `\\n` (what ruamel.yaml reads and writes)."""
        return self.text.replace("\r\n", "\n")

    def encoded(self, new_text: str) -> bytes:
        """``new_text`` as this file writes text: its byte-order mark, and its CRLF line ends
        where the new text has plain `\\n` ones (a text edited line by line keeps its own)."""
        if self.crlf and "\r\n" not in new_text:
            new_text = new_text.replace("\n", "\r\n")
        return ((BOM if self.bom else "") + new_text).encode("utf-8")


def read_file_text(path: Path) -> FileText:
    return file_text(path.read_bytes())


def file_text(data: bytes) -> FileText:
    """A record file's bytes as its text (UTF-8, the byte-order mark set apart)."""
    raw = data.decode("utf-8")
    return FileText(raw.removeprefix(BOM), raw.startswith(BOM))
