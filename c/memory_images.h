/*
 * The in-memory extension location (memory_images.c), called by launcher.c with
 * the other finders, after the core phase and before anything is imported from
 * the archive.
 */
#ifndef PYSEAL_MEMORY_IMAGES_H
#define PYSEAL_MEMORY_IMAGES_H

/* With PYSEAL_MEMORY_MODULES (Linux): registers `_pyseal_memory` and puts a
   finder first on sys.meta_path that loads those modules, and the libraries
   they need, from the archive through memfds.  Returns -1 with a Python
   exception set on failure; 0 (doing nothing) without the macro. */
int pyseal_install_memory_finder(void);

#endif
