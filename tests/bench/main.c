/* main.c: ctbench, the load generator of `make bench`: command line and
 * the CSV rows it prints (one per figure). */
#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

static const char *wm_label = "?";
/* --samples: every repetition's value is appended there too, so that runs
 * of one figure made apart (rounds) can be merged into one (merge.py). */
static const char *samples_path;

static void usage(void)
{
	fprintf(
	    stderr,
	    "usage: ctbench --wm LABEL --scenario S [options] [-- WM ARGS...]\n"
	    "scenarios: switch key burst requests idle startup reload "
	    "bar_redraw\n"
	    "  --display D      X display (default $DISPLAY)\n"
	    "  --floor          no WM: the generator does the WM's work\n"
	    "  --n N            windows\n"
	    "  --reps R         repetitions (default 20)\n"
	    "  --warmup W       unmeasured repetitions first (default 2)\n"
	    "  --key-switch     use keys where _NET_CURRENT_DESKTOP is "
	    "ignored\n"
	    "  --mod super|alt  modifier of the tag keys (default super)\n"
	    "  --place-rule     a WM rule puts the second tag's windows\n"
	    "  --hide-bar       press Mod+b once the WM is ready\n"
	    "  --desktops K     wait for _NET_NUMBER_OF_DESKTOPS >= K\n"
	    "  --quiet MS       no change for MS: geometry stable "
	    "(default 300)\n"
	    "  --timeout MS     a switch not seen by then is ignored "
	    "(default 5000)\n"
	    "  --budget S       stop adding repetitions after S seconds\n"
	    "  --idle S         idle measurement length (default 60)\n"
	    "  --count-log F    xtrace log of the WM: count its requests\n"
	    "  --xpid PID       the X server's pid (its CPU per operation)\n"
	    "  --wm-log F       the WM's stdout and stderr\n"
	    "  --samples F      append each repetition's value to F "
	    "(wm,scenario,n,value)\n");
	exit(2);
}

void series_add(struct series *s, double v)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		s->v = realloc(s->v, s->cap * sizeof(*s->v));
		if (!s->v)
			exit(2);
	}
	s->v[s->n++] = v;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Linear interpolation between closest ranks. */
static double quantile(const double *sorted, size_t n, double q)
{
	if (!n)
		return NAN;
	double pos = q * (double)(n - 1);
	size_t i = (size_t)pos;
	if (i + 1 >= n)
		return sorted[n - 1];
	return sorted[i] + (pos - (double)i) * (sorted[i + 1] - sorted[i]);
}

static void write_samples(const char *scenario, int n, const struct series *s)
{
	FILE *f = samples_path ? fopen(samples_path, "a") : NULL;
	if (!f)
		return;
	for (size_t i = 0; i < s->n; i++)
		fprintf(f, "%s,%s,%d,%.6f\n", wm_label, scenario, n, s->v[i]);
	fclose(f);
}

static void print_note(const char *note)
{
	putchar('"');
	for (const char *p = note ? note : ""; *p; p++) {
		if (*p == '"')
			putchar('"');
		putchar(*p);
	}
	putchar('"');
}

void emit(const char *scenario, int n, struct series *s, const char *unit,
	  double x_cpu_ms, double x_minflt, double wm_cpu_ms, const char *note)
{
	if (!s->n) {
		emit_skip(scenario, n, note);
		return;
	}
	write_samples(scenario, n, s);
	qsort(s->v, s->n, sizeof(*s->v), cmp_double);
	printf("%s,%s,%d,%.4f,%.4f,%.4f,%zu,%s,%.4f,%.1f,%.4f,", wm_label,
	       scenario, n, quantile(s->v, s->n, 0.5),
	       quantile(s->v, s->n, 0.1), quantile(s->v, s->n, 0.9), s->n, unit,
	       x_cpu_ms, x_minflt, wm_cpu_ms);
	print_note(note);
	putchar('\n');
	fflush(stdout);
}

void emit_one(const char *scenario, int n, double v, const char *unit,
	      const char *note)
{
	struct series s = {0};
	series_add(&s, v);
	emit(scenario, n, &s, unit, 0, 0, 0, note);
	free(s.v);
}

