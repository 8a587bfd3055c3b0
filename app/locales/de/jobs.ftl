# Der Auftrag am Tag: die Liste des Technikers und die Schritte eines Auftrags.
nav-today = Heute
today-title = Aufträge heute
today-empty = Heute keine Aufträge.
today-promised = Dem Kunden zugesagt: { $times }
today-access = Zugang:
today-notes = Notiz des Kunden:
today-step-on-my-way = Bin unterwegs
today-step-arrived = Angekommen
today-step-start = Arbeit beginnen
today-step-complete = Arbeit erledigt
today-step-for = { $step }: { $visit }
visit-status-arrived = Vor Ort
timeline-en-route = { $who }: unterwegs.
timeline-arrived = { $who }: vor Ort angekommen.
timeline-started = { $who }: Arbeit begonnen.
timeline-completed = { $who }: Arbeit abgeschlossen.
error-step-out-of-order = Dieser Schritt passt nicht zum aktuellen Stand des Auftrags (vielleicht wurde er schon erledigt). Die Seite zeigt den Stand.
