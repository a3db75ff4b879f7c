"""Reading plan documents as lines of text: ``.txt``, ``.md`` and Word ``.docx``.

A Word document gives its paragraphs, then the text of its tables row by row (cells joined by
" | "), one line each, in document order.  This module and :mod:`thidua_calendar.render.docx`
are the only ones that import python-docx.
"""

from __future__ import annotations

import os

from thidua_calendar.errors import InputError
from thidua_calendar.plan_text import Document

__all__ = ["DocumentError", "read_document"]


class DocumentError(InputError):
    """A plan document that cannot be read."""

    item_label = "document"
    default_where = "<document>"


def read_document(path: str | os.PathLike[str], /) -> Document:
    """The text of a .txt, .md or .docx file as a :class:`Document`; raises
    :class:`DocumentError` with one sentence when it cannot be read."""
    name = os.fspath(path)
    extension = os.path.splitext(name)[1].lower()
    if extension == ".docx":
        return Document(_docx_lines(name))
    if extension not in (".txt", ".md", ".text", ".markdown", ""):
        raise DocumentError(f"cannot read a {extension} file; give a .txt, .md or .docx",
                            path=name)
    try:
        with open(name, encoding="utf-8-sig") as stream:
            return Document.from_text(stream.read())
    except FileNotFoundError:
        raise DocumentError("no such file", path=name) from None
    except IsADirectoryError:
        raise DocumentError("this is a folder, not a file", path=name) from None
    except UnicodeDecodeError as error:
        raise DocumentError(f"the file is not UTF-8 text ({error.reason})", path=name) from None
    except OSError as error:
        raise DocumentError(f"cannot read the file: {error.strerror}", path=name) from None


def _docx_lines(name: str) -> list[str]:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not os.path.exists(name):
        raise DocumentError("no such file", path=name)
    try:
        document = docx.Document(name)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise DocumentError(f"not a Word document ({error})", path=name) from None
    except OSError as error:
        raise DocumentError(f"cannot read the file: {error.strerror}", path=name) from None
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return lines
