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
sign-in-new-here = New here?
sign-in-create-account = Create an account
sign-in-forgot = Forgot your password?
sign-in-link-hint = No password at hand? We mail you a link that signs you in, in this browser, for 15 minutes.
sign-in-link-submit = Email me a sign-in link
sign-in-link-sent = If that address has an account, a sign-in link is on its way. Open it in this browser within 15 minutes.
sign-in-link-title = Sign in with your link
forgot-title = Forgot your password?
forgot-lead = Enter your email address and we send you a link to choose a new password.
forgot-submit = Send me a link
forgot-sent = If that address has an account, a link is on its way. It works for an hour.
forgot-back = Back to sign in
reset-title = Choose a new password
reset-lead = After this, you are signed out on every other device.
reset-password = New password
reset-submit = Save and sign in
account-title = Your account
account-password = Password
account-current-password = Current password
account-new-password = New password
account-password-hint = Every other device you are signed in on is signed out.
account-change-password = Change password
account-sessions = Where you're signed in
account-sessions-hint = Every browser and device signed in to your account. Sign out any you do not recognise, then change your password.
account-session-device = { $browser } on { $system }
account-session-unknown = Unknown device
account-session-last-used = last used { $when }
account-session-this = This device
account-session-end = Sign out
account-session-end-label = Sign out { $device }
account-sessions-end-all = Sign out everywhere else
account-session-ended = That device is signed out.
account-sessions-ended = { $count ->
        [0] No other device was signed in.
        [one] One other device is signed out.
       *[other] { $count } other devices are signed out.
    }
account-password-changed = Your password is changed. { $count ->
        [0] No other device was signed in.
        [one] One other device was signed out.
       *[other] { $count } other devices were signed out.
    }
account-password-reset = Your new password is saved, and you are signed in. Every other device was signed out.
sign-up-title = Create your account
sign-up-lead = Book visits, follow your technician and keep your service history in one place. It takes a minute.
sign-up-name = Your name
sign-up-email = Email address
sign-up-email-hint = We send a link to confirm it: you sign in with it.
sign-up-password = Choose a password
sign-up-password-rules = At least 12 characters, not your name or email. A few unrelated words are easy to remember and hard to guess.
sign-up-password-good = A strong password.
sign-up-company = Company (optional)
sign-up-company-hint = Only if you book for a company; leave empty for your home.
sign-up-address = Your first address
sign-up-address-hint = Where we come to. You can add more places later.
sign-up-label-default = Home
sign-up-place-name = Name of the place
sign-up-label-hint = A name for the place, like “Home” or “Office”.
sign-up-submit = Create my account
sign-up-have-account = Already have an account?
sign-up-sent-title = Check your mail
sign-up-sent = We sent you a link to confirm your email address.
sign-up-sent-again = If that address is waiting to be confirmed, a new link is on its way.
sign-up-sent-detail = Open the link within 24 hours to sign in. Nothing there? Check the spam folder, or have it sent again.
sign-up-resend-heading = Send the link again
sign-up-resend = Send the link again
verify-title = Confirm your email address
verify-lead = One press and your account is ready: you are signed in at once.
verify-submit = Confirm and sign in
verify-new-link = Get a new link

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
locations-manage = Add or change locations
locations-title = Locations
locations-add = Add a location
locations-edit = Change location
locations-back = ← All locations
locations-saved = Location saved.
locations-book-here = Book a visit here
location-label = Name
location-address = Address
location-line1 = Street and number
location-line2 = Address line 2
location-postal-code = Postal code
location-city = City
location-country = Country
location-country-hint = Two letters, such as DE.
location-access-notes = How to get in
location-access-notes-hint = Gate or door codes, where the key is, parking. Shown only to your account and to our staff.
location-read-only = You may see this place. To change it, ask the account's owner.
location-position = Position on the map
location-map = Map of the place
location-map-pin = The place
location-map-hint = Or click the map where the place is, and drag the pin to fine-tune it: the fields below follow.
location-position-hint = Latitude and longitude in degrees, such as 52.5386 and 13.4101 (a map app shows them when you hold a finger on the place).
location-position-hint-geocoder = Leave empty and we look the address up; or enter latitude and longitude in degrees, such as 52.5386 and 13.4101.
location-latitude = Latitude
location-longitude = Longitude
location-save = Save location
location-unplaced = We don't know where this place is on the map yet, so visits can't be booked there.
location-unplaced-not-found = Saved, but we couldn't find this address on the map. Check it, or enter its latitude and longitude below to book visits there.
location-unplaced-unavailable = Saved, but looking the address up failed just now. Save again later, or enter its latitude and longitude below to book visits there.
location-unplaced-enter = Saved. Enter its latitude and longitude below to book visits there.
location-add-position = Add its position
book-add-location = Add another address
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
field-not-a-number = Enter a number.
field-between = Enter a number from { $min } to { $max }.
field-invalid-skills = List skills as short words separated by commas, for example: cleaning, ladders.
field-taken = Another one already has this; choose a different one.
field-invalid-country = Use the two-letter country code, such as DE, FR or ES.
field-invalid-phone = Enter a phone number: digits, spaces and dashes, at least six digits.
field-invalid-hours = Write hours like 08:00–12:00; several on one day separated by commas.
field-overlapping-hours = These hours overlap; a split shift needs a gap between its parts.
field-area-needed = Give a radius, postal codes, or both: otherwise no visit can reach this technician.
field-invalid-postal-codes = Postal codes are separated by commas; each is letters, digits, spaces and dashes (at most 10).
field-invalid-date-time = Enter a date and time, like 2026-12-01 08:00.
field-invalid-date = Enter a date, like 2026-12-01.
field-invalid-time = Enter a time of day, like 08:30.
field-ends-before-start = This must come after the start.
field-photo-too-big = Each photo may be at most { $n } MB. Choose a smaller one, or send fewer at a time.
field-too-many-photos = At most { $n } photos can be sent at once.
field-not-a-photo = Only photos in JPEG, PNG or WebP can be sent.
field-photo-too-large = A photo may have at most { $n } megapixels.
field-photo-unreadable = One photo could not be read. It may be damaged: try taking it again.
field-slower-than-less-urgent = A more urgent priority cannot take longer than a less urgent one.
field-password-weak = This password is too easy to guess. Use a few unrelated words, or a longer mix.
field-password-personal = Do not use your name or email address in the password.
field-wrong-password = That is not your current password.
field-position-needed = Visits are booked at this place, so it needs a position: enter its latitude and longitude.
error-invalid-fields = Some fields need correcting; each says what is wrong.

