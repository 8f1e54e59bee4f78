"""The site manager's console: dashboard, rounds and disinfection, quarantine follow-up.

Reached from the kiosk's header ("Manager"); Esc or "Back to the gate" returns. The
pages only show and collect: every figure comes from `gatekeeper.services.site`, every
change goes through `GateService`, and domain errors are shown inline in the user's
language.
"""
