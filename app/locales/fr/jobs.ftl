# Le travail du jour : la liste du technicien et les étapes d’une intervention.
nav-today = Aujourd’hui
today-title = Interventions du jour
today-empty = Aucune intervention aujourd’hui.
today-promised = Promis au client : { $times }
today-access = Accès :
today-notes = Note du client :
today-step-on-my-way = Je suis en route
today-step-arrived = Je suis arrivé·e
today-step-start = Commencer le travail
today-step-complete = Travail terminé
today-step-for = { $step } : { $visit }
visit-status-arrived = Sur place
timeline-en-route = { $who } : en route.
timeline-arrived = { $who } : arrivée sur place.
timeline-started = { $who } : travail commencé.
timeline-completed = { $who } : travail terminé.
error-step-out-of-order = Cette étape ne suit pas l’état actuel de l’intervention (elle a peut-être déjà été faite). La page montre où elle en est.
