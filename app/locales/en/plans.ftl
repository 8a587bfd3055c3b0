# Recurring plans: regular visits the portal books by itself.
nav-plans = Regular visits
plans-title = Regular visits
plans-lead = A regular visit books itself: each visit is booked as its day comes into reach, at the time you chose.
plans-add = Set up a regular visit
plans-back = ← All regular visits
plans-empty = You have no regular visits yet. Set one up and each visit is booked for you.
plans-empty-office = No customer has a regular visit yet.
plan-title = Regular visit { $reference }
plan-rhythm-weeks = { $weeks ->
    [1] Every week on { $weekday }
   *[other] Every { $weeks } weeks on { $weekday }
}
plan-rhythm-month-day = Every month on day { $day }
plan-rhythm-nth-weekday = Every month on the { $nth ->
    [1] first
    [2] second
    [3] third
    [4] fourth
   *[other] last
} { $weekday }
plan-at = arriving from { $time }
plan-window = arriving from { $time }, within { $minutes } minutes
plan-next = Next visit: { $when }
plan-misfits = { $count ->
    [one] One day did not fit the chosen time: the office will arrange it with you.
   *[other] { $count } days did not fit the chosen time: the office will arrange them with you.
}
plan-status-active = Running
plan-status-paused = Paused until { $day }
plan-status-ended = Ended
plan-location = Where
plan-service = What
plan-frequency = How often
plan-frequency-weekly = Every week
plan-frequency-every-2-weeks = Every 2 weeks
plan-frequency-every-4-weeks = Every 4 weeks
plan-frequency-monthly-day = Every month, on the same date as the first visit
plan-frequency-monthly-weekday = Every month, on the same weekday as the first visit (such as the second Tuesday)
plan-starts = First visit
plan-starts-hint = The weekly rhythm keeps this day's weekday.
plan-ends = Last visit (optional)
plan-ends-hint = Leave empty to keep the visits coming.
plan-time = Arrival time
plan-time-hint = The technician arrives within { $minutes } minutes of this time.
plan-notes = Notes for every visit (optional)
plan-notes-hint = What the technician should know each time.
plan-create = Set up and book the first visits
plan-no-locations = Add a place with its position first: then visits can be booked there.
plan-unplaced-hidden = Places without a position are not listed: nobody can be booked to go there yet.
plan-days = Days ahead
plan-days-empty = No days ahead.
plan-day-booked = Booked
plan-day-skipped = Skipped
plan-day-misfit = The office is arranging this one
plan-day-later = Booked when it comes into reach
plan-day-cancelled = Cancelled
plan-skip = Skip
plan-skip-day = Skip { $day }
plan-manage = Change the plan
plan-pause = Pause
plan-pause-until = Back on
plan-pause-hint = Visits before this day are cancelled; from this day on they are booked again.
plan-pause-confirm = Pause the visits
plan-resume = Resume now
plan-change = Change how often or when
plan-change-hint = Visits that no longer fit are cancelled and the new ones booked; those too close to change online stay.
plan-change-confirm = Save the new rhythm
plan-end = End the plan
plan-end-hint = Nothing more is booked, and the visits ahead are cancelled.
plan-end-confirm = End the plan
plan-done-created = { $count ->
    [0] Your regular visit is set up.
    [one] Your regular visit is set up, and its first visit is booked.
   *[other] Your regular visit is set up, and its first { $count } visits are booked.
}
plan-done-skipped = { $day } is skipped.
plan-done-paused = The plan is paused.
plan-done-resumed = The plan runs again; its next visits are booked.
plan-done-changed = The plan is changed; its next visits are booked in the new rhythm.
plan-done-ended = The plan has ended.
plan-done-kept = { $count ->
    [one] One visit is too close to cancel online and stays booked; ask the office if it should not.
   *[other] { $count } visits are too close to cancel online and stay booked; ask the office if they should not.
}
error-plan-ended = This regular visit has ended: nothing more to change.
