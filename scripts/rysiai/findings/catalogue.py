"""Every kind of finding Ryšiai reports, with its stable code: the error catalogue."""

from __future__ import annotations

from . import ERROR, WARNING, FindingKind

# Reading files
ENCODING = FindingKind(
    "encoding", ERROR, "Not UTF-8",
    "the file is not UTF-8 text: byte {byte} cannot be read",
    "save the file as UTF-8 (in Excel: “CSV UTF-8”; in an editor: encoding UTF-8)")
UNREADABLE = FindingKind(
    "unreadable", ERROR, "File cannot be read",
    "the file cannot be read: {problem}",
    "check that the file exists and that you may read it")
YAML_SYNTAX = FindingKind(
    "yaml-syntax", ERROR, "YAML syntax error",
    "YAML syntax error: {problem}",
    "check the indentation and the quotes on this line and the one above")
EMPTY_FILE = FindingKind(
    "empty-file", ERROR, "Empty file",
    "the file holds no record",
    "write the record's fields, or delete the file")
NOT_MAPPING = FindingKind(
    "not-mapping", ERROR, "Not a mapping",
    "a record file must be a mapping of `field: value` lines, but this is {found}",
    "start each line with a field name and a colon, e.g. `name: Talsu novads`")
DUPLICATE_KEY = FindingKind(
    "duplicate-key", ERROR, "Field written twice",
    "field `{key}` is written twice (first on line {first_line}); only one value can be kept",
    "keep one of the two lines")
YAML_TAG = FindingKind(
    "yaml-tag", ERROR, "YAML tag refused",
    "YAML tag `{tag}` is refused: Ryšiai never builds objects or types from tags",
    "remove the tag and write the value as plain text")
YAML_ALIAS = FindingKind(
    "yaml-alias", ERROR, "YAML alias refused",
    "this value is used again through a YAML alias (`&name` … `*name`); aliases are refused",
    "write the value out in full where it is used")
TOO_DEEP = FindingKind(
    "too-deep", ERROR, "Nested too deep",
    "lists and mappings are nested more than {most} levels deep here",
    "a record's fields hold text, lists of text, or lists of `field: value` items")
BAD_KEY = FindingKind(
    "bad-key", ERROR, "Field name is not text",
    "a field name must be plain text, but this one is {found}",
    "write the field name as a word followed by a colon")
CSV_HEADER = FindingKind(
    "csv-header", ERROR, "Bad CSV header",
    "CSV header problem: {problem}",
    "the first row must name the columns: `id` and field names, each once")
CSV_SYNTAX = FindingKind(
    "csv-syntax", ERROR, "CSV syntax error",
    "CSV syntax error: {problem}; the rest of the file is not read",
    "check the quotes on this row: a quote inside a cell is written twice (\"\")")
CSV_ROW_LENGTH = FindingKind(
    "csv-row-length", ERROR, "Wrong number of cells",
    "this row has {found} cells but the header has {expected}; the row is not read",
    "check for a missing or extra `,` or an unclosed quote")
FILE_NOT_READ = FindingKind(
    "file-not-read", WARNING, "File not read",
    "this file is not read as a record: {reason}",
    "")
MISNAMED_FILE = FindingKind(
    "misnamed-file", ERROR, "Record file with a wrong extension",
    "record files end in `.yaml` or `.csv` (lower case), so this file is not read",
    "rename it to `{suggestion}`")

# Ids
BAD_ID = FindingKind(
    "bad-id", ERROR, "Bad record id",
    "id `{id}` may hold only lowercase letters a-z, digits and `-`",
    "use `{suggestion}`")
RESERVED_ID = FindingKind(
    "reserved-id", ERROR, "Reserved id",
    "id `{id}` is reserved: {reason}",
    "use another id, e.g. `{suggestion}`")
MISSING_ID = FindingKind(
    "missing-id", ERROR, "Missing id",
    "this row has no `id`",
    "give every row a unique id of lowercase letters a-z, digits and `-`")
ID_MISMATCH = FindingKind(
    "id-mismatch", ERROR, "id differs from the file name",
    "`id: {written}` differs from the file name, which gives the id `{id}`",
    "remove the `id` line or rename the file")
DUPLICATE_ID = FindingKind(
    "duplicate-id", ERROR, "Duplicate id",
    "id `{record}` is already used by {other}",
    "ids are unique across the whole repository: choose another id")

# Fields
UNKNOWN_FIELD = FindingKind(
    "unknown-field", ERROR, "Unknown field",
    "unknown field `{field}` in {collection}",
    "")
REQUIRED = FindingKind(
    "required", ERROR, "Required field missing",
    "required field `{field}` ({title}) is missing or empty",
    "add a line `{name}: …`")
TYPE = FindingKind(
    "type", ERROR, "Wrong type of value",
    "`{field}` must be {expected}, but it is {found}",
    "")
