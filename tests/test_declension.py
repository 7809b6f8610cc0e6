"""Lithuanian declension of person names: every ending in all seven cases, written by hand from
the grammar; foreign names kept as written; the folded forms a text is searched for."""

import re

import pytest

from rysiai.words.declension import CASES, decline_name, name_forms

# vardininkas, kilmininkas, naudininkas, galininkas, įnagininkas, vietininkas, šauksmininkas
DECLINED = {
    # -a and -ienė
    "Ona Masiulienė": (
        "Ona Masiulienė", "Onos Masiulienės", "Onai Masiulienei", "Oną Masiulienę",
        "Ona Masiuliene", "Onoje Masiulienėje", "Ona Masiuliene",
    ),
    "Rūta Žalienė": (
        "Rūta Žalienė", "Rūtos Žalienės", "Rūtai Žalienei", "Rūtą Žalienę",
        "Rūta Žaliene", "Rūtoje Žalienėje", "Rūta Žaliene",
    ),
    # -aitė, -ytė (Kalvaitytė ends in both)
    "Aušra Kalvaitytė": (
        "Aušra Kalvaitytė", "Aušros Kalvaitytės", "Aušrai Kalvaitytei", "Aušrą Kalvaitytę",
        "Aušra Kalvaityte", "Aušroje Kalvaitytėje", "Aušra Kalvaityte",
    ),
    "Živilė Paulauskaitė": (
        "Živilė Paulauskaitė", "Živilės Paulauskaitės", "Živilei Paulauskaitei", "Živilę Paulauskaitę",
        "Živile Paulauskaite", "Živilėje Paulauskaitėje", "Živile Paulauskaite",
    ),
    # -ė and -utė
    "Dovilė Stankutė": (
        "Dovilė Stankutė", "Dovilės Stankutės", "Dovilei Stankutei", "Dovilę Stankutę",
        "Dovile Stankute", "Dovilėje Stankutėje", "Dovile Stankute",
    ),
    # -iūtė
    "Greta Paškevičiūtė": (
        "Greta Paškevičiūtė", "Gretos Paškevičiūtės", "Gretai Paškevičiūtei", "Gretą Paškevičiūtę",
        "Greta Paškevičiūte", "Gretoje Paškevičiūtėje", "Greta Paškevičiūte",
    ),
    # -uvienė (of Norkus)
    "Birutė Norkuvienė": (
        "Birutė Norkuvienė", "Birutės Norkuvienės", "Birutei Norkuvienei", "Birutę Norkuvienę",
        "Birute Norkuviene", "Birutėje Norkuvienėje", "Birute Norkuviene",
    ),
    # a plain -ė surname, and -ia (a softening i before -a)
    "Dalia Dulkė": (
        "Dalia Dulkė", "Dalios Dulkės", "Daliai Dulkei", "Dalią Dulkę",
        "Dalia Dulke", "Dalioje Dulkėje", "Dalia Dulke",
    ),
    # -as
    "Gediminas Puodžiukas": (
        "Gediminas Puodžiukas", "Gedimino Puodžiuko", "Gediminui Puodžiukui", "Gediminą Puodžiuką",
        "Gediminu Puodžiuku", "Gedimine Puodžiuke", "Gediminai Puodžiukai",
    ),
    "Linas Jurkūnas": (
        "Linas Jurkūnas", "Lino Jurkūno", "Linui Jurkūnui", "Liną Jurkūną",
        "Linu Jurkūnu", "Line Jurkūne", "Linai Jurkūnai",
    ),
    # -is: t → č before io, iui, iu
    "Jonas Petraitis": (
        "Jonas Petraitis", "Jono Petraičio", "Jonui Petraičiui", "Joną Petraitį",
        "Jonu Petraičiu", "Jone Petraityje", "Jonai Petraiti",
    ),
    "Martynas Briedis": (  # d → dž
        "Martynas Briedis", "Martyno Briedžio", "Martynui Briedžiui", "Martyną Briedį",
        "Martynu Briedžiu", "Martyne Briedyje", "Martynai Briedi",
    ),
    "Stasys Vaškelis": (  # -ys, and -is without t or d
        "Stasys Vaškelis", "Stasio Vaškelio", "Stasiui Vaškeliui", "Stasį Vaškelį",
        "Stasiu Vaškeliu", "Stasyje Vaškelyje", "Stasy Vaškeli",
    ),
    # -ius and -ys
    "Julius Banys": (
        "Julius Banys", "Juliaus Banio", "Juliui Baniui", "Julių Banį",
        "Juliumi Baniu", "Juliuje Banyje", "Juliau Bany",
    ),
    "Audrius Gaidys": (  # -ys: d → dž
        "Audrius Gaidys", "Audriaus Gaidžio", "Audriui Gaidžiui", "Audrių Gaidį",
        "Audriumi Gaidžiu", "Audriuje Gaidyje", "Audriau Gaidy",
    ),
    "Dainius Pranckevičius": (
        "Dainius Pranckevičius", "Dainiaus Pranckevičiaus", "Dainiui Pranckevičiui", "Dainių Pranckevičių",
        "Dainiumi Pranckevičiumi", "Dainiuje Pranckevičiuje", "Dainiau Pranckevičiau",
    ),
    # -us, and -jus
    "Martynas Venckus": (
        "Martynas Venckus", "Martyno Venckaus", "Martynui Venckui", "Martyną Venckų",
        "Martynu Venckumi", "Martyne Venckuje", "Martynai Venckau",
    ),
    "Klaudijus Norkus": (
        "Klaudijus Norkus", "Klaudijaus Norkaus", "Klaudijui Norkui", "Klaudijų Norkų",
        "Klaudijumi Norkumi", "Klaudijuje Norkuje", "Klaudijau Norkau",
    ),
    # a man's surname in -a declines as a woman's name in -a does
    "Kęstutis Rimša": (
        "Kęstutis Rimša", "Kęstučio Rimšos", "Kęstučiui Rimšai", "Kęstutį Rimšą",
        "Kęstučiu Rimša", "Kęstutyje Rimšoje", "Kęstuti Rimša",
    ),
    "Andrius Velička": (
        "Andrius Velička", "Andriaus Veličkos", "Andriui Veličkai", "Andrių Veličką",
        "Andriumi Velička", "Andriuje Veličkoje", "Andriau Velička",
    ),
    # -jas (like vėjas) and -ias (like svečias: č back to t before y)
    "Matvejas Svečias": (
        "Matvejas Svečias", "Matvejo Svečio", "Matvejui Svečiui", "Matveją Svečią",
        "Matveju Svečiu", "Matvejyje Svetyje", "Matvejau Svety",
    ),
    # surname first, and a double surname
    "Kalvaitytė Aušra": (
        "Kalvaitytė Aušra", "Kalvaitytės Aušros", "Kalvaitytei Aušrai", "Kalvaitytę Aušrą",
        "Kalvaityte Aušra", "Kalvaitytėje Aušroje", "Kalvaityte Aušra",
    ),
    "Petraitis Jonas": (
        "Petraitis Jonas", "Petraičio Jono", "Petraičiui Jonui", "Petraitį Joną",
        "Petraičiu Jonu", "Petraityje Jone", "Petraiti Jonai",
    ),
    "Ona Petraitienė-Kazlauskienė": (
        "Ona Petraitienė-Kazlauskienė", "Onos Petraitienės-Kazlauskienės", "Onai Petraitienei-Kazlauskienei",
        "Oną Petraitienę-Kazlauskienę", "Ona Petraitiene-Kazlauskiene", "Onoje Petraitienėje-Kazlauskienėje",
        "Ona Petraitiene-Kazlauskiene",
    ),
    # written in capitals, and without diacritics (declined without them too)
    "AUŠRA KALVAITYTĖ": (
        "AUŠRA KALVAITYTĖ", "AUŠROS KALVAITYTĖS", "AUŠRAI KALVAITYTEI", "AUŠRĄ KALVAITYTĘ",
        "AUŠRA KALVAITYTE", "AUŠROJE KALVAITYTĖJE", "AUŠRA KALVAITYTE",
    ),
    "KĘSTUTIS GAIDYS": (
        "KĘSTUTIS GAIDYS", "KĘSTUČIO GAIDŽIO", "KĘSTUČIUI GAIDŽIUI", "KĘSTUTĮ GAIDĮ",
        "KĘSTUČIU GAIDŽIU", "KĘSTUTYJE GAIDYJE", "KĘSTUTI GAIDY",
    ),
    "Ausra Kalvaityte": (
        "Ausra Kalvaityte", "Ausros Kalvaitytes", "Ausrai Kalvaitytei", "Ausra Kalvaityte",
        "Ausra Kalvaityte", "Ausroje Kalvaityteje", "Ausra Kalvaityte",
    ),
    "Ona Masiuliene": (
        "Ona Masiuliene", "Onos Masiulienes", "Onai Masiulienei", "Ona Masiuliene",
        "Ona Masiuliene", "Onoje Masiulieneje", "Ona Masiuliene",
    ),
    # foreign first names with Lithuanian endings decline; foreign surnames stay
    "Agnieszka Wróbel": (
        "Agnieszka Wróbel", "Agnieszkos Wróbel", "Agnieszkai Wróbel", "Agnieszką Wróbel",
        "Agnieszka Wróbel", "Agnieszkoje Wróbel", "Agnieszka Wróbel",
    ),
    "Katarzyna Lewandowska": (  # w is not a Lithuanian letter
        "Katarzyna Lewandowska", "Katarzynos Lewandowska", "Katarzynai Lewandowska", "Katarzyną Lewandowska",
        "Katarzyna Lewandowska", "Katarzynoje Lewandowska", "Katarzyna Lewandowska",
    ),
    # in a woman's name a word ending in a consonant is not declined
    "Iris Jankauskienė": (
        "Iris Jankauskienė", "Iris Jankauskienės", "Iris Jankauskienei", "Iris Jankauskienę",
        "Iris Jankauskiene", "Iris Jankauskienėje", "Iris Jankauskiene",
    ),
}

