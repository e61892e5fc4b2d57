/* i3bar.c: the i3bar protocol parsed and written with json-c: header,
 * block arrays, colours, click events. */
#include "i3bar.h"

#include <json-c/json.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xcb/xproto.h>

static const char *skip(const char *p, const char *chars)
{
	return p + strspn(p, chars);
}

/* One JSON value at the start of s; *end is where it stops. */
static struct json_object *parse_value(const char *s, const char **end,
				       char *err, size_t len)
{
	size_t n = strlen(s);
	if (n > INT_MAX) {
		snprintf(err, len, "i3bar: line too long");
		return NULL;
	}
	struct json_tokener *tok = json_tokener_new();
	if (!tok) {
		snprintf(err, len, "i3bar: out of memory");
		return NULL;
	}
	struct json_object *o = json_tokener_parse_ex(tok, s, (int)n);
	enum json_tokener_error e = json_tokener_get_error(tok);
	if (o && e == json_tokener_success) {
		*end = s + json_tokener_get_parse_end(tok);
	} else {
		snprintf(err, len, "i3bar: bad JSON: %s",
			 e == json_tokener_continue
			     ? "unexpected end of line"
			     : json_tokener_error_desc(e));
		json_object_put(o);
		o = NULL;
	}
	json_tokener_free(tok);
	return o;
}

bool i3bar_parse_header(const char *line, bool *click_events)
{
	char err[128];
	const char *end;
	struct json_object *o =
	    parse_value(skip(line, " \t\r"), &end, err, sizeof(err));
	struct json_object *v;
	bool ok = o && json_object_is_type(o, json_type_object) &&
		  !*skip(end, " \t\r") &&
		  json_object_object_get_ex(o, "version", &v) &&
		  json_object_is_type(v, json_type_int) &&
		  json_object_get_int64(v) >= 1;
	if (ok) {
		*click_events =
		    json_object_object_get_ex(o, "click_events", &v) &&
		    (json_object_is_type(v, json_type_boolean) ||
		     json_object_is_type(v, json_type_int)) &&
		    json_object_get_boolean(v);
	}
	json_object_put(o);
	return ok;
}

bool i3bar_parse_color(const char *s, uint32_t *out)
{
	size_t n = s ? strlen(s) : 0;
	if (n < 1 || s[0] != '#' || (n != 7 && n != 9) ||
	    strspn(s + 1, "0123456789abcdefABCDEF") != n - 1)
		return false;
	uint32_t v = (uint32_t)strtoul(s + 1, NULL, 16);
	*out = n == 7 ? 0xff000000u | v : (v >> 8) | (v & 0xffu) << 24;
	return true;
}

/* A member of type t, or NULL. */
static struct json_object *member(struct json_object *o, const char *key,
				  enum json_type t)
{
	struct json_object *v;
	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, t))
		return NULL;
	return v;
}

static char *string_of(struct json_object *o, const char *key)
{
	struct json_object *v = member(o, key, json_type_string);
	return v ? strdup(json_object_get_string(v)) : NULL;
}

/* An integer member clamped to [lo, hi], or def. */
static int int_of(struct json_object *o, const char *key, int def, int lo,
		  int hi)
{
	struct json_object *v = member(o, key, json_type_int);
	if (!v)
		return def;
	int64_t n = json_object_get_int64(v);
	return n < lo ? lo : n > hi ? hi : (int)n;
}

static bool bool_of(struct json_object *o, const char *key, bool def)
{
	struct json_object *v = member(o, key, json_type_boolean);
	return v ? json_object_get_boolean(v) : def;
}

static bool color_of(struct json_object *o, const char *key, uint32_t *out)
{
	struct json_object *v = member(o, key, json_type_string);
	return v && i3bar_parse_color(json_object_get_string(v), out);
}

static void block_free(struct i3bar_block *b)
{
	free(b->full_text);
	free(b->short_text);
	free(b->name);
	free(b->instance);
	free(b->min_width_text);
}

/* A block from one object of the array; false when it is no block (no
 * full_text) or memory ran out. Unknown members are ignored. */
