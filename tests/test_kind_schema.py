"""The parts of a resource's `kind` that the new record kinds brought, and the new field and site
properties: each read as written, and each mistake named when datapackage.yaml is read."""

import pytest
from conftest import PROJECT
from rysiai.errors import SchemaError
from rysiai.schema import load_schema
from rysiai.schema.kind import LogRule, ProjectRule, TaskRule
from rysiai.schema.kind_report import Funding


def test_the_kinds_as_the_schema_declares_them():
    collections = load_schema(PROJECT).collections
    assert collections["visits"].kind.tasks == TaskRule("follow_ups", "task", "follow-up")
    assert collections["projects"].kind.tasks == TaskRule("milestones", "title", "milestone")
    assert collections["projects"].kind.project == ProjectRule(
        "status", ("finished", "stopped"), Funding("funding_source", "amount", "own_share", "end")
    )
    assert collections["projects"].kind.dated == "start"
    assert collections["interactions"].kind.log == LogRule("date", "with", "by", "kind")
    assert collections["interactions"].kind.calendar.agenda is False
    assert collections["visits"].kind.calendar.agenda is True
    assert collections["contacts"].kind.roles == "roles"
    assert collections["associations"].kind.eldership == "eldership"
    assert collections["surveys"].fields["elderships"].enum[:2] == ("Ašmintos", "Balbieriškio")
    assert collections["projects"].fields["partners"].backlink_title == "Projektai"
    assert collections["projects"].columns[-1] == "milestones.next"


@pytest.mark.parametrize(
    "old, new, problem",
    [
        ("      tasks: {field: milestones, text: title, item: milestone}\n",
         "      tasks: {field: milestones, text: name, item: milestone}\n",
         "resource `projects`: `kind.tasks`: the items of `milestones` need a field `name` of type string"),
        ("      tasks: {field: milestones, text: title, item: milestone}\n",
         "      tasks: {field: milestones, words: title}\n",
         "resource `projects`: `kind.tasks` must be a field name or a mapping such as "
         "`{field: milestones, text: title, item: milestone}`\n"
         "datapackage.yaml: resource `projects`: `site.columns` names `milestones.next`, not a field"),
        ("      project: {status: status, closed: [finished, stopped],",
         "      project: {status: status, closed: [finished, over],",
         "resource `projects`: `kind.project.closed` must list values of `status` after which nothing is due"),
        ("      project: {status: status, closed: [finished, stopped], funding: funding_source, amount: amount, "
         "own_share: own_share, end: end}\n", "      project: running\n",
         "resource `projects`: `kind.project` must be a mapping such as `{status: status, closed: [finished, stopped]}`"),
        ("      dated: start\n", "      dated: begins\n",
         "resource `projects`: `kind.dated` names `begins`, which is not a field"),
        ("      log: {date: date, with: with, by: by, kind: kind}\n",
         "      log: {date: date, with: subject, by: by, kind: kind}\n",
         "resource `interactions`: `kind.log.with` names `subject`, which must have `references`"),
        ("      log: {date: date, with: with, by: by, kind: kind}\n",
         "      log: {date: date, with: with, by: by, kind: subject}\n",
         "resource `interactions`: `kind.log.kind` names `subject`, which must list its allowed values (`enum`)"),
        ("      log: {date: date, with: with, by: by, kind: kind}\n", "      log: {date: date}\n",
         "resource `interactions`: `kind.log` must be a mapping such as `{date: date, with: with, by: by, kind: kind}`"),
        ("      calendar: {start: date, item: interaction, agenda: false}\n",
         "      calendar: {start: date, item: interaction, agenda: 'no'}\n",
         "resource `interactions`: `kind.calendar.agenda` must be true or false"),
        ("      roles: roles\n", "      roles: tags\n",
         "resource `contacts`: `kind.roles` names `tags`, which must be of type array"),
        ("            - name: until\n              type: date\n              title: Iki\n",
         "            - name: until\n              type: string\n              title: Iki\n",
         "resource `contacts`: `kind.roles`: the items of `roles` need a field `until` of type date"),
        ("      eldership: elderships\n", "      eldership: start\n",
         "resource `visits`: `kind.eldership` names `start`, which must be text or a list of text"),
        ("          backlinkTitle: Spaudoje\n", "          backlinkTitle: [Spaudoje]\n",
         "resource `press`, field `about`: `backlinkTitle` is the heading of a field with `references`, as text"),
        ("      columns: [name, status, programme, responsible, end, milestones.next]\n",
         "      columns: [name, status, programme, responsible, end, progress.next]\n",
         "resource `projects`: `site.columns` names `progress.next`, not a field"),
        ("          itemEnum: [Ašmintos,", "          constraints:\n            enum: [Ašmintos,",
         "resource `visits`, field `elderships`: a list field's allowed values are its `itemEnum`, not `constraints.enum`"),
    ],
)
def test_mistakes_in_the_new_parts_are_named(tmp_path, old, new, problem):
    text = (PROJECT / "datapackage.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "datapackage.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(SchemaError) as raised:
        load_schema(tmp_path)
    assert str(raised.value) == f"datapackage.yaml: {problem}"


def test_a_list_items_allowed_values_are_checked(repo):
    from rysiai.findings.wording import finding_line
    from rysiai.repository import load_repository
    from rysiai.validate import check_repository

    schema = repo.root / "datapackage.yaml"
    text = schema.read_text(encoding="utf-8")
    old = "          description: Rajono seniūnijos, kuriose lankomasi.\n          visibility: public\n"
    assert old in text
    schema.write_text(text.replace(old, old + "          itemEnum: [Stakliškių, Šilavoto]\n"), encoding="utf-8")
    repo.write("visits/v.yaml", "title: V\ndirection: incoming\nstart: 2026-06-01\nelderships: [Šilavoto, Stakliskiu]\n")
    assert [finding_line(f) for f in check_repository(load_repository(repo.root)).sorted()] == [
        "visits/v.yaml:4: error: [enum] `elderships` is `Stakliskiu`, which is not allowed: use "
        "`Stakliškių` or `Šilavoto` (did you mean `Stakliškių`?)",
    ]
