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
