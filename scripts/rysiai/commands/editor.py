"""The browser editor's command: `edit`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..language import _
from .common import EXIT_OK, data_root, root_option


def add_parsers(commands) -> None:
    edit = commands.add_parser(
        "edit",
        help=_("serve the browser editor: forms made from datapackage.yaml that commit each save to git"),
        description=_("Serve the browser editor at http://ADDRESS/. Each record's form is at "
        "/COLLECTION/ID/ and a new record's at /COLLECTION/new. A save is checked as `rysiai "
        "validate` checks it, changes only the values that changed in the record's file (comments, "
        "order and quoting kept) and makes one git commit in the name of the person signed in: by "
        "default the person of `git config`; behind the intranet's web server, the user it names in "
        "--user-header, mapped to a name and e-mail by --settings. Without --user-header the editor "
        "listens only on a loopback address."),
    )
    root_option(edit)
    edit.add_argument(
        "-a", "--address", metavar=_("HOST:PORT"), default="127.0.0.1:8765",
        help=_("address to serve on (default: 127.0.0.1:8765)"),
    )
    edit.add_argument("--push", action="store_true", help=_("push each commit (a failed push is reported; the commit is kept)"))
    edit.add_argument(
        "--user-header", metavar=_("NAME"),
        help=_("the request header in which the web server in front passes the signed-in user (e.g. X-Remote-User)"),
    )
    edit.add_argument(
        "--settings", metavar=_("FILE"), type=Path,
        help=_("YAML: `user_header: NAME` and `people: {USER: {name: ..., email: ...}}`, the commit author of each user"),
    )
    edit.add_argument("--site-url", metavar=_("URL"), default="", help=_("the intranet site's address, for links to a record's page"))
    edit.set_defaults(run=run_edit)


def run_edit(args: argparse.Namespace) -> int:
    from ..editor.server import make_server

    # Worded before the server is made: from then on the process speaks the editor's Lithuanian.
    where = _("The editor is at http://{address}/ (Ctrl+C stops it)").format(address=args.address)
    server = make_server(
        data_root(args), args.address, push=args.push, settings_file=args.settings,
        user_header=args.user_header, site_url=args.site_url,
    )
    print(where, file=sys.stderr)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return EXIT_OK
