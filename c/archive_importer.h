/*
 * The importer of the executable's own archive (archive_importer.c), as the
 * launcher (launcher.c) sees it.  Needs nothing from pyseal_app.h: the
 * launcher decides whether to call it (not when PYSEAL_NO_ZIP_INDEX).
 */
#ifndef PYSEAL_ARCHIVE_IMPORTER_H
#define PYSEAL_ARCHIVE_IMPORTER_H

/* Reads the index pyseal_pack appended to the archive at the end of exe (the
   executable's real path, as on sys.path), puts a directory read from it on
   demand into zipimport._zip_directory_cache[exe], and replaces
   zipimporter.get_filename and get_code with versions that answer for that
   archive in C.
   Call it with the GIL held after the core phase of initialization
   (PyConfig._init_main = 0) and before the main phase: before the first
   import from the archive.  It never fails: with no valid index it installs
   nothing, leaves no exception set, and zipimport reads the archive itself. */
void pyseal_install_archive_importer(const char *exe);

#endif
