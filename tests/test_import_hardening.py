"""Imports keep every value as written or say where it went: vCard text, ids, control characters."""

import pytest

from rysiai.imports import vcard_lines
from rysiai.findings.wording import finding_line
from rysiai.repository import load_repository
from rysiai.validate import check_repository

PARTNERS = {
    "partners/talsi.yaml": "name: Talsu novada pašvaldība\nkind: municipality\ncountry: LV\n",
    "partners/gija.yaml": "name: UAB „Gija“\nkind: business\ncountry: LT\n",
    "associations/silavoto-bendruomene.yaml": "name: Šilavoto bendruomenė\n",
}


def card(*lines: str, version: str = "3.0") -> str:
    return "BEGIN:VCARD\r\nVERSION:" + version + "\r\n" + "".join(f"{line}\r\n" for line in lines) + "END:VCARD\r\n"


def imported(repo, cli, tmp_path, text: str, *, partners: bool = True):
    if partners:
        for path, content in PARTNERS.items():
            repo.write(path, content)
    source = tmp_path / "kortelės.vcf"
    source.write_bytes(text.encode("utf-8"))
    result = cli("import", "vcard", str(source), "--root", str(repo.root))
    assert (result.code, result.err) == (0, "")
    repository = load_repository(repo.root)
    assert [finding_line(f) for f in check_repository(repository).errors] == []
    return result.out, repository


@pytest.mark.parametrize("version", ["2.1", "3.0", "4.0"])
def test_a_title_and_a_note_keep_their_commas_and_semicolons(repo, cli, tmp_path, version):
    out, repository = imported(repo, cli, tmp_path, card(
        "FN:Rūta Žalienė", "TITLE:Vadovė, Užsienio ryšių skyrius", "NOTE:Pirma, antra; trečia",
        version=version,
    ))
    assert out == "New records (1):\n  contacts/ruta-zaliene.yaml  Rūta Žalienė\nWritten: 1 file.\n"
    values = repository.by_id["ruta-zaliene"].values
    assert values["position"] == "Vadovė, Užsienio ryšių skyrius"
    assert values["notes"] == "Pirma, antra; trečia\n\nImportuota iš kortelės.vcf (vCard Nr. 1)."


@pytest.mark.parametrize(
    "raw, text",
    [
        (r"a\, b", "a, b"),
        (r"a\; b", "a; b"),
        (r"a\\b", "a\\b"),
        (r"a\nb", "a\nb"),
        (r"a\Nb", "a\nb"),
        (r"a\\nb", "a\\nb"),  # an escaped backslash, then the letter n
        (r"http\://x.lt", "http://x.lt"),  # as Gmail and Apple write it
        (r'\"kabutės\"', '"kabutės"'),
        (r"C:\temp", r"C:\temp"),  # any other backslash stays as written
        ("a,b;c", "a,b;c"),  # unescaped separators are text in a text property
        ("a\\", "a\\"),
    ],
)
def test_text_values_are_unescaped_as_rfc_6350_says(raw, text):
    assert vcard_lines.text(raw) == text


@pytest.mark.parametrize(
    "raw, components",
    [
        (r"Prienų r. sav.;Užsienio ryšių skyrius", ["Prienų r. sav.", "Užsienio ryšių skyrius"]),
        (r"Kultūros\, turizmo skyrius;A\;B", ["Kultūros, turizmo skyrius", "A;B"]),
        (r";;Laisvės a. 12;Prienai;;59126;LT", ["", "", "Laisvės a. 12", "Prienai", "", "59126", "LT"]),
        (r"a\\;b", ["a\\", "b"]),
    ],
)
def test_structured_values_split_only_at_separators_not_escaped(raw, components):
    assert vcard_lines.components(raw) == components


def test_list_values_split_at_commas_not_escaped():
    assert vcard_lines.items(r"partneriai,Latvija\, Talsi,,x") == ["partneriai", "Latvija, Talsi", "", "x"]


