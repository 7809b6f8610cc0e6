"""The mayor's brief: its period, its sections in order with exact content, the register's
changes from a git history made in the test, the command line, and every value escaped."""

import datetime as dt
import subprocess

import pytest
from brief_fixture import TODAY, fill, git
from rysiai.brief import Period, build_brief, coming_week
from rysiai.brief.markdown import render_markdown
from rysiai.brief.model import Milestone
from rysiai.repository import load_repository

EXPECTED = (
    "# Savaitės apžvalga merui\n"
    "\n"
    "2026-11-27, penktadienis – 2026-12-06, sekmadienis · Parengta 2026-11-27\n"
    "\n"
    "## Vizitai ir renginiai\n"
    "\n"
    "### Spaudos konferencija\n"
    "\n"
    "Renginys · 2026-11-30, pirmadienis, 11:00\n"
    "\n"
    "- Rūšis: Spaudos konferencija\n"
    "- Vieta: Prienai\n"
    "- Dalyviai: ištrintas asmuo, Ona Petraitienė\n"
    "\n"
    "### Talsų delegacija Prienuose\n"
    "\n"
    "Vizitas · 2026-12-03, ketvirtadienis – 2026-12-05, šeštadienis\n"
    "\n"
    "- Kryptis: Atvykstantis\n"
    "- Vieta: Prienai\n"
    "- Partneriai: Talsu novada pašvaldība\n"
    "- Dalyviai: Ona Petraitienė, Jonas Jonaitis\n"
    "- Tikslas: Aptarti 2027 m. veiksmų planą.\n"
    "- Programa:\n"
    "\n"
    "  - Susitikimas su meru\n"
    "  - Ekskursija po *Prienus*\n"
    "\n"
    "Neatlikti darbai:\n"
    "\n"
    "- Užsakyti viešbutį — Jonas Jonaitis, iki 2026-11-25 (vėluojama 2 d.)\n"
    "- Paruošti dovanas — atsakingas nenurodytas, be termino\n"
    "\n"
    "## Posėdžiai ir sprendimų projektai\n"
    "\n"
    "### Kauno regiono plėtros tarybos posėdis\n"
    "\n"
    "2026-12-04, penktadienis, 10:00–12:30\n"
    "\n"
    "- Rūšis: KRPT posėdis\n"
    "- Vieta: Kaunas\n"
    "- Dalyviai: Ona Petraitienė\n"
    "\n"
    "Sprendimų projektai:\n"
    "\n"
    "1. Dėl regioninių projektų sąrašo\n"
    "   - Dokumentas: `https://krpt.lt/sarasas.pdf`\n"
    "   - Siūloma pozicija: Pritarti\n"
    "2. Dėl biudžeto\n"
    "\n"
    "Išvados:\n"
    "\n"
    "Siūloma pritarti abiem projektams.\n"
    "\n"
    "## Vėluojantys ir artėjantys terminai\n"
    "\n"
    "- 2026-10-29, vėluojama 29 d.: Kelio remontas — Atsakyti į prašymą; atsakingas: Jonas Jonaitis\n"
    "- 2026-11-25, vėluojama 2 d.: Talsų delegacija Prienuose — Tolesnis veiksmas „Užsakyti viešbutį“; atsakingas: Jonas Jonaitis\n"
    "- 2026-12-02, liko 5 d.: Salės nuoma — Atsakyti į prašymą; atsakingas: nenurodytas\n"
    "- 2026-12-04, liko 7 d.: Pėsčiųjų ir dviračių takas — Projekto etapas „KRPT sprendimas“; atsakingas: Ona Petraitienė\n"
    "\n"
    "## Projektai\n"
    "\n"
    "- Pėsčiųjų ir dviračių takas — Būsena pasikeitė 2026-11-25: Pateikta paraiška → Įgyvendinamas; Atsakingas: Jonas Jonaitis; Kitas etapas: KRPT sprendimas (2026-12-04, liko 7 d.)\n"
    "- Jaunimo mainai — Būsena pasikeitė 2026-11-21: Įgyvendinamas → Sustabdytas; Atsakingas: Ona Petraitienė\n"
    "- Turizmo maršrutas — Būsena: Idėja\n"
    "\n"
    "## Sutartys ir sukaktys\n"
    "\n"
    "- 2026-11-24, prieš 3 d.: Talsu novada pašvaldība — Baigėsi: Jaunimo mainų protokolas\n"
    "- 2026-12-01, liko 4 d.: Talsu novada pašvaldība — 25 m. nuo pasirašymo: Bendradarbiavimo sutartis\n"
    "- 2027-01-31, liko 65 d.: Talsu novada pašvaldība — Baigiasi: Veiksmų planas\n"
    "\n"
    "## Pakeitimai registre\n"
    "\n"
    "Keista 2026-11-20 – 2026-11-27.\n"
    "\n"
    "### Nauji įrašai (1)\n"
    "\n"
    "- Talsų delegacija Prienuose (`visits/talsi-2026.yaml`) — 2026-11-21 Ona Petraitienė\n"
    "\n"
    "### Pervadinti įrašai (1)\n"
    "\n"
    "- Gmina Miejska Lubań (`partners/gmina-miejska-luban.yaml`, anksčiau `partners/luban.yaml`) — 2026-11-23 Jonas Jonaitis\n"
    "\n"
    "### Pakeisti įrašai (5)\n"
    "\n"
    "- Jaunimo mainai (`projects/mainai.yaml`) — 2026-11-21 Ona Petraitienė\n"
    "- Pėsčiųjų ir dviračių takas (`projects/takas.yaml`) — 2026-11-25 Ona Petraitienė\n"
    "- Spaudos konferencija (`events/spauda.yaml`) — 2026-11-24 Jonas Jonaitis\n"
    "- Talsu novada pašvaldība (`partners/talsi.yaml`) — 2026-11-21 Ona Petraitienė, 2026-11-25 Ona Petraitienė\n"
    "- failas `contacts/media.csv` — 2026-11-25 Ona Petraitienė\n"
    "\n"
    "### Ištrinti asmenys pagal BDAR 17 str. (1)\n"
    "\n"
    "- asmens įrašas (vardas nerodomas) — 2026-11-24 Jonas Jonaitis\n"
    "\n"
    "### Pašalinti įrašai (1)\n"
    "\n"
    "- Senas partneris (`partners/senas.yaml`) — 2026-11-25 Ona Petraitienė\n"
)


