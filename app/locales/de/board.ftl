# Die Einsatzplanung.
nav-board = Einsatzplan
board-title = Einsatzplan
board-days = Tage
board-day = Tag
board-prev = ← Tag davor
board-next = Tag danach →
board-go = Anzeigen
board-off = Arbeitet an diesem Tag nicht
board-no-visits = Keine Termine an diesem Tag.
board-blocked-spans = Geblockt: { $spans }
board-travel = { $minutes } Min. Anfahrt hierher
board-travel-total = { $minutes } Min. Fahrzeit insgesamt
board-window = Zugesagtes Zeitfenster: { $times }
board-move = Verschieben
board-move-visit = { $visit } verschieben
board-technician = Techniker
board-time = Beginn
board-move-confirm = Termin verschieben
board-block = Zeit blocken
board-from = Von
board-until = Bis
board-reason = Grund (optional)
board-block-confirm = Diese Zeit blocken
board-unassigned = Nicht zugeteilt
board-unassigned-empty = Jeder Termin des Tages hat einen Techniker.
board-flagged = Regelmäßige Termine zu klären
board-flagged-empty = Kein regelmäßiger Termin wartet auf Klärung.
board-flagged-line = { $day }: { $customer }, { $service }, gewünscht um { $time }
board-open-requests = Anfragen
board-requests = { $count ->
    [0] Keine Anfrage wartet auf Antwort.
    [one] Eine Anfrage wartet auf Antwort.
   *[other] { $count } Anfragen warten auf Antwort.
}
board-moved = { $visit } ist verschoben. Das bringt { $travel } Min. mehr Fahrzeit und lässt { $gap } Min. frei. Der Kunde wird informiert.
board-blocked = { $count ->
    [0] Die Zeit ist geblockt.
    [one] Die Zeit ist geblockt. Ein Termin fällt hinein: Geben Sie ihn jemand anderem.
   *[other] Die Zeit ist geblockt. { $count } Termine fallen hinein: Geben Sie sie jemand anderem.
}
board-could = { $name } könnte ihn dann übernehmen ({ $travel } Min. mehr Fahrzeit).
board-could-nobody = Zu dieser Zeit kann ihn niemand übernehmen: Versuchen Sie eine andere Zeit oder einen anderen Tag.
error-does-not-fit = Der Termin passt zu dieser Zeit nicht in den Tag dieses Technikers.
board-arrange = Einplanen
board-arrange-day = { $day } einplanen
board-arrange-confirm = Diesen Termin buchen
board-placed = { $visit } ist gebucht. Das bringt { $travel } Min. mehr Fahrzeit und lässt { $gap } Min. frei. Der Kunde wird informiert.
