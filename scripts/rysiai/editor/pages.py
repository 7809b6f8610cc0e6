"""The editor's addresses: `/<collection>/<id>/` (a record's form), `/<collection>/new` (a new
record's), their rename and delete pages, the picker's search and the Markdown preview. No value
from a request becomes a path: a record is found by its id among the records loaded, and a new
one's file is named from an id checked to be one."""

from __future__ import annotations

import threading
from pathlib import Path

import material
from flask import (
    Blueprint,
    abort,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)

from ..errors import RysiaiError
from ..findings.wording import message
from ..loading.record import LABEL_FIELDS
from ..site.markdown_fields import render_markdown
from ..words.ids import RESERVED_IDS, id_problem, slugify, unreserved
from . import changes
from .finding_words import input_name
from .form_values import form_values
from .saving import Opened, Outcome, open_record

pages = Blueprint("pages", __name__)
MARKDOWN = threading.Lock()  # one Markdown renderer, shared
MOST_RESULTS = 20


def _collection(name: str):
    collection = g.editor.live.schema.collections.get(name)
    if collection is None:
        abort(404)
    return collection


def _record(collection, record_id: str, *, refresh: bool = True):
    """The record asked for, 404 if there is none. ``refresh=False`` where the saver reads the
    files again under the lock anyway: the repository as kept serves, unless it no longer knows
    the record or its file is gone (then the files are read again here too)."""
    if id_problem(record_id) and record_id not in RESERVED_IDS:
        abort(404)
    live = g.editor.live
    record = None if refresh else live.record(collection, record_id)
    if record is None or not (live.root / record.path).is_file():
        live.refresh()
        record = live.record(collection, record_id)
    if record is None:
        abort(404)
    return record


@pages.get("/")
def home():
    live = g.editor.live
    query = request.args.get("q", "")
    found = live.search(tuple(live.schema.collections), query, MOST_RESULTS) if query.strip() else []
    return render_template("home.html", query=query, found=found)


@pages.get("/<name>/<record_id>/")
def edit_form(name: str, record_id: str):
    collection = _collection(name)
    record = _record(collection, record_id)
    opened = open_record(g.editor.live, collection, record_id, record.path)
    return _form(collection, record_id, record.path, opened.values, opened, Outcome())


@pages.post("/<name>/<record_id>/")
def save(name: str, record_id: str):
    collection = _collection(name)
    record = _record(collection, record_id, refresh=False)
    old = open_record(g.editor.live, collection, record_id, record.path)
    base_values = old.values
    values, problems = form_values(request.form, collection, g.editor.live, base_values)
    opened = Opened(base_values, request.form.get("_version", ""), request.form.get("_base", ""))
    if problems:
        return _form(collection, record_id, record.path, values, opened, Outcome(problems=problems), status=422)
    outcome = g.editor.saver.save(
        collection, record_id, values, version=opened.version, base=opened.base,
        person=g.person, accept_warnings=request.form.get("_accept_warnings") == "1",
    )
    if outcome.saved or outcome.nothing_changed:
        return _form(collection, record_id, record.path, None, None, outcome)
    # Shown again with what the person typed; a conflict gives the form the new version.
    return _form(collection, record_id, record.path, values, outcome.current or opened, outcome, status=409 if outcome.conflict is not None else 422)


@pages.get("/<name>/new")
def new_form(name: str):
    collection = _collection(name)
    return _form(collection, None, None, {}, None, Outcome())


@pages.post("/<name>/new")
def create(name: str):
    collection = _collection(name)
    values, problems = form_values(request.form, collection, g.editor.live, {})
    typed_id = request.form.get("id", "").strip()
    record_id = typed_id or _id_from(collection, values)
    if typed_id and (id_problem(typed_id) or typed_id in RESERVED_IDS):
        problems["id"] = (f"Identifikatorius „{typed_id}“ rezervuotas: pasirinkite kitą." if typed_id in RESERVED_IDS
                          else "Identifikatoriuje gali būti tik mažosios raidės a–z, skaitmenys ir brūkšneliai.")
    if problems:
        return _form(collection, None, None, values, None, Outcome(problems=problems), status=422, typed_id=typed_id)
    outcome = g.editor.saver.create(
        collection, record_id, values, person=g.person, accept_warnings=request.form.get("_accept_warnings") == "1"
    )
    if outcome.saved:
        return redirect(url_for("pages.edit_form", name=collection.name, record_id=record_id, saved=outcome.commit[:12]), 303)
    return _form(collection, None, None, values, None, outcome, status=422, typed_id=typed_id)


