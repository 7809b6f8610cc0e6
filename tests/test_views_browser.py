"""The office's views in Chromium, on a desktop (1366 px) and a phone (390 px): the requests by
urgency, sorting, tables that fit or say they scroll, the dark palette, no English left from
the theme, and axe-core's WCAG 2.1 A/AA rules (a real copy of axe-core, shipped by the
axe-playwright-python package of the test extra; never fetched while testing)."""

from importlib import resources

import pytest
from browser import CHROMIUM, needs, static_server
from conftest import PROJECT
from rysiai.words.collation import sort_key
from views_site import WAITING_ORDER, build_views_site

pytestmark = needs(CHROMIUM, "chromium")
WIDTHS = {"desktop": 1366, "phone": 390}
# One page of each type the site has.
PAGE_TYPES = [
    "", "partners/", "requests/", "agreements/", "partners/talsu-novada-pasvaldiba/",
    "contacts/jolanta-vilkiene/", "associations/stakliskiu-bendruomene/",
    "visits/2022-06-talsu-delegacija-prienuose/", "events/2026-12-krpt-posedis/",
    "requests/2026-11-gyventojo-apklausa/", "glossary/", "tags/", "about/", "404.html",
    "projects/", "projects/dviraciu-takas-prienai-birstonas/", "interactions/",
    "interactions/2026-11-20-krpt-posedzio-medziaga/", "press/", "press/2026-11-spaudos-konferencija-talsai/",
    "surveys/2026-10-viesojo-transporto-apklausa/", "elderships/", "elderships/stakliskiu/", "brief/",
]
# The theme's own words in English, as its English language file has them.
ENGLISH = [
    "Made with", "Material for MkDocs", "Not found", "Search", "Previous", "Next", "Skip to content",
    "Back to top", "Table of contents", "Copy to clipboard", "Copied to clipboard",
    "Type to start searching", "Initializing search", "No matching documents", "Edit this page",
    "View source of this page", "Go to repository", "Last update", "Contributors", "Navigation",
    "Header", "Footer", "Share", "Clear", "Select language", "Git", "GitHub", "light mode", "dark mode",
]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    site = build_views_site(tmp_path_factory.mktemp("views"))
    with static_server(site) as url:
        yield url