## Errors
error-invalid-credentials = That email and password do not match. Check them and try again.
error-email-not-verified = Confirm your email address first: open the link we mailed you when you signed up.
error-sign-up-closed = New accounts are opened by the office. Call or write to us and we set yours up.
error-link-expired = This link has expired. Ask for a new one below.
error-link-used = This link was used already. Sign in, or ask for a new link.
error-link-other-browser = This sign-in link works only in the browser where you asked for it. Open it there, or ask for a new one here.
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

    Your reference is { $reference }. You can see, move or cancel the visit in the portal.

## Booking
nav-book = Book a visit
book-title = Book a visit
book-step = Step { $n } of { $of }
book-where = Where should we come?
book-no-locations = Your account has no service address yet. Add one to book a visit.
book-change-location = Choose another address
book-what = What do you need?
book-at = At { $place }
book-no-services = Nothing can be booked online at the moment. Please contact us.
book-duration = about { $minutes } min
book-when = When suits you?
book-summary = { $service } at { $place }.
book-change-service = Change
book-previous-month = Previous month
book-next-month = Next month
book-month-full = There are no free times left this month.
book-first-open = The first free time is { $when }
book-nothing-free = There are no free times in the period we take bookings for. Please contact us and we will find a time with you.
book-day-none = { $day }: no free times
book-day-windows = { $day }: { $count ->
    [one] one free time
   *[other] { $count } free times
}
book-windows-on = Arrival times on { $day }
book-day-full = This day has no free times left. Please choose another day.
book-continue = Continue
book-review = Check and confirm
book-arrival-hint = The technician arrives within this window. You will get a confirmation by email.
book-no-access-notes = None given. You can tell us in the note below.
book-notes = Note for the technician (optional)
book-notes-hint = For example: where to park, pets in the house, what exactly needs doing.
book-confirm = Confirm booking
book-choose-again = Choose another time
book-alternatives = These times are still free:

## Visits
visits-heading = Your visits
visits-empty = No visits planned. Book one whenever it suits you.
visit-heading = Visit
visit-title = Visit { $reference }
visit-with = with { $technician }
visit-done-booked = Your visit is booked.
visit-booked-detail = Your reference is { $reference }. We have sent you a confirmation by email.
visit-reference = Reference
visit-status = Status
visit-service = Service
visit-when = Arrival
visit-where = Address
visit-access = Access instructions
visit-technician = Technician
visit-technician-photo = Photo of { $name }
visit-technician-pending = We will tell you who comes.
visit-notes = Your note
visit-add-to-calendar = Add to calendar
visit-timeline = What happened so far
visit-status-requested = Requested
visit-status-scheduled = Scheduled
visit-status-assigned = Assigned
visit-status-en-route = On the way
visit-status-in-progress = In progress
visit-status-completed = Completed
visit-status-cancelled = Cancelled
visit-status-on-hold = On hold
actor-you = You
actor-office = The office
actor-system = The portal
timeline-booked = { $who } booked the visit.
ics-description = Reference { $reference }. Technician: { $technician }.
error-too-late = Less than { $hours } hours before the visit, it can no longer be changed online. Send us a message below and we will sort it out.
error-visit-closed = This visit is already done or cancelled, so it cannot be changed.
error-location-not-placed = We don't know where this place is on the map yet, so we can't offer times there.
error-too-many-requests = Your account has many requests waiting already. We answer them first; please contact us if it is urgent.
error-request-handled = This request was handled already.
visit-done-moved = Your visit has been moved.
visit-done-cancelled = Your visit is cancelled.
visit-done-asked = Your message has reached the office. We will get back to you.
move-title = Move visit { $reference }
move-new-time = New arrival time
move-confirm = Move the visit
visit-changes = Change your plans
visit-change-time = Choose another time
visit-change-until = You can change this visit online until { $when }.
visit-cancel = Cancel this visit
visit-cancel-reason = Why are you cancelling? (required)
visit-cancel-confirm = Cancel the visit
visit-too-late = Less than { $hours } hours before the visit it can no longer be changed online. Tell us what you need and the office will take care of it.
visit-ask-message = Your message to the office
visit-ask-send = Send to the office
timeline-rescheduled = { $who } moved the visit.
timeline-cancelled = { $who } cancelled the visit.
timeline-change-requested = { $who } asked the office for a change.
mail-visit-rescheduled-subject = { $business }: your visit has moved to { $date }
mail-visit-rescheduled-body = Hello { $name },

    your { $service } has moved to { $date }, arriving between { $from } and { $to }. { $technician } will come.

    Your reference is { $reference }. You can see the visit in the portal.
