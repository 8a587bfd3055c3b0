# Doorstep, español.

## Frame
skip-to-content = Saltar al contenido
nav-label = Principal
nav-home = Inicio
sign-out = Cerrar sesión
language-label = Idioma
language-change = Cambiar
footer-powered = Portal de clientes con Doorstep
loading = Cargando…
back-home = Volver al inicio
app-description = Reserve visitas, siga a su técnico y pague facturas en línea.

## Landing
landing-title = Bienvenida
landing-heading = Bienvenido a { $business }
landing-lead = Su servicio, sin llamadas de teléfono.
landing-book = Reserve una visita cuando le convenga
landing-track = Siga a su técnico el día de la visita
landing-history = Consulte cada visita, documento y factura
landing-pay = Apruebe presupuestos y pague en línea

## Sign in
sign-in-title = Iniciar sesión
sign-in-lead = Use el correo electrónico y la contraseña que recibió.
sign-in-email = Correo electrónico
sign-in-password = Contraseña
sign-in-show-password = Mostrar contraseña
sign-in-hide-password = Ocultar contraseña
sign-in-submit = Iniciar sesión
sign-in-new-here = ¿Es nuevo aquí?
sign-in-create-account = Crear una cuenta
sign-in-forgot = ¿Olvidó su contraseña?
sign-in-link-hint = ¿No tiene la contraseña a mano? Le enviamos un enlace que inicia la sesión en este navegador, durante 15 minutos.
sign-in-link-submit = Enviarme un enlace de acceso
sign-in-link-sent = Si esa dirección tiene una cuenta, hay un enlace de acceso en camino. Ábralo en este navegador en los próximos 15 minutos.
sign-in-link-title = Iniciar sesión con su enlace
forgot-title = ¿Olvidó su contraseña?
forgot-lead = Escriba su correo electrónico y le enviamos un enlace para elegir una contraseña nueva.
forgot-submit = Enviarme un enlace
forgot-sent = Si esa dirección tiene una cuenta, hay un enlace en camino. Sirve durante una hora.
forgot-back = Volver a iniciar sesión
reset-title = Elija una contraseña nueva
reset-lead = Después, se cerrará su sesión en todos los demás dispositivos.
reset-password = Contraseña nueva
reset-submit = Guardar e iniciar sesión
account-title = Su cuenta
account-password = Contraseña
account-current-password = Contraseña actual
account-new-password = Contraseña nueva
account-password-hint = Se cerrará la sesión en todos los demás dispositivos.
account-change-password = Cambiar la contraseña
account-sessions = Dónde ha iniciado sesión
account-sessions-hint = Todos los navegadores y dispositivos con la sesión abierta en su cuenta. Cierre la de los que no reconozca y cambie después su contraseña.
account-session-device = { $browser } en { $system }
account-session-unknown = Dispositivo desconocido
account-session-last-used = último uso: { $when }
account-session-this = Este dispositivo
account-session-end = Cerrar sesión
account-session-end-label = Cerrar sesión en { $device }
account-sessions-end-all = Cerrar sesión en todos los demás
account-session-ended = Se cerró la sesión en ese dispositivo.
account-sessions-ended = { $count ->
        [0] No había otro dispositivo con la sesión abierta.
        [one] Se cerró la sesión en otro dispositivo.
       *[other] Se cerró la sesión en { $count } dispositivos más.
    }
account-password-changed = Su contraseña ha cambiado. { $count ->
        [0] No había otro dispositivo con la sesión abierta.
        [one] Se cerró la sesión en otro dispositivo.
       *[other] Se cerró la sesión en { $count } dispositivos más.
    }
account-password-reset = Su contraseña nueva está guardada y ha iniciado sesión. Se cerró la sesión en todos los demás dispositivos.
sign-up-title = Cree su cuenta
sign-up-lead = Reserve visitas, siga a su técnico y guarde su historial en un solo lugar. Le llevará un minuto.
sign-up-name = Su nombre
sign-up-email = Correo electrónico
sign-up-email-hint = Le enviamos un enlace para confirmarlo: con él inicia sesión.
sign-up-password = Elija una contraseña
sign-up-password-rules = Al menos 12 caracteres, sin su nombre ni su correo. Unas pocas palabras sin relación son fáciles de recordar y difíciles de adivinar.
sign-up-password-good = Una contraseña segura.
sign-up-company = Empresa (opcional)
sign-up-company-hint = Solo si reserva para una empresa; déjelo vacío para su casa.
sign-up-address = Su primera dirección
sign-up-address-hint = Adonde vamos. Puede añadir más lugares después.
sign-up-label-default = Casa
sign-up-place-name = Nombre del lugar
sign-up-label-hint = Un nombre para el lugar, como «Casa» u «Oficina».
sign-up-submit = Crear mi cuenta
sign-up-have-account = ¿Ya tiene una cuenta?
sign-up-sent-title = Revise su correo
sign-up-sent = Le enviamos un enlace para confirmar su correo electrónico.
sign-up-sent-again = Si esa dirección está pendiente de confirmar, hay un enlace nuevo en camino.
sign-up-sent-detail = Abra el enlace en 24 horas para iniciar sesión. ¿No llegó nada? Mire en la carpeta de spam o pida que se lo enviemos de nuevo.
sign-up-resend-heading = Enviar el enlace de nuevo
sign-up-resend = Enviar el enlace de nuevo
verify-title = Confirme su correo electrónico
verify-lead = Con un clic su cuenta está lista: inicia sesión al momento.
verify-submit = Confirmar e iniciar sesión
verify-new-link = Pedir un enlace nuevo

## Customer home
home-title = Inicio
home-greeting = Hola, { $name }
account-heading = Su cuenta
account-name = Nombre
account-kind = Tipo
account-kind-household = Hogar
account-kind-company = Empresa
account-reference = Referencia
account-since = Cliente desde
locations-heading = Direcciones
locations-empty = Todavía no hay direcciones.
location-access = Acceso:
locations-manage = Añadir o cambiar direcciones
locations-title = Direcciones
locations-add = Añadir una dirección
locations-edit = Cambiar la dirección
locations-back = ← Todas las direcciones
locations-saved = Dirección guardada.
locations-book-here = Reservar una visita aquí
location-label = Nombre
location-address = Dirección
location-line1 = Calle y número
location-line2 = Línea 2 de la dirección
location-postal-code = Código postal
location-city = Ciudad
location-country = País
location-country-hint = Dos letras, como ES.
location-access-notes = Cómo entrar
location-access-notes-hint = Códigos de puerta o portal, dónde está la llave, aparcamiento. Solo lo ven su cuenta y nuestro equipo.
location-read-only = Puede ver este lugar. Para cambiarlo, pídaselo al titular de la cuenta.
location-position = Posición en el mapa
location-map = Mapa del lugar
location-map-pin = El lugar
location-map-hint = O haga clic en el mapa donde está el lugar y arrastre el marcador para ajustarlo: los campos de abajo lo siguen.
location-position-hint = Latitud y longitud en grados, como 40,4168 y -3,7038 (una app de mapas las muestra si mantiene el dedo sobre el lugar).
location-position-hint-geocoder = Déjelo vacío y buscaremos la dirección; o indique latitud y longitud en grados, como 40,4168 y -3,7038.
location-latitude = Latitud
location-longitude = Longitud
location-save = Guardar la dirección
location-unplaced = Todavía no sabemos dónde está este lugar en el mapa, así que no se pueden reservar visitas allí.
location-unplaced-not-found = Guardada, pero no encontramos esta dirección en el mapa. Revísela o indique abajo su latitud y longitud para reservar visitas allí.
location-unplaced-unavailable = Guardada, pero la búsqueda de la dirección ha fallado ahora mismo. Guarde de nuevo más tarde o indique abajo su latitud y longitud para reservar visitas allí.
location-unplaced-enter = Guardada. Indique abajo su latitud y longitud para reservar visitas allí.
location-add-position = Indicar su posición
book-add-location = Añadir otra dirección
people-heading = Personas

