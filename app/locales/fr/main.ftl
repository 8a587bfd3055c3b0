# Doorstep, français.

## Frame
skip-to-content = Aller au contenu
nav-label = Principal
nav-home = Accueil
sign-out = Se déconnecter
language-label = Langue
language-change = Changer
footer-powered = Portail client propulsé par Doorstep
loading = Chargement…
back-home = Retour à l’accueil
app-description = Réservez des passages, suivez votre technicien et payez vos factures en ligne.

## Landing
landing-title = Bienvenue
landing-heading = Bienvenue chez { $business }
landing-lead = Votre service, sans coups de téléphone.
landing-book = Réservez un passage au moment qui vous convient
landing-track = Suivez votre technicien le jour J
landing-history = Retrouvez chaque passage, document et facture
landing-pay = Acceptez les devis et payez en ligne

## Sign in
sign-in-title = Se connecter
sign-in-lead = Utilisez l’adresse e-mail et le mot de passe qui vous ont été remis.
sign-in-email = Adresse e-mail
sign-in-password = Mot de passe
sign-in-show-password = Afficher le mot de passe
sign-in-hide-password = Masquer le mot de passe
sign-in-submit = Se connecter
sign-in-new-here = Nouveau ici ?
sign-in-create-account = Créer un compte
sign-in-forgot = Mot de passe oublié ?
sign-in-link-hint = Pas de mot de passe sous la main ? Nous vous envoyons un lien qui vous connecte dans ce navigateur, pendant 15 minutes.
sign-in-link-submit = M’envoyer un lien de connexion
sign-in-link-sent = Si cette adresse a un compte, un lien de connexion est en route. Ouvrez-le dans ce navigateur dans les 15 minutes.
sign-in-link-title = Se connecter avec votre lien
forgot-title = Mot de passe oublié ?
forgot-lead = Indiquez votre adresse e-mail : nous vous envoyons un lien pour choisir un nouveau mot de passe.
forgot-submit = M’envoyer un lien
forgot-sent = Si cette adresse a un compte, un lien est en route. Il sert pendant une heure.
forgot-back = Retour à la connexion
reset-title = Choisissez un nouveau mot de passe
reset-lead = Ensuite, vous serez déconnecté de tous vos autres appareils.
reset-password = Nouveau mot de passe
reset-submit = Enregistrer et me connecter
account-title = Votre compte
account-password = Mot de passe
account-current-password = Mot de passe actuel
account-new-password = Nouveau mot de passe
account-password-hint = Tous vos autres appareils connectés seront déconnectés.
account-change-password = Changer le mot de passe
account-sessions = Où vous êtes connecté
account-sessions-hint = Tous les navigateurs et appareils connectés à votre compte. Déconnectez ceux que vous ne reconnaissez pas, puis changez votre mot de passe.
account-session-device = { $browser } sur { $system }
account-session-unknown = Appareil inconnu
account-session-last-used = dernière utilisation : { $when }
account-session-this = Cet appareil
account-session-end = Déconnecter
account-session-end-label = Déconnecter { $device }
account-sessions-end-all = Déconnecter partout ailleurs
account-session-ended = Cet appareil est déconnecté.
account-sessions-ended = { $count ->
        [0] Aucun autre appareil n’était connecté.
        [one] Un autre appareil est déconnecté.
       *[other] { $count } autres appareils sont déconnectés.
    }
account-password-changed = Votre mot de passe est changé. { $count ->
        [0] Aucun autre appareil n’était connecté.
        [one] Un autre appareil a été déconnecté.
       *[other] { $count } autres appareils ont été déconnectés.
    }
account-password-reset = Votre nouveau mot de passe est enregistré et vous êtes connecté. Tous les autres appareils ont été déconnectés.
sign-up-title = Créez votre compte
sign-up-lead = Réservez des visites, suivez votre technicien et gardez votre historique au même endroit. Cela prend une minute.
sign-up-name = Votre nom
sign-up-email = Adresse e-mail
sign-up-email-hint = Nous envoyons un lien pour la confirmer : vous vous connectez avec lui.
sign-up-password = Choisissez un mot de passe
sign-up-password-rules = Au moins 12 caractères, ni votre nom ni votre adresse e-mail. Quelques mots sans rapport se retiennent facilement et se devinent mal.
sign-up-password-good = Un mot de passe solide.
sign-up-company = Entreprise (facultatif)
sign-up-company-hint = Seulement si vous réservez pour une entreprise ; laissez vide pour votre domicile.
sign-up-address = Votre première adresse
sign-up-address-hint = Là où nous venons. Vous pourrez ajouter d’autres lieux plus tard.
sign-up-label-default = Domicile
sign-up-place-name = Nom du lieu
sign-up-label-hint = Un nom pour le lieu, comme « Domicile » ou « Bureau ».
sign-up-submit = Créer mon compte
sign-up-have-account = Vous avez déjà un compte ?
sign-up-sent-title = Consultez vos e-mails
sign-up-sent = Nous vous avons envoyé un lien pour confirmer votre adresse e-mail.
sign-up-sent-again = Si cette adresse attend sa confirmation, un nouveau lien est en route.
sign-up-sent-detail = Ouvrez le lien dans les 24 heures pour vous connecter. Rien reçu ? Regardez dans les indésirables ou demandez un nouvel envoi.
sign-up-resend-heading = Renvoyer le lien
sign-up-resend = Renvoyer le lien
verify-title = Confirmez votre adresse e-mail
verify-lead = Un clic et votre compte est prêt : vous êtes connecté aussitôt.
verify-submit = Confirmer et me connecter
verify-new-link = Obtenir un nouveau lien

## Customer home
home-title = Accueil
home-greeting = Bonjour, { $name }
account-heading = Votre compte
account-name = Nom
account-kind = Type
account-kind-household = Particulier
account-kind-company = Entreprise
account-reference = Référence
account-since = Client depuis
locations-heading = Adresses
locations-empty = Aucune adresse pour l’instant.
location-access = Accès :
locations-manage = Ajouter ou modifier des adresses
locations-title = Adresses
locations-add = Ajouter une adresse
locations-edit = Modifier l’adresse
locations-back = ← Toutes les adresses
locations-saved = Adresse enregistrée.
locations-book-here = Réserver une visite ici
location-label = Nom
location-address = Adresse
location-line1 = Numéro et rue
location-line2 = Complément d’adresse
location-postal-code = Code postal
location-city = Ville
location-country = Pays
location-country-hint = Deux lettres, comme FR.
location-access-notes = Comment entrer
location-access-notes-hint = Codes du portail ou de la porte, où se trouve la clé, stationnement. Visible seulement par votre compte et notre équipe.
location-read-only = Vous pouvez voir ce lieu. Pour le modifier, demandez au titulaire du compte.
location-position = Position sur la carte
location-map = Carte du lieu
location-map-pin = Le lieu
location-map-hint = Ou cliquez sur la carte à l’endroit du lieu, puis faites glisser l’épingle pour l’ajuster : les champs ci-dessous suivent.
location-position-hint = Latitude et longitude en degrés, comme 48,8566 et 2,3522 (une application de cartes les affiche si vous appuyez longuement sur le lieu).
location-position-hint-geocoder = Laissez vide et nous cherchons l’adresse ; ou indiquez latitude et longitude en degrés, comme 48,8566 et 2,3522.
location-latitude = Latitude
location-longitude = Longitude
location-save = Enregistrer l’adresse
location-unplaced = Nous ne savons pas encore où se trouve ce lieu sur la carte : aucune visite ne peut y être réservée.
location-unplaced-not-found = Enregistrée, mais nous n’avons pas trouvé cette adresse sur la carte. Vérifiez-la ou indiquez ci-dessous sa latitude et sa longitude pour y réserver des visites.
location-unplaced-unavailable = Enregistrée, mais la recherche de l’adresse vient d’échouer. Enregistrez à nouveau plus tard ou indiquez ci-dessous sa latitude et sa longitude pour y réserver des visites.
location-unplaced-enter = Enregistrée. Indiquez ci-dessous sa latitude et sa longitude pour y réserver des visites.
location-add-position = Indiquer sa position
book-add-location = Ajouter une autre adresse
people-heading = Personnes