def test_a_lithuanian_card_exactly(repo, cli, tmp_path):
    out, repository = imported(repo, cli, tmp_path, card(
        r"FN:Žalienė\, Rūta", "N:Žalienė;Rūta;;;",
        "TITLE:Vadovė, Užsienio ryšių skyrius",
        "ORG:Talsu novada pasvaldiba;Užsienio ryšių skyrius",
        r"NOTE:Pirma\, antra\; trečia\\ketvirta\npenkta\Nšešta",
        "URL:https://talsi.lv/lt", r"CATEGORIES:partneriai,Latvija\, Talsi", "TEL;TYPE=work:8 612 34567",
        "TEL;TYPE=cell:+370 (612) 00000", "EMAIL:ruta@talsi.lv", "X-SKYPE:ruta.z", "BDAY:1980-03-22",
        "ADR;TYPE=work:;;Laisvės a. 12;Prienai;;LT-59126;Lietuva", "PRODID:-//Apple Inc.//iOS 17//EN",
        "UID:1234", "PHOTO;ENCODING=b;TYPE=JPEG:AAAA",
    ))
    assert out == (
        "New records (1):\n"
        "  contacts/ruta-zaliene.yaml  Rūta Žalienė\n"
        "    the name `Žalienė, Rūta` (surname first, as N says) written `Rūta Žalienė`\n"
        "    into the notes: Padalinys `Užsienio ryšių skyrius`\n"
        "    into the notes: Kiti telefonai `+37061200000`\n"
        "    into the notes: Svetainė `https://talsi.lv/lt`\n"
        "    into the notes: Pokalbiai (Skype) `ruta.z`\n"
        "    into the notes: Gimimo data `1980-03-22`\n"
        "    into the notes: Adresas (work) `Laisvės a. 12, Prienai, LT-59126, Lietuva`\n"
        "Skipped: 1 photo (pictures and keys are not kept)\n"
        "Skipped: 2 of the address book's own entries (program, ids, revisions, sort keys)\n"
        "Written: 1 file.\n"
    )
    assert (repo.root / "contacts" / "ruta-zaliene.yaml").read_text(encoding="utf-8") == (
        "name: Rūta Žalienė\n"
        "organization: talsi\n"
        "position: Vadovė, Užsienio ryšių skyrius\n"
        "email: ruta@talsi.lv\n"
        "phone: '+37061234567'\n"
        "tags:\n- partneriai\n- Latvija, Talsi\n"
        "notes: |-\n"
        "  Pirma, antra; trečia\\ketvirta\n  penkta\n  šešta\n\n"
        "  Padalinys: Užsienio ryšių skyrius\n\n"
        "  Kiti telefonai: +37061200000\n\n"
        "  Svetainė: https://talsi.lv/lt\n\n"
        "  Pokalbiai (Skype): ruta.z\n\n"
        "  Gimimo data: 1980-03-22\n\n"
        "  Adresas (work): Laisvės a. 12, Prienai, LT-59126, Lietuva\n\n"
        "  Importuota iš kortelės.vcf (vCard Nr. 1).\n"
    )


def test_a_name_with_a_comma_and_no_n_is_kept_and_said(repo, cli, tmp_path):
    out, repository = imported(repo, cli, tmp_path, card("FN:Žalienė, Rūta", version="4.0"))
    assert out == (
        "New records (1):\n"
        "  contacts/zaliene-ruta.yaml  Žalienė, Rūta\n"
        "    the name `Žalienė, Rūta` holds a comma and is kept as written\n"
        "Written: 1 file.\n"
    )
    assert repository.by_id["zaliene-ruta"].values["name"] == "Žalienė, Rūta"


def test_without_fn_the_name_comes_from_n_and_honorifics_go_into_the_notes(repo, cli, tmp_path):
    out, repository = imported(repo, cli, tmp_path, card("N:Žalienė;Rūta;;Dr.;", version="2.1"))
    assert out == (
        "New records (1):\n"
        "  contacts/ruta-zaliene.yaml  Rūta Žalienė\n"
        "    into the notes: Kreipinys `Dr.`\n"
        "Written: 1 file.\n"
    )


@pytest.mark.parametrize(
    "org, found, remark",
    [
        ("Talsu novada pašvaldība", "talsi", ""),
        ("TALSU NOVADA PASVALDIBA", "talsi", ""),
        ("Gija", "gija", ""),
        ("„Gija“, UAB", "gija", ""),
        ("Gija UAB;Pardavimų skyrius", "gija", ""),
        ("Šilavoto bendruomenė", "silavoto-bendruomene", ""),
        ("Talsu novada pašvaldības", "talsi",
         "    organisation `Talsu novada pašvaldības` taken as `talsi`, a near match for `Talsu novada pašvaldība`\n"),
    ],
)
def test_an_organisation_is_found_by_its_name(repo, cli, tmp_path, org, found, remark):
    out, repository = imported(repo, cli, tmp_path, card("FN:Ona Onaitė", f"ORG:{org}"))
    assert repository.by_id["ona-onaite"].values["organization"] == found
    assert out.startswith("New records (1):\n  contacts/ona-onaite.yaml  Ona Onaitė\n" + remark)


