"""The CLI through its exact output and exit codes; JSON output equals the library's report."""

import json
import os
import subprocess
import sys
from pathlib import Path

from rysiai.repository import load_repository
from rysiai.validate import check_repository

PARTNER = "name: Talsu novads\nkind: municipality\ncountry: LV\n"


def test_validate_clean_repository(repo, cli):
    repo.write("partners/talsi.yaml", PARTNER)
    result = cli("validate", "--root", str(repo.root))
    assert (result.code, result.out, result.err) == (0, "", "No problems found.\n")


def test_validate_errors_exit_1_with_one_line_per_finding(repo, cli):
    repo.write("partners/talsi.yaml", PARTNER + "emial: x@talsi.lv\n")
    repo.write("contacts/ona.yaml", "name: Ona\nphone: 8 612 34567\n")
    result = cli("validate", "--root", str(repo.root))
    assert result.code == 1
    assert result.out == (
        "contacts/ona.yaml:2: warning: [phone-format] `phone` is `8 612 34567`, stored numbers "
        "are written in E.164 form (write `+37061234567`)\n"
        "partners/talsi.yaml:4: error: [unknown-field] unknown field `emial` in partners "
        "(did you mean `email`?)\n"
    )
    assert result.err == "1 error, 1 warning.\n"


def test_warnings_pass_unless_strict(repo, cli):
    repo.write("contacts/ona.yaml", "name: Ona\nphone: 8 612 34567\n")
    assert cli("validate", "--root", str(repo.root)).code == 0
    strict = cli("validate", "--root", str(repo.root), "--strict")
    assert strict.code == 1
    assert strict.err == "0 errors, 1 warning.\n"


def test_json_output_is_the_library_report(repo, cli):
    repo.write("partners/talsi.yaml", PARTNER + "since: 1999-13\n")
    repo.write("contacts/ona.yaml", "name: Ona\norganization: talsi\nphone: 8 612 34567\n")
    result = cli("validate", "--root", str(repo.root), "--format", "json")
    assert result.code == 1
    output = json.loads(result.out)
    assert output == check_repository(load_repository(repo.root)).to_dict()
    assert output["valid"] is False
    assert output["findings"][1] == {
        "path": "partners/talsi.yaml",
        "line": 4,
        "record": "talsi",
        "field": "since",
        "code": "date",
        "severity": "error",
        "message": "`since` is `1999-13`: no such month (write a year (2010), a month (2010-07) "
        "or a day (2010-07-18))",
        # The values the message is made from, as the check found them.
        "values": {
            "value": "1999-13",
            "problem": "no such month",
            "hint": "write a year (2010), a month (2010-07) or a day (2010-07-18)",
        },
    }


def test_root_is_found_upward_from_the_current_folder(repo, cli):
    repo.write("partners/talsi.yaml", PARTNER + "emial: x\n")
    result = cli("validate", cwd=repo.root / "partners")
    assert result.code == 1
    assert result.out.startswith("partners/talsi.yaml:4: error: [unknown-field]")


def test_no_data_repository_exits_2(tmp_path, cli):
    result = cli("validate", cwd=tmp_path)
    assert result.code == 2
    assert result.out == ""
    assert result.err == (
        f"rysiai: error: no data repository here: neither {tmp_path.resolve()} nor a folder above "
        "it holds datapackage.yaml (give one with --root DIR, or create one with "
        "`rysiai init DIR`)\n"
    )


def test_root_that_is_not_a_repository_exits_2(tmp_path, cli):
    result = cli("validate", "--root", str(tmp_path))
    assert result.code == 2
    assert result.err == (
        f"rysiai: error: {tmp_path.resolve()} is not a data repository: it holds no "
        f"datapackage.yaml (create one with `rysiai init {tmp_path.resolve()}`)\n"
    )


def test_bad_arguments_exit_2(cli):
    result = cli("validate", "--format", "xml")
    assert result.code == 2
    assert "argument --format: invalid choice: 'xml'" in result.err


def test_no_command_prints_help_and_exits_2(cli):
    result = cli()
    assert result.code == 2
    assert result.out.startswith("usage: rysiai")


