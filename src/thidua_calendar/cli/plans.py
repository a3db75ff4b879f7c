"""Building the plans that the plan, ics and site commands print or publish."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from thidua_calendar.cli.clock import plan_year
from thidua_calendar.cli.options import PROG
from thidua_calendar.cli.usage import say
from thidua_calendar.dates import check_year
from thidua_calendar.errors import UsageError
from thidua_calendar.styles import DateStyle

__all__ = ["default_plans", "plan_results", "warn_without_id"]


def warn_without_id(path: str, plan: Any) -> None:
    """One line on stderr for a plan file without ``id``: its feed UIDs hang on the
    organisation's name (the feeds are still written)."""
    if plan.id is not None:
        return
    from thidua_calendar.plan import slug

    print(say(f"{PROG}: warning: {path} has no id, so its events' UIDs are made from the "
              "organisation's name and renaming the organisation would change them "
              "(subscribers would see every event twice); add the line "
              f"'id: {slug(plan.organisation.name)}' to keep them",
              vi=f"{PROG}: cảnh báo: {path} không có id, nên mã (UID) các sự kiện trong lịch "
                 "được tạo từ tên đơn vị, và đổi tên đơn vị sẽ đổi các mã ấy (người đã đăng ký "
                 f"sẽ thấy mỗi sự kiện hai lần); thêm dòng 'id: {slug(plan.organisation.name)}' "
                 "để giữ chúng"), file=sys.stderr)


def default_plans(
    years: range, catalogs: Sequence[str], calendar: Any, *, with_deadlines: bool = True
) -> list[Any]:
    """The default plans of ``years``; without deadlines when they are not wanted, so that a
    feed of commemorations may reach years whose working days are not known."""
    import dataclasses

    from thidua_calendar.errors import DeadlineError
    from thidua_calendar.files.catalog import load_catalog
    from thidua_calendar.files.events import builtin_events
    from thidua_calendar.plan import build_plan, default_plan

    catalog = load_catalog(*catalogs)
    events = builtin_events()
    results = []
    for year in years:
        check_year(year)
        plan = default_plan(year, calendar=calendar, events=events.in_year(year))
        if not with_deadlines:
            plan = dataclasses.replace(plan, deadlines=())
        try:
            results.append(build_plan(plan, catalog=catalog, calendar=calendar))
        except DeadlineError as error:
            raise UsageError(
                f"the default plan's deadlines of {year} cannot be computed ({error.reason}); "
                "ask for --only commemorations or --only phases",
                vi=f"không tính được các hạn của kế hoạch mặc định năm {year} "
                   f"({error.reason_vi or error.reason}); hãy dùng --only commemorations "
                   "hoặc --only phases",
            ) from None
    return results


def plan_results(
    args: argparse.Namespace, files: Sequence[str]
) -> list[tuple[Any, DateStyle]]:
    """Built plans with their date styles, from files, or the default plan of --year (the
    coming year by default)."""
    from thidua_calendar.files.workdays import load_work_calendar

    calendar = load_work_calendar(*args.holidays, weekend=args.weekend)
    if files:
        if getattr(args, "year", None) is not None:
            raise UsageError("--year chooses the default plan; plan files have their own",
                             vi="--year chọn năm của kế hoạch mặc định; tệp kế hoạch đã có "
                                "năm của nó")
        from thidua_calendar.files.plan import load_plan_file

        built = []
        for name in files:
            plan_file = load_plan_file(name, catalogs=tuple(args.catalog))
            built.append((plan_file.build(calendar=calendar), plan_file.date_style))
        for name, (result, _) in zip(files, built, strict=True):
            warn_without_id(name, result.plan)
        return built
    year = args.year if args.year is not None else plan_year()
    return [(result, "d/m/yyyy")
            for result in default_plans(range(year, year + 1), args.catalog, calendar)]
