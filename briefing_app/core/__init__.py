"""Qt-free core: models, ingest, index, search, drafts, export, precedents."""