mail-visit-cancelled-subject = { $business }: your visit on { $date } is cancelled
mail-visit-cancelled-body = Hello { $name },

    your { $service } on { $date } ({ $from }–{ $to }) is cancelled. Reason given: { $reason }

    Your reference was { $reference }. You can book a new visit in the portal whenever it suits you.
mail-quote-requested-subject = { $business }: we got your quote request { $reference }
mail-quote-requested-body = Hello { $name },

    thank you for asking for a quote for { $service } at { $place }. We will look at what you wrote and get back to you.

    Your reference is { $reference }.
mail-callback-requested-subject = { $business }: we will call you ({ $reference })
mail-callback-requested-body = Hello { $name },

    we got your request to call you about { $place }. Someone from our office will get in touch soon.

    Your reference is { $reference }.

## Office
nav-rules = Booking rules
rules-title = Booking rules
rules-lead = What customers are offered when they book, and how close to a visit they may still change it. Changes apply to the next search.
rules-saved = The booking rules are saved.
rules-response = Response times to problem reports
rules-response-hint = How soon the office answers a reported problem, in hours, per priority. Customers see it and acknowledge it before sending; reports already sent keep what they were promised.
rules-response-label = { $priority }, in hours
rules-response-now = Customers are told: { $time }.
rules-response-save = Save response times
rules-response-saved = Response times saved. New problem reports are promised them.
rules-booking = Booking
rules-travel = Travel between visits
rules-changes = Changes by customers
rules-save = Save the rules
rules-min-notice-hours = Minimum notice (hours)
rules-min-notice-hours-hint = The earliest window starts at least this long after the booking.
rules-horizon-days = Booking horizon (days)
rules-horizon-days-hint = How many days ahead customers may book.
rules-window-min = Arrival window (minutes)
rules-window-min-hint = How wide the window is in which the technician arrives.
rules-step-min = Slot step (minutes)
rules-step-min-hint = How far apart the windows offered start.
rules-road-factor = Road factor
rules-road-factor-hint = Roads are longer than a straight line: the distance is multiplied by this (for example 1.3).
rules-speed-kmh = Average speed (km/h)
rules-speed-kmh-hint = The speed technicians travel at on average, parking included.
rules-travel-buffer-min = Travel allowance (minutes)
rules-travel-buffer-min-hint = Added to every journey: loading the van, finding the door.
rules-reschedule-notice-hours = Moving notice (hours)
rules-reschedule-notice-hours-hint = Up to this long before the window, customers may move a visit themselves.
rules-cancel-notice-hours = Cancelling notice (hours)
rules-cancel-notice-hours-hint = Up to this long before the window, customers may cancel a visit themselves.
rules-reminder-hours = Reminder (hours before)
rules-reminder-hours-hint = A reminder mail goes out this long before the window; 0 sends none.
nav-services = Services
nav-requests = Requests
nav-technicians = Technicians
yes = Yes
no = No
price-from = from { $amount }
price-quote = quote required
book-ask-quote = Ask for a quote
book-ask-call = Ask us to call you
services-title = Services
services-add = Add a service
services-edit = Change a service
services-back = All services
services-empty = No services yet. Add the first one.
services-saved = Service { $reference } is saved.
service-name = Name
service-description = Description
service-category = Category
service-duration = Duration
service-price = Price
service-self-bookable-short = Customers book
service-active-short = Offered
service-visit = The visit
service-duration-min = Duration (minutes)
service-buffer-min = Pause after the visit (minutes)
service-buffer-min-hint = Kept free after each visit: tidying up, paperwork.
service-skills = Required skills
service-skills-hint = Separated by commas; only technicians with all of them are sent.
service-price-fixed = Fixed price
service-price-from = From a price
service-price-quote = Quote required (customers ask instead of booking)
service-price-amount = Price
service-price-amount-hint = In { $currency }, for example 89.50. Leave empty for a quote.
service-booking = Booking
service-self-bookable = Customers may book it themselves
service-active = Offered
service-save = Save the service

