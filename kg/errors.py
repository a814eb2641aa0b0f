"""The project's reportable errors live in `loaders.errors` (the lowest layer); `kg`
re-exports them so `from kg.errors import StoreError` reads naturally above it."""
from loaders.errors import *  # noqa: F401,F403