KEPT = [
    "Marek Szulc",  # endings Lithuanian nouns do not have
    "Piotr Zieliński",  # ń
    "Tomasz Kaczmarek",
    "Kristaps Vītols",  # Latvian: -ps, ī
    "Ilze Bērziņa",  # a plain -e in a name with diacritics is not -ė
    "Luis Noa",  # a Lithuanian ending after a vowel is not Lithuanian
    "J. K.",
]


@pytest.mark.parametrize("name", DECLINED)
def test_every_case_of_a_name(name):
    assert decline_name(name) == dict(zip(CASES, DECLINED[name]))


@pytest.mark.parametrize("name", KEPT)
def test_names_that_do_not_decline_as_lithuanian_are_kept_as_written(name):
    assert decline_name(name) == dict.fromkeys(CASES, name)


def test_the_cases_are_the_seven_lithuanian_ones():
    assert CASES == (
        "vardininkas", "kilmininkas", "naudininkas", "galininkas", "įnagininkas", "vietininkas", "šauksmininkas",
    )


def test_decomposed_letters_decline_as_composed_ones():
    assert decline_name("Agne\u0307 Vilkaite\u0307")["naudininkas"] == "Agnei Vilkaitei"


def test_what_stands_between_the_words_is_kept():
    assert decline_name("Jonas  Petraitis")["kilmininkas"] == "Jono  Petraičio"
    assert decline_name("Petraitis, Jonas")["kilmininkas"] == "Petraičio, Jono"


