"""Intake: the submissions registry and 同趣旨 grouping of the opinions it holds (issue 17).

`records` holds the plain records both share; `grouping` groups (id, text) pairs with no
registry, so that it is tested and benchmarked on its own.
"""
