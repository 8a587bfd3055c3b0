# Doorstep, Deutsch.

## Frame
skip-to-content = Zum Inhalt springen
nav-label = Hauptmenü
nav-home = Startseite
sign-out = Abmelden
language-label = Sprache
language-change = Wechseln
footer-powered = Kundenportal mit Doorstep
loading = Wird geladen …
back-home = Zurück zur Startseite
app-description = Termine buchen, den Techniker verfolgen und Rechnungen online bezahlen.

## Landing
landing-title = Willkommen
landing-heading = Willkommen bei { $business }
landing-lead = Ihr Service, ganz ohne Telefonate.
landing-book = Buchen Sie einen Termin, wann es Ihnen passt
landing-track = Verfolgen Sie Ihren Techniker am Einsatztag
landing-history = Alle Termine, Dokumente und Rechnungen im Blick
landing-pay = Angebote freigeben und online bezahlen

## Sign in
sign-in-title = Anmelden
sign-in-lead = Verwenden Sie die E-Mail-Adresse und das Passwort, die Sie erhalten haben.
sign-in-email = E-Mail-Adresse
sign-in-password = Passwort
sign-in-show-password = Passwort anzeigen
sign-in-hide-password = Passwort verbergen
sign-in-submit = Anmelden
sign-in-new-here = Neu hier?
sign-in-create-account = Konto anlegen
sign-in-forgot = Passwort vergessen?
sign-in-link-hint = Kein Passwort zur Hand? Wir schicken Ihnen einen Link, der Sie in diesem Browser anmeldet, 15 Minuten lang.
sign-in-link-submit = Anmeldelink schicken
sign-in-link-sent = Wenn es zu dieser Adresse ein Konto gibt, ist ein Anmeldelink unterwegs. Öffnen Sie ihn innerhalb von 15 Minuten in diesem Browser.
sign-in-link-title = Mit Ihrem Link anmelden
forgot-title = Passwort vergessen?
forgot-lead = Geben Sie Ihre E-Mail-Adresse ein, und wir schicken Ihnen einen Link, um ein neues Passwort zu wählen.
forgot-submit = Link schicken
forgot-sent = Wenn es zu dieser Adresse ein Konto gibt, ist ein Link unterwegs. Er gilt eine Stunde lang.
forgot-back = Zurück zur Anmeldung
reset-title = Neues Passwort wählen
reset-lead = Danach sind Sie auf allen anderen Geräten abgemeldet.
reset-password = Neues Passwort
reset-submit = Speichern und anmelden
account-title = Ihr Konto
account-password = Passwort
account-current-password = Jetziges Passwort
account-new-password = Neues Passwort
account-password-hint = Alle anderen Geräte, auf denen Sie angemeldet sind, werden abgemeldet.
account-change-password = Passwort ändern
account-sessions = Wo Sie angemeldet sind
account-sessions-hint = Alle Browser und Geräte, die bei Ihrem Konto angemeldet sind. Melden Sie ab, was Sie nicht kennen, und ändern Sie dann Ihr Passwort.
account-session-device = { $browser } auf { $system }
account-session-unknown = Unbekanntes Gerät
account-session-last-used = zuletzt genutzt { $when }
account-session-this = Dieses Gerät
account-session-end = Abmelden
account-session-end-label = { $device } abmelden
account-sessions-end-all = Überall sonst abmelden
account-session-ended = Dieses Gerät ist abgemeldet.
account-sessions-ended = { $count ->
        [0] Kein anderes Gerät war angemeldet.
        [one] Ein anderes Gerät ist abgemeldet.
       *[other] { $count } andere Geräte sind abgemeldet.
    }
account-password-changed = Ihr Passwort ist geändert. { $count ->
        [0] Kein anderes Gerät war angemeldet.
        [one] Ein anderes Gerät wurde abgemeldet.
       *[other] { $count } andere Geräte wurden abgemeldet.
    }
account-password-reset = Ihr neues Passwort ist gespeichert, und Sie sind angemeldet. Alle anderen Geräte wurden abgemeldet.
sign-up-title = Konto anlegen
sign-up-lead = Termine buchen, Ihre Fachkraft verfolgen und alle Einsätze an einem Ort: Das dauert eine Minute.
sign-up-name = Ihr Name
sign-up-email = E-Mail-Adresse
sign-up-email-hint = Wir schicken einen Link, um sie zu bestätigen: Mit ihm melden Sie sich an.
sign-up-password = Passwort wählen
sign-up-password-rules = Mindestens 12 Zeichen, nicht Ihr Name oder Ihre E-Mail-Adresse. Ein paar Wörter, die nicht zusammenpassen, merkt man sich leicht und errät man schwer.
sign-up-password-good = Ein starkes Passwort.
sign-up-company = Firma (optional)
sign-up-company-hint = Nur wenn Sie für eine Firma buchen; für Ihr Zuhause leer lassen.
sign-up-address = Ihre erste Adresse
sign-up-address-hint = Wohin wir kommen. Weitere Orte können Sie später hinzufügen.
sign-up-label-default = Zuhause
sign-up-place-name = Name des Ortes
sign-up-label-hint = Ein Name für den Ort, etwa „Zuhause“ oder „Büro“.
sign-up-submit = Konto anlegen
sign-up-have-account = Sie haben schon ein Konto?
sign-up-sent-title = Sehen Sie in Ihr Postfach
sign-up-sent = Wir haben Ihnen einen Link geschickt, um Ihre E-Mail-Adresse zu bestätigen.
sign-up-sent-again = Wenn diese Adresse auf ihre Bestätigung wartet, ist ein neuer Link unterwegs.
sign-up-sent-detail = Öffnen Sie den Link innerhalb von 24 Stunden, um sich anzumelden. Nichts angekommen? Sehen Sie im Spam-Ordner nach oder lassen Sie ihn erneut senden.
sign-up-resend-heading = Link erneut senden
sign-up-resend = Link erneut senden
verify-title = E-Mail-Adresse bestätigen
verify-lead = Ein Klick, und Ihr Konto ist bereit: Sie sind sofort angemeldet.
verify-submit = Bestätigen und anmelden
verify-new-link = Neuen Link anfordern

## Customer home
home-title = Startseite
home-greeting = Hallo, { $name }
account-heading = Ihr Kundenkonto
account-name = Name
account-kind = Art
account-kind-household = Privathaushalt
account-kind-company = Unternehmen
account-reference = Kundennummer
account-since = Kunde seit
locations-heading = Standorte
locations-empty = Noch keine Standorte.
location-access = Zugang:
locations-manage = Standorte hinzufügen oder ändern
locations-title = Standorte
locations-add = Standort hinzufügen
locations-edit = Standort ändern
locations-back = ← Alle Standorte
locations-saved = Standort gespeichert.
locations-book-here = Hier einen Termin buchen
location-label = Name
location-address = Adresse
location-line1 = Straße und Hausnummer
location-line2 = Adresszusatz
location-postal-code = Postleitzahl
location-city = Ort
location-country = Land
location-country-hint = Zwei Buchstaben, etwa DE.
location-access-notes = Zugang
location-access-notes-hint = Tor- oder Türcodes, wo der Schlüssel liegt, Parken. Nur für Ihr Konto und unser Team sichtbar.
location-read-only = Sie dürfen diesen Ort sehen. Um ihn zu ändern, wenden Sie sich an die Inhaberin oder den Inhaber des Kontos.
location-position = Position auf der Karte
location-map = Karte des Ortes
location-map-pin = Der Ort
location-map-hint = Oder klicken Sie auf der Karte, wo der Ort ist, und ziehen Sie die Nadel zum Feinjustieren: Die Felder darunter folgen.
location-position-hint = Breiten- und Längengrad in Grad, etwa 52,5386 und 13,4101 (eine Karten-App zeigt sie, wenn Sie lange auf den Ort tippen).
location-position-hint-geocoder = Leer lassen, dann suchen wir die Adresse; oder Breiten- und Längengrad in Grad angeben, etwa 52,5386 und 13,4101.
location-latitude = Breitengrad
location-longitude = Längengrad
location-save = Standort speichern
location-unplaced = Wir wissen noch nicht, wo dieser Ort auf der Karte liegt; dort können noch keine Termine gebucht werden.
location-unplaced-not-found = Gespeichert, aber wir haben die Adresse nicht auf der Karte gefunden. Bitte prüfen oder unten Breiten- und Längengrad angeben, um dort Termine zu buchen.
location-unplaced-unavailable = Gespeichert, aber die Adresssuche ist gerade fehlgeschlagen. Später erneut speichern oder unten Breiten- und Längengrad angeben, um dort Termine zu buchen.
location-unplaced-enter = Gespeichert. Geben Sie unten Breiten- und Längengrad an, um dort Termine zu buchen.
location-add-position = Position angeben
book-add-location = Weitere Adresse hinzufügen
people-heading = Personen

