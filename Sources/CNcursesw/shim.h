// ncursesw for Swift: the wide-character API and static inline wrappers for what Swift
// cannot import (macros, C globals). See docs/architecture.md, "ncurses".
//
// Why wrappers at all: Swift imports no function-like macros (A_BOLD, KEY_F(n), the mouse
// masks), and every C global (stdscr, LINES, COLS, ESCDELAY, stdout) is an error under
// Swift 6 strict concurrency. Reading them through a function keeps the Swift side clean
// without `@preconcurrency import`. Names start with `kt_` so they never clash with curses.
#ifndef KEUKENTAFEL_CNCURSESW_SHIM_H
#define KEUKENTAFEL_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D_XOPEN_SOURCE; without this the wide API disappears.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// MARK: Attributes and colours

static inline attr_t kt_a_normal(void) { return A_NORMAL; }
static inline attr_t kt_a_bold(void) { return A_BOLD; }
static inline attr_t kt_a_reverse(void) { return A_REVERSE; }
static inline attr_t kt_a_underline(void) { return A_UNDERLINE; }
static inline attr_t kt_a_dim(void) { return A_DIM; }
static inline attr_t kt_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }

// MARK: Keys

static inline int kt_key_f(int n) { return KEY_F(n); }
static inline int kt_key_code_yes(void) { return KEY_CODE_YES; }
/// wgetch returns key codes from here up, bytes below.
static inline int kt_key_min(void) { return KEY_MIN; }

// MARK: Mouse (NCURSES_MOUSE_VERSION 2: buttons 4 and 5 are the scroll wheel)

static inline mmask_t kt_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t kt_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t kt_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t kt_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t kt_button5_pressed(void) { return BUTTON5_PRESSED; }

/// Reads the pending mouse event; returns OK and fills the fields, or ERR.
static inline int kt_getmouse(int *x, int *y, mmask_t *state) {
    MEVENT event;
    if (getmouse(&event) != OK) return ERR;
    *x = event.x;
    *y = event.y;
    *state = event.bstate;
    return OK;
}

// MARK: C globals, read through functions (see the note at the top)

static inline WINDOW *kt_stdscr(void) { return stdscr; }
static inline WINDOW *kt_curscr(void) { return curscr; }
static inline int kt_cols(void) { return COLS; }
static inline int kt_lines(void) { return LINES; }
static inline int kt_colors(void) { return COLORS; }
static inline int kt_color_pairs(void) { return COLOR_PAIRS; }
static inline int kt_escdelay(void) { return ESCDELAY; }
static inline int kt_set_escdelay(int ms) { return set_escdelay(ms); }

/// getmaxyx is a macro that assigns to its arguments.
static inline void kt_getmaxyx(WINDOW *win, int *rows, int *cols) {
    int r, c;
    getmaxyx(win, r, c);
    *rows = r;
    *cols = c;
}

/// newterm on the process's own stdin/stdout (the FILE globals are not visible from Swift 6).
/// Unlike initscr, newterm returns NULL instead of exiting when TERM is unknown.
static inline SCREEN *kt_newterm(void) { return newterm(NULL, stdout, stdin); }

/// False for terminals without cursor addressing (TERM=dumb), where ncurses starts but
/// cannot draw a screen.
static inline bool kt_can_address_cursor(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1;
}

/// Makes the next doupdate repaint every cell (after a suspend the terminal holds the shell's text).
static inline void kt_force_full_repaint(void) { clearok(curscr, TRUE); }

// MARK: Locale

/// The character set of the current locale ("UTF-8" when the terminal may get UTF-8).
static inline const char *kt_codeset(void) { return nl_langinfo(CODESET); }

// MARK: Drawing

/// Writes one grapheme cluster (a spacing character and up to four combining ones, as
/// UTF-32 in `wch`, NUL-terminated) at (y, x) with attributes and a colour pair. The whole
/// cell goes through one cchar_t so ncurses keeps combining marks with their base.
/// Returns the column after what ncurses wrote (it uses wcwidth; the caller compares with
/// its own width), or -1 when the cluster could not be written.
static inline int kt_put_cell(WINDOW *win, int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, wch, attrs, (NCURSES_PAIRS_T)pair, NULL) != OK) return -1;
    // At the bottom-right corner ncurses writes the cell and then returns ERR because the
    // cursor cannot advance; the cell is on screen all the same, so the result is ignored.
    (void)mvwadd_wch(win, y, x, &cell);
    return getcurx(win);
}

#endif