## Staff home
accounts-title = Comptes clients
accounts-caption = Tous les comptes clients, par nom
accounts-empty = Aucun compte client pour l’instant.
profile-title = Votre profil
profile-role = Rôle
profile-email = E-mail
profile-phone = Téléphone
profile-phone-none = Non renseigné
profile-reference = Référence employé
profile-since = Membre depuis

## Roles
role-account-owner = Titulaire du compte
role-account-member = Membre du compte
role-technician = Technicien
role-dispatcher = Planificateur
role-admin = Administrateur

## Field problems
field-required = Ce champ est obligatoire.
field-too-long = Utilisez au plus { $n } caractères.
field-too-short = Utilisez au moins { $n } caractères.
field-invalid-email = Saisissez une adresse comme nom@exemple.fr.
field-unknown-locale = Choisissez l’une des langues proposées.
field-invalid-colour = Saisissez une couleur comme #0f766e.
field-unknown-time-zone = Choisissez un fuseau horaire dans la liste.
field-invalid-currency = Saisissez un code de devise à trois lettres, comme EUR.
field-out-of-range = Cette valeur est hors limites.
field-not-a-number = Saisissez un nombre.
field-between = Saisissez un nombre entre { $min } et { $max }.
field-invalid-skills = Indiquez les compétences en mots courts séparés par des virgules, par exemple : nettoyage, échelles.
field-taken = Un autre l’utilise déjà ; choisissez-en un différent.
field-invalid-country = Indiquez le code pays à deux lettres, comme FR, DE ou ES.
field-invalid-phone = Indiquez un numéro de téléphone : chiffres, espaces et tirets, au moins six chiffres.
field-invalid-hours = Écrivez les horaires comme 08:00–12:00 ; plusieurs le même jour, séparés par des virgules.
field-overlapping-hours = Ces horaires se chevauchent ; une journée coupée demande une pause entre ses parties.
field-area-needed = Indiquez un rayon, des codes postaux ou les deux : sinon aucune intervention n’arrive à ce technicien.
field-invalid-postal-codes = Séparez les codes postaux par des virgules ; chacun est fait de lettres, chiffres, espaces et tirets (10 au plus).
field-invalid-date-time = Indiquez une date et une heure, comme 2026-12-01 08:00.
field-invalid-date = Indiquez une date, comme 2026-12-01.
field-invalid-time = Indiquez une heure, comme 08:30.
field-ends-before-start = Doit venir après le début.
field-photo-too-big = Chaque photo peut faire au plus { $n } Mo. Choisissez-en une plus petite ou envoyez-en moins à la fois.
field-too-many-photos = Au plus { $n } photos peuvent être envoyées à la fois.
field-not-a-photo = Seules les photos JPEG, PNG ou WebP peuvent être envoyées.
field-photo-too-large = Une photo peut avoir au plus { $n } mégapixels.
field-photo-unreadable = Une photo n’a pas pu être lue. Elle est peut-être endommagée : reprenez-la.
field-slower-than-less-urgent = Une priorité plus urgente ne peut pas prendre plus longtemps qu’une moins urgente.
field-password-weak = Ce mot de passe est trop facile à deviner. Prenez quelques mots sans rapport entre eux, ou un mélange plus long.
field-password-personal = N’utilisez ni votre nom ni votre adresse e-mail dans le mot de passe.
field-wrong-password = Ce n’est pas votre mot de passe actuel.
field-position-needed = Des visites sont prévues à cette adresse : elle a besoin d’une position. Indiquez sa latitude et sa longitude.
error-invalid-fields = Certains champs sont à corriger ; chacun indique le problème.

## Errors
error-invalid-credentials = Cette adresse e-mail et ce mot de passe ne correspondent pas. Vérifiez-les et réessayez.
error-email-not-verified = Confirmez d’abord votre adresse e-mail : ouvrez le lien que nous vous avons envoyé à l’inscription.
error-sign-up-closed = Les nouveaux comptes sont ouverts par le bureau. Appelez-nous ou écrivez-nous et nous créons le vôtre.
error-link-expired = Ce lien a expiré. Demandez-en un nouveau ci-dessous.
error-link-used = Ce lien a déjà servi. Connectez-vous ou demandez un nouveau lien.
error-link-other-browser = Ce lien de connexion ne fonctionne que dans le navigateur où vous l’avez demandé. Ouvrez-le là-bas, ou demandez-en un nouveau ici.
error-unauthenticated = Veuillez vous connecter pour continuer.
error-forbidden = Vous n’avez pas accès à ceci.
error-not-found = Nous n’avons pas trouvé ce que vous cherchez.
error-rate-limited = Trop de tentatives. Patientez { $minutes } minutes puis réessayez.
error-rate-limited-moment = Trop de tentatives pour le moment. Veuillez patienter quelques secondes et réessayer.
error-window-taken = Ce créneau vient d’être réservé. Veuillez en choisir un autre.
error-bad-request = Le formulaire était incomplet. Veuillez le remplir à nouveau.
error-internal = Un problème est survenu de notre côté. Réessayez dans un instant.
error-title = Un problème est survenu

## Pages
not-found-title = Page introuvable
not-found-body = L’adresse est peut-être mal saisie, ou la page a été déplacée.
offline-title = Vous êtes hors ligne
offline-body = Cette page a besoin d’une connexion. Vérifiez votre connexion et réessayez.
offline-retry = Réessayer

## Mail
mail-footer = { $business } · envoyé par son portail client
mail-settings-check-subject = { $business } : le portail peut envoyer des e-mails
mail-settings-check-body = Ce message vérifie les réglages d’e-mail du portail. Il est arrivé : ils fonctionnent.
mail-visit-booked-subject = { $business } : votre visite du { $date } est réservée
mail-visit-booked-body = Bonjour { $name },

    votre prestation « { $service } » est réservée pour le { $date }, avec une arrivée entre { $from } et { $to }. { $technician } viendra.

    Votre référence est { $reference }. Dans le portail, vous pouvez consulter, déplacer ou annuler la visite.

