/* monocle.c: every window takes the whole area; focus decides which shows. */
#include "layout.h"

static void monocle_arrange(const struct layout_params *p, struct rect area,
			    size_t n, struct rect *out)
{
	(void)p;
	/* A degenerate area must still give windows X can map. */
	if (area.w < 1)
		area.w = 1;
	if (area.h < 1)
		area.h = 1;
	for (size_t i = 0; i < n; i++)
		out[i] = area;
}

const struct layout layout_monocle = {
    .name = "monocle",
    .symbol = "[M]",
    .arrange = monocle_arrange,
    .overlaps = true,
};
