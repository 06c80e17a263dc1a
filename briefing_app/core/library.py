"""The one object the CLI and the window talk to: a user's searchable library.

CONTRACT (implemented by the index/search work; signatures are fixed):

    lib = Library(home=None)                      # DataHome.resolve(home)
    lib.build(paths=(), progress=None) -> IndexReport
        ingest the bundled corpus, the user library folder and any extra
        paths (files or folders); incremental by content hash.
    lib.add(files, progress=None) -> IndexReport  # copy into library_dir, index
    lib.search(query, *, filters=None, limit=20, highlight=True) -> SearchResult
        filters: {"kind": ..., "doc": doc_id, "section": ..., "year": "2021",
                  "body": ..., plus precedents' "operative"/"ref"}
    lib.similar(text=None, *, segment_id=None, limit=10) -> SearchResult
    lib.segment(segment_id) -> Segment | None
    lib.document(doc_id) -> DocumentMeta | None
    lib.document_segments(doc_id) -> list[Segment]   # in reading order
    lib.documents() -> list[DocumentMeta]
    lib.facets() -> dict[str, dict[str, int]]        # over the whole library
    lib.is_built() -> bool
    lib.close()

Snippets are HTML-escaped text in which matched words are wrapped in
``<b>…</b>``; fragments are joined with " … ".
"""
