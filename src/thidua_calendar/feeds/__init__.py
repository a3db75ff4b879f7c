"""Calendar feeds: what goes in them and what they are called (:mod:`.items`), the iCalendar
files (:mod:`.ics`), the static site that lists them (:mod:`.site`, its page :mod:`.page` in
the words of :mod:`.page_text`) and a small server for it (:mod:`.serve`)."""