## Calendar feed
feed-link = See your visits in your own calendar app
feed-title = Calendar feed
feed-lead = A private address your calendar app (Google Calendar, Apple Calendar, Outlook) subscribes to: your upcoming visits appear there and stay up to date. Anyone with the address can read it, so keep it to yourself.
feed-made = Your new feed address is ready. It is shown only now: copy it into your calendar app.
feed-address = Your feed address
feed-address-hint = In your calendar app, add a calendar "from URL" or "by subscription" and paste this address.
feed-active = A feed address has been active since { $date }.
feed-none = You have no feed address yet.
feed-turned-off = Your feed is turned off; the old address no longer works.
feed-create = Make a feed address
feed-replace = Make a new address (the old one stops working)
feed-revoke = Turn the feed off
mail-visit-reminder-subject = { $business }: your visit on { $date }
mail-visit-reminder-body = Hello { $name },

    a reminder: your { $service } is on { $date }, arriving between { $from } and { $to }. { $technician } will come.

    Your reference is { $reference }. If something has changed, you can move or cancel the visit in the portal.

## Requests
request-quote-title = Quote request
request-callback-title = Call-back request
request-change-title = Change to a visit
request-back-to-booking = ← Back to booking
request-about = { $service } at { $place }
request-at = At { $place }
request-notes-quote = What needs doing?
request-notes-quote-hint = The more we know (size, access, what you see), the better the quote.
request-notes-callback = Anything we should know?
request-notes-callback-hint = For example the days or times that suit you.
request-phone = Phone number
request-phone-hint = Optional. If empty, we answer by e-mail.
request-send = Send request
request-title = Request { $reference }
request-sent = Thank you. We got your request { $reference } and will get back to you.
request-kind = Request
request-visit = Visit
request-service = Service
request-place = Place
request-sent-on = Sent on
request-status = Status
request-status-open = Waiting for our answer
request-status-handled = Answered
request-notes = What you wrote
request-home = ← Back to home
requests-title = Requests
requests-empty = No requests are waiting.
requests-handled = { $reference } is marked as handled.
requests-mark-handled = Mark { $reference } handled
requests-sent-by = Sent by { $name } on { $date }
home-requests-heading = Your requests

## Technicians
technicians-title = Technicians
technicians-lead = Skills, home base, area and hours decide which visits each technician can take. Changes reach the booking calendar at once.
technicians-empty = No staff member has the technician role yet.
technicians-name = Name
technicians-state = Status
technicians-state-ready = Ready for bookings
technicians-state-unset = Not set up
technicians-state-disabled = Deactivated
technicians-no-hours = No regular hours
technicians-back = ← All technicians
technician-unset = No visits reach { $name } until skills, home base and area are saved.
technician-profile = Skills and area
technician-skills = Skills
technician-skills-hint = Separated by commas, like “hvac, gas”. A service needing skills goes only to technicians who have all of them.
technician-home = Home base
technician-home-hint = Where the day starts and ends: travel to the first visit is counted from here.
technician-home-latitude = Latitude
technician-home-longitude = Longitude
technician-area = Service area
technician-radius = Radius in km
technician-radius-hint = Around the home base, as the crow flies. Leave empty to serve only the postal codes.
technician-postal-codes = Postal codes
technician-postal-codes-hint = Served besides the radius, separated by commas.
technician-save-profile = Save skills and area
technician-saved-profile = Skills and area saved.
technician-card = What customers see
technician-card-hint = Customers see the first name, trade and photo of the technician coming to them on the visit's page, once the visit is assigned.
technician-trade = Trade
technician-trade-hint = Optional, like “Heating engineer”. At most { $max } characters.
technician-card-photo = Photo
technician-card-photo-hint = A friendly portrait: JPEG, PNG or WebP, up to { $mb } MB. Leave empty to keep the current one.
technician-card-photo-current = Current photo
technician-card-remove-photo = Remove the photo
technician-save-card = Save what customers see
technician-saved-card = What customers see was saved.
technician-hours = Weekly hours
technician-hours-hint = Per day, like 08:00–12:00, 13:00–17:00 for a split shift. Leave a day empty for a day off.
technician-hours-total = { $hours } hours a week
technician-save-hours = Save hours
technician-saved-hours = Weekly hours saved.
technician-time-off = Time off
technician-time-off-empty = No time off planned.
technician-time-off-hint = Without times, time off covers the whole of its first and last day.
technician-start-day = First day
technician-start-time = From (optional)
technician-end-day = Last day
technician-end-time = Until (optional)
technician-reason = Reason (optional)
technician-add-time-off = Add time off
technician-saved-time-off = Time off added.
technician-removed-time-off = Time off removed.
technician-time-off-visits = { $count ->
    [one] One visit of this technician falls in that time. It keeps its place until someone moves it.
   *[other] { $count } visits of this technician fall in that time. They keep their place until someone moves them.
}
technician-time-off-visits-short = { $count ->
    [one] one visit to move
   *[other] { $count } visits to move
}
technician-remove = Remove
technician-remove-time-off = Remove time off { $span }
technician-extra-shifts = Extra shifts
technician-extra-shifts-hint = Work on a day besides the weekly hours, such as a Saturday morning.
technician-extra-shifts-empty = No extra shifts planned.
technician-shift-day = Day
technician-shift-from = From
technician-shift-until = Until
technician-add-extra-shift = Add extra shift
technician-saved-extra-shift = Extra shift added.
technician-removed-extra-shift = Extra shift removed.
technician-remove-extra-shift = Remove extra shift { $span }