## Staff home
accounts-title = Kundenkonten
accounts-caption = Alle Kundenkonten, nach Name
accounts-empty = Noch keine Kundenkonten.
profile-title = Ihr Profil
profile-role = Rolle
profile-email = E-Mail
profile-phone = Telefon
profile-phone-none = Nicht angegeben
profile-reference = Personalnummer
profile-since = Dabei seit

## Roles
role-account-owner = Kontoinhaber
role-account-member = Kontomitglied
role-technician = Techniker
role-dispatcher = Disponent
role-admin = Administrator

## Field problems
field-required = Dieses Feld ist erforderlich.
field-too-long = Verwenden Sie höchstens { $n } Zeichen.
field-too-short = Verwenden Sie mindestens { $n } Zeichen.
field-invalid-email = Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.
field-unknown-locale = Wählen Sie eine der angebotenen Sprachen.
field-invalid-colour = Geben Sie eine Farbe wie #0f766e ein.
field-unknown-time-zone = Wählen Sie eine Zeitzone aus der Liste.
field-invalid-currency = Geben Sie einen dreistelligen Währungscode wie EUR ein.
field-out-of-range = Dieser Wert liegt außerhalb des zulässigen Bereichs.
field-not-a-number = Bitte geben Sie eine Zahl ein.
field-between = Bitte geben Sie eine Zahl von { $min } bis { $max } ein.
field-invalid-skills = Geben Sie Fähigkeiten als kurze Wörter mit Kommas an, zum Beispiel: reinigung, leitern.
field-taken = Das ist schon vergeben; bitte wählen Sie etwas anderes.
field-invalid-country = Bitte den zweistelligen Ländercode angeben, etwa DE, FR oder ES.
field-invalid-phone = Bitte eine Telefonnummer angeben: Ziffern, Leerzeichen und Bindestriche, mindestens sechs Ziffern.
field-invalid-hours = Zeiten bitte wie 08:00–12:00 angeben; mehrere an einem Tag durch Kommas getrennt.
field-overlapping-hours = Diese Zeiten überschneiden sich; eine geteilte Schicht braucht eine Pause dazwischen.
field-area-needed = Bitte einen Radius, Postleitzahlen oder beides angeben, sonst erreicht diese Person kein Termin.
field-invalid-postal-codes = Postleitzahlen durch Kommas trennen; jede besteht aus Buchstaben, Ziffern, Leerzeichen und Bindestrichen (höchstens 10).
field-invalid-date-time = Bitte Datum und Uhrzeit angeben, etwa 2026-12-01 08:00.
field-invalid-date = Bitte ein Datum angeben, etwa 2026-12-01.
field-invalid-time = Bitte eine Uhrzeit angeben, etwa 08:30.
field-ends-before-start = Das muss nach dem Beginn liegen.
field-photo-too-big = Ein Foto darf höchstens { $n } MB groß sein. Wählen Sie ein kleineres oder senden Sie weniger auf einmal.
field-too-many-photos = Höchstens { $n } Fotos können auf einmal gesendet werden.
field-not-a-photo = Nur Fotos im Format JPEG, PNG oder WebP können gesendet werden.
field-photo-too-large = Ein Foto darf höchstens { $n } Megapixel haben.
field-photo-unreadable = Ein Foto konnte nicht gelesen werden. Es ist vielleicht beschädigt: Nehmen Sie es noch einmal auf.
field-slower-than-less-urgent = Eine dringendere Priorität darf nicht länger dauern als eine weniger dringende.
field-password-weak = Dieses Passwort ist zu leicht zu erraten. Nehmen Sie ein paar Wörter, die nicht zusammenpassen, oder eine längere Mischung.
field-password-personal = Verwenden Sie Ihren Namen und Ihre E-Mail-Adresse nicht im Passwort.
field-wrong-password = Das ist nicht Ihr jetziges Passwort.
field-position-needed = Hier sind Termine gebucht, daher braucht der Ort eine Position: Bitte Breiten- und Längengrad angeben.
error-invalid-fields = Einige Felder müssen korrigiert werden; bei jedem steht, was fehlt.

## Errors
error-invalid-credentials = E-Mail-Adresse und Passwort passen nicht zusammen. Bitte prüfen und erneut versuchen.
error-email-not-verified = Bestätigen Sie zuerst Ihre E-Mail-Adresse: Öffnen Sie den Link, den wir Ihnen bei der Registrierung geschickt haben.
error-sign-up-closed = Neue Konten richtet das Büro ein. Rufen Sie uns an oder schreiben Sie uns, dann legen wir Ihres an.
error-link-expired = Dieser Link ist abgelaufen. Fordern Sie unten einen neuen an.
error-link-used = Dieser Link wurde schon benutzt. Melden Sie sich an oder fordern Sie einen neuen Link an.
error-link-other-browser = Dieser Anmeldelink funktioniert nur in dem Browser, in dem Sie ihn angefordert haben. Öffnen Sie ihn dort oder fordern Sie hier einen neuen an.
error-unauthenticated = Bitte melden Sie sich an, um fortzufahren.
error-forbidden = Dafür haben Sie keine Berechtigung.
error-not-found = Wir konnten das Gesuchte nicht finden.
error-rate-limited = Zu viele Versuche. Bitte warten Sie { $minutes } Minuten und versuchen Sie es erneut.
error-rate-limited-moment = Gerade gibt es zu viele Versuche. Bitte warten Sie ein paar Sekunden und versuchen Sie es erneut.
error-window-taken = Diese Zeit wurde gerade gebucht. Bitte wählen Sie eine andere.
error-bad-request = Das Formular war unvollständig. Bitte füllen Sie es erneut aus.
error-internal = Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.
error-title = Etwas ist schiefgelaufen

## Pages
not-found-title = Seite nicht gefunden
not-found-body = Die Adresse ist vielleicht falsch geschrieben, oder die Seite wurde verschoben.
offline-title = Sie sind offline
offline-body = Diese Seite braucht eine Verbindung. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.
offline-retry = Erneut versuchen

## Mail
mail-footer = { $business } · gesendet von seinem Kundenportal
mail-settings-check-subject = { $business }: Das Portal kann E-Mails senden
mail-settings-check-body = Diese Nachricht prüft die E-Mail-Einstellungen des Portals. Sie ist angekommen, also funktionieren sie.
mail-visit-booked-subject = { $business }: Ihr Termin am { $date } ist gebucht
mail-visit-booked-body = Hallo { $name },

    Ihr Termin „{ $service }“ ist für den { $date } gebucht, Ankunft zwischen { $from } und { $to }. Es kommt { $technician }.

    Ihre Referenz ist { $reference }. Im Portal können Sie den Termin ansehen, verschieben oder absagen.

