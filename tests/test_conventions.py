"""Sphinx's conventions, as a project's maintainer meets them: warning types they can
silence, settings checked before anything is read, state that survives rebuilds."""

from __future__ import annotations

from pathlib import Path

import pytest
from projects import ROOT, BuildRoot, append, edit
from secsoc.warning_types import SecsocWarning

# One mistake of each kind, made in a copy of the test root: (file, old, new).
MISTAKES = {
    SecsocWarning.DATA: ("data/organisations.yaml", "name: Omega", "nmae: Omega"),
    SecsocWarning.REFERENCE: ("lists.md", "{secsoc-list} official", "{secsoc-list} officiall"),
    SecsocWarning.TRANSLATION: ("locales/nl/LC_MESSAGES/secsoc.po", 'msgstr "Nr."', 'msgstr "Nr. {x}"'),
}


def test_every_warning_type_is_documented() -> None:
    for doc in ("README.md", "ARCHITECTURE.md"):
        documented = (ROOT / doc).read_text("utf-8")
        for kind in SecsocWarning:
            assert f"`{kind.label}`" in documented, (doc, kind.label)


@pytest.mark.parametrize("kind", list(MISTAKES), ids=str)
def test_suppress_warnings_silences_one_kind_only(
    build: BuildRoot, secsoc_root: Path, kind: SecsocWarning
) -> None:
    file, old, new = MISTAKES[kind]
    edit(secsoc_root / file, old, new)
    language = "nl" if kind is SecsocWarning.TRANSLATION else "fr"
    shown = build(secsoc_root, language, builddir=secsoc_root / "_build" / "shown")
    assert f"[{kind.label}]" in shown.warnings
    others = [other.label for other in SecsocWarning if other is not kind]
    kept = build(
        secsoc_root,
        language,
        builddir=secsoc_root / "_build" / "others",
        confoverrides={"suppress_warnings": others},
    )
    assert f"[{kind.label}]" in kept.warnings
    silenced = build(
        secsoc_root,
        language,
        builddir=secsoc_root / "_build" / "silenced",
        confoverrides={"suppress_warnings": [kind.label]},
    )
    assert silenced.warnings == ""


@pytest.mark.parametrize(
    ("setting", "value", "says"),
    [
        ("secsoc_organisation_pages", ".", "is not a folder name"),
        ("secsoc_organisation_pages", "../outside", "is not a folder name"),
        ("secsoc_territory", "Belgium", "is not a territory code"),
        ("secsoc_territory", "XX", "is not a territory code"),
        ("secsoc_data_dir", {"path": "data"}, "is dict, not str"),
        ("secsoc_languages", {"fr": ""}, "expected language codes"),
        ("secsoc_translated_settings", ["no_such_setting"], "not the names of settings holding text"),
        ("secsoc_format_locales", {"en": "en_XX"}, "en: 'en_XX': not a locale Babel has"),
        ("secsoc_format_locales", ["en_150"], "is list, not dict"),
    ],
    ids=[
        "pages-dot",
        "pages-parent",
        "territory",
        "territory-xx",
        "data-dir-dict",
        "languages",
        "translated",
        "format-locale-unknown",
        "format-locales-list",
    ],
)
def test_an_unusable_setting_is_named_at_conf_py_and_its_default_used(
    build: BuildRoot, secsoc_root: Path, setting: str, value: object, says: str
) -> None:
    conf = secsoc_root / "conf.py"
    append(conf, f"\n{setting} = {value!r}\n")
    line = len(conf.read_text("utf-8").splitlines())
    before = sorted(path.name for path in secsoc_root.rglob("*.md"))
    site = build(secsoc_root)
    (message,) = [row for row in site.warnings.splitlines() if "WARNING" in row]
    assert site.warnings.count("WARNING") == 1, site.warnings
    assert message.startswith(f"{conf}:{line}: WARNING: {setting}: ")
    assert says in message and message.endswith("[secsoc.config]")
    assert sorted(path.name for path in secsoc_root.rglob("*.md")) == before  # no page written anywhere
    assert (site.outdir / "lists.html").is_file()


PAGES = {"secsoc_organisation_pages": "organisations"}


def test_organisation_pages_never_replace_a_page_of_someone_elses(
    build: BuildRoot, secsoc_root: Path
) -> None:
    folder = secsoc_root / "organisations"
    folder.mkdir()
    written = "# Delta\n\nÉcrit à la main.\n"
    (folder / "delta.md").write_text(written, "utf-8")
    site = build(secsoc_root, confoverrides=PAGES)
    (message,) = [row for row in site.warnings.splitlines() if "[secsoc" in row]
    assert message.startswith(
        f"{folder / 'delta.md'}:1: WARNING: secsoc_organisation_pages: 'organisations' holds pages"
    )
    assert "(delta.md)" in message and message.endswith("[secsoc.config]")
    assert (folder / "delta.md").read_text("utf-8") == written
    assert sorted(path.name for path in folder.iterdir()) == ["delta.md"]


def test_stray_files_in_the_pages_folder_are_left_alone(build: BuildRoot, secsoc_root: Path) -> None:
    """An editor's lock file (a dangling link) and a note in Latin-1: no traceback, no page lost."""
    build(secsoc_root, confoverrides=PAGES)
    folder = secsoc_root / "organisations"
    (folder / ".#alpha.md").symlink_to("nobody@host.12345")
    (folder / "note.txt").write_bytes("Déjà vu".encode("latin-1"))
    site = build(secsoc_root, confoverrides=PAGES)
    assert "Traceback" not in site.warnings + site.status
    assert (folder / ".#alpha.md").is_symlink() and (folder / "note.txt").is_file()
    assert (site.outdir / "organisations" / "alpha.html").is_file()