def test_broken_schema_exits_2_naming_the_line(repo, cli):
    (repo.root / "datapackage.yaml").write_text("resources:\n  - name: x\n   bad: [\n", encoding="utf-8")
    result = cli("validate", "--root", str(repo.root))
    assert result.code == 2
    assert result.err.startswith("rysiai: error: datapackage.yaml:3: YAML syntax error:")


def test_schema_problems_are_listed(repo, cli):
    schema = repo.root / "datapackage.yaml"
    text = schema.read_text(encoding="utf-8")
    text = text.replace("          check: country\n", "          check: nation\n", 1)
    text = text.replace("references: [contacts]", "references: [people]", 1)
    schema.write_text(text, encoding="utf-8")
    result = cli("validate", "--root", str(repo.root))
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "rysiai: error: datapackage.yaml: resource `partners`, field `country`: `check` must be "
        "one of email, phone, url, country, language, entity-code, partial-date, date-time, markdown, coordinates\n"
        "datapackage.yaml: field `associations.chair` refers to `people`, which is not a "
        "resource\n"
    )


def test_the_installed_command_runs(repo):
    repo.write("partners/talsi.yaml", PARTNER + "kind: x\n")
    command = Path(sys.executable).parent / "rysiai"
    done = subprocess.run(
        [str(command), "validate", "--root", str(repo.root)], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert done.stdout == (
        "partners/talsi.yaml:4: error: [duplicate-key] field `kind` is written twice (first on "
        "line 2); only one value can be kept (keep one of the two lines)\n"
    )
    assert "Traceback" not in done.stderr


def _run_installed(arguments: list[str], before: str = "", **options) -> subprocess.CompletedProcess:
    """The installed command's own function, with ``before`` run first in its process."""
    script = f"import atexit, sys, threading, time\n{before}\nfrom rysiai.cli import run\nsys.argv = {['rysiai', *arguments]!r}\nrun()\n"
    return subprocess.run([sys.executable, "-c", script], text=True, **options)


def test_the_command_ends_with_its_exit_handlers_run_and_its_output_flushed(repo):
    repo.write("partners/talsi.yaml", PARTNER + "kind: x\n")
    done = _run_installed(["validate", "--root", str(repo.root)], "atexit.register(print, 'exit handler ran')", capture_output=True)
    assert done.returncode == 1
    assert done.stdout == (
        "partners/talsi.yaml:4: error: [duplicate-key] field `kind` is written twice (first on line 2); only one "
        "value can be kept (keep one of the two lines)\n"
        "exit handler ran\n"
    )


def test_the_command_waits_for_a_thread_still_at_work(repo):
    repo.write("partners/talsi.yaml", PARTNER)
    thread = "threading.Thread(target=lambda: (time.sleep(0.5), print('thread done', flush=True))).start()"
    done = _run_installed(["validate", "--root", str(repo.root)], thread, capture_output=True)
    assert (done.returncode, done.stdout) == (0, "thread done\n")


def test_an_output_the_disk_cannot_take_at_the_end_is_said_and_exits_2(repo):
    repo.write("partners/talsi.yaml", PARTNER + "kind: x\n")
    # (the finding waits in the output's buffer, which is written when the command ends)
    full = "sys.stdout = open('/dev/full', 'w', encoding='utf-8')"
    done = _run_installed(["validate", "--root", str(repo.root)], full, capture_output=True, check=False)
    assert done.returncode == 2
    assert done.stderr == "1 error, 0 warnings.\nrysiai: error: the output could not be written in full: No space left on device\n"


def test_a_reader_that_has_gone_is_no_error():
    reading, writing = os.pipe()
    os.close(reading)
    with os.fdopen(writing, "w") as gone:
        done = _run_installed(["--version"], stdout=gone, stderr=subprocess.PIPE, check=False)
    assert (done.returncode, done.stderr) == (0, "")


def test_an_output_that_cannot_be_written_is_an_error_not_a_bug(repo, tmp_path, cli):
    repo.write("partners/talsi.yaml", PARTNER)
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = cli("export", "datapackage", "--root", str(repo.root), "-o", str(blocker))
    assert result.code == 2
    assert result.err == f"rysiai: error: {blocker}: File exists\n"
