/* rect.h: the one geometry type shared by the model, layouts and X code. */
#ifndef CTILE_RECT_H
#define CTILE_RECT_H

#include <stdbool.h>

struct rect {
	int x, y, w, h;
};

static inline bool rect_equal(struct rect a, struct rect b)
{
	return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

#endif