def _id_from(collection, values) -> str:
    """The id `rysiai new` makes: from the name (or title, subject), a reserved one changed."""
    label = next((values.get(name) for name in LABEL_FIELDS if isinstance(values.get(name), str) and values.get(name)), "")
    return unreserved(slugify(label or collection.name), collection.name)


def _form(collection, record_id, path, values, opened, outcome: Outcome, status: int = 200, typed_id: str = ""):
    live = g.editor.live
    if values is None:  # saved: the form again, as the file now is
        record = live.record(collection, record_id)
        opened = open_record(live, collection, record_id, record.path)
        values = opened.values
    findings = outcome.verdict.errors + outcome.verdict.warnings
    beside: dict[str, list[tuple[str, str]]] = {}
    for name, text in outcome.problems.items():
        beside.setdefault(name, []).append(("error", text))
    for finding in findings:
        beside.setdefault(input_name(finding.field), []).append((finding.severity, message(finding, "lt")))
    saved_commit = request.args.get("saved", "") if request.method == "GET" else outcome.commit[:12]
    return render_template(
        "form.html", collection=collection, record_id=record_id, path=path, values=values, opened=opened,
        outcome=outcome, beside=beside, labels=live.label, typed_id=typed_id, saved_commit=saved_commit,
        referrers=live.referrers(record_id) if record_id else [],
    ), status


@pages.get("/<name>/<record_id>/rename")
def rename_form(name: str, record_id: str):
    collection = _collection(name)
    record = _record(collection, record_id)
    return render_template("rename.html", collection=collection, record=record, outcome=Outcome(), new_id="")


@pages.post("/<name>/<record_id>/rename")
def rename(name: str, record_id: str):
    collection = _collection(name)
    record = _record(collection, record_id)
    new_id = request.form.get("id", "").strip()
    outcome = changes.rename(g.editor.saver, collection, record_id, new_id, g.person)
    if outcome.saved:
        return redirect(url_for("pages.edit_form", name=collection.name, record_id=new_id, saved=outcome.commit[:12]), 303)
    return render_template("rename.html", collection=collection, record=record, outcome=outcome, new_id=new_id), 422


@pages.get("/<name>/<record_id>/delete")
def delete_form(name: str, record_id: str):
    collection = _collection(name)
    record = _record(collection, record_id)
    return _delete_page(collection, record, Outcome())


@pages.post("/<name>/<record_id>/delete")
def delete(name: str, record_id: str):
    collection = _collection(name)
    record = _record(collection, record_id)
    erase = request.form.get("_erase") == "1" and collection.kind.people
    action = changes.erase if erase else changes.delete
    outcome = action(g.editor.saver, collection, record_id, g.person)
    if outcome.saved:
        return render_template("done.html", collection=collection, outcome=outcome, erased=erase, record_id=record_id)
    return _delete_page(collection, record, outcome, status=422)


def _delete_page(collection, record, outcome: Outcome, status: int = 200):
    referrers = g.editor.live.referrers(record.id)
    plan = None
    if collection.kind.people:
        try:
            plan = changes.erasure_plan(g.editor.saver, record.id)
        except RysiaiError as error:
            outcome.problems.setdefault("", f"Ištrinti asmens duomenų dabar negalima: {error}")
    return render_template("delete.html", collection=collection, record=record, referrers=referrers, plan=plan, outcome=outcome), status


@pages.get("/_search")
def search():
    """Records of the given collections by name, for the picker: [{id, label, collection}]."""
    live = g.editor.live
    wanted = tuple(name for name in request.args.get("in", "").split(",") if name in live.schema.collections)
    found = live.search(wanted, request.args.get("q", ""), MOST_RESULTS) if wanted else []
    titles = {name: collection.title for name, collection in live.schema.collections.items()}
    return jsonify([{"id": r.id, "label": r.label, "collection": titles[r.collection]} for r in found])


@pages.post("/_preview")
def preview():
    with MARKDOWN:
        return render_markdown(request.form.get("text", "").replace("\r\n", "\n")), 200, {"Content-Type": "text/html; charset=utf-8"}


@pages.get("/_material/<part>.css")
def material_css(part: str):
    """The site's own style sheets (mkdocs-material's colours and type), from the installed theme."""
    if part not in ("main", "palette"):
        abort(404)
    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    found = sorted(folder.glob(f"{part}.*.min.css"))
    if not found:
        abort(404)
    return send_file(found[0], mimetype="text/css", max_age=3600)
