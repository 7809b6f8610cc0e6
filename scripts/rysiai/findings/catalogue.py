"""Every kind of finding Ryšiai reports, with its stable code: the error catalogue."""

from __future__ import annotations

from ..language import N_
from . import ERROR, WARNING, FindingKind

# Reading files
ENCODING = FindingKind(
    "encoding", ERROR, N_("Not UTF-8"),
    N_("the file is not UTF-8 text: byte {byte} cannot be read"),
    N_("save the file as UTF-8 (in Excel: “CSV UTF-8”; in an editor: encoding UTF-8)"))
UNREADABLE = FindingKind(
    "unreadable", ERROR, N_("File cannot be read"),
    N_("the file cannot be read: {problem}"),
    N_("check that the file exists and that you may read it"))
YAML_SYNTAX = FindingKind(
    "yaml-syntax", ERROR, N_("YAML syntax error"),
    N_("YAML syntax error: {problem}"),
    N_("check the indentation and the quotes on this line and the one above"))
EMPTY_FILE = FindingKind(
    "empty-file", ERROR, N_("Empty file"),
    N_("the file holds no record"),
    N_("write the record's fields, or delete the file"))
NOT_MAPPING = FindingKind(
    "not-mapping", ERROR, N_("Not a mapping"),
    N_("a record file must be a mapping of `field: value` lines, but this is {found}"),
    N_("start each line with a field name and a colon, e.g. `name: Talsu novads`"))
DUPLICATE_KEY = FindingKind(
    "duplicate-key", ERROR, N_("Field written twice"),
    N_("field `{key}` is written twice (first on line {first_line}); only one value can be kept"),
    N_("keep one of the two lines"))
YAML_TAG = FindingKind(
    "yaml-tag", ERROR, N_("YAML tag refused"),
    N_("YAML tag `{tag}` is refused: Ryšiai never builds objects or types from tags"),
    N_("remove the tag and write the value as plain text"))
YAML_ALIAS = FindingKind(
    "yaml-alias", ERROR, N_("YAML alias refused"),
    N_("this value is used again through a YAML alias (`&name` … `*name`); aliases are refused"),
    N_("write the value out in full where it is used"))
TOO_DEEP = FindingKind(
    "too-deep", ERROR, N_("Nested too deep"),
    N_("lists and mappings are nested {found} levels deep here; a record allows at most "
       "{most}"),
    N_("a record's fields hold text, lists of text, or lists of `field: value` items"))
TOO_MANY_VALUES = FindingKind(
    "too-many-values", ERROR, N_("Too many values in one file"),
    N_("the file holds {found} values (each text, list and mapping counts); a record file "
       "may hold at most {most}, so it is not read"),
    N_("split it: one record per file, or many records as rows of a CSV file"))
FILE_TOO_LARGE = FindingKind(
    "file-too-large", ERROR, N_("Record file too large"),
    N_("the file is {found} bytes; a YAML record file may be at most {most} bytes, so it is "
       "not read"),
    N_("one record per file: move long texts or many records out (many records go in a CSV "
       "file)"))
CONTROL_CHARACTER = FindingKind(
    "control-character", ERROR, N_("Control character"),
    N_("{where} holds the control character {character}, which no page, table or exported "
       "file can hold"),
    N_("delete it (an editor that shows invisible characters helps)"))
LINK_OUTSIDE = FindingKind(
    "link-outside", ERROR, N_("Link out of the data repository"),
    N_("this is a symbolic link to {what} outside the data repository; it is not read"),
    N_("put the file itself here (records are read only from within the data repository)"))
LINK_LOOP = FindingKind(
    "link-loop", ERROR, N_("Link in a loop"),
    N_("this symbolic link leads round in a loop (to itself, or through other links back to "
       "it); it is not read"),
    N_("delete the link, or point it at a record file"))
BAD_KEY = FindingKind(
    "bad-key", ERROR, N_("Field name is not text"),
    N_("a field name must be plain text, but this one is {found}"),
    N_("write the field name as a word followed by a colon"))
CSV_HEADER = FindingKind(
    "csv-header", ERROR, N_("Bad CSV header"),
    N_("CSV header problem: {problem}"),
    N_("the first row must name the columns: `id` and field names, each once"))
CSV_SYNTAX = FindingKind(
    "csv-syntax", ERROR, N_("CSV syntax error"),
    N_("CSV syntax error: {problem}; the rest of the file is not read"),
    N_("check the quotes on this row: a quote inside a cell is written twice (\"\")"))
CSV_CELL_TOO_LARGE = FindingKind(
    "csv-cell-too-large", ERROR, N_("CSV cell too large"),
    N_("a cell of this row holds more than {most} characters, the most a CSV cell may hold; "
       "the rest of the file is not read"),
    N_("check for an unclosed quote (it runs on to the end of the file), or shorten the text"))