## Staff home
accounts-title = Cuentas de clientes
accounts-caption = Todas las cuentas de clientes, por nombre
accounts-empty = Todavía no hay cuentas de clientes.
profile-title = Su perfil
profile-role = Rol
profile-email = Correo electrónico
profile-phone = Teléfono
profile-phone-none = Sin indicar
profile-reference = Referencia de empleado
profile-since = Miembro desde

## Roles
role-account-owner = Titular de la cuenta
role-account-member = Miembro de la cuenta
role-technician = Técnico
role-dispatcher = Planificador
role-admin = Administrador

## Field problems
field-required = Este campo es obligatorio.
field-too-long = Use como máximo { $n } caracteres.
field-too-short = Use al menos { $n } caracteres.
field-invalid-email = Introduzca un correo como nombre@ejemplo.com.
field-unknown-locale = Elija uno de los idiomas ofrecidos.
field-invalid-colour = Introduzca un color como #0f766e.
field-unknown-time-zone = Elija una zona horaria de la lista.
field-invalid-currency = Introduzca un código de moneda de tres letras, como EUR.
field-out-of-range = Este valor está fuera de rango.
field-not-a-number = Introduzca un número.
field-between = Introduzca un número entre { $min } y { $max }.
field-invalid-skills = Escriba las habilidades como palabras cortas separadas por comas, por ejemplo: limpieza, escaleras.
field-taken = Ya hay otro con este valor; elija uno distinto.
field-invalid-country = Use el código de país de dos letras, como ES, FR o DE.
field-invalid-phone = Indique un número de teléfono: cifras, espacios y guiones, al menos seis cifras.
field-invalid-hours = Escriba los horarios como 08:00–12:00; varios en un mismo día separados por comas.
field-overlapping-hours = Estos horarios se solapan; un turno partido necesita una pausa entre sus partes.
field-area-needed = Indique un radio, códigos postales o ambos; si no, ninguna visita llegará a este técnico.
field-invalid-postal-codes = Separe los códigos postales con comas; cada uno lleva letras, cifras, espacios y guiones (como mucho 10).
field-invalid-date-time = Indique fecha y hora, como 2026-12-01 08:00.
field-invalid-date = Indique una fecha, como 2026-12-01.
field-invalid-time = Indique una hora, como 08:30.
field-ends-before-start = Debe ser posterior al inicio.
field-photo-too-big = Cada foto puede tener como máximo { $n } MB. Elija una más pequeña o envíe menos a la vez.
field-too-many-photos = Se pueden enviar como máximo { $n } fotos a la vez.
field-not-a-photo = Solo se pueden enviar fotos en JPEG, PNG o WebP.
field-photo-too-large = Una foto puede tener como máximo { $n } megapíxeles.
field-photo-unreadable = No se pudo leer una foto. Puede estar dañada: intente tomarla de nuevo.
field-slower-than-less-urgent = Una prioridad más urgente no puede tardar más que una menos urgente.
field-password-weak = Esta contraseña es demasiado fácil de adivinar. Use varias palabras sin relación entre sí, o una mezcla más larga.
field-password-personal = No use su nombre ni su correo electrónico en la contraseña.
field-wrong-password = Esa no es su contraseña actual.
field-position-needed = Hay visitas reservadas en este lugar, así que necesita una posición: indique su latitud y longitud.
error-invalid-fields = Hay campos que corregir; cada uno indica qué falla.

## Errors
error-invalid-credentials = El correo y la contraseña no coinciden. Revíselos e inténtelo de nuevo.
error-email-not-verified = Confirme primero su correo electrónico: abra el enlace que le enviamos al registrarse.
error-sign-up-closed = Las cuentas nuevas las abre la oficina. Llámenos o escríbanos y le creamos la suya.
error-link-expired = Este enlace ha caducado. Pida uno nuevo abajo.
error-link-used = Este enlace ya se usó. Inicie sesión o pida un enlace nuevo.
error-link-other-browser = Este enlace de acceso solo funciona en el navegador donde lo pidió. Ábralo allí o pida uno nuevo aquí.
error-unauthenticated = Inicie sesión para continuar.
error-forbidden = No tiene acceso a esto.
error-not-found = No encontramos lo que busca.
error-rate-limited = Demasiados intentos. Espere { $minutes } minutos e inténtelo de nuevo.
error-rate-limited-moment = Hay demasiados intentos en este momento. Espere unos segundos y vuelva a intentarlo.
error-window-taken = Alguien acaba de reservar esa hora. Elija otra, por favor.
error-bad-request = El formulario estaba incompleto. Rellénelo de nuevo.
error-internal = Algo ha fallado por nuestra parte. Inténtelo de nuevo en un momento.
error-title = Algo ha fallado

## Pages
not-found-title = Página no encontrada
not-found-body = Puede que la dirección esté mal escrita o que la página se haya movido.
offline-title = Está sin conexión
offline-body = Esta página necesita conexión. Compruebe su conexión e inténtelo de nuevo.
offline-retry = Reintentar

## Mail
mail-footer = { $business } · enviado por su portal de clientes
mail-settings-check-subject = { $business }: el portal puede enviar correos
mail-settings-check-body = Este mensaje se envió para comprobar la configuración de correo del portal. Ha llegado, así que funciona.
mail-visit-booked-subject = { $business }: su visita del { $date } está reservada
mail-visit-booked-body = Hola, { $name }:

    su servicio «{ $service }» está reservado para el { $date }, con llegada entre las { $from } y las { $to }. Vendrá { $technician }.

    Su referencia es { $reference }. En el portal puede ver, mover o cancelar la visita.

