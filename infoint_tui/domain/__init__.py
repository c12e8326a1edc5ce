"""Plain-Python domain of infoint: models, stages, dates and the rules of the method.

Nothing in this package imports Textual or TinyDB.
"""
