"""Every example plan opened by LibreOffice: converted to PDF by ``soffice --headless``, read
back with poppler's ``pdftotext``.  Neither was written here; what they print is what an
officer who opens the file sees.

Checked on each plan: the parts of Phụ lục I (KẾ HOẠCH, Số, the Roman-numbered parts, the
signature block, Nơi nhận) in reading order, no blank page (seed 001 used to open with an
empty second page), page numbers on every page but the first, and a page count that the
plan's length explains.  When the layout changes, render the pages (``pdftoppm -png``) and
look at them; ``docs/images/ke-hoach-trang-1.png`` is page 1 of seed 002.

With ``CI`` set (``.ci/run`` installs libreoffice-writer-nogui and poppler-utils from
Debian) the tests fail, rather than skip, when the tools are missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from thidua_calendar.files.plan import load_plan_file
from thidua_calendar.files.workdays import load_work_calendar
from thidua_calendar.render.docx import render_docx

ROOT = Path(__file__).resolve().parents[2]
PLANS = sorted(
    path for folder in ("seeds", "tutorial") for path in (ROOT / "examples" / folder).glob("*.yaml")
    if re.search(r"^phases:", path.read_text(encoding="utf-8"), re.MULTILINE)
)
TOOLS = ("soffice", "pdftotext", "pdfinfo")


def _tools() -> dict[str, str]:
    found = {tool: shutil.which(tool) for tool in TOOLS}
    missing = [tool for tool, path in found.items() if path is None]
    if missing:
        reason = f"{', '.join(missing)} not found (Debian: libreoffice-writer-nogui, poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI is set, so the LibreOffice tests must run")
        pytest.skip(reason)
    return {tool: path for tool, path in found.items() if path is not None}


def _name(path: Path, traces: bool = False) -> str:
    return f"{path.parent.name}-{path.stem}" + ("-traces" if traces else "")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, list[str]]:
    """Each plan's pages as pdftotext reads them (seed 001 also with its traces)."""
    tools = _tools()
    folder = tmp_path_factory.mktemp("pdf")
    calendar = load_work_calendar()
    documents = []
    for path in PLANS:
        plan_file = load_plan_file(path)
        result = plan_file.build(calendar=calendar)
        for traces in (False, True) if path.stem == "001" else (False,):
            target = folder / f"{_name(path, traces)}.docx"
            target.write_bytes(render_docx(result, date_style=plan_file.date_style,
                                           period_style=plan_file.period_style,
                                           period_date_style=plan_file.period_date_style,
                                           traces=traces))
            documents.append(target)
    profile = folder / "profile"  # a private LibreOffice profile: no shared state, no lock
    subprocess.run(
        [tools["soffice"], f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), *map(str, documents)],
        check=True, capture_output=True, timeout=300,
    )
    pages: dict[str, list[str]] = {}
    for document in documents:
        pdf = document.with_suffix(".pdf")
        assert pdf.exists(), f"LibreOffice made no PDF of {document.name}"
        info = subprocess.run([tools["pdfinfo"], str(pdf)], check=True, capture_output=True,
                              text=True).stdout
        count = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)[1])  # type: ignore[index]
        pages[document.stem] = [
            subprocess.run([tools["pdftotext"], "-f", str(n), "-l", str(n),
                            str(pdf), "-"], check=True, capture_output=True,
                           text=True).stdout
            for n in range(1, count + 1)
        ]
    return pages


def _words(text: str) -> str:
    """pdftotext's text with every kind of space (non-breaking too) as one space; letters
    it splits inside a justified line ("th ực hi ện") are compared without spaces."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("path", PLANS, ids=lambda path: _name(path))
def test_the_document_reads_in_order(pdfs, path):
    whole = _squeezed("\n".join(pdfs[_name(path)]))
    plan = load_plan_file(path).plan
    header = ["CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM", "Độclập-Tựdo-Hạnhphúc", "Số:", "/KH-",
              *(_squeezed(word.upper()) for word in plan.organisation.name.split())]
    for piece in header:  # two columns: pdftotext reads them interleaved
        assert piece in whole[:whole.index("KẾHOẠCH")], piece
    body = ["KẾHOẠCH", _squeezed(plan.title), "I.MỤCĐÍCH,YÊUCẦU", "1.Mụcđích", "2.Yêucầu",
            "II.NỘIDUNG", "III.TỔCHỨCTHỰCHIỆN", "./."]
    positions = []
    for piece in body:
        assert piece in whole, piece
        positions.append(whole.index(piece, positions[-1] if positions else 0))
    assert positions == sorted(positions)
    signature = whole[positions[-1]:]
    for piece in ("Nơinhận:", "TM.BANCHẤPHÀNH", "CHỦTỊCH", "-Lưu:VT."):
        assert piece in signature, piece
    assert "→" not in whole  # no trace in the document itself


@pytest.mark.parametrize("path", PLANS, ids=lambda path: _name(path))
def test_no_blank_page_and_numbers_from_page_2(pdfs, path):
    pages = pdfs[_name(path)]
    assert 1 <= len(pages) <= 4  # two đợt and a few deadlines: a plan of two or three pages
    for number, text in enumerate(pages, start=1):
        words = _words(text)
        if number == 1:
            assert not words.startswith("1 ")  # no number on the first page
            continue
        assert words.startswith(f"{number} "), words[:40]  # the number, centred on top
        body = words.removeprefix(f"{number} ")
        assert len(body.split()) >= 10, f"page {number} of {path.name} is (nearly) blank"


def test_the_traces_appendix_is_a_page_of_its_own(pdfs):
    plain = pdfs["seeds-001"]
    traced = pdfs["seeds-001-traces"]
    assert len(traced) == len(plain) + 1
    assert [_squeezed(page) for page in traced[:-1]] == [_squeezed(page) for page in plain]
    last = _words(traced[-1])
    assert "PHỤ LỤC" in last
    assert "CÁCH TÍNH CÁC MỐC THỜI GIAN" in last
    assert "→" in last


def test_seed_001_has_no_empty_second_page(pdfs):
    """The issue's report: seed 001 opened with an empty second page (the paragraph after its
    deadline table).  Its deadlines are now sentences and it ends in the signature row."""
    pages = pdfs["seeds-001"]
    assert len(pages) == 2
    assert "Nơi nhận:" in pages[-1]
    assert "trước ngày 12/4/2022" in _words("\n".join(pages))
