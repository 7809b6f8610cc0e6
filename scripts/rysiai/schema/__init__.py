"""The one schema: reads datapackage.yaml into collections, their fields and their kind."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import SchemaError
from ..language import _, system_problem
from .kind import Kind, read_kind

SCHEMA_FILE = "datapackage.yaml"
VISIBILITIES = ("public", "internal", "personal")
# Which records of a collection a public build shows: every one, those whose boolean field
# `public` is true (a person's consent), or none. Left out, a collection is never published.
PUBLISH_MODES = ("all", "marked", "never")
CONSENT_FIELD = "public"
CHECKS = ("email", "phone", "url", "country", "language", "entity-code", "partial-date", "date-time", "markdown", "coordinates")
SCALAR_TYPES = ("string", "date", "boolean", "integer")
TYPES = SCALAR_TYPES + ("list", "array")
# Frictionless's own defaults, used where a boolean field names none.
DEFAULT_TRUE = ("true", "True", "TRUE", "1")
DEFAULT_FALSE = ("false", "False", "FALSE", "0")


@dataclass(frozen=True)
class Field:
    """One field of a collection (or of the items of an array field)."""

    name: str
    type: str
    title: str
    description: str
    visibility: str
    check: str | None = None
    references: tuple[str, ...] = ()
    required: bool = False
    enum: tuple[str, ...] | None = None
    pattern: re.Pattern | None = None
    item_type: str = "string"
    delimiter: str = ";"
    true_values: tuple[str, ...] = DEFAULT_TRUE
    false_values: tuple[str, ...] = DEFAULT_FALSE
    fields: dict[str, Field] = field(default_factory=dict)
    enum_labels: dict[str, str] = field(default_factory=dict)
    # The heading of the section that lists, on a referenced record's page, the records that
    # refer to it through this field ("Projektai" on a partner's page); empty: the default.
    backlink_title: str = ""
    # A field of the same record shown in this one's place where this one is empty (a
    # request's applicant: the linked record, else the resident's name as written).
    fallback: str | None = None

    def label_of(self, value: str) -> str:
        """What the site shows for an allowed value: its label, else the value itself."""
        return self.enum_labels.get(value, value)


@dataclass(frozen=True)
class Collection:
    """One resource of the data package: a folder of records."""

    name: str
    title: str
    description: str
    fields: dict[str, Field]
    columns: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    home: tuple[str, ...] = ()  # the columns of the home page's lists of coming and recent records
    brief: tuple[str, ...] = ()  # the fields the mayor's brief shows of a record coming up
    kind: Kind = Kind()  # what the records are beyond their fields (people, calendar entries…)
    review_months: int | None = None  # `reviewed` older than this many months: a warning
    publish: str = "never"  # public builds: all records, those marked `public: true`, or none
    # The public report may say how many records there are (per year, month, status), never a
    # value of one, even where the records themselves are not published.
    publish_counts: bool = False

    def fields_along(self, place: tuple) -> list[Field]:
        """The fields a place in a record passes through: ("follow_ups", 0, "owner") → the
        fields `follow_ups` and its items' `owner`."""
        fields, along = self.fields, []
        for part in place:
            if isinstance(part, str):
                field = fields.get(part)
                if field is None:
                    break
                along.append(field)
                fields = field.fields
        return along


@dataclass(frozen=True)
class HomeTown:
    """The municipality's own town (datapackage.yaml's `home`), as `town`, `country` and, if
    written, `coordinates` (latitude, longitude)."""

    town: str
    country: str
    coordinates: str | None = None


@dataclass(frozen=True)
class Schema:
    """The collections of a data repository, in the order datapackage.yaml gives them."""

    path: Path
    collections: dict[str, Collection]
    descriptor: dict[str, Any]
    home: HomeTown | None = None  # the municipality's own town, marked on the map


