"""A renewed Word file: every change a tracked change that LibreOffice reads as one, the
paragraphs and their formatting kept; python-docx reads the file back."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from thidua_calendar.files.catalog import builtin_catalog
from thidua_calendar.files.documents import Document
from thidua_calendar.files.docx_changes import DocxError, read_paragraphs, write_tracked
from thidua_calendar.files.workdays import load_work_calendar
from thidua_calendar.reading.renew import renew_document

CORPUS = Path(__file__).parents[1] / "corpus"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WHEN = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is missing; CI is set, so the LibreOffice test must run "
                        "(.ci/run installs libreoffice-writer-nogui)")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def _plan_docx(path: Path) -> list[str]:
    """The 2025 plan of the corpus as a Word file: headings bold, one line split over runs
    of different formatting right where edits fall, and a table."""
    lines = (CORPUS / "renew-2025.txt").read_text(encoding="utf-8").splitlines()
    document = docx.Document()
    for line in lines:
        paragraph = document.add_paragraph()
        if line.startswith("- Đợt 1"):
            # "…đến 07/4/2025" split inside the date and inside "2025".
            cut = line.index("07/4/2025") + 4
            paragraph.add_run(line[:cut]).bold = True
            paragraph.add_run(line[cut:cut + 3]).italic = True
            paragraph.add_run(line[cut + 3:])
        else:
            run = paragraph.add_run(line)
            run.bold = line.isupper() and bool(line.strip())
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Hồ sơ đề nghị khen thưởng"
    table.rows[0].cells[1].text = "trước ngày 10/7/2025"
    document.save(path)
    return lines


@pytest.fixture(scope="module")
def renewed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docx")
    old = folder / "ke-hoach-2025.docx"
    _plan_docx(old)
    paragraphs = read_paragraphs(old)
    renewal = renew_document(Document(paragraphs), to_year=2026, catalog=builtin_catalog(),
                             calendar=load_work_calendar())
    changes = {line: [(e.start, e.end, e.new) for e in edits]
               for line, edits in renewal.by_line().items()}
    data, skipped = write_tracked(old, changes, author="thidua-calendar", when=WHEN)
    new = folder / "ke-hoach-2026.docx"
    new.write_bytes(data)
    return old, new, paragraphs, renewal, skipped


def test_every_edit_is_a_deletion_and_an_insertion_by_the_tool(renewed):
    _, new, _, renewal, skipped = renewed
    assert skipped == []
    body = etree.fromstring(zipfile.ZipFile(new).read("word/document.xml"))
    deletions, insertions = body.findall(f".//{W}del"), body.findall(f".//{W}ins")
    assert len(deletions) == len(insertions) == len(renewal.edits) > 20
    for mark in deletions + insertions:
        assert mark.get(f"{W}author") == "thidua-calendar"
        assert mark.get(f"{W}date") == "2026-12-03T09:30:00Z"
    ids = [mark.get(f"{W}id") for mark in deletions + insertions]
    assert len(set(ids)) == len(ids)
    assert ["".join(t.text for t in d.iter(f"{W}delText")) for d in deletions] == [
        e.old for e in renewal.edits]
    assert ["".join(t.text for t in i.iter(f"{W}t")) for i in insertions] == [
        e.new for e in renewal.edits]


def test_python_docx_reads_it_back_with_its_paragraphs_and_formatting(renewed):
    old, new, _, _, _ = renewed
    before, after = docx.Document(old), docx.Document(new)
    assert len(after.paragraphs) == len(before.paragraphs)
    assert after.tables[0].rows[0].cells[0].text == "Hồ sơ đề nghị khen thưởng"
    (phase,) = [p for p in after.paragraphs if p.text.startswith("- Đợt 1")]
    # The runs outside the edits keep their formatting; inserted words take the first
    # deleted piece's.
    assert phase.runs[0].bold
    assert phase.runs[0].text.startswith("- Đợt 1: Từ ")
    insertions = phase._p.findall(f"{W}ins")
    end_insert = [i for i in insertions if "".join(t.text for t in i.iter(f"{W}t")) ==
                  "26/4/2026"]
    assert end_insert
    assert end_insert[0].find(f"{W}r/{W}rPr/{W}b") is not None
    assert [p.style.name for p in after.paragraphs] == [p.style.name for p in before.paragraphs]


def _odt_text(element, ns, *, skip=None, deleted=None) -> str:
    """The text of an ODT paragraph; ``skip`` drops insertions (rejecting), ``deleted`` puts
    deletions back (rejecting)."""
    text_ns = ns["text"]
    out: list[str] = []
    inside: set[str] = set()

    def walk(node):
        tag = etree.QName(node).localname if isinstance(node.tag, str) else ""
        if tag == "change-start" and skip is not None:
            inside.add(node.get(f"{{{text_ns}}}change-id"))
        elif tag == "change-end" and skip is not None:
            inside.discard(node.get(f"{{{text_ns}}}change-id"))
        elif tag == "change" and deleted is not None and not inside:
            out.append(deleted[node.get(f"{{{text_ns}}}change-id")])
        elif tag == "s" and not inside:
            out.append(" " * int(node.get(f"{{{text_ns}}}c", "1")))
        elif tag == "tab" and not inside:
            out.append("\t")
        elif tag == "line-break" and not inside:
            out.append(" ")
        if node.text and not inside and tag not in ("s", "tab"):
            out.append(node.text)
        for child in node:
            walk(child)
            if child.tail and not inside:
                out.append(child.tail)

    walk(element)
    return "".join(out)


def test_libreoffice_reads_each_change_and_accepting_or_rejecting_gives_each_year(
        renewed, tmp_path):
    soffice = _soffice()
    _, new, paragraphs, renewal, _ = renewed
    subprocess.run([soffice, "--headless", "--norestore",
                    f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "odt",
                    "--outdir", str(tmp_path), str(new)],
                   check=True, capture_output=True, timeout=180)
    content = etree.fromstring(zipfile.ZipFile(tmp_path / "ke-hoach-2026.odt").read(
        "content.xml"))
    ns = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
          "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
          "dc": "http://purl.org/dc/elements/1.1/"}
    regions = content.findall(".//text:tracked-changes/text:changed-region", ns)
    kinds = [etree.QName(region[0]).localname for region in regions]
    assert kinds.count("deletion") == kinds.count("insertion") == len(renewal.edits)
    assert {region.findtext(".//dc:creator", namespaces=ns) for region in regions} == {
        "thidua-calendar"}
    deleted = {region.get(f"{{{ns['text']}}}id"): "".join(
        _odt_text(p, ns) for p in region.findall("text:deletion/text:p", ns))
        for region in regions if region.find("text:deletion", ns) is not None}
    body = content.find(".//office:text", ns)
    lines = [p for p in body.iter(f"{{{ns['text']}}}p", f"{{{ns['text']}}}h")
             if p.xpath("ancestor::text:tracked-changes", namespaces=ns) == []]
    accepted = [_odt_text(p, ns) for p in lines]
    rejected = [_odt_text(p, ns, skip=True, deleted=deleted) for p in lines]
    assert accepted == renewal.apply(paragraphs)
    assert rejected == paragraphs


def test_a_file_that_is_not_word_is_refused(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(DocxError, match="not a Word document"):
        read_paragraphs(path)
    with pytest.raises(DocxError, match="no such file"):
        read_paragraphs(tmp_path / "missing.docx")


def _versions(path: Path) -> tuple[list[str], list[str]]:
    """Each paragraph's text with every change accepted, and with every change rejected."""
    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    accepted, rejected = [], []
    for paragraph in body.iter(f"{W}p"):
        keep, back = [], []
        for node in paragraph.iter(f"{W}t", f"{W}delText"):
            inserted = any(a.tag == f"{W}ins" for a in node.iterancestors())
            if node.tag == f"{W}t":
                keep.append(node.text or "")
                if not inserted:
                    back.append(node.text or "")
            else:
                back.append(node.text or "")
        accepted.append("".join(keep))
        rejected.append("".join(back))
    return accepted, rejected


@settings(max_examples=40, deadline=None)
@given(words=st.lists(st.text(alphabet="abcđơ ", min_size=1, max_size=12), min_size=1,
                      max_size=6),
       cuts=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 6), st.text("xyz", max_size=4)),
                     max_size=4))
def test_any_runs_and_any_edits_accept_to_the_new_text_and_reject_to_the_old(words, cuts):
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.docx"
        document = docx.Document()
        paragraph = document.add_paragraph()
        for number, word in enumerate(words):  # runs of alternating formatting
            paragraph.add_run(word).bold = number % 2 == 0
        document.save(path)
        (text,) = read_paragraphs(path)
        edits, taken = [], -1
        for start, length, new in sorted(cuts):
            start = min(start, len(text))
            end = min(start + length, len(text))
            if start <= taken or start == end:
                continue
            edits.append((start, end, new))
            taken = end
        data, skipped = write_tracked(path, {0: edits}, author="a", when=WHEN)
        assert skipped == []
        path.write_bytes(data)
        expected = text
        for start, end, new in reversed(edits):
            expected = expected[:start] + new + expected[end:]
        assert _versions(path) == ([expected], [text])
        assert read_paragraphs(path) == [expected]  # what the tool reads is the new text
