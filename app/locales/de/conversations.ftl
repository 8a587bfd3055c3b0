nav-messages = Nachrichten
nav-messages-unread = Nachrichten ({ $count } ungelesen)
messages-title = Nachrichten
messages-heading = Nachrichten
messages-lead = Schreiben Sie dem Büro zu allem: eine Frage, eine Änderung, eine Rechnung. Zu einem Termin schreiben Sie auf der Seite des Termins, damit auch der Techniker es sieht.
thread-heading = Unterhaltung
thread-support-heading = Unterhaltung mit dem Büro
thread-earlier = Ältere Nachrichten werden nicht angezeigt.
thread-empty = Noch keine Nachrichten.
thread-seen = Gesehen von { $names }, { $time }
thread-side-customer = Kunde
thread-side-technician = Techniker
thread-side-office = Büro
thread-author = { $name } ({ $side })
thread-photo = Foto: { $name }
thread-read-only = Dieser Termin ist abgeschlossen: Sie können die Unterhaltung lesen, aber nicht mehr schreiben.
thread-message = Nachricht
thread-photos = Fotos (optional)
thread-photos-hint = Bis zu { $count } Fotos, je { $size } MB (JPEG, PNG oder WebP).
thread-send = Senden
thread-sending = Wird gesendet…
thread-retrying = Noch nicht gesendet: die Verbindung ist abgebrochen. Neuer Versuch…
thread-new = Neue Nachricht
home-unread-messages = { $count ->
    [one] Sie haben eine ungelesene Nachricht.
   *[other] Sie haben { $count } ungelesene Nachrichten.
}
thread-unread-visits = Ungelesen zu Ihren Terminen
thread-unread-visit = { $visit }: { $count ->
    [one] eine ungelesene Nachricht
   *[other] { $count } ungelesene Nachrichten
}
nav-inbox = Posteingang
nav-inbox-unread = Posteingang ({ $count } ungelesen)
inbox-title = Posteingang
inbox-lists = Listen der Unterhaltungen
inbox-unassigned = Nicht zugewiesen ({ $count })
inbox-mine = Meine ({ $count })
inbox-waiting = Wartet auf den Kunden ({ $count })
inbox-empty-unassigned = Nichts wartet auf das Büro.
inbox-empty-mine = Gerade ist keine Unterhaltung Ihre.
inbox-empty-waiting = Keine Unterhaltung wartet auf einen Kunden.
inbox-about-visit = Termin { $visit }
inbox-about-support = Support
inbox-unread = { $count } ungelesen
inbox-last = Letzte Nachricht { $time }
inbox-assigned = Übernommen von { $name }
inbox-take = Übernehmen
inbox-assign-to = Zuweisen an
inbox-nobody = Niemand
inbox-assign = Zuweisen
inbox-first-answer = Erste Antwort nach { $took }
inbox-unanswered = Wartet seit { $took } auf eine erste Antwort
took-minutes = { $minutes } Min.
took-hours = { $hours } Std. { $minutes } Min.
took-days = { $days } T. { $hours } Std.
