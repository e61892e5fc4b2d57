"""Titles in COMPOUND_TEXT, ICCCM's type of WM_NAME for text that is not
Latin-1, read as the UTF-8 they stand for. A rule on the title shows what
ctile read: its regex matches the right UTF-8 only, and sends the window to
a tag of its own."""

from Xlib import Xatom

from test_config import config

JAPANESE = "日本語のタイトル"
# What `xterm -T JAPANESE` sets as WM_NAME in a UTF-8 locale (xterm 379),
# and what Xlib writes for the others: one byte string per title.
COMPOUND = {
    JAPANESE: b"\x1b$(BF|K\\8l$N%?%$%H%k",
    "中文标题": b"\x1b$(BCfJ8\x1b$(A1jLb",
    "한국어 제목": b"\x1b$(CGQ19>n\x1b(B \x1b$(CA&8q",
    "Ελληνικά и Русский": b"\x1b-F\xc5\xeb\xeb\xe7\xed\xe9\xea\xdc\x1b(B "
                          b"\x1b-L\xd8\x1b(B \x1b-L\xc0\xe3\xe1\xe1\xda\xd8\xd9",
    "a — b 😀": b"a \x1b%G\xe2\x80\x94\x1b%@ b \x1b%G\xf0\x9f\x98\x80\x1b%@",
}


def rules(titles):
    """One rule per title: the i-th goes to tag i + 2."""
    return config(*(f"rule 'title=^{t}$' tags={i + 2}"
                    for i, t in enumerate(titles)))


def test_compound_text_titles_decoded(make_wm):
    d = make_wm(rules(COMPOUND))
    c = d.client()
    for i, (title, data) in enumerate(COMPOUND.items()):
        w = c.create(title=None, map=False)
        c.win(w).change_property(Xatom.WM_NAME, c.atom("COMPOUND_TEXT"), 8,
                                 data)
        c.map(w)
        d.wait_managed(w)
        assert d.tags(w) == 1 << (i + 1), \
            f"the title {title!r} was not read as its UTF-8"


def test_xterm_compound_title(make_wm):
    """A real xterm, as a user starts it: no _NET_WM_NAME, only WM_NAME in
    COMPOUND_TEXT (the session's locale is C.UTF-8)."""
    d = make_wm(rules([JAPANESE]))
    d.spawn("xterm", "-T", JAPANESE, "-e", "cat")

    def compound_window():
        for w in d.managed():
            p = d.x.prop(w, "WM_NAME")
            if p and p[0] == "COMPOUND_TEXT":
                return w
        return None

    w = d.x.wait_for(compound_window, "xterm with a COMPOUND_TEXT title",
                     10.0)
    d.sync()
    assert bytes(d.x.prop(w, "WM_NAME")[2]) == COMPOUND[JAPANESE]
    assert d.tags(w) == 0b10, "the rule on the Japanese title did not match"
