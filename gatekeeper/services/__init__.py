"""Runs a domain process and records it in the ledger: the one place the two meet."""
