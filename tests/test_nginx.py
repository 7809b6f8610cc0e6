"""The README's nginx example (deploy/nginx/rysiai.conf), run by a real nginx in front of a
built site: logins, security headers, hidden files, and the site working in Chromium under its
Content-Security-Policy."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import socket
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from browser import CHROMIUM, free_port, needs
from conftest import PROJECT
from rysiai.site_build.build import build_site
from test_site_build import copy_project

NGINX = Path("/usr/sbin/nginx")
EXAMPLE = PROJECT / "deploy" / "nginx" / "rysiai.conf"
USER, PASSWORD = "patareja", "Slaptas žodis 2026"
pytestmark = needs(NGINX, "nginx-light")


def set_directive(text: str, name: str, value: str) -> str:
    """Give the example's one `name ...;` line a value for the test (its only change)."""
    pattern = re.compile(rf"^(\s*){re.escape(name)}\s[^;]*;", re.MULTILINE)
    assert len(pattern.findall(text)) == 1, name
    return pattern.sub(lambda m: f"{m.group(1)}{name} {value};", text)


def ssha(password: str) -> str:
    """An nginx-readable password hash ({SSHA}: salted SHA-1), as `htpasswd -s` would write."""
    salt = os.urandom(8)
    digest = hashlib.sha1(password.encode() + salt).digest()
    return "{SSHA}" + base64.b64encode(digest + salt).decode()


def start_nginx(folder: Path, config: str) -> subprocess.Popen:
    (folder / "logs").mkdir(exist_ok=True)
    (folder / "nginx.conf").write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"pid {folder}/nginx.pid;\nerror_log {folder}/logs/error.log;\nevents {{}}\n"
        f"http {{\n include /etc/nginx/mime.types;\n access_log off;\n"
        f" client_body_temp_path {folder}/body;\n proxy_temp_path {folder}/proxy;\n"
        f" include {folder}/rysiai.conf;\n}}\n",
        encoding="utf-8",
    )
    (folder / "rysiai.conf").write_text(config, encoding="utf-8")
    check = subprocess.run(
        [str(NGINX), "-t", "-p", str(folder), "-c", str(folder / "nginx.conf")], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    return subprocess.Popen(
        [str(NGINX), "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"],
        stderr=subprocess.DEVNULL,  # it writes to logs/error.log
    )


def wait_for(port: int) -> None:
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"nginx did not start on port {port}")


class Server:
    def __init__(self, https: int, http: int):
        self.https, self.http = https, http
        self.url = f"https://127.0.0.1:{https}/"

    def get(self, path: str = "", *, login: tuple[str, str] | None = None, headers: dict | None = None):
        """(status, headers, body) of a GET, following no redirect."""
        request = urllib.request.Request(self.url + path, headers=headers or {})
        if login:
            token = base64.b64encode(f"{login[0]}:{login[1]}".encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # the test's own certificate
        try:
            with urllib.request.urlopen(request, context=context) as response:
                return response.status, response.headers, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode("utf-8", errors="replace")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("nginx-site")
    built = build_site(copy_project(tmp, with_git=False), tmp / "site")
    (built / ".env").write_text("SECRET=1\n", encoding="utf-8")  # copied along by mistake
    return built


def serve(tmp: Path, site: Path, *, sso: bool = False, editor: str | None = None):
    https, http = free_port(), free_port()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-keyout", str(tmp / "key.pem"), "-out", str(tmp / "cert.pem")],
        check=True, capture_output=True,
    )
    (tmp / "htpasswd").write_text(f"{USER}:{ssha(PASSWORD)}\n", encoding="utf-8")
    config = EXAMPLE.read_text(encoding="utf-8")
    config = config.replace("    listen 80;", f"    listen 127.0.0.1:{http};")
    config = config.replace("    listen 443 ssl;", f"    listen 127.0.0.1:{https} ssl;")
    config = set_directive(config, "root", str(site))
    config = set_directive(config, "ssl_certificate", str(tmp / "cert.pem"))
    config = set_directive(config, "ssl_certificate_key", str(tmp / "key.pem"))
    config = set_directive(config, "auth_basic_user_file", str(tmp / "htpasswd"))
    config = set_directive(config, "proxy_pass", editor or f"http://127.0.0.1:{free_port()}/")
    if sso:  # the example's other way in: its commented lines instead of the password
        config = re.sub(r"^\s*auth_basic.*\n", "", config, flags=re.MULTILINE)
        config = config.replace("    #allow 10.0.0.10;", "    allow 127.0.0.1;").replace("    #deny all;", "    deny all;")
        config = config.replace('    #if ($http_x_remote_user', '    if ($http_x_remote_user')
    process = start_nginx(tmp, config)
    try:
        wait_for(https)
        yield Server(https, http)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory, site):
    yield from serve(tmp_path_factory.mktemp("nginx"), site)


def test_the_readme_shows_the_tested_file():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "```nginx\n" + EXAMPLE.read_text(encoding="utf-8") + "```" in readme


def test_no_page_without_a_login(server):
    for path in ("", "contacts/ausra-kalvaityte/", "vcards/contacts.vcf", "pagefind/pagefind.js", "404.html"):
        status, headers, body = server.get(path)
        assert status == 401, path
        assert headers["WWW-Authenticate"] == 'Basic realm="Rysiai"'
        assert "Kalvaityt" not in body
    assert server.get("", login=(USER, "wrong"))[0] == 401