## Booking
nav-book = Reservar una visita
book-title = Reservar una visita
book-step = Paso { $n } de { $of }
book-where = ¿Dónde debemos ir?
book-no-locations = Su cuenta aún no tiene ninguna dirección de servicio. Añada una para reservar una visita.
book-change-location = Elegir otra dirección
book-what = ¿Qué necesita?
book-at = En { $place }
book-no-services = Ahora mismo no se puede reservar nada en línea. Contáctenos, por favor.
book-duration = unos { $minutes } min
book-when = ¿Cuándo le viene bien?
book-summary = { $service } en { $place }.
book-change-service = Cambiar
book-previous-month = Mes anterior
book-next-month = Mes siguiente
book-month-full = No quedan horarios libres este mes.
book-first-open = El primer horario libre es el { $when }
book-nothing-free = No hay horarios libres en el periodo en que aceptamos reservas. Contáctenos y buscaremos una hora con usted.
book-day-none = { $day }: sin horarios libres
book-day-windows = { $day }: { $count ->
    [one] un horario libre
   *[other] { $count } horarios libres
}
book-windows-on = Horarios de llegada el { $day }
book-day-full = Este día ya no tiene horarios libres. Elija otro día, por favor.
book-continue = Continuar
book-review = Revisar y confirmar
book-arrival-hint = El técnico llega dentro de esta franja. Recibirá una confirmación por correo electrónico.
book-no-access-notes = Ninguna. Puede indicárnoslo en la nota de abajo.
book-notes = Nota para el técnico (opcional)
book-notes-hint = Por ejemplo: dónde aparcar, si hay mascotas en casa, qué hay que hacer exactamente.
book-confirm = Confirmar la reserva
book-choose-again = Elegir otro horario
book-alternatives = Estos horarios siguen libres:

## Visits
visits-heading = Sus visitas
visits-empty = No hay visitas previstas. Reserve una cuando le venga bien.
visit-heading = Visita
visit-title = Visita { $reference }
visit-with = con { $technician }
visit-done-booked = Su visita está reservada.
visit-booked-detail = Su referencia es { $reference }. Le hemos enviado una confirmación por correo electrónico.
visit-reference = Referencia
visit-status = Estado
visit-service = Servicio
visit-when = Llegada
visit-where = Dirección
visit-access = Instrucciones de acceso
visit-technician = Técnico
visit-technician-photo = Foto de { $name }
visit-technician-pending = Le diremos quién irá.
visit-notes = Su nota
visit-add-to-calendar = Añadir al calendario
visit-timeline = Lo ocurrido hasta ahora
visit-status-requested = Solicitada
visit-status-scheduled = Programada
visit-status-assigned = Asignada
visit-status-en-route = En camino
visit-status-in-progress = En curso
visit-status-completed = Completada
visit-status-cancelled = Cancelada
visit-status-on-hold = En espera
actor-you = Usted
actor-office = La oficina
actor-system = El portal
timeline-booked = { $who } reservó la visita.
ics-description = Referencia { $reference }. Técnico: { $technician }.
error-too-late = A menos de { $hours } horas de la visita ya no se puede cambiar en línea. Envíenos un mensaje abajo y lo solucionaremos.
error-visit-closed = Esta visita ya se realizó o se canceló, así que no se puede cambiar.
error-location-not-placed = Todavía no sabemos dónde está este lugar en el mapa, así que no podemos ofrecer horas allí.
error-too-many-requests = Su cuenta ya tiene muchas solicitudes pendientes. Las responderemos primero; si es urgente, contáctenos.
error-request-handled = Esta solicitud ya se atendió.
visit-done-moved = Su visita se ha cambiado.
visit-done-cancelled = Su visita está cancelada.
visit-done-asked = Su mensaje ha llegado a la oficina. Nos pondremos en contacto con usted.
move-title = Cambiar la visita { $reference }
move-new-time = Nueva hora de llegada
move-confirm = Cambiar la visita
visit-changes = Cambiar sus planes
visit-change-time = Elegir otro horario
visit-change-until = Puede cambiar esta visita en línea hasta el { $when }.
visit-cancel = Cancelar esta visita
visit-cancel-reason = ¿Por qué la cancela? (obligatorio)
visit-cancel-confirm = Cancelar la visita
visit-too-late = A menos de { $hours } horas de la visita ya no se puede cambiar en línea. Díganos qué necesita y la oficina se encargará.
visit-ask-message = Su mensaje a la oficina
visit-ask-send = Enviar a la oficina
timeline-rescheduled = { $who } cambió la visita.
timeline-cancelled = { $who } canceló la visita.
timeline-change-requested = { $who } pidió un cambio a la oficina.
mail-visit-rescheduled-subject = { $business }: su visita se ha cambiado al { $date }
mail-visit-rescheduled-body = Hola, { $name }:

    su servicio «{ $service }» se ha cambiado al { $date }, con llegada entre las { $from } y las { $to }. Vendrá { $technician }.

    Su referencia es { $reference }. Puede ver la visita en el portal.
mail-visit-cancelled-subject = { $business }: su visita del { $date } está cancelada
mail-visit-cancelled-body = Hola, { $name }:

    su servicio «{ $service }» del { $date } ({ $from }–{ $to }) está cancelado. Motivo indicado: { $reason }

    Su referencia era { $reference }. Puede reservar una nueva visita en el portal cuando le venga bien.
mail-quote-requested-subject = { $business }: hemos recibido su solicitud de presupuesto { $reference }
mail-quote-requested-body = Hola, { $name }:

    gracias por pedir un presupuesto de { $service } en { $place }. Revisaremos lo que nos ha escrito y le responderemos.

    Su referencia es { $reference }.
mail-callback-requested-subject = { $business }: le llamaremos ({ $reference })
mail-callback-requested-body = Hola, { $name }:

    hemos recibido su petición de llamada sobre { $place }. Alguien de nuestra oficina se pondrá en contacto pronto.

    Su referencia es { $reference }.

