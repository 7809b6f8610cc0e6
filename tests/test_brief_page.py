"""The mayor's brief as HTML: the site's page (escaped, linked, in the navigation, staff only),
the page `rysiai brief --format html` writes, and both in Chromium: printed on A4 without the
site's navigation, and on a phone with no table wider than the screen."""

import datetime as dt
import re

import pytest
from brief_fixture import TODAY, fill
from browser import CHROMIUM, needs, static_server
from rysiai.brief import build_brief, coming_week
from rysiai.repository import load_repository
from rysiai.site.context import SiteContext
from rysiai.site.pages import site_pages
from rysiai.site_build.build import build_site

HOSTILE = {
    "visits/x.yaml": (
        "title: '<script>alert(1)</script> Vizitas'\ndirection: incoming\nstart: 2026-11-28\n"
        "place: '<img src=x onerror=alert(2)>'\nparticipants: [ona]\n"
        "programme: |\n  <script>alert(3)</script>\n  [spausti](javascript:alert(4))\n"
        "follow_ups:\n  - task: '<b>Paruošti</b>'\n    owner: ona\n    due: 2026-11-26\n"
    ),
    "contacts/ona.yaml": "name: '<i>Ona</i> \"Petraitienė\"'\n",
    "events/krpt.yaml": (
        "title: KRPT\nkind: krpt\nstart: 2026-12-01 10:00\n"
        "drafts:\n  - title: '<script>alert(5)</script>'\n    document: 'javascript:alert(6)'\n"
    ),
}


def brief_page(repo, today=TODAY):
    context = SiteContext.build(load_repository(repo.root), today=today)
    pages = {page.src_uri: page for page in site_pages(context, home_title="Ryšiai")}
    return pages["brief.md"].render()


def test_every_value_on_the_page_is_escaped(repo):
    for path, text in HOSTILE.items():
        repo.write(path, text)
    page = brief_page(repo)
    assert "<script" not in page and "<img" not in page and "<b>" not in page and "<i>" not in page
    assert "javascript" not in re.sub(r"<dd>javascript:alert\(6\)</dd>", "", page)  # no link runs anything
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Vizitas</a></h3>" in page
    assert "<dt>Vieta</dt><dd>&lt;img src=x onerror=alert(2)&gt;</dd>" in page
    assert '<a href="../contacts/ona/">&lt;i&gt;Ona&lt;/i&gt; &quot;Petraitienė&quot;</a>' in page
    assert "<li>&lt;b&gt;Paruošti&lt;/b&gt; — <a" in page
    assert "<strong>&lt;script&gt;alert(5)&lt;/script&gt;</strong>" in page
    assert "<dt>Dokumentas</dt><dd>javascript:alert(6)</dd>" in page  # shown, never a link


def test_records_are_linked_from_the_page_and_not_from_the_document(repo):
    from rysiai.site.brief_page import brief_document

    fill(repo, with_history=False)
    page = brief_page(repo)
    assert '<h3><a href="../visits/talsi-2026/">Talsų delegacija Prienuose</a></h3>' in page
    assert '<a href="../contacts/jonas-jonaitis/">Jonas Jonaitis</a>' in page
    document = brief_document(build_brief(load_repository(repo.root), coming_week(TODAY)))
    assert document.startswith('<!DOCTYPE html>\n<html lang="lt">\n<head>\n<meta charset="utf-8">\n')
    assert "<h3>Talsų delegacija Prienuose</h3>" in document
    assert re.findall(r'href="([^"]*)"', document) == ["https://krpt.lt/sarasas.pdf"]
    assert "@page { size: A4;" in document


