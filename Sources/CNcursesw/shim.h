// ncursesw for Swift: the wide-character API and static inline wrappers for what Swift
// cannot import (macros, C globals). See ../../../shared/NCURSES-NOTES.md.
#ifndef KEUKENTAFEL_CNCURSESW_SHIM_H
#define KEUKENTAFEL_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D_XOPEN_SOURCE; without this the wide API disappears.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

#endif
