"""The intake: every submission a consultation received, kept out of git.

A consultation's submissions, with the submitters' names, addresses, e-mail addresses and
phone numbers, live in one SQLite file of their own (the registry), never in the
consultation file or its history. The package reads sources into it (`importing`, from
`sources` and `columns`), splits each submission into opinions (`split`), redacts personal
data inside the opinions' text (`redact`) and counts what is there (`counts`). Only the
redacted public text leaves the registry (`Registry.opinions`).

Modules: `records` (the frozen records others use), `location` (where the registry lives,
its mode, the ignore rule and the refusal when git tracks it), `schema` (the tables),
`registry` (`Registry`: every write one transaction).
"""
