# El trabajo del día: la lista del técnico y los pasos de un trabajo.
nav-today = Hoy
today-title = Trabajos de hoy
today-empty = Hoy no hay trabajos.
today-promised = Prometido al cliente: { $times }
today-access = Acceso:
today-notes = Nota del cliente:
today-step-on-my-way = Voy en camino
today-step-arrived = He llegado
today-step-start = Empezar el trabajo
today-step-complete = Trabajo terminado
today-step-for = { $step }: { $visit }
visit-status-arrived = En el lugar
timeline-en-route = { $who }: en camino.
timeline-arrived = { $who }: llegada al lugar.
timeline-started = { $who }: trabajo empezado.
timeline-completed = { $who }: trabajo terminado.
error-step-out-of-order = Ese paso no corresponde al estado actual del trabajo (quizá ya se dio). La página muestra cómo está.
