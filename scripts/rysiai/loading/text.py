"""Decoding a record file's bytes, with the line of the first byte that is not UTF-8."""

from __future__ import annotations

from ..findings import Finding, catalogue


def decode(data: bytes, path: str) -> tuple[str, Finding | None]:
    """UTF-8 (a byte-order mark is allowed and dropped); else a finding on the offending line."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = f"0x{data[error.start]:02X}"
        return "", catalogue.ENCODING(path=path, line=line, byte=byte)
