"""Lithuanian alphabetical order, not code-point order."""

from rysiai.words.collation import sort_key


def test_lithuanian_letters_sort_in_the_alphabet():
    words = ["Žalias", "Zebras", "Ąžuolas", "Yla", "Įlanka", "Jonas", "Čekija", "Cezis",
             "Šaltinis", "Sodas", "Ūkis", "Ulonas", "Ųsas", "Ėglė", "Eglė", "Ęsas", "Agnė", "Ieva"]
    assert sorted(words, key=sort_key) == [
        "Agnė", "Ąžuolas", "Cezis", "Čekija", "Eglė", "Ęsas", "Ėglė", "Ieva", "Įlanka", "Yla",
        "Jonas", "Sodas", "Šaltinis", "Ulonas", "Ųsas", "Ūkis", "Zebras", "Žalias",
    ]


def test_case_is_ignored_and_foreign_letters_sort_by_their_base():
    assert sorted(["b", "A", "a", "Łódź", "Lubań", "Ola"], key=sort_key) == [
        "A", "a", "b", "Łódź", "Lubań", "Ola"
    ]


def test_shorter_word_and_space_come_first():
    assert sorted(["Kauno rajono", "Kaunas", "Kauno", "Kauno miesto"], key=sort_key) == [
        "Kaunas", "Kauno", "Kauno miesto", "Kauno rajono"
    ]


def test_quotes_and_punctuation_are_passed_over():
    names = ["Kėdainių rajono savivaldybė", "„Kauno diena“", "Kaunas", "Jonava", "(UAB) Lina",
             "Laikraštis „Gyvenimas“", "Laikraštis Aušra", "\"Kauno\" forumas", "«Kaunas»"]
    assert sorted(names, key=sort_key) == [
        "Jonava", "Kaunas", "«Kaunas»", "„Kauno diena“", "\"Kauno\" forumas",
        "Kėdainių rajono savivaldybė", "Laikraštis Aušra", "Laikraštis „Gyvenimas“", "(UAB) Lina",
    ]


def test_a_name_of_punctuation_alone_still_has_a_place():
    assert sorted(["B", "—", "A", "..."], key=sort_key) == ["...", "—", "A", "B"]
