/* test_pactl.c: every shape of line pactl prints that the volume widget
 * reads (subscribe events, volumes, mute states, connection failures) and
 * garbage; the widget's format; its options. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pactl.h"
#include "widget.h"

#define N(a) (sizeof(a) / sizeof(*(a)))

/* -- subscribe events */

static void test_events_of_sinks_and_the_server(void **state)
{
	(void)state;
	assert_int_equal(pactl_parse_event("Event 'change' on sink #0"),
			 PACTL_EVENT_SINK);
	assert_int_equal(pactl_parse_event("Event 'new' on sink #1"),
			 PACTL_EVENT_SINK);
	assert_int_equal(pactl_parse_event("Event 'remove' on sink #12"),
			 PACTL_EVENT_SINK);
	/* The default sink changing is a server event. */
	assert_int_equal(
	    pactl_parse_event("Event 'change' on server #4294967295"),
	    PACTL_EVENT_SERVER);
	/* A \r or blanks at the end are no reason to miss it. */
	assert_int_equal(pactl_parse_event("Event 'change' on sink #0\r"),
			 PACTL_EVENT_SINK);
	assert_int_equal(pactl_parse_event("Event 'change' on sink #0  "),
			 PACTL_EVENT_SINK);
}

static void test_events_of_other_facilities_are_ignored(void **state)
{
	(void)state;
	const char *other[] = {
	    "Event 'change' on sink-input #3",
	    "Event 'new' on source #1",
	    "Event 'change' on source-output #7",
	    "Event 'new' on client #5",
	    "Event 'remove' on client #5",
	    "Event 'new' on module #2",
	    "Event 'change' on card #0",
	    "Event 'new' on sample-cache #0",
	    "Event 'change' on sinks #0",
	};
	for (size_t i = 0; i < N(other); i++)
		if (pactl_parse_event(other[i]) != PACTL_EVENT_OTHER)
			fail_msg("'%s' is not an ignored event", other[i]);
}

static void test_garbage_is_not_an_event(void **state)
{
	(void)state;
	const char *bad[] = {
	    "",
	    " ",
	    "Event",
	    "Event '",
	    "Event ''",
	    "Event '' on sink #0",
	    "Event 'change'",
	    "Event 'change' on",
	    "Event 'change' on sink",
	    "Event 'change' on sink #",
	    "Event 'change' on sink #x",
	    "Event 'change' on sink #0x",
	    "Event 'change' on sink #0 trailing",
	    "Event 'change' on sink #99999999999",
	    "Event 'Change' on sink #0",
	    "Event \"change\" on sink #0",
	    "event 'change' on sink #0",
	    " Event 'change' on sink #0",
	    "Event 'change'  on sink #0",
	    "Event 'change' on  sink #0",
	    "Event 'change' on sink 0",
	    "Event 'change' on #0",
	    "Connection failure: Connection refused",
	    "Got SIGINT, exiting.",
	    "Volume: front-left: 65536 / 100% / 0.00 dB",
	    "\xff\xfe\x80 on sink #0",
	};
	for (size_t i = 0; i < N(bad); i++)
		if (pactl_parse_event(bad[i]) != PACTL_EVENT_NONE)
			fail_msg("'%s' was taken for an event", bad[i]);
}

/* -- volumes */

static void test_volume_stereo(void **state)
{
	(void)state;
	assert_int_equal(pactl_parse_volume("Volume: front-left: 65536 / 100% "
					    "/ 0.00 dB,   front-right: 65536 / "
					    "100% / 0.00 dB"),
			 100);
	assert_int_equal(pactl_parse_volume("Volume: front-left: 32768 /  50% "
					    "/ -18.06 dB,   front-right: 32768 "
					    "/  50% / -18.06 dB"),
			 50);
	assert_int_equal(pactl_parse_volume("Volume: front-left: 0 /   0% / "
					    "-inf dB,   front-right: 0 /   0% "
					    "/ -inf dB"),
			 0);
}

/* Channels that differ show their average (of the raw volumes, rounded),
 * not the first channel: 30% and 70% show 50%. */