## Problem reports
home-report-problem = Report a problem
request-problem-title = Problem report
request-status-waiting = Waiting for your answer
request-status-declined = Declined
request-status-scheduled = Visit booked
request-done-answered = Thank you. Your answer is with our office.
request-done-ask = Your question was sent to the customer.
request-done-decline = The request is declined and the customer is told why.
request-done-scheduled = The visit is booked and the customer is told.
problem-title = Report a problem
problem-no-places = There is no place to report a problem for yet.
problem-sent = Thank you. We got your report { $reference } and will answer { $time }.
problem-category = What kind of problem?
problem-category-not-working = Something does not work
problem-category-leak = Leak or water
problem-category-damage = Damage
problem-category-noise-or-smell = Noise or smell
problem-category-pests = Pests
problem-category-cleaning = Cleaning needed
problem-category-other = Something else
problem-description = What is wrong?
problem-description-hint = Where it is, what you see or hear, since when.
problem-priority = How urgent is it?
problem-priority-low = Not urgent
problem-priority-normal = Normal
problem-priority-urgent = Urgent
problem-priority-emergency = Emergency
problem-answer-within = We answer { $time }.
problem-within-hours = within { $n ->
        [one] one hour
       *[other] { $n } hours
    }
problem-within-days = within { $n } days
problem-acknowledge = I understand how soon the office answers for the urgency I chose.
problem-days = Days that suit you
problem-days-hint = Optional. Leave all empty if any day suits.
problem-days-any = Any day
problem-photos = Photos
problem-photos-hint = Optional. Up to { $n } photos of up to { $mb } MB each (JPEG, PNG or WebP), from your camera or your files.
problem-photo-alt = Photo { $name }
problem-send = Send report
request-timeline = What happened
request-step-sent = Sent
request-step-question = The office asked
request-step-answer = Answered
request-step-declined = Declined
request-step-scheduled = Visit booked
request-step-handled = Marked as handled
request-by-office = Office
request-answer-heading = Your answer
request-answer = Answer to the office's question
request-answer-send = Send answer
request-triage-heading = Answer this request
request-ask-label = Question to the customer
request-ask-send = Ask the customer
request-decline-label = Why it is declined
request-decline-send = Decline
request-schedule-heading = Book a visit
request-schedule-day = Day
request-schedule-find = Show windows
request-schedule-none = No window is free that day.
request-schedule-book = Book { $window }
mail-problem-reported-subject = { $business }: we got your report { $reference }
mail-problem-reported-body = Hello { $name },

    thank you for telling us about the problem at { $place }. Our office will answer within { $hours } hours.

    Your reference is { $reference }.
mail-request-question-subject = { $business }: a question about { $reference }
mail-request-question-body = Hello { $name },

    about your request { $reference } at { $place }, our office asks:

    { $message }

    Please answer on the request's page in the portal.
mail-request-declined-subject = { $business }: your request { $reference }
mail-request-declined-body = Hello { $name },

    we are sorry: we cannot take on your request { $reference } at { $place }.

    { $message }

## Visit mails
mail-preferences-heading = Mail
mail-preferences-legend = Mail me when
mail-preference-booked = a visit is booked or moved
mail-preference-en-route = the technician is on the way
mail-preference-completed = a visit is completed
mail-preference-slipped = the technician is running late
mail-preferences-save = Save
mail-preferences-saved = Your mail choices are saved.
mail-visit-on-the-way-subject = { $business }: { $technician } is on the way
mail-visit-on-the-way-body = Hello { $name },

    { $technician } is on the way to your { $service } and is now expected between { $from } and { $to }.

    You can follow the visit { $reference } live in the portal.
mail-visit-completed-subject = { $business }: your { $service } is done
mail-visit-completed-body = Hello { $name },

    { $technician } has completed your { $service } of { $date }.

    The service report of { $reference } (checklist, notes, photos and signature) is in the portal.
mail-visit-slipped-subject = { $business }: your visit is running late
mail-visit-slipped-body = Hello { $name },

    we are sorry: the day is running late. { $technician } is now expected between { $from } and { $to } on { $date } for your { $service }.

    Your reference is { $reference }.

mail-verify-email-subject = { $business }: confirm your email address
mail-verify-email-body = Hello { $name },

    welcome to { $business }. Open this link to confirm your email address and sign in:

    { $link }

    The link works once, for 24 hours. If you did not sign up, ignore this message: nothing happens without the link.
mail-sign-up-existing-subject = { $business }: you already have an account
mail-sign-up-existing-body = Hello { $name },

    someone (probably you) tried to sign up with this email address, but it already has an account. Sign in here instead:

    { $link }

    If it was not you, you can ignore this message: nothing was changed.
