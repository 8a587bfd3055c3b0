# Le tableau de répartition.
nav-board = Tableau
board-title = Tableau de répartition
board-days = Jours
board-day = Jour
board-prev = ← Jour précédent
board-next = Jour suivant →
board-go = Afficher
board-off = Ne travaille pas ce jour
board-no-visits = Aucune intervention ce jour.
board-blocked-spans = Bloqué : { $spans }
board-travel = { $minutes } min de trajet pour venir ici
board-travel-total = { $minutes } min de trajet en tout
board-window = Créneau promis : { $times }
board-move = Déplacer
board-move-visit = Déplacer { $visit }
board-technician = Technicien
board-time = Heure de début
board-move-confirm = Déplacer l’intervention
board-block = Bloquer du temps
board-from = De
board-until = À
board-reason = Motif (facultatif)
board-block-confirm = Bloquer ce temps
board-unassigned = Non attribuées
board-unassigned-empty = Chaque intervention du jour a un technicien.
board-flagged = Interventions régulières à organiser
board-flagged-empty = Aucune intervention régulière n’attend d’être organisée.
board-flagged-line = { $day } : { $customer }, { $service }, de préférence à { $time }
board-open-requests = Demandes
board-requests = { $count ->
    [0] Aucune demande n’attend de réponse.
    [one] Une demande attend une réponse.
   *[other] { $count } demandes attendent une réponse.
}
board-moved = { $visit } est déplacée. Elle ajoute { $travel } min de trajet et laisse { $gap } min libres autour. Le client est prévenu.
board-blocked = { $count ->
    [0] Le temps est bloqué.
    [one] Le temps est bloqué. Une intervention y tombe : confiez-la à quelqu’un d’autre.
   *[other] Le temps est bloqué. { $count } interventions y tombent : confiez-les à quelqu’un d’autre.
}
board-could = { $name } pourrait la faire à cette heure (ajoute { $travel } min de trajet).
board-could-nobody = Personne ne peut la faire à cette heure : essayez une autre heure ou un autre jour.
error-does-not-fit = L’intervention ne tient pas dans la journée de ce technicien à cette heure.
board-arrange = Organiser
board-arrange-day = Organiser { $day }
board-arrange-confirm = Réserver cette intervention
board-placed = { $visit } est réservée. Elle ajoute { $travel } min de trajet et laisse { $gap } min libres autour. Le client est prévenu.
