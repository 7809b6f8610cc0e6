"""The site's own labels, one file per language (strings/lt.yaml, strings/en.yaml)."""

from __future__ import annotations

from importlib import resources

import yaml

from ..errors import RysiaiError

DEFAULT_LANGUAGE = "lt"


def load_strings(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """The labels for ``language`` (a theme.language code such as `lt` or `en`)."""
    folder = resources.files(__package__) / "strings"
    source = folder / f"{language}.yaml"
    if not source.is_file():
        known = sorted(path.name.removesuffix(".yaml") for path in folder.iterdir() if path.name.endswith(".yaml"))
        raise RysiaiError(
            f"the site has no labels for language `{language}`; known: {', '.join(known)}"
        )
    return {str(key): str(value) for key, value in yaml.safe_load(source.read_text("utf-8")).items()}
