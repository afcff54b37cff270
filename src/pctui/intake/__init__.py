"""Intake: the submissions registry and 同趣旨 grouping of the opinions it holds (issue 17).

A consultation's submissions, with the submitters' names, addresses, e-mail addresses and
phone numbers, live in one SQLite file of their own (the registry), never in the
consultation file or its history. Only the redacted public text of the opinions leaves
the registry (`Registry.opinions`).

Modules: `records` (the plain frozen records the registry and the grouping share),
`location` (where the registry lives, its mode, the ignore rule and the refusal when git
tracks it), `schema` (the tables), `registry` (`Registry`: every write one transaction),
`split` (a submission's opinions), `redact` (personal data inside an opinion's text),
`counts` (what the registry holds); `grouping` groups (id, text) pairs with no registry,
so that it is tested and benchmarked on its own.
"""
