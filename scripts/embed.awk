# embed.awk: turn a text file into a C string constant, one literal per line.
# Usage: LC_ALL=C awk -v name=NAME -v src=FILE -f embed.awk FILE > out.c
# Every byte is kept: backslash, quote, '?' (trigraphs) and control bytes are
# escaped, so the compiled-in text is exactly the file.
BEGIN {
	for (i = 1; i < 256; i++)
		ord[sprintf("%c", i)] = i
	printf "/* Generated from %s by scripts/embed.awk. Do not edit. */\n", src
	printf "extern const char %s[];\n", name
	printf "const char %s[] =\n", name
}
{
	line = $0 "\n"
	out = ""
	n = length(line)
	for (i = 1; i <= n; i++) {
		c = substr(line, i, 1)
		if (c == "\\")
			out = out "\\\\"
		else if (c == "\"")
			out = out "\\\""
		else if (c == "?")
			out = out "\\?"
		else if (c == "\t")
			out = out "\\t"
		else if (c == "\n")
			out = out "\\n"
		else if (ord[c] < 32 || ord[c] == 127)
			out = out sprintf("\\%03o", ord[c])
		else
			out = out c
	}
	printf "\t\"%s\"\n", out
}
END {
	if (NR == 0)
		printf "\t\"\"\n"
	printf "\t;\n"
}