CSV_ROW_LENGTH = FindingKind(
    "csv-row-length", ERROR, N_("Wrong number of cells"),
    N_("this row has {found} cells but the header has {expected}; the row is not read"),
    N_("check for a missing or extra `,` or an unclosed quote"))
FILE_NOT_READ = FindingKind(
    "file-not-read", WARNING, N_("File not read"),
    N_("this file is not read as a record: {reason}"),
    "")
MISNAMED_FILE = FindingKind(
    "misnamed-file", ERROR, N_("Record file with a wrong extension"),
    N_("record files end in `.yaml` or `.csv` (lower case), so this file is not read"),
    N_("rename it to `{suggestion}`"))

# Changes to the files
INTERRUPTED_CHANGE = FindingKind(
    "interrupted-change", ERROR, N_("Change interrupted"),
    N_("a change was stopped before all of it was written: `{command}` by {who}, started {since}; "
       "the files it changes: {files}"),
    N_("run any command that writes, e.g. `rysiai fmt`: it finishes the change first"))

# Ids
BAD_ID = FindingKind(
    "bad-id", ERROR, N_("Bad record id"),
    N_("id `{id}` may hold only lowercase letters a-z, digits and `-`"),
    N_("use `{suggestion}`"))
RESERVED_ID = FindingKind(
    "reserved-id", ERROR, N_("Reserved id"),
    N_("id `{id}` is reserved: {reason}"),
    N_("use another id, e.g. `{suggestion}`"))
MISSING_ID = FindingKind(
    "missing-id", ERROR, N_("Missing id"),
    N_("this row has no `id`"),
    N_("give every row a unique id of lowercase letters a-z, digits and `-`"))
ID_MISMATCH = FindingKind(
    "id-mismatch", ERROR, N_("id differs from the file name"),
    N_("`id: {written}` differs from the file name, which gives the id `{id}`"),
    N_("remove the `id` line or rename the file"))
DUPLICATE_ID = FindingKind(
    "duplicate-id", ERROR, N_("Duplicate id"),
    N_("id `{record}` is already used by {other}"),
    N_("ids are unique across the whole repository: choose another id"))

# Fields
UNKNOWN_FIELD = FindingKind(
    "unknown-field", ERROR, N_("Unknown field"),
    N_("unknown field `{field}` in {collection}"),
    "")
REQUIRED = FindingKind(
    "required", ERROR, N_("Required field missing"),
    N_("required field `{field}` ({title}) is missing or empty"),
    N_("add a line `{name}: …`"))
TYPE = FindingKind(
    "type", ERROR, N_("Wrong type of value"),
    N_("`{field}` must be {expected}, but it is {found}"),
    "")
NULL_WORD = FindingKind(
    "null-word", ERROR, N_("YAML's word for no value where it cannot be text"),
    N_("`{field}` is `{value}`, which is not {expected}: only an empty value means no value"),
    N_("write the value, or leave it empty (`{name}:` in YAML, an empty cell in CSV)"))
LINE_BREAK = FindingKind(
    "line-break", WARNING, N_("Line break in a one-line field"),
    N_("`{field}` holds {what}, but it is a one-line field: the site, tables and vCards "
       "show it on one line"),
    N_("write it on one line (a `|` or `>` block ends with a line break unless written `|-` "
       "or `>-`); text of several paragraphs goes in a Markdown field such as `notes`"))
LIST_DELIMITER = FindingKind(
    "list-delimiter", ERROR, N_("List item holding the separator"),
    N_("an item of `{field}` is `{value}`, which holds `{delimiter}`, the separator of list items in CSV"),
    N_("write it as separate items, one per line starting with `- `"))
ENUM = FindingKind(
    "enum", ERROR, N_("Value not allowed"),
    N_("`{field}` is `{value}`, which is not allowed: use {allowed}"),
    "")
PATTERN = FindingKind(
    "pattern", ERROR, N_("Value does not match the pattern"),
    N_("`{field}` is `{value}`, which does not match the pattern `{pattern}`"),
    "")

# Values
DATE = FindingKind(
    "date", ERROR, N_("Not a date"),
    N_("`{field}` is `{value}`: {problem}"),
    N_("write a real date as YYYY-MM-DD, e.g. 2024-05-17"))
DATE_ORDER = FindingKind(
    "date-order", ERROR, N_("Dates in the wrong order"),
    N_("`{field}` ({value}) is before `{other}` ({other_value})"),
    N_("check both dates"))
EMAIL = FindingKind(
    "email", ERROR, N_("Bad e-mail address"),
    N_("`{field}` is `{value}`, not a valid e-mail address: {problem}"),
    "")
PHONE = FindingKind(
    "phone", ERROR, N_("Bad phone number"),
    N_("`{field}` is `{value}`, not a valid phone number{problem}"),
    N_("write it as +370 and 8 digits, e.g. +37031961234, or with a country code for abroad"))
