/* rules.c: parse `rule MATCH... ACTION...` and match windows against it. */
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "wm.h"

const char *const window_type_names[WT_COUNT] = {
    "normal", "dialog", "utility", "toolbar",	   "splash",
    "menu",   "dock",	"desktop", "notification",
};

static const char *const field_names[RULE_NFIELDS] = {"class", "instance",
						      "title", "role"};

static int yes_no(const char *v)
{
	if (!strcmp(v, "yes") || !strcmp(v, "on") || !strcmp(v, "true") ||
	    !strcmp(v, "1"))
		return 1;
	if (!strcmp(v, "no") || !strcmp(v, "off") || !strcmp(v, "false") ||
	    !strcmp(v, "0"))
		return 0;
	return -1;
}

/* tags=web,3 or tags=all: names or numbers of the config being written. */
static bool parse_tags(const struct config *c, const char *v, tagmask *out)
{
	*out = 0;
	if (!strcmp(v, "all")) {
		*out =
		    c->ntags >= 32 ? ~(tagmask)0 : ((tagmask)1 << c->ntags) - 1;
		return true;
	}
	char *copy = strdup(v), *save = NULL;
	bool ok = copy != NULL;
	for (char *t = copy ? strtok_r(copy, ",", &save) : NULL; t && ok;
	     t = strtok_r(NULL, ",", &save)) {
		int found = -1;
		for (int i = 0; i < c->ntags && found < 0; i++)
			if (!strcmp(t, c->tag_names[i]))
				found = i;
		char *end;
		long n = strtol(t, &end, 10);
		if (found < 0 && !*end && n >= 1 && n <= c->ntags)
			found = (int)n - 1;
		ok = found >= 0;
		*out |= ok ? (tagmask)1 << found : 0;
	}
	free(copy);
	return ok && *out;
}

/* glibc compiles stacked repetitions (a{1000}{1000}, a++++) into
 * automata of gigabytes: a window's class needs none of that. Refuse a
 * repetition right after another, counts over 255, more than two counted
 * repetitions, and patterns over 256 bytes. */
static const char *too_complex(const char *re)
{
	int counted = 0;
	bool after_repeat = false;
	if (strlen(re) > 256)
		return "longer than 256 bytes";
	for (const char *p = re; *p; p++) {
		bool repeat = *p == '*' || *p == '+' || *p == '?' || *p == '{';
		if (*p == '\\' && p[1]) {
			p++;
		} else if (*p == '[') {
			/* A bracket expression: ']' right after '[' or '[^'
			 * belongs to it. */
			p += p[1] == '^';
			p += p[1] == ']';
			while (p[1] && p[1] != ']')
				p++;
			p += p[1] != '\0';
		} else if (repeat && after_repeat) {
			return "a repetition of a repetition";
		} else if (*p == '{') {
			char *end;
			long n = strtol(p + 1, &end, 10);
			if (n > 255 ||
			    (*end == ',' && strtol(end + 1, NULL, 10) > 255))
				return "a count over 255";
			if (++counted > 2)
				return "more than two counted repetitions";
			p = strchr(p, '}') ? strchr(p, '}') : p;
		}
		after_repeat = repeat && *p != '\\';
	}
	return NULL;
}

static bool parse_match(struct rule *r, int field, const char *v, char *err,
			size_t len)
{
	const char *why = too_complex(v);
	if (why) {
		snprintf(err, len,
			 "rule: regular expression '%.64s' is too "
			 "complex (%s)",
			 v, why);
		return false;
	}
	if (r->has[field]) {
		snprintf(err, len, "rule: %s is given twice",
			 field_names[field]);
		return false;
	}
	/* (?i) in front, as i3 and PCRE write it: case does not matter. */
	int flags = REG_EXTENDED | REG_NOSUB;
	if (!strncmp(v, "(?i)", 4))
		v += 4, flags |= REG_ICASE;
	int e = regcomp(&r->re[field], v, flags);
	if (e) {
		char why[128];
		regerror(e, &r->re[field], why, sizeof(why));
		/* Unbalanced, most often: a blank cut the value in two. */
		bool cut =
		    e == REG_EPAREN || e == REG_EBRACK || e == REG_EBRACE;
		snprintf(err, len, "rule: bad regular expression '%.64s': %s%s",
			 v, why,
			 cut ? " (quote a value with blanks: title=\"a b\")"
			     : "");
		return false;
	}
	r->has[field] = true;
	return true;
}

static bool parse_type(struct rule *r, const char *v, char *err, size_t len)
{
	for (int t = 0; t < WT_COUNT; t++) {
		if (!strcmp(v, window_type_names[t])) {
			r->type = t;
			return true;
		}
	}
	snprintf(err, len, "rule: unknown window type '%.64s'", v);
	return false;
}

