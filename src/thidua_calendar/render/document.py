"""A built plan as the document a unit sends: the text of every part, in order.

Nghị định 30/2020/NĐ-CP, Phụ lục I sets what an administrative document holds; for a kế
hoạch (see DOMAIN.md, "The plan as a document"): the issuing body under its parent, "Số:
…/KH-…", the place and date, KẾ HOẠCH and its subject, the opening (what the plan
implements, the year's great anniversaries), the body in Roman-numbered parts, the closing
sentence, the signature block and "Nơi nhận".  The parts::

    I. MỤC ĐÍCH, YÊU CẦU      1. Mục đích   2. Yêu cầu
    II. NỘI DUNG              1. Các đợt thi đua (each đợt with what it greets)
    III. TỔ CHỨC THỰC HIỆN    1. Các mốc thời gian (one sentence per deadline rule)
                              2. Chế độ báo cáo (the reporting regime, recurring reports)

Deadlines are sentences the way plans word them ("Các CĐCS gửi kế hoạch … trước ngày
04/4/2022; riêng CĐCS khối Giáo dục trước ngày 26/8/2022."): what units receive is the
date they must meet, not how it was computed.  The traces go to an appendix only when asked
(``traces=True``).

The texts a plan file leaves out (``document:`` in docs/plans.md) are the defaults below,
in Vietnamese and English; an officer edits them in the file.  Layout (fonts, rules, page
numbers) is :mod:`thidua_calendar.render.docx`'s business.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from thidua_calendar.deadlines import Deadline, Recurring, Rule
from thidua_calendar.plan import Plan, PlanResult
from thidua_calendar.render.deadlines import (
    deadline_phrase,
    level_name,
    recurring_phrase,
    trace_text,
)
from thidua_calendar.render.lines import format_date
from thidua_calendar.render.plan import (
    PeriodStyle,
    issue_line,
    phase_paragraph,
    plan_sections,
)
from thidua_calendar.styles import DOCUMENT_DATE_STYLE, DateStyle, Lang

__all__ = ["DocumentText", "Part", "Section", "document_text", "number_symbol"]

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

#: The ký hiệu of a body at each level of the union, after "/KH-" ("01/KH-CĐCS").
_SYMBOLS = {"tong_lien_doan": "TLĐ", "tinh": "LĐLĐ", "huyen": "LĐLĐ", "nganh": "CĐN",
            "cdcs": "CĐCS", "to_cong_doan": "TCĐ"}
#: Whom a level's deadline addresses, as the subject of a sentence.
_SUBJECTS = {"vi": {"cdcs": "Các CĐCS", "to_cong_doan": "Các tổ công đoàn",
                    "nganh": "Các công đoàn ngành", "huyen": "Các LĐLĐ huyện"},
             "en": {}}
#: A number left blank for the văn thư to fill in: "Số:      /KH-CĐCS".
_BLANK_NUMBER = "\u2002\u2002\u2002\u2002"


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A numbered section of a part ("1. Mục đích") and its paragraphs."""

    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Part:
    """A Roman-numbered part ("I. MỤC ĐÍCH, YÊU CẦU") and its sections."""

    heading: str
    sections: tuple[Section, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentText:
    """Every piece of text of the plan document, in reading order."""

    parent: str | None
    agency: str
    number: str
    issued: str
    heading: str
    title: str
    opening: tuple[str, ...]
    parts: tuple[Part, ...]
    closing: str
    signer: tuple[str, ...]
    signer_name: str | None
    recipients_heading: str
    recipients: tuple[str, ...]
    appendix_heading: tuple[str, ...] = ()
    appendix: tuple[str, ...] = ()


def number_symbol(plan: Plan, /) -> str:
    """The number and symbol as the file gives them, or a blank number before the body's
    symbol: ``"01/KH-CĐCS"``, ``"   /KH-LĐLĐ"``."""
    symbol = _SYMBOLS.get(plan.organisation.level or "") or (
        plan.organisation.short or "…").split()[0]
    number = plan.document.number
    if number is None:
        return f"{_BLANK_NUMBER}/KH-{symbol}"
    if "/" in number:
        return number
    return f"{number}/KH-{symbol}"


def _lower_first(text: str) -> str:
    """"Phát động …" -> "phát động …"; an acronym ("CĐCS …") is kept."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _period_words(plan: Plan, lang: Lang) -> str:
    period = plan.period
    if period.end is not None and period.start.year == period.end.year:
        return f"năm {period.start.year}" if lang == "vi" else f"of {period.start.year}"
    return "trong thời gian thực hiện kế hoạch" if lang == "vi" else "over the plan's period"


def _defaults(plan: Plan, lang: Lang, *, dated: bool = True) -> dict[str, tuple[str, ...]]:
    """The texts a plan file may leave out, filled with the plan's own names (``dated``:
    the plan sets deadlines the reporting part can refer to)."""
    organisation = plan.organisation
    name = organisation.name
    short = organisation.short or name
    title = plan.title if lang == "vi" else (plan.title_en or plan.title)
    when = _period_words(plan, lang)
    if lang == "vi":
        recipients = [f"{organisation.parent} (để báo cáo)"] if organisation.parent else []
        recipients += ["Các đơn vị trực thuộc (để thực hiện)", "Lưu: VT"]
        return {
            "purpose": (
                "Phát huy tinh thần thi đua yêu nước, động viên cán bộ, đoàn viên và người lao "
                f"động thi đua lao động sáng tạo, hoàn thành tốt nhiệm vụ {when}.",
                "Thông qua phong trào thi đua, phát hiện, bồi dưỡng, biểu dương và nhân rộng "
                "các điển hình tiên tiến, gương người tốt, việc tốt.",
            ),
            "requirements": (
                "Phong trào thi đua được triển khai sâu rộng, thiết thực, hiệu quả, tránh hình "
                "thức; nội dung thi đua gắn với nhiệm vụ chính trị của từng đơn vị.",
                "Việc đánh giá, bình xét thi đua, khen thưởng bảo đảm công khai, dân chủ, "
                "chính xác, kịp thời.",
            ),
            "reporting": (
                "Các đơn vị báo cáo kết quả thực hiện phong trào thi đua về "
                f"{short} đúng các mốc thời gian nêu trên." if dated else
                "Các đơn vị báo cáo kết quả thực hiện phong trào thi đua về "
                f"{short} khi kết thúc mỗi đợt thi đua.",
            ),
            "closing": (
                f"Trên đây là Kế hoạch {_lower_first(title)} của {name}. Đề nghị các đơn vị "
                "triển khai thực hiện; trong quá trình thực hiện, nếu có vướng mắc, phản ánh "
                f"về {short} để được hướng dẫn./.",
            ),
            "recipients": tuple(recipients),
        }
    recipients = [f"{organisation.parent} (for information)"] if organisation.parent else []
    recipients += ["Units under this body (for implementation)", "Archives"]
    return {
        "purpose": (
            "To foster the spirit of patriotic emulation and encourage officials, members and "
            f"workers to complete their tasks {when}.",
            "To find, foster, honour and spread good examples through the movement.",
        ),
        "requirements": (
            "The movement is practical and effective, tied to each unit's own tasks.",
            "Assessment and awards are public, democratic, accurate and timely.",
        ),
        "reporting": (f"Units report on the movement to {short} by the dates above." if dated
                      else f"Units report on the movement to {short} after each phase.",),
        "closing": (f"This is the plan “{title}” of {name}. Units are asked to carry it out "
                    f"and to raise any difficulty with {short}./.",),
        "recipients": tuple(recipients),
    }


def _who(rule: Rule, plan: Plan, lang: Lang) -> str | None:
    """The subject of a rule's sentence: its level, unless it is the plan's own."""
    level = rule.level
    if level is None or level == plan.organisation.level:
        return None
    return _SUBJECTS[lang].get(level) or level_name(level, lang=lang)


def _sentence(rule: Rule, deadlines: Sequence[Deadline], plan: Plan, lang: Lang,
              date_style: DateStyle) -> str:
    """One deadline rule as plans word it, its audiences after "riêng"."""
    vi = lang == "vi"
    name = rule.name if vi else rule.name_en
    who = _who(rule, plan, lang)
    default = [d for d in deadlines if d.audience is None]
    others = [d for d in deadlines if d.audience is not None]
    phrases = [deadline_phrase(d, lang=lang, date_style=date_style) for d in default]
    for deadline in others:
        assert deadline.audience is not None
        audience = deadline.audience.name if vi else deadline.audience.name_en
        phrase = deadline_phrase(deadline, lang=lang, date_style=date_style)
        phrases.append(f"riêng {audience} {phrase}" if vi else f"{audience}: {phrase}")
    if who is None:
        text = f"{name} {'; '.join(phrases)}"
    elif vi:
        text = f"{who} {_lower_first(name)} {'; '.join(phrases)}"
    else:
        text = f"{who}: {_lower_first(name)} {'; '.join(phrases)}"
    return text.rstrip(".") + "."


def _recurring_sentence(rule: Rule, deadlines: Sequence[Deadline], lang: Lang,
                        date_style: DateStyle) -> str:
    """A recurring report: its rule in words, then the dates of the plan's period."""
    vi = lang == "vi"
    assert isinstance(rule.when, Recurring)
    name = rule.name if vi else rule.name_en
    rule_words = recurring_phrase(rule.when, rule.wording, lang=lang)
    days = [format_date(d.stated, style=date_style) for d in deadlines]
    if not days:
        return f"{name} {rule_words}."
    listed = ", ".join(days[:-1]) + (" và " if vi else " and ") + days[-1] if len(
        days) > 1 else days[0]
    lead = "các kỳ báo cáo" if vi else "reports due"
    return f"{name} {rule_words} ({lead}: {listed})."


