# Regelmäßige Termine: Besuche, die das Portal von selbst bucht.
nav-plans = Regelmäßige Termine
plans-title = Regelmäßige Termine
plans-lead = Ein regelmäßiger Termin bucht sich selbst: Jeder Besuch wird gebucht, sobald sein Tag in Reichweite kommt, zur gewählten Zeit.
plans-add = Regelmäßigen Termin einrichten
plans-back = ← Alle regelmäßigen Termine
plans-empty = Sie haben noch keinen regelmäßigen Termin. Richten Sie einen ein, und jeder Besuch wird für Sie gebucht.
plans-empty-office = Noch kein Kunde hat einen regelmäßigen Termin.
plan-title = Regelmäßiger Termin { $reference }
plan-rhythm-weeks = { $weeks ->
    [1] Jede Woche am { $weekday }
   *[other] Alle { $weeks } Wochen am { $weekday }
}
plan-rhythm-month-day = Jeden Monat am { $day }.
plan-rhythm-nth-weekday = Jeden Monat am { $nth ->
    [1] ersten
    [2] zweiten
    [3] dritten
    [4] vierten
   *[other] letzten
} { $weekday }
plan-at = Ankunft ab { $time }
plan-window = Ankunft ab { $time }, innerhalb von { $minutes } Minuten
plan-next = Nächster Besuch: { $when }
plan-misfits = { $count ->
    [one] Ein Tag passte nicht zur gewählten Zeit: Das Büro stimmt ihn mit Ihnen ab.
   *[other] { $count } Tage passten nicht zur gewählten Zeit: Das Büro stimmt sie mit Ihnen ab.
}
plan-status-active = Läuft
plan-status-paused = Pausiert bis { $day }
plan-status-ended = Beendet
plan-location = Wo
plan-service = Was
plan-frequency = Wie oft
plan-frequency-weekly = Jede Woche
plan-frequency-every-2-weeks = Alle 2 Wochen
plan-frequency-every-4-weeks = Alle 4 Wochen
plan-frequency-monthly-day = Jeden Monat, am selben Datum wie der erste Besuch
plan-frequency-monthly-weekday = Jeden Monat, am selben Wochentag wie der erste Besuch (etwa am zweiten Dienstag)
plan-starts = Erster Besuch
plan-starts-hint = Der wöchentliche Rhythmus behält den Wochentag dieses Datums.
plan-ends = Letzter Besuch (optional)
plan-ends-hint = Leer lassen, damit die Besuche weiterlaufen.
plan-time = Ankunftszeit
plan-time-hint = Die Fachkraft kommt innerhalb von { $minutes } Minuten nach dieser Zeit.
plan-notes = Hinweise für jeden Besuch (optional)
plan-notes-hint = Was die Fachkraft jedes Mal wissen sollte.
plan-create = Einrichten und die ersten Besuche buchen
plan-no-locations = Fügen Sie zuerst einen Ort mit seiner Position hinzu: Dann können dort Besuche gebucht werden.
plan-unplaced-hidden = Orte ohne Position werden nicht angezeigt: Dorthin kann noch niemand geschickt werden.
plan-days = Kommende Tage
plan-days-empty = Keine kommenden Tage.
plan-day-booked = Gebucht
plan-day-skipped = Ausgelassen
plan-day-misfit = Das Büro kümmert sich darum
plan-day-later = Wird gebucht, sobald er in Reichweite kommt
plan-day-cancelled = Storniert
plan-skip = Auslassen
plan-skip-day = { $day } auslassen
plan-manage = Termin ändern
plan-pause = Pausieren
plan-pause-until = Wieder ab
plan-pause-hint = Besuche vor diesem Tag werden storniert; ab diesem Tag werden sie wieder gebucht.
plan-pause-confirm = Besuche pausieren
plan-resume = Jetzt fortsetzen
plan-change = Rhythmus oder Zeit ändern
plan-change-hint = Besuche, die nicht mehr passen, werden storniert und die neuen gebucht; solche, die zu nah sind, um sie online zu ändern, bleiben.
plan-change-confirm = Neuen Rhythmus speichern
plan-end = Termin beenden
plan-end-hint = Es wird nichts mehr gebucht, und die kommenden Besuche werden storniert.
plan-end-confirm = Termin beenden
plan-done-created = { $count ->
    [0] Ihr regelmäßiger Termin ist eingerichtet.
    [one] Ihr regelmäßiger Termin ist eingerichtet, und sein erster Besuch ist gebucht.
   *[other] Ihr regelmäßiger Termin ist eingerichtet, und seine ersten { $count } Besuche sind gebucht.
}
plan-done-skipped = { $day } ist ausgelassen.
plan-done-paused = Der Termin ist pausiert.
plan-done-resumed = Der Termin läuft wieder; seine nächsten Besuche sind gebucht.
plan-done-changed = Der Termin ist geändert; seine nächsten Besuche sind im neuen Rhythmus gebucht.
plan-done-ended = Der Termin ist beendet.
plan-done-kept = { $count ->
    [one] Ein Besuch ist zu nah, um ihn online zu stornieren, und bleibt gebucht; fragen Sie das Büro, wenn er nicht stattfinden soll.
   *[other] { $count } Besuche sind zu nah, um sie online zu stornieren, und bleiben gebucht; fragen Sie das Büro, wenn sie nicht stattfinden sollen.
}
error-plan-ended = Dieser regelmäßige Termin ist beendet: Es gibt nichts mehr zu ändern.