## Office
nav-rules = Reglas de reserva
rules-title = Reglas de reserva
rules-lead = Lo que se ofrece a los clientes al reservar y hasta cuándo pueden cambiar una visita. Los cambios se aplican a la siguiente búsqueda.
rules-saved = Las reglas de reserva se han guardado.
rules-response = Tiempos de respuesta a los problemas
rules-response-hint = Cuánto tarda la oficina en responder a un problema, en horas, según la prioridad. Los clientes lo ven y lo aceptan antes de enviarlo; los avisos ya enviados conservan lo prometido.
rules-response-label = { $priority }, en horas
rules-response-now = Los clientes leen: { $time }.
rules-response-save = Guardar tiempos de respuesta
rules-response-saved = Tiempos de respuesta guardados. Se prometen a los nuevos avisos.
rules-booking = Reservas
rules-travel = Desplazamiento entre visitas
rules-changes = Cambios de los clientes
rules-save = Guardar las reglas
rules-min-notice-hours = Antelación mínima (horas)
rules-min-notice-hours-hint = La primera franja empieza como mínimo este tiempo después de la reserva.
rules-horizon-days = Horizonte de reserva (días)
rules-horizon-days-hint = Con cuántos días de antelación pueden reservar los clientes.
rules-window-min = Franja de llegada (minutos)
rules-window-min-hint = La amplitud de la franja en la que llega el técnico.
rules-step-min = Intervalo entre franjas (minutos)
rules-step-min-hint = Cada cuánto empieza una franja ofrecida.
rules-road-factor = Factor de carretera
rules-road-factor-hint = Las carreteras son más largas que la línea recta: la distancia se multiplica por este valor (por ejemplo 1,3).
rules-speed-kmh = Velocidad media (km/h)
rules-speed-kmh-hint = La velocidad media de los técnicos, aparcamiento incluido.
rules-travel-buffer-min = Margen de desplazamiento (minutos)
rules-travel-buffer-min-hint = Se añade a cada trayecto: cargar la furgoneta, encontrar la puerta.
rules-reschedule-notice-hours = Antelación para cambiar (horas)
rules-reschedule-notice-hours-hint = Hasta este tiempo antes de la franja, los clientes pueden cambiar una visita ellos mismos.
rules-cancel-notice-hours = Antelación para cancelar (horas)
rules-cancel-notice-hours-hint = Hasta este tiempo antes de la franja, los clientes pueden cancelar una visita ellos mismos.
rules-reminder-hours = Recordatorio (horas antes)
rules-reminder-hours-hint = Un correo de recordatorio sale este tiempo antes de la franja; con 0 no se envía.
nav-services = Servicios
nav-requests = Solicitudes
nav-technicians = Técnicos
yes = Sí
no = No
price-from = desde { $amount }
price-quote = requiere presupuesto
book-ask-quote = Pedir un presupuesto
book-ask-call = Pedir que le llamemos
services-title = Servicios
services-add = Añadir un servicio
services-edit = Cambiar un servicio
services-back = Todos los servicios
services-empty = Aún no hay servicios. Añada el primero.
services-saved = El servicio { $reference } se ha guardado.
service-name = Nombre
service-description = Descripción
service-category = Categoría
service-duration = Duración
service-price = Precio
service-self-bookable-short = Reservable por clientes
service-active-short = Ofrecido
service-visit = La visita
service-duration-min = Duración (minutos)
service-buffer-min = Pausa tras la visita (minutos)
service-buffer-min-hint = Tiempo libre tras cada visita: recoger, papeleo.
service-skills = Habilidades necesarias
service-skills-hint = Separadas por comas; solo se envía a técnicos que las tengan todas.
service-price-fixed = Precio fijo
service-price-from = Desde un precio
service-price-quote = Requiere presupuesto (los clientes lo piden en lugar de reservar)
service-price-amount = Precio
service-price-amount-hint = En { $currency }, por ejemplo 89,50. Déjelo vacío para un presupuesto.
service-booking = Reserva
service-self-bookable = Los clientes pueden reservarlo ellos mismos
service-active = Ofrecido
service-save = Guardar el servicio

## Calendar feed
feed-link = Ver sus visitas en su propia aplicación de calendario
feed-title = Calendario suscrito
feed-lead = Una dirección privada a la que se suscribe su aplicación de calendario (Google Calendar, Apple Calendar, Outlook): sus próximas visitas aparecen allí y se mantienen al día. Cualquiera con la dirección puede leerla, así que guárdela para usted.
feed-made = Su nueva dirección está lista. Solo se muestra ahora: cópiela en su aplicación de calendario.
feed-address = Su dirección de calendario
feed-address-hint = En su aplicación de calendario, añada un calendario «desde URL» o «por suscripción» y pegue esta dirección.
feed-active = Hay una dirección activa desde el { $date }.
feed-none = Aún no tiene dirección de calendario.
feed-turned-off = Su calendario suscrito está desactivado; la dirección anterior ya no funciona.
feed-create = Crear una dirección
feed-replace = Crear una nueva dirección (la anterior deja de funcionar)
feed-revoke = Desactivar
mail-visit-reminder-subject = { $business }: su visita del { $date }
mail-visit-reminder-body = Hola, { $name }:

    le recordamos que su servicio «{ $service }» es el { $date }, con llegada entre las { $from } y las { $to }. Vendrá { $technician }.

    Su referencia es { $reference }. Si algo ha cambiado, puede mover o cancelar la visita en el portal.

## Requests
request-quote-title = Solicitud de presupuesto
request-callback-title = Petición de llamada
request-change-title = Cambio de una visita
request-back-to-booking = ← Volver a la reserva
request-about = { $service } en { $place }
request-at = En { $place }
request-notes-quote = ¿Qué hay que hacer?
request-notes-quote-hint = Cuanto más sepamos (tamaño, acceso, lo que ve), mejor será el presupuesto.
request-notes-callback = ¿Algo que debamos saber?
request-notes-callback-hint = Por ejemplo, los días u horas que le vienen bien.
request-phone = Teléfono
request-phone-hint = Opcional. Si lo deja vacío, responderemos por correo.
request-send = Enviar la solicitud
request-title = Solicitud { $reference }
request-sent = Gracias. Hemos recibido su solicitud { $reference } y le responderemos.
request-kind = Solicitud
request-visit = Visita
request-service = Servicio
request-place = Lugar
request-sent-on = Enviada el
request-status = Estado
request-status-open = Pendiente de respuesta
request-status-handled = Respondida
request-notes = Lo que escribió
request-home = ← Volver al inicio
requests-title = Solicitudes
requests-empty = No hay solicitudes pendientes.
requests-handled = { $reference } está marcada como atendida.
requests-mark-handled = Marcar { $reference } como atendida
requests-sent-by = Enviada por { $name } el { $date }
home-requests-heading = Sus solicitudes

