/*
 * The read-only view of the archive's files by path (archive_files.c), as the
 * launcher (launcher.c) sees it.  Needs nothing from pyseal_app.h.
 */
#ifndef PYSEAL_ARCHIVE_FILES_H
#define PYSEAL_ARCHIVE_FILES_H

/* Makes os.stat, os.listdir, os.scandir, open() and the other functions that
   take a path answer for paths under exe (the executable's real path, as on
   sys.path: <exe>/pkg/data.json) from the archive, through the archive's
   __pyseal__.archive_files module, and refuse writes there as a read-only
   file system does.  Call it with the GIL held, before user code runs (before
   the main phase when initialization is split).  It never fails: if anything
   is missing it leaves some functions as they were and no exception set. */
void pyseal_install_archive_files(const char *exe);

#endif
