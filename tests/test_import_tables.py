"""Importing CSV and Excel tables: encodings, separators, titles, --map, round trips."""

from rysiai.repository import load_repository
from rysiai.validate import check_repository
from site_fixture import fill

WINDOWS_1257 = (
    "Vardas ir pavardė;El. paštas;Telefonas;Kalbos;Skyrius\r\n"
    "Rūta Žalienė;ruta@prienai.lt;8 612 34567;\"lt;en\";Kultūros\r\n"
    "Šarūnas Čepas;netinkamas@;(8-319) 61234;lt;Ūkio\r\n"
    ";be@vardo.lt;;;\r\n"
    "Per daug;a@b.lt;;;;x\r\n"
).encode("cp1257")


def test_windows_1257_semicolon_csv_with_lithuanian_names(repo, tmp_path, cli):
    source = tmp_path / "kontaktai.csv"
    source.write_bytes(WINDOWS_1257)
    result = cli("import", "csv", str(source), "--collection", "contacts", "--root", str(repo.root))
    assert result.code == 0
    assert result.out == (
        "Read as cp1257, cells separated by `;`.\n"
        "Columns matching no field (their values go into the notes): Skyrius\n"
        "New records (2):\n"
        "  contacts/ruta-zaliene.yaml  Rūta Žalienė\n"
        "    into the notes: Skyrius `Kultūros` (no field of that name)\n"
        "  contacts/sarunas-cepas.yaml  Šarūnas Čepas\n"
        "    into the notes: El. paštas `netinkamas@` (not an e-mail address: there must be something after the @-sign)\n"
        "    into the notes: Skyrius `Ūkio` (no field of that name)\n"
        "Rows not used (2):\n"
        "  row 4: no `name` (Vardas ir pavardė)\n"
        "  row 5: it has 6 cells but the header has 5\n"
        "Written: 2 files.\n"
    )
    repository = load_repository(repo.root)
    ruta = repository.by_id["ruta-zaliene"].values
    assert (ruta["email"], ruta["phone"]) == ("ruta@prienai.lt", "+37061234567")
    assert ruta["languages"] == ["lt", "en"]  # a list cell holds its items separated by `;`
    assert "Skyrius: Kultūros" in ruta["notes"]
    sarunas = repository.by_id["sarunas-cepas"].values
    assert sarunas["phone"] == "+37031961234"
    assert "El. paštas: netinkamas@" in sarunas["notes"] and "Skyrius: Ūkio" in sarunas["notes"]
    assert check_repository(repository).errors == []


def test_utf8_bom_comma_csv_with_a_map_and_dry_run(repo, tmp_path, cli):
    source = tmp_path / "a.csv"
    source.write_bytes("\ufeffPavadinimas,Kraštas,Rūšis\nTalsu novads,LV,municipality\n".encode("utf-8"))
    result = cli("import", "csv", str(source), "--collection", "partners", "--map", "Kraštas=country",
                 "--root", str(repo.root), "--dry-run")
    assert result.out == (
        "Read as utf-8, cells separated by `,`.\n"
        "New records (1):\n  partners/talsu-novads.yaml  Talsu novads\nDry run: nothing written.\n"
    )
    assert not (repo.root / "partners" / "talsu-novads.yaml").exists()
    bad = cli("import", "csv", str(source), "--collection", "partners", "--map", "Kraštas=nation",
              "--root", str(repo.root))
    assert (bad.code, bad.err) == (2, "rysiai: error: --map names `nation`, which is not a field of partners\n")


def test_xlsx_export_then_import_gives_the_same_records(repo, tmp_path, cli):
    fill(repo)
    book = tmp_path / "kontaktai.xlsx"
    assert cli("export", "xlsx", "--root", str(repo.root), "--collection", "contacts", "-o", str(book)).code == 0
    target = tmp_path / "kitas"
    cli("init", str(target))
    for path in ("partners/talsi.yaml", "associations/silavoto-bendruomene.yaml"):
        (target / path).write_bytes((repo.root / path).read_bytes())
    result = cli("import", "xlsx", str(book), "--collection", "contacts", "--root", str(target))
    assert result.code == 0, result.err
    before, after = load_repository(repo.root), load_repository(target)
    for person in before.collection("contacts"):
        twin = after.by_id[person.id]
        for name in ("name", "organization", "email", "position", "languages", "public"):
            assert twin.typed.get(name) == person.typed.get(name), name
    assert check_repository(after).errors == []


def test_importing_the_same_table_twice_writes_nothing_new(repo, tmp_path, cli):
    source = tmp_path / "kontaktai.csv"
    source.write_bytes(WINDOWS_1257)
    cli("import", "csv", str(source), "--collection", "contacts", "--root", str(repo.root))
    again = cli("import", "csv", str(source), "--collection", "contacts", "--root", str(repo.root))
    assert "New records (0):\n" in again.out
    assert "  row 2 (Rūta Žalienė): the same e-mail as `ruta-zaliene`\n" in again.out
