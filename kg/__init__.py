"""lgkg: a knowledge graph of Korean local government.

For notebooks: `kg.query_df("adoptions", adopter="강원도 영월군")` returns a pandas
DataFrame of a catalogue query (see `kg query --list`).
"""
from kg.api import query_df

__all__ = ["query_df"]
