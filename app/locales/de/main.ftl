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

## Errors
error-invalid-credentials = E-Mail-Adresse und Passwort passen nicht zusammen. Bitte prüfen und erneut versuchen.
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

    Im Portal können Sie den Termin ansehen, verschieben oder absagen.