## Booking
nav-book = Termin buchen
book-title = Termin buchen
book-step = Schritt { $n } von { $of }
book-where = Wohin sollen wir kommen?
book-no-locations = Ihr Konto hat noch keine Einsatzadresse. Fügen Sie eine hinzu, um einen Termin zu buchen.
book-change-location = Andere Adresse wählen
book-what = Was brauchen Sie?
book-at = In { $place }
book-no-services = Im Moment kann nichts online gebucht werden. Bitte kontaktieren Sie uns.
book-duration = etwa { $minutes } Min.
book-when = Wann passt es Ihnen?
book-summary = { $service } in { $place }.
book-change-service = Ändern
book-previous-month = Voriger Monat
book-next-month = Nächster Monat
book-month-full = In diesem Monat sind keine Zeiten mehr frei.
book-first-open = Die erste freie Zeit ist am { $when }
book-nothing-free = Im Buchungszeitraum sind keine Zeiten frei. Bitte kontaktieren Sie uns, dann finden wir gemeinsam einen Termin.
book-day-none = { $day }: keine freien Zeiten
book-day-windows = { $day }: { $count ->
    [one] eine freie Zeit
   *[other] { $count } freie Zeiten
}
book-windows-on = Ankunftszeiten am { $day }
book-day-full = An diesem Tag ist nichts mehr frei. Bitte wählen Sie einen anderen Tag.
book-continue = Weiter
book-review = Prüfen und bestätigen
book-arrival-hint = Die Fachkraft kommt innerhalb dieses Zeitfensters. Sie erhalten eine Bestätigung per E-Mail.
book-no-access-notes = Keine angegeben. Sie können sie unten in der Notiz nennen.
book-notes = Notiz für die Fachkraft (optional)
book-notes-hint = Zum Beispiel: wo man parken kann, Haustiere im Haus, was genau zu tun ist.
book-confirm = Buchung bestätigen
book-choose-again = Andere Zeit wählen
book-alternatives = Diese Zeiten sind noch frei:

## Visits
visits-heading = Ihre Termine
visits-empty = Keine Termine geplant. Buchen Sie einen, wann es Ihnen passt.
visit-heading = Termin
visit-title = Termin { $reference }
visit-with = mit { $technician }
visit-done-booked = Ihr Termin ist gebucht.
visit-booked-detail = Ihre Referenz ist { $reference }. Wir haben Ihnen eine Bestätigung per E-Mail geschickt.
visit-reference = Referenz
visit-status = Status
visit-service = Leistung
visit-when = Ankunft
visit-where = Adresse
visit-access = Zugangshinweise
visit-technician = Fachkraft
visit-technician-photo = Foto von { $name }
visit-technician-pending = Wir sagen Ihnen, wer kommt.
visit-notes = Ihre Notiz
visit-add-to-calendar = Zum Kalender hinzufügen
visit-timeline = Bisheriger Verlauf
visit-status-requested = Angefragt
visit-status-scheduled = Geplant
visit-status-assigned = Zugewiesen
visit-status-en-route = Unterwegs
visit-status-in-progress = In Arbeit
visit-status-completed = Erledigt
visit-status-cancelled = Abgesagt
visit-status-on-hold = Zurückgestellt
actor-you = Sie
actor-office = Das Büro
actor-system = Das Portal
timeline-booked = { $who } hat den Termin gebucht.
ics-description = Referenz { $reference }. Fachkraft: { $technician }.
error-too-late = Weniger als { $hours } Stunden vor dem Termin kann er nicht mehr online geändert werden. Schreiben Sie uns unten eine Nachricht, wir kümmern uns darum.
error-visit-closed = Dieser Termin ist bereits erledigt oder abgesagt und kann nicht mehr geändert werden.
error-location-not-placed = Wir wissen noch nicht, wo dieser Ort auf der Karte liegt, und können dort noch keine Zeiten anbieten.
error-too-many-requests = Für Ihr Konto warten schon viele Anfragen. Wir beantworten sie zuerst; bei Eile melden Sie sich bitte direkt.
error-request-handled = Diese Anfrage wurde schon bearbeitet.
visit-done-moved = Ihr Termin wurde verschoben.
visit-done-cancelled = Ihr Termin ist abgesagt.
visit-done-asked = Ihre Nachricht ist im Büro angekommen. Wir melden uns bei Ihnen.
move-title = Termin { $reference } verschieben
move-new-time = Neue Ankunftszeit
move-confirm = Termin verschieben
visit-changes = Pläne ändern
visit-change-time = Andere Zeit wählen
visit-change-until = Sie können diesen Termin bis { $when } online ändern.
visit-cancel = Diesen Termin absagen
visit-cancel-reason = Warum sagen Sie ab? (Pflichtfeld)
visit-cancel-confirm = Termin absagen
visit-too-late = Weniger als { $hours } Stunden vor dem Termin kann er nicht mehr online geändert werden. Schreiben Sie uns, was Sie brauchen, das Büro kümmert sich darum.
visit-ask-message = Ihre Nachricht an das Büro
visit-ask-send = An das Büro senden
timeline-rescheduled = { $who } hat den Termin verschoben.
timeline-cancelled = { $who } hat den Termin abgesagt.
timeline-change-requested = { $who } hat das Büro um eine Änderung gebeten.
mail-visit-rescheduled-subject = { $business }: Ihr Termin wurde auf den { $date } verschoben
mail-visit-rescheduled-body = Hallo { $name },

    Ihr Termin „{ $service }“ wurde auf den { $date } verschoben, Ankunft zwischen { $from } und { $to }. Es kommt { $technician }.

    Ihre Referenz ist { $reference }. Sie können den Termin im Portal ansehen.
mail-visit-cancelled-subject = { $business }: Ihr Termin am { $date } ist abgesagt
mail-visit-cancelled-body = Hallo { $name },

    Ihr Termin „{ $service }“ am { $date } ({ $from }–{ $to }) ist abgesagt. Angegebener Grund: { $reason }

    Ihre Referenz war { $reference }. Sie können im Portal jederzeit einen neuen Termin buchen.
mail-quote-requested-subject = { $business }: Ihre Angebotsanfrage { $reference } ist eingegangen
mail-quote-requested-body = Hallo { $name },

    danke für Ihre Angebotsanfrage für „{ $service }“ am Standort { $place }. Wir sehen uns Ihre Angaben an und melden uns.

    Ihre Referenz ist { $reference }.
mail-callback-requested-subject = { $business }: Wir rufen Sie zurück ({ $reference })
mail-callback-requested-body = Hallo { $name },

    Ihre Rückrufbitte zum Standort { $place } ist eingegangen. Jemand aus unserem Büro meldet sich bald.

    Ihre Referenz ist { $reference }.

