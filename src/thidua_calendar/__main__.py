"""``python -m thidua_calendar``: the same as the ``thidua-calendar`` command."""

from thidua_calendar.cli import main

raise SystemExit(main())
