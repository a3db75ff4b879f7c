"""Every hostile or unlucky input of issue #16 ends in one sentence and exit 2, in bounded
time and memory; output errors, interrupts and -o respect what is there."""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import docx
import pytest

from thidua_calendar.cli import main

ROOT = Path(__file__).parents[2]
SEED = ROOT / "examples" / "seeds" / "001.yaml"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
ENV.pop("THIDUA_CALENDAR_DEBUG", None)


def run(capsys, *argv: str, lang: str = "en") -> tuple[int, str, str]:
    """The command line in process; messages in English unless ``lang`` says otherwise."""
    status = main([*argv, "--lang", lang])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def one_sentence(err: str, *words: str, lang: str = "en") -> None:
    """stderr is one line, no traceback, and names each of ``words``."""
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    assert err.startswith("thidua-calendar: error: " if lang == "en"
                          else "thidua-calendar: lỗi: "), err
    for word in words:
        assert word in err, (word, err)


def process(*argv: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "thidua_calendar", *argv, "--lang", "en"],
                          cwd=cwd,
                          env=env or ENV, capture_output=True, text=True, timeout=60,
                          **options)  # type: ignore[call-overload]


# -- YAML ----------------------------------------------------------------------------------

LAUGHS = textwrap.dedent("""\
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
    """)

YAML_CASES = [
    pytest.param(LAUGHS, 7, "aliases", id="billion-laughs"),
    pytest.param("{[a]: 1}\n", 1, "a key must be plain text", id="list-as-key"),
    pytest.param("a: &a [*a]\n", 1, "contains it", id="self-alias"),
    pytest.param("title: !!int zz\n", 1, "'zz' is not a valid int", id="bad-int"),
    pytest.param("title: !!timestamp 2020-13-45\n", 1, "'2020-13-45' is not a valid timestamp",
                 id="bad-timestamp"),
    pytest.param("a:" + " [" * 200 + " ]" * 200 + "\n", 1, "nested", id="deep-nesting"),
]

#: Each YAML input the command line reads, as (arguments before the file, after it).
YAML_COMMANDS = {
    "plan": (["plan"], []),
    "catalog": (["anniversaries", "2026", "--catalog"], []),
    "holidays": (["workdays", "2026", "--holidays"], []),
    "deadlines": (["deadlines"], []),
}


@pytest.mark.parametrize("command", YAML_COMMANDS)
@pytest.mark.parametrize(("text", "line", "words"), YAML_CASES)
def test_hostile_yaml_is_one_sentence_at_once(tmp_path, capsys, command, text, line, words):
    path = tmp_path / "input.yaml"
    path.write_text(text, encoding="utf-8")
    before, after = YAML_COMMANDS[command]
    started = time.perf_counter()
    status, out, err = run(capsys, *before, str(path), *after)
    elapsed = time.perf_counter() - started
    assert (status, out) == (2, "")
    one_sentence(err, f"{path}:{line}:", words)
    assert elapsed < 5  # the expansion is never walked (a minute of CPU before the fix)


def test_a_billion_laughs_is_789_bytes_and_refused_before_any_walk(tmp_path):
    from thidua_calendar.errors import PlanError
    from thidua_calendar.files.yaml_input import MAX_VALUES, compose

    assert len(LAUGHS.encode()) < 800
    with pytest.raises(PlanError, match=f"more than {MAX_VALUES:,} values"):
        compose(LAUGHS, "p.yaml", PlanError, expected="a plan")


def test_aliases_that_stay_small_still_work(tmp_path):
    from thidua_calendar.errors import PlanError
    from thidua_calendar.files.yaml_input import compose, construct

    text = "a: &x [1, 2]\nb: *x\nc: {k: *x}\n"
    data = construct(compose(text, "p.yaml", PlanError, expected="a plan"), "p.yaml", PlanError)
    assert data == {"a": [1, 2], "b": [1, 2], "c": {"k": [1, 2]}}


# -- years that leave the calendar -----------------------------------------------------------

def test_a_period_ending_in_9999_is_one_sentence(tmp_path, capsys):
    plan = tmp_path / "p.yaml"
    plan.write_text(SEED.read_text(encoding="utf-8").replace("  end: 2022-12-31", "  end: 9999-12"),
                    encoding="utf-8")
    status, out, err = run(capsys, "plan", str(plan))
    assert (status, out) == (2, "")
    one_sentence(err, f"{plan}:", "period.end", "9999-12", "1900-2100")


