"""The build's one step of our own: the message catalogs compiled from .po to .mo, so the wheel
(and an editable install) carries them; everything else is declared in pyproject.toml."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

CATALOGS = Path(__file__).resolve().parent / "logbook" / "locale"


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in sorted(CATALOGS.glob("*/LC_MESSAGES/*.po")):
            relative = po.relative_to(CATALOGS.parent.parent).with_suffix(".mo")
            # An editable install runs the sources in place, so its catalogs are compiled beside
            # them (and ignored by git); a wheel gets them in its build folder.
            target = CATALOGS.parent.parent / relative if self.editable_mode else Path(self.build_lib) / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source:
                catalog = read_po(source)
            with target.open("wb") as out:
                write_mo(out, catalog, use_fuzzy=False)


setup(cmdclass={"build_py": BuildWithCatalogs})
