"""The web page: a thin Starlette layer over `consolidate` (see `runner.py`).

Routes: `/` the upload page; `POST /periksa` a batch; `/hasil/<id>` its progress, then its
results (Periksa, Unduh, Gabungkan); `/hasil/<id>/unduh/<what>` and `/hasil/<id>/salinan/<n>`
its files; `POST /nomenklatur` a reference list for this browser's session.
"""
from __future__ import annotations

import asyncio
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..read.guard import Limits
from .runner import Checker, load_reference, run_batch
from .store import RUNNING, Store, display_name, stored_name
from .words import WORDS

__all__ = ["Config", "create_app", "CSP", "Site"]

MB = 2**20
FORM_OVERHEAD = MB                     # multipart boundaries and the small fields
SESSION_COOKIE = "renja_sesi"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {"content-security-policy": CSP, "x-content-type-options": "nosniff",
           "referrer-policy": "no-referrer", "x-frame-options": "DENY",
           "cache-control": "no-store"}
REFERENCE_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".xls", ".ods")
DOWNLOADS = {"konsolidasi.xlsx": "xlsx", "laporan.json": "json", "salinan_bertanda.zip": "zip"}


@dataclass
class Config:
    lang: str = "id"
    max_files: int = 200               # per upload
    max_file_mb: float = 25            # per file
    max_batch_mb: float = 300          # per upload, all files together
    keep_minutes: float = 60           # then the batch's files are deleted
    tolerance: float = 0.0             # the default of the form
    nomenclature: object = None        # a Nomenclature (--nomenklatur), else the built-in list
    limits: Limits = field(default_factory=Limits)   # the hostile-file guards of the CLI
    workers: int | None = None         # checker processes (default: the cores)
    max_running: int = 2               # batches checked at once; more wait their turn
    max_batches: int = 500             # batches kept at once; more are refused until some expire
    temp_root: str | None = None       # where the random-named batch folders go
    mp_context: str = "spawn"

    @property
    def max_batch_bytes(self) -> int:
        return int(self.max_batch_mb * MB)


class BodyTooLarge(Exception):
    pass


class Guard:
    """ASGI middleware: security headers on every response; request bodies cut off past the
    upload limit while they stream in (a missing or lying Content-Length changes nothing)."""

    def __init__(self, app, max_body: int):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        seen = 0

        async def limited():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise BodyTooLarge()
            return message

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + [
                    (k.encode(), v.encode()) for k, v in HEADERS.items()]
            await send(message)

        await self.app(scope, limited, with_headers)


class Site:
    """What the handlers share: the settings, the templates, the batches, the workers."""

    def __init__(self, config: Config, checker: Checker | None):
        self.config = config
        self.words = WORDS["en" if config.lang == "en" else "id"]
        self.env = Environment(loader=PackageLoader("renja_xl.web", "templates"),
                               autoescape=select_autoescape(default=True, default_for_string=True))
        self.env.globals.update(t=self.words, lang=config.lang)
        self.checker = checker
        self.owns_checker = checker is None    # one handed in outlives the app (tests share one)
        self.store: Store | None = None
        self.jobs: ThreadPoolExecutor | None = None

    def page(self, name: str, status: int = 200, **context) -> HTMLResponse:
        return HTMLResponse(self.env.get_template(name).render(**context), status_code=status)

    def refuse(self, message: str, status: int) -> HTMLResponse:
        return self.page("message.html", status, heading=self.words["err_title"], message=message)

    def gone(self, status: int = 404) -> HTMLResponse:
        return self.page("message.html", status, heading=self.words["gone_title"],
                         message=self.words["gone"].format(minutes=_mb(self.config.keep_minutes)))

    def session(self, request, create: bool = False):
        return self.store.session(request.cookies.get(SESSION_COOKIE), create)

    def nomenclature(self, request) -> tuple[object, str]:
        """The reference list for this browser: its session's upload, else `--nomenklatur`,
        else the built-in list; with the name the page shows."""
        session = self.session(request)
        if session is not None and session.nomenclature is not None:
            return session.nomenclature, session.label
        if self.config.nomenclature is not None:
            return self.config.nomenclature, self.config.nomenclature.source
        from ..validate.nomenclature import builtin_nomenclature
        reference = builtin_nomenclature()
        return reference, reference.source


def _site(request) -> Site:
    return request.app.state.site


