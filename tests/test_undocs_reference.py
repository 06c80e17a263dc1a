"""The corpus test's own measuring tools, on made-up pages (no corpus needed)."""

from __future__ import annotations

from tests import undocs_reference as ref

PAGE_2 = """\
                              Scale of assessments for the apportionment of the expenses of the
A/RES/80/2                           United Nations: requests under Article 19 of the Charter

      5.   Agrees that the failure of Bolivia (Plurinational State of) and Sao Tome
and Principe to pay the full minimum amount;

2/2                                                                            25-15779
"""

PAGE_1_FOOT = """\
      4.   Urges all Member States requesting exemption;

 25-15779 (E)     171025
 *2515779*
"""


def test_running_header_page_number_job_number_and_bar_code_are_furniture() -> None:
    text = ref.strip_page(PAGE_2, "A/RES/80/2", first=False)
    assert "A/RES/80/2" not in text and "Scale of assessments" not in text
    assert "2/2" not in text and "25-15779" not in text
    assert "Agrees that the failure of Bolivia" in text
    foot = ref.strip_page(PAGE_1_FOOT, "A/RES/80/2", first=False)
    assert "*2515779*" not in foot and "25-15779" not in foot and "Urges all" in foot


def test_masthead_labels_are_dropped_on_the_first_page_only() -> None:
    page = "United Nations          A/RES/80/2\nGeneral Assembly   Distr.: General\nBody text.\n"
    first = ref.strip_page(page, "A/RES/80/2", first=True)
    assert "Distr" not in first and "United Nations" not in first
    assert "General Assembly" in first and "Body text." in first


def test_words_kept_counts_a_multiset_and_forgives_split_words() -> None:
    reference, produced = "the im plementation of the plan", "the implementation of plan"
    kept, total, lost = ref.words_kept(reference, produced)
    assert (kept, total) == (5, 6) and lost == ["the"]


def test_furniture_in_units_counts_only_beyond_what_the_body_says() -> None:
    units = ["As set out in A/80/600, the Mission …", "… read A/80/600 25-00971 3/35 (b) To …"]
    body = "As set out in A/80/600, the Mission …"
    found = ref.furniture_in(units, body, "A/80/600", pages=35, jobs={"25-00971"})
    assert sorted(found) == ["25-00971", "3/35", "A/80/600"]
    assert ref.furniture_in(units[:1], body, "A/80/600", pages=35, jobs={"25-00971"}) == []
