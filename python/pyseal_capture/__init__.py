# pyseal_capture/__init__.py
# Loaded by: the one-line pyseal_capture.pth (only when $PYSEAL_CAPTURE_DIR is
#   set), by `python -m pyseal_capture`, and by the pyseal-cc / pyseal-c++ wrapper.
# Writes: nothing on import; activate() installs the lazy distutils hooks
#   (pyseal_capture.hooks), which write under $PYSEAL_CAPTURE_DIR.
"""pyseal's build-time capture shim.

While pyseal builds packages from source, this records every extension module
they link and keeps copies of its object files, so the modules can later be
linked statically into one executable as built-ins.

Environment variables (the contract with pyseal's build stage)
--------------------------------------------------------------
PYSEAL_CAPTURE_DIR       capture root; unset means the shim does nothing at all.
PYSEAL_CAPTURE_PACKAGE   the package pyseal is building; copied into every
                         record's "package" and names the intent file.
PYSEAL_CAPTURE_STRICT    "1": a capture error fails the build instead of being
                         logged to $PYSEAL_CAPTURE_DIR/errors.log.
PYSEAL_REAL_CC           real C compiler run by pyseal-cc (default "cc"); may
                         hold arguments, e.g. "ccache gcc".
PYSEAL_REAL_CXX          real C++ compiler run by pyseal-c++ (default "c++").
PYSEAL_WRAPPER_LANG      "c" or "c++": which one `python wrapper.py` behaves as
                         (also selectable with a first argument --pyseal-lang=c++).

Optional accelerators
---------------------
Some packages build an extension only when asked, or skip it silently when it
fails (intent vs. capture is compared to catch the latter). For the former,
pyseal sets the environment variables of src/packages/accelerators.ts on the
pip run (charset-normalizer's mypyc switch, for one).

Layout written under $PYSEAL_CAPTURE_DIR: see pyseal_capture.records.
"""

import sys

__all__ = ["activate", "ACTIVE", "PTH_NAME"]

PTH_NAME = "pyseal_capture.pth"

ACTIVE = False


def activate():
    """Install the lazy distutils hooks (idempotent). Returns True if active."""
    global ACTIVE
    if ACTIVE:
        return True
    from . import records

    if not records.capture_dir():
        return False
    from . import hooks

    hooks.install()
    ACTIVE = True
    sys.modules[__name__].ACTIVE = True
    return True
