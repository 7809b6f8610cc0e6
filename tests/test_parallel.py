"""Large repositories run some checks in a second process: the report is the same as in one."""

from rysiai.repository import load_repository
from rysiai.validate import check_repository


def test_two_processes_give_the_same_report_as_one(repo):
    repo.write("partners/talsi.yaml", "name: Talsi\nkind: other\ncountry: lv\ncode: '12'\n")
    repo.write("partners/lsa.yaml", "name: LSA\nkind: other\ncountry: LT\ncode: '124111349'\n")
    repo.write("contacts/ona.yaml", "name: Ona\nemail: ona@\nphone: 8 612 34567\norganization: x\n")
    repo.write("contacts/onute.yaml", "name: Onė\nphone: '+37061234567'\n")
    repository = load_repository(repo.root)
    one = check_repository(repository, parallel=False)
    two = check_repository(repository, parallel=True)
    assert [f.code for f in one.sorted()] == [
        "email", "phone-format", "reference", "possible-duplicate", "entity-code", "country"
    ]
    assert two.sorted() == one.sorted()
