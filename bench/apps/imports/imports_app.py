"""An import-heavy start-up for bench/imports.py: 250 stdlib modules (about 400
with what they import) and the packages pyseal is developed against, C accelerators
included. It prints how many modules are loaded and exits."""
import importlib
import sys
import warnings

STDLIB = """
    abc argparse array ast asyncio atexit base64 bdb binascii bisect builtins bz2
    cProfile calendar cmath cmd code codecs codeop collections colorsys compileall
    concurrent configparser contextlib contextvars copy copyreg csv ctypes dataclasses
    datetime decimal difflib dis doctest email encodings enum errno faulthandler fcntl
    filecmp fileinput fnmatch fractions ftplib functools gc genericpath getopt getpass
    gettext glob graphlib grp gzip hashlib heapq hmac html http imaplib importlib
    inspect io ipaddress itertools json keyword linecache locale logging lzma mailbox
    marshal math mimetypes mmap modulefinder multiprocessing netrc ntpath nturl2path
    numbers opcode operator optparse os pathlib pdb pickle pickletools pkgutil platform
    plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile pyclbr
    pydoc pyexpat queue quopri random re reprlib resource rlcompleter runpy sched
    secrets select selectors shelve shlex shutil signal site smtplib socket socketserver
    sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string stringprep
    struct subprocess symtable sys sysconfig syslog tabnanny tarfile tempfile termios
    textwrap threading time timeit token tokenize tomllib trace traceback tracemalloc
    tty types typing unicodedata unittest urllib uuid venv warnings wave weakref
    webbrowser wsgiref xml xmlrpc zipapp zipfile zipimport zlib zoneinfo os.path
    email.mime.text email.mime.multipart email.parser email.policy email.utils
    xml.etree.ElementTree xml.dom.minidom xml.sax.saxutils xml.parsers.expat http.client
    http.server http.cookies http.cookiejar urllib.request urllib.parse urllib.error
    urllib.robotparser json.decoder json.encoder concurrent.futures
    concurrent.futures.thread concurrent.futures.process asyncio.subprocess
    asyncio.streams multiprocessing.pool multiprocessing.managers
    multiprocessing.shared_memory logging.handlers logging.config importlib.metadata
    importlib.resources importlib.util importlib.abc unittest.mock ctypes.util
    sqlite3.dbapi2 encodings.idna encodings.punycode encodings.cp1252 encodings.latin_1
    dbm.dumb wsgiref.simple_server wsgiref.validate xmlrpc.client xmlrpc.server
    html.parser html.entities collections.abc zoneinfo._common email.headerregistry
    email.message email.generator email.feedparser email.charset email.encoders
    email.base64mime email.quoprimime email.iterators email.contentmanager
    xml.etree.ElementPath xml.sax.handler xml.sax.expatreader xml.dom.pulldom
    xml.dom.expatbuilder urllib.response asyncio.base_events asyncio.selector_events
    asyncio.unix_events asyncio.tasks asyncio.queues asyncio.locks ctypes.wintypes
""".split()

PACKAGES = [
    "markupsafe", "markupsafe._speedups",
    "simplejson", "simplejson._speedups",
    "msgpack", "msgpack._cmsgpack",
    "zstandard", "zstandard.backend_c",
    "psutil", "psutil._psutil_linux",
    "cffi", "_cffi_backend",
]


def main():
    warnings.simplefilter("ignore")  # a few old modules warn that they are deprecated
    for name in STDLIB + PACKAGES:
        importlib.import_module(name)
    print(len(sys.modules))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
