"""Findings worded in Lithuanian for the editor's pages, shown beside the field they are about
(so the field is not named again); every kind of the catalogue has its words here."""

from __future__ import annotations

import re

from ..findings import Finding
from ..schema import Collection, Field

# By code: what is wrong and how to set it right, from the finding's values. The values that
# hold English prose (`problem`, `hint`, `reason`) are left out.
WORDS = {
    "encoding": "Failas nėra UTF-8 tekstas (nepavyko perskaityti baito {byte}).",
    "unreadable": "Failo nepavyko perskaityti.",
    "yaml-syntax": "Faile yra YAML sintaksės klaida; pataisykite ją faile.",
    "empty-file": "Faile nėra įrašo.",
    "not-mapping": "Įrašo failas turi būti „laukas: reikšmė“ eilutės.",
    "duplicate-key": "Laukas „{key}“ faile įrašytas du kartus.",
    "yaml-tag": "YAML žymė „{tag}“ neleidžiama.",
    "yaml-alias": "YAML pasikartojimo nuorodos (&… ir *…) neleidžiamos.",
    "too-deep": "Sąrašai ir laukai įdėti vienas į kitą per giliai (daugiau nei {most} lygių).",
    "bad-key": "Lauko vardas turi būti tekstas.",
    "csv-header": "CSV failo antraštė netinkama.",
    "csv-syntax": "CSV faile yra sintaksės klaida.",
    "csv-row-length": "Eilutėje yra {found} langeliai, o antraštėje {expected}.",
    "file-not-read": "Šis failas neskaitomas kaip įrašas.",
    "misnamed-file": "Įrašų failų vardai baigiasi .yaml arba .csv: pervadinkite į „{suggestion}“.",
    "bad-id": "Identifikatoriuje „{id}“ gali būti tik mažosios raidės a–z, skaitmenys ir brūkšneliai, "
    "pvz. „{suggestion}“.",
    "reserved-id": "Identifikatorius „{id}“ rezervuotas; pasirinkite kitą, pvz. „{suggestion}“.",
    "missing-id": "Eilutėje nėra identifikatoriaus.",
    "id-mismatch": "„id: {written}“ nesutampa su failo vardu („{id}“).",
    "duplicate-id": "Identifikatorius „{record}“ jau užimtas ({other}); pasirinkite kitą.",
    "unknown-field": "Laukas „{field}“ nežinomas: jo nėra datapackage.yaml.",
    "required": "Privalomas laukas: įrašykite reikšmę.",
    "type": "Netinkama reikšmė: turi būti {expected}.",
    "list-delimiter": "Punkte „{value}“ yra „{delimiter}“ – CSV failo sąrašo skyriklis; "
    "išskaidykite jį į atskirus punktus.",
    "enum": "„{value}“ nėra tarp leidžiamų reikšmių.",
    "pattern": "„{value}“ neatitinka reikalaujamo pavidalo.",
    "date": "„{value}“ nėra tikra data: {date_form}.",
    "date-order": "Data {value} ankstesnė už lauko „{other_title}“ datą {other_value}.",
    "email": "„{value}“ nėra tinkamas el. pašto adresas.",
    "phone": "„{value}“ nėra tinkamas telefono numeris: rašykite +370 ir 8 skaitmenis, "
    "pvz. +37031961234, arba užsienio numerį su šalies kodu.",
    "phone-format": "Numeriai saugomi tarptautiniu pavidalu: „{e164}“.",
    "url": "„{value}“ nėra interneto adresas: rašykite visą adresą, pradedant https://.",
    "country": "„{value}“ nėra šalies kodas pagal ISO 3166-1 (pvz. LT, LV, PL).",
    "entity-code": "„{value}“ nėra tinkamas juridinio asmens kodas: Lietuvos kodas turi 9 skaitmenis "
    "(patikrinkite Juridinių asmenų registre).",
    "reference": "Įrašo „{value}“ nėra.",
    "reference-kind": "„{value}“ yra kito rinkinio ({found}) įrašas.",
    "answer-date": "Būsena sako, kad atsakyta, bet atsakymo data neįrašyta.",
    "overdue": "Terminas buvo {due}: vėluojama {days} d.",
    "agreement-ended": "Sutartis „{type}“ galiojo iki {until}, bet jos būsena vis dar „{status}“: pakeiskite "
    "būseną į „Pasibaigusi“ ar „Nutraukta“ arba įrašykite naują galiojimo pabaigą, jei ji pratęsta.",
    "not-reviewed": "Įrašas seniai peržiūrėtas (asmenų duomenys peržiūrimi bent kas {months} mėn.): "
    "patikrinkite jį ir įrašykite peržiūros datą.",
    "personal-code": "Tekste yra „{code}“, panašu į asmens kodą: kontaktų registre jų laikyti negalima.",
    "unpublished-person-named": "Šis tekstas rodomas viešoje svetainėje, o jame yra neviešinamo asmens "
    "({other}) duomenys: praleiskite juos arba, jei asmuo sutiko, pažymėkite jo įrašą „Viešinti“.",
    "possible-duplicate": "Galbūt tai tas pats kaip „{other}“ ({other_path}): sujunkite įrašus "
    "(`rysiai merge`) arba aiškiai juos atskirkite.",
}
EXPECTED = {
    "date": "data, pvz. 2024-05-17",
    "boolean": "taip arba ne",
    "integer": "sveikasis skaičius",
    "list": "sąrašas",
    "array": "punktų sąrašas",
    "string": "tekstas",
}
DATE_FORMS = {
    "partial-date": "rašykite metus (2010), mėnesį (2010-07) arba dieną (2010-07-18)",
    "date-time": "rašykite dieną (2026-12-03) arba dieną ir laiką Vilniuje (2026-12-03 10:30)",
}
ITEM = re.compile(r"\[(\d+)\]")


def input_name(finding_field: str | None) -> str:
    """The form input a finding's field names: "agreements[1].signed" → "agreements.0.signed"."""
    if not finding_field:
        return ""
    return ITEM.sub(lambda match: f".{int(match.group(1)) - 1}", finding_field)


def field_of(collection: Collection, finding_field: str | None) -> Field | None:
    """The schema field a finding is about (an item's field inside an array), if any."""
    along = collection.fields_along(tuple(part for part in input_name(finding_field).split(".") if not part.isdigit()))
    return along[-1] if along else None


def lithuanian(finding: Finding, collection: Collection) -> str:
    """What is wrong, in Lithuanian, from the finding's code and values."""
    field = field_of(collection, finding.field)
    values = {key: value for key, value in finding.values.items()}
    values.setdefault("field", finding.field or "")
    values.setdefault("record", finding.record or "")
    values["expected"] = EXPECTED.get(field.type if field else "", "kitokia reikšmė")
    values["date_form"] = DATE_FORMS.get(field.check if field else "", "rašykite YYYY-MM-DD, pvz. 2024-05-17")
    other = values.get("other")
    siblings = collection.fields_along(tuple(input_name(finding.field).split(".")[:-1]))
    fields = siblings[-1].fields if siblings else collection.fields
    values["other_title"] = fields[other].title if isinstance(other, str) and other in fields else other
    template = WORDS.get(finding.code)
    if template is None:  # a kind without Lithuanian words yet: its own message rather than none
        return finding.message
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return finding.message
