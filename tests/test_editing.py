"""Editing by hand: `rysiai new`, and JSON Schema files that editors check records against."""

import datetime as dt
import json

import jsonschema
import pytest
import yaml
from conftest import PROJECT
from rysiai.editing.json_schemas import json_schemas
from rysiai.findings.wording import finding_line
from rysiai.repository import load_repository
from rysiai.schema import load_schema
from rysiai.validate import check_repository


def as_editor_reads(value):
    """PyYAML reads YAML 1.1; editors read YAML 1.2, where a date is text."""
    if isinstance(value, dict):
        return {key: as_editor_reads(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_editor_reads(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def test_every_sample_record_passes_its_json_schema():
    schemas = json_schemas(load_schema(PROJECT))
    for collection in load_schema(PROJECT).collections:
        validator = jsonschema.Draft7Validator(schemas[f".schemas/{collection}.schema.json"])
        for path in sorted((PROJECT / collection).glob("*.yaml")):
            record = as_editor_reads(yaml.safe_load(path.read_text(encoding="utf-8")))
            assert [e.message for e in validator.iter_errors(record)] == [], path


def test_json_schema_catches_what_staff_mistype():
    schema = json_schemas(load_schema(PROJECT))[".schemas/partners.schema.json"]
    errors = sorted(e.message for e in jsonschema.Draft7Validator(schema).iter_errors(
        {"name": "X", "kind": "municipalty", "country": "LV", "emial": "x"}
    ))
    assert errors == [
        "'municipalty' is not one of ['municipality', 'region', 'state', 'international', "
        "'association', 'media', 'business', 'education', 'other']",
        "Additional properties are not allowed ('emial' was unexpected)",
    ]


def test_the_shipped_schema_files_are_current():
    for relative, content in json_schemas(load_schema(PROJECT)).items():
        shipped = json.loads((PROJECT / relative).read_text(encoding="utf-8"))
        assert shipped == content, f"run `rysiai schema` ({relative})"
    settings = json.loads((PROJECT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["./.schemas/contacts.schema.json"] == ["contacts/*.yaml"]


def test_new_record_with_descriptions_and_no_overwrite(repo, cli):
    result = cli("new", "contacts", "Rūta Žalienė", "phone=+37061234567", "position=Patarėja", "--root", str(repo.root))
    assert result.code == 0
    path = repo.root / "contacts" / "ruta-zaliene.yaml"
    assert result.out == f"{path}\n"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../.schemas/contacts.schema.json\n"
        "# Kontaktai: Žmonės institucijose, žiniasklaidoje, versle ir bendruomenėse.\n"
        "name: Rūta Žalienė  # Vardas ir pavardė (privalomas): Asmens vardas ir pavardė.\n"
        "# organization:  # Organizacija: Partnerio arba bendruomenės identifikatorius.\n"
        "position: Patarėja  # Pareigos: Pareigos organizacijoje.\n"
    )
    assert "phone: '+37061234567'  # Telefonas" in text
    repository = load_repository(repo.root)
    assert repository.by_id["ruta-zaliene"].values["phone"] == "+37061234567"
    assert check_repository(repository).findings == []
    again = cli("new", "contacts", "Rūta Žalienė", "--root", str(repo.root))
    assert again.code == 2
    assert path.read_text(encoding="utf-8") == text


def test_new_record_leaves_required_fields_to_fill(repo, cli):
    assert cli("new", "partners", "Birštono savivaldybė", "--root", str(repo.root)).code == 0
    texts = [finding_line(f) for f in check_repository(load_repository(repo.root)).sorted()]
    assert texts == [
        "partners/birstono-savivaldybe.yaml:5: error: [required] required field `kind` (Rūšis) is "
        "missing or empty (add a line `kind: …`)",
        "partners/birstono-savivaldybe.yaml:6: error: [required] required field `country` (Šalis) "
        "is missing or empty (add a line `country: …`)",
    ]


def test_new_record_writes_values_as_fmt_would(repo, cli):
    result = cli("new", "contacts", "Rūta Žalienė", "phone=8 612 34567", "languages=lt; en",
                 "public=true", "--root", str(repo.root))
    assert (result.code, result.err) == (0, "")
    lines = (repo.root / "contacts" / "ruta-zaliene.yaml").read_text(encoding="utf-8").splitlines()
    assert [line.split("  #")[0] for line in lines if not line.startswith("#")] == [
        "name: Rūta Žalienė",
        "phone: '+37061234567'",
        "languages: [lt, en]",
        "public: true",
    ]
    fmt = cli("fmt", "--check", "--root", str(repo.root))
    assert (fmt.code, fmt.out, fmt.err) == (0, "", "")
    assert check_repository(load_repository(repo.root)).findings == []


@pytest.mark.parametrize(
    "written, stored",
    [
        ("8 612 34567", "'+37061234567'"),
        ("0 612 34567", "'+37061234567'"),
        ("+370 612 34567", "'+37061234567'"),
        ("(8-319) 61234", "'+37031961234'"),
        ("+37061234567", "'+37061234567'"),
        ("123", "'123'"),  # not a number: kept as written, for validation to report
    ],
)
def test_new_record_phones_in_every_writing(repo, cli, written, stored):
    assert cli("new", "contacts", "Ona", f"phone={written}", "--root", str(repo.root)).code == 0
    text = (repo.root / "contacts" / "ona.yaml").read_text(encoding="utf-8")
    assert f"\nphone: {stored}  # Telefonas" in text


@pytest.mark.parametrize("name", ["Index", "Istrintas asmuo", "CON", "Nul", "aux", "Com1", "LPT9", "com0"])
def test_new_record_changes_a_reserved_id_made_from_the_name(repo, cli, name):
    derived = name.lower().replace(" ", "-")
    result = cli("new", "partners", name, "--root", str(repo.root))
    path = repo.root / "partners" / f"partners-{derived}.yaml"
    assert (result.code, result.out) == (0, f"{path}\n")
    assert result.err.startswith(f"Note: the id `{derived}` is reserved (")
    assert result.err.endswith(f"); the record's id is `partners-{derived}`.\n")
    assert path.is_file() and not (repo.root / "partners" / f"{derived}.yaml").exists()


def test_new_record_with_an_id_that_only_begins_with_a_device_name(repo, cli):
    result = cli("new", "partners", "Con", "id=con-2", "kind=other", "country=LT", "--root", str(repo.root))
    assert (result.code, result.err) == (0, "")
    assert check_repository(load_repository(repo.root)).findings == []


@pytest.mark.parametrize(
    "args, message",
    [
        (["partners", "X", "id=con"], "`con` cannot be an id: it is reserved: Windows cannot hold a file of that name (e.g. `partners-con`)"),
        (["partners", "X", "id=index"], "`index` cannot be an id: it is reserved: the site's page of the collection has that address (e.g. `partners-index`)"),
        (["contacts", "X", "id=istrintas-asmuo"], "`istrintas-asmuo` cannot be an id: it is reserved: `rysiai forget` writes it where an erased person was referred to (e.g. `contacts-istrintas-asmuo`)"),
        (["partners", "X", "id=Con"], "`Con` cannot be an id: use lowercase letters a-z, digits and `-`"),
        (["partners", "X", "agreements=sutartis"], "`agreements` holds items of several fields: write them in the file"),
        (["partners", "A\x01B"], "`name` holds the control character U+0001; type the value without it"),
        (["partners", "A", "address=Laisvės a. 1\nPrienai"], "`address` holds the control character U+000A; type the value without it"),
        (["people", "X"], "there is no collection `people`; the collections are: partners, contacts, associations, visits, requests, events, projects, interactions, press, surveys"),
        (["contacts", "X", "emial=x"], "`emial` is not a field of contacts"),
        (["contacts", "X", "phone"], "expected field=value, not 'phone'"),
    ],
)
def test_new_record_refuses_what_it_cannot_write(repo, cli, args, message):
    result = cli("new", *args, "--root", str(repo.root))
    assert (result.code, result.err) == (2, f"rysiai: error: {message}\n")
