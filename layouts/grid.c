/* grid.c: dwm's gaplessgrid: near-square columns, the last ones one taller. */
#include "layout.h"

/* The fewest columns that make a square grid hold n windows. */
static size_t grid_columns(size_t n)
{
	size_t cols = 1;

	while (cols * cols < n)
		cols++;
	return cols;
}

/* Column and row of window i: the first cols - n % cols columns hold
 * n / cols windows, the others one more, so no cell is left empty. */
static void grid_place(size_t n, size_t cols, size_t i, size_t *col,
		       size_t *row, size_t *rows)
{
	size_t base = n / cols; /* >= 1, as cols <= n */
	size_t short_cols = cols - n % cols;

	if (i < short_cols * base) {
		*col = i / base;
		*row = i % base;
		*rows = base;
		return;
	}
	i -= short_cols * base;
	*col = short_cols + i / (base + 1);
	*row = i % (base + 1);
	*rows = base + 1;
}

static void grid_arrange(const struct layout_params *p, struct rect area,
			 size_t n, struct rect *out)
{
	size_t cols = grid_columns(n);

	for (size_t i = 0; i < n; i++) {
		size_t col, row, rows;

		grid_place(n, cols, i, &col, &row, &rows);
		layout_split(area.x, area.w, cols, p->gap_inner, col, &out[i].x,
			     &out[i].w);
		layout_split(area.y, area.h, rows, p->gap_inner, row, &out[i].y,
			     &out[i].h);
	}
}

const struct layout layout_grid = {
    .name = "grid",
    .symbol = "HHH",
    .arrange = grid_arrange,
};