static void test_volume_channels_are_averaged(void **state)
{
	(void)state;
	assert_int_equal(pactl_parse_volume("Volume: front-left: 19660 /  30% "
					    "/ -31.37 dB,   front-right: 45875 "
					    "/  70% / -9.29 dB"),
			 50);
	assert_int_equal(pactl_parse_volume("Volume: front-left: 65536 / 100% "
					    "/ 0.00 dB,   front-right: 0 /   "
					    "0% / -inf dB"),
			 50);
	/* 5.1: six channels, one of them loud. */
	assert_int_equal(
	    pactl_parse_volume(
		"Volume: front-left: 32768 /  50% / -18.06 dB,   front-right: "
		"32768 /  50% / -18.06 dB,   rear-left: 32768 /  50% / -18.06 "
		"dB,   rear-right: 32768 /  50% / -18.06 dB,   front-center: "
		"32768 /  50% / -18.06 dB,   lfe: 98304 / 150% / 10.57 dB"),
	    67);
	/* Rounded to the nearest percent, as pactl prints it. */
	assert_int_equal(pactl_parse_volume("Volume: mono: 32440 /  49% / "
					    "-18.32 dB"),
			 49);
	assert_int_equal(pactl_parse_volume("Volume: mono: 32441 /  50% / "
					    "-18.31 dB"),
			 50);
}

static void test_volume_mono_aux_and_no_db(void **state)
{
	(void)state;
	assert_int_equal(pactl_parse_volume("Volume: mono: 65536 / 100% / "
					    "0.00 dB"),
			 100);
	assert_int_equal(pactl_parse_volume("Volume: aux0: 6554 /  10%, aux1: "
					    "6554 /  10%"),
			 10);
	/* A sink without a dB scale prints no dB part. */
	assert_int_equal(pactl_parse_volume("Volume: front-left: 45875 /  70%,"
					    "   front-right: 45875 /  70%"),
			 70);
	/* Indented, as `pactl list sinks` prints it; a \r at the end. */
	assert_int_equal(pactl_parse_volume("\tVolume: front-left: 65536 / "
					    "100% / 0.00 dB\r"),
			 100);
	/* A decimal comma, should a locale slip through. */
	assert_int_equal(pactl_parse_volume("Volume: front-left: 32768 /  50% "
					    "/ -18,06 dB,   front-right: 32768 "
					    "/  50% / -18,06 dB"),
			 50);
}

static void test_volume_above_100(void **state)
{
	(void)state;
	assert_int_equal(pactl_parse_volume("Volume: front-left: 98304 / 150% "
					    "/ 10.57 dB,   front-right: 98304 "
					    "/ 150% / 10.57 dB"),
			 150);
	assert_int_equal(pactl_parse_volume("Volume: front-left: 131072 / 200% "
					    "/ 18.06 dB"),
			 200);
	/* PA_VOLUME_MAX, the loudest there is. */
	assert_int_equal(pactl_parse_volume("Volume: mono: 2147483647 / "
					    "3276800% / 289.97 dB"),
			 3276800);
	/* The largest number a raw volume can be, and no more. */
	assert_int_equal(pactl_parse_volume("Volume: mono: 4294967295 / 1% / "
					    "1 dB"),
			 6553600);
	assert_int_equal(pactl_parse_volume("Volume: mono: 4294967296 / 1% / "
					    "1 dB"),
			 -1);
}

static void test_volume_garbage(void **state)
{
	(void)state;
	const char *bad[] = {
	    "",
	    "Volume:",
	    "Volume: ",
	    "Volume: front-left",
	    "Volume: front-left:",
	    "Volume: front-left: 65536",
	    "Volume: front-left: 65536 /",
	    "Volume: front-left: 65536 / 100",
	    "Volume: front-left: 65536 / 100% /",
	    "Volume: front-left: 65536 / 100% / dB",
	    "Volume: front-left: 65536 / 100% / 0.00",
	    "Volume: front-left: 65536 / 100% / 0.00 dB,",
	    "Volume: front-left: 65536 / 100% / 0.00 dB, ,",
	    "Volume: front-left: 65536 / 100% / 0.00 dB trailing",
	    "Volume: front-left: -65536 / 100% / 0.00 dB",
	    "Volume: front-left: 6x536 / 100% / 0.00 dB",
	    "Volume: : 65536 / 100% / 0.00 dB",
	    "Volume: front left: 65536 / 100% / 0.00 dB",
	    "Volume: 65536 / 100% / 0.00 dB",
	    "Volume front-left: 65536 / 100% / 0.00 dB",
	    "volume: front-left: 65536 / 100% / 0.00 dB",
	    "Lautstärke: front-left: 65536 / 100% / 0.00 dB",
	    "        balance 0.00",
	    "Mute: no",
	    "Failed to get sink information: No such entity",
	    "Event 'change' on sink #0",
	    "Volume: front-left: 99999999999999999999999 / 100% / 0.00 dB",
	    "Volume: \xff\xfe: 65536 / 100% / 0.00 dB",
	};
	for (size_t i = 0; i < N(bad); i++)
		if (pactl_parse_volume(bad[i]) != -1)
			fail_msg("'%s' was taken for a volume", bad[i]);
}

