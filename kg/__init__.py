"""lgkg: a knowledge graph of Korean local government.

For notebooks: `kg.query_df("adoptions", adopter="강원도 영월군")` returns a pandas
DataFrame of a catalogue query (see `kg query --list`); `kg.load()` an in-memory
snapshot of the store, for many queries (~10x faster than on disk).
"""
from kg.api import load, query_df

__all__ = ["load", "query_df"]
