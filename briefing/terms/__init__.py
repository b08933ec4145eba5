"""The termbase: official names and their required renderings in Korean and English.

`model` holds entries and terms, `matching` finds terms in text, `store` keeps a termbase in one SQLite file,
`stack` puts the briefing's own, the user's, the office's and the shipped termbases in priority order, and
`exchange` reads and writes TBX and the CSV/TSV glossaries that OmegaT uses.
"""