/* A line of a thousand channels, or of endless commas, costs no more than
 * reading it. */
static void test_volume_long_lines(void **state)
{
	(void)state;
	const char *one = "ch: 65536 / 100% / 0.00 dB, ";
	size_t n = 1000, len = strlen("Volume: ") + n * strlen(one) + 1;
	char *line = malloc(len);
	assert_non_null(line);
	strcpy(line, "Volume: ");
	for (size_t i = 0; i < n; i++)
		strcat(line, one);
	line[strlen(line) - 2] = '\0'; /* no comma after the last */
	assert_int_equal(pactl_parse_volume(line), 100);
	memset(line, ',', len - 1);
	memcpy(line, "Volume:", 7);
	line[len - 1] = '\0';
	assert_int_equal(pactl_parse_volume(line), -1);
	free(line);
}

/* -- mute */

static void test_mute(void **state)
{
	(void)state;
	assert_int_equal(pactl_parse_mute("Mute: yes"), 1);
	assert_int_equal(pactl_parse_mute("Mute: no"), 0);
	assert_int_equal(pactl_parse_mute("\tMute: yes"), 1);
	assert_int_equal(pactl_parse_mute("Mute: no\r"), 0);
	assert_int_equal(pactl_parse_mute("Mute:yes"), 1);
	assert_int_equal(pactl_parse_mute("Mute: yes  "), 1);
	const char *bad[] = {
	    "",
	    "Mute:",
	    "Mute: ",
	    "Mute: maybe",
	    "Mute: yess",
	    "Mute: nope",
	    "Mute: Yes",
	    "Mute: 1",
	    "mute: yes",
	    "Mute yes",
	    "Mute: yes no",
	    "Stummschalten: ja",
	    "Volume: mono: 65536 / 100% / 0.00 dB",
	};
	for (size_t i = 0; i < N(bad); i++)
		if (pactl_parse_mute(bad[i]) != -1)
			fail_msg("'%s' was taken for a mute state", bad[i]);
}

/* -- a whole reply */

static void reply_of(struct pactl_reply *r, const char *const *lines)
{
	pactl_reply_init(r);
	for (; *lines; lines++)
		pactl_reply_line(r, *lines);
}

static void test_reply(void **state)
{
	(void)state;
	struct pactl_reply r;
	const char *ok[] = {"Volume: front-left: 32768 /  50% / -18.06 dB,   "
			    "front-right: 32768 /  50% / -18.06 dB",
			    "        balance 0.00", "Mute: yes", NULL};
	reply_of(&r, ok);
	assert_int_equal(r.volume, 50);
	assert_int_equal(r.mute, 1);
	assert_false(r.no_server);

	/* The first volume and mute count; later ones do not overwrite. */
	const char *twice[] = {"Volume: mono: 65536 / 100% / 0.00 dB",
			       "Mute: no", "Volume: mono: 0 / 0% / -inf dB",
			       "Mute: yes", NULL};
	reply_of(&r, twice);
	assert_int_equal(r.volume, 100);
	assert_int_equal(r.mute, 0);

	const char *no_sink[] = {
	    "Failed to get sink information: No such entity",
	    "Failed to get sink information: No such entity", NULL};
	reply_of(&r, no_sink);
	assert_int_equal(r.volume, -1);
	assert_int_equal(r.mute, -1);
	assert_false(r.no_server);

	const char *no_server[] = {
	    "Connection failure: Connection refused",
	    "pa_context_connect() failed: Connection refused", NULL};
	reply_of(&r, no_server);
	assert_int_equal(r.volume, -1);
	assert_true(r.no_server);

	const char *gone[] = {"Connection failure: Connection terminated",
			      NULL};
	reply_of(&r, gone);
	assert_true(r.no_server);

	const char *nothing[] = {NULL};
	reply_of(&r, nothing);
	assert_int_equal(r.volume, -1);
	assert_int_equal(r.mute, -1);
	assert_false(r.no_server);
}

/* -- the widget's text */

