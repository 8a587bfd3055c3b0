# Planes periódicos: visitas regulares que el portal reserva por sí solo.
nav-plans = Visitas periódicas
plans-title = Visitas periódicas
plans-lead = Una visita periódica se reserva sola: cada visita se reserva cuando su día entra en el plazo, a la hora que eligió.
plans-add = Crear una visita periódica
plans-back = ← Todas las visitas periódicas
plans-empty = Aún no tiene visitas periódicas. Cree una y cada visita se reservará por usted.
plans-empty-office = Ningún cliente tiene aún una visita periódica.
plan-title = Visita periódica { $reference }
plan-rhythm-weeks = { $weeks ->
    [1] Cada semana, el { $weekday }
   *[other] Cada { $weeks } semanas, el { $weekday }
}
plan-rhythm-month-day = Cada mes, el día { $day }
plan-rhythm-nth-weekday = Cada mes, el { $nth ->
    [1] primer
    [2] segundo
    [3] tercer
    [4] cuarto
   *[other] último
} { $weekday }
plan-at = llegada desde las { $time }
plan-window = llegada desde las { $time }, en un margen de { $minutes } minutos
plan-next = Próxima visita: { $when }
plan-misfits = { $count ->
    [one] Un día no encajó en la hora elegida: la oficina lo acordará con usted.
   *[other] { $count } días no encajaron en la hora elegida: la oficina los acordará con usted.
}
plan-status-active = Activa
plan-status-paused = En pausa hasta el { $day }
plan-status-ended = Finalizada
plan-location = Dónde
plan-service = Qué
plan-frequency = Con qué frecuencia
plan-frequency-weekly = Cada semana
plan-frequency-every-2-weeks = Cada 2 semanas
plan-frequency-every-4-weeks = Cada 4 semanas
plan-frequency-monthly-day = Cada mes, en la misma fecha que la primera visita
plan-frequency-monthly-weekday = Cada mes, en el mismo día de la semana que la primera visita (por ejemplo, el segundo martes)
plan-starts = Primera visita
plan-starts-hint = El ritmo semanal mantiene el día de la semana de esta fecha.
plan-ends = Última visita (opcional)
plan-ends-hint = Déjelo vacío para que las visitas sigan.
plan-time = Hora de llegada
plan-time-hint = El técnico llega dentro de los { $minutes } minutos siguientes a esta hora.
plan-notes = Notas para cada visita (opcional)
plan-notes-hint = Lo que el técnico debe saber cada vez.
plan-create = Crear y reservar las primeras visitas
plan-no-locations = Primero añada un lugar con su posición: entonces se podrán reservar visitas allí.
plan-unplaced-hidden = Los lugares sin posición no aparecen: aún no se puede enviar a nadie allí.
plan-days = Próximos días
plan-days-empty = No hay días próximos.
plan-day-booked = Reservada
plan-day-skipped = Omitida
plan-day-misfit = La oficina la está organizando
plan-day-later = Se reservará cuando entre en el plazo
plan-day-cancelled = Cancelada
plan-skip = Omitir
plan-skip-day = Omitir { $day }
plan-manage = Cambiar el plan
plan-pause = Pausar
plan-pause-until = De vuelta el
plan-pause-hint = Las visitas antes de este día se cancelan; desde este día se vuelven a reservar.
plan-pause-confirm = Pausar las visitas
plan-resume = Reanudar ahora
plan-change = Cambiar la frecuencia o la hora
plan-change-hint = Las visitas que ya no encajan se cancelan y se reservan las nuevas; las demasiado próximas para cambiarlas en línea se mantienen.
plan-change-confirm = Guardar el nuevo ritmo
plan-end = Finalizar el plan
plan-end-hint = No se reserva nada más y se cancelan las visitas próximas.
plan-end-confirm = Finalizar el plan
plan-done-created = { $count ->
    [0] Su visita periódica está creada.
    [one] Su visita periódica está creada y su primera visita, reservada.
   *[other] Su visita periódica está creada y sus primeras { $count } visitas, reservadas.
}
plan-done-skipped = El { $day } queda omitido.
plan-done-paused = El plan está en pausa.
plan-done-resumed = El plan vuelve a funcionar; sus próximas visitas están reservadas.
plan-done-changed = El plan ha cambiado; sus próximas visitas están reservadas con el nuevo ritmo.
plan-done-ended = El plan ha finalizado.
plan-done-kept = { $count ->
    [one] Una visita está demasiado próxima para cancelarla en línea y sigue reservada; pregunte a la oficina si no debe mantenerse.
   *[other] { $count } visitas están demasiado próximas para cancelarlas en línea y siguen reservadas; pregunte a la oficina si no deben mantenerse.
}
error-plan-ended = Esta visita periódica ha finalizado: no hay nada más que cambiar.
