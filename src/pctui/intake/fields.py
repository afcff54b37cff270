"""The fields of a submission that a source's columns may give, in the order `--map` lists
them: a module of its own so that building `pctui intake`'s parser imports nothing else.
Those before the opinion are in the order of `Submission`'s fields, which the table reader
fills by place (`sources`)."""

FIELDS = ("number", "received", "method", "name", "address", "email", "phone", "opinion")
