"""`rysiai init` makes a repository that validates at once; the export passes Frictionless."""

import csv
import json

from frictionless import Package

PARTNER = "name: Talsu novads\nkind: municipality\ncountry: LV\n"


def test_init_then_validate_passes(tmp_path, cli):
    target = tmp_path / "vilkaviskis"
    result = cli("init", str(target))
    assert result.code == 0
    assert result.out.splitlines()[:4] == [
        str(target / "datapackage.yaml"),
        str(target / "mkdocs.yml"),
        str(target / "README.md"),
        str(target / ".gitignore"),
    ]
    for folder in ("partners", "contacts", "associations", "visits"):
        assert (target / folder).is_dir()
    assert cli("validate", "--root", str(target)).code == 0


def test_init_refuses_an_existing_repository(repo, cli):
    before = (repo.root / "datapackage.yaml").read_bytes()
    result = cli("init", str(repo.root))
    assert result.code == 2
    assert result.err.startswith(f"rysiai: error: {repo.root / 'datapackage.yaml'}, ")
    assert result.err.endswith("already exist(s); nothing written (choose an empty folder)\n")
    assert (repo.root / "datapackage.yaml").read_bytes() == before


def fill(repo):
    repo.write(
        "partners/talsi.yaml",
        PARTNER + "phone: '+371 6323 2110'\nsince: 1999\ntags: [kultūra, turizmas]\n"
        "agreements:\n  - type: Sutartis\n    signed: 1999-05-14\n    areas: [kultūra]\n",
    )
    repo.write("contacts/media.csv", "id,name,organization,phone,public\nona-a,Ona Aleknienė,talsi,8 612 34567,true\n")
    repo.write(
        "visits/v.yaml",
        "title: Vizitas\ndirection: incoming\nstart: 2024-05-01\npartners: [talsi]\n"
        "follow_ups:\n  - task: Atsakyti\n    owner: ona-a\n    due: 2024-06-01\n    done: false\n",
    )


def test_export_datapackage_passes_frictionless(repo, tmp_path, cli):
    fill(repo)
    out = tmp_path / "out"
    result = cli("export", "datapackage", "--root", str(repo.root), "-o", str(out))
    assert result.code == 0
    assert result.out.splitlines() == [
        str(out / name)
        for name in (
            "datapackage.json", "partners.csv", "contacts.csv", "associations.csv", "visits.csv",
            "requests.csv", "events.csv", "projects.csv", "interactions.csv", "press.csv", "surveys.csv",
        )
    ]
    report = Package(str(out / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "message"])
    with open(out / "contacts.csv", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert rows[0]["phone"] == "+37061234567"
    assert rows[0]["public"] == "true"
    with open(out / "partners.csv", encoding="utf-8") as file:
        partner = next(csv.DictReader(file))
    assert partner["phone"] == "+37163232110"
    assert partner["tags"] == "kultūra;turizmas"
    assert json.loads(partner["agreements"]) == [
        {"type": "Sutartis", "signed": "1999-05-14", "areas": ["kultūra"]}
    ]


def test_export_with_the_frictionless_command(repo, tmp_path, cli):
    import subprocess
    import sys
    from pathlib import Path

    fill(repo)
    out = tmp_path / "out"
    assert cli("export", "datapackage", "--root", str(repo.root), "-o", str(out)).code == 0
    frictionless = Path(sys.executable).parent / "frictionless"
    done = subprocess.run(
        [str(frictionless), "validate", str(out / "datapackage.json")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_sample_data_of_every_kind_exports_as_a_valid_data_package(tmp_path, cli):
    # Projects with amounts and milestones, the log, press and surveys included.
    from conftest import PROJECT

    out = tmp_path / "out"
    assert cli("export", "datapackage", "--root", str(PROJECT), "-o", str(out)).code == 0
    report = Package(str(out / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "message"])
    with open(out / "projects.csv", encoding="utf-8") as file:
        project = next(row for row in csv.DictReader(file) if row["id"] == "dviraciu-takas-prienai-birstonas")
    assert (project["amount"], project["own_share"], project["status"]) == ("1850000", "277500", "applied")
    assert json.loads(project["milestones"])[1] == {
        "title": "KRPT sprendimas dėl regioninių projektų sąrašo", "due": "2026-12-10", "done": False,
        "owner": "ausra-kalvaityte",
    }
    with open(out / "contacts.csv", encoding="utf-8") as file:
        contact = next(row for row in csv.DictReader(file) if row["id"] == "tomas-meskauskas")
    assert json.loads(contact["roles"])[0] == {
        "organization": "kauno-regiono-pletros-taryba", "position": "Vyriausiasis specialistas regioniniams projektams",
        "from": "2020-12-01", "until": "2023-08-31",
    }


def test_export_never_overwrites_silently(repo, tmp_path, cli):
    fill(repo)
    out = tmp_path / "out"
    out.mkdir()
    (out / "partners.csv").write_text("mine\n", encoding="utf-8")
    result = cli("export", "datapackage", "--root", str(repo.root), "-o", str(out))
    assert result.code == 2
    assert result.err == (
        f"rysiai: error: {out / 'partners.csv'} already exists; nothing written "
        "(use --force to replace)\n"
    )
    assert (out / "partners.csv").read_text(encoding="utf-8") == "mine\n"
    assert not (out / "datapackage.json").exists()
    assert cli("export", "datapackage", "--root", str(repo.root), "-o", str(out), "--force").code == 0


def test_export_refuses_invalid_data(repo, tmp_path, cli):
    repo.write("partners/talsi.yaml", PARTNER + "since: never\n")
    result = cli("export", "datapackage", "--root", str(repo.root), "-o", str(tmp_path / "out"))
    assert result.code == 1
    assert result.out.startswith("partners/talsi.yaml:4: error: [date]")
    assert result.err.endswith("rysiai: nothing exported: fix the errors above first\n")
    assert not (tmp_path / "out").exists()


def test_init_writes_ci_and_pre_commit_for_the_data_repository(tmp_path, cli):
    import yaml

    target = tmp_path / "naujas"
    assert cli("init", str(target)).code == 0
    github = yaml.safe_load((target / ".github" / "workflows" / "rysiai.yml").read_text(encoding="utf-8"))
    steps = github["jobs"]["validate-and-build"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    assert [step.get("run") for step in steps if "run" in step][1:3] == ["rysiai validate", "rysiai build -d site"]
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".cache/rysiai"
    gitlab = yaml.safe_load((target / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["variables"]["GIT_DEPTH"] == "0"
    assert gitlab["validate"]["script"][-1] == "rysiai validate"
    assert gitlab["site"]["cache"] == {"key": "rysiai-$CI_COMMIT_REF_SLUG", "paths": [".cache/rysiai/"]}
    assert "/.cache/\n" in (target / ".gitignore").read_text(encoding="utf-8")  # the build cache
    hooks = yaml.safe_load((target / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"][0]["entry"] == "rysiai validate"
