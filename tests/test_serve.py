"""`rysiai serve` rebuilds when a record file is added, edited or deleted."""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from site_fixture import fill


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
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
