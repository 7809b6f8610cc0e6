"""The editor's index of the records a record may duplicate: by a word of the name, the e-mail
(letter case aside) or the phone (any writing of one number), within one collection, kept right
as records leave and come back."""

from __future__ import annotations

from rysiai.editor.look_alikes import LookAlikes
from rysiai.repository import load_repository


def test_records_sharing_a_word_an_email_or_a_phone_and_only_those(repo):
    repo.write("contacts/ona.yaml", "name: Ona Žalienė\nemail: Ona@Example.org\n")
    repo.write("contacts/rasa.yaml", "name: Rasa Žalienė\n")  # the surname, without diacritics too
    repo.write("contacts/jonas.yaml", "name: Jonas Petraitis\nphone: 8 612 34567\n")
    repo.write("contacts/kitas.yaml", "name: Kitas Asmuo\nemail: ona@example.org\nphone: '+37061234567'\n")
    repo.write("partners/zaliene.yaml", "name: Žalienė\ncountry: LV\n")  # another collection
    repository = load_repository(repo.root)
    index = LookAlikes(repository.schema, repository.records)
    by_id = repository.by_id
    assert index.of(by_id["ona"]) == {"rasa", "kitas"}
    assert index.of(by_id["jonas"]) == {"kitas"}
    assert index.of(by_id["kitas"]) == {"ona", "jonas"}
    assert index.of(by_id["zaliene"]) == set()


def test_a_record_leaving_takes_only_its_own_keys(repo):
    repo.write("contacts/ona.yaml", "name: Ona Žalienė\n")
    repo.write("contacts/rasa.yaml", "name: Rasa Žalienė\n")
    # The same id twice (an error of its own): one of them leaving keeps the other found.
    repo.write("contacts/ona-2.csv", "id,name\nona,Ona Žalienė\n")
    repository = load_repository(repo.root)
    index = LookAlikes(repository.schema, repository.records)
    rasa = repository.by_id["rasa"]
    onas = [record for record in repository.records if record.id == "ona"]
    assert len(onas) == 2 and index.of(rasa) == {"ona"}
    index.remove(onas[:1])
    assert index.of(rasa) == {"ona"}
    index.remove(onas[1:])
    assert index.of(rasa) == set()
    index.add(onas[:1])
    assert index.of(rasa) == {"ona"}
