"""Languages: reading and checking catalogs, the extension's translator, the
templates (``.pot``) and formats (numbers, dates, French spacing) per language.

Imports :mod:`secsoc.data` only, never Sphinx, docutils or the node builders.
"""
