/// Shim for ncursesw: the wide-character API plus the C macros Swift cannot import.
///
/// WHY: `NCURSES_WIDECHAR` must be defined before the header is included, and a `cSettings`
/// define does not reach Swift's importer. Macros built from expressions (`A_BOLD`,
/// `BUTTON1_PRESSED`, ...) are invisible to Swift, and `stdscr`/`LINES`/`COLS` are mutable C
/// globals that Swift 6 strict concurrency refuses to touch, so they are exposed here as
/// constants and tiny inline accessors.
#ifndef CHANSCOPE_CNCURSESW_SHIM_H
#define CHANSCOPE_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>

static const attr_t chanscope_A_NORMAL = A_NORMAL;
static const attr_t chanscope_A_BOLD = A_BOLD;
static const attr_t chanscope_A_REVERSE = A_REVERSE;
static const attr_t chanscope_A_DIM = A_DIM;
static const attr_t chanscope_A_UNDERLINE = A_UNDERLINE;

static const mmask_t chanscope_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t chanscope_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t chanscope_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t chanscope_ALL_MOUSE_EVENTS = ALL_MOUSE_EVENTS;

/// The standard screen window, read through a function so Swift never touches the global.
static inline WINDOW *chanscope_stdscr(void) { return stdscr; }
/// Current terminal height in rows.
static inline int chanscope_LINES(void) { return LINES; }
/// Current terminal width in columns.
static inline int chanscope_COLS(void) { return COLS; }
/// Number of colours the terminal supports (0 before start_color).
static inline int chanscope_COLORS(void) { return COLORS; }
/// Number of colour pairs the terminal supports (0 before start_color).
static inline int chanscope_COLOR_PAIRS(void) { return COLOR_PAIRS; }

/// Columns the C library (and so ncurses) gives a character under the current locale; glibc
/// declares `wcwidth` only with _XOPEN_SOURCE, which Swift's importer does not define.
extern int wcwidth(wchar_t c);
static inline int chanscope_wcwidth(wchar_t c) { return wcwidth(c); }

#endif
