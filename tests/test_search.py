"""Search from the header box, in Chromium: Lithuanian words without diacritics, in any inflection."""

import pytest
from browser import CHROMIUM, needs, static_server
from test_site_build import copy_project

pytestmark = needs(CHROMIUM, "chromium")
FINAL = ("Nieko nerasta.", "Rastas 1 įrašas", "Rasta įrašų:")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    from rysiai.site_build.build import build_site

    tmp = tmp_path_factory.mktemp("search")
    site = build_site(copy_project(tmp, with_git=False), tmp / "site")
    with static_server(site) as url:  # a plain web server: no mkdocs behind it
        yield url


def search(page, site_url, query, path=""):
    page.goto(site_url + path)
    box = page.locator("input[name=query]")
    box.click()
    box.fill(query)
    status = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "([el, finals]) => finals.some(f => el.textContent.startsWith(f))", arg=[status.element_handle(), list(FINAL)]
    )
    links = page.locator(".md-search-result__link")
    return status.inner_text(), [links.nth(i).get_attribute("href") for i in range(min(links.count(), 5))]


def titles(page):
    return page.locator(".md-search-result__item h1").all_inner_texts()[:5]


def test_prienu_without_diacritics_finds_prienu_names_first(page, site_url):
    status, hrefs = search(page, site_url, "Prienu")
    assert status.startswith("Rasta įrašų:")
    # Prienų first, and Prienai in other cases (the cycle path Prienai–Birštonas) among them.
    found = titles(page)
    assert all("Prien" in title for title in found) and any("Prienų" in title for title in found)
    assert page.console_errors == []


def test_siauliu_finds_siauliai(page, site_url):
    _, hrefs = search(page, site_url, "siauliu")
    assert "/partners/siauliu-miesto-savivaldybe/" in hrefs


def test_an_inflected_town_name_finds_the_partner_town(page, site_url):
    _, hrefs = search(page, site_url, "Talsuose")  # locative; pages say Talsų, Talsai
    assert any(href.startswith("/visits/") and "talsu" in href for href in hrefs)
    _, hrefs = search(page, site_url, "Kaunas")  # pages say Kauno
    assert "/partners/kauno-miesto-savivaldybe/" in hrefs


def test_a_surname_without_diacritics(page, site_url):
    _, hrefs = search(page, site_url, "vilkiene")
    assert hrefs[0] == "/contacts/jolanta-vilkiene/"
    assert page.locator(".rysiai-search-kind").first.inner_text().startswith("Kontaktai · Laikraštis „Gyvenimas“")


def test_only_the_results_shown_are_loaded(page, site_url):
    fragments = []
    page.on("request", lambda request: fragments.append(request.url) if request.url.endswith(".pf_fragment") else None)
    status, _ = search(page, site_url, "Prienu")
    found = int(status.split(":")[1])
    assert found > 10  # more than a screen of results
    assert page.locator(".md-search-result__item").count() == 10
    assert len(fragments) == 10


def test_the_index_is_fetched_while_typing(page, site_url):
    typed = []  # the keys pressed so far, when each chunk of the index was asked for
    chunks = []

    def chunk(route):
        chunks.append(len(typed))
        route.continue_()

    page.route("**/*.pf_index", chunk)
    page.goto(site_url)
    page.locator("input[name=query]").click()
    page.wait_for_load_state("networkidle")  # the index's scripts and page lists, loaded on focus
    query = "Talsu novada pasvaldiba"
    for key in query:  # a key every 30 ms, less than the search's wait after the last key
        page.keyboard.press(key if key != " " else "Space")
        typed.append(key)
        page.wait_for_timeout(30)
    page.wait_for_selector(".md-search-result__item")
    assert chunks and min(chunks) < len(query)  # asked for while the typing went on


def test_a_query_that_finds_nothing(page, site_url):
    status, hrefs = search(page, site_url, "zzqxv")
    assert (status, hrefs) == ("Nieko nerasta.", [])


def test_filter_by_kind(page, site_url):
    search(page, site_url, "Kauno")
    page.locator(".rysiai-search-filter", has_text="Rinkinys").locator("select").select_option("Kontaktai")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__link').length > 0 && [...document.querySelectorAll('.md-search-result__link')].every(a => a.getAttribute('href').startsWith('/contacts/'))")
    kinds = page.locator(".rysiai-search-kind").all_inner_texts()
    assert kinds and all(kind.startswith("Kontaktai") for kind in kinds)


def test_keyboard_only(page, site_url):
    page.goto(site_url + "associations/")
    page.keyboard.press("/")
    page.keyboard.type("silavoto")
    page.wait_for_selector(".md-search-result__link")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/associations/**/")
    assert "Šilavot" in page.locator("h1").first.inner_text()


def test_search_works_on_a_page_deep_in_the_site(page, site_url):
    _, hrefs = search(page, site_url, "Parczew", path="visits/2022-06-parcevo-dienos/")
    assert "/partners/gmina-parczew/" in hrefs
    page.locator(".md-search-result__link").first.click()
    page.wait_for_load_state()
    assert page.console_errors == []