## Booking
nav-book = Réserver une visite
book-title = Réserver une visite
book-step = Étape { $n } sur { $of }
book-where = Où devons-nous venir ?
book-no-locations = Votre compte n’a pas encore d’adresse d’intervention. Ajoutez-en une pour réserver une visite.
book-change-location = Choisir une autre adresse
book-what = De quoi avez-vous besoin ?
book-at = À { $place }
book-no-services = Rien ne peut être réservé en ligne pour le moment. Merci de nous contacter.
book-duration = environ { $minutes } min
book-when = Quand cela vous convient-il ?
book-summary = { $service } à { $place }.
book-change-service = Modifier
book-previous-month = Mois précédent
book-next-month = Mois suivant
book-month-full = Il n’y a plus de créneau libre ce mois-ci.
book-first-open = Le premier créneau libre est le { $when }
book-nothing-free = Il n’y a aucun créneau libre sur la période où nous prenons des réservations. Contactez-nous et nous trouverons un moment avec vous.
book-day-none = { $day } : aucun créneau libre
book-day-windows = { $day } : { $count ->
    [one] un créneau libre
   *[other] { $count } créneaux libres
}
book-windows-on = Heures d’arrivée le { $day }
book-day-full = Ce jour n’a plus de créneau libre. Choisissez un autre jour.
book-continue = Continuer
book-review = Vérifier et confirmer
book-arrival-hint = Le technicien arrive pendant ce créneau. Vous recevrez une confirmation par e-mail.
book-no-access-notes = Aucune. Vous pouvez nous l’indiquer dans la note ci-dessous.
book-notes = Note pour le technicien (facultatif)
book-notes-hint = Par exemple : où se garer, animaux à la maison, ce qu’il faut faire exactement.
book-confirm = Confirmer la réservation
book-choose-again = Choisir un autre créneau
book-alternatives = Ces créneaux sont encore libres :

## Visits
visits-heading = Vos visites
visits-empty = Aucune visite prévue. Réservez-en une quand cela vous convient.
visit-heading = Visite
visit-title = Visite { $reference }
visit-with = avec { $technician }
visit-done-booked = Votre visite est réservée.
visit-booked-detail = Votre référence est { $reference }. Nous vous avons envoyé une confirmation par e-mail.
visit-reference = Référence
visit-status = Statut
visit-service = Prestation
visit-when = Arrivée
visit-where = Adresse
visit-access = Instructions d’accès
visit-technician = Technicien
visit-technician-photo = Photo de { $name }
visit-technician-pending = Nous vous dirons qui viendra.
visit-notes = Votre note
visit-add-to-calendar = Ajouter au calendrier
visit-timeline = Historique
visit-status-requested = Demandée
visit-status-scheduled = Planifiée
visit-status-assigned = Attribuée
visit-status-en-route = En route
visit-status-in-progress = En cours
visit-status-completed = Terminée
visit-status-cancelled = Annulée
visit-status-on-hold = En attente
actor-you = Vous
actor-office = Le bureau
actor-system = Le portail
timeline-booked = { $who } a réservé la visite.
ics-description = Référence { $reference }. Technicien : { $technician }.
error-too-late = À moins de { $hours } heures de la visite, elle ne peut plus être modifiée en ligne. Envoyez-nous un message ci-dessous et nous nous en occuperons.
error-visit-closed = Cette visite est déjà terminée ou annulée : elle ne peut plus être modifiée.
error-location-not-placed = Nous ne savons pas encore où se trouve ce lieu sur la carte : nous ne pouvons pas y proposer de créneaux.
error-too-many-requests = Votre compte a déjà beaucoup de demandes en attente. Nous y répondons d’abord ; contactez-nous si c’est urgent.
error-request-handled = Cette demande a déjà été traitée.
visit-done-moved = Votre visite a été déplacée.
visit-done-cancelled = Votre visite est annulée.
visit-done-asked = Votre message est parvenu au bureau. Nous revenons vers vous.
move-title = Déplacer la visite { $reference }
move-new-time = Nouvelle heure d’arrivée
move-confirm = Déplacer la visite
visit-changes = Modifier vos plans
visit-change-time = Choisir un autre créneau
visit-change-until = Vous pouvez modifier cette visite en ligne jusqu’au { $when }.
visit-cancel = Annuler cette visite
visit-cancel-reason = Pourquoi annulez-vous ? (obligatoire)
visit-cancel-confirm = Annuler la visite
visit-too-late = À moins de { $hours } heures de la visite, elle ne peut plus être modifiée en ligne. Dites-nous ce dont vous avez besoin et le bureau s’en occupera.
visit-ask-message = Votre message au bureau
visit-ask-send = Envoyer au bureau
timeline-rescheduled = { $who } a déplacé la visite.
timeline-cancelled = { $who } a annulé la visite.
timeline-change-requested = { $who } a demandé une modification au bureau.
mail-visit-rescheduled-subject = { $business } : votre visite est déplacée au { $date }
mail-visit-rescheduled-body = Bonjour { $name },

    votre prestation « { $service } » est déplacée au { $date }, avec une arrivée entre { $from } et { $to }. { $technician } viendra.

    Votre référence est { $reference }. Vous pouvez consulter la visite dans le portail.
mail-visit-cancelled-subject = { $business } : votre visite du { $date } est annulée
mail-visit-cancelled-body = Bonjour { $name },

    votre prestation « { $service } » du { $date } ({ $from }–{ $to }) est annulée. Motif indiqué : { $reason }

    Votre référence était { $reference }. Vous pouvez réserver une nouvelle visite dans le portail quand cela vous convient.
mail-quote-requested-subject = { $business } : nous avons reçu votre demande de devis { $reference }
mail-quote-requested-body = Bonjour { $name },

    merci pour votre demande de devis pour « { $service } » à { $place }. Nous étudions ce que vous avez écrit et revenons vers vous.

    Votre référence est { $reference }.
mail-callback-requested-subject = { $business } : nous allons vous rappeler ({ $reference })
mail-callback-requested-body = Bonjour { $name },

    nous avons reçu votre demande de rappel concernant { $place }. Quelqu’un de notre bureau vous contactera bientôt.

    Votre référence est { $reference }.

