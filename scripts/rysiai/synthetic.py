"""Synthetic data repositories for benchmarks: many valid, realistic records, fixed by a seed."""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

import yaml

from .checks.codes import entity_code_check_digit
from .editing.new_repository import create_repository
from .errors import RysiaiError
from .words.ids import slugify

# Shares of a real office's registry; contacts take the rest (about half).
SHARES = {"partners": 0.2, "associations": 0.1, "visits": 0.2}
TODAY = dt.date(2025, 6, 30)  # fixed, so that a seed always gives the same files
# `reviewed` dates fall in 2026: within the 24 months a contact may go unreviewed until 2028.

# Names are built from consonant+vowel syllables that stay distinct once case and diacritics are
# folded away, as the duplicate detector folds them. P is prime, so the check syllables of `_core`
# make any two cores differ in 2 (4 syllables) or 3 (5 syllables) syllables: at least 4 or 6 edits
# of the Indel distance behind rapidfuzz's ratio, which keeps names under 25 or 37 letters below
# its cut-off of 92. People get 4 syllables (short names), organisations 5 (long names). A core
# shifted by one syllable ("vegitaroli", "nivegitaro") can still come close: 0 or 1 pair in a
# repository of 20,000–50,000 records does, reported as a possible duplicate (only a warning).
_RENDER = {"c": "č", "z": "ž"}
SYLLABLES = [
    _RENDER.get(c, "š" if c == "s" and v in "au" else c)
    + ("ė" if v == "e" and c in "dgklmnprtv" else "ū" if v == "u" and c in "bdgkl" else v)
    for c in "bcdgjklmnprstvz"
    for v in "aeiouy"
    if c + v != "jy"
]
P = len(SYLLABLES)  # 89, a prime

MALE = ["Jonas", "Tomas", "Darius", "Saulius", "Andrius", "Mantas", "Kęstutis", "Gediminas",
        "Vytautas", "Arūnas", "Žydrūnas", "Rimantas", "Algirdas", "Paulius", "Lukas"]
FEMALE = ["Rūta", "Aušra", "Giedrė", "Eglė", "Dalia", "Rasa", "Laura", "Ieva", "Agnė",
          "Jūratė", "Živilė", "Birutė", "Danutė", "Vaida", "Aistė", "Audronė"]
# (male, female) surname and (nominative, genitive) place endings: the cores end in a vowel.
SURNAMES = [("vičius", "vičiūtė"), ("kus", "kutė"), ("nis", "nytė"), ("tis", "tienė"),
            ("kas", "kaitė"), ("lis", "lienė"), ("nas", "naitė")]
PLACES = [("nai", "nų"), ("škis", "škio"), ("tas", "to"), ("liai", "lių"), ("va", "vos")]
# Partner kind: (weight, name); {g} is a place name in the genitive, {n} in the nominative.
KINDS = {
    "municipality": (35, "{g} savivaldybė"), "region": (5, "{g} plėtros taryba"),
    "state": (8, "{g} valstybinė tarnyba"), "international": (5, "Tarptautinis {g} fondas"),
    "association": (15, "Asociacija „{n}“"), "media": (7, "Laikraštis „{n}“"),
    "business": (12, "UAB „{n}“"), "education": (10, "{g} gimnazija"),
    "other": (3, "VšĮ „{n}“"),
}
# A foreign municipality keeps its own word for it.
FOREIGN_MUNICIPALITY = {"LV": "{n} novads", "PL": "Gmina {n}", "DE": "Gemeinde {n}",
                        "SE": "{n} kommun", "FI": "{n} kunta", "EE": "{n} vald"}
COUNTRIES = ["LV", "PL", "DE", "UA", "SE", "FI", "EE", "GE", "MD", "FR", "IT", "NO", "DK", "CZ"]
ELDERSHIPS = ["Ašmintos", "Balbieriškio", "Išlaužo", "Jiezno", "Naujosios Ūtos", "Pakuonio",
              "Prienų", "Stakliškių", "Šilavoto", "Veiverių"]