static bool block_from(struct json_object *o, struct i3bar_block *b)
{
	*b = (struct i3bar_block){.separator = true};
	if (!json_object_is_type(o, json_type_object) ||
	    !(b->full_text = string_of(o, "full_text")))
		return false;
	b->short_text = string_of(o, "short_text");
	b->name = string_of(o, "name");
	b->instance = string_of(o, "instance");
	b->has_color = color_of(o, "color", &b->color);
	b->has_background = color_of(o, "background", &b->background);
	b->has_border = color_of(o, "border", &b->border);
	b->border_top = int_of(o, "border_top", 1, 0, 100);
	b->border_right = int_of(o, "border_right", 1, 0, 100);
	b->border_bottom = int_of(o, "border_bottom", 1, 0, 100);
	b->border_left = int_of(o, "border_left", 1, 0, 100);
	b->min_width = int_of(o, "min_width", 0, 0, 10000);
	b->min_width_text = string_of(o, "min_width");
	b->separator_block_width =
	    int_of(o, "separator_block_width", 9, 0, 1000);
	b->urgent = bool_of(o, "urgent", false);
	b->separator = bool_of(o, "separator", true);
	const char *s;
	struct json_object *v;
	if ((v = member(o, "align", json_type_string))) {
		s = json_object_get_string(v);
		b->align = !strcmp(s, "center")	 ? I3BAR_ALIGN_CENTER
			   : !strcmp(s, "right") ? I3BAR_ALIGN_RIGHT
						 : I3BAR_ALIGN_LEFT;
	}
	if ((v = member(o, "markup", json_type_string)))
		b->markup = !strcmp(json_object_get_string(v), "pango");
	return true;
}

static bool blocks_from(struct json_object *a, struct i3bar_blocks *out,
			char *err, size_t len)
{
	size_t n = json_object_array_length(a);
	struct i3bar_blocks got = {n ? calloc(n, sizeof(*got.v)) : NULL, 0};
	if (n && !got.v) {
		snprintf(err, len, "i3bar: out of memory");
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		struct i3bar_block *b = &got.v[got.n];
		if (block_from(json_object_array_get_idx(a, i), b))
			got.n++;
		else
			block_free(b);
	}
	i3bar_blocks_free(out);
	*out = got;
	return true;
}

enum i3bar_result i3bar_parse_blocks(const char *line, struct i3bar_blocks *out,
				     char *err, size_t len)
{
	struct json_object *last = NULL;
	for (const char *p = line;;) {
		/* The commas between arrays, and `]` when the stream ends. */
		p = skip(p, " \t\r,]");
		if (!*p)
			break;
		const char *end;
		struct json_object *o = parse_value(p, &end, err, len);
		if (o && !json_object_is_type(o, json_type_array)) {
			snprintf(err, len,
				 "i3bar: a status line must be an "
				 "array of blocks");
			json_object_put(o);
			o = NULL;
		}
		json_object_put(last);
		if (!o)
			return I3BAR_ERROR;
		last = o;
		p = end;
	}
	if (!last)
		return I3BAR_NOTHING;
	bool ok = blocks_from(last, out, err, len);
	json_object_put(last);
	return ok ? I3BAR_BLOCKS : I3BAR_ERROR;
}

enum i3bar_result i3bar_feed(struct i3bar_stream *s, const char *line,
			     struct i3bar_blocks *out, char *err, size_t len)
{
	const char *p;
	switch (s->phase) {
	case I3BAR_START:
		if (i3bar_parse_header(line, &s->click_events)) {
			s->phase = I3BAR_OPEN;
			return I3BAR_HEADER;
		}
		s->phase = I3BAR_PLAIN;
		return I3BAR_TEXT;
	case I3BAR_PLAIN:
		return I3BAR_TEXT;
	case I3BAR_OPEN:
		p = skip(line, " \t\r");
		if (!*p)
			return I3BAR_NOTHING;
		if (*p != '[') {
			snprintf(err, len,
				 "i3bar: expected `[` after the "
				 "header");
			return I3BAR_ERROR;
		}
		s->phase = I3BAR_BODY;
		/* `[` opens the endless array, unless the line is already a
		 * block array (a status command that left the `[` out). */
		if (*skip(p + 1, " \t\r") != '{')
			line = p + 1;
		return i3bar_parse_blocks(line, out, err, len);
	case I3BAR_BODY:
		return i3bar_parse_blocks(line, out, err, len);
	}
	return I3BAR_NOTHING;
}