static void test_format(void **state)
{
	(void)state;
	char out[64];
	pactl_format(out, sizeof(out), "vol %v%%", 50, false);
	assert_string_equal(out, "vol 50%");
	pactl_format(out, sizeof(out), "vol %v%%", 150, false);
	assert_string_equal(out, "vol 150%");
	pactl_format(out, sizeof(out), "vol muted", 50, true);
	assert_string_equal(out, "vol muted");
	pactl_format(out, sizeof(out), "♪ %v%% %m", 7, true);
	assert_string_equal(out, "♪ 7% muted");
	pactl_format(out, sizeof(out), "♪ %v%% %m", 7, false);
	assert_string_equal(out, "♪ 7% ");
	pactl_format(out, sizeof(out), "%%v", 7, false);
	assert_string_equal(out, "%v");
	pactl_format(out, sizeof(out), "", 7, false);
	assert_string_equal(out, "");
	/* Cut to fit, always terminated. */
	pactl_format(out, 6, "vol %v%%", 1234, false);
	assert_string_equal(out, "vol 1");
	pactl_format(out, 4, "%m%m", 0, true);
	assert_string_equal(out, "mut");
	pactl_format(out, 1, "vol", 0, false);
	assert_string_equal(out, "");
}

static void test_format_check(void **state)
{
	(void)state;
	const char *good[] = {"vol %v%%", "vol muted",	      "%m", "", "%%",
			      "%v%m",	  "no percent at all"};
	for (size_t i = 0; i < N(good); i++) {
		char *e = pactl_format_check(good[i]);
		if (e)
			fail_msg("'%s' refused: %s", good[i], e);
	}
	char *e = pactl_format_check("vol %d");
	assert_non_null(e);
	assert_string_equal(e, "format 'vol %d': unknown %d (%v is the volume, "
			       "%m the mute state, %% a % sign)");
	free(e);
	e = pactl_format_check("vol %v%");
	assert_non_null(e);
	assert_string_equal(e, "format 'vol %v%' ends in a lone %: write %% "
			       "for a % sign");
	free(e);
}

/* -- the widget's options (creating one starts no process) */

static char *create_error(int n, const char *const *kv)
{
	char *keys[8], *values[8];
	for (int i = 0; i < n; i++) {
		keys[i] = (char *)kv[2 * i];
		values[i] = (char *)kv[2 * i + 1];
	}
	struct widget_args a = {(size_t)n, keys, values, NULL};
	const struct widget_ops *ops = widget_find("volume");
	assert_non_null(ops);
	char *error = NULL;
	void *self = ops->create(&a, &error);
	if (self) {
		assert_null(error);
		assert_int_equal(ops->poll_fd(self), -1); /* not started */
		ops->destroy(self);
		return NULL;
	}
	assert_non_null(error);
	return error;
}

static void test_widget_options(void **state)
{
	(void)state;
	const char *fine[] = {"step",	"2",	      "max",	      "150",
			      "format", "%v%% %m",    "format_muted", "(%v%%)",
			      "click3", "pavucontrol"};
	assert_null(create_error(0, fine));
	assert_null(create_error(5, fine));
	const char *max0[] = {"max", "0"};
	assert_null(create_error(1, max0));

	const struct {
		const char *kv[2], *error;
	} bad[] = {
	    {{"step", "0"}, "step=0 is not a whole number >= 1"},
	    {{"step", "x"}, "step=x is not a whole number >= 1"},
	    {{"max", "-1"}, "max=-1 is not a whole number >= 0"},
	    {{"format", "%x"},
	     "format '%x': unknown %x (%v is the volume, %m the mute state, "
	     "%% a % sign)"},
	    {{"format_muted", "50%"},
	     "format '50%' ends in a lone %: write %% for a % sign"},
	};
	for (size_t i = 0; i < N(bad); i++) {
		char *e = create_error(1, bad[i].kv);
		if (!e)
			fail_msg("%s=%s was accepted", bad[i].kv[0],
				 bad[i].kv[1]);
		assert_string_equal(e, bad[i].error);
		free(e);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_events_of_sinks_and_the_server),
	    cmocka_unit_test(test_events_of_other_facilities_are_ignored),
	    cmocka_unit_test(test_garbage_is_not_an_event),
	    cmocka_unit_test(test_volume_stereo),
	    cmocka_unit_test(test_volume_channels_are_averaged),
	    cmocka_unit_test(test_volume_mono_aux_and_no_db),
	    cmocka_unit_test(test_volume_above_100),
	    cmocka_unit_test(test_volume_garbage),
	    cmocka_unit_test(test_volume_long_lines),
	    cmocka_unit_test(test_mute),
	    cmocka_unit_test(test_reply),
	    cmocka_unit_test(test_format),
	    cmocka_unit_test(test_format_check),
	    cmocka_unit_test(test_widget_options),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
