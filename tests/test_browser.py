"""The site in a real browser: Playwright driving Debian's Chromium (never a downloaded browser)."""

import pytest
from browser import CHROMIUM, needs, static_server
from test_site_build import copy_project

pytestmark = needs(CHROMIUM, "chromium")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    from rysiai.site_build.build import build_site

    tmp = tmp_path_factory.mktemp("browser")
    site = build_site(copy_project(tmp, with_git=True), tmp / "site")
    with static_server(site) as url:
        yield url


def test_home_page_loads_without_console_errors(page, site_url):
    page.goto(site_url)
    assert page.locator("h1").first.inner_text() == "Prienų r. sav. išoriniai ryšiai"
    assert page.locator("h2", has_text="Artimiausi vizitai").count() == 1
    assert page.console_errors == []


def test_from_a_partner_to_its_contact_and_back(page, site_url):
    page.goto(site_url + "partners/laikrastis-gyvenimas/")
    page.get_by_role("link", name="Jolanta Vilkienė").click()
    page.wait_for_url("**/contacts/jolanta-vilkiene/")
    assert page.locator("h1").first.inner_text() == "Jolanta Vilkienė"
    page.get_by_role("link", name="Laikraštis „Gyvenimas“").first.click()
    page.wait_for_url("**/partners/laikrastis-gyvenimas/")
    page.go_back()
    page.wait_for_url("**/contacts/jolanta-vilkiene/")
    assert page.console_errors == []


def test_filter_narrows_the_contacts_table(page, site_url):
    page.goto(site_url + "contacts/")
    rows = page.locator("table[data-rysiai=index] tbody tr")
    total = rows.count()
    assert total >= 80
    page.get_by_role("searchbox", name="Filtruoti").fill("vilkiene")  # no diacritics, lower case
    visible = page.locator("table[data-rysiai=index] tbody tr:visible")
    assert visible.count() == 1
    assert visible.first.inner_text().startswith("Jolanta Vilkienė")
    assert page.locator("output.rysiai-filter-count").inner_text() == f"Rodoma: 1 iš {total}"
    page.get_by_role("searchbox", name="Filtruoti").fill("")
    assert page.locator("table[data-rysiai=index] tbody tr:visible").count() == total
    assert page.console_errors == []


def test_a_hostile_record_runs_nothing(browser, tmp_path):
    from conftest import DataRepository
    from rysiai.site_build.build import build_site
    from test_site_safety import EVIL

    repo = DataRepository(tmp_path / "data")
    for path, text in EVIL.items():
        repo.write(path, text)
    site = build_site(repo.root, tmp_path / "site")
    dialogs = []
    with static_server(site) as url:
        context = browser.new_context()
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in ("", "partners/", "partners/evil/", "contacts/evil-person/", "tags/"):
            page.goto(url + path)
            page.mouse.move(300, 300)
        context.close()
    assert dialogs == []
