nav-messages = Mensajes
nav-messages-unread = Mensajes ({ $count } sin leer)
messages-title = Mensajes
messages-heading = Mensajes
messages-lead = Escriba a la oficina sobre cualquier cosa: una pregunta, un cambio, una factura. Para una visita, escriba en la página de la visita para que el técnico también lo vea.
thread-heading = Conversación
thread-support-heading = Conversación con la oficina
thread-earlier = No se muestran los mensajes anteriores.
thread-empty = Todavía no hay mensajes.
thread-seen = Visto por { $names }, { $time }
thread-side-customer = cliente
thread-side-technician = técnico
thread-side-office = oficina
thread-author = { $name } ({ $side })
thread-photo = Foto: { $name }
thread-read-only = Esta visita ha terminado: puede leer su conversación pero ya no escribir en ella.
thread-message = Mensaje
thread-photos = Fotos (opcional)
thread-photos-hint = Hasta { $count } fotos, { $size } MB cada una (JPEG, PNG o WebP).
thread-send = Enviar
thread-sending = Enviando…
thread-retrying = Aún no se ha enviado: se cortó la conexión. Volviendo a intentarlo…
thread-new = Mensaje nuevo
home-unread-messages = { $count ->
    [one] Tiene un mensaje sin leer.
   *[other] Tiene { $count } mensajes sin leer.
}
thread-unread-visits = Sin leer sobre sus visitas
thread-unread-visit = { $visit }: { $count ->
    [one] un mensaje sin leer
   *[other] { $count } mensajes sin leer
}
nav-inbox = Bandeja
nav-inbox-unread = Bandeja ({ $count } sin leer)
inbox-title = Bandeja de conversaciones
inbox-lists = Listas de conversaciones
inbox-unassigned = Sin asignar ({ $count })
inbox-mine = Mías ({ $count })
inbox-waiting = Esperando al cliente ({ $count })
inbox-empty-unassigned = Nada espera a la oficina.
inbox-empty-mine = Ahora mismo ninguna conversación es suya.
inbox-empty-waiting = Ninguna conversación espera a un cliente.
inbox-about-visit = visita { $visit }
inbox-about-support = soporte
inbox-unread = { $count } sin leer
inbox-last = Último mensaje { $time }
inbox-assigned = La lleva { $name }
inbox-take = Encargarme
inbox-assign-to = Dar a
inbox-nobody = Nadie
inbox-assign = Dar
inbox-first-answer = Primera respuesta tras { $took }
inbox-unanswered = Esperando una primera respuesta desde hace { $took }
took-minutes = { $minutes } min
took-hours = { $hours } h { $minutes } min
took-days = { $days } d { $hours } h
