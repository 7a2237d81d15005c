from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Compile the gettext catalogues (.po -> .mo) of every UI language. Uses Babel, so no "
        "system gettext is needed; `make install` runs it."
    )

    def handle(self, *args, **options):
        compiled = 0
        # LOCALE_PATHS (the project catalogue and lmec/locale_admin), and any app's own locale
        app_dirs = sorted(Path(settings.BASE_DIR).glob("*/locale"))
        for locale_dir in [*map(Path, settings.LOCALE_PATHS), *app_dirs]:
            for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
                with po_path.open("rb") as handle:
                    try:
                        catalog = read_po(handle, abort_invalid=True)
                    except Exception as error:  # Babel raises several types; name the file
                        raise CommandError(f"{po_path}: {error}") from None
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                with mo_path.open("wb") as handle:
                    write_mo(handle, catalog, use_fuzzy=False)
                compiled += 1
        self.stdout.write(f"translations: {compiled} catalogue(s) compiled")
