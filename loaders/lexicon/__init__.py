"""Vocabulary as data: the words of the genres, one reviewed table per kind of word.

Code reads words from here and builds its patterns from them; no loader spells a
label of the genre in a regex alternation of its own.
"""