def test_staff_read_the_site_with_security_headers(server):
    status, headers, body = server.get("contacts/ausra-kalvaityte/", login=(USER, PASSWORD))
    assert status == 200
    assert "Aušra Kalvaitytė" in body
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Strict-Transport-Security"] == "max-age=31536000"
    assert headers["Cache-Control"] == "private, no-cache"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["Server"] == "nginx"  # no version


def test_refusals_carry_the_headers_too(server):
    _, headers, _ = server.get("")
    assert headers["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in headers["Content-Security-Policy"]


def test_feeds_and_vcards_have_their_types(server):
    status, headers, body = server.get("calendar.ics", login=(USER, PASSWORD))
    assert status == 200 and headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert body.startswith("BEGIN:VCALENDAR")
    status, headers, body = server.get("vcards/contacts.vcf", login=(USER, PASSWORD))
    assert status == 200 and headers["Content-Type"] == "text/vcard; charset=utf-8"
    assert headers["X-Content-Type-Options"] == "nosniff"  # the location keeps the server's headers


def test_hidden_files_are_not_served(server):
    status, _, body = server.get(".env", login=(USER, PASSWORD))
    assert status == 404
    assert "SECRET" not in body


def test_plain_http_is_sent_to_https(server):
    connection = socket.create_connection(("127.0.0.1", server.http))
    connection.sendall(b"GET /contacts/ HTTP/1.1\r\nHost: rysiai.prienai.lt\r\nConnection: close\r\n\r\n")
    answer = b""
    while chunk := connection.recv(4096):
        answer += chunk
    connection.close()
    head = answer.decode("latin-1")
    assert head.startswith("HTTP/1.1 301")
    assert "\r\nLocation: https://rysiai.prienai.lt/contacts/\r\n" in head


def test_behind_single_sign_on_only_the_proxys_requests_with_a_user_pass(tmp_path, site):
    for server in serve(tmp_path, site, sso=True):
        assert server.get("")[0] == 401
        status, _, body = server.get("", headers={"X-Remote-User": "patareja"})
        assert status == 200 and "<title>" in body


@needs(CHROMIUM, "chromium")
def test_the_site_and_its_search_work_under_the_content_security_policy(server, browser):
    context = browser.new_context(ignore_https_errors=True, http_credentials={"username": USER, "password": PASSWORD})
    page = context.new_page()
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    try:
        page.goto(server.url + "partners/")
        page.locator("input[name=query]").click()
        page.locator("input[name=query]").fill("Talsu")
        page.wait_for_function(
            "() => (document.querySelector('.md-search-result__meta') || {}).textContent?.startsWith('Rasta')"
        )
        assert page.locator(".md-search-result__link").count() > 0
        page.keyboard.press("Escape")
        # The index's own filter (rysiai.js) runs too.
        page.locator(".rysiai-filter input").fill("Talsu")
        visible = page.locator("table[data-rysiai=index] tbody tr:not([hidden])")
        assert 0 < visible.count() < page.locator("table[data-rysiai=index] tbody tr").count()
        assert problems == []
    finally:
        context.close()


EDITOR_PEOPLE = f"people:\n  {USER}: {{name: Rūta Žalienė, email: ruta.zaliene@prienai.lt}}\n"


@pytest.fixture(scope="module")
def editor_behind_nginx(tmp_path_factory, site):
    from editor_server import running_editor, sample_repository

    tmp = tmp_path_factory.mktemp("nginx-editor")
    root = sample_repository(tmp)
    (tmp / "editor.yaml").write_text(EDITOR_PEOPLE, encoding="utf-8")
    with running_editor(root, user_header="X-Remote-User", settings_file=tmp / "editor.yaml") as editor:
        for server in serve(tmp, site, editor=editor):
            yield server, root


def test_the_editor_is_behind_the_same_login(editor_behind_nginx):
    server, _ = editor_behind_nginx
    status, _, body = server.get("redaguoti/contacts/ausra-kalvaityte/")
    assert status == 401 and "Kalvaityt" not in body
    status, _, body = server.get("redaguoti/contacts/ausra-kalvaityte/", headers={"X-Remote-User": USER})
    assert status == 401  # a visitor's own header is no login
    status, headers, body = server.get("redaguoti/contacts/ausra-kalvaityte/", login=(USER, PASSWORD))
    assert status == 200 and "Rūta Žalienė" in body
    assert 'href="/redaguoti/_static/editor.css"' in body
    assert headers["X-Frame-Options"] == "DENY"


@needs(CHROMIUM, "chromium")
def test_a_save_through_nginx_is_committed_in_the_signed_in_users_name(editor_behind_nginx, browser):
    from editor_server import git

    server, root = editor_behind_nginx
    context = browser.new_context(
        ignore_https_errors=True, http_credentials={"username": USER, "password": PASSWORD},
        extra_http_headers={"X-Remote-User": "kitas"},  # forged: nginx puts the signed-in user instead
    )
    page = context.new_page()
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    try:
        page.goto(server.url + "redaguoti/contacts/ausra-kalvaityte/")
        page.fill("[name=position]", "Patarėja")
        page.locator("[name='organization.label']").fill("")
        page.locator("[name='organization.label']").press_sequentially("prienu raj")
        page.locator(".ry-choices li").first.click()
        page.click("button[type=submit]")
        page.wait_for_selector(".ry-saved")
        assert git(root, "log", "-1", "--format=%an <%ae>|%s").strip() == (
            "Rūta Žalienė <ruta.zaliene@prienai.lt>|contacts/ausra-kalvaityte: pareigos"
        )
        assert problems == []
    finally:
        context.close()
