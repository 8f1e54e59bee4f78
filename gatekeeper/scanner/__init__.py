"""QR scanning without Qt: decoding, payload parsers, signed site passes, the camera worker.

Sits between `services` (which records passes) and `ledger`/`domain`; the kiosk's
widgets drive it from `gatekeeper.ui`.
"""