@pytest.mark.parametrize("stamp", ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"])
def test_a_dtstamp_outside_the_calendar_is_a_usage_error(capsys, stamp):
    with pytest.raises(SystemExit) as exit_:
        main(["ics", str(SEED), "--dtstamp", stamp])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert stamp in err
    assert "1900-2100" in err


# -- Word documents ---------------------------------------------------------------------------

def _docx_with(tmp_path: Path, document_xml: bytes, name: str = "d.docx") -> Path:
    """A real .docx (python-docx's template) whose word/document.xml is replaced."""
    source = io.BytesIO()
    docx.Document().save(source)
    path = tmp_path / name
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = document_xml if item.filename == "word/document.xml" else old.read(item)
            new.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    return path


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_CASES = [
    pytest.param(b"<w:document xmlns:w='" + W.encode() + b"'><w:body><w:p>", "XML cannot be read",
                 id="malformed"),
    pytest.param(b"", "XML cannot be read", id="empty"),
    pytest.param(b"<?xml version='1.0' encoding='utf-8'?><w:document xmlns:w='" + W.encode()
                 + b"'><w:body><w:p><w:r><w:t>ng\xe0y</w:t></w:r></w:p></w:body></w:document>",
                 "XML cannot be read", id="not-utf-8"),
    pytest.param(b"<?xml version='1.0' encoding='utf-8'?><root>text</root>", "<w:document>",
                 id="wrong-root"),
    pytest.param(b"<w:document xmlns:w='" + W.encode() + b"'/>", "<w:body>", id="no-body"),
]


@pytest.mark.parametrize("command", ["check", "extract"])
@pytest.mark.parametrize(("xml", "words"), DOCX_CASES)
def test_a_damaged_word_document_is_one_sentence(tmp_path, capsys, command, xml, words):
    path = _docx_with(tmp_path, xml)
    status, out, err = run(capsys, command, str(path))
    assert (status, out) == (2, "")
    one_sentence(err, str(path), words)


def test_a_docx_bomb_is_refused_from_its_zip_directory(tmp_path, capsys):
    """30 MB of XML in a few tens of KB: refused before decompressing (it took 73 s and
    1.6 GB to parse the like of it)."""
    body = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * (30 * 1024 * 1024 // 34)
    xml = b"<w:document xmlns:w='" + W.encode() + b"'><w:body>" + body + b"</w:body></w:document>"
    path = _docx_with(tmp_path, xml)
    assert path.stat().st_size < 1024 * 1024
    started = time.perf_counter()
    status, _, err = run(capsys, "check", str(path))
    assert time.perf_counter() - started < 3
    assert status == 2
    one_sentence(err, str(path), "word/document.xml", "THIDUA_CALENDAR_MAX_INPUT_MB")


def test_a_part_compressed_too_well_is_refused_by_its_ratio(tmp_path, capsys):
    body = b"<w:p/>" * (4 * 1024 * 1024 // 6)  # 4 MB, under the size limit, ratio ~1000
    xml = b"<w:document xmlns:w='" + W.encode() + b"'><w:body>" + body + b"</w:body></w:document>"
    path = _docx_with(tmp_path, xml)
    status, _, err = run(capsys, "check", str(path))
    assert status == 2
    one_sentence(err, str(path), "times its size")


def test_the_size_limits_can_be_raised(tmp_path, monkeypatch, capsys):
    from thidua_calendar.files import input as inputs

    big = tmp_path / "big.txt"
    big.write_text("Kế hoạch\n" + "x" * (6 * 1024 * 1024), encoding="utf-8")
    monkeypatch.setattr(inputs, "LIMITS", inputs.Limits())
    status, _, err = run(capsys, "check", str(big))
    assert status == 2
    one_sentence(err, str(big), "larger than the limit of 5 MB", "THIDUA_CALENDAR_MAX_INPUT_MB")
    monkeypatch.setenv("THIDUA_CALENDAR_MAX_INPUT_MB", "7")
    status, _, err = run(capsys, "check", str(big))
    assert "larger than the limit" not in err
    monkeypatch.setenv("THIDUA_CALENDAR_MAX_INPUT_MB", "lots")
    status, _, err = run(capsys, "check", str(big))
    assert status == 2
    one_sentence(err, "THIDUA_CALENDAR_MAX_INPUT_MB='lots'")


@pytest.mark.parametrize("title", ["T" * 256, "Kế hoạch\x07 thi đua\x1b năm 2022"],
                         ids=["256-characters", "control-characters"])
def test_a_docx_plan_with_an_awkward_title_is_a_valid_file(tmp_path, capsys, title):
    plan = tmp_path / "p.yaml"
    text = SEED.read_text(encoding="utf-8")
    escaped = title.replace("\x07", "\\a").replace("\x1b", "\\e")
    plan.write_text(re.sub(r"^title: .*$", lambda _: f'title: "{escaped}"', text, count=1,
                           flags=re.MULTILINE), encoding="utf-8")
    out = tmp_path / "p.docx"
    status, _, err = run(capsys, "plan", str(plan), "--format", "docx", "-o", str(out),
                         lang="vi")
    assert status == 0, err
    document = docx.Document(str(out))
    assert len(document.core_properties.title) <= 255
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", document.core_properties.title)
    clean = re.sub(r"[\x00-\x1f]", "", title)
    body = "\n".join(paragraph.text for paragraph in document.paragraphs).replace("\xa0", " ")
    assert clean in body  # the body keeps the whole title
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is needed to open the Word file in CI")
        return
    converted = subprocess.run(
        [office, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp_path / "txt"),
         str(out)], capture_output=True, text=True, timeout=120)
    assert converted.returncode == 0, converted.stderr
    text = (tmp_path / "txt" / "p.txt").read_text(encoding="utf-8-sig").replace("\xa0", " ")
    assert clean in text  # LibreOffice opens the file and reads the whole title


# -- inputs that are not regular files --------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("command", [["plan"], ["check"], ["extract"], ["deadlines"],
                                     ["anniversaries", "2026", "--catalog"]])
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path, command):
    fifo = tmp_path / "input"
    os.mkfifo(fifo)
    result = process(*command, str(fifo))
    assert result.returncode == 2
    one_sentence(result.stderr, str(fifo), "not a regular file")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize("command", [["plan"], ["check"], ["workdays", "2026", "--holidays"]])