def load_schema(root: Path) -> Schema:
    """Read ``root/datapackage.yaml``; raise SchemaError naming every problem in it."""
    path = root / SCHEMA_FILE
    try:
        descriptor = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except OSError as error:
        raise SchemaError(_("{SCHEMA_FILE}: cannot be read: {strerror}").format(SCHEMA_FILE=SCHEMA_FILE, strerror=system_problem(error))) from None
    except UnicodeDecodeError:
        raise SchemaError(_("{SCHEMA_FILE}: is not UTF-8 text; save it as UTF-8").format(SCHEMA_FILE=SCHEMA_FILE)) from None
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else "?"
        raise SchemaError(_("{SCHEMA_FILE}:{line}: YAML syntax error: {problem}").format(SCHEMA_FILE=SCHEMA_FILE, line=line, problem=error.problem)) from None
    except yaml.YAMLError as error:
        raise SchemaError(_("{SCHEMA_FILE}: cannot be read as YAML: {error}").format(SCHEMA_FILE=SCHEMA_FILE, error=error)) from None
    _keep_text_as_written(descriptor, yaml.load(path.read_text(encoding="utf-8"), Loader=TextLoader))
    problems: list[str] = []
    collections = _read_collections(descriptor, problems)
    home = _read_home(descriptor.get("home") if isinstance(descriptor, dict) else None, problems)
    if problems:
        raise SchemaError("\n".join(f"{SCHEMA_FILE}: {problem}" for problem in problems))
    return Schema(path=path, collections=collections, descriptor=descriptor, home=home)


def _read_home(value: Any, problems: list[str]) -> HomeTown | None:
    if value is None:
        return None
    parts = {"town", "country", "coordinates"}
    if (
        not isinstance(value, dict) or set(value) - parts
        or not all(isinstance(value.get(key), str) and value[key] for key in ("town", "country"))
        or not isinstance(value.get("coordinates", ""), str)
    ):
        problems.append(_("`home` must be a mapping such as `{{town: Prienai, country: LT, coordinates: '54.6333, 23.9417'}}`").format())
        return None
    return HomeTown(value["town"], value["country"], value.get("coordinates"))


# Allowed values and boolean words are text: YAML 1.1 would read `NO` (Norway) as false and
# `yes` as true. These keys are taken as written; the rest of the descriptor keeps its types
# (`required: true`), as Frictionless reads them.
TEXT_KEYS = ("enum", "itemEnum", "trueValues", "falseValues", "enumLabels")


class TextLoader(getattr(yaml, "CBaseLoader", yaml.BaseLoader)):
    """Every scalar as the text written (PyYAML's base loader)."""


def _keep_text_as_written(typed: Any, text: Any) -> None:
    if isinstance(typed, dict) and isinstance(text, dict):
        for key, value in typed.items():
            if key in TEXT_KEYS and key in text:
                typed[key] = text[key]
            else:
                _keep_text_as_written(value, text.get(key))
    elif isinstance(typed, list) and isinstance(text, list) and len(typed) == len(text):
        for typed_item, text_item in zip(typed, text):
            _keep_text_as_written(typed_item, text_item)


def _read_collections(descriptor: Any, problems: list[str]) -> dict[str, Collection]:
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        problems.append(_("must be a mapping with a `resources` list (one resource per collection)"))
        return {}
    collections: dict[str, Collection] = {}
    for index, resource in enumerate(descriptor["resources"], start=1):
        name = resource.get("name") if isinstance(resource, dict) else None
        if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_-]+", name):
            problems.append(_("resource {index} needs a `name` of lowercase letters (the folder name)").format(index=index))
            continue
        fields_descriptor = (resource.get("schema") or {}).get("fields")
        if not isinstance(fields_descriptor, list):
            problems.append(_("resource `{name}` needs `schema.fields`, a list of fields").format(name=name))
            continue
        fields = _read_fields(fields_descriptor, f"resource `{name}`", problems)
        for each in fields.values():
            if each.fallback is not None and each.fallback not in fields:
                problems.append(
                    _("resource `{name}`, field `{field}`: `fallback` names `{other}`, not a field")
                    .format(name=name, field=each.name, other=each.fallback)
                )
        if "id" not in fields:
            problems.append(_("resource `{name}` needs an `id` field").format(name=name))
        site = resource.get("site") or {}
        if not isinstance(site, dict):
            problems.append(_("resource `{name}`: `site` must be a mapping with `columns` and `groups`").format(name=name))
            site = {}
        kind = read_kind(resource.get("kind"), f"resource `{name}`", fields, problems)
        columns, groups, home, brief = _read_site_hints(site, name, fields, kind, problems)
        collections[name] = Collection(
            name=name,
            title=str(resource.get("title") or name),
            description=str(resource.get("description") or ""),
            fields=fields,
            columns=columns,
            groups=groups,
            home=home,
            brief=brief,
            kind=kind,
            review_months=_read_review_months(resource.get("review_months"), name, fields, problems),
            publish=_read_publish(resource.get("publish"), name, fields, problems),
            publish_counts=_read_publish_counts(resource.get("publish_counts"), name, problems),
        )
    for collection in collections.values():
        for fld in _all_fields(collection.fields):
            for target in fld.references:
                if target not in collections:
                    problems.append(
                        _("field `{name}.{name2}` refers to `{target}`, which is not a resource").format(name=collection.name, name2=fld.name, target=target)
                    )
    return collections


