"""The site commands: `build` and `serve`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import EXIT_FINDINGS, EXIT_OK, data_root, print_report, root_option


def add_parsers(commands) -> None:
    build = commands.add_parser(
        "build",
        help="build the intranet site (or, with --public, the public one) from the records",
        description="Build the site (mkdocs-material) from the records into SITE_DIR. Invalid data "
        "stops the build with the same lines `rysiai validate` prints (exit 1); the previous site "
        "stays in place, since a build replaces SITE_DIR only when it has succeeded.",
    )
    root_option(build)
    build.add_argument(
        "-d", "--site-dir", metavar="SITE_DIR", type=Path,
        help="output folder (default: ROOT/site, or ROOT/site-public with --public)",
    )
    build.add_argument(
        "--public", action="store_true",
        help="build the public site: only the records and fields datapackage.yaml lets be "
        "published (`publish` of each resource, `visibility` of each field); no edit links, "
        "sources, authors, findings or deadlines. The warning `unpublished-person-named` of "
        "`rysiai validate` stops this build as an error",
    )
    build.set_defaults(run=run_build)

    serve = commands.add_parser(
        "serve",
        help="serve the site locally, rebuilding it when a record changes",
        description="Serve the site at http://ADDRESS/ with live reload: editing, adding or "
        "deleting a record file rebuilds the site and reloads the page.",
    )
    root_option(serve)
    serve.add_argument(
        "-a", "--dev-addr", metavar="ADDRESS", default="127.0.0.1:8000",
        help="address to serve on (default: 127.0.0.1:8000)",
    )
    serve.add_argument(
        "--public", action="store_true",
        help="serve the public site (as `rysiai build --public` builds it), to check it before publishing",
    )
    serve.set_defaults(run=run_serve)



def run_build(args: argparse.Namespace) -> int:
    from ..errors import InvalidData
    from ..site_build.build import build_site

    root = data_root(args)
    try:
        default = root / ("site-public" if args.public else "site")
        site_dir = build_site(root, args.site_dir or default, public=args.public)
    except InvalidData as invalid:
        print_report(invalid.report, "text")
        print("rysiai: the site is not built: fix the errors above first", file=sys.stderr)
        return EXIT_FINDINGS
    print(f"Site built in {site_dir}", file=sys.stderr)
    return EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    from ..site_build.build import serve_site

    serve_site(data_root(args), args.dev_addr, public=args.public)
    return EXIT_OK