@pytest.mark.parametrize(
    "today, end",
    [
        ("2026-11-27", "2026-12-06"),  # Friday: the weekend and the whole next week
        ("2026-11-23", "2026-11-29"),  # Monday: to the coming Sunday
        ("2026-11-25", "2026-12-06"),  # Wednesday: to the Sunday after next
        ("2026-11-29", "2026-12-06"),  # Sunday: the next week
    ],
)
def test_the_coming_week_is_at_least_seven_days_and_ends_on_a_sunday(today, end):
    day = dt.date.fromisoformat(today)
    assert coming_week(day) == Period(day, dt.date.fromisoformat(end), day)


def test_the_brief_in_markdown_section_by_section(repo):
    fill(repo)
    brief = build_brief(load_repository(repo.root), coming_week(TODAY))
    assert [section.key for section in brief.sections] == [
        "coming", "meetings", "deadlines", "project-news", "agreements", "changes",
    ]
    assert render_markdown(brief) == EXPECTED


def test_a_past_period_reports_its_own_changes(repo):
    fill(repo)
    period = Period(dt.date(2026, 11, 21), dt.date(2026, 11, 23), TODAY)
    brief = build_brief(load_repository(repo.root), period)
    changes = [(c.what, c.path, c.old_path, [(e.day.isoformat(), e.author) for e in c.edits])
               for c in brief.section("changes").items]
    assert changes == [
        ("new", "visits/talsi-2026.yaml", None, [("2026-11-21", "Ona Petraitienė")]),
        ("renamed", "partners/gmina-miejska-luban.yaml", "partners/luban.yaml", [("2026-11-23", "Jonas Jonaitis")]),
        ("changed", "projects/mainai.yaml", None, [("2026-11-21", "Ona Petraitienė")]),
        ("changed", "partners/talsi.yaml", None, [("2026-11-21", "Ona Petraitienė")]),
    ]
    assert [(a.what, a.date.isoformat()) for a in brief.section("agreements").items] == [
        ("ended", "2026-11-24"), ("ending", "2027-01-31"),
    ]
    assert [(d.record.id, d.days) for d in brief.section("deadlines").items] == [
        ("veluoja", -29), ("talsi-2026", -2),
    ]
    assert brief.section("coming").items == () and brief.section("meetings").items == ()
    assert [(p.record.id, p.status, p.changed_from, p.changed_on) for p in brief.section("project-news").items] == [
        ("mainai", "Sustabdytas", "Įgyvendinamas", dt.date(2026, 11, 21)),  # stopped, and so news
        ("takas", "Įgyvendinamas", None, None),  # changed after the period
        ("idejos", "Idėja", None, None),
    ]


