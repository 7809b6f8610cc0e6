"""A data repository for the report's tests, its figures counted by hand (below each group).

The day the report is made: 2026-11-26. Partners in six towns abroad, three of them placed by
their `coordinates` (Lubań, Tczew, Hamar), three by the gazetteer (Talsi, Parczew, Zülpich).
"""

import datetime as dt

TODAY = dt.date(2026, 11, 26)
YEAR = 2026

RECORDS = {
    # Partners: 7; by country LT 1, PL 3, DE 1, LV 1, NO 1; by kind municipality 4, region 1,
    # association 1, education 1.
    # Agreements in 2026: in force today 4 (talsi's two, luban's, tczew's); signed 1 (luban's);
    # running out later in the year 2 (talsi's memorandum, tczew's); ended 1 (parczew's).
    "partners/talsi.yaml": (
        "name: Talsu novada pašvaldība\nkind: municipality\ncountry: LV\ncity: Talsi\n"
        "agreements:\n"
        "  - type: Bendradarbiavimo sutartis\n    signed: 1999-05-14\n    status: signed\n"
        "  - type: Memorandumas\n    signed: 2025-06-27\n    until: 2026-12-31\n    status: signed\n"
    ),
    "partners/luban.yaml": (
        "name: Gmina Miejska Lubań\nkind: municipality\ncountry: PL\ncity: Lubań\n"
        "coordinates: 51.1167, 15.3000\n"
        "agreements:\n  - type: Bendradarbiavimo sutartis\n    signed: 2026-03-01\n    status: signed\n"
    ),
    "partners/parczew.yaml": (
        "name: Gmina Parczew\nkind: municipality\ncountry: PL\ncity: Parczew\n"
        "agreements:\n  - type: Bendradarbiavimo sutartis\n    signed: 2010-07-18\n    until: 2026-02-28\n"
        "    status: expired\n"
    ),
    "partners/tczew.yaml": (
        "name: Powiat Tczewski\nkind: region\ncountry: PL\ncity: Tczew\ncoordinates: 54.0875, 18.7972\n"
        "agreements:\n  - type: Ketinimų protokolas\n    signed: 2012-01-01\n    until: 2026-12-31\n"
    ),
    "partners/zulpich.yaml": (
        "name: Stadt Zülpich\nkind: municipality\ncountry: DE\ncity: Zülpich\n"
        "agreements:\n  - type: Bendradarbiavimo sutartis\n    status: draft\n"
    ),
    "partners/hamar.yaml": (
        "name: Høgskolen i Innlandet\nkind: education\ncountry: NO\ncity: Hamar\ncoordinates: 60.7945, 11.0680\n"
    ),
    "partners/lsa.yaml": "name: Lietuvos savivaldybių asociacija\nkind: association\ncountry: LT\n",
    "contacts/ona-petraitiene.yaml": "name: Ona Petraitienė\norganization: talsi\n",
    "contacts/jonas-jonaitis.yaml": "name: Jonas Jonaitis\n",
    "contacts/rasa-kazlauskiene.yaml": "name: Rasa Kazlauskienė\n",
    # Visits in 2026 (not cancelled): incoming 1, outgoing 2, participants 3 + 2 + 1 = 6;
    # by partner talsi 2, luban 1, parczew 1; days abroad 4 + 1 = 5.
    "visits/talsai-2026.yaml": (
        "title: Talsų delegacija Prienuose\ndirection: incoming\nstart: 2026-05-10\nend: 2026-05-12\n"
        "partners: [talsi]\nparticipants: [ona-petraitiene, jonas-jonaitis, rasa-kazlauskiene]\nstatus: done\n"
    ),
    "visits/lenkija-2026.yaml": (
        "title: Vizitas į Lubaną ir Parčevą\ndirection: outgoing\nstart: 2026-06-01\nend: 2026-06-04\n"
        "partners: [luban, parczew]\nparticipants: [jonas-jonaitis, rasa-kazlauskiene]\nstatus: done\n"
    ),
    "visits/talsai-ruduo.yaml": (
        "title: Talsų rudens mugė\ndirection: outgoing\nstart: 2026-09-15\npartners: [talsi]\n"
        "participants: [jonas-jonaitis]\nstatus: done\n"
    ),
    "visits/hamaras-atsauktas.yaml": (
        "title: Vizitas į Hamarą\ndirection: outgoing\nstart: 2026-10-01\nend: 2026-10-03\npartners: [hamar]\n"
        "status: cancelled\n"
    ),
    "visits/talsai-2025.yaml": (
        "title: Talsų draugų dienos\ndirection: incoming\nstart: 2025-08-20\npartners: [talsi]\nstatus: done\n"
    ),
    "visits/lubanas-2027.yaml": (
        "title: Liubano verslo forumas\ndirection: outgoing\nstart: 2027-05-19\npartners: [luban]\nstatus: planned\n"
    ),
    # Events in 2026: 4; reception 1, krpt 1, meeting 2 (the schema's order).
    "events/krpt-vasaris.yaml": "title: KRPT posėdis\nkind: krpt\nstart: 2026-02-10\n",
    "events/susitikimas-kovas.yaml": "title: Susitikimas su bendruomene\nkind: meeting\nstart: 2026-03-05 10:00\n",
    "events/susitikimas-balandis.yaml": "title: Susitikimas su verslu\nkind: meeting\nstart: 2026-04-01\n",
    "events/priemimas.yaml": "title: Naujųjų metų priėmimas\nkind: reception\nstart: 2026-12-10\n",
    "events/taryba-2025.yaml": "title: Tarybos posėdis\nkind: council\nstart: 2025-12-01\n",
    # Requests received in 2026: 5; answered 3 (the first, second and fifth), on time 2 (the
    # first and fifth; the second after its written due date); days to the answer 7, 18, 10:
    # median 10; overdue today 1 (the third: due 2026-10-29).
    "requests/sales-nuoma.yaml": (
        "subject: Salės nuoma\nreceived: 2026-01-05\nstatus: answered\nanswered: 2026-01-12\n"
    ),
    "requests/kelio-remontas.yaml": (
        "subject: Kelio remontas\nreceived: 2026-03-02\ndue: 2026-03-10\nstatus: answered\nanswered: 2026-03-20\n"
    ),
    "requests/sventes-remimas.yaml": "subject: Šventės rėmimas\nreceived: 2026-10-01\nstatus: open\n",
    "requests/apklausos-klausimai.yaml": "subject: Apklausos klausimai\nreceived: 2026-11-20\nstatus: open\n",
    "requests/informacija.yaml": (
        "subject: Informacijos prašymas\nreceived: 2026-06-01\nstatus: closed\nanswered: 2026-06-11\n"
    ),
    "requests/gruodis-2025.yaml": (
        "subject: Gruodžio prašymas\nreceived: 2025-12-15\nstatus: answered\nanswered: 2026-01-05\n"
    ),
    # Projects running in 2026: 3 (takas, mainai, idea: without dates, in the year under way);
    # idea 1, running 1, finished 1; amount 100000 + 20000 + 500000 = 620000, own share 35000;
    # eu-funds 1 (100000, 15000), interreg 1 (500000, 0), municipal 1 (20000, 20000).
    # Public: only takas.
    "projects/takas.yaml": (
        "name: Dviračių takas\nstatus: running\nstart: 2025-09-01\nend: 2027-06-30\nfunding_source: eu-funds\n"
        "amount: 100000\nown_share: 15000\npublic: true\n"
    ),
    "projects/mainai.yaml": (
        "name: Mokinių mainai\nstatus: finished\nstart: 2024-01-01\nend: 2026-03-31\nfunding_source: municipal\n"
        "amount: 20000\nown_share: 20000\n"
    ),
    "projects/judumas.yaml": "name: Mažųjų miestų judumas\nstatus: idea\nfunding_source: interreg\namount: 500000\n",
    "projects/muziejus.yaml": (
        "name: Muziejaus remontas\nstatus: finished\nstart: 2023-01-01\nend: 2025-12-31\nfunding_source: state\n"
    ),
    "projects/strategija.yaml": "name: Strateginis planas\nstatus: preparing\nstart: 2027-01-01\n",
    # The log in 2026: 4; January 2, March 1, November 1; call 2, email 1, meeting 1.
    "interactions/i1.yaml": "date: 2026-01-15\nkind: call\nwith: [talsi]\nsubject: Dėl vizito\n",
    "interactions/i2.yaml": "date: 2026-01-20\nkind: email\nwith: [luban]\nsubject: Programa\n",
    "interactions/i3.yaml": "date: 2026-03-03\nkind: meeting\nwith: [ona-petraitiene]\nsubject: Susitikimas\n",
    "interactions/i4.yaml": "date: 2026-11-02\nkind: call\nwith: [tczew]\nsubject: Skambutis\n",
    "interactions/i5.yaml": "date: 2025-12-30\nkind: letter\nwith: [parczew]\nsubject: Sveikinimas\n",
}

