"""A Word file's paragraphs, and the same file with edits made as tracked changes.

:func:`read_paragraphs` gives the text of every paragraph of the body (in tables too), in
reading order, as :func:`write_tracked` counts them.  :func:`write_tracked` makes each edit a
deletion (``w:del``) of the old words and an insertion (``w:ins``) of the new ones, with an
author and a date, so that Word and LibreOffice show them as changes to accept or reject.
Every paragraph, run and its formatting is kept: the words of a run are split where an edit
starts or ends, each piece keeping the run's properties, and the inserted words take the
properties of the first deleted piece.  Everything else in the package (styles, headers,
numbering, images) is copied byte for byte.

The file is handled as the zip of XML parts it is (with lxml, which python-docx is built on),
so the body is edited in place rather than rebuilt.  The date is an argument: no clock.
"""

from __future__ import annotations

import copy
import io
import os
import zipfile
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from thidua_calendar.errors import InputError

__all__ = ["DocxError", "read_paragraphs", "write_tracked"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BODY_PART = "word/document.xml"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_P, _R, _T, _TAB, _BR, _CR, _DEL, _INS, _RPR = (
    _w(tag) for tag in ("p", "r", "t", "tab", "br", "cr", "del", "ins", "rPr"))
_DEL_TEXT = _w("delText")


class DocxError(InputError):
    """A Word file that cannot be read or edited."""

    item_label = "document"
    default_where = "<document>"


#: One edit of a paragraph: the characters ``start:end`` of its text become ``new``.
Change = tuple[int, int, str]


#: A Word file given as its path, or as its bytes (an upload, kept in memory).
Source = str | os.PathLike[str] | bytes


def _name(source: Source, name: str | None) -> str:
    return name or ("<upload>" if isinstance(source, bytes) else os.fspath(source))


def _load(source: Source, path: str) -> tuple[zipfile.ZipFile, Any]:
    """The archive and its body's XML; ``path`` names the file in errors."""
    if not isinstance(source, bytes) and not os.path.exists(source):
        raise DocxError("no such file", vi="không có tệp này", path=path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
        root = etree.fromstring(archive.read(_BODY_PART))
    except (zipfile.BadZipFile, KeyError) as error:
        raise DocxError(f"not a Word document ({error})",
                        vi=f"không phải tệp Word ({error})", path=path) from None
    except etree.XMLSyntaxError as error:
        raise DocxError(f"the document's XML is broken ({error})",
                        vi=f"nội dung XML của tệp bị hỏng ({error})", path=path) from None
    except OSError as error:
        raise DocxError(f"cannot read the file: {error.strerror}",
                        vi=f"không đọc được tệp: {error.strerror}", path=path) from None
    return archive, root


def _paragraphs(root: Any) -> list[Any]:
    body = root.find(_w("body"))
    if body is None:
        return []
    return [p for p in body.iter(_P) if not _inside(p, _DEL)]


def _inside(element: Any, tag: str) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag == tag:
            return True
        if parent.tag == _P:
            return False
        parent = parent.getparent()
    return False


def _own_runs(paragraph: Any) -> list[Any]:
    """The runs whose paragraph is this one (not a text box's inside it), deletions left out."""
    runs = []
    for run in paragraph.iter(_R):
        parent = run.getparent()
        while parent is not None and parent.tag != _P:
            if parent.tag == _DEL:
                break
            parent = parent.getparent()
        if parent is paragraph:
            runs.append(run)
    return runs


def _piece_length(child: Any) -> int:
    if child.tag == _T:
        return len(child.text or "")
    return 1 if child.tag in (_TAB, _BR, _CR) else 0


def _run_text(run: Any) -> str:
    parts = []
    for child in run:
        if child.tag == _T:
            parts.append(child.text or "")
        elif child.tag == _TAB:
            parts.append("\t")
        elif child.tag in (_BR, _CR):
            parts.append(" ")  # a line break inside a paragraph reads as a space
    return "".join(parts)


def read_paragraphs(path: Source, /, *, name: str | None = None) -> list[str]:
    """The text of each paragraph of a Word file's body, in reading order (a table's cells
    paragraph by paragraph); a line break inside a paragraph reads as a space.  ``path`` may
    be the file's bytes, named in errors by ``name``."""
    archive, root = _load(path, _name(path, name))
    archive.close()
    return ["".join(_run_text(run) for run in _own_runs(p)) for p in _paragraphs(root)]


def _split(run: Any, offset: int) -> Any:
    """Split ``run`` after ``offset`` characters; the second half (a copy keeping the run's
    properties) is placed right after it and returned."""
    second = copy.deepcopy(run)
    position = 0
    for first_child, second_child in zip(list(run), list(second), strict=True):
        if first_child.tag == _RPR:
            continue
        length = _piece_length(first_child)
        if position + length <= offset:
            second.remove(second_child)
        elif position >= offset:
            run.remove(first_child)
        else:  # a w:t the cut falls in
            text = first_child.text or ""
            cut = offset - position
            first_child.text = text[:cut]
            second_child.text = text[cut:]
            first_child.set(_XML_SPACE, "preserve")
            second_child.set(_XML_SPACE, "preserve")
        position += length
    run.addnext(second)
    return second


def _runs_between(paragraph: Any, start: int, end: int) -> list[Any] | None:
    """The runs covering exactly ``start:end`` of the paragraph's text, split as needed."""
    for cut in (start, end):
        position = 0
        for run in _own_runs(paragraph):
            length = len(_run_text(run))
            if position < cut < position + length:
                _split(run, cut - position)
                break
            position += length
    covered = []
    position = 0
    for run in _own_runs(paragraph):
        length = len(_run_text(run))
        if start <= position and position + length <= end and length:
            covered.append(run)
        position += length
    if not covered or len({id(run.getparent()) for run in covered}) != 1:
        return None
    if sum(len(_run_text(run)) for run in covered) != end - start:
        return None
    return covered


class _Marks:
    def __init__(self, root: Any, author: str, when: datetime) -> None:
        ids = [int(value) for value in root.xpath("//@w:id", namespaces={"w": _W})
               if value.lstrip("-").isdigit()]
        self.next_id = max(ids, default=0) + 1
        self.author = author
        if when.tzinfo is not None:
            when = when.astimezone(UTC)
        self.date = when.strftime("%Y-%m-%dT%H:%M:%SZ")

    def element(self, tag: str) -> Any:
        mark = etree.Element(tag)
        mark.set(_w("id"), str(self.next_id))
        mark.set(_w("author"), self.author)
        mark.set(_w("date"), self.date)
        self.next_id += 1
        return mark


def _track(paragraph: Any, start: int, end: int, new: str, marks: _Marks) -> bool:
    covered = _runs_between(paragraph, start, end)
    if covered is None:
        return False
    deletion = marks.element(_DEL)
    covered[0].addprevious(deletion)
    for run in covered:
        deletion.append(run)
        for text in run.iter(_T):
            text.tag = _DEL_TEXT
            text.set(_XML_SPACE, "preserve")
    if new:
        insertion = marks.element(_INS)
        run = etree.SubElement(insertion, _R)
        properties = covered[0].find(_RPR)
        if properties is not None:
            run.append(copy.deepcopy(properties))
        text = etree.SubElement(run, _T)
        text.text = new
        text.set(_XML_SPACE, "preserve")
        deletion.addnext(insertion)
    return True


def write_tracked(
    path: Source,
    changes: Mapping[int, Sequence[Change]],
    /,
    *,
    author: str,
    when: datetime,
    name: str | None = None,
) -> tuple[bytes, list[tuple[int, Change]]]:
    """The Word file at ``path`` with ``changes`` (by paragraph index, as
    :func:`read_paragraphs` counts them) made as tracked changes by ``author`` at ``when``.

    Returns the new file's bytes and the changes that could not be tracked (an edit across
    runs of different hyperlinks or fields), which are left out.
    """
    archive, root = _load(path, _name(path, name))
    marks = _Marks(root, author, when)
    paragraphs = _paragraphs(root)
    skipped: list[tuple[int, Change]] = []
    for index, edits in sorted(changes.items()):
        paragraph = paragraphs[index]
        for change in sorted(edits, reverse=True):  # from the end: offsets stay valid
            start, end, new = change
            if not _track(paragraph, start, end, new, marks):
                skipped.append((index, change))
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with archive, zipfile.ZipFile(out, "w") as written:
        for info in archive.infolist():
            data = body if info.filename == _BODY_PART else archive.read(info.filename)
            written.writestr(info, data)
    return out.getvalue(), skipped
