"""Bringing records in from other programs: a plan first, then new files, never an overwrite."""
