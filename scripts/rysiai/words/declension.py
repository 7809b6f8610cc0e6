"""Lithuanian declension of person names: a full name in the seven singular cases, and the
folded word forms by which a text is searched for it (`Aušrai Kalvaitytei` for Aušra Kalvaitytė).

Each word declines by its own ending, so first name and surname may come in either order. The
endings are a table written from Lithuanian grammar, not a stemmer: Snowball's Lithuanian stemmer
(the maintained one) maps forms to stems but cannot write the forms a report shows, and it gives
`Kalvaitytė` and `Kalvaitis` one stem, which would name a father for his daughter.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .names import fold

CASES = ("vardininkas", "kilmininkas", "naudininkas", "galininkas", "įnagininkas", "vietininkas", "šauksmininkas")

WORD = re.compile(r"\w+")  # as the people index splits names into words
LITHUANIAN = frozenset("aąbcčdeęėfghiįyjklmnoprsštuųūvzž")
CONSONANTS = frozenset("bcčdfghjklmnprsštvzž")
COMBINING = re.compile("[\u0300-\u036f]")

# Nominative ending → the endings of the six other cases (kilmininkas … šauksmininkas), longest
# ending first. `~` before an ending softens the stem's last consonant (t → č, d → dž: Petraitis →
# Petraičio, Gaidys → Gaidžio), `^` hardens it back (č → t, dž → d: svečias → svetyje).
MASCULINE = (
    ("ius", ("iaus", "iui", "ių", "iumi", "iuje", "iau")),  # Andrius, Pranckevičius
    ("jas", ("jo", "jui", "ją", "ju", "jyje", "jau")),  # Matvejas (like vėjas)
    ("ias", ("io", "iui", "ią", "iu", "^yje", "^y")),  # like kelias, svečias
    ("as", ("o", "ui", "ą", "u", "e", "ai")),  # Jonas; names are called `Jonai`, not `Jone`
    ("is", ("~io", "~iui", "į", "~iu", "yje", "i")),  # Petraitis, Kęstutis
    ("ys", ("~io", "~iui", "į", "~iu", "yje", "y")),  # Banys, Stasys
    ("us", ("aus", "ui", "ų", "umi", "uje", "au")),  # Venckus, Klaudijus
)
# Words in -a and -ė decline alike whoever bears them (Aušra and Raimondas Kuzma, Dovilė and
# a man named Lukšė).
EITHER = (
    ("a", ("os", "ai", "ą", "a", "oje", "a")),
    ("ė", ("ės", "ei", "ę", "e", "ėje", "e")),
)
# Only women's surnames end so (-uvienė, as in Norkuvienė, ends in -ienė).
WOMENS_SURNAME = ("ienė", "aitė", "ytė", "utė", "iūtė")
# An ending after a stem that ends in a vowel is not a Lithuanian one (`Luis`, `Noa`); -a may
# follow a softening i (Dalia), and -jas always follows a vowel (Matvejas).
AFTER_ANY = ("jas",)
AFTER_I = ("a",)
FOLDED_ENDINGS = {e.lstrip("~^"): fold(e.lstrip("~^")) for _, endings in MASCULINE + EITHER for e in endings}
SOFTER = {"t": "č", "d": "dž"}
HARDER = {"č": "t", "dž": "d"}


def decline_name(full_name: str) -> dict[str, str]:
    """The name in each of the seven cases (keys: CASES), each word in the same case, everything
    between the words (spaces, hyphens) as written. A word that does not decline as Lithuanian
    stays as written in every case (see `_paradigm`)."""
    name = unicodedata.normalize("NFC", full_name)
    words = WORD.findall(name)
    plain = _written_plain(words)
    feminine = _is_feminine(words, plain)
    forms = {word: _forms_of_word(word, feminine, plain) for word in words}
    return {
        case: WORD.sub(lambda match: forms[match.group()][index], name)
        for index, case in enumerate(CASES)
    }


def name_forms(full_name: str) -> set[tuple[str, ...]]:
    """The name's words, folded (as `names.fold` folds them), in each case, as written and
    surname first (the last word moved to the front), as lists write names."""
    words = WORD.findall(unicodedata.normalize("NFC", full_name))
    plain = _written_plain(words)
    feminine = _is_feminine(words, plain)
    per_word = [_folded_forms(word, feminine, plain) for word in words]
    found = set()
    for index in range(len(CASES) if words else 0):
        form = tuple(part for forms in per_word for part in forms[index])
        found.add(form)
        found.add((form[-1], *form[:-1]))
    return found


@lru_cache(maxsize=8192)  # first names repeat: a register of 10,000 people has a few hundred
def _folded_forms(word: str, feminine: bool, plain: bool) -> tuple[tuple[str, ...], ...]:
    """The word's forms in each case, each folded into the words a text search sees. Folding
    goes letter by letter, so a stem and an ending are folded apart (the index of the public
    build's guard declines every unpublished person's name: this keeps it fast)."""
    found = _paradigm(word, feminine, plain)
    folded = fold(word)
    if found is None or not WORD.fullmatch(folded):
        return tuple(tuple(WORD.findall(fold(form))) for form in _forms_of_word(word, feminine, plain))
    base, endings = found
    stems = {"": fold(base)}
    forms = [(folded,)]
    for ending in endings:
        mark = ending[0] if ending[0] in "~^" else ""
        if mark not in stems:
            stems[mark] = fold(_soften(base) if mark == "~" else _harden(base))
        forms.append((stems[mark] + FOLDED_ENDINGS[ending.lstrip("~^")],))
    return tuple(forms)


def _written_plain(words: list[str]) -> bool:
    """Whether the name is written without diacritics: Lithuanian letters only, all of them in
    ASCII, and a word in plain -e, which stands for -ė (`Ausra Kalvaityte`). Such a name declines
    in plain letters too. A name that has a diacritic anywhere writes -ė as -ė, so its plain -e is
    foreign (`Ilze Bērziņa`)."""
    return all(word.isascii() for word in words) and any(word.lower().endswith("e") for word in words)


def _is_feminine(words: list[str], plain: bool) -> bool:
    """A woman's name: one of its words ends as only women's surnames do. (A first name alone
    cannot tell: men are called Luka or Jogaila, and -a surnames such as Kuzma are men's too.)"""
    endings = tuple(_plain(e) for e in WOMENS_SURNAME) if plain else WOMENS_SURNAME
    return any(word.lower().endswith(endings) for word in words)


def _forms_of_word(word: str, feminine: bool, plain: bool) -> tuple[str, ...]:
    """The word in each case, in the order of CASES."""
    found = _paradigm(word, feminine, plain)
    if found is None:
        return (word,) * len(CASES)
    base, endings = found
    upper = word.isupper() and len(word) > 1
    forms = [word]
    for ending in endings:
        stem = base
        if ending[0] in "~^":
            stem = _soften(base) if ending[0] == "~" else _harden(base)
            ending = ending[1:]
        if plain:
            stem, ending = _plain(stem), _plain(ending)
        forms.append(stem + (ending.upper() if upper else ending))
    return tuple(forms)


def _paradigm(word: str, feminine: bool, plain: bool) -> tuple[str, tuple[str, ...]] | None:
    """The stem and the endings by which ``word`` declines, or None when it does not decline as a
    Lithuanian word. Such words are kept as written in every case, because their Lithuanian forms
    are not given by a rule: letters outside the Lithuanian alphabet (Polish `Wróbel`, Latvian
    `Vītols`), endings Lithuanian nouns do not have (`Szulc`, `Kristaps`), and in a woman's name
    a word ending in a consonant (`Iris`), which is not declined (a woman's Lithuanian name ends in
    a vowel, and a foreign one ending in a consonant keeps its form)."""
    lower = word.lower()
    if not set(lower) <= LITHUANIAN:
        return None
    table = EITHER if feminine else MASCULINE + EITHER
    for ending, endings in table:
        written = _plain(ending) if plain else ending
        if not lower.endswith(written):
            continue
        base = word[: -len(ending)]
        last = base[-1:].lower()
        if len(base) < 2 or not (
            ending in AFTER_ANY or last in CONSONANTS or (ending in AFTER_I and last == "i")
        ):
            return None
        return base, endings
    return None


def _soften(base: str) -> str:
    softer = SOFTER.get(base[-1:].lower())
    if softer is None:
        return base
    return base[:-1] + (softer.upper() if base[-1].isupper() else softer)


def _harden(base: str) -> str:
    for soft, hard in HARDER.items():
        if base.lower().endswith(soft):
            return base[: -len(soft)] + (hard.upper() if base[-1].isupper() else hard)
    return base


def _plain(text: str) -> str:
    """``text`` without diacritics, its letter case kept (č → c, Ž → Z)."""
    return COMBINING.sub("", unicodedata.normalize("NFKD", text))
