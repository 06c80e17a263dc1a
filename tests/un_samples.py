"""Small UN documents as plain text, shared by the search tests that index them."""

#: A First Committee draft resolution (symbol A/C.1/80/L.62, two operative paragraphs).
DRAFT = """United Nations                                   A/C.1/80/L.62

General Assembly                                 Distr.: Limited
                                                 20 October 2025

Draft resolution

Nuclear disarmament

The General Assembly,

Recalling its resolution 79/1 on zebra cooperation,

1. Decides to strengthen cooperation among Member States;

2. Requests the Secretary-General to report on disarmament.
"""
