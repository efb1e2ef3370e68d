"""Tables and helpers behind the ``bibtex`` and ``biblatex`` formats.

The mappings (entry types, fields, LaTeX characters, languages) are data in
their own modules; :mod:`citeform.formats.bibtex` reads and writes with them.
"""