## Office
nav-rules = Règles de réservation
rules-title = Règles de réservation
rules-lead = Ce qui est proposé aux clients quand ils réservent, et jusqu’à quand ils peuvent modifier une visite. Les changements valent pour la recherche suivante.
rules-saved = Les règles de réservation sont enregistrées.
rules-response = Délais de réponse aux problèmes signalés
rules-response-hint = En combien d’heures le bureau répond à un problème signalé, selon la priorité. Les clients le voient et l’acceptent avant d’envoyer ; les signalements déjà envoyés gardent ce qui leur a été promis.
rules-response-label = { $priority }, en heures
rules-response-now = Les clients lisent : { $time }.
rules-response-save = Enregistrer les délais de réponse
rules-response-saved = Délais de réponse enregistrés. Ils sont promis aux nouveaux signalements.
rules-booking = Réservation
rules-travel = Trajets entre les visites
rules-changes = Modifications par les clients
rules-save = Enregistrer les règles
rules-min-notice-hours = Délai minimal (heures)
rules-min-notice-hours-hint = Le premier créneau commence au moins ce délai après la réservation.
rules-horizon-days = Horizon de réservation (jours)
rules-horizon-days-hint = Combien de jours à l’avance les clients peuvent réserver.
rules-window-min = Créneau d’arrivée (minutes)
rules-window-min-hint = La durée du créneau pendant lequel le technicien arrive.
rules-step-min = Pas des créneaux (minutes)
rules-step-min-hint = L’écart entre les débuts des créneaux proposés.
rules-road-factor = Facteur routier
rules-road-factor-hint = Les routes sont plus longues que la ligne droite : la distance est multipliée par ce facteur (par exemple 1,3).
rules-speed-kmh = Vitesse moyenne (km/h)
rules-speed-kmh-hint = La vitesse moyenne des techniciens, stationnement compris.
rules-travel-buffer-min = Marge de trajet (minutes)
rules-travel-buffer-min-hint = Ajoutée à chaque trajet : charger le véhicule, trouver la porte.
rules-reschedule-notice-hours = Délai pour déplacer (heures)
rules-reschedule-notice-hours-hint = Jusqu’à ce délai avant le créneau, les clients peuvent déplacer une visite eux-mêmes.
rules-cancel-notice-hours = Délai pour annuler (heures)
rules-cancel-notice-hours-hint = Jusqu’à ce délai avant le créneau, les clients peuvent annuler une visite eux-mêmes.
rules-reminder-hours = Rappel (heures avant)
rules-reminder-hours-hint = Un e-mail de rappel part ce délai avant le créneau ; 0 n’en envoie aucun.
nav-services = Prestations
nav-requests = Demandes
nav-technicians = Techniciens
yes = Oui
no = Non
price-from = à partir de { $amount }
price-quote = sur devis
book-ask-quote = Demander un devis
book-ask-call = Demander à être rappelé
services-title = Prestations
services-add = Ajouter une prestation
services-edit = Modifier une prestation
services-back = Toutes les prestations
services-empty = Aucune prestation pour l’instant. Ajoutez la première.
services-saved = La prestation { $reference } est enregistrée.
service-name = Nom
service-description = Description
service-category = Catégorie
service-duration = Durée
service-price = Prix
service-self-bookable-short = Réservable par les clients
service-active-short = Proposée
service-visit = La visite
service-duration-min = Durée (minutes)
service-buffer-min = Pause après la visite (minutes)
service-buffer-min-hint = Temps gardé libre après chaque visite : rangement, papiers.
service-skills = Compétences requises
service-skills-hint = Séparées par des virgules ; seuls les techniciens qui les ont toutes sont envoyés.
service-price-fixed = Prix fixe
service-price-from = À partir d’un prix
service-price-quote = Sur devis (les clients demandent au lieu de réserver)
service-price-amount = Prix
service-price-amount-hint = En { $currency }, par exemple 89,50. Laissez vide pour un devis.
service-booking = Réservation
service-self-bookable = Les clients peuvent la réserver eux-mêmes
service-active = Proposée
service-save = Enregistrer la prestation

## Calendar feed
feed-link = Voir vos visites dans votre propre agenda
feed-title = Abonnement d’agenda
feed-lead = Une adresse privée à laquelle votre agenda (Google Agenda, Calendrier Apple, Outlook) s’abonne : vos prochaines visites y apparaissent et restent à jour. Toute personne qui a l’adresse peut la lire : gardez-la pour vous.
feed-made = Votre nouvelle adresse est prête. Elle n’est affichée qu’une fois : copiez-la dans votre agenda.
feed-address = Votre adresse d’abonnement
feed-address-hint = Dans votre agenda, ajoutez un agenda « depuis une URL » ou « par abonnement » et collez cette adresse.
feed-active = Une adresse est active depuis le { $date }.
feed-none = Vous n’avez pas encore d’adresse d’abonnement.
feed-turned-off = Votre abonnement est désactivé ; l’ancienne adresse ne fonctionne plus.
feed-create = Créer une adresse
feed-replace = Créer une nouvelle adresse (l’ancienne cesse de fonctionner)
feed-revoke = Désactiver l’abonnement
mail-visit-reminder-subject = { $business } : votre visite du { $date }
mail-visit-reminder-body = Bonjour { $name },

    pour rappel, votre prestation « { $service } » a lieu le { $date }, avec une arrivée entre { $from } et { $to }. { $technician } viendra.

    Votre référence est { $reference }. Si quelque chose a changé, vous pouvez déplacer ou annuler la visite dans le portail.

## Requests
request-quote-title = Demande de devis
request-callback-title = Demande de rappel
request-change-title = Modification d’une visite
request-back-to-booking = ← Retour à la réservation
request-about = { $service } à { $place }
request-at = À { $place }
request-notes-quote = Que faut-il faire ?
request-notes-quote-hint = Plus nous en savons (taille, accès, ce que vous constatez), plus le devis est juste.
request-notes-callback = Quelque chose à nous dire ?
request-notes-callback-hint = Par exemple les jours ou heures qui vous conviennent.
request-phone = Téléphone
request-phone-hint = Facultatif. Sans numéro, nous répondons par e-mail.
request-send = Envoyer la demande
request-title = Demande { $reference }
request-sent = Merci. Nous avons reçu votre demande { $reference } et revenons vers vous.
request-kind = Demande
request-visit = Visite
request-service = Prestation
request-place = Lieu
request-sent-on = Envoyée le
request-status = État
request-status-open = En attente de notre réponse
request-status-handled = Traitée
request-notes = Ce que vous avez écrit
request-home = ← Retour à l’accueil
requests-title = Demandes
requests-empty = Aucune demande en attente.
requests-handled = { $reference } est marquée comme traitée.
requests-mark-handled = Marquer { $reference } comme traitée
requests-sent-by = Envoyée par { $name } le { $date }
home-requests-heading = Vos demandes

