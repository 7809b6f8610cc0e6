"""A small data repository for the site's tests: one of each kind, linked every way."""

import datetime as dt

TODAY = dt.date(2026, 11, 26)

RECORDS = {
    "partners/talsi.yaml": (
        "name: Talsu novada pašvaldība\nkind: municipality\ncountry: LV\ncity: Talsi\n"
        "website: https://talsi.lv\nphone: '+37163232110'\nsince: 1999\n"
        "agreements:\n  - type: Bendradarbiavimo sutartis\n    signed: 1999-05-14\n"
        "    areas: [kultūra, turizmas]\ntags: [Latvija]\n"
        "notes: |\n  Susigiminiavęs miestas. **Svarbu:** kasmet rugpjūtį.\n"
    ),
    "partners/lsa.yaml": (
        "name: Lietuvos savivaldybių asociacija\nkind: association\ncountry: LT\n"
        "code: '124111348'\nemail: lsa@lsa.lt\n"
    ),
    "contacts/ona-petraitiene.yaml": (
        "name: Ona Petraitienė\norganization: talsi\nposition: Koordinatorė\n"
        "email: ona@talsi.lv\nphone: 8 612 34567\nlanguages: [lt, lv]\npublic: true\n"
    ),
    "contacts/jonas-jonaitis.yaml": (
        "name: Jonas Jonaitis\norganization: silavoto-bendruomene\nphone: '+37061111111'\n"
    ),
    "associations/silavoto-bendruomene.yaml": (
        "name: Šilavoto bendruomenė\neldership: Šilavoto\nchair: jonas-jonaitis\n"
    ),
    "visits/talsi-2025.yaml": (
        "title: Talsų delegacija Prienuose\ndirection: incoming\nstart: 2025-06-27\n"
        "end: 2025-06-28\npartners: [talsi]\nparticipants: [ona-petraitiene, jonas-jonaitis]\n"
        "status: done\noutcomes: |\n  - Pasirašytas planas\n"
        "follow_ups:\n  - task: Išsiųsti padėką\n    owner: ona-petraitiene\n    due: 2025-07-15\n"
        "    done: false\n"
    ),
    "visits/luban-2027.yaml": (
        "title: Vizitas į Lubaną\ndirection: outgoing\nstart: 2027-05-19\nstatus: planned\n"
    ),
}


def fill(repo):
    for path, text in RECORDS.items():
        repo.write(path, text)