LIST_DELIMITER = FindingKind(
    "list-delimiter", ERROR, "List item holding the separator",
    "an item of `{field}` is `{value}`, which holds `{delimiter}`, the separator of list items in CSV",
    "write it as separate items, one per line starting with `- `")
ENUM = FindingKind(
    "enum", ERROR, "Value not allowed",
    "`{field}` is `{value}`, which is not one of: {allowed}",
    "")
PATTERN = FindingKind(
    "pattern", ERROR, "Value does not match the pattern",
    "`{field}` is `{value}`, which does not match the pattern `{pattern}`",
    "")

# Values
DATE = FindingKind(
    "date", ERROR, "Not a date",
    "`{field}` is `{value}`: {problem}",
    "write a real date as YYYY-MM-DD, e.g. 2024-05-17")
DATE_ORDER = FindingKind(
    "date-order", ERROR, "Dates in the wrong order",
    "`{field}` ({value}) is before `{other}` ({other_value})",
    "check both dates")
EMAIL = FindingKind(
    "email", ERROR, "Bad e-mail address",
    "`{field}` is `{value}`, not a valid e-mail address: {problem}",
    "")
PHONE = FindingKind(
    "phone", ERROR, "Bad phone number",
    "`{field}` is `{value}`, not a valid phone number{problem}",
    "write it as +370 and 8 digits, e.g. +37031961234, or with a country code for abroad")
PHONE_FORMAT = FindingKind(
    "phone-format", WARNING, "Phone not in E.164 form",
    "`{field}` is `{value}`, stored numbers are written in E.164 form",
    "write `{e164}`")
URL = FindingKind(
    "url", ERROR, "Bad web address",
    "`{field}` is `{value}`, not a web address: {problem}",
    "write the full address, starting with https://")
COUNTRY = FindingKind(
    "country", ERROR, "Unknown country",
    "`{field}` is `{value}`, not an ISO 3166-1 alpha-2 country code",
    "")
ENTITY_CODE = FindingKind(
    "entity-code", ERROR, "Bad legal-entity code",
    "`{field}` is `{value}`: {problem}",
    "a Lithuanian legal-entity code has 9 digits; check it in the Register of Legal Entities")
REFERENCE = FindingKind(
    "reference", ERROR, "Reference to a missing record",
    "`{field}` refers to `{value}`, but no {allowed} record has that id",
    "")
REFERENCE_KIND = FindingKind(
    "reference-kind", ERROR, "Reference to the wrong kind of record",
    "`{field}` refers to `{value}`, which is a record of {found}; it must be one of {allowed}",
    "")
ANSWER_DATE = FindingKind(
    "answer-date", ERROR, "Answered without a date",
    "`status` is `answered`, but `answered` (the date of the answer) is missing",
    "add a line `answered: YYYY-MM-DD`")
OVERDUE = FindingKind(
    "overdue", WARNING, "Reply overdue",
    "the reply was due on {due}: {days} day(s) overdue",
    "answer it and set `status: answered` with the date, or set a new `due` date")
OVERDUE_TASK = FindingKind(
    "overdue", WARNING, "Follow-up overdue",
    "the follow-up `{task}` was due on {due}: {days} day(s) overdue",
    "do it and set `done: true`, or set a new `due` date")
AGREEMENT_ENDED = FindingKind(
    "agreement-ended", WARNING, "Agreement past its end still signed",
    "the agreement `{type}` was valid until {until}, but its `status` still says `{status}`",
    "set `status: expired` (or `ended`), or write the new `until` date if it was extended")
NOT_REVIEWED = FindingKind(
    "not-reviewed", WARNING, "Not reviewed for a long time",
    "{what}; records of people are reviewed at least every {months} months",
    "check the record with the person or the organisation, then set `reviewed: YYYY-MM-DD`")
PERSONAL_CODE = FindingKind(
    "personal-code", WARNING, "Looks like a personal code",
    "`{field}` holds `{code}`, which looks like a Lithuanian personal code (asmens kodas)",
    "a contact register must not keep personal codes: remove it")
UNPUBLISHED_PERSON_NAMED = FindingKind(
    "unpublished-person-named", WARNING, "Names a person who is not published",
    "`{field}` is shown on the public site and holds {what} of `{other}` ({other_path}), "
    "who is not published; `rysiai build --public` refuses to build while it is there",
    "leave the person out of this text, or, if they agreed, set `public: true` on their record")
POSSIBLE_DUPLICATE = FindingKind(
    "possible-duplicate", WARNING, "Possible duplicate",
    "{collection} `{record}` may be the same as `{other}` ({other_path}): {reason}",
    "merge the two records, or make the difference clear")

ALL_KINDS: tuple[FindingKind, ...] = tuple(
    value for value in list(globals().values()) if isinstance(value, FindingKind)
)
