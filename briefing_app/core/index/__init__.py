"""The Whoosh index and search over it: one search document per segment.

Write side: ``indexer.build`` (catalog, lock, schema). Read side:
``searcher.SearchEngine`` (query, snippets, facets, spelling, similar).
Callers use ``briefing_app.core.library.Library``, not these modules.
"""