@asynccontextmanager
async def _lifespan(app):
    site: Site = app.state.site
    site.store = Store(site.config.keep_minutes * 60, site.config.temp_root)
    site.checker = site.checker or Checker(site.config.workers, site.config.mp_context)
    site.checker.warm()
    site.jobs = ThreadPoolExecutor(site.config.max_running, thread_name_prefix="renja-batch")
    app.state.store, app.state.checker = site.store, site.checker
    sweeper = asyncio.create_task(_sweep(site.store, site.config))
    try:
        yield
    finally:
        sweeper.cancel()
        site.jobs.shutdown(wait=False, cancel_futures=True)
        if site.owns_checker:
            site.checker.shutdown()
        site.store.close()


async def index(request):
    site = _site(request)
    config, words = site.config, site.words
    reference, label = site.nomenclature(request)
    session = site.session(request)
    limits = words["limits"].format(files=config.max_files, file_mb=_mb(config.max_file_mb),
                                    batch_mb=_mb(config.max_batch_mb),
                                    minutes=_mb(config.keep_minutes))
    return site.page("index.html", config=config, limits_text=limits, nomen_label=label,
                     nomen_count=words["nomen_codes"].format(n=len(reference)),
                     session_nomen=session is not None and session.nomenclature is not None)


async def upload(request):
    site = _site(request)
    config, words = site.config, site.words
    if not _same_origin(request):
        return site.refuse(words["err_origin"], 403)
    problem, form = await _read_form(request, config, words, config.max_files + 1)
    if problem:
        return site.refuse(*problem)
    try:
        uploads = [v for v in form.getlist("files")
                   if isinstance(v, UploadFile) and (v.filename or v.size)]
        problem = _check_uploads(uploads, config, words)
        if problem is None and len(site.store.batches) >= config.max_batches:
            problem = (words["err_busy"], 503)
        tolerance = _tolerance(form.get("toleransi"), config.tolerance)
        if problem is None and tolerance is None:
            problem = (words["err_tolerance"], 400)
        if problem:
            return site.refuse(*problem)
        batch = site.store.new_batch(config.lang)
        await run_in_threadpool(_save, batch, uploads)
    finally:
        await form.close()
    reference, batch.nomenclature = site.nomenclature(request)
    batch.tolerance = tolerance
    site.jobs.submit(run_batch, batch, site.checker, nomenclature=reference,
                     tolerance=tolerance, limits=config.limits)
    return RedirectResponse(f"/hasil/{batch.id}", status_code=303)


async def results(request):
    site = _site(request)
    batch = site.store.get(request.path_params["batch"])
    if batch is None:
        return site.gone()
    # the state first, then the view: the checking thread sets the view before "done", so a
    # batch that finishes while the page is drawn is drawn whole as one or the other
    state = batch.state
    return site.page("batch.html", batch=batch, state=state, running=state in RUNNING,
                     v=batch.view or {}, total=len(batch.files))


async def download(request):
    batch = _site(request).store.get(request.path_params["batch"])
    what = DOWNLOADS.get(request.path_params["name"])
    if batch is None or batch.state != "done" or what not in batch.outputs:
        raise HTTPException(404)
    return FileResponse(batch.outputs[what], filename=request.path_params["name"])


async def copy(request):
    batch = _site(request).store.get(request.path_params["batch"])
    n = request.path_params["n"]
    if batch is None or batch.state != "done" or n not in batch.feedback:
        raise HTTPException(404)
    path = batch.feedback[n]
    stem = os.path.splitext(batch.files[n]["name"])[0]
    return FileResponse(path, filename=f"{stem}_periksa{os.path.splitext(path)[1]}")


async def reference_upload(request):
    site = _site(request)
    words = site.words
    if not _same_origin(request):
        return site.refuse(words["err_origin"], 403)
    problem, form = await _read_form(request, site.config, words, 1)
    if problem:
        return site.refuse(*problem)
    folder = site.store.upload_folder()
    try:
        item = form.get("nomenklatur")
        if not isinstance(item, UploadFile) or not item.filename:
            return site.refuse(words["err_no_files"], 400)
        name = display_name(item.filename, 1)
        ext = os.path.splitext(name)[1].lower()
        path = os.path.join(folder, "nomenklatur" + (ext if ext in REFERENCE_SUFFIXES else ".csv"))
        await run_in_threadpool(_copy_upload, item, path)
        future = site.checker.submit(load_reference, path, site.config.limits)[1]
        reference, error = await asyncio.wrap_future(future)
    except Exception as exc:           # a worker died reading it
        reference, error = None, type(exc).__name__
    finally:
        await form.close()
        shutil.rmtree(folder, ignore_errors=True)
    if reference is None:
        return site.refuse(words["err_nomen"].format(detail=error), 400)
    session = site.session(request, create=True)
    session.nomenclature, session.label = reference, f"{name} ({words['nomen_session']})"
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(SESSION_COOKIE, session.id, httponly=True, samesite="strict")
    return response


