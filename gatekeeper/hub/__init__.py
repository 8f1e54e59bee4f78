"""The site hub: a PostgreSQL database every kiosk of a site syncs its ledger with.

`schema` is the server side (tables, the chain-checking triggers, roles, row-level
security), `client.Hub` what a kiosk asks of it, `admin` the set-up (init, add-kiosk),
`dsn` the connection rules (TLS off this machine, no password in a DSN). No Qt here;
the sync's rules are services.sync's.
"""
