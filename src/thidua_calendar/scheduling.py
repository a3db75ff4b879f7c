"""Computing deadline rules: each rule for each audience on working days, with the steps
that found it, then the cascade checks (a lower level due after the upper one it feeds).

The rule types are :mod:`thidua_calendar.deadlines`; :func:`schedule` runs a
:class:`Scheduler` over them (the import runs one way: this module uses the types, they
do not know this module).  Pure: no files, no clock.  A new timing kind adds its
computation to :meth:`Scheduler._compute_when` (docs/contributing.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from thidua_calendar.dates import days_in_month, vi_date
from thidua_calendar.deadlines import (
    Anchor,
    Audience,
    Conflict,
    Day,
    Deadline,
    Direction,
    NamedDate,
    NthWorkingDay,
    OnDate,
    Recurring,
    Relative,
    Rule,
    Schedule,
    Step,
    Unit,
    When,
    Window,
)
from thidua_calendar.errors import DeadlineError, OutOfRangeError, ThiduaCalendarError
from thidua_calendar.workdays import RollPolicy, WorkCalendar

__all__ = ["Scheduler", "schedule"]


_ONE_DAY = timedelta(days=1)


_Key = tuple[str, str | None]


def _find(audience: Audience | None, audiences: Sequence[Audience | None]) -> Audience | None:
    """The audience of ``audiences`` with the same id, or ``None`` (the default)."""
    if audience is None:
        return None
    for other in audiences:
        if other is not None and other.id == audience.id:
            return other
    return None


def _deadline_refs(when: When | None) -> list[str]:
    """The rules a timing counts from."""
    if when is None:
        return []
    return [anchor.ref for anchor, _ in when.anchors() if anchor.kind == "deadline"]


def _timing_field(when: When, prefix: str) -> str:
    return "feeds" if prefix == "feeds:" else prefix + when.key


class Scheduler:
    """Computes the rules of one schedule: each rule for each audience, in dependency
    order, then the cascade checks."""

    def __init__(
        self, rules: Sequence[Rule], calendar: WorkCalendar, anchors: Mapping[str, NamedDate]
    ) -> None:
        self.calendar = calendar
        self.anchors = anchors
        self.rules: dict[str, Rule] = {}
        for rule in rules:
            if rule.id in self.rules:
                raise DeadlineError("the id is used by two rules", entry_id=rule.id, field="id",
                                    vi="mã này được dùng cho hai quy tắc")
            self.rules[rule.id] = rule
        self.done: dict[_Key, Deadline] = {}
        self.running: list[_Key] = []
        self.audience_cache: dict[str, list[Audience | None]] = {}
        self.resolving: list[str] = []

    def run(self) -> Schedule:
        for rule in self.rules.values():
            self._check_rule(rule)
        self._check_feeds()
        self._warm_up()
        ordered: list[Deadline] = []
        for rule in self.rules.values():
            for audience in self._audiences(rule):
                when, prefix = self._when(rule, audience)
                if isinstance(when, Recurring):
                    ordered.extend(self._recurring(rule, audience, when, prefix))
                else:
                    ordered.append(self._deadline(rule, audience))
        conflicts = [
            conflict
            for rule in self.rules.values()
            if rule.feeds is not None
            for conflict in self._conflicts(rule)
        ]
        index: dict[_Key, Deadline] = {}
        for found in ordered:  # a recurring rule: its first report
            index.setdefault((found.rule.id, found.audience.id if found.audience else None),
                             found)
        return Schedule(deadlines=tuple(ordered), conflicts=tuple(conflicts), _index=index)

    def _warm_up(self) -> None:
        """Compute the deadlines in dependency order first, so that each one finds the
        dates it counts from already known: a chain of 2,000 rules listed from its end
        would otherwise recurse 2,000 levels deep.  A problem found here is left for the
        pass in file order to report, as it always has."""
        order: list[Rule] = []
        state: dict[str, int] = {}  # 1: being visited, 2: done
        for first in self.rules.values():
            if first.id in state:
                continue
            stack: list[tuple[Rule, bool]] = [(first, False)]
            while stack:
                rule, expanded = stack.pop()
                if expanded:
                    state[rule.id] = 2
                    order.append(rule)
                    continue
                if state.get(rule.id):
                    continue
                state[rule.id] = 1
                stack.append((rule, True))
                refs = [rule.feeds, *_deadline_refs(rule.when),
                        *(ref for variant in rule.variants
                          for ref in _deadline_refs(variant.when))]
                for ref in refs:
                    if ref is not None and ref != rule.id and ref in self.rules:
                        if state.get(ref) == 1:
                            return  # a circle: the pass in file order names it
                        if ref not in state:
                            stack.append((self.rules[ref], False))
        try:
            for rule in order:
                for audience in self._audiences(rule):
                    if not isinstance(self._when(rule, audience)[0], Recurring):
                        self._deadline(rule, audience)
        except ThiduaCalendarError:
            return

    # -- checks --------------------------------------------------------------------------

    def _check_rule(self, rule: Rule) -> None:
        if rule.lead_working_days is not None:
            if rule.feeds is None:
                raise DeadlineError(
                    "a lead time needs the rule it is counted back from: add feeds",
                    vi="số ngày làm việc đi trước cần có hạn mà nó tính lùi từ đó: thêm feeds",
                    entry_id=rule.id, field="lead_working_days",
                )
            if rule.lead_working_days < 0:
                raise DeadlineError(
                    f"the lead time is {rule.lead_working_days} working days; it cannot be "
                    "negative (0 means the same day as the rule it feeds)",
                    vi=f"số ngày làm việc đi trước là {rule.lead_working_days}; không được âm "
                       "(0 là cùng ngày với hạn cấp trên)",
                    entry_id=rule.id, field="lead_working_days",
                )
        if rule.feeds is not None:
            if rule.feeds not in self.rules:
                raise DeadlineError(self._unknown_rule(rule.feeds), entry_id=rule.id,
                                    field="feeds")
            if rule.feeds == rule.id:
                raise DeadlineError("a rule cannot feed itself", entry_id=rule.id, field="feeds",
                                    vi="một hạn không thể phục vụ chính nó")
        recurring = isinstance(rule.when, Recurring) or any(
            isinstance(variant.when, Recurring) for variant in rule.variants)
        if recurring and (rule.feeds is not None or any(
                other.feeds == rule.id for other in self.rules.values())):
            raise DeadlineError(
                "a recurring report has many dates: it cannot feed a rule or be fed; give "
                "each level its own recurring rule", entry_id=rule.id, field="feeds",
                vi="báo cáo định kỳ có nhiều ngày nên không phục vụ hạn nào và không được hạn "
                   "nào phục vụ; mỗi cấp hãy có quy tắc báo cáo định kỳ riêng")
        if rule.when is None and rule.feeds is None:
            raise DeadlineError(
                "the rule has no date: give date, after, before, nth_working_day or window, "
                "or feeds (with lead_working_days) to derive it from the rule it feeds",
                vi="quy tắc chưa có ngày: hãy ghi date, after, before, nth_working_day hoặc "
                   "window, hoặc feeds (với lead_working_days) để tính từ hạn cấp trên",
                entry_id=rule.id,
            )
        seen: set[str] = set()
        for position, variant in enumerate(rule.variants):
            if variant.audience.id in seen:
                raise DeadlineError(
                    f"the audience {variant.audience.id!r} is given twice",
                    vi=f"nhóm “{variant.audience.id}” được ghi hai lần",
                    entry_id=rule.id, field=f"audiences.{position}.id",
                )
            seen.add(variant.audience.id)

    def _check_feeds(self) -> None:
        """No rule feeds, through others, one that feeds it back: a cascade goes upwards.

        Each rule is walked once: a chain already found to end is not walked again, so
        2,000 rules chained by ``feeds`` cost 2,000 steps, not 2,000²."""
        ends: set[str] = set()  # rules whose chain of feeds is known to end
        for rule in self.rules.values():
            chain: list[str] = []
            on_chain: set[str] = set()
            current: str | None = rule.id
            while current is not None and current not in ends:
                if current in on_chain:
                    circle = [*chain[chain.index(current):], current]
                    raise DeadlineError(
                        "the rules feed each other in a circle: " + " -> ".join(circle)
                        + "; a rule feeds one at a higher level, never one that feeds it back",
                        entry_id=circle[0], field="feeds",
                    )
                chain.append(current)
                on_chain.add(current)
                current = self.rules[current].feeds
            ends.update(chain)

    def _unknown_rule(self, rule_id: str) -> str:
        import difflib

        close = difflib.get_close_matches(rule_id, self.rules, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        return f"no deadline rule has the id {rule_id!r}{hint}"

    # -- audiences -----------------------------------------------------------------------

    def _sources(self, rule: Rule) -> list[Rule]:
        """The rules this rule's default timing counts from."""
        refs = [rule.feeds] if rule.when is None and rule.feeds else _deadline_refs(rule.when)
        return [self.rules[ref] for ref in refs if ref in self.rules and ref != rule.id]

    def _audiences(self, rule: Rule) -> list[Audience | None]:
        """The default audience, the rule's own variants, then those its default timing
        inherits from the rules it counts from (each with that rule's date)."""
        cached = self.audience_cache.get(rule.id)
        if cached is not None:
            return cached
        if rule.id in self.resolving:
            chain = [*self.resolving[self.resolving.index(rule.id):], rule.id]
            raise DeadlineError(
                "the rules depend on each other in a circle: " + " -> ".join(chain),
                entry_id=rule.id,
            )
        self.resolving.append(rule.id)
        try:
            found: list[Audience | None] = [None]
            found.extend(variant.audience for variant in rule.variants)
            for source in self._sources(rule):
                for audience in self._audiences(source):
                    if audience is not None and _find(audience, found) is None:
                        found.append(audience)
        finally:
            self.resolving.pop()
        self.audience_cache[rule.id] = found
        return found

    # -- one deadline --------------------------------------------------------------------

    def _deadline(self, rule: Rule, audience: Audience | None) -> Deadline:
        key = (rule.id, audience.id if audience else None)
        if key in self.done:
            return self.done[key]
        if key in self.running:
            chain = [*self.running[self.running.index(key):], key]
            raise DeadlineError(
                "the rules depend on each other in a circle: "
                + " -> ".join(f"{rid} ({aid})" if aid else rid for rid, aid in chain),
                entry_id=rule.id,
            )
        self.running.append(key)
        try:
            result = self._compute(rule, audience)
        finally:
            self.running.pop()
        self.done[key] = result
        return result

    def _when(self, rule: Rule, audience: Audience | None) -> tuple[When, str]:
        """The timing for an audience and the field prefix errors name."""
        if audience is not None:
            for position, variant in enumerate(rule.variants):
                if variant.audience.id == audience.id:
                    return variant.when, f"audiences.{position}."
        if rule.when is not None:
            return rule.when, ""
        assert rule.feeds is not None
        lead = rule.lead_working_days or 0
        derived = Relative(
            anchor=Anchor(kind="deadline", ref=rule.feeds),
            amount=lead,
            unit="working_days",
            direction="before",
        )
        return derived, "feeds:"

    def _compute(self, rule: Rule, audience: Audience | None) -> Deadline:
        when, prefix = self._when(rule, audience)
        if isinstance(when, Recurring):
            raise DeadlineError(
                f"{rule.id!r} is a recurring report with many dates; count from a phase or a "
                "date instead", entry_id=rule.id, field=prefix + "every",
                vi=f"“{rule.id}” là báo cáo định kỳ, có nhiều ngày; hãy tính từ một đợt hoặc "
                   "một ngày")
        try:
            return self._compute_when(rule, audience, when, prefix)
        except OutOfRangeError as error:
            raise DeadlineError.wrap(error, entry_id=rule.id,
                                     field=_timing_field(when, prefix)) from None

    def _compute_when(
        self, rule: Rule, audience: Audience | None, when: When, prefix: str
    ) -> Deadline:
        steps: list[Step] = []
        self.estimated = False
        start: date | None = None
        anchor_day: date | None = None
        direction: Direction | None = None
        if isinstance(when, OnDate):
            target = when.date
        elif isinstance(when, Relative):
            derived = prefix == "feeds:"
            field_name = "feeds" if derived else f"{prefix}{when.direction}.anchor"
            base = self._anchor(when.anchor, rule, audience, field_name, steps)
            count_field = "lead_working_days" if derived else (
                f"{prefix}{when.direction}.{when.unit}")
            target = self._offset(base, when, steps, rule, count_field)
            anchor_day, direction = base, when.direction
        elif isinstance(when, NthWorkingDay):
            target = self._nth(when, rule, prefix)
            steps.append(Step(kind="nth", day=self._day(target), n=when.n))
        else:
            assert isinstance(when, Window)  # a recurring rule never comes here (_compute)
            opening = self._window_end(when.start, rule, audience, prefix + "window.from", steps)
            target = self._window_end(when.end, rule, audience, prefix + "window.to", steps)
            # "từ ngày A đến trước ngày B" ends the day before B.
            before = rule.wording == "truoc_ngay"
            closing = target - _ONE_DAY if before else target
            if closing < opening:
                ends = (f"ends before {target.isoformat()} (its last day is "
                        f"{closing.isoformat()})" if before else f"ends on {closing.isoformat()}")
                ends_vi = (f"kết thúc trước ngày {vi_date(target)} (ngày cuối là "
                           f"{vi_date(closing)})" if before else
                           f"kết thúc ngày {vi_date(closing)}")
                raise DeadlineError(
                    f"the window {ends}, before it starts on {opening.isoformat()}",
                    vi=f"khoảng thời gian {ends_vi}, trước khi bắt đầu ngày {vi_date(opening)}",
                    entry_id=rule.id, field=prefix + "window",
                )
            steps.append(Step(kind="window", start=self._day(opening), day=self._day(target),
                              wording=rule.wording))
            start = opening if rule.roll == "none" else self.calendar.roll(opening, "next")
            self._note_estimates(opening, start)
            if start != opening and start <= closing:
                steps.append(Step(kind="window_start", day=self._day(start)))
            if start > closing:
                to = f"to before {target.isoformat()}" if before else f"to {target.isoformat()}"
                to_vi = (f"đến trước ngày {vi_date(target)}" if before else
                         f"đến ngày {vi_date(target)}")
                raise DeadlineError(
                    f"the window from {opening.isoformat()} {to} holds no working day",
                    vi=f"từ ngày {vi_date(opening)} {to_vi} không có ngày làm việc nào",
                    entry_id=rule.id, field=prefix + "window",
                )
        if not isinstance(when, Window):
            steps.append(Step(kind="stated", day=self._day(target), wording=rule.wording))
        return self._finish(rule, audience, target, steps, start=start, anchor_day=anchor_day,
                            direction=direction)

    def _finish(
        self, rule: Rule, audience: Audience | None, target: date, steps: list[Step], *,
        start: date | None = None, anchor_day: date | None = None,
        direction: Direction | None = None, occurrence: date | None = None,
    ) -> Deadline:
        """The last day a stated date means, rolled to a working day."""
        last_day = target - _ONE_DAY if rule.wording == "truoc_ngay" else target
        if last_day != target:
            steps.append(Step(kind="last_day", day=self._day(last_day)))
        self._note_estimates(target, last_day)
        due = self._roll(last_day, rule.roll, anchor_day, direction, steps)
        return Deadline(
            rule=rule,
            audience=audience,
            stated=target,
            last_day=last_day,
            due=due,
            start=start,
            estimated=self.estimated,
            steps=tuple(steps),
            occurrence=occurrence,
        )

    def _recurring(
        self, rule: Rule, audience: Audience | None, when: Recurring, prefix: str
    ) -> list[Deadline]:
        """One deadline per report date of a recurring rule, each with its own trace."""
        try:
            days = when.dates()
        except DeadlineError as error:
            raise DeadlineError(error.reason, entry_id=rule.id, vi=error.reason_vi,
                                field=prefix + (error.field or "every")) from None
        found = []
        for day in days:
            self.estimated = False
            try:
                steps = [Step(kind="recurring", day=self._day(day), recurring=when,
                              wording=rule.wording)]
                found.append(self._finish(rule, audience, day, steps, occurrence=day))
            except OutOfRangeError as error:
                raise DeadlineError.wrap(error, entry_id=rule.id,
                                         field=prefix + "every") from None
        return found

    def _note_estimates(self, first: date, last: date) -> None:
        """Record whether a day the computation looked at, from ``first`` to ``last``,
        rests on an estimate."""
        if not self.estimated:
            self.estimated = self.calendar.estimated_between(first, last)

    def _window_end(
        self,
        end: OnDate | Relative,
        rule: Rule,
        audience: Audience | None,
        field_name: str,
        steps: list[Step],
    ) -> date:
        if isinstance(end, OnDate):
            return end.date
        if not end.amount:  # the anchor's own date: the window step shows it
            return self._anchor(end.anchor, rule, audience, field_name, [])
        base = self._anchor(end.anchor, rule, audience, field_name, steps)
        return self._offset(base, end, steps, rule, field_name)

    def _anchor(
        self,
        anchor: Anchor,
        rule: Rule,
        audience: Audience | None,
        field_name: str,
        steps: list[Step],
    ) -> date:
        if anchor.kind == "deadline":
            source = self.rules.get(anchor.ref)
            if source is None:
                raise DeadlineError(self._unknown_rule(anchor.ref), entry_id=rule.id,
                                    field=field_name)
            if isinstance(source.when, Recurring):
                raise DeadlineError(
                    f"{anchor.ref!r} is a recurring report with many dates; count from a "
                    "phase or a date instead", entry_id=rule.id, field=field_name,
                    vi=f"“{anchor.ref}” là báo cáo định kỳ, có nhiều ngày; hãy tính từ một "
                       "đợt hoặc một ngày")
            # The same audience of the rule counted from, if it has one; a rule counting
            # from itself counts from its default date.
            chosen = None if source.id == rule.id else _find(audience, self._audiences(source))
            estimated = self.estimated
            upstream = self._deadline(source, chosen)
            self.estimated = estimated or upstream.estimated
            label = source.name + (f" ({chosen.name})" if chosen else "")
            label_en = source.name_en + (f" ({chosen.name_en})" if chosen else "")
            steps.append(
                Step(kind="anchor", name=label, name_en=label_en, day=self._day(upstream.due),
                     anchor_kind="deadline")
            )
            return upstream.due
        named = self.anchors.get(str(anchor))
        if named is None:
            known = ", ".join(sorted(self.anchors)) or "none"
            raise DeadlineError(
                f"unknown anchor {str(anchor)!r}; the anchors known here are: {known}",
                vi=f"không biết mốc “{anchor}”; các mốc có ở đây: {known}",
                entry_id=rule.id, field=field_name,
            )
        if named.date is None:
            raise DeadlineError(
                f"{named.name_en} has no date (an open-ended phase has no end to count from)",
                vi=f"“{named.name}” không có ngày (đợt không có ngày kết thúc thì không tính "
                   "từ đó được)",
                entry_id=rule.id, field=field_name,
            )
        steps.append(
            Step(kind="anchor", name=named.name, name_en=named.name_en,
                 day=self._day(named.date), anchor_kind=anchor.kind)
        )
        return named.date

    def _offset(
        self, base: date, when: Relative, steps: list[Step], rule: Rule, field_name: str
    ) -> date:
        result = self._count(base, when.amount, when.unit, when.direction, rule, field_name)
        if when.unit == "working_days":
            self._note_estimates(base, result)
        steps.append(
            Step(
                kind="offset",
                start=self._day(base),
                day=self._day(result),
                amount=when.amount,
                unit=when.unit,
                direction=when.direction,
            )
        )
        return result

    def _count(
        self, base: date, amount: int, unit: Unit, direction: Direction, rule: Rule,
        field_name: str,
    ) -> date:
        """``amount`` days or working days from ``base``; a :class:`DeadlineError` naming the
        rule and ``field_name`` when the count leaves the years the calendar knows."""
        calendar = self.calendar
        sign = 1 if direction == "after" else -1
        try:
            if unit == "working_days":
                return calendar.add_working_days(base, sign * amount)
            result = base + timedelta(days=sign * amount)
            if calendar.first_year <= result.year <= calendar.last_year:
                return result
        except OverflowError:  # past 9999-12-31 or before 0001-01-01
            pass
        except OutOfRangeError:
            if not calendar.first_year <= base.year <= calendar.last_year:
                raise  # the anchor itself is outside: said as such by the caller
        shown = "working days" if unit == "working_days" else "days"
        shown_vi = "ngày làm việc" if unit == "working_days" else "ngày"
        way_vi = "sau" if direction == "after" else "trước"
        raise DeadlineError(
            f"counting {amount} {shown} {direction} {base.isoformat()} goes past the years "
            f"whose working days are known ({calendar.first_year}-{calendar.last_year})",
            vi=f"tính {amount} {shown_vi} {way_vi} ngày {vi_date(base)} vượt quá các năm đã "
               f"biết ngày làm việc ({calendar.first_year}-{calendar.last_year})",
            entry_id=rule.id, field=field_name,
        )

    def _nth(self, when: NthWorkingDay, rule: Rule, prefix: str) -> date:
        try:
            found = self.calendar.nth_working_day(when.year, when.month, when.n)
        except OutOfRangeError as error:
            raise DeadlineError.wrap(error, entry_id=rule.id,
                                     field=prefix + "nth_working_day.month") from None
        except ValueError as error:
            counted = sum(self.calendar.is_working_day(date(when.year, when.month, day))
                          for day in range(1, days_in_month(when.year, when.month) + 1))
            raise DeadlineError(str(error), entry_id=rule.id,
                                field=prefix + "nth_working_day.n",
                                vi=f"tháng {when.month}/{when.year} có ít hơn {abs(when.n)} "
                                   f"ngày làm việc (có {counted} ngày)") from None
        edge = date(when.year, when.month, 1) if when.n > 0 else (
            date(when.year + when.month // 12, when.month % 12 + 1, 1) - _ONE_DAY)
        self._note_estimates(edge, found)
        return found

    def _roll(
        self,
        day: date,
        policy: RollPolicy,
        anchor_day: date | None,
        direction: Direction | None,
        steps: list[Step],
    ) -> date:
        if self.calendar.is_working_day(day):
            return day
        if policy == "none":
            steps.append(Step(kind="no_roll", day=self._day(day)))
            return day
        rolled = self.calendar.roll(day, policy)
        guarded = False
        # Rolling never crosses the anchor: a last day on or after it (counted after it)
        # stays on or after it, one on or before it stays on or before it.  "Trước ngày"
        # counted 0 days after the anchor means the day before it: no crossing to prevent.
        if anchor_day is not None and direction == "after" and rolled < anchor_day <= day:
            rolled, policy, guarded = self.calendar.roll(day, "next"), "next", True
        elif anchor_day is not None and direction == "before" and day <= anchor_day < rolled:
            rolled, policy, guarded = self.calendar.roll(day, "previous"), "previous", True
        self._note_estimates(day, rolled)
        steps.append(Step(kind="roll", day=self._day(rolled), direction=policy, guarded=guarded))
        return rolled

    def _day(self, day: date) -> Day:
        return Day(
            date=day,
            working=self.calendar.is_working_day(day),
            status=self.calendar.day_off(day),
        )

    # -- cascade -------------------------------------------------------------------------

    def _conflicts(self, rule: Rule) -> list[Conflict]:
        """Every audience of the rule or of the rule it feeds whose deadline leaves less
        than the lead time (an audience one of them lacks uses its default date)."""
        assert rule.feeds is not None
        parent_rule = self.rules[rule.feeds]
        own = self._audiences(rule)
        upper = self._audiences(parent_rule)
        lead = rule.lead_working_days or 0
        found = []
        seen: set[tuple[_Key, _Key]] = set()
        for audience in [*own, *(a for a in upper if _find(a, own) is None)]:
            child = self._deadline(rule, _find(audience, own))
            parent = self._deadline(parent_rule, _find(audience, upper))
            pair = ((rule.id, child.audience.id if child.audience else None),
                    (parent_rule.id, parent.audience.id if parent.audience else None))
            if pair in seen:
                continue
            seen.add(pair)
            latest = self._count(parent.due, lead, "working_days", "before", rule,
                                 "lead_working_days")
            if child.due <= min(latest, parent.due):
                continue
            available = self.calendar.working_days_between(child.due, parent.due)
            found.append(Conflict(child=child, parent=parent, lead_working_days=lead,
                                  available=available))
        return found

def schedule(
    rules: Sequence[Rule],
    /,
    *,
    calendar: WorkCalendar,
    anchors: Mapping[str, NamedDate] | None = None,
) -> Schedule:
    """Compute every rule for every audience, then check each cascade.

    ``anchors`` maps ``str(Anchor)`` (``"phase:dot_1.end"``, ``"anniversary:ID"``) to its
    date; ``deadline:`` anchors refer to ``rules``.  Raises :class:`DeadlineError` naming
    the rule and the field for an unknown anchor or rule, a negative lead time, a window
    that ends before it starts, a cycle of rules.
    """
    return Scheduler(rules, calendar, anchors or {}).run()
