"""The data: files, YAML, validation, records, loading, the model and comparison.

Pure Python: imports neither Sphinx nor docutils (``make lint`` enforces it), so
everything here is tested without a build.
"""
