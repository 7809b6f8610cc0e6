"""Every kind of bad file gets one clear finding with file and line, and the other files are still checked."""

import time

import pytest
from rysiai.findings.wording import finding_line
from rysiai.repository import load_repository
from rysiai.validate import check_repository

GOOD = "name: Geras\nkind: other\ncountry: LT\n"


def alias_bomb(levels: int = 30) -> str:
    """Nine times more values at each level: 9**30 once expanded."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ",".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def findings_for(repo, name, content):
    repo.write("partners/good.yaml", GOOD)
    repo.write(name, content)
    report = check_repository(load_repository(repo.root))
    return [finding_line(f) for f in report.sorted()]


def test_yaml_syntax_error_names_the_line(repo):
    assert findings_for(repo, "partners/bad.yaml", 'name: "unclosed\nkind: other\n') == [
        "partners/bad.yaml:3: error: [yaml-syntax] YAML syntax error: while scanning a quoted "
        "scalar, found unexpected end of stream (check the indentation and the quotes on this "
        "line and the one above)"
    ]


def test_bad_indentation(repo):
    texts = findings_for(repo, "partners/bad.yaml", "name: A\n  kind: other\ncountry: LT\n")
    assert texts == [
        "partners/bad.yaml:2: error: [yaml-syntax] YAML syntax error: mapping values are not "
        "allowed in this context (check the indentation and the quotes on this line and the one above)"
    ]


def test_a_file_that_is_not_a_mapping(repo):
    assert findings_for(repo, "partners/bad.yaml", "- a\n- b\n") == [
        "partners/bad.yaml:1: error: [not-mapping] a record file must be a mapping of "
        "`field: value` lines, but this is a list (start each line with a field name and a "
        "colon, e.g. `name: Talsu novads`)"
    ]
    assert findings_for(repo, "partners/bad.yaml", "just text\n")[0].endswith(
        "but this is a single value (start each line with a field name and a colon, "
        "e.g. `name: Talsu novads`)"
    )


def test_empty_file_and_comment_only_file(repo):
    expected = (
        "partners/bad.yaml:1: error: [empty-file] the file holds no record "
        "(write the record's fields, or delete the file)"
    )
    assert findings_for(repo, "partners/bad.yaml", "") == [expected]
    assert findings_for(repo, "partners/bad.yaml", "# only a comment\n") == [expected]


def test_duplicate_keys_are_reported_not_silently_merged(repo):
    assert findings_for(repo, "partners/bad.yaml", "name: A\nkind: other\nname: B\ncountry: LT\n") == [
        "partners/bad.yaml:3: error: [duplicate-key] field `name` is written twice (first on "
        "line 1); only one value can be kept (keep one of the two lines)"
    ]


def test_duplicate_keys_inside_a_nested_mapping(repo):
    text = GOOD.replace("Geras", "Kitas") + "agreements:\n  - type: a\n    type: b\n"
    assert findings_for(repo, "partners/bad.yaml", text) == [
        "partners/bad.yaml:6: error: [duplicate-key] field `type` is written twice (first on "
        "line 5); only one value can be kept (keep one of the two lines)"
    ]


def test_non_utf8_bytes_name_the_line(repo):
    content = "name: A\nkind: other\ncity: Prien\xf8\n".encode("latin-1")
    assert findings_for(repo, "partners/bad.yaml", content) == [
        "partners/bad.yaml:3: error: [encoding] the file is not UTF-8 text: byte 0xF8 cannot be "
        "read (save the file as UTF-8 (in Excel: “CSV UTF-8”; in an editor: encoding UTF-8))"
    ]


def test_byte_order_mark_is_accepted(repo):
    assert findings_for(repo, "partners/bom.yaml", "\ufeff" + GOOD.replace("Geras", "Kitas")) == []


def test_object_building_tags_are_refused_and_never_run(repo, tmp_path):
    marker = tmp_path / "ran"
    text = f'name: !!python/object/apply:os.system ["touch {marker}"]\nkind: other\n'
    assert findings_for(repo, "partners/bad.yaml", text) == [
        "partners/bad.yaml:1: error: [yaml-tag] YAML tag "
        "`tag:yaml.org,2002:python/object/apply:os.system` is refused: Ryšiai never builds "
        "objects or types from tags (remove the tag and write the value as plain text)"
    ]
    assert not marker.exists()


def test_local_tags_are_refused(repo):
    texts = findings_for(repo, "partners/bad.yaml", GOOD + "city: !vars Prienai\n")
    assert texts == [
        "partners/bad.yaml:4: error: [yaml-tag] YAML tag `!vars` is refused: Ryšiai never builds "
        "objects or types from tags (remove the tag and write the value as plain text)"
    ]


def test_alias_bomb_is_refused_quickly(repo):
    started = time.perf_counter()
    texts = findings_for(repo, "partners/bomb.yaml", alias_bomb())
    assert time.perf_counter() - started < 5
    assert texts == [
        "partners/bomb.yaml:1: error: [yaml-alias] this value is used again through a YAML alias "
        "(`&name` … `*name`); aliases are refused (write the value out in full where it is used)"
    ]


def test_merge_keys_with_aliases_are_refused(repo):
    text = "base: &b\n  kind: other\nname: A\n<<: *b\n"
    assert findings_for(repo, "partners/bad.yaml", text)[0].startswith(
        "partners/bad.yaml:1: error: [yaml-alias]"
    )


def test_several_documents_in_one_file(repo):
    texts = findings_for(repo, "partners/bad.yaml", GOOD + "---\n" + GOOD)
    assert texts == [
        "partners/bad.yaml:4: error: [yaml-syntax] YAML syntax error: expected a single document "
        "in the stream, but found another document (check the indentation and the quotes on "
        "this line and the one above)"
    ]


def test_a_bad_file_does_not_stop_the_others(repo):
    repo.write("partners/a-bad.yaml", "name: [\n")
    repo.write("partners/z-other.yaml", "name: B\nkind: nonsense\ncountry: LT\n")
    report = check_repository(load_repository(repo.root))
    assert [(f.path, f.code) for f in report.sorted()] == [
        ("partners/a-bad.yaml", "yaml-syntax"),
        ("partners/z-other.yaml", "enum"),
    ]


def test_control_characters_are_found_with_their_line(repo):
    assert findings_for(repo, "partners/bad.yaml", GOOD + "city: Prienai\x07\n") == [
        "partners/bad.yaml:4: error: [control-character] this line holds the control character "
        "U+0007 (BEL), which no page, table or exported file can hold (delete it; until then the "
        "file is not read)"
    ]


@pytest.mark.parametrize(
    "name, right", [("talsi.yml", "talsi.yaml"), ("talsi.YAML", "talsi.yaml"), ("media.CSV", "media.csv")]
)
def test_misnamed_record_files_are_reported_not_ignored(repo, name, right):
    assert findings_for(repo, f"partners/{name}", GOOD) == [
        f"partners/{name}: error: [misnamed-file] record files end in `.yaml` or `.csv` (lower "
        f"case), so this file is not read (rename it to `{right}`)"
    ]


def test_files_in_subfolders_are_reported(repo):
    assert findings_for(repo, "partners/old/talsi.yaml", GOOD) == [
        "partners/old/talsi.yaml: warning: [file-not-read] this file is not read as a record: "
        "records are read only directly inside the collection folder (move it up into the "
        "collection folder, or out of the data repository)"
    ]


def test_bad_file_name_gives_an_id_suggestion(repo):
    assert findings_for(repo, "partners/Šilavoto_bendruomenė.yaml", GOOD.replace("Geras", "Š")) == [
        "partners/Šilavoto_bendruomenė.yaml:1: error: [bad-id] id `Šilavoto_bendruomenė` may "
        "hold only lowercase letters a-z, digits and `-` (use `silavoto-bendruomene`)"
    ]


def test_an_id_line_must_match_the_file_name(repo):
    assert findings_for(repo, "partners/talsi.yaml", "id: talsu\n" + GOOD.replace("Geras", "T")) == [
        "partners/talsi.yaml:1: error: [id-mismatch] `id: talsu` differs from the file name, "
        "which gives the id `talsi` (remove the `id` line or rename the file)"
    ]


def test_a_file_that_cannot_be_opened_is_reported(repo):
    repo.write("partners/good.yaml", GOOD)
    (repo.root / "partners" / "broken.yaml").symlink_to(repo.root / "nowhere.yaml")
    report = check_repository(load_repository(repo.root))
    assert [finding_line(f) for f in report.sorted()] == [
        "partners/broken.yaml: error: [unreadable] the file cannot be read: it is a symbolic "
        "link to a file that does not exist (check that the file exists and that you may read it)"
    ]


def test_alias_at_the_start_of_a_line_is_refused(repo):
    text = "? &k name\n: A\n*k : B\nkind: other\ncountry: LT\n"
    assert findings_for(repo, "partners/bad.yaml", text)[0].startswith(
        "partners/bad.yaml:1: error: [yaml-alias]"
    )


def test_markdown_emphasis_is_not_mistaken_for_an_alias(repo):
    text = GOOD.replace("Geras", "Kitas") + "notes: |\n  **Svarbu:** *kursyvas* ir\n  * punktas\n"
    assert findings_for(repo, "partners/md.yaml", text) == []


def test_even_without_alias_tracking_a_bomb_is_bounded():
    import yaml
    from rysiai.loading import yaml_source

    walker = yaml_source._Walker("partners/bomb.yaml", "bomb", track_aliases=False)
    started = time.perf_counter()
    with pytest.raises(yaml_source._Refused) as refused:
        walker.mapping(yaml.compose(alias_bomb(), Loader=yaml_source.Loader), ())
    assert time.perf_counter() - started < 5
    assert refused.value.finding.code == "too-many-values"


def test_an_alias_right_after_a_colon_is_refused(repo):
    text = 'name: &n P2\nkind: other\ncountry: LT\nagreements: [{"type":*n}]\n'
    assert findings_for(repo, "partners/bad.yaml", text)[0].startswith(
        "partners/bad.yaml:1: error: [yaml-alias]"
    )


def test_nesting_too_deep_is_a_finding_not_a_crash(repo):
    text = GOOD.replace("Geras", "Gilus") + "tags: " + "[" * 600 + "]" * 600 + "\n"
    assert findings_for(repo, "partners/deep.yaml", text) == [
        "partners/deep.yaml:4: error: [too-deep] lists and mappings are nested 600 levels deep "
        "here; a record allows at most 20 (a record's fields hold text, lists of text, or lists "
        "of `field: value` items)"
    ]


def test_the_id_index_is_reserved(repo):
    assert findings_for(repo, "partners/index.yaml", GOOD.replace("Geras", "Indeksas")) == [
        "partners/index.yaml:1: error: [reserved-id] id `index` is reserved: the site's page of "
        "the collection has that address (use another id, e.g. `partners-index`)"
    ]


@pytest.mark.parametrize("device", ["con", "prn", "aux", "nul", "com0", "com1", "com9", "lpt0", "lpt5", "lpt9"])
def test_windows_device_names_are_reserved_ids(repo, device):
    assert findings_for(repo, f"partners/{device}.yaml", GOOD.replace("Geras", "Įrenginys")) == [
        f"partners/{device}.yaml:1: error: [reserved-id] id `{device}` is reserved: Windows cannot "
        f"hold a file of that name (use another id, e.g. `partners-{device}`)"
    ]


def test_windows_device_names_in_csv_rows_and_names_that_only_begin_with_one(repo):
    """A CSV row makes no file, but its page on the site is a folder named after its id."""
    repo.write("partners/more.csv", "id,name,kind,country\ncon-2,A,other,LT\ncom10,B,other,LT\n"
               "console,C,other,LT\nistrintas-asmuo,D,other,LT\naux,E,other,LT\n")
    assert findings_for(repo, "partners/com1x.yaml", GOOD.replace("Geras", "F")) == [
        "partners/more.csv:5: error: [reserved-id] id `istrintas-asmuo` is reserved: `rysiai forget` "
        "writes it where an erased person was referred to (use another id, e.g. "
        "`partners-istrintas-asmuo`)",
        "partners/more.csv:6: error: [reserved-id] id `aux` is reserved: Windows cannot hold a file "
        "of that name (use another id, e.g. `partners-aux`)",
    ]


def test_list_items_empty_or_holding_the_separator(repo):
    text = GOOD.replace("Geras", "Sąrašas") + "tags: [kultūra, ~, 'kultūra; švietimas']\n"
    assert findings_for(repo, "partners/list.yaml", text) == [
        "partners/list.yaml:4: error: [type] `tags` must be a list of values, but it is an empty "
        "item (remove the empty item)",
    ]
    text = GOOD.replace("Geras", "Sąrašas") + "tags: [kultūra, 'kultūra; švietimas']\n"
    assert findings_for(repo, "partners/list.yaml", text) == [
        "partners/list.yaml:4: error: [list-delimiter] an item of `tags` is `kultūra; švietimas`, "
        "which holds `;`, the separator of list items in CSV (write it as separate items, one "
        "per line starting with `- `)",
    ]


@pytest.mark.parametrize("since, problem", [("٢٠٢٤", "not written as YYYY, YYYY-MM or YYYY-MM-DD"), ("0000", "there is no year 0")])
def test_dates_take_ascii_digits_and_real_years(repo, since, problem):
    text = GOOD.replace("Geras", "Datos") + f"since: '{since}'\n"
    assert findings_for(repo, "partners/d.yaml", text) == [
        f"partners/d.yaml:4: error: [date] `since` is `{since}`: {problem} (write a year (2010), "
        "a month (2010-07) or a day (2010-07-18))"
    ]
