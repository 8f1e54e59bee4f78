"""The site manager's console: dashboard, rounds and disinfection, quarantine follow-up.

Reached from the kiosk's header ("Manager"); Esc or "Back to the gate" returns. The
pages only show and collect: every figure and every change goes through
`gatekeeper.services.console.ConsoleService` (which holds the ledger and the signed-in
account; no page touches the ledger), and domain errors are shown inline in the user's
language. Each page is a `page.ManagerPage`.
"""
