/* words.h: split a command line into words, with quotes and escapes. */
#ifndef CTILE_WORDS_H
#define CTILE_WORDS_H

#include <stddef.h>

#define WORDS_MAX 64

struct words {
	int n;
	char *w[WORDS_MAX]; /* owned, NUL-terminated, unquoted */
	int col[WORDS_MAX]; /* 0-based column of each word in the line */
	int end[WORDS_MAX]; /* column just past each word */
};

/* Split line: blanks separate words; "..." allows \" \\ \n \t escapes,
 * '...' is literal; a # as the first word or as a word of its own (#
 * and a blank) ends the line, so #5e81ac is a word. On error
 * returns -1 with a message and the 0-based column of the problem. */
int words_split(const char *line, struct words *out, char *err, size_t len,
		int *err_col);
void words_free(struct words *w);

#endif