## Technicians
technicians-title = Techniciens
technicians-lead = Compétences, base, zone et horaires décident des interventions que chaque technicien peut prendre. Les changements arrivent tout de suite dans le calendrier de réservation.
technicians-empty = Personne dans l’équipe n’a encore le rôle de technicien.
technicians-name = Nom
technicians-state = État
technicians-state-ready = Réservable
technicians-state-unset = Non configuré
technicians-state-disabled = Désactivé
technicians-no-hours = Pas d’horaires réguliers
technicians-back = ← Tous les techniciens
technician-unset = Aucune intervention n’arrive à { $name } tant que compétences, base et zone ne sont pas enregistrées.
technician-profile = Compétences et zone
technician-skills = Compétences
technician-skills-hint = Séparées par des virgules, comme « hvac, gaz ». Un service qui demande des compétences ne va qu’aux techniciens qui les ont toutes.
technician-home = Base
technician-home-hint = Là où la journée commence et finit : le trajet vers la première intervention compte depuis ici.
technician-home-latitude = Latitude
technician-home-longitude = Longitude
technician-area = Zone d’intervention
technician-radius = Rayon en km
technician-radius-hint = Autour de la base, à vol d’oiseau. Laissez vide pour ne servir que les codes postaux.
technician-postal-codes = Codes postaux
technician-postal-codes-hint = En plus du rayon, séparés par des virgules.
technician-save-profile = Enregistrer compétences et zone
technician-saved-profile = Compétences et zone enregistrées.
technician-card = Ce que voient les clients
technician-card-hint = Les clients voient le prénom, le métier et la photo du technicien qui vient chez eux sur la page de la visite, une fois celle-ci attribuée.
technician-trade = Métier
technician-trade-hint = Facultatif, par exemple « Chauffagiste ». Au plus { $max } caractères.
technician-card-photo = Photo
technician-card-photo-hint = Un portrait avenant : JPEG, PNG ou WebP, jusqu’à { $mb } Mo. Laissez vide pour garder l’actuelle.
technician-card-photo-current = Photo actuelle
technician-card-remove-photo = Retirer la photo
technician-save-card = Enregistrer ce que voient les clients
technician-saved-card = Ce que voient les clients a été enregistré.
technician-hours = Horaires de la semaine
technician-hours-hint = Par jour, comme 08:00–12:00, 13:00–17:00 pour une journée coupée. Laissez vide un jour de repos.
technician-hours-total = { $hours } heures par semaine
technician-save-hours = Enregistrer les horaires
technician-saved-hours = Horaires de la semaine enregistrés.
technician-time-off = Absences
technician-time-off-empty = Aucune absence prévue.
technician-time-off-hint = Sans heures, l’absence couvre tout le premier et le dernier jour.
technician-start-day = Premier jour
technician-start-time = À partir de (facultatif)
technician-end-day = Dernier jour
technician-end-time = Jusqu’à (facultatif)
technician-reason = Motif (facultatif)
technician-add-time-off = Ajouter une absence
technician-saved-time-off = Absence ajoutée.
technician-removed-time-off = Absence supprimée.
technician-time-off-visits = { $count ->
    [one] Une intervention de ce technicien tombe pendant cette période. Elle reste en place jusqu’à ce que quelqu’un la déplace.
   *[other] { $count } interventions de ce technicien tombent pendant cette période. Elles restent en place jusqu’à ce que quelqu’un les déplace.
}
technician-time-off-visits-short = { $count ->
    [one] une intervention à déplacer
   *[other] { $count } interventions à déplacer
}
technician-remove = Supprimer
technician-remove-time-off = Supprimer l’absence { $span }
technician-extra-shifts = Créneaux supplémentaires
technician-extra-shifts-hint = Du travail un jour en dehors des horaires de la semaine, comme un samedi matin.
technician-extra-shifts-empty = Aucun créneau supplémentaire prévu.
technician-shift-day = Jour
technician-shift-from = De
technician-shift-until = À
technician-add-extra-shift = Ajouter un créneau
technician-saved-extra-shift = Créneau supplémentaire ajouté.
technician-removed-extra-shift = Créneau supplémentaire supprimé.
technician-remove-extra-shift = Supprimer le créneau { $span }

## Problem reports
home-report-problem = Signaler un problème
request-problem-title = Signalement de problème
request-status-waiting = En attente de votre réponse
request-status-declined = Refusée
request-status-scheduled = Visite réservée
request-done-answered = Merci. Votre réponse est transmise à notre bureau.
request-done-ask = Votre question a été envoyée au client.
request-done-decline = La demande est refusée et le client en connaît la raison.
request-done-scheduled = La visite est réservée et le client est prévenu.
problem-title = Signaler un problème
problem-no-places = Il n’y a encore aucun lieu pour lequel signaler un problème.
problem-sent = Merci. Nous avons reçu votre signalement { $reference } et répondrons { $time }.
problem-category = Quel genre de problème ?
problem-category-not-working = Quelque chose ne fonctionne pas
problem-category-leak = Fuite ou eau
problem-category-damage = Dégât
problem-category-noise-or-smell = Bruit ou odeur
problem-category-pests = Nuisibles
problem-category-cleaning = Nettoyage nécessaire
problem-category-other = Autre chose
problem-description = Que se passe-t-il ?
problem-description-hint = Où, ce que vous voyez ou entendez, depuis quand.
problem-priority = Quelle urgence ?
problem-priority-low = Pas urgent
problem-priority-normal = Normal
problem-priority-urgent = Urgent
problem-priority-emergency = Urgence absolue
problem-answer-within = Nous répondons { $time }.
problem-within-hours = sous { $n ->
        [one] une heure
       *[other] { $n } heures
    }
problem-within-days = sous { $n } jours
problem-acknowledge = J’ai compris en combien de temps le bureau répond pour l’urgence choisie.
problem-days = Jours qui vous conviennent
problem-days-hint = Facultatif. Laissez tout vide si n’importe quel jour convient.
problem-days-any = N’importe quel jour
problem-photos = Photos
problem-photos-hint = Facultatif. Jusqu’à { $n } photos de { $mb } Mo au plus chacune (JPEG, PNG ou WebP), depuis l’appareil photo ou vos fichiers.
problem-photo-alt = Photo { $name }
problem-send = Envoyer le signalement
request-timeline = Historique
request-step-sent = Envoyée
request-step-question = Le bureau a demandé
request-step-answer = Réponse donnée
request-step-declined = Refusée
request-step-scheduled = Visite réservée
request-step-handled = Marquée comme traitée
request-by-office = Bureau
request-answer-heading = Votre réponse
request-answer = Réponse à la question du bureau
request-answer-send = Envoyer la réponse
request-triage-heading = Répondre à cette demande
request-ask-label = Question au client
request-ask-send = Demander au client
request-decline-label = Raison du refus
request-decline-send = Refuser
request-schedule-heading = Réserver une visite
request-schedule-day = Jour
request-schedule-find = Voir les créneaux
request-schedule-none = Aucun créneau n’est libre ce jour-là.
request-schedule-book = Réserver { $window }
mail-problem-reported-subject = { $business } : nous avons reçu votre signalement { $reference }
mail-problem-reported-body = Bonjour { $name },

    merci de nous avoir signalé le problème à { $place }. Notre bureau vous répondra sous { $hours } heures.

    Votre référence est { $reference }.
mail-request-question-subject = { $business } : une question sur { $reference }
mail-request-question-body = Bonjour { $name },

    au sujet de votre demande { $reference } à { $place }, notre bureau demande :

    { $message }

    Merci de répondre sur la page de la demande dans le portail.
mail-request-declined-subject = { $business } : votre demande { $reference }
mail-request-declined-body = Bonjour { $name },

    nous sommes désolés : nous ne pouvons pas prendre en charge votre demande { $reference } à { $place }.

    { $message }

## Visit mails
mail-preferences-heading = Courriel
mail-preferences-legend = M’écrire quand
mail-preference-booked = une visite est réservée ou déplacée
mail-preference-en-route = le technicien est en route
mail-preference-completed = une visite est terminée
mail-preference-slipped = le technicien a du retard
mail-preferences-save = Enregistrer
mail-preferences-saved = Vos choix de courriels sont enregistrés.
mail-visit-on-the-way-subject = { $business } : { $technician } est en route
mail-visit-on-the-way-body = Bonjour { $name },

    { $technician } est en route pour votre { $service } et est maintenant attendu entre { $from } et { $to }.

    Vous pouvez suivre la visite { $reference } en direct dans le portail.
mail-visit-completed-subject = { $business } : votre { $service } est terminé
mail-visit-completed-body = Bonjour { $name },

    { $technician } a terminé votre { $service } du { $date }.

    Le rapport d’intervention de { $reference } (liste, notes, photos et signature) est dans le portail.
mail-visit-slipped-subject = { $business } : votre visite a du retard
mail-visit-slipped-body = Bonjour { $name },

    nous sommes désolés : la journée prend du retard. { $technician } est maintenant attendu entre { $from } et { $to } le { $date } pour votre { $service }.

    Votre référence est { $reference }.