HOME = 'home: {town: Prienai, country: LT, coordinates: "54.6333, 23.9417"}\n'

FIGURES_2026 = {
    "year": 2026,
    "partners": {
        "total": 7,
        "by_country": {"PL": 3, "DE": 1, "LT": 1, "LV": 1, "NO": 1},
        "by_kind": {"municipality": 4, "region": 1, "association": 1, "education": 1},
    },
    "agreements": {"in_force": 4, "signed": 1, "expiring": 2, "ended": 1},
    "visits": {
        "incoming": 1, "outgoing": 2, "participants": 6,
        "by_partner": {"talsi": 2, "luban": 1, "parczew": 1}, "days_abroad": 5,
    },
    "events": {"total": 4, "by_kind": {"reception": 1, "krpt": 1, "meeting": 2}},
    "press": {"total": 0, "by_kind": {}},
    "requests": {"received": 5, "answered": 3, "answered_on_time": 2, "median_days_to_answer": 10, "overdue": 1},
    "projects": {
        "total": 3, "by_status": {"idea": 1, "running": 1, "finished": 1},
        "amount": 620000, "own_share": 35000,
        "by_funding": {
            "eu-funds": {"count": 1, "amount": 100000, "own_share": 15000},
            "interreg": {"count": 1, "amount": 500000, "own_share": 0},
            "municipal": {"count": 1, "amount": 20000, "own_share": 20000},
        },
    },
    "interactions": {
        "total": 4,
        "by_month": {f"2026-{month:02d}": count for month, count in zip(range(1, 13), [2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0])},
        "by_kind": {"call": 2, "email": 1, "meeting": 1},
    },
}


def fill(repo):
    """Write the records, and the home town into the repository's datapackage.yaml."""
    schema = repo.root / "datapackage.yaml"
    text = schema.read_text(encoding="utf-8")
    schema.write_text(text.replace("\nresources:", "\n" + HOME + "resources:", 1), encoding="utf-8")
    for path, text in RECORDS.items():
        repo.write(path, text)
    return repo
