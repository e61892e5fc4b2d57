-- awesome for `make bench`: 9 tags with the tile layout, no wibar, tag keys
-- on Mod4, the default client rules (borders, focus, placement).
local gears = require("gears")
local awful = require("awful")
require("awful.autofocus")
local beautiful = require("beautiful")

beautiful.init(gears.filesystem.get_themes_dir() .. "default/theme.lua")
beautiful.border_width = 2
awful.layout.layouts = { awful.layout.suit.tile }

awful.screen.connect_for_each_screen(function(s)
    awful.tag({ "1", "2", "3", "4", "5", "6", "7", "8", "9" }, s,
        awful.layout.layouts[1])
end)

local modkey = "Mod4"
local keys = {}
for i = 1, 9 do
    keys = gears.table.join(keys,
        awful.key({ modkey }, "#" .. i + 9, function()
            local tag = awful.screen.focused().tags[i]
            if tag then tag:view_only() end
        end))
end
root.keys(keys)

awful.rules.rules = {
    { rule = { },
      properties = { border_width = beautiful.border_width,
                     border_color = beautiful.border_normal,
                     focus = awful.client.focus.filter,
                     raise = true,
                     screen = awful.screen.preferred,
                     placement = awful.placement.no_overlap +
                                 awful.placement.no_offscreen } },
}

client.connect_signal("manage", function(c)
    if awesome.startup and not c.size_hints.user_position
        and not c.size_hints.program_position then
        awful.placement.no_offscreen(c)
    end
end)
client.connect_signal("focus", function(c) c.border_color = beautiful.border_focus end)
client.connect_signal("unfocus", function(c) c.border_color = beautiful.border_normal end)