void i3bar_blocks_free(struct i3bar_blocks *b)
{
	for (size_t i = 0; i < b->n; i++)
		block_free(&b->v[i]);
	free(b->v);
	*b = (struct i3bar_blocks){0};
}

static bool str_eq(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static bool block_equal(const struct i3bar_block *a,
			const struct i3bar_block *b)
{
	return str_eq(a->full_text, b->full_text) &&
	       str_eq(a->short_text, b->short_text) &&
	       str_eq(a->name, b->name) && str_eq(a->instance, b->instance) &&
	       str_eq(a->min_width_text, b->min_width_text) &&
	       a->min_width == b->min_width && a->color == b->color &&
	       a->background == b->background && a->border == b->border &&
	       a->has_color == b->has_color &&
	       a->has_background == b->has_background &&
	       a->has_border == b->has_border &&
	       a->border_top == b->border_top &&
	       a->border_right == b->border_right &&
	       a->border_bottom == b->border_bottom &&
	       a->border_left == b->border_left &&
	       a->separator_block_width == b->separator_block_width &&
	       a->align == b->align && a->urgent == b->urgent &&
	       a->separator == b->separator && a->markup == b->markup;
}

bool i3bar_blocks_equal(const struct i3bar_blocks *a,
			const struct i3bar_blocks *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (!block_equal(&a->v[i], &b->v[i]))
			return false;
	return true;
}

static bool add_int(struct json_object *o, const char *key, int v)
{
	struct json_object *n = json_object_new_int(v);
	if (n && !json_object_object_add(o, key, n))
		return true;
	json_object_put(n); /* still ours when adding failed */
	return false;
}

static bool add_string(struct json_object *o, const char *key, const char *v)
{
	struct json_object *s = json_object_new_string(v);
	if (s && !json_object_object_add(o, key, s))
		return true;
	json_object_put(s);
	return false;
}

/* The modifiers by name, as i3bar writes them. */
static struct json_object *modifiers_of(unsigned state)
{
	static const struct {
		unsigned mask;
		const char *name;
	} mods[] = {
	    {XCB_MOD_MASK_SHIFT, "Shift"}, {XCB_MOD_MASK_CONTROL, "Control"},
	    {XCB_MOD_MASK_1, "Mod1"},	   {XCB_MOD_MASK_2, "Mod2"},
	    {XCB_MOD_MASK_3, "Mod3"},	   {XCB_MOD_MASK_4, "Mod4"},
	    {XCB_MOD_MASK_5, "Mod5"},
	};
	struct json_object *a = json_object_new_array();
	for (size_t i = 0; a && i < sizeof(mods) / sizeof(*mods); i++) {
		if (!(state & mods[i].mask))
			continue;
		struct json_object *s = json_object_new_string(mods[i].name);
		if (!s || json_object_array_add(a, s)) {
			json_object_put(s);
			json_object_put(a);
			return NULL;
		}
	}
	return a;
}

char *i3bar_click_json(const struct i3bar_click *c)
{
	struct json_object *o = json_object_new_object();
	struct json_object *mods = modifiers_of(c->modifiers);
	bool ok = o && mods && (!c->name || add_string(o, "name", c->name)) &&
		  (!c->instance || add_string(o, "instance", c->instance)) &&
		  add_int(o, "button", c->button);
	if (ok && json_object_object_add(o, "modifiers", mods))
		ok = false;
	else if (ok)
		mods = NULL; /* o owns it now */
	ok = ok && add_int(o, "x", c->x) && add_int(o, "y", c->y) &&
	     add_int(o, "relative_x", c->relative_x) &&
	     add_int(o, "relative_y", c->relative_y) &&
	     add_int(o, "output_x", c->output_x) &&
	     add_int(o, "output_y", c->output_y) &&
	     add_int(o, "width", c->width) && add_int(o, "height", c->height);
	char *json = NULL;
	if (ok)
		json = strdup(json_object_to_json_string_ext(
		    o,
		    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(mods);
	json_object_put(o);
	return json;
}
