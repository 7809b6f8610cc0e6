"""Changing record files: new records, renames, merges, formatting and in-place value edits, written safely."""