def _numbered(sections: Sequence[tuple[str, tuple[str, ...]]]) -> tuple[Section, ...]:
    kept = [(heading, paragraphs) for heading, paragraphs in sections if paragraphs]
    return tuple(Section(heading=f"{index}. {heading}", paragraphs=paragraphs)
                 for index, (heading, paragraphs) in enumerate(kept, start=1))


def document_text(
    result: PlanResult,
    /,
    *,
    lang: Lang = "vi",
    date_style: DateStyle = DOCUMENT_DATE_STYLE,
    period_style: PeriodStyle = "den",
    period_date_style: DateStyle | None = None,
    traces: bool = False,
) -> DocumentText:
    """The plan document's text; ``traces`` adds the appendix of how each date was found."""
    plan = result.plan
    document = plan.document
    vi = lang == "vi"
    defaults = _defaults(plan, lang, dated=any(
        not isinstance(rule.when, Recurring) for rule in plan.deadlines))
    sections = plan_sections(result, lang=lang, date_style=date_style,
                             period_style=period_style, period_date_style=period_date_style)
    title = sections.title
    organisation = plan.organisation
    lead = (f"{organisation.name} xây dựng Kế hoạch {_lower_first(title)} như sau:" if vi
            else f"{organisation.name} issues this plan as follows:")
    opening = [*sections.preamble]
    if plan.implements:  # "Thực hiện …, <the body> xây dựng …": the body keeps its capital
        opening.append(f"{plan.implements.rstrip(' ,;.')}, {lead}")
    else:
        opening.append(lead)

    by_rule: dict[str, list[Deadline]] = {}
    for deadline in result.schedule.deadlines:
        by_rule.setdefault(deadline.rule.id, []).append(deadline)
    once = tuple(_sentence(rule, by_rule.get(rule.id, []), plan, lang, date_style)
                 for rule in plan.deadlines if not isinstance(rule.when, Recurring))
    recurring = tuple(
        _recurring_sentence(rule, by_rule.get(rule.id, []), lang, date_style)
        for rule in plan.deadlines if isinstance(rule.when, Recurring))
    reporting = (*(document.reporting or defaults["reporting"]), *recurring)

    phases = tuple(
        phase_paragraph(item, lang=lang, date_style=date_style, period_style=period_style,
                        period_date_style=period_date_style)
        for item in result.phases
    )
    parts = [
        ("MỤC ĐÍCH, YÊU CẦU" if vi else "PURPOSE AND REQUIREMENTS", _numbered([
            ("Mục đích" if vi else "Purpose", document.purpose or defaults["purpose"]),
            ("Yêu cầu" if vi else "Requirements",
             document.requirements or defaults["requirements"]),
        ])),
        ("NỘI DUNG" if vi else "CONTENT", _numbered([
            ("Các đợt thi đua" if vi else "Phases", phases),
        ])),
        ("TỔ CHỨC THỰC HIỆN" if vi else "ORGANISATION", _numbered([
            ("Các mốc thời gian" if vi else "Deadlines", once),
            ("Chế độ báo cáo" if vi else "Reporting", reporting),
        ])),
    ]
    signer = document.signer
    signer_lines = tuple(line.upper() for line in (signer.authority, signer.title) if line)
    recipients = document.recipients or defaults["recipients"]
    listed = tuple(
        f"- {item.rstrip(';.')}{'.' if index == len(recipients) - 1 else ';'}"
        for index, item in enumerate(recipients)
    )
    appendix_heading: tuple[str, ...] = ()
    appendix: tuple[str, ...] = ()
    if traces and result.schedule.deadlines:
        number = number_symbol(plan).strip()
        appendix_heading = (
            ("PHỤ LỤC", "CÁCH TÍNH CÁC MỐC THỜI GIAN",
             f"(Kèm theo Kế hoạch số {number})") if vi else
            ("APPENDIX", "HOW EACH DEADLINE WAS FOUND", f"(Attached to plan No. {number})"))
        rows = []
        for deadline in sorted(result.schedule.deadlines, key=lambda d: d.due):
            name = deadline.rule.name if vi else deadline.rule.name_en
            if deadline.audience is not None:
                name += f" ({deadline.audience.name if vi else deadline.audience.name_en})"
            trace = trace_text(deadline, lang=lang, date_style=date_style)
            rows.append(f"{name}: {trace}.")
        appendix = tuple(rows)
    return DocumentText(
        parent=organisation.parent,
        agency=organisation.name,
        number=f"{'Số' if vi else 'No.'}: {number_symbol(plan)}",
        issued=issue_line(organisation.place, plan.issued, plan.issued_precision, lang=lang),
        heading=sections.heading,
        title=title,
        opening=tuple(opening),
        parts=tuple(Part(heading=f"{_ROMAN[index]}. {heading}", sections=body)
                    for index, (heading, body) in enumerate(parts) if body),
        closing=document.closing or defaults["closing"][0],
        signer=signer_lines,
        signer_name=signer.name,
        recipients_heading="Nơi nhận:" if vi else "Recipients:",
        recipients=listed,
        appendix_heading=appendix_heading,
        appendix=appendix,
    )
