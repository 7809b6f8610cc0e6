"""A data repository for the mayor's brief, with a git history made commit by commit: records
added, changed, renamed with `rysiai mv`, a person erased with `rysiai forget`, a record removed,
by different people on different days."""

import datetime as dt
import os
import subprocess

from rysiai.cli import main

TODAY = dt.date(2026, 11, 27)  # a Friday: the brief covers 2026-11-27 to Sunday 2026-12-06

RECORDS = {
    "contacts/ona-petraitiene.yaml": "name: Ona Petraitienė\norganization: talsi\n",
    "contacts/jonas-jonaitis.yaml": "name: Jonas Jonaitis\n",
    "contacts/agne-vilkaite.yaml": "name: Agnė Vilkaitė\nemail: agne@example.org\n",
    "contacts/media.csv": "id,name\nrasa-media,Rasa Medienė\n",
    "partners/talsi.yaml": (
        "name: Talsu novada pašvaldība\nkind: municipality\ncountry: LV\nagreements:\n"
        "  - type: Bendradarbiavimo sutartis\n    signed: 2001-12-01\n"
        "  - type: Veiksmų planas\n    signed: 2024-01-15\n    until: 2027-01-31\n"
        "  - type: Jaunimo mainų protokolas\n    signed: 2025-02-01\n    until: 2026-11-24\n"
        # Ended: neither its tenth anniversary (2026-12-02) nor its end is news any more.
        "  - type: Senas memorandumas\n    signed: 2016-12-02\n    until: 2027-01-15\n    status: ended\n"
    ),
    "partners/luban.yaml": "name: Gmina Miejska Lubań\nkind: municipality\ncountry: PL\n",
    "partners/senas.yaml": "name: Senas partneris\nkind: other\ncountry: LT\n",
    "visits/talsi-2026.yaml": (
        "title: Talsų delegacija Prienuose\ndirection: incoming\nstart: 2026-12-03\nend: 2026-12-05\n"
        "place: Prienai\npartners: [talsi]\nparticipants: [ona-petraitiene, jonas-jonaitis]\n"
        "purpose: Aptarti 2027 m. veiksmų planą.\n"
        "programme: |\n  - Susitikimas su meru\n  - Ekskursija po *Prienus*\n"
        "follow_ups:\n  - task: Užsakyti viešbutį\n    owner: jonas-jonaitis\n    due: 2026-11-25\n"
        "  - task: Paruošti dovanas\n  - task: Išsiųsti programą\n    due: 2026-11-20\n    done: true\n"
    ),
    "visits/atsauktas.yaml": "title: Atšauktas vizitas\ndirection: outgoing\nstart: 2026-12-01\nstatus: cancelled\n",
    "visits/praejes.yaml": "title: Praėjęs vizitas\ndirection: outgoing\nstart: 2026-11-10\nstatus: done\n",
    "visits/velesnis.yaml": "title: Vėlesnis vizitas\ndirection: outgoing\nstart: 2026-12-07\n",
    "events/krpt.yaml": (
        "title: Kauno regiono plėtros tarybos posėdis\nkind: krpt\nstart: 2026-12-04 10:00\n"
        "end: 2026-12-04 12:30\nplace: Kaunas\nattendees: [ona-petraitiene]\n"
        "drafts:\n  - title: Dėl regioninių projektų sąrašo\n    position: Pritarti\n"
        "    document: https://krpt.lt/sarasas.pdf\n  - title: Dėl biudžeto\n"
        "conclusions: |\n  Siūloma pritarti abiem projektams.\n"
    ),
    "events/spauda.yaml": (
        "title: Spaudos konferencija\nkind: press\nstart: 2026-11-30 11:00\nplace: Prienai\n"
        "attendees: [agne-vilkaite, ona-petraitiene]\n"
    ),
    "projects/takas.yaml": (
        "name: Pėsčiųjų ir dviračių takas\nstatus: applied\nresponsible: jonas-jonaitis\nmilestones:\n"
        "  - title: Projektinis pasiūlymas\n    due: 2026-09-30\n    done: true\n"
        "  - title: Paraiška agentūrai\n    due: 2027-02-15\n"
        "  - title: KRPT sprendimas\n    due: 2026-12-04\n    owner: ona-petraitiene\n"
    ),
    "projects/mainai.yaml": (
        "name: Jaunimo mainai\nstatus: running\nresponsible: ona-petraitiene\n"
        "milestones:\n  - title: Ataskaita\n    due: 2026-12-20\n"
    ),
    "projects/idejos.yaml": "name: Turizmo maršrutas\nstatus: idea\n",
    "projects/baigtas.yaml": "name: Baigtas projektas\nstatus: finished\n",
    "requests/veluoja.yaml": "subject: Kelio remontas\nreceived: 2026-10-01\nowner: jonas-jonaitis\n",
    "requests/greitai.yaml": "subject: Salės nuoma\nreceived: 2026-11-20\ndue: 2026-12-02\n",
    "requests/veliau.yaml": "subject: Parama šventei\nreceived: 2026-11-26\ndue: 2026-12-20\n",
    "requests/atsakyta.yaml": (
        "subject: Atsakytas\nreceived: 2026-10-01\nstatus: answered\nanswered: 2026-10-05\n"
    ),
}


