"""datapackage.yaml: a valid Frictionless descriptor, complete labels, and the template in step."""

import pytest
import yaml
from conftest import PROJECT
from frictionless import Package
from rysiai.errors import SchemaError
from rysiai.schema import load_schema

TEMPLATE = PROJECT / "scripts" / "rysiai" / "templates" / "datapackage.yaml"


def read(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", [PROJECT / "datapackage.yaml", TEMPLATE])
def test_descriptor_is_valid_frictionless(path):
    report = Package.validate_descriptor(read(path))
    assert report.valid, [error.message for error in report.errors]


def test_every_field_has_lithuanian_labels_and_a_visibility():
    schema = load_schema(PROJECT)
    assert list(schema.collections) == [
        "partners", "contacts", "associations", "visits", "requests", "events",
        "projects", "interactions", "press", "surveys",
    ]
    for collection in schema.collections.values():
        for field in collection.fields.values():
            assert field.title and field.description, field.name
            assert field.visibility in ("public", "internal", "personal")


def test_template_differs_from_prienai_only_in_local_details():
    def generic(descriptor):
        descriptor = dict(descriptor, name=None, title=None)
        descriptor.pop("home", None)  # the municipality's own town
        for resource in descriptor["resources"]:
            for field in resource["schema"]["fields"]:
                field.pop("description")
                if field["name"] in ("eldership", "elderships"):  # the elderships of Prienai district
                    field.pop("constraints", None)
                    field.pop("itemEnum", None)
                    field.pop("enumLabels", None)
        return descriptor

    assert generic(read(PROJECT / "datapackage.yaml")) == generic(read(TEMPLATE))


def test_a_field_without_a_title_is_refused(tmp_path):
    text = TEMPLATE.read_text(encoding="utf-8").replace("          title: Miestas\n", "", 1)
    (tmp_path / "datapackage.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(SchemaError) as raised:
        load_schema(tmp_path)
    assert str(raised.value) == (
        "datapackage.yaml: resource `partners`, field `city`: needs a `title` (shown to staff on "
        "the site and in editors)"
    )


def test_a_municipality_adds_a_field_by_editing_the_schema(repo):
    from rysiai.repository import load_repository
    from rysiai.validate import check_repository

    schema = repo.root / "datapackage.yaml"
    schema.write_text(
        schema.read_text(encoding="utf-8").replace(
            "        - name: city\n",
            "        - name: twitter\n          type: string\n          title: X paskyra\n"
            "          description: Paskyra socialiniame tinkle X.\n          visibility: public\n"
            "        - name: city\n",
            1,
        ),
        encoding="utf-8",
    )
    repo.write("partners/talsi.yaml", "name: T\nkind: other\ncountry: LV\ntwitter: '@talsi'\n")
    repository = load_repository(repo.root)
    assert check_repository(repository).findings == []
    assert repository.by_id["talsi"].typed["twitter"] == "@talsi"


def test_allowed_values_and_boolean_words_are_text_as_written(tmp_path):
    text = TEMPLATE.read_text(encoding="utf-8").replace(
        "            enum: [municipality, region,", "            enum: [NO, yes, municipality, region,", 1
    ).replace('          trueValues: ["true"]', "          trueValues: [yes, taip]", 1)
    (tmp_path / "datapackage.yaml").write_text(text, encoding="utf-8")
    schema = load_schema(tmp_path)
    assert schema.collections["partners"].fields["kind"].enum[:3] == ("NO", "yes", "municipality")
    assert schema.collections["contacts"].fields["public"].true_values == ("yes", "taip")
    assert schema.collections["partners"].fields["name"].required is True


@pytest.mark.parametrize(
    "old, new, problem",
    [
        ("          constraints: {required: true}\n", "          constraints: x\n",
         "resource `partners`, field `name`: `constraints` must be a mapping such as `{required: true}`"),
        ("    site:\n      columns: [name, kind, country, city]\n      groups: [country, kind]\n",
         "    site: [a]\n", "resource `partners`: `site` must be a mapping with `columns` and `groups`"),
    ],
)
def test_malformed_schema_parts_are_named(tmp_path, old, new, problem):
    text = (PROJECT / "datapackage.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "datapackage.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(SchemaError) as raised:
        load_schema(tmp_path)
    assert f"datapackage.yaml: {problem}" in str(raised.value)