## Office
nav-rules = Buchungsregeln
rules-title = Buchungsregeln
rules-lead = Was Kunden beim Buchen angeboten wird und wie kurz vor einem Termin sie ihn noch ändern dürfen. Änderungen gelten ab der nächsten Suche.
rules-saved = Die Buchungsregeln sind gespeichert.
rules-response = Reaktionszeiten auf Problemmeldungen
rules-response-hint = Wie schnell das Büro auf ein gemeldetes Problem antwortet, in Stunden, je Priorität. Kunden sehen und bestätigen sie vor dem Senden; schon gesendete Meldungen behalten, was ihnen zugesagt wurde.
rules-response-label = { $priority }, in Stunden
rules-response-now = Kunden lesen: { $time }.
rules-response-save = Reaktionszeiten speichern
rules-response-saved = Reaktionszeiten gespeichert. Neue Problemmeldungen bekommen sie zugesagt.
rules-booking = Buchung
rules-travel = Fahrten zwischen Terminen
rules-changes = Änderungen durch Kunden
rules-save = Regeln speichern
rules-min-notice-hours = Mindestvorlauf (Stunden)
rules-min-notice-hours-hint = Das früheste Zeitfenster beginnt mindestens so lange nach der Buchung.
rules-horizon-days = Buchungszeitraum (Tage)
rules-horizon-days-hint = Wie viele Tage im Voraus Kunden buchen können.
rules-window-min = Ankunftsfenster (Minuten)
rules-window-min-hint = Wie breit das Zeitfenster ist, in dem die Fachkraft ankommt.
rules-step-min = Taktung (Minuten)
rules-step-min-hint = In welchem Abstand die angebotenen Zeitfenster beginnen.
rules-road-factor = Straßenfaktor
rules-road-factor-hint = Straßen sind länger als die Luftlinie: Die Entfernung wird damit multipliziert (zum Beispiel 1,3).
rules-speed-kmh = Durchschnittsgeschwindigkeit (km/h)
rules-speed-kmh-hint = Wie schnell Fachkräfte im Schnitt unterwegs sind, Parken eingerechnet.
rules-travel-buffer-min = Fahrtzuschlag (Minuten)
rules-travel-buffer-min-hint = Kommt zu jeder Fahrt hinzu: Wagen beladen, Eingang finden.
rules-reschedule-notice-hours = Vorlauf zum Verschieben (Stunden)
rules-reschedule-notice-hours-hint = Bis so lange vor dem Zeitfenster können Kunden einen Termin selbst verschieben.
rules-cancel-notice-hours = Vorlauf zum Absagen (Stunden)
rules-cancel-notice-hours-hint = Bis so lange vor dem Zeitfenster können Kunden einen Termin selbst absagen.
rules-reminder-hours = Erinnerung (Stunden vorher)
rules-reminder-hours-hint = So lange vor dem Zeitfenster geht eine Erinnerungs-E-Mail hinaus; bei 0 keine.
nav-services = Leistungen
nav-requests = Anfragen
nav-technicians = Techniker:innen
yes = Ja
no = Nein
price-from = ab { $amount }
price-quote = nach Angebot
book-ask-quote = Angebot anfragen
book-ask-call = Rückruf anfragen
services-title = Leistungen
services-add = Leistung hinzufügen
services-edit = Leistung ändern
services-back = Alle Leistungen
services-empty = Noch keine Leistungen. Fügen Sie die erste hinzu.
services-saved = Leistung { $reference } ist gespeichert.
service-name = Name
service-description = Beschreibung
service-category = Kategorie
service-duration = Dauer
service-price = Preis
service-self-bookable-short = Von Kunden buchbar
service-active-short = Angeboten
service-visit = Der Einsatz
service-duration-min = Dauer (Minuten)
service-buffer-min = Pause nach dem Einsatz (Minuten)
service-buffer-min-hint = Nach jedem Einsatz freigehalten: Aufräumen, Papierkram.
service-skills = Benötigte Fähigkeiten
service-skills-hint = Durch Kommas getrennt; nur Fachkräfte mit allen davon werden geschickt.
service-price-fixed = Festpreis
service-price-from = Ab-Preis
service-price-quote = Nach Angebot (Kunden fragen an, statt zu buchen)
service-price-amount = Preis
service-price-amount-hint = In { $currency }, zum Beispiel 89,50. Für ein Angebot leer lassen.
service-booking = Buchung
service-self-bookable = Kunden können sie selbst buchen
service-active = Angeboten
service-save = Leistung speichern

## Calendar feed
feed-link = Ihre Termine im eigenen Kalender sehen
feed-title = Kalender-Abo
feed-lead = Eine private Adresse, die Ihre Kalender-App (Google Kalender, Apple Kalender, Outlook) abonniert: Ihre kommenden Termine erscheinen dort und bleiben aktuell. Wer die Adresse kennt, kann sie lesen – behalten Sie sie für sich.
feed-made = Ihre neue Abo-Adresse ist bereit. Sie wird nur jetzt angezeigt: Kopieren Sie sie in Ihre Kalender-App.
feed-address = Ihre Abo-Adresse
feed-address-hint = Fügen Sie in Ihrer Kalender-App einen Kalender „per URL“ oder „als Abonnement“ hinzu und setzen Sie diese Adresse ein.
feed-active = Seit { $date } ist eine Abo-Adresse aktiv.
feed-none = Sie haben noch keine Abo-Adresse.
feed-turned-off = Ihr Kalender-Abo ist ausgeschaltet; die alte Adresse funktioniert nicht mehr.
feed-create = Abo-Adresse erstellen
feed-replace = Neue Adresse erstellen (die alte funktioniert dann nicht mehr)
feed-revoke = Abo ausschalten
mail-visit-reminder-subject = { $business }: Ihr Termin am { $date }
mail-visit-reminder-body = Hallo { $name },

    zur Erinnerung: Ihr Termin „{ $service }“ ist am { $date }, Ankunft zwischen { $from } und { $to }. Es kommt { $technician }.

    Ihre Referenz ist { $reference }. Falls sich etwas geändert hat, können Sie den Termin im Portal verschieben oder absagen.

## Requests
request-quote-title = Angebotsanfrage
request-callback-title = Rückrufbitte
request-change-title = Änderung eines Besuchs
request-back-to-booking = ← Zurück zur Buchung
request-about = { $service } am Standort { $place }
request-at = Standort { $place }
request-notes-quote = Was ist zu tun?
request-notes-quote-hint = Je mehr wir wissen (Größe, Zugang, was Sie sehen), desto genauer das Angebot.
request-notes-callback = Sollen wir etwas wissen?
request-notes-callback-hint = Zum Beispiel, an welchen Tagen oder zu welchen Zeiten es passt.
request-phone = Telefonnummer
request-phone-hint = Freiwillig. Ohne Nummer antworten wir per E-Mail.
request-send = Anfrage senden
request-title = Anfrage { $reference }
request-sent = Danke. Ihre Anfrage { $reference } ist eingegangen; wir melden uns.
request-kind = Anfrage
request-visit = Besuch
request-service = Leistung
request-place = Standort
request-sent-on = Gesendet am
request-status = Stand
request-status-open = Wartet auf unsere Antwort
request-status-handled = Beantwortet
request-notes = Ihre Angaben
request-home = ← Zurück zur Startseite
requests-title = Anfragen
requests-empty = Keine Anfragen warten.
requests-handled = { $reference } ist als bearbeitet markiert.
requests-mark-handled = { $reference } als bearbeitet markieren
requests-sent-by = Gesendet von { $name } am { $date }
home-requests-heading = Ihre Anfragen