## Technicians
technicians-title = Técnicos
technicians-lead = Las habilidades, la base, la zona y el horario deciden qué visitas puede atender cada técnico. Los cambios llegan al calendario de reservas al instante.
technicians-empty = Nadie del equipo tiene todavía el rol de técnico.
technicians-name = Nombre
technicians-state = Estado
technicians-state-ready = Disponible para reservas
technicians-state-unset = Sin configurar
technicians-state-disabled = Desactivado
technicians-no-hours = Sin horario fijo
technicians-back = ← Todos los técnicos
technician-unset = Ninguna visita llegará a { $name } hasta guardar habilidades, base y zona.
technician-profile = Habilidades y zona
technician-skills = Habilidades
technician-skills-hint = Separadas por comas, como «hvac, gas». Un servicio que pide habilidades solo va a técnicos que las tienen todas.
technician-home = Base
technician-home-hint = Donde empieza y termina la jornada: el trayecto a la primera visita se cuenta desde aquí.
technician-home-latitude = Latitud
technician-home-longitude = Longitud
technician-area = Zona de servicio
technician-radius = Radio en km
technician-radius-hint = Alrededor de la base, en línea recta. Déjelo vacío para atender solo los códigos postales.
technician-postal-codes = Códigos postales
technician-postal-codes-hint = Además del radio, separados por comas.
technician-save-profile = Guardar habilidades y zona
technician-saved-profile = Habilidades y zona guardadas.
technician-card = Lo que ven los clientes
technician-card-hint = Los clientes ven el nombre, el oficio y la foto del técnico que va a su casa en la página de la visita, una vez asignada.
technician-trade = Oficio
technician-trade-hint = Opcional, como «Técnico de calefacción». Como máximo { $max } caracteres.
technician-card-photo = Foto
technician-card-photo-hint = Un retrato amable: JPEG, PNG o WebP, hasta { $mb } MB. Déjalo vacío para mantener la actual.
technician-card-photo-current = Foto actual
technician-card-remove-photo = Quitar la foto
technician-save-card = Guardar lo que ven los clientes
technician-saved-card = Se guardó lo que ven los clientes.
technician-hours = Horario semanal
technician-hours-hint = Por día, como 08:00–12:00, 13:00–17:00 para un turno partido. Deje vacío un día libre.
technician-hours-total = { $hours } horas a la semana
technician-save-hours = Guardar horario
technician-saved-hours = Horario semanal guardado.
technician-time-off = Ausencias
technician-time-off-empty = No hay ausencias previstas.
technician-time-off-hint = Sin horas, la ausencia cubre todo el primer y el último día.
technician-start-day = Primer día
technician-start-time = Desde (opcional)
technician-end-day = Último día
technician-end-time = Hasta (opcional)
technician-reason = Motivo (opcional)
technician-add-time-off = Añadir ausencia
technician-saved-time-off = Ausencia añadida.
technician-removed-time-off = Ausencia eliminada.
technician-time-off-visits = { $count ->
    [one] Una visita de este técnico cae en ese periodo. Se queda donde está hasta que alguien la mueva.
   *[other] { $count } visitas de este técnico caen en ese periodo. Se quedan donde están hasta que alguien las mueva.
}
technician-time-off-visits-short = { $count ->
    [one] una visita por mover
   *[other] { $count } visitas por mover
}
technician-remove = Eliminar
technician-remove-time-off = Eliminar la ausencia { $span }
technician-extra-shifts = Turnos extra
technician-extra-shifts-hint = Trabajo en un día fuera del horario semanal, como un sábado por la mañana.
technician-extra-shifts-empty = No hay turnos extra previstos.
technician-shift-day = Día
technician-shift-from = Desde
technician-shift-until = Hasta
technician-add-extra-shift = Añadir turno extra
technician-saved-extra-shift = Turno extra añadido.
technician-removed-extra-shift = Turno extra eliminado.
technician-remove-extra-shift = Eliminar el turno { $span }

## Problem reports
home-report-problem = Informar de un problema
request-problem-title = Aviso de problema
request-status-waiting = Esperando su respuesta
request-status-declined = Rechazada
request-status-scheduled = Visita reservada
request-done-answered = Gracias. Su respuesta ya está en nuestra oficina.
request-done-ask = Su pregunta se ha enviado al cliente.
request-done-decline = La solicitud se ha rechazado y se ha explicado el motivo al cliente.
request-done-scheduled = La visita está reservada y el cliente ha sido avisado.
problem-title = Informar de un problema
problem-no-places = Todavía no hay ningún lugar para el que pueda informar de un problema.
problem-sent = Gracias. Hemos recibido su aviso { $reference } y le responderemos { $time }.
problem-category = ¿Qué tipo de problema?
problem-category-not-working = Algo no funciona
problem-category-leak = Fuga o agua
problem-category-damage = Daños
problem-category-noise-or-smell = Ruido u olor
problem-category-pests = Plagas
problem-category-cleaning = Hace falta limpieza
problem-category-other = Otra cosa
problem-description = ¿Qué ocurre?
problem-description-hint = Dónde está, qué ve u oye, desde cuándo.
problem-priority = ¿Qué urgencia tiene?
problem-priority-low = No es urgente
problem-priority-normal = Normal
problem-priority-urgent = Urgente
problem-priority-emergency = Emergencia
problem-answer-within = Respondemos { $time }.
problem-within-hours = en { $n ->
        [one] una hora
       *[other] { $n } horas
    }
problem-within-days = en { $n } días
problem-acknowledge = Entiendo en cuánto tiempo responde la oficina según la urgencia elegida.
problem-days = Días que le vienen bien
problem-days-hint = Opcional. Déjelos vacíos si cualquier día le viene bien.
problem-days-any = Cualquier día
problem-photos = Fotos
problem-photos-hint = Opcional. Hasta { $n } fotos de hasta { $mb } MB cada una (JPEG, PNG o WebP), de su cámara o de sus archivos.
problem-photo-alt = Foto { $name }
problem-send = Enviar aviso
request-timeline = Qué ha pasado
request-step-sent = Enviada
request-step-question = La oficina preguntó
request-step-answer = Respondida
request-step-declined = Rechazada
request-step-scheduled = Visita reservada
request-step-handled = Marcada como atendida
request-by-office = Oficina
request-answer-heading = Su respuesta
request-answer = Respuesta a la pregunta de la oficina
request-answer-send = Enviar respuesta
request-triage-heading = Responder a esta solicitud
request-ask-label = Pregunta al cliente
request-ask-send = Preguntar al cliente
request-decline-label = Por qué se rechaza
request-decline-send = Rechazar
request-schedule-heading = Reservar una visita
request-schedule-day = Día
request-schedule-find = Ver franjas
request-schedule-none = No hay ninguna franja libre ese día.
request-schedule-book = Reservar { $window }
mail-problem-reported-subject = { $business }: hemos recibido su aviso { $reference }
mail-problem-reported-body = Hola, { $name }:

    gracias por informarnos del problema en { $place }. Nuestra oficina le responderá en { $hours } horas como máximo.

    Su referencia es { $reference }.
mail-request-question-subject = { $business }: una pregunta sobre { $reference }
mail-request-question-body = Hola, { $name }:

    sobre su solicitud { $reference } en { $place }, nuestra oficina le pregunta:

    { $message }

    Por favor, responda en la página de la solicitud en el portal.
mail-request-declined-subject = { $business }: su solicitud { $reference }
mail-request-declined-body = Hola, { $name }:

    lo sentimos: no podemos atender su solicitud { $reference } en { $place }.

    { $message }

## Visit mails
mail-preferences-heading = Correo
mail-preferences-legend = Escríbame cuando
mail-preference-booked = se reserve o cambie una visita
mail-preference-en-route = el técnico esté de camino
mail-preference-completed = se complete una visita
mail-preference-slipped = el técnico se retrase
mail-preferences-save = Guardar
mail-preferences-saved = Sus preferencias de correo están guardadas.
mail-visit-on-the-way-subject = { $business }: { $technician } está de camino
mail-visit-on-the-way-body = Hola, { $name }:

    { $technician } está de camino para su { $service } y ahora se le espera entre las { $from } y las { $to }.

    Puede seguir la visita { $reference } en directo en el portal.
