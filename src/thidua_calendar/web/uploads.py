"""Request bodies, read in memory and never past the upload limit.

A body whose ``Content-Length`` is over the limit is refused before a byte of it is read; one
without (chunked) is counted while it streams and refused as soon as it passes.  Multipart
forms are parsed from memory by python-multipart, so no part is ever spooled to a
temporary file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.requests import Request

__all__ = ["Form", "TooLarge", "read_body", "read_form"]


class TooLarge(Exception):
    """The body is over the upload limit (answered 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


class BadForm(Exception):
    """A body that is not the multipart form asked for (answered 400); like the package's
    errors, it says it in Vietnamese by default (:meth:`message`)."""

    def __init__(self, message: str, /, *, vi: str) -> None:
        super().__init__(message)
        self.vi = vi

    def message(self, lang: str = "vi") -> str:
        return self.vi if lang == "vi" else str(self)


@dataclass(slots=True)
class Form:
    """A parsed multipart form: text fields, and files as (name, bytes)."""

    fields: dict[str, str] = field(default_factory=dict)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, or :class:`TooLarge` without reading past ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise TooLarge(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge(limit)
        chunks.append(chunk)
    return b"".join(chunks)


async def read_form(request: Request, limit: int) -> Form:
    """The multipart form of a request, parsed in memory."""
    from python_multipart.multipart import MultipartParser, parse_options_header

    content_type, options = parse_options_header(request.headers.get("content-type", ""))
    boundary = options.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        raise BadForm("send the file as multipart/form-data",
                      vi="hãy gửi tệp dưới dạng multipart/form-data")
    body = await read_body(request, limit)
    form = Form()
    headers: dict[bytes, bytes] = {}
    name: list[bytes] = []
    value: list[bytes] = []
    data: list[bytes] = []

    def on_part_begin() -> None:
        headers.clear()
        data.clear()

    def on_header_field(chunk: bytes, start: int, end: int) -> None:
        name.append(chunk[start:end])

    def on_header_value(chunk: bytes, start: int, end: int) -> None:
        value.append(chunk[start:end])

    def on_header_end() -> None:
        headers[b"".join(name).lower()] = b"".join(value)
        name.clear()
        value.clear()

    def on_part_data(chunk: bytes, start: int, end: int) -> None:
        data.append(chunk[start:end])

    def on_part_end() -> None:
        _, disposition = parse_options_header(headers.get(b"content-disposition", b""))
        field_name = disposition.get(b"name", b"").decode("utf-8", "replace")
        payload = b"".join(data)
        if b"filename" in disposition:
            filename = disposition[b"filename"].decode("utf-8", "replace")
            # Only the last part of a path a browser may send: the name, never a place.
            filename = filename.replace("\\", "/").rsplit("/", 1)[-1]
            form.files[field_name] = (filename, payload)
        else:
            form.fields[field_name] = payload.decode("utf-8", "replace")

    parser = MultipartParser(boundary, {
        "on_part_begin": on_part_begin, "on_header_field": on_header_field,
        "on_header_value": on_header_value, "on_header_end": on_header_end,
        "on_part_data": on_part_data, "on_part_end": on_part_end,
    })
    try:
        parser.write(body)
        parser.finalize()
    except Exception as error:  # python-multipart raises its own errors and ValueError
        raise BadForm(f"the form cannot be read ({error})",
                      vi=f"không đọc được biểu mẫu ({error})") from None
    return form
