/*
 * doc/rules.md is generated from the rule catalogue (lib/rules.h), so the
 * two cannot drift: as a test this program fails when the file differs from
 * the catalogue; with --write it regenerates the file.
 *
 *   rules-doc [--write] PATH/TO/doc/rules.md
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <swi/swi.h>

static char *render(size_t *len)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, len);
	if (!f)
		return NULL;
	fprintf(f, "# libswi rule catalogue\n\n"
		   "Generated from `lib/rules.h` by `tests/rules-doc.c --write`; a test keeps\n"
		   "the two equal. Rule ids are permanent: an id never changes meaning and a\n"
		   "retired id is never reused. Sections refer to the CBS guideline\n"
		   "*Richtlijnen Statistiek Wet Inburgering 2026*.\n\n"
		   "**fout** (error): CBS's technical control would refuse the file, a kenmerk\n"
		   "is delivered where the guideline says it does not apply, or the data is\n"
		   "impossible. Writers refuse a delivery with errors unless forced.\n"
		   "**waarschuwing** (warning): a plausibility signal, including a\n"
		   "conditional kenmerk that is not filled yet (guideline 3.3.3).\n\n"
		   "| id | ernst | kenmerken | richtlijn | regel |\n"
		   "|----|-------|-----------|-----------|-------|\n");
	for (size_t i = 0; i < swi_rule_count(); i++) {
		const char *id, *ks, *section, *description;
		swi_severity severity;
		swi_rule_at(i, &id, &severity, &ks, &section, &description);
		fprintf(f, "| %s | %s | %s | %s | %s |\n", id,
			severity == SWI_SEVERITY_ERROR ? "fout" : "waarschuwing", ks, section,
			description);
	}
	fclose(f);
	return text;
}

int main(int argc, char **argv)
{
	int write = argc == 3 && strcmp(argv[1], "--write") == 0;
	if (argc != 2 + write) {
		fprintf(stderr, "usage: rules-doc [--write] doc/rules.md\n");
		return 2;
	}
	const char *path = argv[1 + write];
	size_t len;
	char *want = render(&len);
	if (!want)
		return 2;
	if (write) {
		FILE *f = fopen(path, "w");
		if (!f || fwrite(want, 1, len, f) != len || fclose(f) != 0) {
			perror(path);
			return 2;
		}
		free(want);
		return 0;
	}
	FILE *f = fopen(path, "r");
	char *have = malloc(len + 2);
	size_t got = f && have ? fread(have, 1, len + 1, f) : 0;
	if (f)
		fclose(f);
	int same = have && got == len && memcmp(have, want, len) == 0;
	if (!same)
		fprintf(stderr, "%s differs from the rule catalogue in lib/rules.h; run\n"
				"  build/tests/rules-doc --write %s\n", path, path);
	free(have);
	free(want);
	return same ? 0 : 1;
}