def test_an_english_site_has_the_brief_in_english(repo):
    fill(repo, with_history=False)
    context = SiteContext.build(load_repository(repo.root), today=TODAY, language="en")
    page = next(page for page in site_pages(context, home_title="Registry") if page.src_uri == "brief.md")
    assert page.title == "The mayor's weekly brief"
    assert "<h2>Overdue and coming deadlines</h2>" in page.render()
    assert "2026-11-27, Friday – 2026-12-06, Sunday" in page.render()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The brief fixture's repository with its git history, built as the staff's site and the public one."""
    from conftest import DataRepository

    tmp = tmp_path_factory.mktemp("brief-site")
    repo = DataRepository(tmp / "data")
    fill(repo)
    return build_site(repo.root, tmp / "site"), build_site(repo.root, tmp / "public", public=True)


def test_the_page_is_built_linked_from_home_and_the_navigation(built):
    site, _ = built
    page = (site / "brief" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Savaitės apžvalga merui</h1>" in page
    sections = re.findall(r'<section class="rysiai-brief-section" id="brief-([a-z-]+)">', page)
    assert sections == ["coming", "meetings", "deadlines", "project-news", "agreements", "changes"]
    assert 'href="../assets/rysiai/rysiai-brief.css"' in page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<p class="rysiai-brief-link"><a href="brief/">Savaitės apžvalga merui</a>' in home
    assert re.search(r'<a href="brief/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Savaitės apžvalga merui', home)


def test_the_public_site_has_no_brief(built):
    _, public = built
    assert not (public / "brief").exists()
    home = (public / "index.html").read_text(encoding="utf-8")
    assert "brief/" not in home and "Savaitės apžvalga" not in home


# In the browser: records dated from the real today, as the site's page is built for it.
def dated_records(repo, today: dt.date):
    def day(days):
        return (today + dt.timedelta(days=days)).isoformat()

    long_name = "Tarptautinio bendradarbiavimo ir investicijų pritraukimo skyriaus vyriausioji specialistė"
    repo.write("contacts/ona.yaml", f"name: Ona Petraitienė-Kazlauskienė\nposition: {long_name}\n")
    repo.write("partners/talsi.yaml", (
        "name: Talsu novada pašvaldība (Talsu novada dome, Latvijas Republika)\nkind: municipality\n"
        f"country: LV\nagreements:\n  - type: {long_name}\n    signed: 2024-01-01\n    until: {day(30)}\n"
    ))
    for number in range(1, 13):
        repo.write(f"requests/r{number}.yaml", (
            f"subject: Prašymas nr. {number} dėl labai ilgo pavadinimo kelio ruožo tarp kaimų remonto\n"
            f"received: {day(-40 - number)}\nowner: ona\n"
        ))
        repo.write(f"visits/v{number}.yaml", (
            f"title: Delegacijos vizitas nr. {number}\ndirection: incoming\nstart: {day(number % 6)}\n"
            f"place: Prienai\npartners: [talsi]\nparticipants: [ona]\n"
            "programme: |\n  - Susitikimas su meru\n  - Ekskursija\n  - Vakarienė\n"
            f"follow_ups:\n  - task: Užsakyti viešbutį ir transportą delegacijai\n    owner: ona\n    due: {day(1)}\n"
        ))


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The site's address of the brief, and the data repository it is built from."""
    from conftest import DataRepository

    tmp = tmp_path_factory.mktemp("brief-browser")
    repo = DataRepository(tmp / "data")
    dated_records(repo, dt.date.today())
    site = build_site(repo.root, tmp / "site")
    with static_server(site) as url:
        yield url + "brief/", repo.root


@needs(CHROMIUM, "chromium")
def test_printed_on_a4_without_the_navigation(page, served):
    page.goto(served[0])
    assert page.locator(".md-header").is_visible() and page.locator(".md-sidebar--primary").is_visible()
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert not page.locator(chrome).is_visible(), chrome
    assert page.locator(".rysiai-brief h1").is_visible()
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.querySelector('.rysiai-brief-table'));"
        " const h = getComputedStyle(document.querySelector('.rysiai-brief h2'));"
        " return [s.breakInside, h.breakAfter]; }"
    )
    assert style == ["avoid", "avoid"]
    pdf = page.pdf(prefer_css_page_size=True, print_background=False)
    sizes = set(re.findall(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]", pdf))
    assert len(sizes) == 1
    width, height = (float(value) * 25.4 / 72 for value in sizes.pop())  # points → mm
    assert (round(width), round(height)) == (210, 297)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 2
    assert page.console_errors == []


@needs(CHROMIUM, "chromium")
@pytest.mark.parametrize("where", ["site", "document"])
def test_on_a_phone_no_table_is_wider_than_the_screen(browser, served, where):
    from rysiai.site.brief_page import brief_document

    url, root = served
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    if where == "site":
        page.goto(url)
    else:
        page.set_content(brief_document(build_brief(load_repository(root), coming_week(dt.date.today()))))
    tables = page.locator(".rysiai-brief table")
    assert tables.count() >= 2
    widths = page.evaluate(
        "() => [...document.querySelectorAll('.rysiai-brief table')].map(t => t.getBoundingClientRect().right)"
    )
    assert max(widths) <= 390
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    # Each row a card: the cells name their columns.
    label = page.evaluate(
        "() => getComputedStyle(document.querySelector('.rysiai-brief-table td'), '::before').content"
    )
    assert label == '"Terminas: "'
    context.close()
