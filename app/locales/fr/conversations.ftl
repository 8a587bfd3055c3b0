nav-messages = Messages
nav-messages-unread = Messages ({ $count } non lus)
messages-title = Messages
messages-heading = Messages
messages-lead = Écrivez au bureau pour tout : une question, un changement, une facture. Pour une visite, écrivez sur la page de la visite afin que le technicien le voie aussi.
thread-heading = Conversation
thread-support-heading = Conversation avec le bureau
thread-earlier = Les messages plus anciens ne sont pas affichés.
thread-empty = Aucun message pour l’instant.
thread-seen = Vu par { $names }, { $time }
thread-side-customer = client
thread-side-technician = technicien
thread-side-office = bureau
thread-author = { $name } ({ $side })
thread-photo = Photo : { $name }
thread-read-only = Cette visite est terminée : vous pouvez lire sa conversation mais plus y écrire.
thread-message = Message
thread-photos = Photos (facultatif)
thread-photos-hint = Jusqu’à { $count } photos, { $size } Mo chacune (JPEG, PNG ou WebP).
thread-send = Envoyer
thread-sending = Envoi…
thread-retrying = Pas encore envoyé : la connexion a été coupée. Nouvel essai…
thread-new = Nouveau message
home-unread-messages = { $count ->
    [one] Vous avez un message non lu.
   *[other] Vous avez { $count } messages non lus.
}
thread-unread-visits = Non lus sur vos visites
thread-unread-visit = { $visit } : { $count ->
    [one] un message non lu
   *[other] { $count } messages non lus
}
nav-inbox = Boîte de réception
nav-inbox-unread = Boîte de réception ({ $count } non lus)
inbox-title = Boîte de réception
inbox-lists = Listes de conversations
inbox-unassigned = Non attribuées ({ $count })
inbox-mine = Les miennes ({ $count })
inbox-waiting = En attente du client ({ $count })
inbox-empty-unassigned = Rien n’attend le bureau.
inbox-empty-mine = Aucune conversation n’est à vous pour l’instant.
inbox-empty-waiting = Aucune conversation n’attend un client.
inbox-about-visit = visite { $visit }
inbox-about-support = assistance
inbox-unread = { $count } non lus
inbox-last = Dernier message { $time }
inbox-assigned = Prise par { $name }
inbox-take = La prendre
inbox-assign-to = Confier à
inbox-nobody = Personne
inbox-assign = Confier
inbox-first-answer = Première réponse après { $took }
inbox-unanswered = En attente d’une première réponse depuis { $took }
took-minutes = { $minutes } min
took-hours = { $hours } h { $minutes } min
took-days = { $days } j { $hours } h