mail-password-reset-subject = { $business }: choose a new password
mail-password-reset-body = Hello { $name },

    someone (probably you) asked to reset your password. Open this link to choose a new one:

    { $link }

    The link works once, for an hour. If you did not ask, ignore this message: your password stays as it is.
mail-passkey-added-subject = { $business }: a passkey was added to your account
mail-passkey-added-body = Hello { $name },

    a passkey was just added to your account. It signs in without your password.

    If that was not you, remove it here and change your password:

    { $link }
mail-message-waiting-subject = { $business }: { $from } wrote to you
mail-message-waiting-body = Hello { $name },

    { $from } wrote to you { $visit ->
        [none] in your conversation with us
       *[other] about visit { $visit }
    } and the message has not been read yet. Read it and answer here:

    { $link }
mail-password-changed-subject = { $business }: your password was changed
mail-password-changed-body = Hello { $name },

    your password was just changed, and every other device was signed out.

    If that was not you, choose a new password at once here, and tell us:

    { $link }
mail-sign-in-link-subject = { $business }: your sign-in link
mail-sign-in-link-body = Hello { $name },

    open this link in the browser where you asked for it to sign in:

    { $link }

    The link works once, for 15 minutes. If you did not ask for it, ignore this message.
mail-invitation-subject = { $business }: { $inviter } invites you to { $account }
mail-invitation-body = Hello { $name },

    { $inviter } invites you to join { $account } on the { $business } portal, where you can follow visits, book and send requests for the places they share with you.

    Open this link to choose your password and join:

    { $link }

    The link works once, for 7 days. If you do not know { $inviter }, ignore this message.

# People of an account and what each may do where.
capability-view = See
capability-book = Book
capability-pay = Pay
people-title = People and access
people-link = People and access
people-list-heading = People
people-hint = Owners may do everything at every place and manage people. Members do what the grid below gives them.
people-you = you
people-pending = invited, not joined yet
people-make-owner = Make owner
people-make-member = Make member
people-remove = Remove
people-remove-label = Remove { $person } from the account
people-saved-rights = Saved. Everyone sees only what you gave them, from now on.
people-saved-role = The role is changed.
people-saved-removed = Removed. They are signed out everywhere and see nothing of the account any more.
people-saved-invited = Invitation sent. They join by choosing a password on the link in their mail.
people-rights-heading = Who sees what
people-rights-hint = Booking and paying at a place include seeing it: its visits, requests, files and access notes.
people-rights-caption = Rights of each member at each place
people-rights-empty = No members yet. Invite someone below and choose what they may do at each place.
people-rights-save = Save rights
people-person = Person
people-right-label = { $person }: { $right } at { $place }
people-invitee = the new person
people-invite-heading = Invite someone
people-invite-hint = They get a mail with a link to join, valid for 7 days.
people-invite-name = Their name
people-invite-email = Their email
people-invite-role = Role
people-invite-rights = At each place (members only)
people-invite-submit = Send invitation
join-title = Join the account
join-lead = { $inviter } invites you to { $account }. Choose your password to join.
join-email = You will sign in as { $email }.
join-submit = Join
field-already-member = This person already belongs to the account.
field-cannot-join = This address cannot be invited here. Ask the person for another one, or call us.
error-last-owner = The account needs at least one owner. Make someone else an owner first.