def test_name_forms_are_folded_word_tuples_of_each_case_in_both_orders():
    assert name_forms("Julius Banys") == {
        ("julius", "banys"), ("banys", "julius"),
        ("juliaus", "banio"), ("banio", "juliaus"),
        ("juliui", "baniui"), ("baniui", "juliui"),
        ("juliu", "bani"), ("bani", "juliu"),
        ("juliumi", "baniu"), ("baniu", "juliumi"),
        ("juliuje", "banyje"), ("banyje", "juliuje"),
        ("juliau", "bany"), ("bany", "juliau"),
    }


def test_name_forms_of_a_woman_name_fold_equal_cases_together():
    assert name_forms("Aušra Kalvaitytė") == {
        ("ausra", "kalvaityte"), ("kalvaityte", "ausra"),
        ("ausros", "kalvaitytes"), ("kalvaitytes", "ausros"),
        ("ausrai", "kalvaitytei"), ("kalvaitytei", "ausrai"),
        ("ausroje", "kalvaityteje"), ("kalvaityteje", "ausroje"),
    }


def test_name_forms_never_mix_cases():
    forms = name_forms("Jonas Petraitis")
    assert ("jono", "petraicio") in forms
    assert ("jonas", "petraicio") not in forms
    assert ("jono", "petraitis") not in forms


def test_name_forms_surname_first_moves_the_last_word_to_the_front():
    assert ("kazlauskienes", "onos", "petraitienes") in name_forms("Ona Petraitienė Kazlauskienė")


@pytest.mark.parametrize(
    "written, plain",
    [
        ("Aušra Kalvaitytė", "Ausra Kalvaityte"),
        ("Ona Masiulienė", "Ona Masiuliene"),
        ("Linas Jurkūnas", "Linas Jurkunas"),
        ("Kęstutis Rimša", "Kestutis Rimsa"),
        ("Greta Paškevičiūtė", "GRETA PASKEVICIUTE"),
    ],
)
def test_a_name_written_without_diacritics_has_the_same_folded_forms(written, plain):
    assert name_forms(plain) == name_forms(written)


def test_a_single_word_has_its_forms_too():
    assert name_forms("Jonas") == {("jonas",), ("jono",), ("jonui",), ("jona",), ("jonu",), ("jone",), ("jonai",)}


def test_no_words_no_forms():
    assert name_forms("") == set()
    assert decline_name(" ") == dict.fromkeys(CASES, " ")


@pytest.mark.parametrize("name", [*DECLINED, *KEPT])
def test_name_forms_are_the_declined_names_folded(name):
    from rysiai.words.names import fold

    expected = set()
    for form in decline_name(name).values():
        words = tuple(fold(word) for word in re.findall(r"\w+", form))
        if words:
            expected |= {words, (words[-1], *words[:-1])}
    assert name_forms(name) == expected
