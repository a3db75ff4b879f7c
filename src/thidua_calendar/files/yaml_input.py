"""YAML input with positions: the shared part of every file format the library reads.

Catalogs, holiday announcements and deadline rules are YAML files validated with pydantic.
This module reads such a file keeping each node's line, refuses what PyYAML would silently
accept (a key given twice, an unquoted impossible date), and turns the first validation
problem into one :class:`~thidua_calendar.errors.InputError` sentence naming the file, the
line, the item's id and the field.  Imported only when a file has to be validated: PyYAML
and pydantic take longer to import than a short command's whole run.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml
from pydantic import ValidationError

from thidua_calendar.errors import InputError
from thidua_calendar.files.input import read_text

__all__ = [
    "child",
    "compose",
    "construct",
    "line_of",
    "read_text",
    "validation_error",
]


_BOOL = "tag:yaml.org,2002:bool"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_YAML_1_2_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


def _without_timestamps(base: type[Any]) -> type[Any]:
    """A loader class that leaves dates as the strings the file wrote, and reads only
    ``true``/``false`` as booleans.

    An unquoted ``origin: 2000-02-30`` would otherwise fail inside PyYAML with no line;
    kept as text it reaches the field's own check, which names the line and the field.
    YAML 1.1 also reads ``off``, ``on``, ``yes`` and ``no`` as booleans, which would turn a
    swap's ``off:`` key into ``False``; YAML 1.2 and these formats do not.
    """
    resolvers: dict[Any, list[tuple[str, Any]]] = {}
    for first, entries in base.yaml_implicit_resolvers.items():
        kept = [(tag, regexp) for tag, regexp in entries if tag not in (_TIMESTAMP, _BOOL)]
        if first in tuple("tTfF"):
            kept.append((_BOOL, _YAML_1_2_BOOL))
        resolvers[first] = kept
    return type(f"Dateless{base.__name__}", (base,), {"yaml_implicit_resolvers": resolvers})


_LOADER = _without_timestamps(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
_CONSTRUCTOR = _without_timestamps(yaml.SafeLoader)


def compose(text: str, path: str, error: type[InputError], *, expected: str) -> yaml.MappingNode:
    """The document's root mapping, with positions; ``expected`` describes it in errors."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as problem:
        raise _syntax_error(problem, text, path, error) from None
    except yaml.YAMLError as problem:
        raise error(f"the file is not valid YAML: {problem}", path=path) from None
    if root is None:
        raise error(f"the file is empty; it needs {expected}", path=path)
    if not isinstance(root, yaml.MappingNode):
        raise error(
            f"the file must be a mapping with {expected}", path=path,
            line=root.start_mark.line + 1,
        )
    _check_graph(root, path, error)
    _reject_duplicate_keys(root, path, error)
    return root


#: How many values a document may hold once its aliases are expanded.  A plan or catalog
#: of thousands of entries has tens of thousands; a "billion laughs" has billions.
MAX_VALUES = 1_000_000
#: How deeply lists and mappings may nest.
MAX_DEPTH = 64