mail-visit-completed-subject = { $business }: su { $service } está hecho
mail-visit-completed-body = Hola, { $name }:

    { $technician } ha completado su { $service } del { $date }.

    El informe de servicio de { $reference } (lista, notas, fotos y firma) está en el portal.
mail-visit-slipped-subject = { $business }: su visita se retrasa
mail-visit-slipped-body = Hola, { $name }:

    lo sentimos: el día se está retrasando. Ahora se espera a { $technician } entre las { $from } y las { $to } del { $date } para su { $service }.

    Su referencia es { $reference }.

mail-verify-email-subject = { $business }: confirme su correo electrónico
mail-verify-email-body = Hola, { $name }:

    le damos la bienvenida a { $business }. Abra este enlace para confirmar su correo electrónico e iniciar sesión:

    { $link }

    El enlace sirve una vez, durante 24 horas. Si no se ha registrado, ignore este mensaje: sin el enlace no pasa nada.
mail-sign-up-existing-subject = { $business }: ya tiene una cuenta
mail-sign-up-existing-body = Hola, { $name }:

    alguien (probablemente usted) intentó registrarse con este correo electrónico, que ya tiene una cuenta. Inicie sesión aquí:

    { $link }

    Si no fue usted, puede ignorar este mensaje: no se ha cambiado nada.
mail-password-reset-subject = { $business }: elija una contraseña nueva
mail-password-reset-body = Hola, { $name }:

    alguien (probablemente usted) pidió restablecer su contraseña. Abra este enlace para elegir una nueva:

    { $link }

    El enlace sirve una vez, durante una hora. Si no lo pidió, ignore este mensaje: su contraseña sigue igual.
mail-passkey-added-subject = { $business }: se añadió una llave de acceso a su cuenta
mail-passkey-added-body = Hola, { $name }:

    se acaba de añadir una llave de acceso a su cuenta. Permite entrar sin su contraseña.

    Si no fue usted, quítela aquí y cambie su contraseña:

    { $link }
mail-message-waiting-subject = { $business }: { $from } le ha escrito
mail-message-waiting-body = Hola { $name }:

    { $from } le ha escrito { $visit ->
        [none] en su conversación con nosotros
       *[other] sobre la visita { $visit }
    } y el mensaje aún no se ha leído. Léalo y responda aquí:

    { $link }
mail-password-changed-subject = { $business }: se cambió su contraseña
mail-password-changed-body = Hola, { $name }:

    su contraseña acaba de cambiar y se cerró la sesión en todos los demás dispositivos.

    Si no fue usted, elija ahora mismo una contraseña nueva aquí y avísenos:

    { $link }
mail-sign-in-link-subject = { $business }: su enlace de acceso
mail-sign-in-link-body = Hola, { $name }:

    abra este enlace en el navegador donde lo pidió para iniciar sesión:

    { $link }

    El enlace sirve una vez, durante 15 minutos. Si no lo pidió, ignore este mensaje.
mail-invitation-subject = { $business }: { $inviter } le invita a { $account }
mail-invitation-body = Hola, { $name }:

    { $inviter } le invita a unirse a { $account } en el portal de { $business }, donde puede seguir las visitas, reservar y enviar solicitudes para los lugares que comparten con usted.

    Abra este enlace para elegir su contraseña y unirse:

    { $link }

    El enlace funciona una vez, durante 7 días. Si no conoce a { $inviter }, ignore este mensaje.

# People of an account and what each may do where.
capability-view = Ver
capability-book = Reservar
capability-pay = Pagar
people-title = Personas y permisos
people-link = Personas y permisos
people-list-heading = Personas
people-hint = Los titulares pueden hacerlo todo en cada lugar y gestionan a las personas. Los miembros hacen lo que les da la tabla de abajo.
people-you = usted
people-pending = invitada, aún no se ha unido
people-make-owner = Hacer titular
people-make-member = Hacer miembro
people-remove = Quitar
people-remove-label = Quitar a { $person } de la cuenta
people-saved-rights = Guardado. Desde ahora cada persona ve solo lo que usted le da.
people-saved-role = El rol ha cambiado.
people-saved-removed = Quitada. Se ha cerrado su sesión en todas partes y ya no ve nada de la cuenta.
people-saved-invited = Invitación enviada. Se une eligiendo una contraseña en el enlace de su correo.
people-rights-heading = Quién ve qué
people-rights-hint = Reservar y pagar en un lugar incluyen verlo: sus visitas, solicitudes, archivos e instrucciones de acceso.
people-rights-caption = Permisos de cada miembro en cada lugar
people-rights-empty = Aún no hay miembros. Invite a alguien abajo y elija qué puede hacer en cada lugar.
people-rights-save = Guardar permisos
people-person = Persona
people-right-label = { $person }: { $right } en { $place }
people-invitee = la persona nueva
people-invite-heading = Invitar a alguien
people-invite-hint = Recibe un correo con un enlace para unirse, válido durante 7 días.
people-invite-name = Su nombre
people-invite-email = Su correo
people-invite-role = Rol
people-invite-rights = En cada lugar (solo miembros)
people-invite-submit = Enviar invitación
join-title = Unirse a la cuenta
join-lead = { $inviter } le invita a { $account }. Elija su contraseña para unirse.
join-email = Iniciará sesión como { $email }.
join-submit = Unirse
field-already-member = Esta persona ya pertenece a la cuenta.
field-cannot-join = Esta dirección no se puede invitar aquí. Pida otra a la persona o llámenos.
error-last-owner = La cuenta necesita al menos un titular. Haga titular a otra persona primero.

