"""The fields of a submission that a source's columns may give, in the order `--map` lists
them: a module of its own so that building `pctui intake`'s parser imports nothing else."""

FIELDS = ("number", "received", "method", "name", "address", "email", "phone", "opinion")
