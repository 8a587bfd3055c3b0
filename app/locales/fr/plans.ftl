# Forfaits récurrents : des visites régulières que le portail réserve de lui-même.
nav-plans = Visites régulières
plans-title = Visites régulières
plans-lead = Une visite régulière se réserve toute seule : chaque visite est réservée quand son jour arrive à portée, à l’heure choisie.
plans-add = Créer une visite régulière
plans-back = ← Toutes les visites régulières
plans-empty = Vous n’avez pas encore de visite régulière. Créez-en une et chaque visite sera réservée pour vous.
plans-empty-office = Aucun client n’a encore de visite régulière.
plan-title = Visite régulière { $reference }
plan-rhythm-weeks = { $weeks ->
    [1] Chaque semaine, le { $weekday }
   *[other] Toutes les { $weeks } semaines, le { $weekday }
}
plan-rhythm-month-day = Chaque mois, le { $day }
plan-rhythm-nth-weekday = Chaque mois, le { $nth ->
    [1] premier
    [2] deuxième
    [3] troisième
    [4] quatrième
   *[other] dernier
} { $weekday }
plan-at = arrivée à partir de { $time }
plan-window = arrivée à partir de { $time }, dans les { $minutes } minutes
plan-next = Prochaine visite : { $when }
plan-misfits = { $count ->
    [one] Un jour ne convenait pas à l’heure choisie : le bureau l’organisera avec vous.
   *[other] { $count } jours ne convenaient pas à l’heure choisie : le bureau les organisera avec vous.
}
plan-status-active = En cours
plan-status-paused = En pause jusqu’au { $day }
plan-status-ended = Terminée
plan-location = Où
plan-service = Quoi
plan-frequency = À quelle fréquence
plan-frequency-weekly = Chaque semaine
plan-frequency-every-2-weeks = Toutes les 2 semaines
plan-frequency-every-4-weeks = Toutes les 4 semaines
plan-frequency-monthly-day = Chaque mois, à la même date que la première visite
plan-frequency-monthly-weekday = Chaque mois, le même jour de la semaine que la première visite (par exemple le deuxième mardi)
plan-starts = Première visite
plan-starts-hint = Le rythme hebdomadaire garde le jour de la semaine de cette date.
plan-ends = Dernière visite (facultatif)
plan-ends-hint = Laissez vide pour que les visites continuent.
plan-time = Heure d’arrivée
plan-time-hint = Le technicien arrive dans les { $minutes } minutes qui suivent cette heure.
plan-notes = Remarques pour chaque visite (facultatif)
plan-notes-hint = Ce que le technicien doit savoir à chaque fois.
plan-create = Créer et réserver les premières visites
plan-no-locations = Ajoutez d’abord un lieu avec sa position : des visites pourront alors y être réservées.
plan-unplaced-hidden = Les lieux sans position ne sont pas listés : personne ne peut encore y être envoyé.
plan-days = Jours à venir
plan-days-empty = Aucun jour à venir.
plan-day-booked = Réservée
plan-day-skipped = Sautée
plan-day-misfit = Le bureau l’organise
plan-day-later = Réservée quand elle arrive à portée
plan-day-cancelled = Annulée
plan-skip = Sauter
plan-skip-day = Sauter le { $day }
plan-manage = Modifier le forfait
plan-pause = Mettre en pause
plan-pause-until = Reprise le
plan-pause-hint = Les visites avant ce jour sont annulées ; à partir de ce jour, elles sont de nouveau réservées.
plan-pause-confirm = Mettre les visites en pause
plan-resume = Reprendre maintenant
plan-change = Changer la fréquence ou l’heure
plan-change-hint = Les visites qui ne conviennent plus sont annulées et les nouvelles réservées ; celles trop proches pour être changées en ligne restent.
plan-change-confirm = Enregistrer le nouveau rythme
plan-end = Arrêter le forfait
plan-end-hint = Plus rien n’est réservé, et les visites à venir sont annulées.
plan-end-confirm = Arrêter le forfait
plan-done-created = { $count ->
    [0] Votre visite régulière est créée.
    [one] Votre visite régulière est créée, et sa première visite réservée.
   *[other] Votre visite régulière est créée, et ses { $count } premières visites réservées.
}
plan-done-skipped = Le { $day } est sauté.
plan-done-paused = Le forfait est en pause.
plan-done-resumed = Le forfait reprend ; ses prochaines visites sont réservées.
plan-done-changed = Le forfait est modifié ; ses prochaines visites sont réservées au nouveau rythme.
plan-done-ended = Le forfait est arrêté.
plan-done-kept = { $count ->
    [one] Une visite est trop proche pour être annulée en ligne et reste réservée ; demandez au bureau si elle ne doit pas avoir lieu.
   *[other] { $count } visites sont trop proches pour être annulées en ligne et restent réservées ; demandez au bureau si elles ne doivent pas avoir lieu.
}
error-plan-ended = Cette visite régulière est terminée : plus rien à modifier.
