# El tablero del despacho.
nav-board = Tablero
board-title = Tablero de despacho
board-days = Días
board-day = Día
board-prev = ← Día anterior
board-next = Día siguiente →
board-go = Mostrar
board-off = No trabaja este día
board-no-visits = Sin visitas este día.
board-blocked-spans = Bloqueado: { $spans }
board-travel = { $minutes } min de trayecto hasta aquí
board-travel-total = { $minutes } min de trayecto en total
board-window = Franja prometida: { $times }
board-move = Mover
board-move-visit = Mover { $visit }
board-technician = Técnico
board-time = Hora de inicio
board-move-confirm = Mover la visita
board-block = Bloquear tiempo
board-from = Desde
board-until = Hasta
board-reason = Motivo (opcional)
board-block-confirm = Bloquear este tiempo
board-unassigned = Sin asignar
board-unassigned-empty = Todas las visitas del día tienen técnico.
board-flagged = Visitas periódicas por organizar
board-flagged-empty = Ninguna visita periódica espera organización.
board-flagged-line = { $day }: { $customer }, { $service }, preferiblemente a las { $time }
board-open-requests = Solicitudes
board-requests = { $count ->
    [0] Ninguna solicitud espera respuesta.
    [one] Una solicitud espera respuesta.
   *[other] { $count } solicitudes esperan respuesta.
}
board-moved = { $visit } se ha movido. Añade { $travel } min de trayecto y deja { $gap } min libres alrededor. Se avisa al cliente.
board-blocked = { $count ->
    [0] El tiempo queda bloqueado.
    [one] El tiempo queda bloqueado. Una visita cae dentro: pásela a otra persona.
   *[other] El tiempo queda bloqueado. { $count } visitas caen dentro: páselas a otra persona.
}
board-could = { $name } podría hacerla a esa hora (añade { $travel } min de trayecto).
board-could-nobody = Nadie puede hacerla a esa hora: pruebe otra hora u otro día.
error-does-not-fit = La visita no cabe en el día de ese técnico a esa hora.
board-arrange = Organizar
board-arrange-day = Organizar { $day }
board-arrange-confirm = Reservar esta visita
board-placed = { $visit } está reservada. Añade { $travel } min de trayecto y deja { $gap } min libres alrededor. Se avisa al cliente.
