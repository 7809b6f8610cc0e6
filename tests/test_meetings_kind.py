"""Meetings with decision drafts, as the events' kind declares them (kind.meetings)."""

import pytest
from conftest import PROJECT
from rysiai.errors import SchemaError
from rysiai.kinds.meetings import is_meeting, meetings
from rysiai.repository import load_repository
from rysiai.schema import load_schema

DECLARED = "meetings: {field: kind, values: [krpt], drafts: drafts, conclusions: conclusions}"


def test_krpt_events_are_the_meetings_with_their_drafts(repo):
    repo.write(
        "events/krpt.yaml",
        "title: KRPT posėdis\nkind: krpt\nstart: 2026-12-10 10:00\n"
        "drafts:\n  - title: Dėl sąrašo\n    position: Pritarti\nconclusions: Pritarti.\n",
    )
    repo.write("events/press.yaml", "title: Spaudos konferencija\nkind: press\nstart: 2026-12-11\n")
    repository = load_repository(repo.root)
    found = list(meetings(repository))
    assert [m.entry.record.id for m in found] == ["krpt"]
    assert found[0].drafts == [{"title": "Dėl sąrašo", "position": "Pritarti"}]
    assert found[0].conclusions == "Pritarti."
    assert not is_meeting(repository, repository.by_id["press"])


def test_a_meeting_kind_without_a_field_makes_every_record_a_meeting(repo):
    schema = repo.root / "datapackage.yaml"
    schema.write_text(schema.read_text(encoding="utf-8").replace(DECLARED, "meetings: {drafts: drafts}"), encoding="utf-8")
    repo.write("events/press.yaml", "title: Spaudos konferencija\nkind: press\nstart: 2026-12-11\n")
    repository = load_repository(repo.root)
    assert [(m.entry.record.id, m.drafts, m.conclusions) for m in meetings(repository)] == [("press", [], None)]


@pytest.mark.parametrize(
    "new, problems",
    [
        ("meetings: [drafts]", ["`kind.meetings` must be a mapping such as `{field: kind, values: [krpt], drafts: drafts}`"]),
        ("meetings: {field: kind, values: [krpt, senate], drafts: agenda, conclusions: nothing}", [
            "`kind.meetings.drafts` names `agenda`, which must be of type array",
            "`kind.meetings.values` must list values of `kind` that mark a meeting",
            "`kind.meetings.conclusions` names `nothing`, which is not a field",
        ]),
    ],
)
def test_a_wrong_meetings_declaration_is_named(tmp_path, new, problems):
    text = (PROJECT / "datapackage.yaml").read_text(encoding="utf-8")
    assert DECLARED in text
    (tmp_path / "datapackage.yaml").write_text(text.replace(DECLARED, new), encoding="utf-8")
    with pytest.raises(SchemaError) as raised:
        load_schema(tmp_path)
    assert str(raised.value) == "\n".join(f"datapackage.yaml: resource `events`: {p}" for p in problems)


def test_meetings_need_a_calendar(tmp_path):
    text = (PROJECT / "datapackage.yaml").read_text(encoding="utf-8")
    calendar = "      calendar: {start: start, end: end, item: event}\n"
    assert calendar in text
    (tmp_path / "datapackage.yaml").write_text(text.replace(calendar, ""), encoding="utf-8")
    with pytest.raises(SchemaError) as raised:
        load_schema(tmp_path)
    assert str(raised.value) == (
        "datapackage.yaml: resource `events`: `kind.meetings` needs `kind.calendar` (when each meeting starts)"
    )

