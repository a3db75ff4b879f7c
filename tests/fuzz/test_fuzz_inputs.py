"""Fuzzing every file the command line reads (issue #16): plan files, catalogs, holiday
announcements, deadline rules, plain-text plans and the parts of a .docx.

Hypothesis builds inputs from three sources: valid files with a part replaced or mutated
(the inputs a person makes by mistake), YAML built from odd values (control characters,
deep nesting, aliases, explicit tags), and bytes in odd encodings.  Every run must end in
exit 0 (or 1 for ``check``'s findings) or exit 2 with one sentence on stderr, never a
traceback, and a failed run writes nothing: no output file, no temporary file.

The budget is fixed (``FUZZ_EXAMPLES`` examples per test, derandomised, no deadline), so CI
runs the same cases in about the same time; raise it locally with
``THIDUA_CALENDAR_FUZZ_EXAMPLES=2000 pytest tests/fuzz``.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import docx
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from thidua_calendar.cli import main

ROOT = Path(__file__).parents[2]
SEED = (ROOT / "examples" / "seeds" / "001.yaml").read_text(encoding="utf-8")
CATALOG = (ROOT / "examples" / "tutorial" / "ngay-rieng.yaml").read_text(encoding="utf-8")
RULES = (ROOT / "examples" / "deadlines" / "seed-001.yaml").read_text(encoding="utf-8")
ANNOUNCEMENT = """\
announcements:
  - year: 2027
    title: Thông báo về lịch nghỉ Tết Âm lịch và Quốc khánh năm 2027
    days:
      tet_nguyen_dan: [2027-02-04, 2027-02-05, 2027-02-06, 2027-02-07, 2027-02-08]
      quoc_khanh_lien_ke: [2027-09-03]