# Two-step sign-in.
passkeys-title = Passkeys
passkeys-lead = A passkey signs you in with your phone's or computer's lock (fingerprint, face or PIN) instead of a password. It cannot be phished or guessed, and it counts as two-step sign-in.
passkeys-yours = Your passkeys
passkeys-none = No passkeys yet.
passkeys-added-at = Added { $when }
passkeys-last-used = last used { $when }
passkeys-never-used = not used yet
passkeys-remove = Remove
passkeys-remove-label = Remove the passkey “{ $name }”
passkeys-add-heading = Add a passkey
passkeys-add-hint = Your device asks you to confirm with its lock. Add one on each device you use, or use one on your phone from any computer.
passkeys-name = Name
passkeys-name-hint = So you can tell your passkeys apart, e.g. “Work laptop”.
passkeys-password-again = You signed in more than 15 minutes ago: enter your password to change how you sign in.
passkeys-add = Add a passkey
passkeys-saved-added = The passkey was added. Next time, choose “Sign in with a passkey”.
passkeys-saved-removed = The passkey was removed.
passkeys-off = Passkeys are not available at this address. Ask the office to set the portal's public address to its host name.
passkeys-need-script = Passkeys need JavaScript, which is off in this browser.
passkeys-working = Follow your device's prompt…
passkeys-cancelled = Nothing happened: the passkey prompt was closed or timed out. Try again when you are ready.
passkeys-failed = That did not work. Try again, or use your password.
passkeys-unsupported = This browser cannot use passkeys. Update it, or use your password.
passkeys-password-problem = Check your current password: it is needed because you signed in more than 15 minutes ago.
passkeys-default-name = Passkey
passkeys-confirm = Confirm with a passkey
passkeys-confirm-hint = You signed in more than 15 minutes ago. Confirm it is you with one of your passkeys instead of your password.
passkeys-sign-in = Sign in with a passkey
passkeys-second-step = Use your passkey
two-step-title = Two-step sign-in
two-step-lead = After your password, a code from an app on your phone: someone who learns your password still cannot sign in.
two-step-required = The business asks every staff member to sign in in two steps. Set it up to go on.
two-step-set-up = Set it up
two-step-how = You need an authenticator app on your phone (for example Aegis, 2FAS, Google Authenticator or Microsoft Authenticator).
two-step-start = Set up an authenticator app
two-step-scan = Scan this code with the app, then type the six digits it shows.
two-step-qr = QR code to scan with your authenticator app
two-step-or-type = Cannot scan? Type this key into the app instead:
two-step-confirm = Turn on two-step sign-in
two-step-code = Code
two-step-code-hint = The six digits your app shows, or one of your recovery codes.
two-step-on = Two-step sign-in is on
two-step-codes-left = { $count ->
    [one] One recovery code left.
   *[other] { $count } recovery codes left.
}
two-step-codes-heading = Your recovery codes
two-step-codes-hint = Keep them somewhere safe, away from your phone. Each works once, instead of a code, if your phone is lost. They are shown only now.
two-step-new-codes = Make new recovery codes
two-step-off-heading = Turn it off
two-step-off-hint = Your password alone will sign you in again.
two-step-off = Turn off two-step sign-in
two-step-saved-on = Two-step sign-in is on. You were signed out on your other devices.
two-step-saved-codes = New recovery codes made; the old ones no longer work.
two-step-saved-off = Two-step sign-in is off.
two-step-back = ← Your account
second-step-title = Enter your code
second-step-lead = Your password was right. Now the code from your authenticator app.
second-step-submit = Sign in
field-wrong-code = That is not the code your app shows now, nor an unused recovery code.
field-code-used = This code was used already. Wait for the next one.
error-sign-in-again = This sign-in has timed out or had too many tries. Sign in again.
error-two-step-required = Set up two-step sign-in first: the business requires it for staff.

# The person's own profile.
profile-heading = Your details
profile-name = Your name
profile-own-phone = Phone (optional)
profile-phone-hint = For the office and your technician to reach you about a visit.
profile-language = Language
profile-language-hint = The portal and every mail to you use it.
profile-sign-in-email = You sign in as { $email }.
profile-save = Save details
profile-saved = Your details are saved.
two-step-password-again = You signed in more than a quarter of an hour ago: type your password again to change how you sign in.

# Staff management (admins).
nav-staff = Staff
staff-title = Staff
staff-heading = Who works here
staff-inactive = deactivated
staff-two-step = two-step sign-in
staff-role-of = Role of { $person }
staff-set-role = Change role
staff-deactivate = Deactivate { $person }
staff-reactivate = Reactivate { $person }
staff-invite-heading = Invite a staff member
staff-saved-invited = Invitation sent. They join by choosing a password on the link in their mail.
staff-saved-role = The role is changed.
staff-saved-deactivated = Deactivated: signed out everywhere, and unable to sign in until reactivated.
staff-saved-reactivated = Reactivated: they can sign in again.
error-last-admin = The business needs at least one active admin. Make someone else an admin first.
join-lead-plain = Join { $account }: choose your password.

# Changing one's sign-in email.
field-same-email = This is the email you sign in with now.
email-change-heading = Sign-in email
email-change-lead = You sign in with { $email }. To change it, type the new address and your password: we mail the new address a link, and the change happens when you open it.
email-change-new = New email
email-change-submit = Send the link
email-change-sent = Check the new address: we mailed it a link that works for 24 hours. Your email stays as it is until you open it.
email-changed = Your sign-in email is changed. We told your old address too.
email-changed-sign-in = Your sign-in email is changed. Sign in with the new one.
email-confirm-title = Confirm your new email
email-confirm-lead = From now on you will sign in and receive our mails at { $email }.
email-confirm-submit = Use this email
mail-confirm-email-subject = { $business }: confirm your new email
mail-confirm-email-body = Hello { $name },

    open this link to sign in with this address from now on:

    { $link }

    The link works once, for 24 hours. If you did not ask for this, ignore this message: nothing changes without the link.
mail-email-changed-subject = { $business }: your sign-in email was changed
mail-email-changed-body = Hello { $name },

    the email you sign in with was just changed to another address, and our mails go there from now on.

    If that was not you, open this link: it moves your account back to this address and signs everyone out. Then choose a new password, and tell us.

    { $link }

    The link works once, for 7 days.
mail-email-in-use-subject = { $business }: someone asked to use this address
mail-email-in-use-body = Hello { $name },

    someone asked to move another account to this email address, but it already belongs to your account, so nothing was changed. You can sign in as always:

    { $link }

    If you know nothing about it, you can ignore this message.

