"""The controlled vocabularies (SKOS schemes) are data tables in
`loaders.lexicon.vocab`; re-exported here for the mapping and the SKOS generator."""
from loaders.lexicon.vocab import *  # noqa: F401,F403
from loaders.lexicon.vocab import SCHEMES, key_for, lookup  # noqa: F401