"""
PLAN_TEXT = (ROOT / "tests" / "corpus" / "seed-001-thoi-gian.md").read_text(encoding="utf-8")

FUZZ_EXAMPLES = int(os.environ.get("THIDUA_CALENDAR_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: Each kind of input: the file's name, and the command line reading it (``{}`` is the file).
COMMANDS = {
    "plan": ("plan.yaml", ["plan", "{}", "--lang", "en"]),
    "catalog": ("catalog.yaml", ["anniversaries", "2026", "--catalog", "{}", "--lang", "en"]),
    "announcement": ("holidays.yaml", ["workdays", "2027", "--holidays", "{}",
                                       "--lang", "en"]),
    "rules": ("rules.yaml", ["deadlines", "{}", "--lang", "en"]),
    "text": ("plan.txt", ["check", "{}", "--lang", "en"]),
    "docx": ("plan.docx", ["check", "{}", "--lang", "en"]),
    "extract": ("plan.docx", ["extract", "{}", "--lang", "en"]),
}


def run_on(kind: str, data: bytes) -> None:
    """Run the command for ``kind`` on ``data`` and hold it to the promises."""
    name, command = COMMANDS[kind]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        out = Path(folder) / "out" / "result.out"
        out.parent.mkdir()
        writes = kind not in ("text", "docx")  # check prints its findings, it has no -o
        argv = [part.replace("{}", str(path)) for part in command]
        if writes:
            argv += ["-o", str(out)]
        stderr = io.StringIO()
        stdout = sys.stdout
        try:
            with redirect_stderr(stderr), redirect_stdout(io.StringIO()):
                status = main(argv)
        finally:
            sys.stdout = stdout
        err = stderr.getvalue()
        assert "Traceback" not in err
        allowed = {0, 1} if kind in ("text", "docx") else {0}
        if status in allowed:
            assert out.is_file() or not writes
        else:
            assert status == 2, (status, err)
            errors = [line for line in err.splitlines() if " error: " in line]
            assert len(errors) == 1, err
            assert errors[0].startswith("thidua-calendar: error: "), err
            assert str(path) in errors[0] or "THIDUA_CALENDAR" in errors[0], err
            assert "internal error" not in errors[0], err
            assert list(out.parent.iterdir()) == []  # nothing written, no temporary file
        assert path.read_bytes() == data  # the input is never touched


# -- strategies -------------------------------------------------------------------------------

odd_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True),
    odd_text, st.sampled_from(["2022-02-30", "9999-12", "0000-01-01", "anniversary:x",
                               "issued", "~", "", " ", "\x00", "ngày" + " " * 200]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(odd_text, inner, max_size=4)), max_leaves=12)

TAGGED = [
    "!!int zz", "!!timestamp 2020-13-45", "!!float x", "!!binary ???", "!!bool maybe",
    "!!python/object:os.system ls", "!!set {a, b}", "!!omap [a]", "!!str [1]", "!!null x",
    "&a [*a]", "*undefined", "{[a]: 1}", "{{a: 1}: 2}", "[" * 100 + "]" * 100,
    "'unclosed", '"\\x"', "|\n  block", "? complex\n: key", "%YAML 1.1\n---",
    "---\n---", "...", "\t", "a: b: c",
]


@st.composite
def mutated(draw: st.DrawFn, base: str) -> bytes:
    """A valid file with one line replaced (by an odd YAML value, a tagged scalar or noise),
    or cut short, or with bytes flipped."""
    lines = base.splitlines(keepends=True)
    how = draw(st.sampled_from(["value", "tagged", "cut", "bytes", "dump"]))
    if how == "cut":
        return base.encode()[: draw(st.integers(0, len(base.encode())))]
    if how == "bytes":
        data = bytearray(base.encode())
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    if how == "dump":
        return yaml.safe_dump(draw(values), allow_unicode=True).encode()
    index = draw(st.integers(0, len(lines) - 1))
    line = lines[index]
    indent = line[: len(line) - len(line.lstrip())]
    key = line.strip().split(":", 1)[0] if ":" in line else "x"
    if how == "tagged":
        replacement = draw(st.sampled_from(TAGGED))
    else:
        replacement = yaml.safe_dump(draw(values), allow_unicode=True,
                                     default_flow_style=True, width=10**6).strip()
        replacement = replacement.removesuffix("\n...").removesuffix("...").strip()
    lines[index] = f"{indent}{key}: {replacement}\n"
    return "".join(lines).encode()


def encodings(text: str) -> st.SearchStrategy[bytes]:
    """``text`` in an encoding the readers must refuse or accept cleanly."""
    return st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1258",
                            "latin-1"]).map(
        lambda codec: text.encode(codec, errors="replace"))


# -- YAML inputs ------------------------------------------------------------------------------

@FUZZ
@given(data=st.one_of(mutated(SEED), encodings(SEED)))
@example(data=b"end: 9999-12\n")
@example(data=b"a: &a [*a]\n")
def test_fuzz_plan_files(data):
    run_on("plan", data)


@FUZZ
@given(data=st.one_of(mutated(CATALOG), encodings(CATALOG)))
@example(data=b"{[a]: 1}\n")
def test_fuzz_catalogs(data):
    run_on("catalog", data)


@FUZZ
@given(data=st.one_of(mutated(ANNOUNCEMENT), encodings(ANNOUNCEMENT)))
@example(data=b"announcements: !!timestamp 2020-13-45\n")
def test_fuzz_announcements(data):
    run_on("announcement", data)


@FUZZ
@given(data=st.one_of(mutated(RULES), encodings(RULES)))
@example(data=b"deadlines: !!int zz\n")
def test_fuzz_deadline_rules(data):
    run_on("rules", data)


@FUZZ
@given(data=st.one_of(
    encodings(PLAN_TEXT),
    st.binary(max_size=2000),
    st.text(max_size=2000).map(lambda text: text.encode("utf-8", errors="replace")),
    st.tuples(st.sampled_from(["ngày", "Đợt 1:", "từ ngày", "KẾ HOẠCH"]),
              st.sampled_from([" ", "1", "/", "1/", "."]),
              st.integers(1000, 20000)).map(lambda t: (t[0] + t[1] * t[2]).encode()),
))
def test_fuzz_plain_text_plans(data):
    run_on("text", data)


# -- .docx parts ------------------------------------------------------------------------------

def _template() -> dict[str, bytes]:
    document = docx.Document()
    for line in PLAN_TEXT.splitlines()[:30]:
        document.add_paragraph(line)
    stream = io.BytesIO()
    document.save(stream)
    with zipfile.ZipFile(stream) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


TEMPLATE = _template()
W = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_PARTS = [
    b"", b"<", b"<?xml version='1.0'?>", b"<w:document/>", b"<root xmlns='x'/>",
    b"<w:document xmlns:w='" + W + b"'><w:body><w:tbl><w:tr><w:tc/></w:tr></w:tbl>"
    b"</w:body></w:document>",
    b"<?xml version='1.0'?><!DOCTYPE d [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;"
    b"&a;&a;&a;&a;'><!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;'>]><w:document xmlns:w='" + W
    + b"'><w:body><w:p><w:r><w:t>&c;&c;&c;</w:t></w:r></w:p></w:body></w:document>",
    b"<?xml version='1.0'?><!DOCTYPE d SYSTEM 'file:///etc/passwd'><w:document xmlns:w='"
    + W + b"'/>",
    b"<w:document xmlns:w='" + W + b"'><w:body>" + b"<w:p>" * 5000 + b"</w:body>",
]


def _bomb() -> bytes:
    """21 MB of XML compressed to about 20 KB: over the part limit and the ratio."""
    return b"<w:document xmlns:w='" + W + b"'><w:body>" + b"<w:p/>" * (21 * 1024 * 1024 // 6)


BOMB = _bomb()


@st.composite
def docx_files(draw: st.DrawFn) -> bytes:
    parts = dict(TEMPLATE)
    target = draw(st.sampled_from(sorted(parts)))
    how = draw(st.sampled_from(["xml", "bytes", "cut", "drop", "encoding", "bomb"]))
    if how == "bomb":
        parts[target] = BOMB
    elif how == "xml":
        parts[target] = draw(st.sampled_from(XML_PARTS))
    elif how == "bytes":
        data = bytearray(parts[target])
        for _ in range(draw(st.integers(1, 8))):
            if data:
                data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        parts[target] = bytes(data)
    elif how == "cut":
        parts[target] = parts[target][: draw(st.integers(0, len(parts[target])))]
    elif how == "drop":
        del parts[target]
    else:
        text = parts["word/document.xml"].decode("utf-8")
        codec = draw(st.sampled_from(["utf-16", "latin-1", "cp1258", "utf-32"]))
        parts["word/document.xml"] = text.encode(codec, errors="replace")
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    whole = stream.getvalue()
    if draw(st.booleans()):  # damage the zip itself now and then
        cut = draw(st.integers(0, len(whole)))
        whole = whole[:cut] + draw(st.binary(max_size=16)) + whole[cut + 16:]
    return whole


@FUZZ
@given(data=docx_files())
def test_fuzz_word_documents_for_check(data):
    run_on("docx", data)


@FUZZ
@given(data=docx_files())
def test_fuzz_word_documents_for_extract(data):
    run_on("extract", data)