/* A figure that could not be measured: reps 0 and why. */
void emit_skip(const char *scenario, int n, const char *why)
{
	printf("%s,%s,%d,,,,0,,,,,", wm_label, scenario, n);
	print_note(why);
	putchar('\n');
	fflush(stdout);
}

/* The long options and the letter set_opt knows each by. */
static const struct option long_opts[] = {
    {"wm", required_argument, NULL, 'w'},
    {"scenario", required_argument, NULL, 's'},
    {"display", required_argument, NULL, 'd'},
    {"floor", no_argument, NULL, 'f'},
    {"n", required_argument, NULL, 'n'},
    {"reps", required_argument, NULL, 'r'},
    {"warmup", required_argument, NULL, 'W'},
    {"key-switch", no_argument, NULL, 'k'},
    {"mod", required_argument, NULL, 'm'},
    {"place-rule", no_argument, NULL, 'p'},
    {"hide-bar", no_argument, NULL, 'h'},
    {"desktops", required_argument, NULL, 'D'},
    {"quiet", required_argument, NULL, 'q'},
    {"timeout", required_argument, NULL, 't'},
    {"budget", required_argument, NULL, 'b'},
    {"idle", required_argument, NULL, 'i'},
    {"count-log", required_argument, NULL, 'c'},
    {"xpid", required_argument, NULL, 'x'},
    {"wm-log", required_argument, NULL, 'l'},
    {"samples", required_argument, NULL, 'S'},
    {NULL, 0, NULL, 0},
};

/* One option into o; false if it is not one. */
static bool set_opt(struct opts *o, int c, const char *v)
{
	/* One option a line reads best here. */
	// clang-format off
	switch (c) {
	case 'w': o->wm = wm_label = v; break;
	case 's': o->scenario = v; break;
	case 'd': o->display = v; break;
	case 'f': o->floor = true; break;
	case 'n': o->n = atoi(v); break;
	case 'r': o->reps = atoi(v); break;
	case 'W': o->warmup = atoi(v); break;
	case 'k': o->key_switch = true; break;
	case 'm': o->mod = strcmp(v, "alt") ? K_SUPER : K_ALT; break;
	case 'p': o->place_rule = true; break;
	case 'h': o->hide_bar = true; break;
	case 'D': o->want_desktops = atoi(v); break;
	case 'q': o->quiet_ms = atoi(v); break;
	case 't': o->timeout_ms = atoi(v); break;
	case 'b': o->budget_s = atof(v); break;
	case 'i': o->idle_s = atof(v); break;
	case 'c': o->count_log = v; break;
	case 'x': o->xpid = atoi(v); break;
	case 'l': o->wm_log = v; break;
	case 'S': samples_path = v; break;
	default: return false;
	}
	// clang-format on
	return true;
}

/* The options, then the WM's command after "--". */
static void parse_opts(struct opts *o, int argc, char **argv)
{
	int c;
	/* "+": stop at the first word that is not an option. */
	while ((c = getopt_long_only(argc, argv, "+", long_opts, NULL)) != -1)
		if (!set_opt(o, c, optarg))
			usage();
	if (!o->wm || !o->scenario || o->reps < 1 || o->n < 0)
		usage();
	o->wm_argv = optind < argc ? argv + optind : NULL;
}

int main(int argc, char **argv)
{
	struct opts o = {.reps = 20,
			 .warmup = 2,
			 .mod = K_SUPER,
			 .quiet_ms = 300,
			 .timeout_ms = 5000,
			 .budget_s = 1e9,
			 .idle_s = 60};
	parse_opts(&o, argc, argv);
	if (!o.floor && !o.wm_argv) {
		fprintf(stderr, "ctbench: no WM command (or --floor)\n");
		return 2;
	}
	if (o.display)
		setenv("DISPLAY", o.display, 1); /* for the WM we start */
	struct bx bx;
	if (!bx_open(&bx, o.display)) {
		fprintf(stderr, "ctbench: cannot open display\n");
		return 2;
	}
	if (!bx.have_xtest || !bx.key[K_SUPER] || !bx.key[K_2])
		fprintf(stderr, "ctbench: no XTEST or no Super_L/2 keys\n");
	int rc = scenario_run(&bx, &o);
	bx_close(&bx);
	return rc;
}
