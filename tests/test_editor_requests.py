"""The browser editor's refusals and changes, by plain HTTP requests to a real server on a real
git repository: forged requests, paths outside the repository, oversized bodies, who may edit,
warnings, new records, renames, deletes, erasure and pushes."""

from __future__ import annotations

import json
import socket
import subprocess
import urllib.error
import urllib.parse
import urllib.request

import pytest
from editor_server import AUTHOR, git, hidden, running_editor, sample_repository
from rysiai.editor.server import make_server
from rysiai.errors import RysiaiError

CONTACT = "contacts/ausra-kalvaityte.yaml"


def request(url: str, data: dict | list | bytes | None = None, headers: dict | None = None):
    """(status, body) of a GET, or of a POST of ``data`` as a form."""
    body = data if not isinstance(data, (dict, list)) else urllib.parse.urlencode(data, doseq=True).encode()
    sent = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(sent) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def form_of(url: str, headers: dict | None = None) -> dict:
    status, html = request(url, headers=headers)
    assert status == 200, html
    return {name: hidden(html, name) for name in ("_csrf", "_version", "_base") if f'name="{name}"' in html}


@pytest.fixture
def root(tmp_path):
    return sample_repository(tmp_path)


@pytest.fixture
def editor(root):
    with running_editor(root) as url:
        yield url


def state(root) -> tuple:
    # Ryšiai's own lock and journal (.rysiai/, ignored by git) are not the data.
    return git(root, "rev-parse", "HEAD"), git(root, "status", "--porcelain"), sorted(
        p.name for p in root.rglob("*") if not {".git", ".rysiai"} & set(p.parts))


def test_a_form_without_its_token_is_refused(root, editor):
    before = state(root)
    fields = form_of(editor + "contacts/ausra-kalvaityte/")
    status, body = request(editor + "contacts/ausra-kalvaityte/", {**fields, "_csrf": "", "position": "x"})
    assert status == 403 and "Formos galiojimas baigėsi" in body
    status, _ = request(editor + "contacts/ausra-kalvaityte/", {**fields, "_csrf": "0" * 64, "position": "x"})
    assert status == 403
    status, _ = request(editor + "contacts/new", {"name": "Įsilaužėlis"})
    assert status == 403
    assert state(root) == before


def test_a_request_from_another_site_is_refused(root, editor):
    before = state(root)
    fields = form_of(editor + "contacts/ausra-kalvaityte/")
    status, body = request(editor + "contacts/ausra-kalvaityte/", {**fields, "position": "x"}, {"Origin": "https://evil.example"})
    assert status == 403 and "iš kitos svetainės" in body
    assert state(root) == before


@pytest.mark.parametrize("address", [
    "contacts/..%2F..%2Fdatapackage/", "contacts/../datapackage.yaml", "%2E%2E/contacts/x/", "etc/passwd/",
    "contacts/datapackage/", "contacts/talsu-novada-pasvaldiba/", "contacts/index/",
])
def test_no_address_reaches_a_file_that_is_not_the_collections_record(editor, address):
    status, _ = request(editor + address)
    assert status == 404


def test_a_new_records_id_never_becomes_a_path_outside_its_collection(root, editor):
    before = state(root)
    fields = form_of(editor + "contacts/new")
    for bad in ("../../outside", "/etc/passwd", "a/b", "..", "Ąžuolas", "index"):
        status, body = request(editor + "contacts/new", {**fields, "id": bad, "name": "Bandomasis Asmuo"})
        assert status == 422 and 'data-for="id"' in body, bad
    assert state(root) == before
    assert not (root.parent / "outside.yaml").exists()


def test_a_rename_to_a_path_is_refused(root, editor):
    before = state(root)
    fields = form_of(editor + "contacts/andrius-velicka/")
    for bad in ("../x", "partners/x", ""):
        status, body = request(editor + "contacts/andrius-velicka/rename", {"_csrf": fields["_csrf"], "id": bad})
        assert status == 422 and 'data-for="id"' in body, bad
    assert state(root) == before


