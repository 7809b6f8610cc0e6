"""`rysiai serve` rebuilds when a record file is added, edited or deleted."""

import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from browser import CHROMIUM, free_port, needs
from site_fixture import fill


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_for(url: str, check, seconds: float = 60) -> tuple[int, str]:
    deadline = time.monotonic() + seconds
    while True:
        status, body = fetch(url)
        if check(status, body) or time.monotonic() > deadline:
            return status, body
        time.sleep(0.3)


def test_serve_rebuilds_on_record_changes(repo):
    fill(repo)
    port = free_port()
    rysiai = Path(sys.executable).parent / "rysiai"
    server = subprocess.Popen(
        [str(rysiai), "serve", "--root", str(repo.root), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        status, _ = wait_for(base + "partners/talsi/", lambda s, b: s == 200)
        assert status == 200

        repo.write("partners/birstonas.yaml", "name: Birštono savivaldybė\nkind: municipality\ncountry: LT\n")
        status, body = wait_for(base + "partners/birstonas/", lambda s, b: s == 200)
        assert status == 200 and "Birštono savivaldybė</h1>" in body

        repo.write("partners/birstonas.yaml", "name: Birštono sav.\nkind: municipality\ncountry: LT\n")
        status, body = wait_for(base + "partners/birstonas/", lambda s, b: "Birštono sav.</h1>" in b)
        assert "Birštono sav.</h1>" in body

        (repo.root / "partners" / "birstonas.yaml").unlink()
        status, _ = wait_for(base + "partners/birstonas/", lambda s, b: s == 404)
        assert status == 404
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=20)
    assert "Traceback" not in errors


def test_serve_public_serves_the_public_site(repo):
    fill(repo)
    port = free_port()
    rysiai = Path(sys.executable).parent / "rysiai"
    server = subprocess.Popen(
        [str(rysiai), "serve", "--public", "--root", str(repo.root), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        status, body = wait_for(base + "contacts/ona-petraitiene/", lambda s, b: s == 200)
        assert status == 200 and "Ona Petraitienė</h1>" in body  # she agreed (public: true)
        assert fetch(base + "contacts/jonas-jonaitis/")[0] == 404  # he did not
        assert fetch(base + "deadlines.ics")[0] == 404
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=20)
    assert "Traceback" not in errors


@contextmanager
def served(repo, *options: str):
    """`rysiai serve` on ``repo`` in its own process; yields the site's address."""
    port = free_port()
    rysiai = Path(sys.executable).parent / "rysiai"
    server = subprocess.Popen(
        [str(rysiai), "serve", "--root", str(repo.root), "--dev-addr", f"127.0.0.1:{port}", *options],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base, lambda s, b: s != 0)
        yield base
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=20)
        assert "Traceback" not in errors


BROKEN = "name: Ona Petraitienė\norganization: talsi\nemail: ona@\n"


@needs(CHROMIUM, "chromium")
def test_invalid_data_shows_the_last_good_site_with_the_findings_and_recovers(repo, page):
    fill(repo)
    contact = repo.root / "contacts" / "ona-petraitiene.yaml"
    good = contact.read_text(encoding="utf-8")
    with served(repo) as base:
        page.goto(base + "partners/talsi/")
        assert page.locator("h1").first.inner_text() == "Talsu novada pašvaldība"
        contact.write_text(BROKEN, encoding="utf-8")
        # The open page reloads by itself and shows what is wrong over the last good site.
        banner = page.locator("[data-rysiai-problem]")
        banner.wait_for(timeout=30_000)
        assert banner.inner_text().startswith("Duomenyse yra klaidų, todėl rodoma paskutinė gera svetainės versija.")
        assert "contacts/ona-petraitiene.yaml:3: " in banner.inner_text() and "[email]" in banner.inner_text()
        assert page.locator("h1").first.inner_text() == "Talsu novada pašvaldība"
        # Any request is answered at once, with the banner, never left waiting.
        status, body = fetch(base + "contacts/ona-petraitiene/")
        assert status == 200 and "data-rysiai-problem" in body and "Ona Petraitienė</h1>" in body
        contact.write_text(good.replace("Koordinatorė", "Vyr. koordinatorė"), encoding="utf-8")
        banner.wait_for(state="detached", timeout=30_000)
        page.goto(base + "contacts/ona-petraitiene/")
        assert "Vyr. koordinatorė" in page.locator("article").inner_text()
        assert page.console_errors == []


@needs(CHROMIUM, "chromium")
def test_serving_invalid_data_from_the_start_shows_the_findings_until_fixed(repo, page):
    fill(repo)
    contact = repo.root / "contacts" / "ona-petraitiene.yaml"
    good = contact.read_text(encoding="utf-8")
    contact.write_text(BROKEN, encoding="utf-8")
    with served(repo) as base:
        status, body = fetch(base + "partners/talsi/")
        assert status == 503 and "Svetainės dar negalima parodyti: duomenyse yra klaidų." in body
        page.goto(base + "partners/talsi/")
        banner = page.locator("[data-rysiai-problem]")
        assert "contacts/ona-petraitiene.yaml:3: " in banner.inner_text() and "[email]" in banner.inner_text()
        contact.write_text(good, encoding="utf-8")
        # Fixed: the page reloads by itself into the real one.
        page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').textContent === 'Talsu novada pašvaldība'", timeout=60_000)
        assert page.locator("[data-rysiai-problem]").count() == 0