/* One word of a rule: key=value, or a bare flag. */
static bool parse_word(struct rule *r, const struct config *c, const char *w,
		       bool *acts, char *err, size_t len)
{
	const char *eq = strchr(w, '=');
	size_t klen = eq ? (size_t)(eq - w) : strlen(w);
	const char *v = eq ? eq + 1 : "yes";
	for (int f = 0; f < RULE_NFIELDS; f++)
		if (eq && strlen(field_names[f]) == klen &&
		    !strncmp(w, field_names[f], klen))
			return parse_match(r, f, v, err, len);
	if (eq && klen == 4 && !strncmp(w, "type", 4))
		return parse_type(r, v, err, len);
	*acts = true;
	int *flag = klen == 8 && !strncmp(w, "floating", 8) ? &r->floating
		    : klen == 10 && !strncmp(w, "fullscreen", 10)
			? &r->fullscreen
		    : klen == 5 && !strncmp(w, "focus", 5) ? &r->focus
		    : klen == 5 && !strncmp(w, "above", 5) ? &r->above
							   : NULL;
	if (flag && (*flag = yes_no(v)) >= 0)
		return true;
	if (!flag && !strcmp(w, "nofocus"))
		return (r->focus = 0) == 0;
	if (eq && klen == 4 && !strncmp(w, "tags", 4)) {
		if (parse_tags(c, v, &r->tags))
			return true;
		snprintf(err, len, "rule: unknown tag in '%.64s'", v);
		return false;
	}
	char *end;
	long n = eq ? strtol(v, &end, 10) : 0;
	if (eq && klen == 7 && !strncmp(w, "monitor", 7)) {
		if (*v && !*end && n >= 1 && n <= 64)
			return (r->monitor = (int)n - 1) >= 0;
		snprintf(err, len,
			 "rule: monitor=%.32s is not a number in 1..64", v);
		return false;
	}
	snprintf(err, len,
		 flag ? "rule: '%.64s' wants yes or no"
		      : "rule: unknown word '%.64s' (match class=, "
			"instance=, title=, role=, type=; give "
			"tags=, floating, fullscreen, above, "
			"monitor=, focus=)",
		 w);
	return false;
}

static void rule_free(struct rule *r)
{
	for (int f = 0; f < RULE_NFIELDS; f++)
		if (r->has[f])
			regfree(&r->re[f]);
}

bool cmd_rule(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	struct config *c = wm->target;
	struct rule r = {.type = -1,
			 .floating = -1,
			 .fullscreen = -1,
			 .monitor = -1,
			 .focus = -1,
			 .above = -1};
	bool acts = false, matches;
	for (int i = 0; i < a->argc; i++) {
		if (!parse_word(&r, c, a->argv[i], &acts, err, len)) {
			*a->err_col = a->words->col[i + 1];
			rule_free(&r);
			return false;
		}
	}
	matches = r.type >= 0 || r.has[0] || r.has[1] || r.has[2] || r.has[3];
	if (!matches || !acts) {
		snprintf(err, len,
			 "rule: give at least one match (class=, "
			 "instance=, title=, role=, type=) and one "
			 "action");
		rule_free(&r);
		return false;
	}
	struct rule *grown =
	    realloc(c->rules, (c->nrules + 1) * sizeof(*grown));
	if (!grown) {
		rule_free(&r);
		snprintf(err, len, "out of memory");
		return false;
	}
	c->rules = grown;
	c->rules[c->nrules++] = r;
	return true;
}

static bool rule_matches(const struct rule *r, const struct rule_subject *s)
{
	const char *values[RULE_NFIELDS] = {s->class_name, s->instance,
					    s->title, s->role};
	for (int f = 0; f < RULE_NFIELDS; f++)
		if (r->has[f] &&
		    regexec(&r->re[f], values[f] ? values[f] : "", 0, NULL, 0))
			return false;
	return r->type < 0 || r->type == s->type;
}

void rules_apply(const struct config *c, const struct rule_subject *s,
		 struct rule_result *res)
{
	*res = (struct rule_result){0, -1, -1, -1, -1, -1};
	for (size_t i = 0; i < c->nrules; i++) {
		const struct rule *r = &c->rules[i];
		if (!rule_matches(r, s))
			continue;
		if (r->tags)
			res->tags = r->tags;
		if (r->floating >= 0)
			res->floating = r->floating;
		if (r->fullscreen >= 0)
			res->fullscreen = r->fullscreen;
		if (r->monitor >= 0)
			res->monitor = r->monitor;
		if (r->focus >= 0)
			res->focus = r->focus;
		if (r->above >= 0)
			res->above = r->above;
	}
}
