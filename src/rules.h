/* rules.h: `rule` statements: which windows they match, what they give. */
#ifndef CTILE_RULES_H
#define CTILE_RULES_H

#include "config.h"

enum window_type {
	WT_NORMAL,
	WT_DIALOG,
	WT_UTILITY,
	WT_TOOLBAR,
	WT_SPLASH,
	WT_MENU,
	WT_DOCK,
	WT_DESKTOP,
	WT_NOTIFICATION,
	WT_COUNT
};
extern const char *const window_type_names[WT_COUNT];

/* What a rule is matched against. */
struct rule_subject {
	const char *class_name, *instance, *title, *role;
	int type; /* enum window_type */
};

/* What the matching rules decided; -1 or 0 where none said. */
struct rule_result {
	tagmask tags;
	int floating, fullscreen, monitor, focus, above;
};

/* Apply every matching rule in order, a later one overriding. */
void rules_apply(const struct config *c, const struct rule_subject *s,
		 struct rule_result *r);

#endif
