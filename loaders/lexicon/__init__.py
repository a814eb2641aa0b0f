"""Reviewed word tables the loaders of both genres read (data in loaders/lexicon/data/)."""
