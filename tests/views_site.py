"""The sample site built as the browser tests see it: the project's records with a few more
requests, and a fixed `today` (the plugin's option), so what is overdue never changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

TODAY = dt.date(2026, 11, 26)
# Beside the sample requests (one forwarded, due 2026-12-03; one open, due 2026-12-16; three
# answered or closed): two overdue and one due today.
MORE_REQUESTS = {
    "requests/2026-10-prienu-kelio-apsvietimas.yaml": (
        "subject: Prašymas apšviesti kelią į Prienų kapines\nreceived: 2026-09-28\nfrom_name: Ona Kazlauskienė\n"
        "channel: letter\nstatus: open\nowner: ausra-kalvaityte\n"
    ),
    "requests/2026-10-jiezno-sventes-parama.yaml": (
        "subject: Prašymas paremti Jiezno miesto šventę\nreceived: 2026-10-20\ndue: 2026-11-20\n"
        "from: jiezno-bendruomenes-centras\nchannel: email\nstatus: forwarded\n"
    ),
    "requests/2026-10-ziniasklaidos-klausimas.yaml": (
        "subject: Klausimas apie sesių miestų programą\nreceived: 2026-10-28\ndue: 2026-11-26\n"
        "from: jolanta-vilkiene\nchannel: email\nstatus: open\n"
    ),
}
# In urgency order: most overdue first, then by days left; answered and closed after.
WAITING_ORDER = [
    "2026-10-prienu-kelio-apsvietimas",  # due 2026-10-26: 31 d. overdue
    "2026-10-jiezno-sventes-parama",  # 6 d. overdue
    "2026-10-ziniasklaidos-klausimas",  # due today
    "2026-11-gyventojo-apklausa",  # 7 d. left
    "2026-11-stakliskiu-sventes-remimas",  # 20 d. left
]


def build_views_site(tmp: Path) -> Path:
    from rysiai.site_build.build import build_site
    from test_site_build import copy_project

    root = copy_project(tmp, with_git=False)
    for path, text in MORE_REQUESTS.items():
        (root / path).write_text(text, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      history_uri: commits/main/\n", f"      history_uri: commits/main/\n      today: {TODAY.isoformat()}\n"
        ),
        encoding="utf-8",
    )
    return build_site(root, tmp / "site")
