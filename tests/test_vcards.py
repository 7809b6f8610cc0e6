"""vCards: read back with vobject, Lithuanian letters intact, stable UIDs, on the site too."""

import vobject
from site_fixture import fill


def test_one_organisations_people(repo, cli):
    fill(repo)
    result = cli("export", "vcard", "--root", str(repo.root), "--organization", "talsi")
    assert result.code == 0
    cards = list(vobject.readComponents(result.out))
    assert len(cards) == 1
    card = cards[0]
    assert card.fn.value == "Ona Petraitienė"
    assert (card.n.value.family, card.n.value.given) == ("Petraitienė", "Ona")
    assert card.org.value == ["Talsu novada pašvaldība"]
    assert card.title.value == "Koordinatorė"
    assert card.email.value == "ona@talsi.lv"
    assert card.tel.value == "+37061234567"  # written 8 612 34567
    assert card.uid.value == "contacts-ona-petraitiene@rysiai"
    assert card.version.value == "3.0"


def test_all_contacts_and_a_file_never_overwritten(repo, tmp_path, cli):
    fill(repo)
    target = tmp_path / "kontaktai.vcf"
    assert cli("export", "vcard", "--root", str(repo.root), "-o", str(target)).code == 0
    names = [card.fn.value for card in vobject.readComponents(target.read_text(encoding="utf-8"))]
    assert names == ["Jonas Jonaitis", "Ona Petraitienė"]
    assert cli("export", "vcard", "--root", str(repo.root), "-o", str(target)).code == 2
    missing = cli("export", "vcard", "--root", str(repo.root), "--organization", "nobody")
    assert (missing.code, missing.err) == (2, "rysiai: error: there is no record `nobody`\n")


def test_the_site_links_the_vcards(repo, tmp_path):
    from rysiai.site_build.build import build_site

    fill(repo)
    site = build_site(repo.root, tmp_path / "site")
    contact = (site / "contacts" / "ona-petraitiene" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../vcards/ona-petraitiene.vcf"' in contact
    partner = (site / "partners" / "talsi" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../vcards/talsi.vcf"' in partner
    index = (site / "contacts" / "index.html").read_text(encoding="utf-8")
    assert 'href="../vcards/contacts.vcf"' in index
    card = vobject.readOne((site / "vcards" / "ona-petraitiene.vcf").read_text(encoding="utf-8"))
    assert card.fn.value == "Ona Petraitienė"
    assert len(list(vobject.readComponents((site / "vcards" / "contacts.vcf").read_text(encoding="utf-8")))) == 2
