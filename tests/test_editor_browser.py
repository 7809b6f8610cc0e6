"""The browser editor driven by Chromium on a real git repository: a contact created with its
organisation chosen in the picker, an agreement added, an error beside its field with nothing
written, two people saving one record at once, and each save's bytes and commit."""

from __future__ import annotations

import pytest
from browser import CHROMIUM, needs
from editor_server import AUTHOR, git, running_editor, sample_repository

pytestmark = needs(CHROMIUM, "chromium")
CONTACT = "contacts/ausra-kalvaityte.yaml"


@pytest.fixture
def root(tmp_path):
    return sample_repository(tmp_path)


@pytest.fixture
def editor(root):
    with running_editor(root) as url:
        yield url


def last_commit(root) -> str:
    return git(root, "log", "-1", "--format=%an <%ae>|%s").strip()


def commits(root) -> int:
    return int(git(root, "rev-list", "--count", "HEAD"))


def test_a_contact_is_created_with_its_organisation_chosen_by_name(root, editor, page):
    page.goto(editor + "contacts/new")
    page.fill("[name=name]", "Rūta Bandomoji")
    page.fill("[name=position]", "Specialistė")
    page.locator("[name='organization.label']").press_sequentially("talsu nov")  # diacritics optional
    page.locator(".ry-choices li", has_text="Talsu novada pašvaldība").click()
    assert page.input_value("[name=organization]") == "talsu-novada-pasvaldiba"
    page.click("button[type=submit]")
    page.wait_for_selector(".ry-saved")
    assert page.url.startswith(editor + "contacts/ruta-bandomoji/")
    assert page.input_value("[name='organization.label']") == "Talsu novada pašvaldība"
    text = (root / "contacts" / "ruta-bandomoji.yaml").read_text(encoding="utf-8")
    assert "name: Rūta Bandomoji" in text
    assert "organization: talsu-novada-pasvaldiba" in text
    assert "position: Specialistė" in text
    assert last_commit(root) == f"{AUTHOR[0]} <{AUTHOR[1]}>|contacts/ruta-bandomoji: naujas įrašas"
    assert git(root, "status", "--porcelain") == ""
    assert page.console_errors == []


def test_an_agreement_is_added_to_a_partner_and_only_its_lines_change(root, editor, page):
    path = root / "partners" / "talsu-novada-pasvaldiba.yaml"
    before = path.read_text(encoding="utf-8").replace("city: Talsi\n", "city: Talsi  # Talsų miestas\n")
    path.write_text(before, encoding="utf-8")
    git(root, "commit", "-qam", "A comment")
    page.goto(editor + "partners/talsu-novada-pasvaldiba/")
    agreements = page.locator("fieldset.ry-array[data-name=agreements]")
    agreements.locator(":scope > button.ry-add").click()
    group = agreements.locator(".ry-group").last
    group.locator("input[name$='.type']").fill("Memorandumas")
    group.locator("input[name$='.signed']").fill("2026-03-02")
    group.locator("select[name$='.status']").select_option("signed")
    page.click("button[type=submit]")
    page.wait_for_selector(".ry-saved")
    after = path.read_text(encoding="utf-8")
    assert "city: Talsi  # Talsų miestas\n" in after
    diff = git(root, "diff", "HEAD~1", "--unified=0", "--", "partners/talsu-novada-pasvaldiba.yaml")
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["+  - type: Memorandumas", "+    signed: 2026-03-02", "+    status: signed"]
    assert last_commit(root).endswith("|partners/talsu-novada-pasvaldiba: sutartys")
    assert page.console_errors == []


def test_a_value_changed_beside_its_comment_changes_one_line(root, editor, page):
    path = root / CONTACT
    before = path.read_bytes().replace(b"\nposition: Mero", b"\nposition: Mero") .replace(
        b"klausimais\n", b"klausimais  # nuo 2024 m.\n", 1)
    path.write_bytes(before)
    git(root, "commit", "-qam", "A comment")
    page.goto(editor + "contacts/ausra-kalvaityte/")
    page.fill("[name=position]", "Mero patarėja")
    page.click("button[type=submit]")
    page.wait_for_selector(".ry-saved")
    assert path.read_bytes() == before.replace(
        "position: Mero patarėja išorės ir viešųjų ryšių klausimais  # nuo 2024 m.".encode(),
        "position: Mero patarėja  # nuo 2024 m.".encode(),
    )
    assert last_commit(root) == f"{AUTHOR[0]} <{AUTHOR[1]}>|contacts/ausra-kalvaityte: pareigos"


