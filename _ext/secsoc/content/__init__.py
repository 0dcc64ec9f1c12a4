"""What readers see, built as docutils nodes: tables, sentences, figures, charts,
citations, and the downloads' records.

Builds from a loaded dataset and a translator; never reads a data file nor
imports Sphinx (``make lint`` enforces it): the directives hand it what it needs.
"""
