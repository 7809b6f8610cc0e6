"""Docs that cannot drift: the finding catalogue is generated; every command and option is documented."""

import argparse

from conftest import PROJECT
from rysiai.cli import build_parser
from rysiai.reference_docs import FINDINGS_PAGE, render_finding_catalogue


def test_finding_catalogue_is_current():
    page = (PROJECT / FINDINGS_PAGE).read_text(encoding="utf-8")
    assert page == render_finding_catalogue(), "run `python -m rysiai.reference_docs`"


def commands(parser, prefix=()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield prefix + (name,), sub
                yield from commands(sub, prefix + (name,))


def test_every_command_and_option_is_in_the_readme():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    missing = []
    for words, parser in commands(build_parser()):
        command = "rysiai " + " ".join(words)
        if command not in readme:
            missing.append(command)
        for action in parser._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help") and option not in readme:
                    missing.append(f"{command} {option}")
    assert missing == []