def test_a_device_is_refused_without_reading_it(capsys, command):
    status, _, err = run(capsys, *command, "/dev/zero")
    assert status == 2
    one_sentence(err, "/dev/zero", "not a regular file")


def test_the_messages_are_vietnamese_by_default(tmp_path, capsys):
    status, _, err = run(capsys, "plan", "/dev/zero", lang="vi")
    assert status == 2
    one_sentence(err, "/dev/zero", "không phải tệp thường", lang="vi")
    (tmp_path / "p.yaml").write_text(LAUGHS, encoding="utf-8")
    status, _, err = run(capsys, "plan", str(tmp_path / "p.yaml"), lang="vi")
    one_sentence(err, "bí danh", lang="vi")


def test_a_folder_is_refused(tmp_path, capsys):
    status, _, err = run(capsys, "plan", str(tmp_path))
    assert status == 2
    one_sentence(err, str(tmp_path), "folder")


def test_a_file_that_is_not_utf8_names_the_line(tmp_path, capsys):
    plan = tmp_path / "p.yaml"
    plan.write_bytes("title: Kế hoạch\nissued: 2026\n".encode() + b"x: \xff\n")
    status, _, err = run(capsys, "plan", str(plan))
    assert status == 2
    one_sentence(err, f"{plan}:3:", "not UTF-8")


# -- output ------------------------------------------------------------------------------------

def test_output_over_the_input_is_refused(tmp_path, capsys):
    plan = tmp_path / "p.yaml"
    plan.write_bytes(SEED.read_bytes())
    status, _, err = run(capsys, "plan", str(plan), "-o", str(plan))
    assert status == 2
    one_sentence(err, str(plan), "input")
    assert plan.read_bytes() == SEED.read_bytes()
    link = tmp_path / "link.yaml"
    link.symlink_to(plan)
    status, _, err = run(capsys, "plan", str(plan), "-o", str(link))
    assert status == 2
    assert plan.read_bytes() == SEED.read_bytes()


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_output_never_replaces_a_device(capsys):
    status, _, err = run(capsys, "plan", str(SEED), "-o", "/dev/null")
    assert status == 2
    one_sentence(err, "/dev/null", "device")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_keeps_the_mode_of_an_existing_file(tmp_path, capsys):
    out = tmp_path / "out.txt"
    out.write_text("old\n")
    out.chmod(0o600)
    assert run(capsys, "plan", str(SEED), "-o", str(out))[0] == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "Emulation movement" in out.read_text(encoding="utf-8")