# Two-step sign-in.
passkeys-title = Llaves de acceso
passkeys-lead = Una llave de acceso le permite entrar con el bloqueo de su teléfono u ordenador (huella, cara o PIN) en lugar de una contraseña. No se puede robar con engaños ni adivinar, y cuenta como acceso en dos pasos.
passkeys-yours = Sus llaves de acceso
passkeys-none = Aún no tiene llaves de acceso.
passkeys-added-at = Añadida { $when }
passkeys-last-used = último uso { $when }
passkeys-never-used = aún sin usar
passkeys-remove = Quitar
passkeys-remove-label = Quitar la llave de acceso «{ $name }»
passkeys-add-heading = Añadir una llave de acceso
passkeys-add-hint = Su dispositivo le pedirá confirmar con su bloqueo. Añada una en cada dispositivo que use, o use la de su teléfono desde cualquier ordenador.
passkeys-name = Nombre
passkeys-name-hint = Para distinguir sus llaves, p. ej. «Portátil del trabajo».
passkeys-password-again = Entró hace más de 15 minutos: escriba su contraseña para cambiar cómo accede.
passkeys-add = Añadir una llave de acceso
passkeys-saved-added = Se añadió la llave de acceso. La próxima vez, elija «Entrar con una llave de acceso».
passkeys-saved-removed = Se quitó la llave de acceso.
passkeys-off = Las llaves de acceso no están disponibles en esta dirección. Pida a la oficina que ponga como dirección pública del portal su nombre de host.
passkeys-need-script = Las llaves de acceso necesitan JavaScript, que está desactivado en este navegador.
passkeys-working = Siga las indicaciones de su dispositivo…
passkeys-cancelled = No pasó nada: se cerró la ventana de la llave o se agotó el tiempo. Inténtelo de nuevo cuando quiera.
passkeys-failed = No funcionó. Inténtelo de nuevo o use su contraseña.
passkeys-unsupported = Este navegador no puede usar llaves de acceso. Actualícelo o use su contraseña.
passkeys-password-problem = Revise su contraseña actual: hace falta porque entró hace más de 15 minutos.
passkeys-default-name = Llave de acceso
passkeys-confirm = Confirmar con una llave de acceso
passkeys-confirm-hint = Entró hace más de 15 minutos. Confirme que es usted con una de sus llaves de acceso en lugar de su contraseña.
passkeys-sign-in = Entrar con una llave de acceso
passkeys-second-step = Usar su llave de acceso
two-step-title = Inicio de sesión en dos pasos
two-step-lead = Después de la contraseña, un código de una app en su teléfono: quien conozca su contraseña seguirá sin poder entrar.
two-step-required = La empresa pide a todo el personal iniciar sesión en dos pasos. Configúrelo para continuar.
two-step-set-up = Configurar
two-step-how = Necesita una app de autenticación en su teléfono (por ejemplo Aegis, 2FAS, Google Authenticator o Microsoft Authenticator).
two-step-start = Configurar una app de autenticación
two-step-scan = Escanee este código con la app y escriba los seis dígitos que muestra.
two-step-qr = Código QR para escanear con su app de autenticación
two-step-or-type = ¿No puede escanear? Escriba esta clave en la app:
two-step-confirm = Activar el inicio en dos pasos
two-step-code = Código
two-step-code-hint = Los seis dígitos de su app, o uno de sus códigos de recuperación.
two-step-on = El inicio de sesión en dos pasos está activado
two-step-codes-left = { $count ->
    [one] Le queda un código de recuperación.
   *[other] Le quedan { $count } códigos de recuperación.
}
two-step-codes-heading = Sus códigos de recuperación
two-step-codes-hint = Guárdelos en un lugar seguro, lejos del teléfono. Cada uno sirve una vez en lugar de un código si pierde el teléfono. Solo se muestran ahora.
two-step-new-codes = Crear códigos de recuperación nuevos
two-step-off-heading = Desactivarlo
two-step-off-hint = Su contraseña sola volverá a bastar para entrar.
two-step-off = Desactivar el inicio en dos pasos
two-step-saved-on = El inicio en dos pasos está activado. Se cerró su sesión en sus otros dispositivos.
two-step-saved-codes = Códigos nuevos creados; los anteriores ya no sirven.
two-step-saved-off = El inicio en dos pasos está desactivado.
two-step-back = ← Su cuenta
second-step-title = Escriba su código
second-step-lead = Su contraseña es correcta. Ahora el código de su app de autenticación.
second-step-submit = Entrar
field-wrong-code = No es el código que muestra su app ahora ni un código de recuperación sin usar.
field-code-used = Este código ya se usó. Espere al siguiente.
error-sign-in-again = Este inicio de sesión caducó o tuvo demasiados intentos. Inicie sesión de nuevo.
error-two-step-required = Configure primero el inicio en dos pasos: la empresa lo exige al personal.

# The person's own profile.
profile-heading = Sus datos
profile-name = Su nombre
profile-own-phone = Teléfono (opcional)
profile-phone-hint = Para que la oficina y su técnico puedan contactarle sobre una visita.
profile-language = Idioma
profile-language-hint = El portal y todos los correos que le enviamos lo usan.
profile-sign-in-email = Inicia sesión como { $email }.
profile-save = Guardar datos
profile-saved = Sus datos están guardados.
two-step-password-again = Inició sesión hace más de un cuarto de hora: escriba de nuevo su contraseña para cambiar cómo inicia sesión.

# Staff management (admins).
nav-staff = Personal
staff-title = Personal
staff-heading = Quién trabaja aquí
staff-inactive = desactivado
staff-two-step = inicio en dos pasos
staff-role-of = Rol de { $person }
staff-set-role = Cambiar rol
staff-deactivate = Desactivar a { $person }
staff-reactivate = Reactivar a { $person }
staff-invite-heading = Invitar a alguien del personal
staff-saved-invited = Invitación enviada. Se une eligiendo una contraseña en el enlace de su correo.
staff-saved-role = El rol ha cambiado.
staff-saved-deactivated = Desactivado: sesión cerrada en todas partes y sin acceso hasta que se reactive.
staff-saved-reactivated = Reactivado: puede volver a iniciar sesión.
error-last-admin = La empresa necesita al menos un administrador activo. Haga administrador a otra persona primero.
join-lead-plain = Únase a { $account }: elija su contraseña.

# Changing one's sign-in email.
field-same-email = Ya inicia sesión con este correo.
email-change-heading = Correo de acceso
email-change-lead = Inicia sesión con { $email }. Para cambiarlo, escriba la nueva dirección y su contraseña: le enviamos un enlace a la nueva dirección y el cambio se hace cuando lo abre.
email-change-new = Nuevo correo
email-change-submit = Enviar el enlace
email-change-sent = Revise la nueva dirección: le enviamos un enlace válido durante 24 horas. Su correo no cambia hasta que lo abra.
email-changed = Su correo de acceso ha cambiado. También avisamos a su dirección anterior.
email-changed-sign-in = Su correo de acceso ha cambiado. Inicie sesión con el nuevo.
email-confirm-title = Confirme su nuevo correo
email-confirm-lead = A partir de ahora iniciará sesión y recibirá nuestros correos en { $email }.
email-confirm-submit = Usar este correo
mail-confirm-email-subject = { $business }: confirme su nuevo correo
mail-confirm-email-body = Hola, { $name }:

    abra este enlace para iniciar sesión con esta dirección a partir de ahora:

    { $link }

    El enlace funciona una vez, durante 24 horas. Si no lo pidió, ignore este mensaje: sin el enlace no cambia nada.
mail-email-changed-subject = { $business }: su correo de acceso ha cambiado
mail-email-changed-body = Hola, { $name }:

    el correo con el que inicia sesión acaba de cambiar a otra dirección, y nuestros correos irán allí a partir de ahora.

    Si no fue usted, abra este enlace: devuelve su cuenta a esta dirección y cierra todas las sesiones. Después elija una nueva contraseña y avísenos.

    { $link }

    El enlace funciona una vez, durante 7 días.
