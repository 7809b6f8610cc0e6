"""Lithuanian through and through: every message has its Lithuanian words, keeps its placeholders,
and the command line speaks Lithuanian by default, English on request."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from conftest import PROJECT

PACKAGE = PROJECT / "scripts" / "rysiai"
CATALOGUE = PACKAGE / "locale" / "lt" / "LC_MESSAGES" / "rysiai.po"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[rsd]|%[rsd]")


def _catalogue():
    with open(CATALOGUE, "rb") as file:
        return read_po(file, locale="lt")


def _messages_in_the_code() -> set:
    return {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
        )
    }


def test_every_message_of_the_code_is_in_the_catalogue():
    in_code = _messages_in_the_code()
    in_catalogue = {message.id for message in _catalogue() if message.id}
    assert len(in_code) > 300
    assert sorted(map(str, in_code - in_catalogue)) == [], "run `make messages` and translate"


def test_every_message_has_its_lithuanian_words_and_keeps_its_placeholders():
    untranslated, changed = [], []
    for message in _catalogue():
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or message.fuzzy:
            untranslated.append(message.id)
            continue
        wanted = sorted(PLACEHOLDER.findall(sources[-1]))
        for string in strings:
            if sorted(PLACEHOLDER.findall(string)) != wanted:
                changed.append((message.id, string))
    assert untranslated == []
    assert changed == []


def test_the_placeholder_test_can_fail():
    assert sorted(PLACEHOLDER.findall("{n} klaidų")) != sorted(PLACEHOLDER.findall("{n} errors {x}"))


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "rysiai.cli", *args], capture_output=True, text=True, env=env, check=False
    )


@pytest.fixture
def broken(repo):
    repo.write("partners/talsi.yaml", "name: Talsi\nkind: municipality\ncountry: LV\nsince: 1999-13\n")
    repo.write("visits/v.yaml", "title: Vizitas\ndirection: incoming\nstart: 2026-05-01\nstatus: dne\n")
    return repo


def test_the_command_line_speaks_lithuanian_by_default(broken):
    result = _run("validate", "--root", str(broken.root), env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "partners/talsi.yaml:4: klaida: [date] `since` yra `1999-13`: tokio mėnesio nėra (įrašykite "
        "metus (2010), mėnesį (2010-07) arba dieną (2010-07-18))",
        "visits/v.yaml:4: klaida: [enum] `status` reikšmė `dne` neleistina: rašykite `planned` "
        "(Planuojamas), `done` (Įvykęs) arba `cancelled` (Atšauktas) (gal turėjote omenyje `done`?)",
    ]
    assert result.stderr == "2 klaidos, 0 įspėjimų.\n"


@pytest.mark.parametrize("how", [("--lang", "en"), ("--lang=en",), ("LANG", "en_GB.UTF-8"), ("LANGUAGE", "en")])
def test_english_on_request(broken, how):
    env = {"PATH": "/usr/bin:/bin"}
    args = ["validate", "--root", str(broken.root)]
    if how[0].startswith("--"):
        args = [*how, *args] if how[0] == "--lang=en" else [*args, *how]
    else:
        env[how[0]] = how[1]
    result = _run(*args, env=env)
    assert result.stdout.splitlines()[1] == (
        "visits/v.yaml:4: error: [enum] `status` is `dne`, which is not allowed: use `planned` "
        "(Planuojamas), `done` (Įvykęs) or `cancelled` (Atšauktas) (did you mean `done`?)"
    )
    assert result.stderr == "2 errors, 0 warnings.\n"


def test_lithuanian_counts_take_the_right_form(repo, cli):
    for number in range(11):
        repo.write(f"visits/v{number}.yaml", "title: V\ndirection: incoming\nstart: 2026-05-01\nstatus: x\n")
        result = cli("--lang", "lt", "validate", "--root", str(repo.root))
        count = number + 1
        word = {1: "klaida", 11: "klaidų"}.get(count, "klaidos" if count < 10 else "klaidų")
        assert result.err == f"{count} {word}, 0 įspėjimų.\n"


def test_help_and_argparse_words_are_lithuanian(cli):
    result = cli("--lang", "lt", "validate", "--help")
    assert result.code == 0
    assert result.out.startswith("naudojimas: rysiai validate [-h] [--root APLANKAS]")
    assert "parinktys:\n  -h, --help            parodyti šią pagalbą ir baigti\n" in result.out
    wrong = cli("--lang", "lt", "validate", "--format", "xml")
    assert wrong.code == 2
    assert "rysiai validate: klaida: argumentas --format: netinkamas pasirinkimas: 'xml' (galima: 'text', 'json')" in wrong.err


def test_json_carries_the_code_the_values_and_the_message_in_the_chosen_language(broken, cli):
    import json

    result = cli("--lang", "lt", "validate", "--root", str(broken.root), "--format", "json")
    enum = json.loads(result.out)["findings"][1]
    assert enum["code"] == "enum"
    assert enum["values"]["value"] == "dne"
    assert enum["message"].startswith("`status` reikšmė `dne` neleistina: rašykite `planned` (Planuojamas)")


def test_the_agenda_speaks_lithuanian(repo, cli):
    repo.write("requests/late.yaml", "subject: Vėluojantis\nreceived: 2026-10-01\n")
    result = cli("--lang", "lt", "agenda", "--root", str(repo.root), "--today", "2026-11-26")
    assert result.out == (
        "Vėluoja:\n"
        "  2026-10-29   vėluoja 28 d.  requests/late.yaml  Vėluojantis — prašymas\n"
    )