def test_output_writes_through_a_symlink(tmp_path, capsys):
    target = tmp_path / "real.txt"
    target.write_text("old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target.name)
    assert run(capsys, "plan", str(SEED), "-o", str(link))[0] == 0
    assert link.is_symlink()
    assert os.readlink(link) == target.name
    assert "Emulation movement" in target.read_text(encoding="utf-8")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["link.txt", "real.txt"]


def test_a_full_disk_is_one_sentence():
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "thidua_calendar", "plan", str(SEED),
                                 "--lang", "en"],
                                env=ENV, stdout=full, stderr=subprocess.PIPE, text=True,
                                timeout=60)
    assert result.returncode == 2
    one_sentence(result.stderr, "No space left on device")


def test_a_closed_stdout_is_one_sentence():
    result = subprocess.run([sys.executable, "-m", "thidua_calendar", "plan", str(SEED),
                                 "--lang", "en"],
                            env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, timeout=60, pass_fds=(),
                            preexec_fn=lambda: os.close(1))
    assert result.returncode == 2
    one_sentence(result.stderr, "standard output is closed")


def test_an_ascii_console_gets_utf8_and_no_traceback():
    """An ASCII-only console (PYTHONIOENCODING=ascii) used to end in UnicodeEncodeError:
    the command line now writes UTF-8 whatever the console says."""
    result = subprocess.run([sys.executable, "-m", "thidua_calendar", "plan", str(SEED)],
                            env={**ENV, "PYTHONIOENCODING": "ascii"}, capture_output=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Phát động".encode() in result.stdout
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupt_during_a_write_leaves_no_temporary_file(tmp_path, signum, status):
    """The signal arrives while the output's temporary file exists, before the rename."""
    script = textwrap.dedent(f"""
        import os, sys, time
        from thidua_calendar.cli import main
        real_replace = os.replace
        def slow_replace(source, target):
            os.kill(os.getpid(), {int(signum)})
            time.sleep(5)
            real_replace(source, target)
        os.replace = slow_replace
        sys.exit(main(["plan", {str(SEED)!r}, "-o", {str(tmp_path / "out.txt")!r}]))
        """)
    result = subprocess.run([sys.executable, "-c", script], env=ENV, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_sigterm_during_a_library_write_removes_the_temporary_file(tmp_path):
    script = textwrap.dedent(f"""
        import os, time
        from thidua_calendar.files import output
        def slow_replace(source, target):
            os.kill(os.getpid(), 15)
            time.sleep(5)
        os.replace = slow_replace
        try:
            output.write_atomic({str(tmp_path / "out.txt")!r}, "data")
        except output.Terminated:
            raise SystemExit(143)
        """)
    result = subprocess.run([sys.executable, "-c", script], env=ENV, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 143, result.stderr
    assert list(tmp_path.iterdir()) == []


# -- feeds carry no local paths -----------------------------------------------------------------

LOCAL_DAY = textwrap.dedent("""\
    local:
      - id: thanh_lap_truong
        name: Ngày thành lập Trường
        origin: 1962-05-05
    """)


def _plan_with_a_local_day(folder: Path) -> Path:
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("greet:\n  - ids: [thanh_lap_cong_doan_vn]",
                        "greet:\n  - ids: [thanh_lap_cong_doan_vn, thanh_lap_truong]")
    plan = folder / "plans" / "ke-hoach.yaml"
    plan.parent.mkdir(parents=True)
    plan.write_text(text + LOCAL_DAY, encoding="utf-8")
    return plan


def test_the_same_plan_gives_the_same_feed_from_anywhere(tmp_path):
    plan = _plan_with_a_local_day(tmp_path)
    other = tmp_path / "elsewhere"
    other.mkdir()
    spellings = [
        (tmp_path, "plans/ke-hoach.yaml"),
        (tmp_path / "plans", "ke-hoach.yaml"),
        (other, "../plans/./ke-hoach.yaml"),
        (other, str(plan)),
    ]
    feeds = []
    for cwd, name in spellings:
        result = process("ics", name, "--dtstamp", "2022-03-01T00:00:00Z", cwd=cwd)
        assert result.returncode == 0, result.stderr
        feeds.append(result.stdout)
    assert "thanh_lap_truong" in feeds[0]
    assert all(feed == feeds[0] for feed in feeds)
    assert "file:" not in feeds[0]
    assert str(tmp_path) not in feeds[0]
    assert "ke-hoach.yaml" not in feeds[0]


def test_a_local_day_cites_its_own_sources(tmp_path, capsys):
    plan = _plan_with_a_local_day(tmp_path)
    plan.write_text(plan.read_text(encoding="utf-8")
                    + "    sources:\n"
                    "      - title: Quyết định thành lập Trường\n"
                    "        url: https://example.org/quyet-dinh\n", encoding="utf-8")
    status, out, err = run(capsys, "ics", str(plan), "--dtstamp", "2022-03-01T00:00:00Z")
    assert status == 0, err
    unfolded = out.replace("\r\n ", "")
    assert "Quyết định thành lập Trường <https://example.org/quyet-dinh>" in unfolded


# -- deadline rules chained by feeds -----------------------------------------------------------

def _chain(count: int, *, reverse: bool) -> str:
    rules = [f"  - id: r{n}\n    name: Rule {n}\n    feeds: r{n - 1}\n    lead_working_days: 0\n"
             "    level: cdcs\n" for n in range(1, count)]
    first = "  - id: r0\n    name: Rule 0\n    date: 2022-12-20\n    wording: truoc_ngay\n"
    first += "    level: tinh\n"
    body = "".join(reversed(rules)) + first if reverse else first + "".join(rules)
    return ("year: 2022\nphases:\n  - id: dot_1\n    name: Đợt 1\n    start: 2022-01-01\n"
            "    end: 2022-12-31\ndeadlines:\n" + body)


def test_2000_rules_chained_by_feeds_in_either_order(tmp_path, capsys):
    """Listed from the chain's end, the rules recursed 2,000 levels deep (RecursionError);
    the chain check walked each chain again for every rule (40 s; benchmarks/bench_growth.py
    shows the growth now)."""
    import json

    results = []
    for reverse in (False, True):
        path = tmp_path / f"rules-{reverse}.yaml"
        path.write_text(_chain(2000, reverse=reverse), encoding="utf-8")
        status, out, err = run(capsys, "deadlines", str(path), "--format", "json")
        assert status == 0, err
        results.append(sorted(json.dumps(item, sort_keys=True)
                              for item in json.loads(out)["deadlines"]))
    assert len(results[0]) == 2000
    assert results[0] == results[1]


def test_a_circle_of_feeds_is_still_named(tmp_path, capsys):
    path = tmp_path / "rules.yaml"
    text = _chain(5, reverse=False).replace(
        "  - id: r0\n    name: Rule 0\n    date: 2022-12-20\n    wording: truoc_ngay\n",
        "  - id: r0\n    name: Rule 0\n    feeds: r4\n    lead_working_days: 0\n")
    path.write_text(text, encoding="utf-8")
    status, _, err = run(capsys, "deadlines", str(path))
    assert status == 2
    one_sentence(err, "circle", "r0 -> r4 -> r3 -> r2 -> r1 -> r0")


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_site_build_leaves_no_hidden_file(tmp_path, signum, status):
    """The signal arrives after every changed file has its temporary copy, before the first
    rename: the published folder keeps no ``.NAME.tmp`` that a web server would serve."""
    site = tmp_path / "site"
    script = textwrap.dedent(f"""
        import os, sys, time
        from thidua_calendar.cli import main
        def slow_replace(source, target):
            os.kill(os.getpid(), {int(signum)})
            time.sleep(5)
        os.replace = slow_replace
        sys.exit(main(["site", {str(SEED)!r}, "-o", {str(site)!r}]))
        """)
    result = subprocess.run([sys.executable, "-c", script], env=ENV, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr
    assert [path.name for path in site.iterdir() if path.name.startswith(".")] == []


def test_a_site_build_removes_what_a_killed_build_left(tmp_path, capsys):
    """A build killed outright leaves its hidden temporary files; the next build removes
    those of processes that are gone, and leaves a running build's alone."""
    site = tmp_path / "site"
    assert run(capsys, "site", str(SEED), "-o", str(site))[0] == 0
    feed = next(path.name for path in site.iterdir() if path.suffix == ".ics")
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    stale = site / f".{feed}.{int(gone.stdout)}.0.tmp"
    stale.write_bytes(b"half a feed")
    running = site / f".{feed}.{os.getppid()}.0.tmp"
    running.write_bytes(b"another build's")
    foreign = site / ".notes.12345.0.tmp"
    foreign.write_bytes(b"not ours")
    assert run(capsys, "site", str(SEED), "-o", str(site))[0] == 0
    assert not stale.exists()
    assert running.exists()
    assert foreign.exists()
