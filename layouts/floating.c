/* floating.c: no arrangement; every window keeps the geometry it has. */
#include "layout.h"

const struct layout layout_floating = {
    .name = "floating",
    .symbol = "><>",
    .arrange = NULL, /* the caller uses each window's own geometry */
};
