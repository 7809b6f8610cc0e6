"""`rysiai init`: a new, empty data repository for another municipality."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..errors import RysiaiError
from ..language import _
from ..schema import SCHEMA_FILE, load_schema
from .json_schemas import write_editor_files

# Template file in the package → file in the new repository.
TEMPLATE_FILES = {
    "datapackage.yaml": SCHEMA_FILE,
    "mkdocs.yml": "mkdocs.yml",
    "README.md": "README.md",
    "gitignore": ".gitignore",
    "tags.md": "docs/tags.md",
    "gitlab-ci.yml": ".gitlab-ci.yml",
    "github-workflow.yml": ".github/workflows/rysiai.yml",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
}


def create_repository(directory: Path) -> list[Path]:
    """Write the files of an empty data repository into ``directory``; return what was written."""
    if directory.exists() and not directory.is_dir():
        raise RysiaiError(_("{directory} exists and is not a folder").format(directory=directory))
    clashes = [directory / name for name in TEMPLATE_FILES.values() if (directory / name).exists()]
    if clashes:
        names = ", ".join(str(path) for path in clashes)
        raise RysiaiError(_("{names} already exist(s); nothing written (choose an empty folder)").format(names=names))
    directory.mkdir(parents=True, exist_ok=True)
    templates = resources.files("rysiai") / "templates"
    written = []
    for template, name in TEMPLATE_FILES.items():
        target = directory / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((templates / template).read_bytes())
        written.append(target)
    schema = load_schema(directory)
    written.extend(write_editor_files(directory, schema))
    for collection in schema.collections:
        folder = directory / collection
        folder.mkdir(exist_ok=True)
        keep = folder / ".gitkeep"
        if not keep.exists():
            keep.touch()
            written.append(keep)
    return written
