"""The HTTP side of the review page: routes, templates, CSRF, security headers. Starlette + Jinja2.

Safe by default:
* every text from an article or the memory goes through Jinja2's autoescaping (and the page's JS only
  ever sets ``textContent``); a Content-Security-Policy allowing only this server's own script is the
  second fence;
* every state-changing request is a POST carrying the server's CSRF token, compared in constant time;
* URLs carry article ids and language codes that are looked up among the articles given on the command
  line and the memory's folders; nothing from a request becomes a path;
* requests must name this server's host (no DNS rebinding); it listens on loopback unless told otherwise.
"""
from __future__ import annotations

import secrets
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import LocalizeError, StaleEntry
from .desk import Desk, approve, article_state, check_text, load_article, preview

HERE = Path(__file__).parent
STALE_MESSAGE = ("This entry changed since the page was loaded (another tab, localize review or a new "
                 "translation): your text was not saved. The saved text is shown below yours; approve again "
                 "to replace it.")
BACKLOG = 128  # the kernel's usual default; one reviewer's browser needs a handful
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
# Only this server's own files: an injected inline script or event handler would not run even if
# escaping ever failed.
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                                 b"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Pure ASGI middleware adding SECURITY_HEADERS to every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _lines(text: str) -> str:
    """A browser sends a textarea's line breaks as CRLF; the memory keeps LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _number(text: str | None) -> int:
    """An entry number from a form (only ever used for the page anchor); junk is 0."""
    return int(text) if text and text.isdigit() and len(text) < 7 else 0


def article_url(aid: str, lang: str, action: str = "a") -> str:
    from urllib.parse import quote

    return f"/{action}/{quote(lang, safe='')}/{quote(aid, safe='/')}"


def create_app(desk: Desk, *, allowed_hosts: list[str] | None = None, csrf_token: str | None = None) -> Starlette:
    """The review page over ``desk``. ``allowed_hosts`` defaults to loopback names only."""
    token = csrf_token or secrets.token_urlsafe(32)
    templates = Environment(loader=FileSystemLoader(HERE / "templates"),
                            autoescape=select_autoescape(default=True, default_for_string=True))
    templates.globals["article_url"] = article_url

    def page(name: str, status: int = 200, **context) -> HTMLResponse:
        context.update(csrf_token=token, reviewer=desk.reviewer)
        return HTMLResponse(templates.get_template(name).render(**context), status_code=status)

    def confined(request: Request) -> tuple[str, str]:
        aid, lang = request.path_params["aid"], request.path_params["lang"]
        try:
            desk.po(aid, lang)
        except KeyError:
            raise HTTPException(404, "no such article or language here") from None
        return aid, lang

    def check_csrf(given: str | None) -> None:
        if not given or not secrets.compare_digest(given.encode(), token.encode()):
            raise HTTPException(403, "missing or wrong CSRF token: reload the page")

    def form_key(form) -> tuple[str | None, str]:
        context = _lines(form.get("context", "")) if form.get("has_context") == "1" else None
        return context, _lines(form.get("source", ""))

    async def index(request: Request):
        rows = []
        for aid in desk.articles:
            for lang in desk.languages(aid):
                try:
                    state = await run_in_threadpool(article_state, desk, aid, lang)
                except LocalizeError as error:
                    state = {"error": error.line()}
                rows.append({"id": aid, "lang": lang, **state})
        missing = [aid for aid in desk.articles if not desk.languages(aid)]
        return page("index.html", rows=rows, missing=missing)

    async def article_page(request: Request, *, message: str = "", status: int = 200, focus: int | None = None,
                           kept: dict | None = None):
        aid, lang = confined(request)
        try:
            article, catalog, entries, problems = await run_in_threadpool(load_article, desk, aid, lang)
            built, summary = await run_in_threadpool(preview, desk, aid, lang)
        except LocalizeError as error:
            return page("error.html", 400, message=error.line())
        blocks: list[dict] = []
        for entry in entries:
            if not blocks or blocks[-1]["number"] != entry.block:
                blocks.append({"number": entry.block, "role": entry.role, "entries": []})
            blocks[-1]["entries"].append(entry)
        numbered = {(e.unit.references[0], e.unit.source): e.number
                    for e in entries if e.unit is not None and e.unit.references}
        return page("article.html", status, aid=aid, lang=lang, article=article, catalog=catalog, blocks=blocks,
                    problems=problems, numbered=numbered, built=built, summary=summary, message=message,
                    focus=focus, kept=kept or {}, count=len(entries))

    async def show(request: Request):
        return await article_page(request)

    async def approve_entry(request: Request):
        aid, lang = confined(request)
        form = await request.form()
        check_csrf(form.get("csrf"))
        key = form_key(form)
        target = _lines(form.get("target", "")).strip()
        number = _number(form.get("number"))
        seen = (_lines(form.get("seen_target", "")), form.get("seen_approved") == "1")
        if not target:
            return await article_page(request, message="An empty translation is not saved: write one first.",
                                      status=400, focus=number)
        try:
            await run_in_threadpool(approve, desk, aid, lang, key, target, seen)
        except StaleEntry:
            return await article_page(request, message=STALE_MESSAGE, status=409, focus=number,
                                      kept={number: target})
        except LocalizeError as error:
            return await article_page(request, message=error.line(), status=409, focus=number)
        following = number + 1 if number < _number(form.get("count")) else number
        return RedirectResponse(f"{article_url(aid, lang)}#e{following}", status_code=303)

    async def check_entry(request: Request):
        aid, lang = confined(request)
        form = await request.form()
        check_csrf(form.get("csrf"))
        problems = await run_in_threadpool(check_text, desk, aid, lang, form_key(form), _lines(form.get("target", "")))
        return JSONResponse([{"level": p.level, "check": p.check, "why": p.why} for p in problems])

    async def not_found(request: Request, exc: HTTPException):
        return page("error.html", exc.status_code, message=exc.detail)

    routes = [
        Route("/", index),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        # The language first: article ids may hold folders (samples/story), so the id comes last.
        Route("/a/{lang}/{aid:path}", show),
        Route("/approve/{lang}/{aid:path}", approve_entry, methods=["POST"]),
        Route("/check/{lang}/{aid:path}", check_entry, methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or LOOPBACK_HOSTS),
                  Middleware(SecurityHeaders)]
    return Starlette(routes=routes, middleware=middleware, exception_handlers={HTTPException: not_found})


def is_loopback(host: str) -> bool:
    import ipaddress

    try:
        return host == "localhost" or ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(desk: Desk, host: str, port: int, announce) -> None:
    """Run the page until Ctrl-C; ``announce(url)`` is called once the socket is listening."""
    import socket

    import uvicorn

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(BACKLOG)  # listening before the URL is printed: a browser opened at once gets through
    bound_port = sock.getsockname()[1]
    shown = f"[{host}]" if family == socket.AF_INET6 else host
    # Any name the browser may use for a loopback or explicit address; "*" only when listening everywhere.
    hosts = ["*"] if host in ("0.0.0.0", "::") else LOOPBACK_HOSTS + [host, shown]
    config = uvicorn.Config(create_app(desk, allowed_hosts=hosts), log_level="warning")
    server = uvicorn.Server(config)
    announce(f"http://{shown}:{bound_port}/")
    server.run(sockets=[sock])