mail-verify-email-subject = { $business } : confirmez votre adresse e-mail
mail-verify-email-body = Bonjour { $name },

    bienvenue chez { $business }. Ouvrez ce lien pour confirmer votre adresse e-mail et vous connecter :

    { $link }

    Le lien sert une fois, pendant 24 heures. Si vous ne vous êtes pas inscrit, ignorez ce message : rien ne se passe sans le lien.
mail-sign-up-existing-subject = { $business } : vous avez déjà un compte
mail-sign-up-existing-body = Bonjour { $name },

    quelqu’un (sans doute vous) a voulu s’inscrire avec cette adresse e-mail, qui a déjà un compte. Connectez-vous plutôt ici :

    { $link }

    Si ce n’était pas vous, ignorez ce message : rien n’a été modifié.
mail-password-reset-subject = { $business } : choisissez un nouveau mot de passe
mail-password-reset-body = Bonjour { $name },

    quelqu’un (sans doute vous) a demandé à réinitialiser votre mot de passe. Ouvrez ce lien pour en choisir un nouveau :

    { $link }

    Le lien sert une fois, pendant une heure. Si ce n’était pas vous, ignorez ce message : votre mot de passe ne change pas.
mail-passkey-added-subject = { $business } : une clé d’accès a été ajoutée à votre compte
mail-passkey-added-body = Bonjour { $name },

    une clé d’accès vient d’être ajoutée à votre compte. Elle permet de se connecter sans votre mot de passe.

    Si ce n’était pas vous, retirez-la ici et changez votre mot de passe :

    { $link }
mail-message-waiting-subject = { $business } : { $from } vous a écrit
mail-message-waiting-body = Bonjour { $name },

    { $from } vous a écrit { $visit ->
        [none] dans votre conversation avec nous
       *[other] au sujet de la visite { $visit }
    } et le message n’a pas encore été lu. Lisez-le et répondez ici :

    { $link }
mail-password-changed-subject = { $business } : votre mot de passe a été changé
mail-password-changed-body = Bonjour { $name },

    votre mot de passe vient d’être changé, et tous les autres appareils ont été déconnectés.

    Si ce n’était pas vous, choisissez tout de suite un nouveau mot de passe ici, et prévenez-nous :

    { $link }
mail-sign-in-link-subject = { $business } : votre lien de connexion
mail-sign-in-link-body = Bonjour { $name },

    ouvrez ce lien dans le navigateur où vous l’avez demandé pour vous connecter :

    { $link }

    Le lien sert une fois, pendant 15 minutes. Si vous ne l’avez pas demandé, ignorez ce message.
mail-invitation-subject = { $business } : { $inviter } vous invite à rejoindre { $account }
mail-invitation-body = Bonjour { $name },

    { $inviter } vous invite à rejoindre { $account } sur le portail de { $business }, où vous suivez les visites, réservez et envoyez des demandes pour les lieux partagés avec vous.

    Ouvrez ce lien pour choisir votre mot de passe et rejoindre le compte :

    { $link }

    Le lien fonctionne une fois, pendant 7 jours. Si vous ne connaissez pas { $inviter }, ignorez ce message.

# People of an account and what each may do where.
capability-view = Voir
capability-book = Réserver
capability-pay = Payer
people-title = Personnes et droits
people-link = Personnes et droits
people-list-heading = Personnes
people-hint = Les titulaires peuvent tout faire partout et gèrent les personnes. Les membres font ce que le tableau ci-dessous leur donne.
people-you = vous
people-pending = invitée, pas encore inscrite
people-make-owner = Rendre titulaire
people-make-member = Rendre membre
people-remove = Retirer
people-remove-label = Retirer { $person } du compte
people-saved-rights = Enregistré. Désormais chacun ne voit que ce que vous lui donnez.
people-saved-role = Le rôle est modifié.
people-saved-removed = Retirée. La personne est déconnectée partout et ne voit plus rien du compte.
people-saved-invited = Invitation envoyée. La personne rejoint le compte en choisissant un mot de passe via le lien reçu par mail.
people-rights-heading = Qui voit quoi
people-rights-hint = Réserver et payer pour un lieu incluent de le voir : ses visites, demandes, fichiers et consignes d’accès.
people-rights-caption = Droits de chaque membre pour chaque lieu
people-rights-empty = Pas encore de membres. Invitez quelqu’un ci-dessous et choisissez ce qu’il peut faire pour chaque lieu.
people-rights-save = Enregistrer les droits
people-person = Personne
people-right-label = { $person } : { $right } pour { $place }
people-invitee = la nouvelle personne
people-invite-heading = Inviter quelqu’un
people-invite-hint = La personne reçoit un mail avec un lien pour rejoindre le compte, valable 7 jours.
people-invite-name = Son nom
people-invite-email = Son e-mail
people-invite-role = Rôle
people-invite-rights = Pour chaque lieu (membres seulement)
people-invite-submit = Envoyer l’invitation
join-title = Rejoindre le compte
join-lead = { $inviter } vous invite à rejoindre { $account }. Choisissez votre mot de passe pour le rejoindre.
join-email = Vous vous connecterez en tant que { $email }.
join-submit = Rejoindre
field-already-member = Cette personne fait déjà partie du compte.
field-cannot-join = Cette adresse ne peut pas être invitée ici. Demandez-en une autre à la personne ou appelez-nous.
error-last-owner = Le compte a besoin d’au moins un titulaire. Rendez d’abord quelqu’un d’autre titulaire.