def test_values_of_excluded_visibility_are_not_searchable(page, tmp_path):
    from conftest import DataRepository
    from rysiai.site_build.build import build_site
    from site_fixture import fill

    repo = DataRepository(tmp_path / "data")
    fill(repo)
    config = repo.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      history_uri: commits/main/\n",
            "      history_uri: commits/main/\n      search_exclude: [personal]\n",
        ),
        encoding="utf-8",
    )
    site = build_site(repo.root, tmp_path / "site")
    with static_server(site) as url:
        for query in ("Petraitienė", "ona@talsi.lv"):  # name and e-mail: personal
            status, hrefs = search(page, url, query)
            # No page that shows the person is found (the stemmer may still match a stray word).
            assert not any(h.startswith(("/contacts/", "/visits/", "/partners/")) for h in hrefs), query
        # The position is internal, so it stays searchable, under the collection's title.
        _, hrefs = search(page, url, "Koordinatorė")
        assert hrefs == ["/contacts/ona-petraitiene/"]
        assert titles(page) == ["Kontaktai"]
        _, hrefs = search(page, url, "Talsu")
        assert "/partners/talsi/" in hrefs


@pytest.mark.parametrize(
    "query, own_page",
    [
        ("Liubanas", "/partners/gmina-miejska-luban/"),  # the Lithuanian name staff type (an alias)
        ("Parčevas", "/partners/gmina-parczew/"),
        ("Talsai", "/partners/talsu-novada-pasvaldiba/"),
        ("Gmina Parczew", "/partners/gmina-parczew/"),  # the name itself
        ("Talsu novada pašvaldība", "/partners/talsu-novada-pasvaldiba/"),
    ],
)
def test_a_partners_name_or_alias_finds_its_own_page_first(page, site_url, query, own_page):
    _, hrefs = search(page, site_url, query)
    assert hrefs[0] == own_page


# Pagefind's searches as its web worker is asked for them and answers (each message carries an
# id): the search terms in the order asked, when, and the most searches running at once.
SEARCHES_WATCHED = """
window.rysiaiSearches = { terms: [], at: [], running: 0, most: 0 };
window.rysiaiKeys = [];
document.addEventListener("keydown", function () { window.rysiaiKeys.push(performance.now()); }, true);
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(...args) {
    super(...args);
    const asked = new Set();
    const seen = window.rysiaiSearches;
    this.addEventListener("message", (event) => {
      if (event.data && asked.delete(event.data.id)) { seen.running--; }
    });
    const post = this.postMessage.bind(this);
    this.postMessage = (message, ...rest) => {
      if (message && message.method === "search") {
        asked.add(message.id);
        seen.terms.push(message.args[0]);
        seen.at.push(performance.now());
        seen.running++;
        seen.most = Math.max(seen.most, seen.running);
      }
      return post(message, ...rest);
    };
  }
};
"""


def test_the_engine_is_loaded_once_the_page_has_loaded(page, site_url):
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(site_url + "partners/")
    page.wait_for_load_state("networkidle")  # nothing clicked, nothing typed
    assert any(url.endswith("/pagefind.js") for url in asked)
    assert any(url.endswith(".pagefind") for url in asked)  # the engine itself
    assert not any(url.endswith((".pf_index", ".pf_fragment")) for url in asked)  # no words yet


def test_one_search_at_a_time_and_the_latest_query_wins(page, tmp_path_factory, site_url):
    # The index's chunks come slowly (a slow network), so that a search is still running when
    # the next key is pressed, the keys come slower than the wait after the last key.
    from rysiai.site_build.build import build_site

    tmp = tmp_path_factory.mktemp("slow-search")
    site = build_site(copy_project(tmp, with_git=False), tmp / "site")
    with static_server(site, slow=(".pf_index", 0.4)) as url:
        page.add_init_script(SEARCHES_WATCHED)
        page.goto(url + "partners/")
        page.wait_for_load_state("networkidle")
        box = page.locator("input[name=query]")
        box.click()
        query = "Prienu rajono"
        page.keyboard.type(query, delay=150)
        page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.startsWith('Rasta')")
        seen = page.evaluate("window.rysiaiSearches")
    assert seen["most"] == 1  # never two at once
    assert seen["terms"][-1] == query
    assert len(seen["terms"]) < len(query)  # the keys typed while one ran were not each searched


def test_the_first_search_runs_while_typing(page, site_url):
    page.add_init_script(SEARCHES_WATCHED)
    page.goto(site_url + "partners/")
    page.wait_for_load_state("networkidle")
    page.locator("input[name=query]").click()
    page.keyboard.type("Talsu novada", delay=40)  # faster than the wait after the last key
    page.wait_for_selector(".md-search-result__item")
    seen, keys = page.evaluate("[window.rysiaiSearches, window.rysiaiKeys]")
    # The words typed so far are searched once at the third letter, while the typing goes on,
    # then the whole query after the last key.
    assert seen["terms"] == ["Tal", "Talsu novada"]
    assert seen["at"][0] < keys[-1] < seen["at"][1]


def test_search_works_once_the_index_is_there(page, tmp_path_factory):
    # Under `rysiai serve` the pages are served before the search index is written: the box
    # loads the engine again when asked, and does not keep its first failure.
    from rysiai.site_build.build import build_site

    tmp = tmp_path_factory.mktemp("late-index")
    site = build_site(copy_project(tmp, with_git=False), tmp / "site")
    (site / "pagefind").rename(tmp / "pagefind")
    with static_server(site) as url:
        page.goto(url + "partners/")
        page.wait_for_load_state("networkidle")
        (tmp / "pagefind").rename(site / "pagefind")
        page.locator("input[name=query]").click()  # the same page, not loaded again
        page.keyboard.type("Parczew")
        page.wait_for_selector(".md-search-result__item")
        hrefs = [link.get_attribute("href") for link in page.locator(".md-search-result__link").all()]
    assert "/partners/gmina-parczew/" in hrefs
