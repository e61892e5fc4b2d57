# pkgs.mk: the libraries ctile links against, as pkg-config modules. One
# list, included by the Makefile and by tests/bench/bench.mk (textcost).
PKGS := xcb xcb-icccm xcb-ewmh xcb-keysyms xcb-randr xcb-xkb xkbcommon \
	xkbcommon-x11 cairo cairo-xcb pangocairo json-c xcb-xrm
