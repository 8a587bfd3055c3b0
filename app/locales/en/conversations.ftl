nav-messages = Messages
nav-messages-unread = Messages ({ $count } unread)
messages-title = Messages
messages-heading = Messages
messages-lead = Write to the office about anything: a question, a change, an invoice. For a visit, write on the visit's page so the technician sees it too.
thread-heading = Conversation
thread-support-heading = Conversation with the office
thread-earlier = Earlier messages are not shown.
thread-empty = No messages yet.
thread-seen = Seen by { $names }, { $time }
thread-side-customer = customer
thread-side-technician = technician
thread-side-office = office
thread-author = { $name } ({ $side })
thread-photo = Photo: { $name }
thread-read-only = This visit is finished: you can read its conversation but no longer write to it.
thread-message = Message
thread-photos = Photos (optional)
thread-photos-hint = Up to { $count } photos, { $size } MB each (JPEG, PNG or WebP).
thread-send = Send
thread-sending = Sending…
thread-retrying = Not sent yet: the connection dropped. Trying again…
thread-new = New message
home-unread-messages = { $count ->
    [one] You have one unread message.
   *[other] You have { $count } unread messages.
}
thread-unread-visits = Unread about your visits
thread-unread-visit = { $visit }: { $count ->
    [one] one unread message
   *[other] { $count } unread messages
}
nav-inbox = Inbox
nav-inbox-unread = Inbox ({ $count } unread)
inbox-title = Inbox
inbox-lists = Lists of conversations
inbox-unassigned = Unassigned ({ $count })
inbox-mine = Mine ({ $count })
inbox-waiting = Waiting on the customer ({ $count })
inbox-empty-unassigned = Nothing waits on the office.
inbox-empty-mine = No conversation is yours right now.
inbox-empty-waiting = No conversation waits on a customer.
inbox-about-visit = visit { $visit }
inbox-about-support = support
inbox-unread = { $count } unread
inbox-last = Last message { $time }
inbox-assigned = Taken by { $name }
inbox-take = Take it
inbox-assign-to = Give to
inbox-nobody = Nobody
inbox-assign = Give
inbox-first-answer = First answer after { $took }
inbox-unanswered = Waiting for a first answer for { $took }
took-minutes = { $minutes } min
took-hours = { $hours } h { $minutes } min
took-days = { $days } d { $hours } h
