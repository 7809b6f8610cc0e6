"""The editor as a web application (Flask): who is asking, the token every form carries, limits on
what a request may send, security headers, and pages in Lithuanian for every refusal."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, abort, g, render_template, request
from markupsafe import Markup
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from ..language import use_language
from . import form_fields
from .live import LiveRepository
from .people import Person, Settings, csrf_token, signed_in, token_matches
from .saving import Saver

LARGEST_REQUEST = 1024 * 1024  # bytes: a record's form is a few kilobytes
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
REFUSALS = {
    400: "Netinkama užklausa.",
    401: "Neprisijungta.",
    403: "Šio veiksmo atlikti negalima.",
    404: "Tokio puslapio nėra.",
    405: "Šis puslapis taip nepasiekiamas.",
    413: "Užklausa per didelė: išsaugoti galima ne daugiau kaip 1 MB duomenų vienu kartu.",
}


@dataclass
class Editor:
    """What every request shares: the repository, the saver and the settings."""

    live: LiveRepository
    saver: Saver
    settings: Settings
    secret: bytes
    site_url: str = ""  # the intranet site, for "see it on the site" links


def create_app(root: Path, settings: Settings, *, push: bool = False, site_url: str = "") -> Flask:
    # The editor's pages are Lithuanian, and so must be the words its checks and the loading put
    # into findings (a duplicate's reason, what a field holds), which are worded as they are made.
    use_language("lt")
    live = LiveRepository(root)
    editor = Editor(live, Saver(live, push=push), settings, secrets.token_bytes(32), site_url.rstrip("/"))
    app = Flask(__name__, static_folder="static", static_url_path="/_static")
    app.config.update(MAX_CONTENT_LENGTH=LARGEST_REQUEST, MAX_FORM_MEMORY_SIZE=LARGEST_REQUEST, MAX_FORM_PARTS=5000)
    app.extensions["rysiai_editor"] = editor
    if settings.user_header:  # behind the web server: it says under which path the editor is served
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=0, x_proto=1, x_host=0, x_prefix=1)
    app.jinja_env.globals.update(fields=form_fields, schema=live.schema)
    app.jinja_env.autoescape = True

    @app.before_request
    def who_is_asking():
        person = signed_in(editor.settings, request.headers)
        if not isinstance(person, Person):
            g.refusal = person
            abort(401 if "Neprisijungta" in person else 403)
        g.person = person
        g.editor = editor
        g.csrf = csrf_token(editor.secret, person)
        if request.method == "POST":
            if not token_matches(editor.secret, person, request.form.get("_csrf")):
                g.refusal = "Formos galiojimas baigėsi arba ji atsiųsta ne iš redaktoriaus: atverkite ją iš naujo."
                abort(403)
            origin = request.headers.get("Origin")
            if origin and origin not in (request.host_url.rstrip("/"), "null") and not _same_host(origin, request.host):
                g.refusal = "Užklausa atsiųsta iš kitos svetainės."
                abort(403)

    @app.after_request
    def security_headers(response):
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.errorhandler(HTTPException)
    def refused(error: HTTPException):
        text = getattr(g, "refusal", None) or REFUSALS.get(error.code or 500, "Klaida.")
        return render_template("refused.html", text=text, code=error.code), error.code

    @app.errorhandler(Exception)
    def failed(error: Exception):
        app.logger.exception("the editor failed")
        text = "Įvyko vidinė redaktoriaus klaida; niekas neįrašyta. Praneškite apie ją prižiūrėtojams."
        return render_template("refused.html", text=text, code=500), 500

    @app.template_filter("lines")
    def lines(text: str) -> Markup:
        return Markup("<br>").join(str(text).split("\n"))

    from .pages import pages

    app.register_blueprint(pages)
    return app


def _same_host(origin: str, host: str) -> bool:
    return origin.split("://", 1)[-1].rstrip("/") == host
