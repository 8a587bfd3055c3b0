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

## Errors
error-invalid-credentials = El correo y la contraseña no coinciden. Revíselos e inténtelo de nuevo.
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

    En el portal puede ver, mover o cancelar la visita.
