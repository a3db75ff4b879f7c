"""Calendar feeds: what goes in them (:mod:`.items`), the iCalendar files (:mod:`.ics`), the
static site that lists them (:mod:`.site`) and a small server for it (:mod:`.serve`)."""