mail-email-in-use-subject = { $business }: alguien pidió usar esta dirección
mail-email-in-use-body = Hola, { $name }:

    alguien pidió pasar otra cuenta a esta dirección de correo, pero ya pertenece a su cuenta, así que no se cambió nada. Puede iniciar sesión como siempre:

    { $link }

    Si no sabe nada de esto, puede ignorar este mensaje.

# The trail and the alerts.
nav-trail = Registro
account-trail-title = Registro y datos
office-trail-title = Registro y alertas
export-heading = Sus datos
export-lead = Descargue en un zip todo lo que guardamos de su cuenta: sus personas y lo que puede hacer cada una, sus lugares con sus notas de acceso, visitas, solicitudes, planes, fotos y este registro, en JSON y en hojas de cálculo (CSV). La descarga queda anotada en el registro.
export-wait = Ya descargó sus datos tres veces en la última hora: inténtelo más tarde.
export-submit = Descargarlo todo (zip)
trail-heading = Lo que pasó en su cuenta
trail-account-lead = Quién inició sesión, quién cambió qué, a quién se invitó, qué se descargó: lo más reciente primero. Desde dónde se muestra para sus propias personas.
trail-empty = Aún no hay nada anotado.
trail-nobody = —
trail-caption = El registro, lo más reciente primero
trail-when = Cuándo
trail-who = Quién
trail-what = Qué
trail-about = Sobre
trail-from = Desde
trail-older = Entradas anteriores
trail-filter-heading = Acotar el registro
trail-filter-action = Qué (su inicio, como sign_in)
trail-filter-actor = Quién (una referencia, como PE-000001)
trail-filter-subject = Sobre (una referencia o un correo)
trail-filter-ip = Desde (una dirección)
trail-filter-from = Desde el día
trail-filter-to = Hasta el día
trail-filter-hint = Los campos vacíos no acotan. Los días cuentan en la zona horaria del negocio.
trail-filter-submit = Mostrar
alerts-heading = Alertas
alerts-empty = No hay alertas.
alerts-new = Nueva
alerts-mark-seen = Marcar todas como vistas
alert-failed-sign-ins = { $count } accesos fallidos en pocos minutos: puede que alguien esté adivinando contraseñas.
alert-new-network = { $person } inició sesión desde una red no vista antes ({ $ip }).
mail-failed-sign-ins-subject = { $business }: muchos accesos fallidos
mail-failed-sign-ins-body = Hola, { $name }:

    el portal contó { $count } accesos fallidos en los últimos { $minutes } minutos. Puede que alguien esté adivinando contraseñas; el portal lo frena.

    El registro y sus alertas están en la página Registro de la oficina.
mail-new-network-sign-in-subject = { $business }: { $person } inició sesión desde una red nueva
mail-new-network-sign-in-body = Hola, { $name }:

    { $person } acaba de iniciar sesión desde { $ip }, una red desde la que nunca había entrado.

    Si no es lo esperado, cierre sus sesiones o desactívelo en la página Equipo. El registro está en la página Registro de la oficina.
trail-action = { $action ->
    [sign_in] Inició sesión
    [sign_out] Cerró sesión
    [sign_in_link] Inició sesión con un enlace por correo
    [password_reset] Restableció la contraseña
    [password_changed] Cambió la contraseña
    [password_reset_asked] Pidió restablecer la contraseña
    [sign_in_link_asked] Pidió un enlace de acceso
    [signed_up] Se registró
    [email_verified] Confirmó el correo
    [verification_resent] Pidió de nuevo el correo de confirmación
    [email_change_asked] Pidió cambiar el correo
    [email_changed] Cambió el correo
    [profile_changed] Cambió el perfil
    [two_step_on] Activó el acceso en dos pasos
    [two_step_off] Desactivó el acceso en dos pasos
    [recovery_codes_renewed] Creó nuevos códigos de recuperación
    [second_step_asked] Escribió la contraseña (falta el código)
    [second_step_failed] Escribió un código incorrecto
    [passkey_added] Añadió una llave de acceso
    [passkey_removed] Quitó una llave de acceso
    [passkey_sign_in] Accedió con una llave de acceso
    [passkey_sign_in_failed] Se rechazó una llave de acceso
    [session_ended] Cerró una sesión
    [sign_in_failed] Acceso fallido
    [member_invited] Invitó a alguien
    [member_joined] Se unió a la cuenta
    [member_role_changed] Cambió el rol de alguien
    [member_removed] Quitó a alguien
    [rights_changed] Cambió quién puede hacer qué y dónde
    [location_added] Añadió un lugar
    [location_changed] Cambió un lugar
    [visit_booked] Reservó una visita
    [visit_rescheduled] Cambió la fecha de una visita
    [visit_cancelled] Canceló una visita
    [visit_change_requested] Pidió cambiar una visita
    [visit_moved] Movió una visita (oficina)
    [visit_step] Una visita avanzó un paso
    [request_sent] Envió una solicitud
    [request_answered] Respondió una solicitud
    [request_handled] Atendió una solicitud
    [thread_assigned] Asignó una conversación
    [canned_reply_added] Añadió una respuesta guardada
    [canned_reply_removed] Quitó una respuesta guardada
    [request_declined] Rechazó una solicitud
    [request_question] Preguntó sobre una solicitud
    [problem_reported] Informó de un problema
    [plan_created] Creó un plan periódico
    [plan_changed] Cambió un plan periódico
    [plan_paused] Pausó un plan periódico
    [plan_resumed] Reanudó un plan periódico
    [plan_ended] Terminó un plan periódico
    [calendar_feed_created] Creó un calendario suscrito
    [calendar_feed_revoked] Revocó un calendario suscrito
    [account_exported] Descargó los datos de la cuenta
   *[other] { $action }
}

# Staff single sign-on.
sso-submit = Personal: iniciar sesión con la cuenta de la empresa
sso-title = Inicio de sesión con la cuenta de la empresa
sso-signed-in = Ha iniciado sesión.
error-sso-failed = No se pudo iniciar sesión con la cuenta de la empresa. Inténtelo de nuevo o entre con su correo y contraseña.
error-sso-not-staff = Esa cuenta de empresa no pertenece a nadie del personal aquí. Entre con su correo y contraseña.
error-passkey-refused = Esa llave de acceso no se pudo usar aquí: puede ser de otro sitio, o el dispositivo no confirmó que era usted. Inténtelo de nuevo o entre con su contraseña.
error-passkey-unknown = Esa llave de acceso no se conoce aquí (quizá se quitó). Entre con su contraseña y vuelva a añadirla.
error-passkey-not-yours = Esa llave de acceso es de otra persona. Use la suya o escriba su código.
error-passkey-added = La llave de acceso de este dispositivo ya está en su cuenta.
error-too-many-passkeys = Ya tiene todas las llaves de acceso que se pueden guardar. Quite una primero.
error-passkey-expired = Tardó demasiado. Inténtelo de nuevo.