def _check_graph(root: yaml.Node, path: str, error: type[InputError]) -> None:
    """Refuse, before anything walks the document, an alias that contains itself, nesting
    deeper than :data:`MAX_DEPTH`, a key that is a list or a mapping, and aliases that
    expand to more than :data:`MAX_VALUES` values.

    Composing shares an aliased node instead of copying it, so the graph is as small as the
    text; the expanded size is counted once per node (memoised), in linear time.
    """
    expanded: dict[int, int] = {}
    # An explicit stack of (node, depth, children entered?), so no recursion limit is hit.
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    open_nodes: set[int] = set()
    while stack:
        node, depth, entered = stack.pop()
        key = id(node)
        children: list[yaml.Node]
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        else:
            expanded[key] = 1
            continue
        if entered:
            open_nodes.discard(key)
            total = 1 + sum(expanded[id(part)] for part in children)
            if total > MAX_VALUES:
                raise error(
                    f"the file's aliases (*name) expand to more than {MAX_VALUES:,} values; "
                    "write the values out instead of repeating anchors",
                    vi=f"các bí danh (*tên) trong tệp nở ra hơn {MAX_VALUES:,} giá trị; hãy "
                    "viết thẳng các giá trị thay vì lặp lại neo (&tên)",
                    path=path, line=node.start_mark.line + 1)
            expanded[key] = total
            continue
        if key in expanded:
            continue
        if depth > MAX_DEPTH:
            raise error(f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
                        vi=f"danh sách và bảng khoá lồng nhau sâu quá {MAX_DEPTH} mức",
                        path=path, line=node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key_node, _ in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise error("a key must be plain text, not a list or a mapping",
                                vi="khoá phải là chữ, không phải danh sách hay bảng khoá",
                                path=path, line=key_node.start_mark.line + 1)
        open_nodes.add(key)
        stack.append((node, depth, True))
        for part in children:
            if id(part) in open_nodes:
                raise error("an alias (*name) refers to the list or mapping that contains it",
                            vi="bí danh (*tên) trỏ tới chính danh sách hay bảng khoá chứa nó",
                            path=path, line=part.start_mark.line + 1)
            if id(part) not in expanded:
                stack.append((part, depth + 1, False))


def construct(root: yaml.Node, path: str, error: type[InputError]) -> Any:
    """The plain Python data of a composed document (dates stay strings)."""
    loader = _CONSTRUCTOR("")
    try:
        return loader.construct_document(root)
    except yaml.constructor.ConstructorError as problem:
        mark = problem.problem_mark
        line = mark.line + 1 if mark is not None else None
        raise error(f"cannot read the value: {problem.problem}", path=path, line=line) from None
    except Exception:
        # A value its explicit tag cannot hold ("!!int zz", "!!timestamp 2020-13-45"):
        # find the scalar that fails on its own, for its line.
        raise _bad_tagged_scalar(root, path, error) from None


def _bad_tagged_scalar(root: yaml.Node, path: str, error: type[InputError]) -> InputError:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(reversed([part for pair in node.value for part in pair]))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        else:
            try:
                _CONSTRUCTOR("").construct_object(node)
            except Exception:
                tag = node.tag.rsplit(":", 1)[-1]
                return error(f"{node.value!r} is not a valid {tag} value",
                             vi=f"“{node.value}” không phải giá trị {tag} hợp lệ",
                             path=path, line=node.start_mark.line + 1)
    return error("a value cannot be read", vi="có một giá trị không đọc được", path=path)


#: The key written on a line (with trailing blanks: strip it).  Greedy and anchored, so that
#: a long line without a colon costs one pass, not one per character.
_KEY = re.compile(r"^[ \t]*+(?:-[ \t]++)?(?P<key>[^\s:#'\"\[\]{}][^:#]*+):(?:[ \t]|$)")


def _syntax_error(problem: yaml.MarkedYAMLError, text: str, path: str,
                  error: type[InputError]) -> InputError:
    """One sentence for a YAML syntax error, with the key written on its line as the field.
    An unclosed bracket or quote is reported on the line that opens it: PyYAML notices it
    later, often on the next line."""
    reason = problem.problem or problem.context or "it cannot be parsed"
    mark = problem.problem_mark
    context = problem.context_mark
    opened = (problem.context or "").startswith(("while parsing a flow",
                                                  "while scanning a quoted scalar"))
    if opened and context is not None and (mark is None or context.line < mark.line):
        noticed = f" (noticed on line {mark.line + 1})" if mark is not None else ""
        reason = f"{reason}, {problem.context}{noticed}"
        mark = context
    line = mark.line + 1 if mark is not None else None
    field = None
    if line is not None:
        lines = text.splitlines()
        if line <= len(lines) and (key := _KEY.match(lines[line - 1])) is not None:
            field = key["key"].strip()
    return error(f"the file is not valid YAML: {reason}", path=path, line=line, field=field,
                 vi=_syntax_vi(problem))


#: PyYAML's problems, in plain Vietnamese words, by how they start.
_SYNTAX_VI = (
    ("mapping values are not allowed", "dấu hai chấm đặt sai chỗ: có lẽ thiếu dấu cách sau "
     "dấu hai chấm ở dòng trên, hoặc một giá trị chứa “: ” cần đặt trong ngoặc kép"),
    ("found character", "có một ký tự không được đứng đầu giá trị (thường là dấu tab: YAML "
     "chỉ thụt đầu dòng bằng dấu cách)"),
    ("expected <block end>", "thụt đầu dòng không thẳng hàng với các dòng cùng cấp"),
    ("could not find expected ':'", "thiếu dấu hai chấm sau tên khóa"),
    ("found undefined alias", "gọi một neo (*…) chưa được đặt"),
    ("found unexpected end of stream", "tệp kết thúc khi một dấu nháy hay dấu ngoặc chưa đóng"),
    ("found unexpected ':'", "dấu hai chấm đặt sai chỗ"),
    ("did not find expected key", "thụt đầu dòng không đúng: một dòng không thẳng hàng với "
     "các khóa cùng cấp"),
    ("did not find expected ',' or ']'", "danh sách [...] chưa đóng hoặc thiếu dấu phẩy"),
    ("did not find expected ',' or '}'", "bảng {...} chưa đóng hoặc thiếu dấu phẩy"),
    ("found duplicate anchor", "một neo (&…) được đặt hai lần"),
)


def _syntax_vi(problem: yaml.MarkedYAMLError) -> str:
    """A YAML syntax error explained in plain Vietnamese."""
    said = problem.problem or ""
    context = problem.context or ""
    words = next((vi for start, vi in _SYNTAX_VI if said.startswith(start)), None)
    if words is None:
        if context.startswith("while scanning a quoted scalar"):
            words = "dấu nháy chưa đóng"
        elif context.startswith("while parsing a flow"):
            words = "dấu ngoặc chưa đóng"
        else:
            words = f"không đọc được ({said or context or 'lỗi cú pháp'})"
    return f"tệp không đúng cú pháp YAML: {words}"


def _reject_duplicate_keys(root: yaml.Node, path: str, error: type[InputError]) -> None:
    """Refuse a key given twice in one mapping; each node is looked at once, however many
    aliases share it."""
    seen_nodes: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            seen: set[object] = set()
            for key, _value in node.value:
                if key.value in seen:
                    raise error(
                        f"the key {key.value!r} appears twice in one mapping",
                        path=path,
                        line=key.start_mark.line + 1,
                        field=str(key.value),
                    )
                seen.add(key.value)
            stack.extend(reversed([value for _, value in node.value]))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))