STREETS = ["Laisvės a.", "Vytauto g.", "Kauno g.", "Mokyklos g.", "Bažnyčios g.", "Sodų g."]
TAGS = ["kultūra", "švietimas", "turizmas", "sportas", "jaunimas", "verslas", "ekologija",
        "sveikata", "socialinė-apsauga", "žemės-ūkis", "energetika", "skaitmeninimas"]
AGREEMENTS = ["bendradarbiavimo sutartis", "memorandumas", "ketinimų protokolas"]
POSITIONS = ["mero patarėjas", "administracijos direktorė", "projektų vadovas", "seniūnas",
             "pirmininkė", "vyriausiasis specialistas", "redaktorė", "koordinatorė"]
LANGUAGES = ["en", "pl", "ru", "de", "lv", "fr", "uk"]
BASES = ["public-task", "consent", "contract", "legal-obligation"]
ACTIVITIES = ["Susitikimas savivaldybėje", "Pietūs su partneriais", "Apsilankymas mokykloje",
              "Ekskursija po miestą", "Darbo grupės posėdis", "Verslo forumas"]
OUTCOMES = ["Sutarta dėl bendro projekto paraiškos", "Aptartos jaunimo mainų galimybės",
            "Pasirašytas ketinimų protokolas", "Numatytas atsakomasis vizitas"]
TASKS = ["Parengti projekto paraišką", "Išsiųsti padėkos laiškus", "Suderinti sutartį",
         "Paskelbti naujieną svetainėje", "Parengti vizito ataskaitą"]


