"""Reading plan documents as lines of text: ``.txt``, ``.md`` and Word ``.docx``.

A Word document gives its body in reading order: each paragraph a line, and each table row a
line with its cells joined by " | " (a merged cell once), where the table stands.  This module
and :mod:`thidua_calendar.render.docx` are the only ones that import python-docx.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import IO

from thidua_calendar.errors import DocumentError  # re-exported: readers catch it here
from thidua_calendar.files.input import LIMITS, read_bytes, read_text, too_large, too_large_vi

__all__ = ["Document", "DocumentError", "document_from_bytes", "read_document"]


#: Spaces a Word file (ours among them) puts where a line must not break, "năm\u00a02027",
#: "Đợt\u00a01": read as plain spaces, one character for one, so offsets stay the file's.
_HARD_SPACES = str.maketrans({"\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ",
                              "\u202f": " ", "\u2007": " "})
_HARD_SPACE = re.compile("[\u00a0\u2002\u2003\u2009\u202f\u2007]")


class Document:
    """A plan's text: its lines, and the whole text they make, read as one so that an item
    wrapped over two lines is still one item; :meth:`position` maps an offset back to a
    1-based line and column.  Non-breaking and other fixed-width spaces read as spaces."""

    __slots__ = ("lines", "starts", "text")

    def __init__(self, lines: Iterable[str], /) -> None:
        self.lines = [line.rstrip("\r") for line in lines]
        if any(_HARD_SPACE.search(line) for line in self.lines):
            self.lines = [line.translate(_HARD_SPACES) for line in self.lines]
        self.starts: list[int] = []
        offset = 0
        for line in self.lines:
            self.starts.append(offset)
            offset += len(line) + 1
        self.text = "\n".join(self.lines)

    @classmethod
    def from_text(cls, text: str, /) -> Document:
        return cls(text.split("\n"))

    def position(self, offset: int, /) -> tuple[int, int]:
        """The 1-based line and column of an offset in :attr:`text`."""
        import bisect

        index = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        return index + 1, offset - self.starts[index] + 1


def read_document(path: str | os.PathLike[str], /) -> Document:
    """The text of a .txt, .md or .docx file as a :class:`Document`; raises
    :class:`DocumentError` with one sentence when it cannot be read."""
    name = os.fspath(path)
    extension = os.path.splitext(name)[1].lower()
    if extension == ".docx":
        return Document(_docx_lines(name))
    if extension not in (".txt", ".md", ".text", ".markdown", ""):
        raise DocumentError(f"cannot read a {extension} file; give a .txt, .md or .docx",
                            vi=f"không đọc được tệp {extension}; hãy đưa tệp .txt, .md hoặc "
                               ".docx", path=name)
    return Document.from_text(read_text(name, DocumentError))


def document_from_bytes(data: bytes, name: str, /, *, max_expanded: int,
                        max_markup: int | None = None) -> Document:
    """The :class:`Document` of an uploaded file's bytes, kept in memory (nothing is written
    to disk); ``name`` gives the extension and names the file in errors.  A .docx is a zip
    archive: one whose members would expand past ``max_expanded`` bytes, or whose XML parts
    (what python-docx parses; pictures aside) past ``max_markup``, is refused before anything
    is unpacked."""
    extension = os.path.splitext(name)[1].lower()
    if extension == ".docx":
        import io
        import zipfile

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                expanded = sum(info.file_size for info in archive.infolist())
                markup = sum(info.file_size for info in archive.infolist()
                             if info.filename.endswith((".xml", ".rels")))
        except zipfile.BadZipFile as error:
            raise DocumentError(f"not a Word document ({error})", path=name,
                                vi=f"không phải văn bản Word ({error})") from None
        if expanded > max_expanded:
            raise DocumentError(
                f"the Word document would expand to {expanded:,} bytes, more than the "
                f"{max_expanded:,} allowed", path=name,
                vi=f"văn bản Word này khi giải nén lên tới {expanded:,} byte, quá mức "
                f"{max_expanded:,} byte cho phép")
        if max_markup is not None and markup > max_markup:
            raise DocumentError(
                f"the Word document holds {markup:,} bytes of text and layout, more than the "
                f"{max_markup:,} a plan needs", path=name,
                vi=f"văn bản Word này chứa {markup:,} byte chữ và định dạng, quá mức "
                f"{max_markup:,} byte mà một kế hoạch cần")
        return Document(_docx_lines(name, io.BytesIO(data)))
    if extension not in (".txt", ".md", ".text", ".markdown", ""):
        raise DocumentError(f"cannot read a {extension} file; give a .txt, .md or .docx",
                            path=name, vi=f"không đọc được tệp {extension}; hãy dùng tệp "
                            ".txt, .md hoặc .docx")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        raise DocumentError(f"the file is not UTF-8 text ({problem.reason})", path=name,
                            vi=f"tệp không phải văn bản UTF-8 ({problem.reason})") from None
    return Document.from_text(text)


def _docx_lines(name: str, stream: IO[bytes] | None = None) -> list[str]:
    import io
    import zipfile
    import zlib

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree  # type: ignore[import-untyped]

    data = (read_bytes(name, DocumentError, limit=LIMITS.docx) if stream is None
            else stream.read())
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise DocumentError(f"not a Word document: {error}",
                            vi=f"không phải văn bản Word: {error}", path=name) from None
    with archive:
        _check_parts(archive, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as error:
        raise DocumentError(f"the document is damaged: its XML cannot be read ({error})",
                            vi=f"văn bản bị hỏng: không đọc được XML của nó ({error})",
                            path=name) from None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, TypeError,
            AttributeError, EOFError, NotImplementedError, zlib.error) as error:
        raise DocumentError(f"not a Word document ({error})",
                            vi=f"không phải văn bản Word ({error})", path=name) from None
    except OSError as error:
        raise DocumentError(f"cannot read the file: {error.strerror}",
                            vi=f"không đọc được tệp: {error.strerror}", path=name) from None
    root = document.element
    body = getattr(root, "body", None)
    if root.tag != _W_DOCUMENT or body is None:
        raise DocumentError("not a Word document: word/document.xml does not hold a "
                            "<w:document> with a <w:body>",
                            vi="không phải văn bản Word: word/document.xml không có "
                            "<w:document> chứa <w:body>", path=name)
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    try:
        for child in body.iterchildren():
            if not isinstance(child.tag, str):  # a comment or a processing instruction
                continue
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(child, document).text)
            elif tag == "tbl":
                for row in Table(child, document).rows:
                    cells = []
                    seen: set[int] = set()
                    for cell in row.cells:
                        if id(cell._tc) not in seen:  # a merged cell repeats across the row
                            seen.add(id(cell._tc))
                            cells.append(cell.text)
                    lines.append(" | ".join(cells))
    except (ValueError, IndexError, AttributeError, TypeError, KeyError) as error:
        raise DocumentError(f"the document is damaged: its body cannot be read ({error})",
                            vi=f"văn bản bị hỏng: không đọc được phần thân ({error})",
                            path=name) from None
    return lines


_W_DOCUMENT = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}document"
#: More parts than any Word document has; a zip of thousands of entries is not a document.
_MAX_PARTS = 5000
#: Parts smaller than this are not held to the compression ratio.
_RATIO_FLOOR = 1024 * 1024


def _check_parts(archive: object, name: str) -> None:
    """Refuse a .docx whose zip directory announces parts that are too large once
    decompressed, or compressed suspiciously well, before any part is read.  Reading a part
    never yields more than the size its directory entry states, so these bounds hold."""
    import zipfile

    assert isinstance(archive, zipfile.ZipFile)
    parts = archive.infolist()
    if len(parts) > _MAX_PARTS:
        raise DocumentError(f"not a Word document: it holds {len(parts)} parts",
                            vi=f"không phải văn bản Word: nó có {len(parts)} phần", path=name)
    for part in parts:
        if part.file_size > LIMITS.docx_part:
            raise DocumentError(too_large(f"the part {part.filename!r} once decompressed",
                                          LIMITS.docx_part),
                                vi=too_large_vi(f"phần “{part.filename}” khi giải nén",
                                                LIMITS.docx_part), path=name)
        if (part.file_size > _RATIO_FLOOR
                and part.file_size > LIMITS.docx_ratio * max(part.compress_size, 1)):
            raise DocumentError(
                f"the part {part.filename!r} decompresses to "
                f"{part.file_size // max(part.compress_size, 1)} times its size, more than "
                f"the {LIMITS.docx_ratio} times a Word document needs (a zip bomb?)",
                vi=f"phần “{part.filename}” giải nén ra gấp "
                f"{part.file_size // max(part.compress_size, 1)} lần cỡ nén, quá mức "
                f"{LIMITS.docx_ratio} lần mà văn bản Word cần (bom zip?)",
                path=name)