## Technicians
technicians-title = Techniker:innen
technicians-lead = Fähigkeiten, Standort, Einsatzgebiet und Arbeitszeiten entscheiden, welche Termine jemand übernehmen kann. Änderungen gelten sofort im Buchungskalender.
technicians-empty = Noch niemand im Team hat die Rolle Techniker:in.
technicians-name = Name
technicians-state = Status
technicians-state-ready = Buchbar
technicians-state-unset = Nicht eingerichtet
technicians-state-disabled = Deaktiviert
technicians-no-hours = Keine festen Arbeitszeiten
technicians-back = ← Alle Techniker:innen
technician-unset = { $name } erhält keine Termine, bis Fähigkeiten, Standort und Einsatzgebiet gespeichert sind.
technician-profile = Fähigkeiten und Einsatzgebiet
technician-skills = Fähigkeiten
technician-skills-hint = Durch Kommas getrennt, etwa „hvac, gas“. Eine Leistung, die Fähigkeiten verlangt, geht nur an Personen, die alle haben.
technician-home = Standort
technician-home-hint = Wo der Tag beginnt und endet: Die Anfahrt zum ersten Termin wird von hier gerechnet.
technician-home-latitude = Breitengrad
technician-home-longitude = Längengrad
technician-area = Einsatzgebiet
technician-radius = Radius in km
technician-radius-hint = Um den Standort, Luftlinie. Leer lassen, um nur die Postleitzahlen zu bedienen.
technician-postal-codes = Postleitzahlen
technician-postal-codes-hint = Zusätzlich zum Radius, durch Kommas getrennt.
technician-save-profile = Fähigkeiten und Gebiet speichern
technician-saved-profile = Fähigkeiten und Einsatzgebiet gespeichert.
technician-card = Was Kunden sehen
technician-card-hint = Kunden sehen Vornamen, Beruf und Foto der Fachkraft, die zu ihnen kommt, auf der Seite des Termins, sobald er zugewiesen ist.
technician-trade = Beruf
technician-trade-hint = Optional, etwa „Heizungsbauer“. Höchstens { $max } Zeichen.
technician-card-photo = Foto
technician-card-photo-hint = Ein freundliches Porträt: JPEG, PNG oder WebP, bis { $mb } MB. Leer lassen, um das jetzige zu behalten.
technician-card-photo-current = Jetziges Foto
technician-card-remove-photo = Foto entfernen
technician-save-card = Speichern, was Kunden sehen
technician-saved-card = Gespeichert, was Kunden sehen.
technician-hours = Wöchentliche Arbeitszeiten
technician-hours-hint = Pro Tag, etwa 08:00–12:00, 13:00–17:00 für eine geteilte Schicht. Für einen freien Tag das Feld leer lassen.
technician-hours-total = { $hours } Stunden pro Woche
technician-save-hours = Arbeitszeiten speichern
technician-saved-hours = Wöchentliche Arbeitszeiten gespeichert.
technician-time-off = Abwesenheiten
technician-time-off-empty = Keine Abwesenheit geplant.
technician-time-off-hint = Ohne Uhrzeiten gilt die Abwesenheit für den ganzen ersten und letzten Tag.
technician-start-day = Erster Tag
technician-start-time = Ab (optional)
technician-end-day = Letzter Tag
technician-end-time = Bis (optional)
technician-reason = Grund (optional)
technician-add-time-off = Abwesenheit eintragen
technician-saved-time-off = Abwesenheit eingetragen.
technician-removed-time-off = Abwesenheit entfernt.
technician-time-off-visits = { $count ->
    [one] Ein Termin dieser Person fällt in diese Zeit. Er bleibt, bis ihn jemand verschiebt.
   *[other] { $count } Termine dieser Person fallen in diese Zeit. Sie bleiben, bis sie jemand verschiebt.
}
technician-time-off-visits-short = { $count ->
    [one] ein Termin zu verschieben
   *[other] { $count } Termine zu verschieben
}
technician-remove = Entfernen
technician-remove-time-off = Abwesenheit { $span } entfernen
technician-extra-shifts = Zusätzliche Schichten
technician-extra-shifts-hint = Arbeit an einem Tag außerhalb der Wochenzeiten, etwa an einem Samstagvormittag.
technician-extra-shifts-empty = Keine zusätzlichen Schichten geplant.
technician-shift-day = Tag
technician-shift-from = Von
technician-shift-until = Bis
technician-add-extra-shift = Schicht eintragen
technician-saved-extra-shift = Zusätzliche Schicht eingetragen.
technician-removed-extra-shift = Zusätzliche Schicht entfernt.
technician-remove-extra-shift = Schicht { $span } entfernen

## Problem reports
home-report-problem = Problem melden
request-problem-title = Problemmeldung
request-status-waiting = Wartet auf Ihre Antwort
request-status-declined = Abgelehnt
request-status-scheduled = Termin gebucht
request-done-answered = Danke. Ihre Antwort ist bei unserem Büro.
request-done-ask = Ihre Frage wurde an die Kundschaft gesendet.
request-done-decline = Die Anfrage ist abgelehnt, und die Kundschaft erfährt den Grund.
request-done-scheduled = Der Termin ist gebucht, und die Kundschaft ist informiert.
problem-title = Problem melden
problem-no-places = Es gibt noch keinen Ort, für den Sie ein Problem melden können.
problem-sent = Danke. Wir haben Ihre Meldung { $reference } erhalten und antworten { $time }.
problem-category = Welche Art von Problem?
problem-category-not-working = Etwas funktioniert nicht
problem-category-leak = Leck oder Wasser
problem-category-damage = Schaden
problem-category-noise-or-smell = Geräusch oder Geruch
problem-category-pests = Schädlinge
problem-category-cleaning = Reinigung nötig
problem-category-other = Etwas anderes
problem-description = Was ist los?
problem-description-hint = Wo es ist, was Sie sehen oder hören, seit wann.
problem-priority = Wie dringend ist es?
problem-priority-low = Nicht dringend
problem-priority-normal = Normal
problem-priority-urgent = Dringend
problem-priority-emergency = Notfall
problem-answer-within = Wir antworten { $time }.
problem-within-hours = innerhalb { $n ->
        [one] einer Stunde
       *[other] von { $n } Stunden
    }
problem-within-days = innerhalb von { $n } Tagen
problem-acknowledge = Ich habe verstanden, wie schnell das Büro bei der gewählten Dringlichkeit antwortet.
problem-days = Passende Tage
problem-days-hint = Optional. Lassen Sie alle leer, wenn jeder Tag passt.
problem-days-any = Jeder Tag
problem-photos = Fotos
problem-photos-hint = Optional. Bis zu { $n } Fotos mit je bis zu { $mb } MB (JPEG, PNG oder WebP), von der Kamera oder aus Ihren Dateien.
problem-photo-alt = Foto { $name }
problem-send = Meldung senden
request-timeline = Verlauf
request-step-sent = Gesendet
request-step-question = Das Büro fragte
request-step-answer = Beantwortet
request-step-declined = Abgelehnt
request-step-scheduled = Termin gebucht
request-step-handled = Als erledigt markiert
request-by-office = Büro
request-answer-heading = Ihre Antwort
request-answer = Antwort auf die Frage des Büros
request-answer-send = Antwort senden
request-triage-heading = Diese Anfrage beantworten
request-ask-label = Frage an die Kundschaft
request-ask-send = Kundschaft fragen
request-decline-label = Warum sie abgelehnt wird
request-decline-send = Ablehnen
request-schedule-heading = Termin buchen
request-schedule-day = Tag
request-schedule-find = Zeitfenster zeigen
request-schedule-none = An diesem Tag ist kein Zeitfenster frei.
request-schedule-book = { $window } buchen
mail-problem-reported-subject = { $business }: Wir haben Ihre Meldung { $reference } erhalten
mail-problem-reported-body = Hallo { $name },

    danke, dass Sie uns das Problem in { $place } gemeldet haben. Unser Büro antwortet innerhalb von { $hours } Stunden.

    Ihre Referenz ist { $reference }.
mail-request-question-subject = { $business }: Eine Frage zu { $reference }
mail-request-question-body = Hallo { $name },

    zu Ihrer Anfrage { $reference } in { $place } fragt unser Büro:

    { $message }

    Bitte antworten Sie auf der Seite der Anfrage im Portal.
mail-request-declined-subject = { $business }: Ihre Anfrage { $reference }
mail-request-declined-body = Hallo { $name },

    es tut uns leid: Wir können Ihre Anfrage { $reference } in { $place } nicht übernehmen.

    { $message }

## Visit mails
mail-preferences-heading = E-Mail
mail-preferences-legend = Schreiben Sie mir, wenn
mail-preference-booked = ein Termin gebucht oder verschoben wird
mail-preference-en-route = die Fachkraft unterwegs ist
mail-preference-completed = ein Termin abgeschlossen ist
mail-preference-slipped = die Fachkraft sich verspätet
mail-preferences-save = Speichern
mail-preferences-saved = Ihre E-Mail-Einstellungen sind gespeichert.
mail-visit-on-the-way-subject = { $business }: { $technician } ist unterwegs
mail-visit-on-the-way-body = Hallo { $name },

    { $technician } ist auf dem Weg zu Ihrem Termin { $service } und wird jetzt zwischen { $from } und { $to } erwartet.

    Sie können den Termin { $reference } im Portal live verfolgen.
mail-visit-completed-subject = { $business }: { $service } ist erledigt
mail-visit-completed-body = Hallo { $name },

    { $technician } hat Ihren Termin { $service } vom { $date } abgeschlossen.

    Der Leistungsnachweis zu { $reference } (Checkliste, Hinweise, Fotos und Unterschrift) ist im Portal.
mail-visit-slipped-subject = { $business }: Ihr Termin verspätet sich
mail-visit-slipped-body = Hallo { $name },

    es tut uns leid: Der Tag verzögert sich. { $technician } wird für { $service } am { $date } jetzt zwischen { $from } und { $to } erwartet.

    Ihre Referenz ist { $reference }.