# Two-step sign-in.
passkeys-title = Clés d’accès
passkeys-lead = Une clé d’accès vous connecte avec le verrouillage de votre téléphone ou ordinateur (empreinte, visage ou code) au lieu d’un mot de passe. Elle ne peut être ni hameçonnée ni devinée, et compte comme connexion en deux étapes.
passkeys-yours = Vos clés d’accès
passkeys-none = Aucune clé d’accès pour l’instant.
passkeys-added-at = Ajoutée { $when }
passkeys-last-used = dernière utilisation { $when }
passkeys-never-used = pas encore utilisée
passkeys-remove = Retirer
passkeys-remove-label = Retirer la clé d’accès « { $name } »
passkeys-add-heading = Ajouter une clé d’accès
passkeys-add-hint = Votre appareil vous demande de confirmer avec son verrouillage. Ajoutez-en une sur chaque appareil, ou utilisez celle de votre téléphone depuis n’importe quel ordinateur.
passkeys-name = Nom
passkeys-name-hint = Pour distinguer vos clés, par ex. « Portable du travail ».
passkeys-password-again = Vous vous êtes connecté il y a plus de 15 minutes : saisissez votre mot de passe pour changer votre façon de vous connecter.
passkeys-add = Ajouter une clé d’accès
passkeys-saved-added = La clé d’accès a été ajoutée. La prochaine fois, choisissez « Se connecter avec une clé d’accès ».
passkeys-saved-removed = La clé d’accès a été retirée.
passkeys-off = Les clés d’accès ne sont pas disponibles à cette adresse. Demandez au bureau d’indiquer le nom d’hôte du portail comme adresse publique.
passkeys-need-script = Les clés d’accès ont besoin de JavaScript, désactivé dans ce navigateur.
passkeys-working = Suivez les indications de votre appareil…
passkeys-cancelled = Rien ne s’est passé : la demande de clé a été fermée ou a expiré. Réessayez quand vous êtes prêt.
passkeys-failed = Cela n’a pas fonctionné. Réessayez ou utilisez votre mot de passe.
passkeys-unsupported = Ce navigateur ne sait pas utiliser les clés d’accès. Mettez-le à jour ou utilisez votre mot de passe.
passkeys-password-problem = Vérifiez votre mot de passe actuel : il est demandé car vous vous êtes connecté il y a plus de 15 minutes.
passkeys-default-name = Clé d’accès
passkeys-confirm = Confirmer avec une clé d’accès
passkeys-confirm-hint = Vous vous êtes connecté il y a plus de 15 minutes. Confirmez que c’est vous avec l’une de vos clés d’accès plutôt qu’avec votre mot de passe.
passkeys-sign-in = Se connecter avec une clé d’accès
passkeys-second-step = Utiliser votre clé d’accès
two-step-title = Connexion en deux étapes
two-step-lead = Après le mot de passe, un code d’une application sur votre téléphone : qui connaît votre mot de passe ne peut toujours pas se connecter.
two-step-required = L’entreprise demande à tout le personnel de se connecter en deux étapes. Configurez-la pour continuer.
two-step-set-up = Configurer
two-step-how = Il vous faut une application d’authentification sur votre téléphone (par exemple Aegis, 2FAS, Google Authenticator ou Microsoft Authenticator).
two-step-start = Configurer une application d’authentification
two-step-scan = Scannez ce code avec l’application, puis saisissez les six chiffres qu’elle affiche.
two-step-qr = Code QR à scanner avec votre application d’authentification
two-step-or-type = Impossible de scanner ? Saisissez plutôt cette clé dans l’application :
two-step-confirm = Activer la connexion en deux étapes
two-step-code = Code
two-step-code-hint = Les six chiffres de votre application, ou l’un de vos codes de secours.
two-step-on = La connexion en deux étapes est activée
two-step-codes-left = { $count ->
    [one] Il reste un code de secours.
   *[other] Il reste { $count } codes de secours.
}
two-step-codes-heading = Vos codes de secours
two-step-codes-hint = Gardez-les en lieu sûr, loin de votre téléphone. Chacun sert une fois à la place d’un code si vous perdez votre téléphone. Ils ne sont affichés que maintenant.
two-step-new-codes = Créer de nouveaux codes de secours
two-step-off-heading = La désactiver
two-step-off-hint = Votre mot de passe seul suffira de nouveau pour vous connecter.
two-step-off = Désactiver la connexion en deux étapes
two-step-saved-on = La connexion en deux étapes est activée. Vous avez été déconnecté de vos autres appareils.
two-step-saved-codes = Nouveaux codes de secours créés ; les anciens ne fonctionnent plus.
two-step-saved-off = La connexion en deux étapes est désactivée.
two-step-back = ← Votre compte
second-step-title = Saisissez votre code
second-step-lead = Votre mot de passe est correct. Maintenant le code de votre application d’authentification.
second-step-submit = Se connecter
field-wrong-code = Ce n’est ni le code affiché par votre application, ni un code de secours inutilisé.
field-code-used = Ce code a déjà été utilisé. Attendez le suivant.
error-sign-in-again = Cette connexion a expiré ou a eu trop d’essais. Reconnectez-vous.
error-two-step-required = Configurez d’abord la connexion en deux étapes : l’entreprise l’exige du personnel.

# The person's own profile.
profile-heading = Vos coordonnées
profile-name = Votre nom
profile-own-phone = Téléphone (facultatif)
profile-phone-hint = Pour que le bureau et votre technicien puissent vous joindre au sujet d’une visite.
profile-language = Langue
profile-language-hint = Le portail et tous les mails qui vous sont envoyés l’utilisent.
profile-sign-in-email = Vous vous connectez en tant que { $email }.
profile-save = Enregistrer
profile-saved = Vos coordonnées sont enregistrées.
two-step-password-again = Vous vous êtes connecté il y a plus d’un quart d’heure : saisissez de nouveau votre mot de passe pour changer votre façon de vous connecter.

# Staff management (admins).
nav-staff = Équipe
staff-title = Équipe
staff-heading = Qui travaille ici
staff-inactive = désactivé
staff-two-step = connexion en deux étapes
staff-role-of = Rôle de { $person }
staff-set-role = Changer le rôle
staff-deactivate = Désactiver { $person }
staff-reactivate = Réactiver { $person }
staff-invite-heading = Inviter un membre de l’équipe
staff-saved-invited = Invitation envoyée. La personne rejoint l’équipe en choisissant un mot de passe via le lien reçu par mail.
staff-saved-role = Le rôle est modifié.
staff-saved-deactivated = Désactivé : déconnecté partout, sans accès jusqu’à sa réactivation.
staff-saved-reactivated = Réactivé : la personne peut de nouveau se connecter.
error-last-admin = L’entreprise a besoin d’au moins un administrateur actif. Nommez d’abord quelqu’un d’autre administrateur.
join-lead-plain = Rejoignez { $account } : choisissez votre mot de passe.

# Changing one's sign-in email.
field-same-email = C'est déjà l'adresse avec laquelle vous vous connectez.
email-change-heading = E-mail de connexion
email-change-lead = Vous vous connectez avec { $email }. Pour la changer, saisissez la nouvelle adresse et votre mot de passe : nous envoyons un lien à la nouvelle adresse, et le changement a lieu quand vous l'ouvrez.
email-change-new = Nouvel e-mail
email-change-submit = Envoyer le lien
email-change-sent = Consultez la nouvelle adresse : nous lui avons envoyé un lien valable 24 heures. Votre e-mail reste le même tant que vous ne l'avez pas ouvert.
email-changed = Votre e-mail de connexion est changé. Nous avons aussi prévenu votre ancienne adresse.
email-changed-sign-in = Votre e-mail de connexion est changé. Connectez-vous avec le nouveau.
email-confirm-title = Confirmez votre nouvel e-mail
email-confirm-lead = Désormais, vous vous connecterez et recevrez nos e-mails à { $email }.
email-confirm-submit = Utiliser cet e-mail
mail-confirm-email-subject = { $business } : confirmez votre nouvel e-mail
mail-confirm-email-body = Bonjour { $name },

    ouvrez ce lien pour vous connecter désormais avec cette adresse :

    { $link }

    Le lien fonctionne une fois, pendant 24 heures. Si vous n'avez rien demandé, ignorez ce message : rien ne change sans le lien.
mail-email-changed-subject = { $business } : votre e-mail de connexion a été changé
mail-email-changed-body = Bonjour { $name },

    l'adresse avec laquelle vous vous connectez vient d'être remplacée par une autre, et nos e-mails y seront envoyés désormais.

    Si ce n'était pas vous, ouvrez ce lien : il remet votre compte sur cette adresse et déconnecte tout le monde. Choisissez ensuite un nouveau mot de passe, et prévenez-nous.

    { $link }

    Le lien fonctionne une fois, pendant 7 jours.
