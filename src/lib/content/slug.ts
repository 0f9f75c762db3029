/**
 * Heading ids for the table of contents and for links to a section (`#hosts-needed`).
 * Like GitHub's: lower case, letters and digits of any script kept (so Chinese headings keep their
 * characters), spaces become hyphens, everything else goes; repeats get `-1`, `-2`, …
 */
export function slugify(text: string): string {
	const slug = text
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
		.trim()
		.replace(/\s+/g, '-');
	return slug || 'section';
}

/** A slugger for one page: it never hands out the same id twice. */
export function createSlugger(): (text: string) => string {
	const used = new Set<string>();
	return (text) => {
		const base = slugify(text);
		let id = base;
		for (let n = 1; used.has(id); n++) id = `${base}-${n}`;
		used.add(id);
		return id;
	};
}