mail-verify-email-subject = { $business }: Bestätigen Sie Ihre E-Mail-Adresse
mail-verify-email-body = Hallo { $name },

    willkommen bei { $business }. Öffnen Sie diesen Link, um Ihre E-Mail-Adresse zu bestätigen und sich anzumelden:

    { $link }

    Der Link gilt einmal, 24 Stunden lang. Wenn Sie sich nicht registriert haben, ignorieren Sie diese Nachricht: Ohne den Link geschieht nichts.
mail-sign-up-existing-subject = { $business }: Sie haben schon ein Konto
mail-sign-up-existing-body = Hallo { $name },

    jemand (wahrscheinlich Sie) wollte sich mit dieser E-Mail-Adresse registrieren, zu der es schon ein Konto gibt. Melden Sie sich stattdessen hier an:

    { $link }

    Wenn Sie das nicht waren, ignorieren Sie diese Nachricht: Es wurde nichts geändert.
mail-password-reset-subject = { $business }: Wählen Sie ein neues Passwort
mail-password-reset-body = Hallo { $name },

    jemand (wahrscheinlich Sie) möchte Ihr Passwort zurücksetzen. Öffnen Sie diesen Link, um ein neues zu wählen:

    { $link }

    Der Link gilt einmal, eine Stunde lang. Wenn Sie das nicht waren, ignorieren Sie diese Nachricht: Ihr Passwort bleibt, wie es ist.
mail-passkey-added-subject = { $business }: Ihrem Konto wurde ein Passkey hinzugefügt
mail-passkey-added-body = Hallo { $name },

    Ihrem Konto wurde gerade ein Passkey hinzugefügt. Er meldet ohne Ihr Passwort an.

    Wenn Sie das nicht waren, entfernen Sie ihn hier und ändern Sie Ihr Passwort:

    { $link }
mail-message-waiting-subject = { $business }: { $from } hat Ihnen geschrieben
mail-message-waiting-body = Hallo { $name },

    { $from } hat Ihnen { $visit ->
        [none] in Ihrer Unterhaltung mit uns
       *[other] zum Termin { $visit }
    } geschrieben, und die Nachricht ist noch ungelesen. Lesen und antworten Sie hier:

    { $link }
mail-password-changed-subject = { $business }: Ihr Passwort wurde geändert
mail-password-changed-body = Hallo { $name },

    Ihr Passwort wurde eben geändert, und alle anderen Geräte wurden abgemeldet.

    Wenn Sie das nicht waren, wählen Sie hier sofort ein neues Passwort und sagen Sie uns Bescheid:

    { $link }
mail-sign-in-link-subject = { $business }: Ihr Anmeldelink
mail-sign-in-link-body = Hallo { $name },

    öffnen Sie diesen Link in dem Browser, in dem Sie ihn angefordert haben, um sich anzumelden:

    { $link }

    Der Link gilt einmal, 15 Minuten lang. Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese Nachricht.
mail-invitation-subject = { $business }: { $inviter } lädt Sie zu { $account } ein
mail-invitation-body = Hallo { $name },

    { $inviter } lädt Sie ein, { $account } im Portal von { $business } beizutreten. Dort verfolgen Sie Besuche, buchen und senden Anfragen für die Orte, die man mit Ihnen teilt.

    Öffnen Sie diesen Link, um Ihr Passwort zu wählen und beizutreten:

    { $link }

    Der Link gilt einmal, 7 Tage lang. Wenn Sie { $inviter } nicht kennen, ignorieren Sie diese Nachricht.

# People of an account and what each may do where.
capability-view = Sehen
capability-book = Buchen
capability-pay = Bezahlen
people-title = Personen und Rechte
people-link = Personen und Rechte
people-list-heading = Personen
people-hint = Inhaber dürfen an jedem Ort alles und verwalten die Personen. Mitglieder dürfen, was das Raster unten ihnen gibt.
people-you = Sie
people-pending = eingeladen, noch nicht beigetreten
people-make-owner = Zum Inhaber machen
people-make-member = Zum Mitglied machen
people-remove = Entfernen
people-remove-label = { $person } aus dem Konto entfernen
people-saved-rights = Gespeichert. Ab jetzt sieht jede Person nur, was Sie ihr geben.
people-saved-role = Die Rolle ist geändert.
people-saved-removed = Entfernt. Die Person ist überall abgemeldet und sieht nichts mehr vom Konto.
people-saved-invited = Einladung gesendet. Die Person tritt bei, indem sie über den Link in ihrer Mail ein Passwort wählt.
people-rights-heading = Wer sieht was
people-rights-hint = Wer an einem Ort buchen oder bezahlen darf, sieht ihn auch: seine Besuche, Anfragen, Dateien und Zugangshinweise.
people-rights-caption = Rechte jedes Mitglieds an jedem Ort
people-rights-empty = Noch keine Mitglieder. Laden Sie unten jemanden ein und wählen Sie, was die Person an jedem Ort darf.
people-rights-save = Rechte speichern
people-person = Person
people-right-label = { $person }: { $right } bei { $place }
people-invitee = die neue Person
people-invite-heading = Jemanden einladen
people-invite-hint = Die Person bekommt eine Mail mit einem Link zum Beitreten, 7 Tage gültig.
people-invite-name = Name
people-invite-email = E-Mail
people-invite-role = Rolle
people-invite-rights = An jedem Ort (nur Mitglieder)
people-invite-submit = Einladung senden
join-title = Dem Konto beitreten
join-lead = { $inviter } lädt Sie zu { $account } ein. Wählen Sie Ihr Passwort, um beizutreten.
join-email = Sie melden sich als { $email } an.
join-submit = Beitreten
field-already-member = Diese Person gehört schon zum Konto.
field-cannot-join = Diese Adresse kann hier nicht eingeladen werden. Fragen Sie nach einer anderen oder rufen Sie uns an.
error-last-owner = Das Konto braucht mindestens einen Inhaber. Machen Sie zuerst jemand anderen zum Inhaber.