mail-email-in-use-subject = { $business } : quelqu'un a demandé à utiliser cette adresse
mail-email-in-use-body = Bonjour { $name },

    quelqu'un a demandé à passer un autre compte sur cette adresse e-mail, mais elle appartient déjà à votre compte : rien n'a été changé. Vous vous connectez comme d'habitude :

    { $link }

    Si vous n'êtes au courant de rien, vous pouvez ignorer ce message.

# The trail and the alerts.
nav-trail = Journal
account-trail-title = Journal et données
office-trail-title = Journal et alertes
export-heading = Vos données
export-lead = Téléchargez dans un zip tout ce que nous conservons sur votre compte : ses personnes et ce que chacune peut faire, vos lieux avec leurs consignes d'accès, visites, demandes, plans, photos et ce journal, en JSON et en tableurs (CSV). Le téléchargement est lui-même noté au journal.
export-wait = Vous avez téléchargé vos données trois fois dans la dernière heure : réessayez plus tard.
export-submit = Tout télécharger (zip)
trail-heading = Ce qui s'est passé dans votre compte
trail-account-lead = Qui s'est connecté, qui a changé quoi, qui a été invité, ce qui a été téléchargé : le plus récent d'abord. La provenance est affichée pour vos propres personnes.
trail-empty = Rien n'est encore noté.
trail-nobody = —
trail-caption = Le journal, le plus récent d'abord
trail-when = Quand
trail-who = Qui
trail-what = Quoi
trail-about = Concerne
trail-from = Depuis
trail-older = Entrées plus anciennes
trail-filter-heading = Filtrer le journal
trail-filter-action = Quoi (son début, comme sign_in)
trail-filter-actor = Qui (une référence, comme PE-000001)
trail-filter-subject = Concerne (une référence ou un e-mail)
trail-filter-ip = Depuis (une adresse)
trail-filter-from = À partir du jour
trail-filter-to = Jusqu'au jour
trail-filter-hint = Les champs vides ne filtrent pas. Les jours suivent le fuseau horaire de l'entreprise.
trail-filter-submit = Afficher
alerts-heading = Alertes
alerts-empty = Aucune alerte.
alerts-new = Nouvelle
alerts-mark-seen = Tout marquer comme vu
alert-failed-sign-ins = { $count } connexions échouées en quelques minutes : quelqu'un essaie peut-être de deviner des mots de passe.
alert-new-network = { $person } s'est connecté depuis un réseau jamais vu ({ $ip }).
mail-failed-sign-ins-subject = { $business } : nombreuses connexions échouées
mail-failed-sign-ins-body = Bonjour { $name },

    le portail a compté { $count } connexions échouées ces { $minutes } dernières minutes. Quelqu'un essaie peut-être de deviner des mots de passe ; le portail le ralentit.

    Le journal et ses alertes sont sur la page Journal du bureau.
mail-new-network-sign-in-subject = { $business } : { $person } s'est connecté depuis un nouveau réseau
mail-new-network-sign-in-body = Bonjour { $name },

    { $person } vient de se connecter depuis { $ip }, un réseau d'où aucune de ses connexions précédentes n'était venue.

    Si c'est inattendu, fermez ses sessions ou désactivez son compte sur la page Équipe. Le journal est sur la page Journal du bureau.
trail-action = { $action ->
    [sign_in] S'est connecté
    [sign_out] S'est déconnecté
    [sign_in_link] S'est connecté par un lien reçu par e-mail
    [password_reset] A réinitialisé le mot de passe
    [password_changed] A changé le mot de passe
    [password_reset_asked] A demandé à réinitialiser le mot de passe
    [sign_in_link_asked] A demandé un lien de connexion
    [signed_up] S'est inscrit
    [email_verified] A confirmé l'adresse e-mail
    [verification_resent] A redemandé l'e-mail de confirmation
    [email_change_asked] A demandé à changer d'adresse e-mail
    [email_changed] A changé d'adresse e-mail
    [profile_changed] A modifié le profil
    [two_step_on] A activé la connexion en deux étapes
    [two_step_off] A désactivé la connexion en deux étapes
    [recovery_codes_renewed] A créé de nouveaux codes de secours
    [second_step_asked] A saisi le mot de passe (code à suivre)
    [second_step_failed] A saisi un mauvais code
    [passkey_added] A ajouté une clé d’accès
    [passkey_removed] A retiré une clé d’accès
    [passkey_sign_in] S’est connecté avec une clé d’accès
    [passkey_sign_in_failed] Une clé d’accès a été refusée
    [session_ended] A fermé une session
    [sign_in_failed] Échec de connexion
    [member_invited] A invité quelqu'un
    [member_joined] A rejoint le compte
    [member_role_changed] A changé le rôle de quelqu'un
    [member_removed] A retiré quelqu'un
    [rights_changed] A changé qui peut faire quoi et où
    [location_added] A ajouté un lieu
    [location_changed] A modifié un lieu
    [visit_booked] A réservé une visite
    [visit_rescheduled] A déplacé une visite
    [visit_cancelled] A annulé une visite
    [visit_change_requested] A demandé à modifier une visite
    [visit_moved] A déplacé une visite (bureau)
    [visit_step] Une visite a avancé d'une étape
    [request_sent] A envoyé une demande
    [request_answered] A répondu à une demande
    [request_handled] A traité une demande
    [thread_assigned] A confié une conversation
    [canned_reply_added] A ajouté une réponse type
    [canned_reply_removed] A retiré une réponse type
    [request_declined] A refusé une demande
    [request_question] A posé une question sur une demande
    [problem_reported] A signalé un problème
    [plan_created] A créé un plan récurrent
    [plan_changed] A modifié un plan récurrent
    [plan_paused] A mis en pause un plan récurrent
    [plan_resumed] A repris un plan récurrent
    [plan_ended] A terminé un plan récurrent
    [calendar_feed_created] A créé un flux de calendrier
    [calendar_feed_revoked] A révoqué un flux de calendrier
    [account_exported] A téléchargé les données du compte
   *[other] { $action }
}

# Staff single sign-on.
sso-submit = Équipe : se connecter avec le compte de l'entreprise
sso-title = Connexion avec le compte de l'entreprise
sso-signed-in = Vous êtes connecté.
error-sso-failed = La connexion avec le compte de l'entreprise n'a pas fonctionné. Réessayez, ou connectez-vous avec votre e-mail et votre mot de passe.
error-sso-not-staff = Ce compte d'entreprise n'appartient à personne de l'équipe ici. Connectez-vous plutôt avec votre e-mail et votre mot de passe.
error-passkey-refused = Cette clé d’accès n’a pas pu être utilisée ici : elle appartient peut-être à un autre site, ou l’appareil n’a pas confirmé que c’était vous. Réessayez ou connectez-vous avec votre mot de passe.
error-passkey-unknown = Cette clé d’accès n’est pas connue ici (elle a peut-être été retirée). Connectez-vous avec votre mot de passe, puis ajoutez-la à nouveau.
error-passkey-not-yours = Cette clé d’accès appartient à quelqu’un d’autre. Utilisez la vôtre ou saisissez votre code.
error-passkey-added = La clé d’accès de cet appareil est déjà sur votre compte.
error-too-many-passkeys = Vous avez déjà autant de clés d’accès que possible. Retirez-en une d’abord.
error-passkey-expired = Cela a pris trop de temps. Réessayez.
