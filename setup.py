"""The package build's own step: the message catalogues (scripts/rysiai/locale/LANG/LC_MESSAGES/
rysiai.po) compiled into the .mo files gettext reads, beside them. Everything else is in
pyproject.toml."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

LOCALES = Path(__file__).resolve().parent / "scripts" / "rysiai" / "locale"


def compile_catalogues() -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for source in sorted(LOCALES.glob("*/LC_MESSAGES/*.po")):
        with open(source, "rb") as file:
            catalog = read_po(file, locale=source.parent.parent.name)
        with open(source.with_suffix(".mo"), "wb") as file:
            write_mo(file, catalog)


class BuildWithCatalogues(build_py):
    def run(self):
        compile_catalogues()
        super().run()


setup(cmdclass={"build_py": BuildWithCatalogues})