# Two-step sign-in.
passkeys-title = Passkeys
passkeys-lead = Ein Passkey meldet Sie mit der Sperre Ihres Telefons oder Computers an (Fingerabdruck, Gesicht oder PIN) statt mit einem Passwort. Er kann weder abgefischt noch erraten werden und zählt als Zwei-Schritt-Anmeldung.
passkeys-yours = Ihre Passkeys
passkeys-none = Noch keine Passkeys.
passkeys-added-at = Hinzugefügt { $when }
passkeys-last-used = zuletzt verwendet { $when }
passkeys-never-used = noch nicht verwendet
passkeys-remove = Entfernen
passkeys-remove-label = Den Passkey „{ $name }“ entfernen
passkeys-add-heading = Passkey hinzufügen
passkeys-add-hint = Ihr Gerät bittet Sie, mit seiner Sperre zu bestätigen. Fügen Sie auf jedem Gerät einen hinzu, oder verwenden Sie den Ihres Telefons an jedem Computer.
passkeys-name = Name
passkeys-name-hint = Damit Sie Ihre Passkeys unterscheiden können, z. B. „Arbeitslaptop“.
passkeys-password-again = Sie haben sich vor mehr als 15 Minuten angemeldet: Geben Sie Ihr Passwort ein, um die Anmeldung zu ändern.
passkeys-add = Passkey hinzufügen
passkeys-saved-added = Der Passkey wurde hinzugefügt. Wählen Sie beim nächsten Mal „Mit Passkey anmelden“.
passkeys-saved-removed = Der Passkey wurde entfernt.
passkeys-off = Passkeys sind unter dieser Adresse nicht verfügbar. Bitten Sie das Büro, als öffentliche Adresse des Portals seinen Hostnamen einzutragen.
passkeys-need-script = Passkeys brauchen JavaScript, das in diesem Browser ausgeschaltet ist.
passkeys-working = Folgen Sie der Aufforderung Ihres Geräts …
passkeys-cancelled = Nichts geschehen: Die Passkey-Abfrage wurde geschlossen oder ist abgelaufen. Versuchen Sie es erneut, wenn Sie bereit sind.
passkeys-failed = Das hat nicht geklappt. Versuchen Sie es erneut oder verwenden Sie Ihr Passwort.
passkeys-unsupported = Dieser Browser kann keine Passkeys verwenden. Aktualisieren Sie ihn oder verwenden Sie Ihr Passwort.
passkeys-password-problem = Prüfen Sie Ihr aktuelles Passwort: Es wird gebraucht, weil Sie sich vor mehr als 15 Minuten angemeldet haben.
passkeys-default-name = Passkey
passkeys-confirm = Mit Passkey bestätigen
passkeys-confirm-hint = Sie haben sich vor mehr als 15 Minuten angemeldet. Bestätigen Sie mit einem Ihrer Passkeys statt mit Ihrem Passwort, dass Sie es sind.
passkeys-sign-in = Mit Passkey anmelden
passkeys-second-step = Passkey verwenden
two-step-title = Anmeldung in zwei Schritten
two-step-lead = Nach dem Passwort ein Code aus einer App auf Ihrem Telefon: Wer Ihr Passwort kennt, kann sich trotzdem nicht anmelden.
two-step-required = Der Betrieb verlangt von allen Mitarbeitenden die Anmeldung in zwei Schritten. Richten Sie sie ein, um weiterzumachen.
two-step-set-up = Einrichten
two-step-how = Sie brauchen eine Authenticator-App auf Ihrem Telefon (zum Beispiel Aegis, 2FAS, Google Authenticator oder Microsoft Authenticator).
two-step-start = Authenticator-App einrichten
two-step-scan = Scannen Sie diesen Code mit der App und geben Sie dann die sechs Ziffern ein, die sie zeigt.
two-step-qr = QR-Code zum Scannen mit Ihrer Authenticator-App
two-step-or-type = Scannen geht nicht? Geben Sie stattdessen diesen Schlüssel in die App ein:
two-step-confirm = Anmeldung in zwei Schritten einschalten
two-step-code = Code
two-step-code-hint = Die sechs Ziffern aus Ihrer App oder einer Ihrer Wiederherstellungscodes.
two-step-on = Die Anmeldung in zwei Schritten ist eingeschaltet
two-step-codes-left = { $count ->
    [one] Noch ein Wiederherstellungscode.
   *[other] Noch { $count } Wiederherstellungscodes.
}
two-step-codes-heading = Ihre Wiederherstellungscodes
two-step-codes-hint = Bewahren Sie sie sicher auf, nicht beim Telefon. Jeder gilt einmal anstelle eines Codes, falls Ihr Telefon verloren geht. Sie werden nur jetzt gezeigt.
two-step-new-codes = Neue Wiederherstellungscodes erstellen
two-step-off-heading = Ausschalten
two-step-off-hint = Dann meldet Sie Ihr Passwort allein wieder an.
two-step-off = Anmeldung in zwei Schritten ausschalten
two-step-saved-on = Die Anmeldung in zwei Schritten ist eingeschaltet. Auf Ihren anderen Geräten wurden Sie abgemeldet.
two-step-saved-codes = Neue Wiederherstellungscodes erstellt; die alten gelten nicht mehr.
two-step-saved-off = Die Anmeldung in zwei Schritten ist ausgeschaltet.
two-step-back = ← Ihr Konto
second-step-title = Code eingeben
second-step-lead = Ihr Passwort stimmt. Jetzt der Code aus Ihrer Authenticator-App.
second-step-submit = Anmelden
field-wrong-code = Das ist weder der Code, den Ihre App gerade zeigt, noch ein unbenutzter Wiederherstellungscode.
field-code-used = Dieser Code wurde schon benutzt. Warten Sie auf den nächsten.
error-sign-in-again = Diese Anmeldung ist abgelaufen oder hatte zu viele Versuche. Melden Sie sich neu an.
error-two-step-required = Richten Sie zuerst die Anmeldung in zwei Schritten ein: Der Betrieb verlangt sie von Mitarbeitenden.

# The person's own profile.
profile-heading = Ihre Angaben
profile-name = Ihr Name
profile-own-phone = Telefon (freiwillig)
profile-phone-hint = Damit das Büro und Ihre Technikerin oder Ihr Techniker Sie zu einem Besuch erreichen.
profile-language = Sprache
profile-language-hint = Das Portal und alle Mails an Sie verwenden sie.
profile-sign-in-email = Sie melden sich als { $email } an.
profile-save = Angaben speichern
profile-saved = Ihre Angaben sind gespeichert.
two-step-password-again = Ihre Anmeldung ist über eine Viertelstunde her: Geben Sie Ihr Passwort erneut ein, um Ihre Anmeldung zu ändern.

# Staff management (admins).
nav-staff = Team
staff-title = Team
staff-heading = Wer hier arbeitet
staff-inactive = deaktiviert
staff-two-step = Anmeldung in zwei Schritten
staff-role-of = Rolle von { $person }
staff-set-role = Rolle ändern
staff-deactivate = { $person } deaktivieren
staff-reactivate = { $person } wieder aktivieren
staff-invite-heading = Jemanden ins Team einladen
staff-saved-invited = Einladung gesendet. Die Person tritt bei, indem sie über den Link in ihrer Mail ein Passwort wählt.
staff-saved-role = Die Rolle ist geändert.
staff-saved-deactivated = Deaktiviert: überall abgemeldet und ohne Anmeldung, bis wieder aktiviert.
staff-saved-reactivated = Wieder aktiviert: Die Person kann sich wieder anmelden.
error-last-admin = Der Betrieb braucht mindestens eine aktive Admin-Person. Machen Sie zuerst jemand anderen zum Admin.
join-lead-plain = Treten Sie { $account } bei: Wählen Sie Ihr Passwort.

# Changing one's sign-in email.
field-same-email = Mit dieser E-Mail-Adresse melden Sie sich schon an.
email-change-heading = Anmelde-E-Mail
email-change-lead = Sie melden sich mit { $email } an. Um das zu ändern, geben Sie die neue Adresse und Ihr Passwort ein: Wir senden der neuen Adresse einen Link, und die Änderung gilt, sobald Sie ihn öffnen.
email-change-new = Neue E-Mail-Adresse
email-change-submit = Link senden
email-change-sent = Sehen Sie in der neuen Adresse nach: Wir haben ihr einen Link gesendet, der 24 Stunden gilt. Bis Sie ihn öffnen, bleibt Ihre E-Mail-Adresse, wie sie ist.
email-changed = Ihre Anmelde-E-Mail ist geändert. Wir haben auch Ihrer alten Adresse Bescheid gegeben.
email-changed-sign-in = Ihre Anmelde-E-Mail ist geändert. Melden Sie sich mit der neuen an.
email-confirm-title = Neue E-Mail-Adresse bestätigen
email-confirm-lead = Ab jetzt melden Sie sich mit { $email } an und erhalten dort unsere E-Mails.
email-confirm-submit = Diese Adresse verwenden
mail-confirm-email-subject = { $business }: Bestätigen Sie Ihre neue E-Mail-Adresse
mail-confirm-email-body = Hallo { $name },

    öffnen Sie diesen Link, um sich ab jetzt mit dieser Adresse anzumelden:

    { $link }

    Der Link gilt einmal, 24 Stunden lang. Wenn Sie das nicht angefragt haben, ignorieren Sie diese Nachricht: Ohne den Link ändert sich nichts.
mail-email-changed-subject = { $business }: Ihre Anmelde-E-Mail wurde geändert
mail-email-changed-body = Hallo { $name },

    die E-Mail-Adresse, mit der Sie sich anmelden, wurde eben auf eine andere geändert; unsere E-Mails gehen ab jetzt dorthin.

    Wenn Sie das nicht waren, öffnen Sie diesen Link: Er stellt Ihr Konto auf diese Adresse zurück und meldet alle ab. Wählen Sie danach ein neues Passwort und sagen Sie uns Bescheid.

    { $link }

    Der Link gilt einmal, 7 Tage lang.