def _read_review_months(months: Any, name: str, fields: dict[str, Field], problems: list[str]) -> int | None:
    if months is None:
        return None
    if not isinstance(months, int) or isinstance(months, bool) or months < 1:
        problems.append(_("resource `{name}`: `review_months` must be a whole number of months, e.g. 24").format(name=name))
        return None
    if "reviewed" not in fields:
        problems.append(_("resource `{name}`: `review_months` needs a date field `reviewed`").format(name=name))
        return None
    return months


def _read_publish(mode: Any, name: str, fields: dict[str, Field], problems: list[str]) -> str:
    if mode is None:
        return "never"
    if mode not in PUBLISH_MODES:
        problems.append(_("resource `{name}`: `publish` must be one of {value}").format(name=name, value=', '.join(PUBLISH_MODES)))
        return "never"
    consent = fields.get(CONSENT_FIELD)
    if mode == "marked" and (consent is None or consent.type != "boolean"):
        problems.append(
            _("resource `{name}`: `publish: marked` needs a boolean field `{CONSENT_FIELD}` (true on each record that may be published)").format(name=name, CONSENT_FIELD=CONSENT_FIELD)
        )
        return "never"
    return mode


def _read_publish_counts(value: Any, name: str, problems: list[str]) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        problems.append(_("resource `{name}`: `publish_counts` must be true or false").format(name=name))
        return False
    return value


def _read_site_hints(site: dict, name: str, fields: dict[str, Field], kind: Kind, problems: list[str]):
    columns = tuple(site.get("columns") or [f for f in fields if f != "id"][:4])
    groups = tuple(site.get("groups") or ())
    home = tuple(site.get("home") or ())
    brief = tuple(site.get("brief") or ())
    # `FIELD.next`: the next task not done of the kind's tasks (a project's next milestone).
    next_task = f"{kind.tasks.field}.next" if kind.tasks else None
    for hint, names in (("columns", columns), ("home", home), ("brief", brief)):
        for column in names:
            if column not in fields and column != next_task:
                problems.append(_("resource `{name}`: `site.{hint}` names `{column}`, not a field").format(name=name, hint=hint, column=column))
    for group in groups:
        field_name, _dot, part = group.partition(".")
        if field_name not in fields or part not in ("", "year"):
            problems.append(
                _("resource `{name}`: `site.groups` names `{group}`; write a field name, or FIELD.year for the year of a date field").format(name=name, group=group)
            )
    return columns, groups, home, brief


def _all_fields(fields: dict[str, Field]):
    for fld in fields.values():
        yield fld
        yield from _all_fields(fld.fields)


def _read_fields(descriptors: list, where: str, problems: list[str]) -> dict[str, Field]:
    fields: dict[str, Field] = {}
    for descriptor in descriptors:
        if not isinstance(descriptor, dict) or not isinstance(descriptor.get("name"), str):
            problems.append(_("{where}: every field needs a `name`").format(where=where))
            continue
        parsed = _read_field(descriptor, f"{where}, field `{descriptor['name']}`", problems)
        if parsed.name in fields:
            problems.append(_("{where}: field `{name}` is defined twice").format(where=where, name=parsed.name))
        fields[parsed.name] = parsed
    return fields