def test_an_organisation_not_found_or_ambiguous_goes_into_the_notes(repo, cli, tmp_path):
    repo.write("partners/gija-2.yaml", "name: Gija, UAB\nkind: business\ncountry: LV\n")
    out, repository = imported(repo, cli, tmp_path, card("FN:Ona Onaitė", "ORG:Kauno kolegija") + card("FN:Jonas Jonaitis", "ORG:Gija"))
    assert out == (
        "New records (2):\n"
        "  contacts/ona-onaite.yaml  Ona Onaitė\n"
        "    into the notes: Organizacija `Kauno kolegija` (no record of partners or associations has that name)\n"
        "  contacts/jonas-jonaitis.yaml  Jonas Jonaitis\n"
        "    into the notes: Organizacija `Gija` (several records have that name: gija, gija-2)\n"
        "Written: 2 files.\n"
    )
    assert "organization" not in repository.by_id["jonas-jonaitis"].values


@pytest.mark.parametrize(
    "name, record_id, reason",
    [
        ("Index", "contacts-index", "the site's page of the collection has that address"),
        ("Ištrintas asmuo", "contacts-istrintas-asmuo", "`rysiai forget` writes it where an erased person was referred to"),
        ("Con", "contacts-con", "Windows cannot hold a file of that name"),
        ("NUL", "contacts-nul", "Windows cannot hold a file of that name"),
        ("Com 1", "com-1", ""),  # not a device name
        ("Lpt9", "contacts-lpt9", "Windows cannot hold a file of that name"),
    ],
)
def test_an_import_never_takes_a_reserved_id(repo, cli, tmp_path, name, record_id, reason):
    out, repository = imported(repo, cli, tmp_path, card(f"FN:{name}"), partners=False)
    derived = record_id.removeprefix("contacts-")
    said = f"    the id `{derived}` is reserved ({reason}); `{record_id}` instead\n" if reason else ""
    assert out == f"New records (1):\n  contacts/{record_id}.yaml  {name}\n{said}Written: 1 file.\n"
    assert (repo.root / "contacts" / f"{record_id}.yaml").is_file()


def test_control_characters_are_never_written(repo, cli, tmp_path):
    out, repository = imported(repo, cli, tmp_path, card(
        "FN:Petras\x07 Petraitis", "TITLE:Vyr.\tspecialistas", "NOTE:Eilutė\x00 su NUL\x1b[31m", "ROLE:a\x85b",
    ), partners=False)
    assert out == (
        "New records (1):\n"
        "  contacts/petras-petraitis.yaml  Petras Petraitis\n"
        "    into the notes: Vaidmuo `a\\x85b`\n"  # shown escaped: the plan never prints a control character
        "    `name`: a control character removed (U+0007)\n"
        "    `position`: line breaks or tabs replaced by spaces\n"
        "    `notes`: control characters removed (U+0000, U+001B)\n"
        "Written: 1 file.\n"
    )
    values = repository.by_id["petras-petraitis"].values
    assert (values["name"], values["position"]) == ("Petras Petraitis", "Vyr. specialistas")
    assert values["notes"] == "Eilutė su NUL[31m\n\nVaidmuo: a\nb\n\nImportuota iš kortelės.vcf (vCard Nr. 1)."
    text = (repo.root / "contacts" / "petras-petraitis.yaml").read_text(encoding="utf-8")
    assert not any(ord(c) < 32 and c != "\n" or 0x7F <= ord(c) <= 0x9F for c in text)


def test_a_windows_1257_card_with_a_charset_of_its_own(repo, cli, tmp_path):
    data = ("BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=WINDOWS-1257:Žalienė;Rūta\r\n"
            "TITLE;CHARSET=WINDOWS-1257:Vadovė, skyrius\r\nEND:VCARD\r\n").encode("cp1257")
    source = tmp_path / "outlook.vcf"
    source.write_bytes(data)
    result = cli("import", "vcard", str(source), "--root", str(repo.root))
    assert result.out == "New records (1):\n  contacts/ruta-zaliene.yaml  Rūta Žalienė\nWritten: 1 file.\n"
    assert load_repository(repo.root).by_id["ruta-zaliene"].values["position"] == "Vadovė, skyrius"


def test_a_card_inside_a_card_is_kept_as_the_agent(repo, cli, tmp_path):
    """vCard 2.1 writes an AGENT's card inside the card; the outer card reads on after it."""
    out, repository = imported(repo, cli, tmp_path, card(
        "FN:Ona Onaitė", "AGENT:", "BEGIN:VCARD", "VERSION:2.1", "FN:Jonas Jonaitis", "TEL:8 612 34567",
        "END:VCARD", "TITLE:Vadovė", version="2.1",
    ), partners=False)
    assert out == (
        "New records (1):\n"
        "  contacts/ona-onaite.yaml  Ona Onaitė\n"
        "    into the notes: Atstovas `Jonas Jonaitis, 8 612 34567`\n"
        "Written: 1 file.\n"
    )
    assert repository.by_id["ona-onaite"].values["position"] == "Vadovė"
