/**
 * English interface text left on a Chinese page: the phrases of a widget's English strings that
 * its Chinese table translates, found in the text the widget shows. Only phrases are looked for
 * (the words between placeholders, with a space and a word of three letters or more: "Exit {n} of
 * {total}" gives "Exit", "of", neither of which counts), so that names the two tables share
 * (`trap`, `pv`, register names) and guest code are not mistaken for untranslated text.
 */
export function englishLeft(
	shown: string,
	en: Record<string, string>,
	zh: Record<string, string>
): string[] {
	return Object.entries(en)
		.filter(([key, value]) => zh[key] !== value)
		.flatMap(([, value]) => value.replace(/\{[^{}]*(\{[^{}]*\}[^{}]*)*\}/g, '\n').split('\n'))
		.map((phrase) => phrase.trim())
		.filter((phrase) => /[a-z]{3,}/.test(phrase) && phrase.includes(' '))
		.filter((phrase) => shown.includes(phrase));
}