def _read_field(descriptor: dict, where: str, problems: list[str]) -> Field:
    kind = descriptor.get("type", "string")
    if kind not in TYPES:
        problems.append(_("{where}: type `{kind}` is not one of {value}").format(where=where, kind=kind, value=', '.join(TYPES)))
    visibility = descriptor.get("visibility")
    if visibility not in VISIBILITIES:
        problems.append(_("{where}: `visibility` must be one of {value}").format(where=where, value=', '.join(VISIBILITIES)))
    check = descriptor.get("check")
    if check is not None and check not in CHECKS:
        problems.append(_("{where}: `check` must be one of {value}").format(where=where, value=', '.join(CHECKS)))
    for label in ("title", "description"):
        if not descriptor.get(label):
            problems.append(_("{where}: needs a `{label}` (shown to staff on the site and in editors)").format(where=where, label=label))
    constraints = descriptor.get("constraints") or {}
    if not isinstance(constraints, dict):
        problems.append(_("{where}: `constraints` must be a mapping such as `{{required: true}}`").format(where=where))
        constraints = {}
    pattern = None
    if "pattern" in constraints:
        try:
            pattern = re.compile(str(constraints["pattern"]))
        except re.error as error:
            problems.append(_("{where}: pattern cannot be read: {error}").format(where=where, error=error))
    enum = constraints.get("enum")
    if kind == "list":
        # Table Schema's list type takes no `enum`: the allowed values of its items are Ryšiai's own.
        if enum is not None:
            problems.append(_("{where}: a list field's allowed values are its `itemEnum`, not `constraints.enum`").format(where=where))
        # The misplaced list is read as meant, so its labels are not named a second mistake.
        enum = descriptor.get("itemEnum", enum)
        if enum is not None and not isinstance(enum, list):
            problems.append(_("{where}: `itemEnum` must list the allowed values of the items").format(where=where))
            enum = None
    enum_labels = descriptor.get("enumLabels") or {}
    if enum_labels and (not isinstance(enum_labels, dict) or not enum):
        if kind == "list":
            problems.append(_("{where}: `enumLabels` must map the values of `itemEnum` to labels").format(where=where))
        else:
            problems.append(_("{where}: `enumLabels` must map the values of `constraints.enum` to labels").format(where=where))
        enum_labels = {}
    for value in enum_labels:
        if enum and str(value) not in [str(v) for v in enum]:
            problems.append(_("{where}: `enumLabels` labels `{value}`, which is not an allowed value").format(where=where, value=value))
    backlink_title = descriptor.get("backlinkTitle") or ""
    if backlink_title and not (isinstance(backlink_title, str) and descriptor.get("references")):
        problems.append(_("{where}: `backlinkTitle` is the heading of a field with `references`, as text").format(where=where))
        backlink_title = ""
    references = descriptor.get("references") or ()
    fallback = descriptor.get("fallback")
    if fallback is not None and not isinstance(fallback, str):
        problems.append(_("{where}: `fallback` must name another field of the same record").format(where=where))
        fallback = None
    item_type = descriptor.get("itemType", "string")
    if kind == "list" and item_type not in SCALAR_TYPES:
        problems.append(_("{where}: `itemType` must be one of {value}").format(where=where, value=', '.join(SCALAR_TYPES)))
    sub_fields = {}
    if kind == "array":
        sub_fields = _read_fields(descriptor.get("fields") or [], where, problems)
    return Field(
        name=descriptor["name"],
        type=kind,
        title=str(descriptor.get("title") or descriptor["name"]),
        description=str(descriptor.get("description") or ""),
        visibility=visibility or "internal",
        check=check,
        references=tuple(references),
        required=bool(constraints.get("required")),
        enum=tuple(str(value) for value in enum) if enum else None,
        pattern=pattern,
        item_type=item_type,
        delimiter=str(descriptor.get("delimiter", ";")),
        true_values=tuple(descriptor.get("trueValues") or DEFAULT_TRUE),
        false_values=tuple(descriptor.get("falseValues") or DEFAULT_FALSE),
        fields=sub_fields,
        enum_labels={str(key): str(value) for key, value in enum_labels.items()},
        backlink_title=backlink_title,
        fallback=fallback,
    )