PHONE_FORMAT = FindingKind(
    "phone-format", WARNING, N_("Phone not in E.164 form"),
    N_("`{field}` is `{value}`, stored numbers are written in E.164 form"),
    N_("write `{e164}`"))
URL = FindingKind(
    "url", ERROR, N_("Bad web address"),
    N_("`{field}` is `{value}`, not a web address: {problem}"),
    N_("write the full address, starting with https://"))
COUNTRY = FindingKind(
    "country", ERROR, N_("Unknown country"),
    N_("`{field}` is `{value}`, not an ISO 3166-1 alpha-2 country code"),
    "")
LANGUAGE = FindingKind(
    "language", ERROR, N_("Unknown language"),
    N_("`{field}` is `{value}`, not an ISO 639-1 language code"),
    "")
ENTITY_CODE = FindingKind(
    "entity-code", ERROR, N_("Bad legal-entity code"),
    N_("`{field}` is `{value}`: {problem}"),
    N_("a Lithuanian legal-entity code has 9 digits; check it in the Register of Legal Entities"))
COORDINATES = FindingKind(
    "coordinates", ERROR, N_("Bad coordinates"),
    N_("`{field}` is `{value}`: {problem}"),
    N_("write the latitude and the longitude in degrees, with a decimal point, e.g. 54.6333, 23.9417"))
UNPLACED_TOWN = FindingKind(
    "unplaced-town", WARNING, N_("Town not found for the map"),
    N_("the town `{city}` ({country}) is not in GeoNames' list of towns, so it is not on the map; "
       "the closest names: {candidates}"),
    N_("correct the town's name or country, or write its `coordinates` (latitude, longitude)"))
REFERENCE = FindingKind(
    "reference", ERROR, N_("Reference to a missing record"),
    N_("`{field}` refers to `{value}`, but no {allowed} record has that id"),
    "")
REFERENCE_KIND = FindingKind(
    "reference-kind", ERROR, N_("Reference to the wrong kind of record"),
    N_("`{field}` refers to `{value}`, which is a record of {found}; it must be one of {allowed}"),
    "")
ANSWER_DATE = FindingKind(
    "answer-date", ERROR, N_("Answered without a date"),
    N_("`status` is `answered`, but `answered` (the date of the answer) is missing"),
    N_("add a line `answered: YYYY-MM-DD`"))
OVERDUE = FindingKind(
    "overdue", WARNING, N_("Reply overdue"),
    N_("the reply was due on {due}: {days} day(s) overdue"),
    N_("answer it and set `status: answered` with the date, or set a new `due` date"))
OVERDUE_TASK = FindingKind(
    "overdue", WARNING, N_("Follow-up overdue"),
    N_("the follow-up `{task}` was due on {due}: {days} day(s) overdue"),
    N_("do it and set `done: true`, or set a new `due` date"))
OVERDUE_MILESTONE = FindingKind(
    "overdue", WARNING, N_("Milestone overdue"),
    N_("the milestone `{task}` was due on {due}: {days} day(s) overdue"),
    N_("mark it `done: true`, set a new `due` date, or set the project's status if it stopped"))
AGREEMENT_ENDED = FindingKind(
    "agreement-ended", WARNING, N_("Agreement past its end still signed"),
    N_("the agreement `{type}` was valid until {until}, but its `status` still says `{status}`"),
    N_("set `status: expired` (or `ended`), or write the new `until` date if it was extended"))
NOT_REVIEWED = FindingKind(
    "not-reviewed", WARNING, N_("Not reviewed for a long time"),
    N_("{what}; records of people are reviewed at least every {months} months"),
    N_("check the record with the person or the organisation, then set `reviewed: YYYY-MM-DD`"))
PERSONAL_CODE = FindingKind(
    "personal-code", WARNING, N_("Looks like a personal code"),
    N_("`{field}` holds `{code}`, which looks like a Lithuanian personal code (asmens kodas)"),
    N_("a contact register must not keep personal codes: remove it"))
UNPUBLISHED_PERSON_NAMED = FindingKind(
    "unpublished-person-named", WARNING, N_("Names a person who is not published"),
    N_("`{field}` is shown on the public site and holds {what} of `{other}` ({other_path}), "
    "who is not published; `rysiai build --public` refuses to build while it is there"),
    N_("leave the person out of this text, or, if they agreed, set `public: true` on their record"))
POSSIBLE_DUPLICATE = FindingKind(
    "possible-duplicate", WARNING, N_("Possible duplicate"),
    N_("{collection} `{record}` may be the same as {others}: {reason}"),
    N_("merge them with `rysiai merge`, or make the difference clear"))

# A task past its due date, by the word its kind gives its tasks (kind.tasks.item).
OVERDUE_TASKS = {"follow-up": OVERDUE_TASK, "milestone": OVERDUE_MILESTONE}

ALL_KINDS: tuple[FindingKind, ...] = tuple(
    value for value in list(globals().values()) if isinstance(value, FindingKind)
)
