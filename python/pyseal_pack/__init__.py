"""pyseal_pack: build the resource archive appended to a pyseal executable.

Run with the *distribution's own* Python (so bytecode matches the linked
interpreter)::

    python -m pyseal_pack --manifest manifest.json --out resources.zip \
        [--skipped skipped.json] [--optimize N]

Standard library only.  See ``pack.py`` for the manifest format.
"""

from .pack import PackError, build_archive, load_manifest, main  # noqa: F401

__all__ = ["PackError", "build_archive", "load_manifest", "main"]
