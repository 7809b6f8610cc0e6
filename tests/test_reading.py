"""The text as a reader sees it, and where each character seen is written."""

import pytest

from rysiai.words.reading import INVISIBLE, reader_view


@pytest.mark.parametrize(
    "written, read",
    [
        *((f"Ag{c}nė Vilkaitė", "Agnė Vilkaitė") for c in INVISIBLE),
        ("Ag\u00ad\u200bnė Vil\u00adkai\u00adtė", "Agnė Vilkaitė"),
        ("Ag**nė** Vilkaitė", "Agnė Vilkaitė"),
        ("Ag*nė* ~~Vilkaitė~~", "Agnė Vilkaitė"),
        ("__Agnė__ _Vilkaitė_ ==Vilkaitė==", "Agnė Vilkaitė Vilkaitė"),
        ("Ag<!-- vardas -->nė Vilkaitė", "Agnė Vilkaitė"),
        ("Ag<!--\nper\neilutes\n-->nė", "Agnė"),
        ("Agnė <!-- neuždaryta Vilkaitė", "Agnė "),
        ("Ag<b>nė</b> <span class=\"x\">Vilkaitė</span>", "Agnė Vilkaitė"),
        ("kodas `Agnė` Vilkaitė, ``Agnė Vilkaitė``", "kodas Agnė Vilkaitė, Agnė Vilkaitė"),
        ("Agn&#279;&nbsp;Vilkait&#x117;", "Agnė\u00a0Vilkaitė"),
        ("[rašyti](mailto:agne%2Evilkaite%40ccre.org)", "[rašyti](mailto:agne.vilkaite@ccre.org)"),
        ("tel:%2B370%20608%2027341", "tel:+370 608 27341"),
        ("Agn%C4%97", "Agnė"),
    ],
)
def test_what_the_reader_sees(written, read):
    assert reader_view(written).text == read


@pytest.mark.parametrize(
    "text",
    [
        "Agnė Vilkaitė, tel. 8 608 27341",
        "agne_vilkaite@ccre.org ir snake_case",  # underscores inside words are letters
        "50 % ir 100%",  # not percent-encoding
        "a < b > c",  # not a tag
        "&nėra; &amp",  # not entities
        "%ab%cd",  # not UTF-8
        "",
    ],
)
def test_texts_read_as_written_have_no_view(text):
    assert reader_view(text) is None


def test_each_character_seen_knows_where_it_is_written():
    written = "Skambino Ag**n&#279;** Vil\u00adkaitė, mailto:agne%40ccre.org."
    view = reader_view(written)
    assert view.text == "Skambino Agnė Vilkaitė, mailto:agne@ccre.org."
    name = view.text.index("Agnė Vilkaitė")
    start, end = view.written_span(name, name + len("Agnė Vilkaitė"))
    assert written[start:end] == "Ag**n&#279;** Vil\u00adkaitė"
    at = view.text.index("agne@ccre.org")
    start, end = view.written_span(at, at + len("agne@ccre.org"))
    assert written[start:end] == "agne%40ccre.org"
    assert len(view.starts) == len(view.ends) == len(view.text)


def test_markup_right_around_what_is_found_goes_with_it():
    written = "Vertė **Agnė** `Vilkaitė`<!-- x -->, ačiū."
    view = reader_view(written)
    at = view.text.index("Agnė Vilkaitė")
    start, end = view.written_span(at, at + len("Agnė Vilkaitė"))
    assert written[start:end] == "**Agnė** `Vilkaitė`<!-- x -->"
    start, end = view.written_span(0, len(view.text))
    assert (start, end) == (0, len(written))


def test_the_quick_reading_reads_as_the_full_view():
    from rysiai.words.reading import reader_text

    texts = [
        "Ag\u00adnė Vilkaitė", "Ag**nė** Vilkaitė", "Ag<!-- x -->nė", "`Agnė` Vilkaitė", "agne%2Evilkaite%40ccre.org",
        "A &amp; B &#279;", "_Agnė_ Vilkaitė", "agne_vilkaite@ccre.org", "nieko", "100 % tikra", "%zz", "%C4",
    ]
    for text in texts:
        view = reader_view(text)
        assert reader_text(text) == (view.text if view is not None else None), text
