"""The web app: pages for officers and a JSON API, on Starlette (ASGI, served by uvicorn).

Stateless: every answer depends on the request alone (and the built-in data), so a province
may run several workers, or several machines, behind one nginx.  Bodies are read in memory
and never past the upload limit (:mod:`thidua_calendar.web.uploads`); nothing is written to
disk.  The clock is not read here: ``this_year`` and ``plan_year`` are handed in by the
command that starts the server.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from thidua_calendar.dates import FIRST_YEAR, LAST_YEAR
from thidua_calendar.errors import InputError, ThiduaCalendarError
from thidua_calendar.styles import Lang
from thidua_calendar.web import service
from thidua_calendar.web.openapi import openapi
from thidua_calendar.web.uploads import BadForm, TooLarge, read_body, read_form
from thidua_calendar.web.words import DEADLINE_TEMPLATES, WORDS, lang_of

__all__ = ["DEFAULT_MAX_UPLOAD", "create_app"]

HERE = Path(__file__).parent
DEFAULT_MAX_UPLOAD = 10 * 1024 * 1024
#: What the pages may load: this server's own files, nothing else.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
_PLAN_FORMATS = ("json", "text", "markdown", "docx", "ics", "yaml", "data")
_LIST_FORMATS = ("json", "csv", "ics", "text", "markdown")


class _Headers:
    """Security headers on every answer; HTML pages also get the content security policy."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                static = scope["path"].startswith("/static/")
                headers += [(b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"),
                            (b"content-security-policy", CSP.encode()),
                            (b"cache-control", b"max-age=3600" if static else b"no-store")]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, sending)


def _error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _lang(request: Request) -> Lang:
    return lang_of(request.query_params.get("lang"))


def _said(problem: ThiduaCalendarError | BadForm, request: Request) -> str:
    """The sentence for people, in the request's language (Vietnamese by default), as the
    command line prints it."""
    return problem.message(_lang(request))


def _too_large(limit: int, request: Request) -> str:
    if _lang(request) == "vi":
        return f"tệp gửi lên vượt quá giới hạn {limit:,} byte (--max-upload)"
    return f"the upload is over the {limit:,}-byte limit (--max-upload)"


def _bad_format(format: str, choices: tuple[str, ...], request: Request) -> str:
    if _lang(request) == "vi":
        return f"format là một trong {', '.join(choices)}, không phải “{format}”"
    return f"format is one of {', '.join(choices)}, not {format!r}"


def _download(answer: service.Answer) -> Response:
    headers = {}
    if answer.filename is not None:
        headers["content-disposition"] = f'attachment; filename="{answer.filename}"'
    return Response(answer.body, media_type=answer.media_type, headers=headers)