def test_projects_without_git_show_their_status_and_milestones_but_no_changes(repo):
    fill(repo, with_history=False)
    brief = build_brief(load_repository(repo.root), coming_week(TODAY))
    assert [(p.record.id, p.status, p.changed_from, p.next_milestone) for p in brief.section("project-news").items] == [
        ("takas", "Pateikta paraiška", None, Milestone("KRPT sprendimas", dt.date(2026, 12, 4), 7)),
        ("mainai", "Įgyvendinamas", None, Milestone("Ataskaita", dt.date(2026, 12, 20), 23)),
        ("idejos", "Idėja", None, None),
    ]


def test_a_register_without_projects_says_so_in_one_line(repo):
    schema = repo.root / "datapackage.yaml"
    declared = next(
        line for line in schema.read_text(encoding="utf-8").splitlines(keepends=True)
        if line.startswith("      project: {status: status, closed: [finished, stopped]")
    )
    schema.write_text(schema.read_text(encoding="utf-8").replace(declared, ""), encoding="utf-8")
    text = render_markdown(build_brief(load_repository(repo.root), coming_week(TODAY)))
    assert "\n## Projektai\n\nProjektų registre nėra.\n\n## Sutartys ir sukaktys\n" in text


def test_without_git_the_changes_section_says_so(repo):
    fill(repo, with_history=False)
    text = render_markdown(build_brief(load_repository(repo.root), coming_week(TODAY)))
    assert text.endswith(
        "## Pakeitimai registre\n\n"
        "Pakeitimų parodyti negalima – registras nėra git saugykla arba git neįdiegtas.\n"
    )


def test_a_quiet_week_says_nothing_changed(repo):
    fill(repo, with_history=False)
    git(repo.root, "init", "-q")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "Registras", when="2026-11-01T10:00:00+02:00")
    text = render_markdown(build_brief(load_repository(repo.root), coming_week(TODAY)))
    assert text.endswith("## Pakeitimai registre\n\nKeista 2026-11-20 – 2026-11-27.\n\nRegistre nieko nekeista.\n")


def test_an_erased_person_is_named_nowhere(repo):
    from rysiai.site.brief_page import brief_document

    fill(repo)
    brief = build_brief(load_repository(repo.root), coming_week(TODAY))
    log = subprocess.run(["git", "-C", str(repo.root), "log", "--name-only"], capture_output=True, text=True).stdout
    assert "contacts/agne-vilkaite.yaml" in log  # history still holds the file…
    for text in (render_markdown(brief), brief_document(brief)):
        assert "ištrintas asmuo" in text
        assert "vilkait" not in text.lower() and "agne" not in text.lower()  # …the brief does not


def test_markup_in_values_does_nothing_in_markdown(repo):
    repo.write(
        "visits/x.yaml",
        "title: '<script>alert(1)</script> *kviečiame* [čia](javascript:alert(1))'\n"
        "direction: incoming\nstart: 2026-11-28\nplace: '# Salė | 2'\n",
    )
    text = render_markdown(build_brief(load_repository(repo.root), coming_week(TODAY)))
    assert (
        "### \\<script\\>alert(1)\\</script\\> \\*kviečiame\\* \\[čia\\](javascript:alert(1))\n\n"
        "Vizitas · 2026-11-28, šeštadienis\n\n- Kryptis: Atvykstantis\n- Vieta: \\# Salė \\| 2\n"
    ) in text