def test_an_oversized_body_is_refused_before_it_is_read(root, editor):
    before = state(root)
    fields = form_of(editor + "contacts/ausra-kalvaityte/")
    body = urllib.parse.urlencode({**fields, "notes": "x" * 3_000_000}).encode()
    port = int(editor.rsplit(":", 1)[1].strip("/"))
    with socket.create_connection(("127.0.0.1", port)) as connection:
        connection.sendall(
            b"POST /contacts/ausra-kalvaityte/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode() + body[:65536]
        )
        answer = connection.recv(4096).decode("latin-1")
    assert answer.startswith("HTTP/1.1 413 ")
    # A body that does not say its length is cut off at the same limit by the application.
    body = body[:1_500_000]
    status, page = request(editor + "contacts/ausra-kalvaityte/", iter([body[i:i + 65536] for i in range(0, len(body), 65536)]),
                           {"Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked"})
    assert status == 413 and "Užklausa per didelė" in page
    assert state(root) == before


def test_pages_carry_security_headers_and_escape_values(root, editor):
    path = root / CONTACT
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("position: Mero patarėja išorės ir viešųjų ryšių klausimais", "position: '<b>Mero'"), encoding="utf-8")
    response = urllib.request.urlopen(editor + "contacts/ausra-kalvaityte/")
    html = response.read().decode("utf-8")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "value=\"&lt;b&gt;Mero" in html and "<b>Mero" not in html


def test_a_warning_is_shown_and_saved_only_when_accepted(root, editor):
    fields = form_of(editor + "contacts/andrius-velicka/")
    count = git(root, "rev-list", "--count", "HEAD")
    same_email = {**fields, "email": "ausra.kalvaityte@prienai.lt"}
    status, body = request(editor + "contacts/andrius-velicka/", same_email)
    assert status == 422 and "`ausra-kalvaityte` gali būti tas pats kaip `andrius-velicka`" in body
    assert git(root, "rev-list", "--count", "HEAD") == count
    status, body = request(editor + "contacts/andrius-velicka/", {**same_email, "_accept_warnings": "1"})
    assert status == 200 and "ry-saved" in body
    assert "email: ausra.kalvaityte@prienai.lt" in (root / "contacts/andrius-velicka.yaml").read_text(encoding="utf-8")


def test_possible_duplicates_follow_changes_made_outside_the_editor(root, editor):
    """The records a save may duplicate come from an index kept up to date as files change: a
    phone given to one contact by hand (written another way) is found at the next save of
    another, and no longer once it is taken away again."""
    fields = form_of(editor + "contacts/agne-vilkaite/")
    status, body = request(editor + "contacts/agne-vilkaite/", {**fields, "position": "Specialistė"})
    assert status == 200 and "ry-saved" in body  # the index is in use from here on
    outside = root / "contacts/andrius-velicka.yaml"
    original = outside.read_text(encoding="utf-8")
    outside.write_text(original.replace("phone: '+37037428160'", "phone: 8 612 34567"), encoding="utf-8")
    fields = form_of(editor + "contacts/agne-vilkaite/")
    status, body = request(editor + "contacts/agne-vilkaite/", {**fields, "phone": "+37061234567"})
    assert status == 422
    assert "`andrius-velicka` gali būti tas pats kaip `agne-vilkaite`" in body
    assert "sutampa telefono numeris +37061234567" in body
    outside.write_text(original, encoding="utf-8")
    fields = form_of(editor + "contacts/agne-vilkaite/")
    status, body = request(editor + "contacts/agne-vilkaite/", {**fields, "phone": "+37061234567"})
    assert status == 200 and "ry-saved" in body and "gali būti tas pats" not in body


def test_a_textarea_line_ends_are_the_files_own(root, editor):
    fields = form_of(editor + "contacts/andrius-velicka/")
    status, _ = request(editor + "contacts/andrius-velicka/", {**fields, "notes": "Pirma eilutė.\r\nAntra eilutė.\r\n"})
    assert status == 200
    text = (root / "contacts/andrius-velicka.yaml").read_bytes()
    assert b"\r" not in text and "notes: |\n  Pirma eilutė.\n  Antra eilutė.\n".encode() in text


def test_a_delete_is_refused_while_others_refer_to_the_record_and_they_are_listed(root, editor):
    before = state(root)
    fields = form_of(editor + "partners/talsu-novada-pasvaldiba/")
    status, body = request(editor + "partners/talsu-novada-pasvaldiba/delete", {"_csrf": fields["_csrf"]})
    assert status == 422 and "nurodo kiti įrašai" in body
    assert state(root) == before
    status, body = request(editor + "partners/talsu-novada-pasvaldiba/delete")
    assert "Šio įrašo ištrinti negalima" in body and "ry-referrers" in body


