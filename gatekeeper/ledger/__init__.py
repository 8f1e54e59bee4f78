"""The tamper-evident SQLite ledger: append-only records in a per-kiosk hash chain."""
