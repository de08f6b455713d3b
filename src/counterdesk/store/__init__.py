"""SQLite storage: opening, migrations, the event log and its projections."""
