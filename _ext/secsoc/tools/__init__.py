"""Command-line entry points run by the Makefile (``python -m secsoc.tools.<name>``):
the importer, the catalogs' update and status, the root page, the theme patch.

They use the data and language layers, never the Sphinx glue.
"""