def generate_repository(root: Path, records: int, seed: int = 0) -> dict[str, int]:
    """Create a data repository at ``root`` holding ``records`` valid records; return the counts."""
    create_repository(root)
    counts = {name: round(records * share) for name, share in SHARES.items()}
    counts["contacts"] = records - sum(counts.values())
    gen = _Generator(random.Random(seed), records)
    # Contacts are named first, so that associations can name a chair among them.
    people = [gen.person() for _ in range(counts["contacts"])]
    contact_ids = [contact_id for contact_id, _, _ in people]
    written = {
        "partners": [gen.partner() for _ in range(counts["partners"])],
        "associations": [gen.association(contact_ids) for _ in range(counts["associations"])],
    }
    organizations = written["partners"] + written["associations"]
    written["contacts"] = [gen.contact(person, organizations) for person in people]
    partners = written["partners"]
    written["visits"] = [gen.visit(partners, contact_ids) for _ in range(counts["visits"])]
    for collection, items in written.items():
        for record_id, record in items:
            text = yaml.dump(record, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
            (root / collection / f"{record_id}.yaml").write_text(text, encoding="utf-8")
    return {name: len(written[name]) for name in ("partners", "contacts", "associations", "visits")}


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes Markdown as `|` blocks, as people write it."""


_Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


class _Generator:
    def __init__(self, rng: random.Random, records: int):
        self.rng = rng
        # One core per record, never reused: ids and names are unique across the repository.
        self.cores = iter(rng.sample(range(P**3), records))
        self.phones: set[str] = set()
        self.domains: dict[str, str] = {}  # organisation id → its e-mail domain

    def _core(self, syllables: int) -> str:
        number = next(self.cores)
        a, b, c = number // P**2, number // P % P, number % P
        code = (a, b, (a + b + c) % P, c, (a + 2 * b + 3 * c) % P)
        return "".join(SYLLABLES[s] for s in code[:syllables])

    def _place(self) -> tuple[str, str]:
        core = self._core(5).capitalize()
        nominative, genitive = self.rng.choice(PLACES)
        return core + nominative, core + genitive

    def _digits(self, count: int) -> str:
        return "".join(self.rng.choices("0123456789", k=count))

    def _phone(self, prefix: str, digits: int) -> str:
        # Random numbers collide (the birthday problem), and a shared phone is a possible duplicate.
        phone = prefix + self._digits(digits)
        while phone in self.phones:
            phone = prefix + self._digits(digits)
        self.phones.add(phone)
        return phone

    def _code(self) -> str:
        first = self.rng.choice(["188", "110", "300", "302", "304", "195"]) + self._digits(5)
        return first + str(entity_code_check_digit(first))

    def _date(self, first_year: int = 2010, last_year: int = 2026) -> dt.date:
        start = dt.date(first_year, 1, 1)
        days = (dt.date(last_year, 12, 31) - start).days
        return start + dt.timedelta(days=self.rng.randrange(days))

    def _tags(self, most: int = 3) -> list[str]:
        return self.rng.sample(TAGS, self.rng.randint(1, most))

    def _address(self, city: str) -> str:
        street, number = self.rng.choice(STREETS), self.rng.randint(1, 120)
        return f"{street} {number}, LT-{self._digits(5)} {city}"

    def person(self) -> tuple[str, str, str]:
        male = self.rng.random() < 0.5
        first = self.rng.choice(MALE if male else FEMALE)
        surname = self._core(4).capitalize() + self.rng.choice(SURNAMES)[0 if male else 1]
        return slugify(f"{first} {surname}"), first, surname

    def partner(self) -> tuple[str, dict]:
        rng = self.rng
        country = "LT" if rng.random() < 0.4 else rng.choice(COUNTRIES)
        kind = rng.choices(list(KINDS), weights=[weight for weight, _ in KINDS.values()])[0]
        city, genitive = self._place()
        pattern = KINDS[kind][1]
        if kind == "municipality" and country != "LT":
            pattern = FOREIGN_MUNICIPALITY.get(country, "{n}")
        name = pattern.format(n=city, g=genitive)
        domain = f"{slugify(city)}.{country.lower()}"
        self.domains[slugify(name)] = domain
        record = {"name": name, "kind": kind, "country": country, "city": city}
        if country == "LT":
            record.update(address=self._address(city), code=self._code())
            record["phone"] = self._phone("+370319", 5)  # Prienai district landlines
        elif rng.random() < 0.3:
            record["code"] = country + self._digits(9)  # a foreign register's own form
        record.update(website=f"https://www.{domain}", email=f"info@{domain}")
        year = rng.randint(1995, 2024)
        record["since"] = rng.choice([str(year), f"{year}-{rng.randint(1, 12):02d}",
                                      self._date(year, year).isoformat()])
        record["agreements"] = [self._agreement(domain) for _ in range(rng.randint(1, 2))]
        record.update(documents=[f"https://www.prienai.lt/dokumentai/{self._digits(5)}.pdf"],
                      tags=self._tags(),
                      notes=f"Partnerystę inicijavo **{rng.choice(ELDERSHIPS)} seniūnija**.\n\n"
                            f"- {rng.choice(OUTCOMES)}\n",
                      reviewed=self._date(2026, 2026))
        return slugify(name), record

    def _agreement(self, domain: str) -> dict:
        signed = self._date(2000, 2024)
        agreement = {"type": self.rng.choice(AGREEMENTS), "signed": signed}
        if self.rng.random() < 0.5:
            agreement["until"] = signed + dt.timedelta(days=365 * self.rng.randint(2, 10))
        agreement["areas"] = self._tags(4)
        agreement["document"] = f"https://www.{domain}/sutartys/{signed.year}-{self._digits(3)}.pdf"
        return agreement

    def association(self, contact_ids: list[str]) -> tuple[str, dict]:
        rng = self.rng
        city, genitive = self._place()
        name = f"{genitive} bendruomenė" if rng.random() < 0.7 else f"Asociacija „{city}“"
        self.domains[slugify(name)] = "gmail.com"
        record = {"name": name, "eldership": rng.choice(ELDERSHIPS), "code": self._code()}
        if contact_ids:
            record["chair"] = rng.choice(contact_ids)
        record.update(email=f"{slugify(city)}.bendruomene@gmail.com", phone=self._phone("+3706", 7),
                      website=f"https://{slugify(city)}.lt", address=self._address(city),
                      tags=self._tags(), notes=f"Susirinkimai vyksta **{city}** namuose.\n",
                      reviewed=self._date(2026, 2026))
        return slugify(name), record

    def contact(self, person: tuple[str, str, str], organizations: list) -> tuple[str, dict]:
        rng = self.rng
        contact_id, first, surname = person
        record: dict = {"name": f"{first} {surname}"}
        domain = "gmail.com"
        if organizations and rng.random() < 0.85:
            record["organization"] = rng.choice(organizations)[0]
            record["position"] = rng.choice(POSITIONS)
            domain = self.domains[record["organization"]]
        record.update(email=f"{slugify(first)}.{slugify(surname)}@{domain}",
                      phone=self._phone("+3706", 7),
                      languages=["lt"] + rng.sample(LANGUAGES, rng.randint(0, 3)),
                      public=rng.random() < 0.3, legal_basis=rng.choice(BASES), tags=self._tags())
        record["notes"] = (f"Susipažinta {self._date().year} m. renginyje.\n\n"
                           f"- Domisi: *{rng.choice(TAGS)}*\n- Skambinti darbo dienomis\n")
        record["reviewed"] = self._date(2026, 2026)
        return contact_id, record

    def visit(self, partners: list, contact_ids: list[str]) -> tuple[str, dict]:
        rng = self.rng
        start = self._date(2015, 2026)
        end = start + dt.timedelta(days=rng.randint(0, 4))
        direction = rng.choice(["incoming", "outgoing"])
        guests = rng.sample(partners, min(len(partners), rng.randint(1, 3)))
        host = guests[0][1] if guests else {"name": "Partnerių", "city": "Vilnius"}
        incoming = direction == "incoming"
        title = f"{host['name']} delegacijos priėmimas" if incoming else f"Vizitas: {host['name']}"
        record: dict = {"title": title, "direction": direction, "start": start, "end": end,
                        "place": "Prienai" if incoming else host["city"]}
        if guests:
            record["partners"] = [partner_id for partner_id, _ in guests]
        if contact_ids:
            how_many = min(len(contact_ids), rng.randint(2, 6))
            record["participants"] = rng.sample(contact_ids, how_many)
        record["purpose"] = "Bendradarbiavimas: " + ", ".join(self._tags(2))
        days = [start + dt.timedelta(days=day) for day in range((end - start).days + 1)]
        record["programme"] = "\n".join(
            f"**{day}**\n\n" + "".join(f"- {hour}:00 {what}\n" for hour, what in
                                       zip((10, 13, 15), rng.sample(ACTIVITIES, 3)))
            for day in days
        )
        outcomes = rng.sample(OUTCOMES, rng.randint(1, 3))
        record["outcomes"] = "".join(f"- {outcome}\n" for outcome in outcomes)
        record["follow_ups"] = [self._follow_up(end, contact_ids) for _ in range(rng.randint(1, 3))]
        record["status"] = "done" if end < TODAY else rng.choice(["planned", "cancelled"])
        record["documents"] = [f"https://www.prienai.lt/vizitai/{start.year}/{self._digits(3)}.pdf"]
        record["tags"] = self._tags()
        return f"{start.isoformat()}-{slugify(self._core(4))}", record

    def _follow_up(self, end: dt.date, contact_ids: list[str]) -> dict:
        item: dict = {"task": self.rng.choice(TASKS)}
        if contact_ids:
            item["owner"] = self.rng.choice(contact_ids)
        item["due"] = end + dt.timedelta(days=self.rng.randint(7, 90))
        # Every follow-up is done: one past its day and not done is a warning (overdue), and the
        # records must stay free of warnings on any day the benchmark runs, so that it measures
        # checking, not printing.
        item["done"] = True
        return item


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rysiai.synthetic", description=__doc__)
    parser.add_argument("directory", metavar="DIR", type=Path, help="folder to create")
    parser.add_argument("--records", type=int, default=1000, help="how many (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    try:
        counts = generate_repository(args.directory, args.records, args.seed)
    except RysiaiError as error:
        print(f"synthetic: error: {error}", file=sys.stderr)
        return 2
    for name, count in counts.items():
        print(f"{name}: {count}")
    print(f"total: {sum(counts.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