mail-email-in-use-subject = { $business }: Jemand wollte diese Adresse verwenden
mail-email-in-use-body = Hallo { $name },

    jemand wollte ein anderes Konto auf diese E-Mail-Adresse umstellen. Sie gehört aber schon zu Ihrem Konto, deshalb wurde nichts geändert. Sie melden sich wie immer an:

    { $link }

    Wenn Sie davon nichts wissen, können Sie diese Nachricht ignorieren.

# The trail and the alerts.
nav-trail = Protokoll
account-trail-title = Protokoll und Daten
office-trail-title = Protokoll und Warnungen
export-heading = Ihre Daten
export-lead = Laden Sie alles, was wir zu Ihrem Konto speichern, in einer ZIP-Datei herunter: seine Personen und ihre Rechte, Ihre Orte mit Zugangshinweisen, Besuche, Anfragen, Pläne, Fotos und dieses Protokoll, als JSON und als Tabellen (CSV). Der Download selbst wird im Protokoll vermerkt.
export-wait = Sie haben Ihre Daten in der letzten Stunde dreimal heruntergeladen: Versuchen Sie es später noch einmal.
export-submit = Alles herunterladen (ZIP)
trail-heading = Was in Ihrem Konto geschah
trail-account-lead = Wer sich angemeldet hat, wer was geändert hat, wer eingeladen wurde, was heruntergeladen wurde: das Neueste zuerst. Woher, zeigen wir für Ihre eigenen Personen.
trail-empty = Noch ist nichts vermerkt.
trail-nobody = —
trail-caption = Das Protokoll, das Neueste zuerst
trail-when = Wann
trail-who = Wer
trail-what = Was
trail-about = Betrifft
trail-from = Woher
trail-older = Ältere Einträge
trail-filter-heading = Protokoll eingrenzen
trail-filter-action = Was (sein Anfang, etwa sign_in)
trail-filter-actor = Wer (eine Referenz, etwa PE-000001)
trail-filter-subject = Betrifft (eine Referenz oder E-Mail)
trail-filter-ip = Woher (eine Adresse)
trail-filter-from = Ab dem Tag
trail-filter-to = Bis zum Tag
trail-filter-hint = Leere Felder grenzen nicht ein. Tage zählen in der Zeitzone des Betriebs.
trail-filter-submit = Anzeigen
alerts-heading = Warnungen
alerts-empty = Keine Warnungen.
alerts-new = Neu
alerts-mark-seen = Alle als gesehen markieren
alert-failed-sign-ins = { $count } fehlgeschlagene Anmeldungen in wenigen Minuten: Vielleicht rät jemand Passwörter.
alert-new-network = { $person } hat sich aus einem bisher unbekannten Netz angemeldet ({ $ip }).
mail-failed-sign-ins-subject = { $business }: viele fehlgeschlagene Anmeldungen
mail-failed-sign-ins-body = Hallo { $name },

    das Portal hat in den letzten { $minutes } Minuten { $count } fehlgeschlagene Anmeldungen gezählt. Vielleicht rät jemand Passwörter; das Portal bremst ihn aus.

    Protokoll und Warnungen finden Sie auf der Seite „Protokoll“ des Büros.
mail-new-network-sign-in-subject = { $business }: { $person } hat sich aus einem neuen Netz angemeldet
mail-new-network-sign-in-body = Hallo { $name },

    { $person } hat sich eben von { $ip } angemeldet, aus einem Netz, aus dem noch keine Anmeldung kam.

    Wenn das unerwartet ist, beenden Sie die Sitzungen oder deaktivieren Sie die Person auf der Seite „Team“. Das Protokoll steht auf der Seite „Protokoll“ des Büros.
trail-action = { $action ->
    [sign_in] Angemeldet
    [sign_out] Abgemeldet
    [sign_in_link] Mit einem E-Mail-Link angemeldet
    [password_reset] Passwort zurückgesetzt
    [password_changed] Passwort geändert
    [password_reset_asked] Zurücksetzen des Passworts angefragt
    [sign_in_link_asked] Anmeldelink angefragt
    [signed_up] Registriert
    [email_verified] E-Mail-Adresse bestätigt
    [verification_resent] Bestätigungs-E-Mail erneut angefragt
    [email_change_asked] Änderung der E-Mail-Adresse angefragt
    [email_changed] E-Mail-Adresse geändert
    [profile_changed] Profil geändert
    [two_step_on] Zwei-Schritt-Anmeldung eingeschaltet
    [two_step_off] Zwei-Schritt-Anmeldung ausgeschaltet
    [recovery_codes_renewed] Neue Wiederherstellungscodes erstellt
    [second_step_asked] Passwort eingegeben (Code folgt)
    [second_step_failed] Falschen Code eingegeben
    [passkey_added] Passkey hinzugefügt
    [passkey_removed] Passkey entfernt
    [passkey_sign_in] Mit Passkey angemeldet
    [passkey_sign_in_failed] Ein Passkey wurde abgelehnt
    [session_ended] Sitzung beendet
    [sign_in_failed] Anmeldung fehlgeschlagen
    [member_invited] Jemanden eingeladen
    [member_joined] Dem Konto beigetreten
    [member_role_changed] Rolle geändert
    [member_removed] Jemanden entfernt
    [rights_changed] Rechte pro Ort geändert
    [location_added] Ort hinzugefügt
    [location_changed] Ort geändert
    [visit_booked] Besuch gebucht
    [visit_rescheduled] Besuch verschoben
    [visit_cancelled] Besuch storniert
    [visit_change_requested] Änderung eines Besuchs angefragt
    [visit_moved] Besuch verlegt (Büro)
    [visit_step] Besuch einen Schritt weiter
    [request_sent] Anfrage gesendet
    [request_answered] Anfrage beantwortet
    [request_handled] Anfrage erledigt
    [thread_assigned] Unterhaltung zugewiesen
    [canned_reply_added] Textbaustein hinzugefügt
    [canned_reply_removed] Textbaustein entfernt
    [request_declined] Anfrage abgelehnt
    [request_question] Rückfrage zu einer Anfrage
    [problem_reported] Problem gemeldet
    [plan_created] Wiederkehrenden Plan begonnen
    [plan_changed] Wiederkehrenden Plan geändert
    [plan_paused] Wiederkehrenden Plan pausiert
    [plan_resumed] Wiederkehrenden Plan fortgesetzt
    [plan_ended] Wiederkehrenden Plan beendet
    [calendar_feed_created] Kalender-Feed erstellt
    [calendar_feed_revoked] Kalender-Feed widerrufen
    [account_exported] Daten des Kontos heruntergeladen
   *[other] { $action }
}

# Staff single sign-on.
sso-submit = Team: mit dem Firmenkonto anmelden
sso-title = Anmeldung mit dem Firmenkonto
sso-signed-in = Sie sind angemeldet.
error-sso-failed = Die Anmeldung mit dem Firmenkonto hat nicht geklappt. Versuchen Sie es noch einmal oder melden Sie sich mit E-Mail und Passwort an.
error-sso-not-staff = Dieses Firmenkonto gehört hier zu niemandem im Team. Melden Sie sich stattdessen mit E-Mail und Passwort an.
error-passkey-refused = Dieser Passkey konnte hier nicht verwendet werden: Er gehört vielleicht zu einer anderen Website, oder das Gerät hat nicht bestätigt, dass Sie es sind. Versuchen Sie es erneut oder melden Sie sich mit Ihrem Passwort an.
error-passkey-unknown = Dieser Passkey ist hier nicht bekannt (vielleicht wurde er entfernt). Melden Sie sich mit Ihrem Passwort an und fügen Sie ihn erneut hinzu.
error-passkey-not-yours = Dieser Passkey gehört jemand anderem. Verwenden Sie Ihren eigenen oder geben Sie Ihren Code ein.
error-passkey-added = Der Passkey dieses Geräts ist bereits in Ihrem Konto.
error-too-many-passkeys = Sie haben bereits so viele Passkeys, wie möglich sind. Entfernen Sie zuerst einen.
error-passkey-expired = Das hat zu lange gedauert. Versuchen Sie es erneut.
