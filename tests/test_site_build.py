"""Real mkdocs builds in a temporary folder: the sample site, failing builds, links, escaping."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import PROJECT
from rysiai.site_build.build import build_site
from site_fixture import fill

HREF = re.compile(r'href="([^"#?]*)[^"]*"')


def copy_project(tmp_path: Path, *, with_git: bool) -> Path:
    """The project's data repository (schema, records, docs, mkdocs.yml) in a new folder."""
    root = tmp_path / "data"
    ignore = shutil.ignore_patterns(".venv", "site", "__pycache__", "*.egg-info", ".pytest_cache", ".cache")
    shutil.copytree(PROJECT, root, ignore=ignore, symlinks=True)
    if not with_git:
        git = root / ".git"
        if git.is_file():  # a git worktree: the file points at the repository
            git.unlink()
        shutil.rmtree(git, ignore_errors=True)
    return root


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("sample")
    root = copy_project(tmp_path, with_git=True)
    return build_site(root, tmp_path / "site")


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_every_record_has_a_page_at_its_stable_address(sample_site):
    for collection in ("partners", "contacts", "associations", "visits"):
        for source in (PROJECT / collection).glob("*.yaml"):
            assert (sample_site / collection / source.stem / "index.html").is_file(), source


def test_every_internal_link_on_generated_pages_resolves(sample_site):
    broken = []
    pages = [sample_site / "index.html"] + sorted(
        path for c in ("partners", "contacts", "associations", "visits") for path in (sample_site / c).rglob("index.html")
    )
    for page in pages:
        for href in HREF.findall(page.read_text(encoding="utf-8")):
            if href.startswith(("http://", "https://", "mailto:", "tel:")) or not href:
                continue
            target = (page.parent / href).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(sample_site)} → {href}")
    assert broken == []


def test_links_both_ways_in_the_sample_site(sample_site):
    partner = read(sample_site, "partners/laikrastis-gyvenimas")
    contact = read(sample_site, "contacts/jolanta-vilkiene")
    assert '<a href="../../contacts/jolanta-vilkiene/">Jolanta Vilkienė</a>' in partner
    assert '<a href="../../partners/laikrastis-gyvenimas/">Laikraštis „Gyvenimas“</a>' in contact


def test_edit_link_points_at_the_record_file_and_history_is_shown(sample_site):
    page = read(sample_site, "partners/talsu-novada-pasvaldiba")
    assert (
        'href="https://git.example.org/prienai/rysiai/edit/main/partners/talsu-novada-pasvaldiba.yaml"'
        in page
    )
    assert "Paskutinį kartą keista" in page
    assert 'href="https://git.example.org/prienai/rysiai/commits/main/partners/talsu-novada-pasvaldiba.yaml"' in page


def test_record_pages_are_not_in_the_navigation(sample_site):
    page = read(sample_site, "contacts/jolanta-vilkiene")
    nav = page[page.index('<nav class="md-nav md-nav--primary"'):page.index("</nav>", page.index('<nav class="md-nav md-nav--primary"'))]
    assert "jolanta-vilkiene" not in nav
    assert "partners/" in nav


def test_the_tags_page_is_made_but_not_the_themes_tags_file(sample_site):
    assert "kaimyninė savivaldybė" in (sample_site / "tags" / "index.html").read_text(encoding="utf-8")
    assert not (sample_site / "tags.json").exists()  # mkdocs.yml: `export: false`


def test_language_is_lithuanian_and_no_outside_fonts(sample_site):
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="lt"' in home
    assert "fonts.googleapis.com" not in home


def test_without_git_the_build_works_and_leaves_the_line_out(tmp_path):
    root = copy_project(tmp_path, with_git=False)
    site = build_site(root, tmp_path / "site")
    page = read(site, "partners/talsu-novada-pasvaldiba")
    assert "Paskutinį kartą keista" not in page
    assert "Šaltinis: <code>partners/talsu-novada-pasvaldiba.yaml</code>" in page


def test_invalid_data_fails_the_build_and_keeps_the_last_site(repo, tmp_path, cli):
    fill(repo)
    site = tmp_path / "site"
    assert cli("build", "--root", str(repo.root), "-d", str(site)).code == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    repo.write("partners/bad.yaml", "name: Bad\nkind: nonsense\ncountry: LT\n")
    result = cli("build", "--root", str(repo.root), "-d", str(site))
    validate = cli("validate", "--root", str(repo.root))
    assert result.code == 1
    assert result.out == validate.out
    assert "partners/bad.yaml:2: error: [enum] `kind` is `nonsense`" in result.out
    assert result.err.endswith("rysiai: the site is not built: fix the errors above first\n")
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert [p.name for p in site.parent.iterdir() if p.name.startswith(".site")] == []


