"""Conformance measurement: the CSL test suite and agreement with citeproc-js.

Run ``python -m citeform.conformance PATH``; see :mod:`citeform.conformance.__main__`.
"""