def test_an_unreferenced_record_is_deleted_in_one_commit(root, editor):
    fields = form_of(editor + "events/2026-12-krpt-posedis/")
    status, body = request(editor + "events/2026-12-krpt-posedis/delete", {"_csrf": fields["_csrf"]})
    assert status == 200 and "Įrašas ištrintas" in body
    assert not (root / "events/2026-12-krpt-posedis.yaml").exists()
    assert git(root, "log", "-1", "--format=%s").strip() == "events/2026-12-krpt-posedis: ištrinta"
    assert git(root, "status", "--porcelain") == ""


def test_a_person_is_erased_as_forget_erases(root, editor):
    fields = form_of(editor + "contacts/andrius-velicka/")
    status, body = request(editor + "contacts/andrius-velicka/delete")
    assert "Ištrinti asmens duomenis" in body
    status, body = request(editor + "contacts/andrius-velicka/delete", {"_csrf": fields["_csrf"], "_erase": "1"})
    assert status == 200 and "Asmens duomenys ištrinti" in body
    assert not (root / "contacts/andrius-velicka.yaml").exists()
    assert "velick" not in git(root, "log", "-1", "--format=%B").lower()
    assert git(root, "status", "--porcelain") == ""


def test_a_rename_changes_every_reference_in_one_commit(root, editor):
    fields = form_of(editor + "contacts/ausra-kalvaityte/")
    status, _ = request(editor + "contacts/ausra-kalvaityte/rename", {"_csrf": fields["_csrf"], "id": "ausra-kalvaityte-2"})
    assert status == 200
    assert (root / "contacts/ausra-kalvaityte-2.yaml").exists() and not (root / CONTACT).exists()
    changed = git(root, "show", "--name-only", "--no-renames", "--format=%s", "HEAD").split()
    assert "events/2026-12-krpt-posedis.yaml" in changed and CONTACT in changed
    assert "ausra-kalvaityte\n" not in (root / "events/2026-12-krpt-posedis.yaml").read_text(encoding="utf-8")
    assert git(root, "status", "--porcelain") == ""


def test_the_picker_finds_names_without_diacritics(editor):
    status, body = request(editor + "_search?in=contacts&q=kalvaityte")
    assert status == 200
    assert json.loads(body) == [{"id": "ausra-kalvaityte", "label": "Aušra Kalvaitytė", "collection": "Kontaktai"}]
    status, body = request(editor + "_search?in=../../etc&q=a")
    assert body.strip() == "[]"


def test_a_name_typed_without_the_picker_is_found(root, editor):
    fields = form_of(editor + "contacts/andrius-velicka/")
    status, body = request(editor + "contacts/andrius-velicka/", {
        **fields, "organization": "", "organization.was": "", "organization.label": "talsu novada pasvaldiba"})
    assert status == 200, body
    assert "organization: talsu-novada-pasvaldiba" in (root / "contacts/andrius-velicka.yaml").read_text(encoding="utf-8")
    status, body = request(editor + "contacts/andrius-velicka/", {
        **form_of(editor + "contacts/andrius-velicka/"), "organization.label": "Niekur nesanti įstaiga"})
    assert status == 422 and "Įrašo „Niekur nesanti įstaiga“ nerasta" in body


def test_a_field_added_to_the_schema_has_its_input_with_no_code_change(root):
    schema = root / "datapackage.yaml"
    text = schema.read_text(encoding="utf-8")
    added = ("        - name: population\n          type: integer\n          title: Gyventojų skaičius\n"
             "          description: Kiek gyventojų turi partnerio savivaldybė.\n          visibility: public\n")
    schema.write_text(text.replace("        - name: agreements\n", added + "        - name: agreements\n", 1), encoding="utf-8")
    git(root, "commit", "-qam", "population")
    with running_editor(root) as editor:
        status, html = request(editor + "partners/talsu-novada-pasvaldiba/")
        assert 'name="population"' in html and "Gyventojų skaičius" in html
        fields = form_of(editor + "partners/talsu-novada-pasvaldiba/")
        status, html = request(editor + "partners/talsu-novada-pasvaldiba/", {**fields, "population": "daug"})
        assert status == 422 and "`population` turi būti" in html
        status, html = request(editor + "partners/talsu-novada-pasvaldiba/", {**fields, "population": "10800"})
        assert status == 200
    assert "\npopulation: 10800\n" in (root / "partners/talsu-novada-pasvaldiba.yaml").read_text(encoding="utf-8")


