"""Text annotation: the references a passage cites and its operative phrase.

Below ``index`` (the indexer stores both for every segment) and below
``precedents`` (which ranks and reports on them); it imports only the models.
"""
