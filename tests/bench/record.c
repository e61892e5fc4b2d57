/* record.c: count the requests the WM sends, as the X server handles them,
 * with the RECORD extension. Unlike a proxy (xtrace), this does not slow
 * the WM down, so a WM that batches its work per loop turn is not made to
 * run more turns than it would. A child process reads the recorded data
 * and keeps the count in memory shared with us. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xcb/record.h>

#include "bench.h"

struct reqcount {
	volatile uint64_t requests;
	volatile uint64_t by_major[256]; /* CTBENCH_DEBUG: which requests */
	volatile int state; /* 0 starting, 1 recording, -1 failed */
	pid_t pid;
};

static uint32_t get32(const uint8_t *p, bool swapped)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return swapped ? __builtin_bswap32(v) : v;
}

static uint16_t get16(const uint8_t *p, bool swapped)
{
	uint16_t v;
	memcpy(&v, p, 2);
	return swapped ? __builtin_bswap16(v) : v;
}

/* The data of a FromClient reply: whole requests, one after the other. */
static uint64_t count_in(struct reqcount *rc, const uint8_t *d, size_t len,
			 bool swapped)
{
	uint64_t n = 0;
	size_t off = 0;
	while (off + 4 <= len) {
		uint64_t words = get16(d + off + 2, swapped);
		if (words == 0) { /* BIG-REQUESTS: the length follows */
			if (off + 8 > len)
				break;
			words = get32(d + off + 4, swapped);
		}
		if (words == 0)
			break;
		rc->by_major[d[off]]++;
		off += words * 4;
		n++;
	}
	return n;
}

static void record_child(struct reqcount *rc, const char *display,
			 uint32_t client)
{
	xcb_connection_t *ctl = xcb_connect(display, NULL);
	xcb_connection_t *data = xcb_connect(display, NULL);
	if (xcb_connection_has_error(ctl) || xcb_connection_has_error(data))
		_exit(1);
	xcb_record_context_t ctx = xcb_generate_id(ctl);
	xcb_record_range_t range;
	memset(&range, 0, sizeof(range));
	range.core_requests.first = 1;
	range.core_requests.last = 127;
	range.ext_requests.major.first = 128;
	range.ext_requests.major.last = 255;
	range.ext_requests.minor.first = 0;
	range.ext_requests.minor.last = 0xffff;
	xcb_generic_error_t *e =
	    xcb_request_check(ctl, xcb_record_create_context_checked(
				       ctl, ctx, 0, 1, 1, &client, &range));
	if (e) {
		fprintf(stderr, "ctbench: RECORD CreateContext: error %d\n",
			e->error_code);
		free(e);
		_exit(1);
	}
	xcb_record_enable_context_cookie_t ck =
	    xcb_record_enable_context(data, ctx);
	xcb_flush(data);
	for (;;) {
		xcb_record_enable_context_reply_t *r =
		    xcb_record_enable_context_reply(data, ck, NULL);
		if (!r)
			_exit(0);
		if (r->category == 4) /* StartOfData */
			rc->state = 1;
		else if (r->category == 1) /* FromClient */
			rc->requests += count_in(
			    rc, xcb_record_enable_context_data(r),
			    (size_t)xcb_record_enable_context_data_length(r),
			    r->client_swapped);
		else if (r->category == 5) /* EndOfData */
			_exit(0);
		free(r);
	}
}

/* Record every request of the client that owns `resource` (the WM's
 * _NET_SUPPORTING_WM_CHECK window). NULL if the server cannot. */
struct reqcount *record_start(const char *display, xcb_window_t resource)
{
	struct reqcount *rc = mmap(NULL, sizeof(*rc), PROT_READ | PROT_WRITE,
				   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (rc == MAP_FAILED)
		return NULL;
	memset(rc, 0, sizeof(*rc));
	pid_t pid = fork(); /* not straight into rc: the child shares it */
	if (pid == 0) {
		record_child(rc, display, resource);
		_exit(1);
	}
	rc->pid = pid;
	for (int i = 0; rc->pid > 0 && i < 500 && rc->state == 0; i++) {
		int status;
		if (waitpid(rc->pid, &status, WNOHANG) == rc->pid) {
			rc->pid = -1;
			break;
		}
		sleep_ms(10);
	}
	if (rc->state != 1) {
		record_stop(rc);
		return NULL;
	}
	return rc;
}

/* The count once the recorded data has stopped arriving for 200 ms (or
 * after 10 s of a WM that never stops sending). */
uint64_t record_read(struct reqcount *rc)
{
	uint64_t last = rc->requests;
	for (int quiet = 0, waited = 0; quiet < 200 && waited < 10000;
	     waited += 20) {
		sleep_ms(20);
		uint64_t now = rc->requests;
		quiet = now == last ? quiet + 20 : 0;
		last = now;
	}
	return last;
}

void record_stop(struct reqcount *rc)
{
	if (!rc)
		return;
	if (getenv("CTBENCH_DEBUG"))
		for (int i = 0; i < 256; i++)
			if (rc->by_major[i])
				fprintf(stderr, "ctbench: major %d: %llu\n", i,
					(unsigned long long)rc->by_major[i]);
	if (rc->pid > 0) {
		kill(rc->pid, SIGKILL);
		waitpid(rc->pid, NULL, 0);
	}
	munmap(rc, sizeof(*rc));
}