async def reference_reset(request):
    site = _site(request)
    if not _same_origin(request):
        return site.refuse(site.words["err_origin"], 403)
    session = site.session(request)
    if session is not None:
        session.nomenclature = session.label = None
    return RedirectResponse("/", status_code=303)


async def _http_error(request, exc):
    site = _site(request)
    if getattr(exc, "status_code", 404) == 404:
        return site.gone()
    return site.page("message.html", exc.status_code, heading=str(exc.status_code), message="")


def create_app(config: Config | None = None, checker: Checker | None = None):
    """The ASGI app: Starlette inside the `Guard` middleware."""
    config = config or Config()
    static = os.path.join(os.path.dirname(__file__), "static")
    routes = [Route("/", index), Route("/periksa", upload, methods=["POST"]),
              Route("/hasil/{batch}", results),
              Route("/hasil/{batch}/unduh/{name}", download),
              Route("/hasil/{batch}/salinan/{n:int}", copy),
              Route("/nomenklatur", reference_upload, methods=["POST"]),
              Route("/nomenklatur/hapus", reference_reset, methods=["POST"]),
              Mount("/static", StaticFiles(directory=static), name="static")]
    app = Starlette(routes=routes, lifespan=_lifespan,
                    exception_handlers={HTTPException: _http_error})
    app.state.site = Site(config, checker)
    app.state.config = config
    return Guard(app, config.max_batch_bytes + FORM_OVERHEAD)


def _mb(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _same_origin(request) -> bool:
    """A form posted from another site (cross-site request) is refused."""
    origin = request.headers.get("origin")
    if not origin:
        return True
    return urlsplit(origin).netloc == request.headers.get("host")


async def _read_form(request, config, words, max_files):
    """(problem, form): the multipart body within the limits, or the refusal to show."""
    big = (words["err_batch_big"].format(max=_mb(config.max_batch_mb)), 413)
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > config.max_batch_bytes + FORM_OVERHEAD:
        return big, None
    try:
        return None, await request.form(max_files=max_files, max_fields=20)
    except BodyTooLarge:
        return big, None
    except HTTPException as exc:
        detail = str(exc.detail)
        if "number of files" in detail.lower():
            return (words["err_too_many"].format(n=f">{config.max_files}", max=config.max_files),
                    413), None
        return (words["err_bad_form"].format(detail=detail[:200]), 400), None
    except Exception as exc:
        return (words["err_bad_form"].format(detail=type(exc).__name__), 400), None


def _check_uploads(uploads, config, words):
    if not uploads:
        return words["err_no_files"], 400
    if len(uploads) > config.max_files:
        return words["err_too_many"].format(n=len(uploads), max=config.max_files), 413
    if sum(u.size or 0 for u in uploads) > config.max_batch_bytes:
        return words["err_batch_big"].format(max=_mb(config.max_batch_mb)), 413
    big = [display_name(u.filename, i) for i, u in enumerate(uploads, 1)
           if (u.size or 0) > config.max_file_mb * MB]
    if big:
        return words["err_file_big"].format(names=", ".join(big[:10]),
                                            max=_mb(config.max_file_mb)), 413
    return None


def _tolerance(raw, default):
    if raw is None or str(raw).strip() == "":
        return default
    try:
        value = float(str(raw).replace(",", "."))
    except ValueError:
        return None
    return value if value >= 0 and value == value and value != float("inf") else None


def _save(batch, uploads) -> None:
    """Each upload into the batch's `masuk/` folder under a safe name."""
    folder = os.path.join(batch.folder, "masuk")
    os.makedirs(folder, exist_ok=True)
    taken, shown = set(), set()
    for n, upload in enumerate(uploads, 1):
        name = display_name(upload.filename, n)
        base, k = name, 1
        while name in shown:          # two uploads with one name: both kept, told apart
            k += 1
            stem, ext = os.path.splitext(base)
            name = f"{stem} ({k}){ext}"
        shown.add(name)
        path = os.path.join(folder, stored_name(name, taken))
        _copy_upload(upload, path)
        batch.files.append({"name": name, "path": path})


def _copy_upload(upload, path) -> None:
    upload.file.seek(0)
    with open(path, "xb") as out:
        shutil.copyfileobj(upload.file, out, 1 << 20)


async def _sweep(store, config) -> None:
    period = max(1.0, min(60.0, config.keep_minutes * 60 / 4))
    while True:
        await asyncio.sleep(period)
        await run_in_threadpool(store.sweep)
