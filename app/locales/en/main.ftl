# Doorstep, English. Every message here must exist in every other language too
# (a test checks it).

## Frame
skip-to-content = Skip to content
nav-label = Main
nav-home = Home
sign-out = Sign out
language-label = Language
language-change = Change
footer-powered = Customer portal powered by Doorstep
loading = Loading…
back-home = Back to the home page
app-description = Book visits, follow your technician and pay invoices online.

## Landing
landing-title = Welcome
landing-heading = Welcome to { $business }
landing-lead = Your service, without the phone calls.
landing-book = Book a visit at a time that suits you
landing-track = Follow your technician on the day
landing-history = See every visit, document and invoice
landing-pay = Approve quotes and pay online

## Sign in
sign-in-title = Sign in
sign-in-lead = Use the email address and password you were given.
sign-in-email = Email address
sign-in-password = Password
sign-in-show-password = Show password
sign-in-hide-password = Hide password
sign-in-submit = Sign in

## Customer home
home-title = Home
home-greeting = Hello, { $name }
account-heading = Your account
account-name = Name
account-kind = Type
account-kind-household = Household
account-kind-company = Company
account-reference = Reference
account-since = Customer since
locations-heading = Locations
locations-empty = No locations yet.
location-access = Access:
people-heading = People

## Staff home
accounts-title = Customer accounts
accounts-caption = All customer accounts, by name
accounts-empty = No customer accounts yet.
profile-title = Your profile
profile-role = Role
profile-email = Email
profile-phone = Phone
profile-phone-none = Not set
profile-reference = Staff reference
profile-since = Member since

## Roles
role-account-owner = Account owner
role-account-member = Account member
role-technician = Technician
role-dispatcher = Dispatcher
role-admin = Administrator

## Field problems
field-required = This field is required.
field-too-long = Use at most { $n } characters.
field-too-short = Use at least { $n } characters.
field-invalid-email = Enter an email address like name@example.com.
field-unknown-locale = Choose one of the offered languages.
field-invalid-colour = Enter a colour like #0f766e.
field-unknown-time-zone = Choose a time zone from the list.
field-invalid-currency = Enter a three-letter currency code like EUR.
field-out-of-range = This value is out of range.

## Errors
error-invalid-credentials = That email and password do not match. Check them and try again.
error-unauthenticated = Please sign in to continue.
error-forbidden = You do not have access to this.
error-not-found = We could not find what you were looking for.
error-rate-limited = Too many attempts. Please wait { $minutes } minutes and try again.
error-rate-limited-moment = Too many attempts right now. Please wait a few seconds and try again.
error-window-taken = Someone has just booked that time. Please choose another one.
error-bad-request = The form was incomplete. Please fill it in again.
error-internal = Something went wrong on our side. Please try again in a moment.
error-title = Something went wrong

## Pages
not-found-title = Page not found
not-found-body = The address may be mistyped, or the page has moved.
offline-title = You are offline
offline-body = This page needs a connection. Check your connection and try again.
offline-retry = Try again

## Mail
mail-footer = { $business } · sent by its customer portal
mail-settings-check-subject = { $business }: the portal can send mail
mail-settings-check-body = This message was sent to check the portal's mail settings. It arrived, so they work.
mail-visit-booked-subject = { $business }: your visit on { $date } is booked
mail-visit-booked-body = Hello { $name },

    your { $service } is booked for { $date }, arriving between { $from } and { $to }. { $technician } will come.

    You can see, move or cancel the visit in the portal.