def test_behind_the_web_server_the_user_comes_from_its_header(root, tmp_path):
    settings = tmp_path / "editor.yaml"
    settings.write_text("people:\n  patareja: {name: Rūta Žalienė, email: ruta.zaliene@prienai.lt}\n", encoding="utf-8")
    with running_editor(root, user_header="X-Remote-User", settings_file=settings) as editor:
        assert request(editor + "contacts/ausra-kalvaityte/")[0] == 401
        status, body = request(editor + "contacts/ausra-kalvaityte/", headers={"X-Remote-User": "svetimas"})
        assert status == 403 and "Naudotojo „svetimas“ nėra" in body
        who = {"X-Remote-User": "patareja"}
        fields = form_of(editor + "contacts/ausra-kalvaityte/", who)
        status, _ = request(editor + "contacts/ausra-kalvaityte/", {**fields, "position": "Patarėja"}, who)
        assert status == 200
        assert git(root, "log", "-1", "--format=%an <%ae>").strip() == "Rūta Žalienė <ruta.zaliene@prienai.lt>"
        # Another person's token is no good.
        status, _ = request(editor + "contacts/ausra-kalvaityte/", {**fields, "position": "x"}, {"X-Remote-User": "kitas"})
        assert status == 403


def test_it_refuses_an_outside_address_unless_told_who_signs_in(root):
    with pytest.raises(RysiaiError, match="other computers can reach"):
        make_server(root, "0.0.0.0:0")


def test_a_push_goes_and_a_failed_one_keeps_the_commit(root, tmp_path):
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(remote)], check=True)
    git(root, "remote", "add", "origin", str(remote))
    git(root, "push", "--quiet", "--set-upstream", "origin", "main")
    with running_editor(root, push=True) as editor:
        fields = form_of(editor + "contacts/ausra-kalvaityte/")
        status, body = request(editor + "contacts/ausra-kalvaityte/", {**fields, "position": "Patarėja"})
        assert status == 200 and "Nepavyko išsiųsti" not in body
        assert git(remote, "log", "-1", "--format=%s", "main").strip() == "contacts/ausra-kalvaityte: pareigos"
        git(root, "remote", "set-url", "origin", str(tmp_path / "gone.git"))
        fields = form_of(editor + "contacts/ausra-kalvaityte/")
        status, body = request(editor + "contacts/ausra-kalvaityte/", {**fields, "position": "Patarėja 2"})
        assert status == 200 and "Nepavyko išsiųsti į serverį (git push)" in body
        assert git(root, "log", "-1", "--format=%s").strip() == "contacts/ausra-kalvaityte: pareigos"
        assert "Patarėja 2" in (root / CONTACT).read_text(encoding="utf-8")


def test_a_save_takes_the_repository_lock_as_the_commands_do(root, editor, monkeypatch):
    from test_safe_writes import start_driver

    monkeypatch.setenv("RYSIAI_LOCK_WAIT", "0.3")
    fields = form_of(editor + "contacts/ausra-kalvaityte/")
    before = state(root)
    holder = start_driver(root, "hold")  # a command writing to the repository meanwhile
    assert holder.stdout.readline() == "held\n"
    try:
        status, body = request(editor + "contacts/ausra-kalvaityte/", {**fields, "position": "Patarėja"})
    finally:
        holder.kill()
        holder.communicate()
    assert status == 422
    # In the editor's Lithuanian, whatever the language of the process that started it.
    assert "į šią duomenų saugyklą jau rašomas kitas pakeitimas: `driver hold`, paleido " in body
    assert f"(procesas {holder.pid})" in body
    assert state(root) == before
    status, body = request(editor + "contacts/ausra-kalvaityte/", {**fields, "position": "Patarėja"})
    assert status == 200, body
    assert "position: Patarėja" in (root / CONTACT).read_text(encoding="utf-8")
    assert git(root, "log", "-1", "--format=%s").strip() == "contacts/ausra-kalvaityte: pareigos"
    assert list((root / ".rysiai" / "journal").iterdir()) == []
