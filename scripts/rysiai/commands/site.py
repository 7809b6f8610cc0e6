"""The site commands: `build` and `serve`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..language import _
from .common import EXIT_FINDINGS, EXIT_OK, data_root, print_report, root_option


def add_parsers(commands) -> None:
    build = commands.add_parser(
        "build",
        help=_("build the intranet site (or, with --public, the public one) from the records"),
        description=_("Build the site (mkdocs-material) from the records into SITE_DIR. Invalid data "
        "stops the build with the same lines `rysiai validate` prints (exit 1); the previous site "
        "stays in place, since a build replaces SITE_DIR only when it has succeeded. The last build "
        "is kept in ROOT/.cache/rysiai (ignored by git): the next build makes again only the pages "
        "that the changes since then reach."),
    )
    root_option(build)
    build.add_argument(
        "-d", "--site-dir", metavar=_("SITE_DIR"), type=Path,
        help=_("output folder (default: ROOT/site, or ROOT/site-public with --public)"),
    )
    build.add_argument(
        "--public", action="store_true",
        help=_("build the public site: only the records and fields datapackage.yaml lets be "
        "published (`publish` of each resource, `visibility` of each field); no edit links, "
        "sources, authors, findings or deadlines. The warning `unpublished-person-named` of "
        "`rysiai validate` stops this build as an error"),
    )
    build.add_argument(
        "--no-cache", action="store_true",
        help=_("build every page from scratch, without reading or writing the build cache ROOT/.cache/rysiai"),
    )
    build.set_defaults(run=run_build)

    serve = commands.add_parser(
        "serve",
        help=_("serve the site locally, rebuilding it when a record changes"),
        description=_("Serve the site at http://ADDRESS/ with live reload: editing, adding or "
        "deleting a record file rebuilds the pages it reaches and reloads the page. While the "
        "records have errors, the last good site is served with the list of errors on every page."),
    )
    root_option(serve)
    serve.add_argument(
        "-a", "--dev-addr", metavar=_("ADDRESS"), default="127.0.0.1:8000",
        help=_("address to serve on (default: 127.0.0.1:8000)"),
    )
    serve.add_argument(
        "--public", action="store_true",
        help=_("serve the public site (as `rysiai build --public` builds it), to check it before publishing"),
    )
    serve.set_defaults(run=run_serve)


def run_build(args: argparse.Namespace) -> int:
    from ..errors import InvalidData
    from ..site_build.build import build_site

    root = data_root(args)
    try:
        default = root / ("site-public" if args.public else "site")
        site_dir = build_site(root, args.site_dir or default, public=args.public, cache=not args.no_cache)
    except InvalidData as invalid:
        print_report(invalid.report, "text")
        print(_("rysiai: the site is not built: fix the errors above first"), file=sys.stderr)
        return EXIT_FINDINGS
    print(_("Site built in {folder}").format(folder=site_dir), file=sys.stderr)
    return EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    from ..site_build.serve import serve_site

    serve_site(data_root(args), args.dev_addr, public=args.public)
    return EXIT_OK