def create_app(
    *,
    this_year: Callable[[], int],
    plan_year: Callable[[], int],
    now: Callable[[], datetime],
    max_upload: int = DEFAULT_MAX_UPLOAD,
) -> Starlette:
    """The app.  ``this_year`` and ``plan_year`` give the default year of the year's list and
    of a new plan, ``now`` the date of a renewed file's tracked changes (the command line's
    clock); ``max_upload`` bounds every request body."""
    import jinja2

    pages = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                               autoescape=True, trim_blocks=False)
    description = json.dumps(openapi(), ensure_ascii=False, indent=1).encode()

    def render(request: Request, name: str, page: str, heading: str,
               **values: Any) -> HTMLResponse:
        lang = lang_of(request.query_params.get("lang"))
        # The same page in the other language, with every parameter (a repeated tag too).
        other = [(key, value) for key, value in request.query_params.multi_items()
                 if key != "lang"] + ([("lang", "en")] if lang == "vi" else [])

        def link(path: str) -> str:
            return path + ("?lang=en" if lang == "en" else "")

        html = pages.get_template(name).render(
            lang=lang, t=WORDS[lang], page=page, heading=heading, link=link,
            static=lambda file: f"/static/{file}",
            other_lang_url=request.url.path + ("?" + urlencode(other) if other else ""),
            first_year=FIRST_YEAR, last_year=LAST_YEAR, **values)
        return HTMLResponse(html, status_code=values.get("status", 200))

    # -- pages --------------------------------------------------------------------------------

    async def year_page(request: Request) -> Response:
        from thidua_calendar.render.lines import format_date, group_lines, milestone_label

        lang = lang_of(request.query_params.get("lang"))
        t = WORDS[lang]
        chosen = request.query_params.getlist("tag")
        province = request.query_params.get("province") or ""
        rows: list[dict[str, str]] = []
        error = None
        year = this_year()
        try:
            year = service.year_of(request.query_params.get("year"), year)
            province = service.province_of(province, year) or ""
            found = service.occurrences(year, chosen, province or None)
            for line in group_lines(found, lang=lang):
                labels = dict.fromkeys(milestone_label(o.milestone, lang=lang)
                                       for o in line.occurrences if o.milestone)
                first = line.occurrences[0]
                rows.append({"when": format_date(first.date, precision=first.precision),
                             "text": line.text, "label": ", ".join(labels)})
        except ThiduaCalendarError as problem:
            error = _said(problem, request)

        def download(format: str) -> str:
            query = [("year", str(year)), *(("province", province),) * bool(province),
                     *(("tag", tag) for tag in chosen), ("format", format)]
            if lang == "en":
                query.append(("lang", "en"))
            return "/api/anniversaries?" + urlencode(query)

        return render(request, "year.html", "year", t["year_title"].format(year=year),
                      year=year, tags=service.tags(province or None), chosen=chosen,
                      rows=rows, error=error,
                      provinces=service.provinces(year, lang=lang), province=province,
                      download=download, status=400 if error else 200,
                      subtitle=f"{t['year_title'].format(year=year)}: {len(rows)} {t['items']}")

    async def plan_page(request: Request) -> Response:
        lang = lang_of(request.query_params.get("lang"))
        year = plan_year()
        return render(request, "plan.html", "plan", WORDS[lang]["plan_title"], year=year,
                      issued=f"{year}-01-01",  # a default to edit, as the default plan's
                      templates=json.dumps(DEADLINE_TEMPLATES, ensure_ascii=False),
                      provinces=service.provinces(year, lang=lang),
                      levels=service.union_levels(),
                      words=json.dumps(WORDS[lang], ensure_ascii=False))

    async def check_page(request: Request) -> Response:
        lang = lang_of(request.query_params.get("lang"))
        t = WORDS[lang]
        values: dict[str, Any] = {"findings": None, "error": None, "year": None,
                                  "province": "", "provinces": service.provinces(this_year(),
                                                                                 lang=lang)}
        if request.method == "POST":
            try:
                form = await read_form(request, max_upload)
                name, data = form.files.get("file", ("", b""))
                if not name:
                    raise BadForm("choose the draft to check", vi="hãy chọn tệp dự thảo")
                year_text = form.fields.get("year", "").strip()
                year = service.year_of(year_text, 0) if year_text else None
                values["year"] = year
                province = form.fields.get("province", "").strip() or None
                values["province"] = province or ""
                findings = service.check(data, name, limit=max_upload, year=year,
                                         province=province, lang=lang)
                values["findings"] = findings
                values["summary"] = (t["found"].format(count=len(findings), name=name)
                                     if findings else t["no_findings"].format(name=name))
            except TooLarge:
                values["error"] = t["too_large"].format(limit=f"{max_upload / 1024**2:.3g}")
                values["status"] = 413
            except (BadForm, ThiduaCalendarError) as problem:
                values["error"] = _said(problem, request)
                values["status"] = 422
        return render(request, "check.html", "check", t["check_title"], **values)

    async def renewed(request: Request, form_year: str | None) -> service.Answer:
        """The renewed file of a multipart upload (``file``, ``year``, ``from_year``)."""
        form = await read_form(request, max_upload)
        name, data = form.files.get("file", ("", b""))
        if not name:
            raise BadForm("send last year's plan in the multipart field 'file'",
                          vi="hãy gửi kế hoạch năm trước trong trường 'file'")
        year_text = form_year or form.fields.get("year")
        if not year_text:
            raise BadForm("give the new year (year=)", vi="hãy ghi năm mới (year=)")
        year = service.year_of(year_text, 0)
        from_text = request.query_params.get("from_year") or form.fields.get("from_year")
        from_year = service.year_of(from_text, 0) if from_text else None
        return service.renew(data, name, year=year, limit=max_upload, now=now(),
                             from_year=from_year)

    async def renew_page(request: Request) -> Response:
        lang = lang_of(request.query_params.get("lang"))
        t = WORDS[lang]
        values: dict[str, Any] = {"year": plan_year(), "error": None}
        if request.method == "POST":
            try:
                return _download(await renewed(request, None))
            except TooLarge:
                values["error"] = t["too_large"].format(limit=f"{max_upload / 1024**2:.3g}")
                values["status"] = 413
            except (BadForm, ThiduaCalendarError) as problem:
                values["error"] = _said(problem, request)
                values["status"] = 422
        return render(request, "renew.html", "renew", t["renew_title"], **values)

    # -- the JSON API -------------------------------------------------------------------------

    async def api_renew(request: Request) -> Response:
        try:
            return _download(await renewed(request, request.query_params.get("year")))
        except TooLarge:
            return _error(_too_large(max_upload, request), 413)
        except BadForm as problem:
            return _error(_said(problem, request), 400)
        except InputError as problem:
            return _error(_said(problem, request), 422)
        except ThiduaCalendarError as problem:
            return _error(_said(problem, request), 400)

    async def api_anniversaries(request: Request) -> Response:
        format = request.query_params.get("format", "json")
        if format not in _LIST_FORMATS:
            return _error(_bad_format(format, _LIST_FORMATS, request), 400)
        try:
            year = service.year_of(request.query_params.get("year"), this_year())
            answer = service.anniversaries(year, request.query_params.getlist("tag"),
                                           province=request.query_params.get("province"),
                                           format=format,  # type: ignore[arg-type]
                                           lang=lang_of(request.query_params.get("lang")))
        except ThiduaCalendarError as problem:
            return _error(_said(problem, request), 400)
        return _download(answer)

    async def api_workdays(request: Request) -> Response:
        try:
            year = service.year_of(request.query_params.get("year"), this_year())
            answer = service.workdays(year, lang=lang_of(request.query_params.get("lang")))
        except ThiduaCalendarError as problem:
            return _error(_said(problem, request), 400)
        return _download(answer)

    async def api_events(request: Request) -> Response:
        try:
            year = service.year_of(request.query_params.get("year"), this_year())
            answer = service.events(year, lang=_lang(request))
        except ThiduaCalendarError as problem:
            return _error(_said(problem, request), 400)
        return _download(answer)

    async def api_plan(request: Request) -> Response:
        format = request.query_params.get("format", "text")
        if format not in _PLAN_FORMATS:
            return _error(_bad_format(format, _PLAN_FORMATS, request), 400)
        try:
            body = await read_body(request, max_upload)
        except TooLarge:
            return _error(_too_large(max_upload, request), 413)
        try:
            if format == "data":
                answer = service.plan_data(body)
            else:
                answer = service.plan(body, format=format,  # type: ignore[arg-type]
                                      lang=lang_of(request.query_params.get("lang")))
        except InputError as problem:
            return _error(_said(problem, request), 422)
        except ThiduaCalendarError as problem:
            return _error(_said(problem, request), 400)
        return _download(answer)

    async def api_check(request: Request) -> Response:
        try:
            form = await read_form(request, max_upload)
        except TooLarge:
            return _error(_too_large(max_upload, request), 413)
        except BadForm as problem:
            return _error(_said(problem, request), 400)
        if "file" not in form.files:
            return _error("gửi văn bản trong trường 'file' của biểu mẫu multipart"
                          if _lang(request) == "vi" else
                          "send the document in the multipart field 'file'", 400)
        name, data = form.files["file"]
        try:
            year_text = request.query_params.get("year") or form.fields.get("year")
            year = service.year_of(year_text, 0) if year_text else None
            province = (request.query_params.get("province")
                        or form.fields.get("province") or None)
            findings = service.check(data, name or "du-thao.txt", limit=max_upload, year=year,
                                     province=province, lang=_lang(request))
        except InputError as problem:
            return _error(_said(problem, request), 422)
        except ThiduaCalendarError as problem:
            return _error(_said(problem, request), 400)
        return JSONResponse({"findings": findings})

    async def api_description(request: Request) -> Response:
        return Response(description, media_type="application/json")

    routes = [
        Route("/", year_page),
        Route("/plan", plan_page),
        Route("/check", check_page, methods=["GET", "POST"]),
        Route("/renew", renew_page, methods=["GET", "POST"]),
        Route("/api/anniversaries", api_anniversaries),
        Route("/api/workdays", api_workdays),
        Route("/api/events", api_events),
        Route("/api/plan", api_plan, methods=["POST"]),
        Route("/api/check", api_check, methods=["POST"]),
        Route("/api/renew", api_renew, methods=["POST"]),
        Route("/api/openapi.json", api_description),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    return Starlette(routes=routes, middleware=[Middleware(_Headers)])
