/* test_winmap.c: the window id map against a plain array, through random
 * puts and deletes that collide, wrap around the table and make it grow. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>

#include "winmap.h"

#define IDS 3000

/* Every id the reference says is there maps to its value; no other does. */
static void check_against(const struct winmap *m, void *const *want)
{
	size_t n = 0;
	for (uint32_t id = 1; id < IDS; id++) {
		if (winmap_get(m, id) != want[id])
			fail_msg("id %u: got %p, want %p", id,
				 winmap_get(m, id), want[id]);
		n += want[id] != NULL;
	}
	assert_int_equal(m->len, n);
}

static void test_random_against_array(void **state)
{
	(void)state;
	static void *want[IDS];
	struct winmap m = {0};
	srand(7);
	for (int step = 0; step < 20000; step++) {
		/* Ids as X gives them out: a few dense runs, far apart. */
		uint32_t id = (uint32_t)(1 + rand() % (IDS - 1));
		if (rand() % 3) {
			void *v = (void *)(uintptr_t)(step * 8 + 8);
			assert_true(winmap_put(&m, id, v));
			want[id] = v;
		} else {
			winmap_del(&m, id);
			want[id] = NULL;
		}
		if (step % 1000 == 0)
			check_against(&m, want);
	}
	check_against(&m, want);
	winmap_free(&m);
	assert_null(winmap_get(&m, 5));
}

static void test_sequential_ids_then_all_deleted(void **state)
{
	(void)state;
	struct winmap m = {0};
	int v = 0;
	for (uint32_t id = 0x200001; id < 0x200001 + 1000; id++)
		assert_true(winmap_put(&m, id, &v));
	assert_int_equal(m.len, 1000);
	for (uint32_t id = 0x200001; id < 0x200001 + 1000; id += 2)
		winmap_del(&m, id);
	for (uint32_t id = 0x200001; id < 0x200001 + 1000; id++)
		assert_true((winmap_get(&m, id) != NULL) ==
			    ((id - 0x200001) % 2));
	for (uint32_t id = 0x200002; id < 0x200001 + 1000; id += 2)
		winmap_del(&m, id);
	assert_int_equal(m.len, 0);
	winmap_free(&m);
}

static void test_zero_and_missing(void **state)
{
	(void)state;
	struct winmap m = {0};
	int v = 0;
	assert_null(winmap_get(&m, 1)); /* empty, no table yet */
	winmap_del(&m, 1);
	assert_false(winmap_put(&m, 0, &v)); /* id 0 is no window */
	assert_true(winmap_put(&m, 9, &v));
	winmap_del(&m, 10);
	assert_ptr_equal(winmap_get(&m, 9), &v);
	assert_int_equal(m.len, 1);
	winmap_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_random_against_array),
	    cmocka_unit_test(test_sequential_ids_then_all_deleted),
	    cmocka_unit_test(test_zero_and_missing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