def child(node: yaml.Node, key: str | int) -> yaml.Node | None:
    """The value node under ``key`` of a mapping, or item ``key`` of a sequence."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if key_node.value == key:
                return value  # type: ignore[no-any-return]
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]  # type: ignore[no-any-return]
    return None


def line_of(node: yaml.Node, loc: Sequence[str | int]) -> int:
    """The line of the deepest node along ``loc`` that exists (1-based)."""
    for key in loc:
        found = child(node, key)
        if found is None:
            break
        node = found
    return int(node.start_mark.line) + 1


def validation_error(
    problem: ValidationError,
    root: yaml.Node,
    data: Any,
    path: str,
    error: type[InputError],
    *,
    prefix: tuple[str | int, ...] = (),
    items: str,
    item: str | None = None,
    see: str,
) -> InputError:
    """The first pydantic problem as one sentence at its line.

    Items are the members of the top-level list named ``items`` (``entries``,
    ``deadlines``, ``announcements``); the error names such an item by its ``id`` (or
    ``year``) and the field by its dotted path inside the item.  ``see`` names the page
    documenting the format.
    """
    details = problem.errors(include_url=False)
    # A misspelt key shows up twice, as an unknown key and as a missing one; the unknown
    # one points at the line to fix.
    first = next((d for d in details if d["type"] == "extra_forbidden"), details[0])
    # Drop the tags pydantic adds for the members of a union ("list[_PhaseModel]").
    loc = prefix + tuple(
        part for part in first["loc"]
        if isinstance(part, int) or (isinstance(part, str) and not _is_union_tag(part))
    )
    entry_id = None
    field_path: str | None
    if len(loc) >= 2 and loc[0] == items and isinstance(loc[1], int):
        members = data.get(items) if isinstance(data, Mapping) else None
        raw = members[loc[1]] if isinstance(members, list) and loc[1] < len(members) else None
        if isinstance(raw, Mapping):
            for key in ("id", "year"):
                if isinstance(raw.get(key), (str, int)) and not isinstance(raw.get(key), bool):
                    entry_id = str(raw[key])
                    break
        field_path = ".".join(str(part) for part in loc[2:]) or None
    else:
        field_path = ".".join(str(part) for part in loc) or None
    english, vietnamese = _reasons(first, see)
    return error(
        english,
        vi=vietnamese,
        path=path,
        line=line_of(root, loc),
        entry_id=entry_id,
        field=field_path,
        item=item if entry_id is not None else None,
    )


def _is_union_tag(part: str) -> bool:
    return part.startswith("_") or "[" in part


#: What a value of each pydantic type is called, in Vietnamese.
_TYPES_VI = {
    "int": "một số nguyên", "float": "một số", "string": "một đoạn chữ", "bool":
    "true hoặc false", "list": "một danh sách", "dict": "một bảng “khóa: giá trị”",
    "model": "một bảng “khóa: giá trị”", "date": "một ngày",
}
#: What each pattern of files/fields.py asks for, in Vietnamese.
_PATTERNS_VI = {
    r"\S": "chữ trống; hãy ghi nội dung",
    r"^[a-z][a-z0-9_]*$": "mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu "
                          "bằng một chữ",
    r"^https?://\S+$": "địa chỉ phải bắt đầu bằng http:// hoặc https://",
}


def _reasons(detail: Mapping[str, Any], see: str) -> tuple[str, str]:
    """The first pydantic problem in plain words: in English, and in Vietnamese."""
    kind = detail["type"]
    context = detail.get("ctx") or {}
    value = detail.get("input")
    if kind == "missing":
        return "the field is required but missing", "thiếu trường bắt buộc này"
    if kind == "extra_forbidden":
        return (f"unknown field; see {see} for the fields allowed here",
                f"trường này không có trong định dạng; xem {see} để biết các trường được dùng")
    if kind == "too_short" and "min_length" in context:
        least = context["min_length"]
        if not value:
            return (f"the list is empty; give at least {least} "
                    f"item{'s' if least != 1 else ''}",
                    f"danh sách trống; cần ít nhất {least} mục")
        return (f"the list has {len(value)} item(s); give at least {least}",
                f"danh sách có {len(value)} mục; cần ít nhất {least}")
    if kind == "string_too_short":
        return "the text is empty; write something here", "chữ trống; hãy ghi nội dung"
    bounds = {"greater_than_equal": ("ge", "at least", "ít nhất"),
              "greater_than": ("gt", "more than", "lớn hơn"),
              "less_than_equal": ("le", "at most", "nhiều nhất"),
              "less_than": ("lt", "less than", "nhỏ hơn")}
    if kind in bounds and bounds[kind][0] in context:
        key, words, words_vi = bounds[kind]
        return (f"{value!r} is out of range; the value must be {words} {context[key]}",
                f"“{value}” nằm ngoài khoảng cho phép; giá trị phải {words_vi} {context[key]}")
    message = str(detail["msg"]).removeprefix("Value error, ")
    typed = kind.endswith(("_type", "_parsing"))
    if kind in ("literal_error", "string_pattern_mismatch") or kind.endswith("_type"):
        message = f"{message} (got {value!r})"
    vi = message
    if kind == "value_error":
        vi = str(getattr(context.get("error"), "vi", None) or message)
    elif kind == "literal_error" and "expected" in context:
        vi = f"giá trị “{value}” không hợp lệ; chọn một trong: {context['expected']}"
    elif typed and (wanted := _TYPES_VI.get(
            kind.removesuffix("_type").removesuffix("_parsing"))):
        vi = f"ở đây cần {wanted}, không phải “{value}”"
    elif kind == "string_pattern_mismatch":
        vi = _PATTERNS_VI.get(str(context.get("pattern")), "giá trị không đúng dạng") + (
            f" (không phải “{value}”)" if value else "")
    return message, vi

