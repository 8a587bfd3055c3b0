# The job on the day: the technician's list and the steps of a job.
nav-today = Today
today-title = Today's jobs
today-empty = No jobs today.
today-promised = Promised to the customer: { $times }
today-access = Access:
today-notes = Customer's note:
today-step-on-my-way = On my way
today-step-arrived = Arrived
today-step-start = Start the work
today-step-complete = Work done
today-step-for = { $step }: { $visit }
visit-status-arrived = Arrived
timeline-en-route = { $who } set off.
timeline-arrived = { $who } arrived.
timeline-started = { $who } started the work.
timeline-completed = { $who } finished the work.
error-step-out-of-order = That step does not follow where the job is now (it may have been taken already). The page shows where it stands.