# The trail and the alerts.
nav-trail = Trail
account-trail-title = Trail and data
office-trail-title = Trail and alerts
export-heading = Your data
export-lead = Download everything we hold about your account in one zip: its people and what each may do, your places with their access notes, visits, requests, plans, photos and this trail, as JSON and as spreadsheets (CSV). The download is itself noted in the trail.
export-wait = You downloaded your data three times in the last hour: try again later.
export-submit = Download everything (zip)
trail-heading = What happened in your account
trail-account-lead = Who signed in, who changed what, who was invited, what was downloaded: newest first. Where from is shown for your own people.
trail-empty = Nothing is recorded yet.
trail-nobody = —
trail-caption = The trail, newest first
trail-when = When
trail-who = Who
trail-what = What
trail-about = About
trail-from = From
trail-older = Older entries
trail-filter-heading = Narrow the trail
trail-filter-action = What (its start, like sign_in)
trail-filter-actor = Who (a reference, like PE-000001)
trail-filter-subject = About (a reference or an email)
trail-filter-ip = From (an address)
trail-filter-from = From the day
trail-filter-to = To the day
trail-filter-hint = Empty fields do not narrow. Days count in the business's time zone.
trail-filter-submit = Show
alerts-heading = Alerts
alerts-empty = No alerts.
alerts-new = New
alerts-mark-seen = Mark all as seen
alert-failed-sign-ins = { $count } failed sign-ins in a few minutes: someone may be guessing passwords.
alert-new-network = { $person } signed in from a network not seen before ({ $ip }).
mail-failed-sign-ins-subject = { $business }: many failed sign-ins
mail-failed-sign-ins-body = Hello { $name },

    the portal counted { $count } failed sign-ins in the last { $minutes } minutes. Someone may be guessing passwords; the portal slows them down.

    The trail and its alerts are on the office's Trail page.
mail-new-network-sign-in-subject = { $business }: { $person } signed in from a new network
mail-new-network-sign-in-body = Hello { $name },

    { $person } just signed in from { $ip }, a network none of their earlier sign-ins came from.

    If that is unexpected, end their sessions or deactivate them on the Staff page. The trail is on the office's Trail page.
trail-action = { $action ->
    [sign_in] Signed in
    [sign_out] Signed out
    [sign_in_link] Signed in with a mailed link
    [password_reset] Reset the password
    [password_changed] Changed the password
    [password_reset_asked] Asked for a password reset
    [sign_in_link_asked] Asked for a sign-in link
    [signed_up] Signed up
    [email_verified] Confirmed the email address
    [verification_resent] Asked for the confirmation mail again
    [email_change_asked] Asked to change the email address
    [email_changed] Changed the email address
    [profile_changed] Changed the profile
    [two_step_on] Turned on two-step sign-in
    [two_step_off] Turned off two-step sign-in
    [recovery_codes_renewed] Made new recovery codes
    [second_step_asked] Entered the password (code next)
    [second_step_failed] Entered a wrong code
    [passkey_added] Added a passkey
    [passkey_removed] Removed a passkey
    [passkey_sign_in] Signed in with a passkey
    [passkey_sign_in_failed] A passkey was refused
    [session_ended] Ended a session
    [sign_in_failed] Failed to sign in
    [member_invited] Invited someone
    [member_joined] Joined the account
    [member_role_changed] Changed someone's role
    [member_removed] Removed someone
    [rights_changed] Changed who may do what where
    [location_added] Added a location
    [location_changed] Changed a location
    [visit_booked] Booked a visit
    [visit_rescheduled] Moved a visit
    [visit_cancelled] Cancelled a visit
    [visit_change_requested] Asked to change a visit
    [visit_moved] Moved a visit (office)
    [visit_step] A visit moved on a step
    [request_sent] Sent a request
    [request_answered] Answered a request
    [request_handled] Handled a request
    [thread_assigned] Gave a conversation to someone
    [canned_reply_added] Added a canned reply
    [canned_reply_removed] Removed a canned reply
    [request_declined] Declined a request
    [request_question] Asked about a request
    [problem_reported] Reported a problem
    [plan_created] Started a recurring plan
    [plan_changed] Changed a recurring plan
    [plan_paused] Paused a recurring plan
    [plan_resumed] Resumed a recurring plan
    [plan_ended] Ended a recurring plan
    [calendar_feed_created] Created a calendar feed
    [calendar_feed_revoked] Revoked a calendar feed
    [account_exported] Downloaded the account's data
   *[other] { $action }
}

# Staff single sign-on.
sso-submit = Staff: sign in with your company account
sso-title = Signing in with your company account
sso-signed-in = You are signed in.
error-sso-failed = Signing in with your company account did not work. Try again, or sign in with your email and password.
error-sso-not-staff = That company account is not one of our staff's here. Sign in with your email and password instead.
error-passkey-refused = That passkey could not be used here: it may belong to another site, or the device did not confirm it was you. Try again, or sign in with your password.
error-passkey-unknown = That passkey is not known here (it may have been removed). Sign in with your password, then add it again.
error-passkey-not-yours = That passkey belongs to someone else. Use your own, or enter your code.
error-passkey-added = This device's passkey is on your account already.
error-too-many-passkeys = You have as many passkeys as you can keep. Remove one first.
error-passkey-expired = That took too long. Try again.
