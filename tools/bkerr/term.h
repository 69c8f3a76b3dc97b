/* The terminal: whether to colour, how wide tables may be, and the pager.
 *
 * Colour (--color=WHEN): always, never, or auto: standard output is a
 * terminal, NO_COLOR is unset or empty and TERM is not "dumb".
 *
 * Width: on a terminal, tables fit in $COLUMNS (a positive number), else
 * the terminal's own width (TIOCGWINSZ), else 80 columns; cells too wide
 * are cut and end in "…".  Output to a pipe or a file is data: it is never
 * cut, whatever COLUMNS says.
 *
 * Pager: long output to a terminal goes through $PAGER (less when it is
 * unset, with LESS=FRX and LV=-c when those are unset, as git does); an
 * empty PAGER or "cat" means none, and so does a pager that cannot be
 * started.  When the pager quits before the end, the rest of the output is
 * dropped without an error. */
#ifndef BKERR_TERM_H
#define BKERR_TERM_H

#include <stdbool.h>
#include <stdio.h>

/* Whether to write escape codes: mode is "auto", "always", "never" or
 * NULL (auto). */
bool term_color(const char *mode);
/* The columns tables must fit in: 0 (no limit) when standard output is
 * not a terminal. */
int term_width(void);

/* Sends standard output (and standard error, if it is the terminal too)
 * to the pager, if standard output is a terminal and a pager is wanted
 * and starts; else does nothing. */
void pager_start(void);
/* Whether standard output goes to a pager. */
bool pager_active(void);
/* Flushes and closes the pager's input and waits for it to quit; nothing
 * without a pager. */
void pager_finish(void);

/* Columns that UTF-8 text takes in a terminal (wcwidth: CJK counts 2). */
int cli_width(const char *s);
/* Prints s and pads it with blanks to width columns. */
void cli_pad(FILE *f, const char *s, int width);
/* Prints s (NULL: nothing) on one line, control characters as blanks,
 * padded to width columns: term_cell() without a limit. */
void cli_cell(FILE *f, const char *s, int width);

/* Fits a table in width columns (0: no limit): w[0..n) are its columns'
 * widths, each but the last followed by 2 blanks, min[k] the least column
 * k may take (its heading).  Narrows the widest column, the later of equal
 * ones, one column at a time, until the table fits or every column is at
 * its least. */
void term_fit(int width, int n, int *w, const int *min);
/* Prints s (NULL: nothing) on one line, control characters as blanks, in
 * at most width columns: a longer s is cut between characters and ends in
 * "…" (CJK characters count 2).  Then blanks up to pad columns.  Returns
 * the columns written. */
int term_cell(FILE *f, const char *s, int width, int pad);

#endif
