"""Importing vCards: every real-world export in ../shared/real-world/vcard, round trips, duplicates."""


import pytest
from conftest import PROJECT
from rysiai.findings.wording import finding_line
from rysiai.repository import load_repository
from rysiai.validate import check_repository
from site_fixture import fill

REAL_WORLD = PROJECT.parent / "shared" / "real-world" / "vcard"
REAL_FILES = sorted(REAL_WORLD.glob("*.vcf")) if REAL_WORLD.is_dir() else []


@pytest.mark.skipif(not REAL_FILES, reason=f"{REAL_WORLD} is not here (it is in CI)")
@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_every_real_world_export_imports_into_a_valid_repository(repo, cli, path):
    result = cli("import", "vcard", str(path), "--root", str(repo.root))
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    written = sorted((repo.root / "contacts").glob("*.yaml"))
    assert written, result.out
    assert f"Written: {len(written)} file(s).\n" in result.out
    report = check_repository(load_repository(repo.root))
    assert [finding_line(f) for f in report.errors] == []


@pytest.mark.skipif(not REAL_FILES, reason=f"{REAL_WORLD} is not here (it is in CI)")
def test_quoted_printable_names_photos_and_several_phones(repo, cli):
    result = cli("import", "vcard", str(REAL_WORLD / "John_Doe_ANDROID.vcf"), "--root", str(repo.root))
    assert "Cards not used (3):\n  card 1: it has no name (FN or N)\n" in result.out
    assert "Skipped: 1 photo (pictures and keys are not kept)\n" in result.out
    names = sorted(load_repository(repo.root).by_id[r.id].values["name"] for r in load_repository(repo.root).records)
    assert names == ["Ñ Ñ Ñ Ñ", "Ñ Ñ Ñ Ñ Ñ", "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ"]
    outlook = cli("import", "vcard", str(REAL_WORLD / "outlook-2003.vcf"), "--root", str(repo.root))
    assert outlook.code == 0
    record = load_repository(repo.root).by_id["john-doe-iii"]
    assert record.values["email"] == "jdoe@hotmail.com"
    assert "Kiti telefonai: BusinessPhone, HomePhone, MobilePhone, BusinessFaxPhone" in record.values["notes"]
    assert "Organizacija: Company, The TheDepartment" in record.values["notes"]


def test_export_then_import_gives_the_same_contacts(repo, tmp_path, cli):
    fill(repo)
    cards = tmp_path / "kontaktai.vcf"
    assert cli("export", "vcard", "--root", str(repo.root), "-o", str(cards)).code == 0
    target = tmp_path / "kitas"
    assert cli("init", str(target)).code == 0
    for path in ("partners/talsi.yaml", "associations/silavoto-bendruomene.yaml"):
        (target / path).write_bytes((repo.root / path).read_bytes())
    result = cli("import", "vcard", str(cards), "--root", str(target))
    assert result.code == 0
    before = load_repository(repo.root)
    after = load_repository(target)
    for person in before.collection("contacts"):
        twin = after.by_id[person.id]
        assert twin.values["name"] == person.values["name"]
        assert twin.typed.get("organization") == person.typed.get("organization")
        assert twin.typed.get("email") == person.typed.get("email")
        from rysiai.words.contact_points import normalize_phone

        assert twin.typed.get("phone") == normalize_phone(person.typed["phone"])


def test_importing_again_finds_duplicates_and_writes_nothing(repo, tmp_path, cli):
    fill(repo)
    cards = tmp_path / "kontaktai.vcf"
    cli("export", "vcard", "--root", str(repo.root), "-o", str(cards))
    before = sorted(p.name for p in (repo.root / "contacts").iterdir())
    result = cli("import", "vcard", str(cards), "--root", str(repo.root))
    assert result.out == (
        "New records (0):\n"
        "Possible duplicates, not written (2):\n"
        "  card 1 (Jonas Jonaitis): the same phone as `jonas-jonaitis`\n"
        "  card 2 (Ona Petraitienė): the same e-mail as `ona-petraitiene`\n"
        "Written: 0 file(s).\n"
    )
    assert sorted(p.name for p in (repo.root / "contacts").iterdir()) == before


def test_dry_run_writes_nothing(repo, tmp_path, cli):
    cards = tmp_path / "a.vcf"
    cards.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Rūta Žalienė\r\nTEL:8 612 34567\r\nEND:VCARD\r\n", encoding="utf-8")
    result = cli("import", "vcard", str(cards), "--root", str(repo.root), "--dry-run")
    assert result.out == "New records (1):\n  contacts/ruta-zaliene.yaml  Rūta Žalienė\nDry run: nothing written.\n"
    assert not (repo.root / "contacts" / "ruta-zaliene.yaml").exists()
    assert cli("import", "vcard", str(cards), "--root", str(repo.root)).code == 0
    written = (repo.root / "contacts" / "ruta-zaliene.yaml").read_text(encoding="utf-8")
    assert written.startswith("name: Rūta Žalienė\nphone: '+37061234567'\nnotes: Importuota iš a.vcf (vCard Nr. 1).\n")