@pytest.fixture(params=list(WIDTHS))
def screen(request, browser):
    context = browser.new_context(viewport={"width": WIDTHS[request.param], "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    yield page
    context.close()


def test_requests_by_urgency_with_their_marks(screen, site_url):
    screen.goto(site_url + "requests/")
    rows = screen.locator("table[data-rysiai=index] tbody tr")
    hrefs = [href.strip("/").split("/")[-1] for href in rows.locator("td:nth-child(2) a").evaluate_all("l => l.map(a => a.getAttribute('href'))")]
    assert hrefs[:5] == WAITING_ORDER
    assert len(hrefs) == 8
    marks = rows.locator("td:nth-child(5)").all_inner_texts()
    assert [mark.split(":")[-1].strip() for mark in marks[:5]] == [
        "Vėluoja 31 d.", "Vėluoja 6 d.", "Terminas šiandien", "Liko 7 d.", "Liko 20 d."]
    assert rows.nth(0).get_attribute("class") == "rysiai-overdue"
    assert rows.nth(7).get_attribute("class") == "rysiai-settled"
    assert "Ona Kazlauskienė" in rows.nth(0).inner_text()  # a resident without a record
    assert "Aušra Kalvaitytė" in rows.nth(0).inner_text()  # the owner
    assert screen.console_errors == []


def test_sorting_a_column(screen, site_url):
    screen.goto(site_url + "partners/")
    names = screen.locator("table[data-rysiai=index] tbody tr td:first-child a")
    first = names.all_inner_texts()
    heading = screen.locator("th", has=screen.get_by_role("button", name="Pavadinimas"))
    assert heading.get_attribute("aria-sort") == "ascending"
    screen.get_by_role("button", name="Pavadinimas").click()
    assert heading.get_attribute("aria-sort") == "descending"
    assert names.all_inner_texts() == first[::-1]
    screen.get_by_role("button", name="Šalis").click()
    countries = screen.locator("table[data-rysiai=index] tbody tr td:nth-child(3)").all_inner_texts()
    countries = [text.split(":")[-1].strip() for text in countries]  # a phone shows "Šalis: …"
    assert countries == sorted(countries, key=sort_key)  # Latvija, Lenkija, Lietuva …
    assert countries.index("Latvija") < countries.index("Lenkija") < countries.index("Lietuva")
    assert heading.get_attribute("aria-sort") is None
    assert screen.console_errors == []


def test_a_date_column_sorts_as_dates(screen, site_url):
    screen.goto(site_url + "requests/")
    screen.get_by_role("button", name="Gauta").click()
    received = screen.locator("table[data-rysiai=index] tbody tr td:first-child").evaluate_all(
        "cells => cells.map(c => c.lastChild.textContent)")
    assert received == sorted(received)
    screen.get_by_role("button", name="Gauta").click()
    again = screen.locator("table[data-rysiai=index] tbody tr td:first-child").evaluate_all(
        "cells => cells.map(c => c.lastChild.textContent)")
    assert again == sorted(received, reverse=True)


def test_partners_once_with_the_groups_as_choices(screen, site_url):
    screen.goto(site_url + "partners/")
    rows = screen.locator("table[data-rysiai=index] tbody tr")
    total = rows.count()
    hrefs = rows.locator("td:first-child a").evaluate_all("l => l.map(a => a.getAttribute('href'))")
    assert len(set(hrefs)) == total  # each partner once
    screen.get_by_label("Šalis").select_option("Lenkija")
    visible = screen.locator("table[data-rysiai=index] tbody tr:visible")
    assert 1 < visible.count() < total
    assert all("Lenkija" in text for text in visible.all_inner_texts())
    screen.get_by_role("searchbox", name="Filtruoti").fill("liubanas")  # an alias
    assert visible.count() == 1
    assert visible.first.inner_text().startswith("Gmina Miejska Lubań")
    assert screen.locator("output.rysiai-filter-count").inner_text() == f"Rodoma: 1 iš {total}"


def test_no_table_wider_than_the_phone_without_its_cue(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    for path in PAGE_TYPES + ["findings/", "architecture/", "contacts/", "visits/"]:
        page.goto(site_url + path)
        wide = page.evaluate("""() => [...document.querySelectorAll('article table')].filter(t => {
            const frame = t.closest('.md-typeset__scrollwrap') || t.parentElement;
            const outside = t.getBoundingClientRect().right > window.innerWidth + 1;
            const cue = frame.previousElementSibling && frame.previousElementSibling.classList.contains('rysiai-scroll-cue');
            const scrolls = frame.scrollWidth > frame.clientWidth + 1;
            return (outside && !scrolls) || (scrolls && !cue);
        }).length""")
        assert wide == 0, path
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    page.goto(site_url + "findings/")  # a Markdown table of four columns: it scrolls, and says so
    assert page.locator(".rysiai-scroll-cue").first.inner_text() == "Lentelė platesnė už ekraną: slinkite į šoną →"
    context.close()


def test_the_dark_palette_follows_the_system_and_the_switch(browser, site_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(site_url + "requests/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
    badge = page.locator(".rysiai-badge-overdue").first
    assert badge.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(255, 180, 171)"
    page.locator("label.md-header__button[title='Įjungti šviesų režimą']").click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != dark
    context.close()


def _visible_words(page) -> str:
    return page.evaluate("""() => document.body.innerText + ' ' + [...document.querySelectorAll(
        '[aria-label], [title], [placeholder], [alt]')].map(e => ['aria-label', 'title', 'placeholder', 'alt']
        .map(a => e.getAttribute(a) || '').join(' ')).join(' ')""")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_english_from_the_theme_on_any_page(browser, site_url, scheme):
    import re

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    for path in PAGE_TYPES:
        page.goto(site_url + path)
        text = _visible_words(page)
        found = [word for word in ENGLISH if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
        assert found == [], path
    context.close()


def _axe(page) -> list[str]:
    script = (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    page.add_script_tag(content=script)
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
        " resultTypes: ['violations']})"
    )
    return [f"{v['id']}: {v['nodes'][0]['target']} {v['nodes'][0]['failureSummary']}" for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_violation(browser, site_url, scheme):
    for width in WIDTHS.values():
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        for path in PAGE_TYPES:
            page.goto(site_url + path)
            assert _axe(page) == [], (path, width)
        context.close()


def test_axe_is_the_real_one(page, site_url):
    """The same check finds a violation where there is one (an image without a text)."""
    page.goto(site_url + "about/")
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=x.png>')")
    assert any(v.startswith("image-alt") for v in _axe(page))
    assert page.evaluate("axe.version").startswith("4.")


def test_the_keyboard_reaches_search_filter_and_sorting(page, site_url):
    page.goto(site_url + "partners/")
    reached = []
    for _ in range(60):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("""() => { const e = document.activeElement;
            return e.getAttribute('name') === 'query' ? 'search' : e.closest('.rysiai-filter') && e.type === 'search'
            ? 'filter' : e.classList.contains('rysiai-sort') ? 'sort:' + e.textContent : ''; }"""))
        if "sort:Šalis" in reached:
            break
    assert reached.index("search") < reached.index("filter") < reached.index("sort:Pavadinimas")
    page.keyboard.press("Enter")  # on the "Šalis" heading
    assert page.locator("th", has=page.get_by_role("button", name="Šalis")).get_attribute("aria-sort") == "ascending"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.type") == "select-one"  # the kind's choice


GUIDE_IMAGES = PROJECT / "docs" / "images" / "guide"
GUIDE_SCREEN = {"width": 1100, "height": 620}


def _guide_shots(page, site_url):
    """The staff guide's pictures, made as the guide's steps say (docs/kaip-*.md)."""
    page.goto(site_url + "partners/")
    page.locator("input[name=query]").click()
    page.locator("input[name=query]").fill("vilkiene")
    page.wait_for_selector(".md-search-result__link")
    yield "rasti-zmogu.png"
    page.goto(site_url + "visits/")
    yield "prideti-vizita.png"
    page.goto(site_url + "requests/")
    yield "atsakyti-i-prasyma.png"
    page.goto(site_url + "events/")
    page.get_by_label("Rūšis").select_option("KRPT posėdis")
    yield "pasiruosti-krpt.png"


def test_the_guides_pictures_are_current(browser, site_url, tmp_path):
    """Made by this test from the sample site (fixed today); `make screenshots` writes them into
    docs/images/guide/, and here the committed ones must be there, the same size, and named in the
    guide. (Pixels differ between machines' fonts: the pictures are compared by size only.)"""
    import os
    import struct

    update = bool(os.environ.get("RYSIAI_UPDATE_SCREENSHOTS"))
    context = browser.new_context(viewport=GUIDE_SCREEN)
    page = context.new_page()
    guide = "".join(path.read_text(encoding="utf-8") for path in (PROJECT / "docs").glob("kaip-*.md"))
    for name in _guide_shots(page, site_url):
        target = (GUIDE_IMAGES if update else tmp_path) / name
        page.screenshot(path=str(target))
        committed = GUIDE_IMAGES / name
        assert committed.is_file(), f"{committed} is missing: run `make screenshots`"
        size = struct.unpack(">II", committed.read_bytes()[16:24])
        assert size == (GUIDE_SCREEN["width"], GUIDE_SCREEN["height"]), name
        assert f"images/guide/{name}" in guide, name
    context.close()