def test_an_error_is_shown_beside_its_field_and_nothing_is_written(root, editor, page):
    before, count = (root / CONTACT).read_bytes(), commits(root)
    page.goto(editor + "contacts/ausra-kalvaityte/")
    page.fill("[name=email]", "ne adresas")
    page.fill("[name=position]", "Patarėja")
    page.click("button[type=submit]")
    message = page.locator("#field-email .ry-error")
    assert "`email` yra `ne adresas` – tai netinkamas el. pašto adresas" in message.inner_text()
    assert page.input_value("[name=email]") == "ne adresas"  # what was typed stays
    assert page.input_value("[name=position]") == "Patarėja"
    assert (root / CONTACT).read_bytes() == before
    assert commits(root) == count


def test_two_people_at_once_the_second_sees_the_first_change_and_keeps_what_they_typed(root, editor, browser):
    first, second = browser.new_context().new_page(), browser.new_context().new_page()
    try:
        first.goto(editor + "contacts/ausra-kalvaityte/")
        second.goto(editor + "contacts/ausra-kalvaityte/")
        first.fill("[name=position]", "Patarėja (pirmoji)")
        first.click("button[type=submit]")
        first.wait_for_selector(".ry-saved")
        saved = (root / CONTACT).read_bytes()
        count = commits(root)
        second.fill("[name=position]", "Patarėja (antroji)")
        second.click("button[type=submit]")
        second.wait_for_selector(".ry-conflict")
        assert "Patarėja (pirmoji)" in second.locator("#field-position .ry-other").inner_text()
        assert second.input_value("[name=position]") == "Patarėja (antroji)"
        assert (root / CONTACT).read_bytes() == saved and commits(root) == count
        second.click("button[type=submit]")  # seen: saved over it on purpose
        second.wait_for_selector(".ry-saved")
        assert "position: Patarėja (antroji)" in (root / CONTACT).read_text(encoding="utf-8")
        assert commits(root) == count + 1
    finally:
        first.context.close()
        second.context.close()


def test_a_script_in_a_value_is_saved_as_text_and_shown_as_text(root, editor, page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    page.goto(editor + "contacts/ausra-kalvaityte/")
    page.fill("[name=position]", hostile)
    page.click("button[type=submit]")
    page.wait_for_selector(".ry-saved")
    assert page.input_value("[name=position]") == hostile
    assert page.locator("script:not([src])").count() == 0 and page.locator("img").count() == 0
    assert dialogs == []
    assert f"position: '{hostile}'" in (root / CONTACT).read_text(encoding="utf-8") or hostile in (root / CONTACT).read_text(encoding="utf-8")


def test_lists_are_reordered_and_items_removed_in_the_browser(root, editor, page):
    page.goto(editor + "contacts/ausra-kalvaityte/")
    languages = page.locator(".ry-list[data-name=languages] .ry-item")
    languages.nth(1).locator("[data-move='-1']").click()  # en before lt
    languages.nth(3).locator("[data-remove]").click()  # ru out
    page.locator(".ry-list[data-name=languages] .ry-add").click()
    languages.last.locator("input").fill("lv")
    page.click("button[type=submit]")
    page.wait_for_selector(".ry-saved")
    text = (root / CONTACT).read_text(encoding="utf-8")
    assert "languages:\n  - en\n  - lt\n  - pl\n  - lv\n" in text
    assert last_commit(root).endswith("|contacts/ausra-kalvaityte: kalbos")


def test_markdown_is_previewed_and_kept_as_written(root, editor, page):
    before = (root / CONTACT).read_text(encoding="utf-8")
    page.goto(editor + "contacts/ausra-kalvaityte/")
    field = page.locator("#field-notes")
    field.locator("button.ry-preview-button").click()
    field.locator(".ry-preview li").wait_for()
    assert field.locator(".ry-preview li").inner_text() == "Rengia mero kalbas ir informacines pažymas."
    page.fill("[name=position]", "Patarėja")  # the notes go back unchanged, `|` and all
    page.click("button[type=submit]")
    page.wait_for_selector(".ry-saved")
    after = (root / CONTACT).read_text(encoding="utf-8")
    assert after[after.index("notes:"):] == before[before.index("notes:"):]
