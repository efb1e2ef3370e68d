"""Tables behind the ``ris`` format (types and tags as data)."""
