"""`rysiai edit`: the editor served by waitress, a production WSGI server, on a loopback address
unless it is told which header of the web server in front carries the signed-in user."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from ..errors import RysiaiError
from ..language import _
from .app import LARGEST_REQUEST, create_app
from .git_commits import is_work_tree
from .people import Settings, local_person, read_settings

THREADS = 4


def parse_address(address: str) -> tuple[str, int]:
    host, _colon, port = address.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    if not port.isdigit() or not 0 <= int(port) < 65536:  # 0: any free port
        raise RysiaiError(_("the address must be HOST:PORT, e.g. 127.0.0.1:8765, not {address!r}").format(address=address))
    return host, int(port)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def editor_settings(root: Path, host: str, settings_file: Path | None, user_header: str | None) -> Settings:
    """The settings for serving on ``host``: refused on an address other computers reach while
    no header says who is signed in (anyone there could commit in the local person's name)."""
    if not is_work_tree(root):
        raise RysiaiError(_("{root} is not a git working copy: the editor commits every save (run `git init` there first)").format(root=root))
    settings = read_settings(settings_file, user_header)
    if settings.user_header is None:
        if not is_loopback(host):
            raise RysiaiError(
                _("the editor listens on {host}, which other computers can reach, but it was not told which "
                  "header of the web server in front of it carries the signed-in user: give --user-header "
                  "(e.g. X-Remote-User) and --settings, or listen on 127.0.0.1").format(host=host)
            )
        return Settings(local=local_person(root))
    if not settings.people:
        raise RysiaiError(_("with --user-header, --settings must map each user to a name and an e-mail (`people:`)"))
    return settings


def make_server(root: Path, address: str, *, push: bool = False, settings_file: Path | None = None,
                user_header: str | None = None, site_url: str = ""):
    """The waitress server for the editor of ``root`` (not yet running: call .run())."""
    from waitress.server import create_server

    host, port = parse_address(address)
    settings = editor_settings(root, host, settings_file, user_header)
    app = create_app(root, settings, push=push, site_url=site_url)
    return create_server(
        app, host=host, port=port, threads=THREADS, max_request_body_size=2 * LARGEST_REQUEST,  # larger ones: refused unread; others by the application, in Lithuanian
        ident="rysiai", clear_untrusted_proxy_headers=False, ipv6=":" in host, ipv4=":" not in host,
    )
