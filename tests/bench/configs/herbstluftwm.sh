#!/bin/sh
# herbstluftwm for `make bench`: 9 tags, no panel, tag keys on Mod4, its
# default frame layout, 2-pixel window borders.
hc() { herbstclient "$@"; }
hc emit_hook reload
hc keyunbind --all
hc rename default 1 2>/dev/null || true
for i in 1 2 3 4 5 6 7 8 9; do
	hc add "$i"
	hc keybind "Mod4-$i" use_index "$((i - 1))"
done
hc set window_border_width 2
hc set frame_border_width 0
hc set always_show_frame off
hc unrule -F
hc rule focus=on
hc detect_monitors
