"""The gazetteer and its one agency resolver live in `loaders.lexicon.gazetteer`
(plain data, no RDF); re-exported here for the code above the loaders."""
from loaders.lexicon.gazetteer import *  # noqa: F401,F403
from loaders.lexicon.gazetteer import DATA_DIR, Agency, Gazetteer, normalize  # noqa: F401