def test_the_command_prints_the_brief(repo, cli):
    fill(repo)
    result = cli("--lang", "lt", "brief", "--root", str(repo.root), "--today", "2026-11-27")
    assert (result.code, result.out, result.err) == (0, EXPECTED, "")


def test_the_command_writes_a_file_and_says_when_it_replaces_one(repo, cli, tmp_path):
    fill(repo, with_history=False)
    target = tmp_path / "apzvalga.html"
    args = ("brief", "--root", str(repo.root), "--today", "2026-11-27", "--format", "html", "-o", str(target))
    first = cli(*args)  # in English, as the command line speaks it here
    assert (first.code, first.out) == (0, "")
    assert first.err == f"Wrote {target}: the brief for 2026-11-27 to 2026-12-06.\n"
    assert target.read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<h2>Overdue and coming deadlines</h2>" in target.read_text(encoding="utf-8")
    again = cli("--lang", "lt", *args[:-4], "--from", "2026-11-30", "--output", str(target))
    assert again.err == f"Pakeistas {target}: apžvalga nuo 2026-11-30 iki 2026-12-06.\n"
    assert target.read_text(encoding="utf-8").startswith("# Savaitės apžvalga merui\n\n2026-11-30, pirmadienis")


def test_the_command_refuses_a_period_that_ends_before_it_starts(repo, cli, tmp_path):
    result = cli("brief", "--root", str(repo.root), "--from", "2026-12-04", "--to", "2026-12-01")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "rysiai: error: the period ends (2026-12-01) before it starts (2026-12-04); "
        "give --to a day no earlier than --from\n"
    )
    folder = cli("brief", "--root", str(repo.root), "-o", str(tmp_path))
    assert (folder.code, folder.err) == (2, f"rysiai: error: {tmp_path} is a folder; give the name of the file to write\n")
    bad = cli("brief", "--root", str(repo.root), "--to", "2026-13-01")
    assert bad.code == 2 and "not a date written YYYY-MM-DD: '2026-13-01'" in bad.err
    lithuanian = cli("--lang", "lt", "brief", "--root", str(repo.root), "--from", "2026-12-04", "--to", "2026-12-01")
    assert lithuanian.err == (
        "rysiai: klaida: laikotarpis baigiasi (2026-12-01) anksčiau, nei prasideda (2026-12-04); "
        "nurodykite --to dieną, ne ankstesnę už --from\n"
    )


def test_an_entry_of_a_kind_the_brief_has_no_word_for_is_called_by_its_collection(repo):
    schema = repo.root / "datapackage.yaml"
    text = schema.read_text(encoding="utf-8")
    assert "item: event}" in text
    schema.write_text(text.replace("item: event}", "item: gathering}"), encoding="utf-8")
    repo.write("events/e.yaml", "title: Sueiga\nstart: 2026-11-28\n")
    brief = render_markdown(build_brief(load_repository(repo.root), coming_week(TODAY)))
    assert "### Sueiga\n\nRenginiai · 2026-11-28, šeštadienis\n" in brief


def test_a_large_change_is_counted_not_listed(repo):
    fill(repo, with_history=False)
    git(repo.root, "init", "-q")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "Registras", when="2026-11-01T10:00:00+02:00")
    for number in range(30):
        repo.write(f"partners/naujas-{number:02}.yaml", f"name: Naujas {number:02}\nkind: other\ncountry: LT\n")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "Importas", author="Ona Petraitienė", when="2026-11-26T10:00:00+02:00")
    text = render_markdown(build_brief(load_repository(repo.root), coming_week(TODAY)))
    listed = [line for line in text.splitlines() if line.startswith("- Naujas")]
    assert listed[0] == "- Naujas 00 (`partners/naujas-00.yaml`) — 2026-11-26 Ona Petraitienė" and len(listed) == 25
    assert text.endswith("### Nauji įrašai (30)\n\n" + "\n".join(listed) + "\n- … ir dar 5.\n")
