"""Who may edit, and in whose name a change is committed: behind the intranet's web server, the
signed-in user from the header it passes and the name and e-mail the settings file gives that
user; started on one's own computer, the person of `git config`. And the token each form
carries, so that no other site can make a browser save."""

from __future__ import annotations

import hashlib
import hmac
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import RysiaiError
from ..language import _, system_problem

HEADER_NAME = re.compile(r"^[A-Za-z0-9-]+$")


@dataclass(frozen=True)
class Person:
    """The signed-in person: the name the web server gives (`user`), and the commit author."""

    user: str
    name: str
    email: str

    @property
    def author(self) -> str:
        return f"{self.name} <{self.email}>"


@dataclass(frozen=True)
class Settings:
    """How the editor learns who is editing: ``user_header`` (behind a web server that signs
    people in), else the local git identity; ``people`` maps users to names and e-mails."""

    user_header: str | None = None
    people: dict[str, tuple[str, str]] = field(default_factory=dict)
    local: Person | None = None


def read_settings(path: Path | None, user_header: str | None) -> Settings:
    """The settings file (YAML: `user_header: X-Remote-User`, `people: {USER: {name, email}}`)."""
    data: dict = {}
    if path is not None:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except OSError as error:
            raise RysiaiError(_("{path}: cannot be read: {problem}").format(path=path, problem=system_problem(error))) from None
        except yaml.YAMLError as error:
            raise RysiaiError(_("{path}: is not YAML: {error}").format(path=path, error=error)) from None
        if not isinstance(data, dict):
            raise RysiaiError(_("{path}: must be a mapping with `user_header` and `people`").format(path=path))
    header = user_header or data.get("user_header")
    if header is not None and not (isinstance(header, str) and HEADER_NAME.match(header)):
        raise RysiaiError(_("the user header must be a header name such as X-Remote-User, not {header!r}").format(header=header))
    people = {}
    for user, entry in (data.get("people") or {}).items():
        if not isinstance(entry, dict) or not entry.get("name") or not entry.get("email"):
            raise RysiaiError(_("{path}: people → {user} needs a `name` and an `email`").format(path=path, user=user))
        people[str(user)] = (str(entry["name"]), str(entry["email"]))
    return Settings(user_header=header, people=people)


def local_person(root: Path) -> Person:
    """The person of `git config` in the data repository (user.name, user.email)."""
    values = []
    for key in ("user.name", "user.email"):
        found = subprocess.run(["git", "config", key], cwd=root, capture_output=True, text=True)
        values.append(found.stdout.strip())
    if not all(values):
        raise RysiaiError(
            _("git does not know who you are: set `git config user.name \"Vardas Pavardė\"` and "
              "`git config user.email vardas@example.org` in the data repository, then start the editor again")
        )
    return Person(user=values[1], name=values[0], email=values[1])


def signed_in(settings: Settings, headers) -> Person | str:
    """The person making a request, or why they may not edit (in Lithuanian)."""
    if settings.user_header is None:
        return settings.local
    user = (headers.get(settings.user_header) or "").strip()
    if not user:
        return "Neprisijungta: redaktorius pasiekiamas tik per intraneto svetainę, prisijungus."
    if user not in settings.people:
        return (f"Naudotojo „{user}“ nėra redaktoriaus nustatymuose: paprašykite administratoriaus "
                f"įrašyti jūsų vardą ir el. pašto adresą.")
    name, email = settings.people[user]
    return Person(user=user, name=name, email=email)


def csrf_token(secret: bytes, person: Person) -> str:
    """The token the forms of ``person`` carry: another site cannot know it."""
    return hmac.new(secret, f"csrf:{person.user}".encode(), hashlib.sha256).hexdigest()


def token_matches(secret: bytes, person: Person, token: str | None) -> bool:
    return bool(token) and hmac.compare_digest(csrf_token(secret, person), token)
