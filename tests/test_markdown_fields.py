"""Markdown fields: raw HTML shown as text, unsafe links dropped, plain text as Markdown writes it."""

import pytest
from rysiai.site import markdown_fields
from rysiai.site.markdown_fields import render_markdown


def full_markdown(text):
    markdown_fields._renderer.reset()
    return markdown_fields._renderer.convert(text)


@pytest.mark.parametrize(
    "text",
    [
        "Paprastas tekstas.",
        "Pirma eilutė.\nAntra eilutė.\n\nKita pastraipa: 2025 m., „kabutės“ ir \"kabutės\".",
        "  Įtraukta pradžia.\n",
        "Adresas: https://prienai.lt/a?b=c; tel. +370 612 34567; 50 % (skliaustai).",
        "a\n\n\n\nb",
        "a \nb",
        "a\n  b",
        "a\n \nb",
        " a \n",
        "x\r\ny",
        "\n\nPo tuščių eilučių.",
    ],
)
def test_plain_text_takes_the_short_way_with_the_same_html(text):
    assert not markdown_fields._MARKUP_CHARACTERS.search(text)
    assert not markdown_fields._BLOCK_LINE.search(text)
    assert markdown_fields._paragraphs(text) == full_markdown(text)
    assert render_markdown(text) == full_markdown(text)


@pytest.mark.parametrize(
    "text",
    [
        "- punktas", "+ punktas", "1. pirmas", "> citata", "# antraštė", "    kodas",
        "eilutė  \nlūžis", "a\n---", "a\n===", "**b**", "a&amp;b",
    ],
)
def test_markup_takes_the_markdown_way(text):
    assert render_markdown(text) == full_markdown(text)
    assert render_markdown(text) != markdown_fields._paragraphs(text)


def test_raw_html_and_unsafe_links():
    html = render_markdown(
        "<script>alert(1)</script>\n\n**b** <img src=x onerror=alert(1)> [x](javascript:alert(1)) "
        "[y](https://a.lt) <https://b.lt> [z](JaVa\tScRiPt:alert(1))"
    )
    assert html == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
        "<p><strong>b</strong> &lt;img src=x onerror=alert(1)&gt; <a>x</a> "
        '<a href="https://a.lt" rel="noopener noreferrer">y</a> '
        '<a href="https://b.lt" rel="noopener noreferrer">https://b.lt</a> '
        "<a>z</a></p>"
    )


@pytest.mark.parametrize(
    "link",
    [
        "javascript&#58;alert(3)",
        "&#106;avascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "/\\\\evil.example",
        "//evil.example",
        "data:text/html,x",
        "vbscript:x",
    ],
)
def test_links_that_browsers_would_run_or_send_elsewhere_lose_their_address(link):
    assert render_markdown(f"[spauskite]({link})") == "<p><a>spauskite</a></p>"
