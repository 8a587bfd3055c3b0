# The dispatcher's board.
nav-board = Board
board-title = Dispatch board
board-days = Days
board-day = Day
board-prev = ← Day before
board-next = Day after →
board-go = Show
board-off = Not working this day
board-no-visits = No visits this day.
board-blocked-spans = Blocked: { $spans }
board-travel = { $minutes } min of travel to get here
board-travel-total = { $minutes } min of travel in all
board-window = Promised window: { $times }
board-move = Move
board-move-visit = Move { $visit }
board-technician = Technician
board-time = Start time
board-move-confirm = Move the visit
board-block = Block time
board-from = From
board-until = Until
board-reason = Reason (optional)
board-block-confirm = Block this time
board-unassigned = Not assigned
board-unassigned-empty = Every visit of the day has a technician.
board-flagged = Regular visits to arrange
board-flagged-empty = No regular visit is waiting to be arranged.
board-flagged-line = { $day }: { $customer }, { $service }, preferred at { $time }
board-open-requests = Requests
board-requests = { $count ->
    [0] No request is waiting for an answer.
    [one] One request is waiting for an answer.
   *[other] { $count } requests are waiting for an answer.
}
board-moved = { $visit } is moved. It adds { $travel } min of travel and leaves { $gap } min free around it. The customer is told.
board-blocked = { $count ->
    [0] The time is blocked.
    [one] The time is blocked. One visit falls in it: move it to someone else.
   *[other] The time is blocked. { $count } visits fall in it: move them to someone else.
}
board-could = { $name } could take it then (adds { $travel } min of travel).
board-could-nobody = Nobody can take it at that time: try another time or day.
error-does-not-fit = The visit does not fit that technician's day at that time.
board-arrange = Arrange
board-arrange-day = Arrange { $day }
board-arrange-confirm = Book this visit
board-placed = { $visit } is booked. It adds { $travel } min of travel and leaves { $gap } min free around it. The customer is told.
