"""A data folder moved or copied elsewhere (a new computer, a backup restored)
keeps its index: nothing is re-indexed, searches and corrections still work."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from briefing_app.core.index import state as st
from briefing_app.core.index.catalog import Catalog
from briefing_app.core.library import Library

TEXT = "Statement by Austria\n\nWe welcome the zebrafish initiative on marking and tracing.\n"


def _built(home: Path) -> Path:
    (home / "library" / "sub").mkdir(parents=True)
    (home / "library" / "sub" / "austria.txt").write_text(TEXT, encoding="utf-8")
    with Library(home, cache=False) as lib:
        lib.build()
    return home


def test_a_copied_data_folder_is_not_indexed_again(tmp_path: Path) -> None:
    original = _built(tmp_path / "first")
    moved = tmp_path / "elsewhere" / "second"
    shutil.copytree(original, moved, symlinks=True)
    shutil.rmtree(original)
    with Library(moved, cache=False) as lib:
        assert lib.unfinished() == []
        report = lib.build()
        assert report.indexed == [] and report.removed == []
        hit = lib.search("zebrafish").hits[0]
        assert lib.document(hit.doc_id).source == str(
            (moved / "library" / "sub" / "austria.txt").resolve()
        )


def test_saved_catalog_holds_no_path_of_the_data_folder(tmp_path: Path) -> None:
    home = _built(tmp_path / "home")
    index_dir = home / "index"
    saved = json.dumps(st.read_state(index_dir, st.latest_generation(index_dir))["catalog"])
    assert str(home.resolve()) not in saved and "@library/sub/austria.txt" in saved
    assert "@corpus/" in saved


def test_a_catalog_saved_with_absolute_paths_still_loads(tmp_path: Path) -> None:
    home = _built(tmp_path / "home")
    catalog = Catalog.load(home / "index")
    old_format = catalog.to_json()  # no index folder: paths kept as they are
    assert Catalog.from_json(old_format, home / "index").entries.keys() == catalog.entries.keys()
