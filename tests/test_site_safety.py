"""Every data value is escaped on the site; nothing in a record runs or is evaluated as a template."""

import html
import re

import pytest
from rysiai.site_build.build import build_site

SCRIPT = "<script>alert(1)</script>"
EVIL = {
    "partners/evil.yaml": (
        f"name: '{SCRIPT}'\nkind: other\ncountry: LT\ncity: '</title><script>alert(2)</script>'\n"
        "tags: ['<b onmouseover=alert(3)>x</b>', '{{ config.site_name }}']\n"
        "agreements:\n  - type: '<img src=x onerror=alert(4)>'\n"
        "notes: |\n  <img src=x onerror=alert(5)>\n\n  [spustelėkite](javascript:alert(6))\n\n"
        "  <a href=\"javascript:alert(7)\">x</a> {{ 7 * 7 }} {% include 'base.html' %}\n\n"
        "  [a](javascript&#58;alert(9)) [b](&#106;avascript:alert(10)) [c](/\\\\evil.example)\n"
    ),
    "contacts/evil-person.yaml": (
        "name: \"Ona \\\"><svg onload=alert(8)>\"\norganization: evil\n"
        "position: '{{ page.title }}'\n"
    ),
}


@pytest.fixture(scope="module")
def evil_site(tmp_path_factory):
    from conftest import DataRepository

    tmp = tmp_path_factory.mktemp("evil")
    repo = DataRepository(tmp / "data")
    for path, text in EVIL.items():
        repo.write(path, text)
    return build_site(repo.root, tmp / "site")


def all_html(site):
    return {path: path.read_text(encoding="utf-8") for path in site.rglob("*.html")}


@pytest.mark.parametrize(
    "raw",
    [
        SCRIPT,
        "<script>alert(2)</script>",
        "<b onmouseover=alert(3)>",
        "<img src=x onerror=alert(4)>",
        "<img src=x onerror=alert(5)>",
        "<svg onload=alert(8)>",
    ],
)
def test_no_raw_markup_from_data_reaches_any_page(evil_site, raw):
    leaks = [str(path.relative_to(evil_site)) for path, text in all_html(evil_site).items() if raw in text]
    assert leaks == []


def test_no_javascript_link_in_any_page(evil_site):
    attribute = re.compile(r"<[a-z]+\b[^<>]*\b(?:href|src)=[\"']?([^\"'\s>]*)", re.IGNORECASE)
    leaks = []
    for path, text in all_html(evil_site).items():
        for address in attribute.findall(text):
            decoded = html.unescape(address).replace("\\", "/").lower()
            if decoded.startswith(("javascript", "vbscript", "data:text", "//evil")) or "evil.example" in decoded:
                leaks.append(f"{path.relative_to(evil_site)}: {address}")
    assert leaks == []


def test_values_show_as_text(evil_site):
    page = (evil_site / "partners" / "evil" / "index.html").read_text(encoding="utf-8")
    assert "<h1 data-pagefind-weight=\"10\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in page
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; - " in page
    assert "&lt;img src=x onerror=alert(5)&gt;" in page
    assert "<a>spustelėkite</a>" in page
    assert "x&lt;/a&gt; {{ 7 * 7 }} {% include 'base.html' %}</p>" in page
    contact = (evil_site / "contacts" / "evil-person" / "index.html").read_text(encoding="utf-8")
    assert "<td>{{ page.title }}</td>" in contact


def test_template_syntax_is_not_evaluated(evil_site):
    texts = "".join(all_html(evil_site).values())
    drawn = re.sub(r"<svg.*?</svg>", "", texts, flags=re.S)  # icons' path data holds numbers too
    assert "49" not in re.findall(r"\b49\b", drawn.replace("2049", ""))
    assert "{{ config.site_name }}" in texts


TEMPLATES = {
    "partners/braces.yaml": (
        "name: '{{ config.site_name }} {% raw %}'\nkind: municipality\ncountry: LT\n"
        "city: '{% for x in range(3) %}{{ x }}{% endfor %}'\n"
    ),
    "contacts/ona.yaml": "name: '{{ 6 * 7 }} Ona'\norganization: braces\nposition: '{# komentaras #}'\npublic: true\n",
    "visits/v.yaml": (
        "title: '{{ page.meta }}'\ndirection: incoming\nstart: 2026-05-01\npartners: [braces]\n"
        "outcomes: '{%- if true -%}taip{%- endif -%}'\n"
    ),
}


@pytest.mark.parametrize("public", [False, True])
def test_template_syntax_in_every_kind_of_output_is_shown_verbatim(tmp_path, public):
    from conftest import DataRepository

    repo = DataRepository(tmp_path / "data")
    for path, text in TEMPLATES.items():
        repo.write(path, text)
    site = build_site(repo.root, tmp_path / "site", public=public)
    partner = (site / "partners/braces/index.html").read_text(encoding="utf-8")
    assert "<h1 data-pagefind-weight=\"10\">{{ config.site_name }} {% raw %}</h1>" in partner
    assert "<title>{{ config.site_name }} {% raw %} - " in partner
    assert "<td>{% for x in range(3) %}{{ x }}{% endfor %}</td>" in partner
    contact = (site / "contacts/ona/index.html").read_text(encoding="utf-8")
    assert "<h1 data-pagefind-weight=\"7\">{{ 6 * 7 }} Ona</h1>" in contact
    assert "<td>{# komentaras #}</td>" in contact
    visit = (site / "visits/v/index.html").read_text(encoding="utf-8")
    assert "<p>{%- if true -%}taip{%- endif -%}</p>" in visit
    assert "FN:{{ 6 * 7 }} Ona" in (site / "vcards/ona.vcf").read_text(encoding="utf-8")
    assert "SUMMARY:{{ page.meta }}" in (site / "visits.ics").read_text(encoding="utf-8")
    assert ">42 Ona<" not in contact and "<td>012</td>" not in partner  # not evaluated
