"""Where the termbase and the memory live: the embedded SQLite files (the default) or an office's PostgreSQL
server, behind the same interfaces (`terms.store.TermStore`, `memory.store.MemoryStore`)."""