def test_mkdocs_build_in_the_data_repository_works(repo, tmp_path):
    fill(repo)
    import sys

    mkdocs = Path(sys.executable).parent / "mkdocs"
    done = subprocess.run(
        [str(mkdocs), "build", "-q", "-d", str(tmp_path / "out")],
        cwd=repo.root, capture_output=True, text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "partners" / "talsi" / "index.html").is_file()


def test_mkdocs_build_fails_with_the_findings(repo, tmp_path):
    import sys

    repo.write("partners/bad.yaml", "name: Bad\nkind: nonsense\ncountry: LT\n")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    done = subprocess.run(
        [str(mkdocs), "build", "-q", "-d", str(tmp_path / "out")],
        cwd=repo.root, capture_output=True, text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "LANGUAGE": "en"},
    )
    assert done.returncode == 1
    assert "partners/bad.yaml:2: error: [enum] `kind` is `nonsense`" in done.stderr
    assert "Traceback" not in done.stderr


def test_pages_rendered_ahead_in_a_second_process_are_the_same(repo, tmp_path, monkeypatch):
    from rysiai.site_build import prerender

    fill(repo)
    serial = build_site(repo.root, tmp_path / "serial")
    monkeypatch.setattr(prerender, "second_process_pays", lambda pages, threshold: True)
    monkeypatch.setattr(prerender, "CHUNK", 2)
    ahead = build_site(repo.root, tmp_path / "ahead")
    pages = sorted(p.relative_to(serial) for p in serial.rglob("*.html"))
    assert pages == sorted(p.relative_to(ahead) for p in ahead.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        assert (ahead / page).read_bytes() == (serial / page).read_bytes(), page


def test_search_without_the_theme_search_box_is_a_clear_error(repo, tmp_path, cli):
    fill(repo)
    config = repo.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - search\n", ""), encoding="utf-8")
    result = cli("build", "--root", str(repo.root), "-d", str(tmp_path / "site"))
    assert result.code == 2
    assert result.err == (
        "rysiai: error: the site could not be built: the rysiai plugin's search needs the theme's "
        "search box: add `- search` under `plugins` in mkdocs.yml (Pagefind answers it), or set "
        "`search: false`\n"
    )


@pytest.mark.parametrize("target", [".", "partners", "docs", "..", ".git"])
def test_the_output_folder_never_holds_the_data(repo, tmp_path, cli, target):
    fill(repo)
    (repo.root / ".git").mkdir(exist_ok=True)
    before = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    result = cli("build", "--root", str(repo.root), "-d", str(repo.root / target))
    assert result.code == 2
    assert "cannot be the output folder: building replaces it whole" in result.err
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == before


def test_a_build_pauses_the_cycle_collector_and_runs_it_after_every_so_many_pages(repo, tmp_path, monkeypatch):
    """The collector would go over every object again each time a quarter more are made; a
    build pauses it and runs it once after each COLLECT_EVERY pages written, and gives it back
    as it was, also when the build fails."""
    import gc

    from rysiai.errors import InvalidData
    from rysiai.site_build import plugin

    fill(repo)
    monkeypatch.setattr(plugin, "COLLECT_EVERY", 4)
    written, enabled, passes = [], [], []
    post_page = plugin.RysiaiPlugin.on_post_page

    def counted(self, output, page, config, **kwargs):
        written.append(page.file.src_uri)
        enabled.append(gc.isenabled())
        return post_page(self, output, page, config, **kwargs)

    def watch(phase, info):
        if phase == "start" and info["generation"] == 2:
            passes.append(len(written))

    monkeypatch.setattr(plugin.RysiaiPlugin, "on_post_page", counted)
    gc.callbacks.append(watch)
    try:
        assert gc.isenabled()
        build_site(repo.root, tmp_path / "site", cache=False)
        assert gc.isenabled()
    finally:
        gc.callbacks.remove(watch)
    assert len(written) > 8 and enabled == [False] * len(written)
    assert passes == list(range(4, len(written) + 1, 4))
    repo.write("partners/bad.yaml", "name: Bad\nkind: nonsense\ncountry: LV\n")
    with pytest.raises(InvalidData):
        build_site(repo.root, tmp_path / "site", cache=False)
    assert gc.isenabled()