def git(root, *args, author="Registro tvarkytoja", when=None):
    env = dict(os.environ)
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    subprocess.run(
        ["git", "-C", str(root), "-c", f"user.name={author}", "-c", "user.email=registras@example.org",
         "-c", "commit.gpgsign=false", *args],
        check=True, capture_output=True, env=env,
    )


def commit(root, message, author, when):
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, author=author, when=when)


def run(*args):
    assert main(list(args)) == 0


def fill(repo, *, with_history=True):
    """The records; with their history, the last commit dated the day before TODAY."""
    edited = dict(RECORDS)
    later = edited.pop("visits/talsi-2026.yaml")
    for path, text in edited.items():
        repo.write(path, text)
    if not with_history:
        repo.write("visits/talsi-2026.yaml", later)
        return
    root = repo.root
    git(root, "init", "-q", "-b", "main")
    commit(root, "Registras", "Registro tvarkytoja", "2026-11-02T09:00:00+02:00")
    repo.write("contacts/jonas-jonaitis.yaml", "name: Jonas Jonaitis\nposition: Specialistas\n")
    commit(root, "Before the week", "Registro tvarkytoja", "2026-11-19T23:30:00+02:00")
    repo.write("visits/talsi-2026.yaml", later)
    repo.write("partners/talsi.yaml", RECORDS["partners/talsi.yaml"] + "city: Talsi\n")
    repo.write("projects/mainai.yaml", RECORDS["projects/mainai.yaml"].replace("running", "stopped"))
    commit(root, "Talsų vizitas", "Ona Petraitienė", "2026-11-21T10:00:00+02:00")
    run("mv", "luban", "gmina-miejska-luban", "--root", str(root))
    commit(root, "Lubań", "Jonas Jonaitis", "2026-11-23T11:00:00+02:00")
    run("forget", "agne-vilkaite", "--root", str(root))
    commit(root, "Erase a contact (GDPR art. 17)", "Jonas Jonaitis", "2026-11-24T12:00:00+02:00")
    (root / "partners" / "senas.yaml").unlink()
    repo.write("contacts/media.csv", RECORDS["contacts/media.csv"] + "tomas-media,Tomas Medis\n")
    repo.write("partners/talsi.yaml", RECORDS["partners/talsi.yaml"] + "city: Talsi\nwebsite: https://talsi.lv\n")
    repo.write("projects/takas.yaml", RECORDS["projects/takas.yaml"].replace("applied", "preparing"))
    commit(root, "Senas partneris", "Ona Petraitienė", "2026-11-25T08:00:00+02:00")
    repo.write("projects/takas.yaml", RECORDS["projects/takas.yaml"].replace("applied", "running"))
    repo.write("requests/laikinas.yaml", "subject: Laikinas\nreceived: 2026-11-25\n")
    commit(root, "Laikinas", "Ona Petraitienė", "2026-11-25T09:00:00+02:00")
    (root / "requests" / "laikinas.yaml").unlink()
    commit(root, "Laikinas ne", "Ona Petraitienė", "2026-11-26T00:30:00+02:00")
