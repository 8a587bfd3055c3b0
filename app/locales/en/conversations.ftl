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
