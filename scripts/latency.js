// How long a lesson takes to redraw after a slider moves: from the slider's `input` event to the
// end of the frame that paints the cells and plots it changed.
//
// The production build is served as a static host would serve it, and Debian's Chromium (through
// Playwright) opens every lesson page that has notebook sliders. Each slider is focused and moved
// with the arrow keys, one step at a time with a pause in between, so every move is measured on its
// own; every prediction is answered first, so that every plot and cell a slider drives is on the
// page, and the service worker's caching of a first visit is over. In the page, a capture listener
// notes the time of each `input` event and watches the notebook's sliders, cells, plots and
// predictions with a MutationObserver. The move's latency ends with the last animation frame that
// paints its changes: a message posted from requestAnimationFrame runs once that frame has been
// rendered, and the next frame must bring no more changes (so a part that redrew later, in a timer,
// would be waited for).
//
//   node scripts/latency.js               # builds the site, then prints p50/p95/max per page
//   node scripts/latency.js --no-build    # measures the last build (build/, or VIRTLAB_BUILD_DIR)
//   node scripts/latency.js --check       # also exits 1 when a page's p95 is over 16 ms
//   node scripts/latency.js --runs 3      # each page 3 times, then all their moves together
//                                         # (--check then judges the moves together)
//   node scripts/latency.js --moves 30 --runs 3 --page why-virtualize --slider N --detail
//
// --detail splits each move into script (input event to the last change), waiting for the frame,
// and rendering it (style, layout, paint).
//
// The target is one frame (16 ms) at the 95th percentile. The figures depend on the machine and on
// what else it runs: the load average is printed with each page.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildDir, buildSite, chromiumArgs, findChromium, serveStatic, sitePages } from './site.js';

export const targetMs = 16;

/** A notebook slider: the range input of `::slider` (its wrapper names the variable). */
const sliderSelector = '.lesson-body [data-var] input[type="range"]';
/** What a slider move redraws: sliders, cells, plots and the predictions' feedback. */
export const notebookParts = '[data-var], [data-cell], [data-plot], [data-predict-block]';

/**
 * @param {number[]} sorted ascending
 * @param {number} p between 0 and 1
 */
export function percentile(sorted, p) {
	if (sorted.length === 0) return NaN;
	const rank = Math.ceil(p * sorted.length) - 1;
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/** @param {number[]} samples */
export function summary(samples) {
	const sorted = [...samples].sort((a, b) => a - b);
	return {
		n: sorted.length,
		p50: percentile(sorted, 0.5),
		p95: percentile(sorted, 0.95),
		max: sorted.length ? sorted[sorted.length - 1] : NaN
	};
}

/** @param {string[]} args @param {string} name @param {string} fallback */
function option(args, name, fallback) {
	const i = args.indexOf(name);
	return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

/**
 * @typedef {{ ms: number, redrawn: boolean, parts: number[] }} Sample
 * @typedef {{
 *   inputs: number,
 *   samples: Sample[],
 *   result: (inputs: number, count: number) => Promise<Sample> | null
 * }} Probe
 */

/**
 * Runs in the page (Playwright serialises it: it may use nothing from this module): records one
 * latency per slider `input` event in `window.__latency`.
 * @param {string} parts a selector for the parts of the lesson that a slider move redraws
 */
export function instrument(parts) {
	/** @type {Probe} */
	const state = {
		inputs: 0,
		samples: [],
		/**
		 * The sample of the move after `inputs` input events and `count` samples: null when no input
		 * event came (the slider was at its end), else once the move's frame has been rendered.
		 * @param {number} inputs
		 * @param {number} count
		 */
		result(inputs, count) {
			if (state.inputs === inputs) return null;
			return new Promise((resolve) => {
				const poll = () =>
					state.samples.length > count ? resolve(state.samples[count]) : setTimeout(poll, 5);
				poll();
			});
		}
	};
	Object.assign(window, { __latency: state });
	addEventListener(
		'input',
		(event) => {
			const target = /** @type {HTMLElement} */ (event.target);
			if (!(target instanceof HTMLInputElement) || target.type !== 'range') return;
			if (!target.closest('[data-var]')) return;
			const start = performance.now();
			state.inputs++;
			let redrawn = false;
			/** Changes seen since the last frame ended; when the last change was seen. */
			let fresh = false;
			let changed = start;
			/** The end of the last frame that painted a change, and when that frame began. */
			let painted = start;
			let frame = start;
			const observer = new MutationObserver((records) => {
				// The notebook's parts only: a model widget may animate on its own.
				const ours = records.some((record) => {
					const node = record.target;
					const element = node instanceof Element ? node : node.parentElement;
					return element?.closest(parts);
				});
				if (!ours) return;
				redrawn = fresh = true;
				changed = performance.now();
			});
			observer.observe(target.closest('.lesson-body') ?? document.body, {
				subtree: true,
				childList: true,
				characterData: true,
				attributes: true
			});
			// Changes made before a frame are painted in it; a message posted from the frame's
			// animation callback runs once the frame has been rendered. The move has been drawn when
			// a frame has painted its changes and the next frame brings no more (a part that redraws
			// later, in a timer or an idle callback, is waited for); up to a second.
			const afterFrame = () =>
				requestAnimationFrame(() => {
					const begun = performance.now();
					const channel = new MessageChannel();
					channel.port1.onmessage = () => {
						const end = performance.now();
						if (fresh) {
							fresh = false;
							painted = end;
							frame = begun;
						} else if (redrawn || end - start > 1000) {
							observer.disconnect();
							// The parts: script until the last change, waiting for the frame, rendering it.
							const parts = [changed - start, frame - changed, painted - frame];
							state.samples.push({ ms: painted - start, redrawn, parts });
							return;
						}
						afterFrame();
					};
					channel.port2.postMessage(null);
				});
			afterFrame();
		},
		{ capture: true }
	);
}

/**
 * Moves every notebook slider of the page `moves` times (after a few unmeasured warm-up moves) and
 * returns the latencies in milliseconds.
 * @param {import('playwright-core').Page} page
 * @param {number} moves
 * @param {number} gapMs
 * @param {string} [onlyVar] the variable of the one slider to move (all of them when empty)
 */
export async function measurePage(page, moves, gapMs, onlyVar = '') {
	const selector = onlyVar
		? sliderSelector.replace('[data-var]', `[data-var="${onlyVar}"]`)
		: sliderSelector;
	const sliders = page.locator(selector);
	const count = await sliders.count();
	const warmUp = 4;
	/** @type {number[]} */
	const samples = [];
	/** @type {number[][]} */
	const parts = [[], [], []];
	let silent = 0;
	for (let i = 0; i < count; i++) {
		const slider = sliders.nth(i);
		await slider.scrollIntoViewIfNeeded();
		await slider.focus();
		// Focus fetches the engine: measure the notebook live, not the page's prerendered values.
		await page.waitForSelector('.lesson-body[data-engine="live"]', { timeout: 30_000 });
		let key = 'ArrowRight';
		for (let move = 0; move < warmUp + moves; move++) {
			const press = async () => {
				const before = await page.evaluate(() => {
					const probe = /** @type {Probe} */ (/** @type {any} */ (window).__latency);
					return [probe.inputs, probe.samples.length];
				});
				await page.keyboard.press(key);
				return page.evaluate(([inputs, count]) => {
					const probe = /** @type {Probe} */ (/** @type {any} */ (window).__latency);
					return probe.result(inputs, count);
				}, before);
			};
			let sample = await press();
			if (sample === null) {
				// At either end the key changes nothing and no input event fires: turn round.
				key = key === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
				sample = await press();
			}
			if (!sample) throw new Error(`slider ${i + 1} of ${selector} does not move`);
			if (move >= warmUp) {
				samples.push(sample.ms);
				sample.parts.forEach((ms, part) => parts[part].push(ms));
				if (!sample.redrawn) silent++;
			}
			await page.waitForTimeout(gapMs);
		}
	}
	return { sliders: count, samples, parts, silent };
}

/**
 * Waits until the course's service worker is active, that is, until it has cached the site for
 * offline reading. It does that once, on a student's first visit, and for about a second it takes
 * much of a core: moves made meanwhile measure the caching, not the redraw. Each page here is a new
 * browser context, so a first visit every time.
 * @param {import('playwright-core').Page} page
 */
export async function serviceWorkerInstalled(page) {
	await page.evaluate(async () => {
		if (!('serviceWorker' in navigator)) return;
		// A build without a service worker never gets ready: give up after 10 s.
		const timeout = new Promise((resolve) => setTimeout(resolve, 10_000));
		await Promise.race([navigator.serviceWorker.ready, timeout]);
	});
}

/**
 * Opens every prediction's experiment (as for a student who has answered them), so that every plot
 * and cell the sliders drive is on the page: saves answers as the notebook would, and reloads.
 * @param {import('playwright-core').Page} page
 */
export async function answerPredictions(page) {
	const answered = await page.evaluate(() => {
		const body = document.querySelector('.lesson-body');
		const key = body?.getAttribute('data-notebook');
		const ids = [...document.querySelectorAll('[data-predict-block]')].map((block) =>
			block.getAttribute('data-predict-block')
		);
		if (!key || ids.length === 0) return false;
		const answers = Object.fromEntries(ids.map((id) => [id, '1']));
		localStorage.setItem(key, JSON.stringify({ version: 1, cells: {}, vars: {}, answers }));
		return true;
	});
	if (!answered) return;
	await page.reload();
	await page.waitForSelector('.lesson-body[data-ready="true"]');
}

/**
 * Lesson pages of the build with notebook sliders.
 * @param {string} root the build folder
 */
function sliderPages(root) {
	return sitePages(root)
		.filter((path) => path.includes('/lessons/'))
		.filter((path) => {
			const html = readFileSync(join(root, path, 'index.html'), 'utf8');
			return /<div class="slider[^"]*" data-var=/.test(html);
		})
		.sort();
}

/** @param {number} n */
const ms = (n) => `${n.toFixed(1).padStart(6)} ms`;

/**
 * Prints a page's figures; returns its p95.
 * @param {string} path
 * @param {number[]} samples
 * @param {string} [note]
 */
function report(path, samples, note) {
	const s = summary(samples);
	const mark = s.p95 > targetMs ? '  OVER' : '';
	const about = note ? `${s.n} moves, ${note}` : `${s.n} moves`;
	console.log(
		`  ${path.padEnd(34)} p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  max ${ms(s.max)}  (${about})${mark}`
	);
	return s.p95;
}

async function main() {
	const args = process.argv.slice(2);
	const moves = Number(option(args, '--moves', '60'));
	const runs = Number(option(args, '--runs', '1'));
	const gapMs = Number(option(args, '--gap', '50'));
	const only = option(args, '--page', '');
	const onlyVar = option(args, '--slider', '');
	const executablePath = findChromium();
	if (!executablePath) {
		console.error('latency: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)');
		process.exit(args.includes('--check') ? 1 : 0);
	}
	if (!args.includes('--no-build')) buildSite();
	const root = buildDir();
	const paths = sliderPages(root).filter((path) => path.includes(only));
	const server = await serveStatic(root);
	const browser = await chromium.launch({ executablePath, args: chromiumArgs });
	let worst = 0;
	/**
	 * Every run's samples, per page. One run's p95 moves with the host's speed (by up to 6 ms from
	 * one run to the next on two cores); the p95 of several runs' moves together moves less.
	 * @type {Map<string, number[]>}
	 */
	const pooled = new Map();
	try {
		console.log(
			`Slider-to-redraw latency (${moves} moves per slider, target p95 <= ${targetMs} ms)`
		);
		for (let run = 1; run <= runs; run++) {
			if (runs > 1) console.log(`run ${run} of ${runs}`);
			for (const path of paths) {
				const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
				await page.addInitScript(instrument, notebookParts);
				await page.goto(server.url + path);
				await page.waitForSelector('.lesson-body[data-ready="true"]');
				await answerPredictions(page);
				await serviceWorkerInstalled(page);
				const load = loadavg()[0];
				const { sliders, samples, parts, silent } = await measurePage(page, moves, gapMs, onlyVar);
				const after = loadavg()[0];
				await page.close();
				pooled.set(path, [...(pooled.get(path) ?? []), ...samples]);
				const quiet = silent ? `, ${silent} without a redraw` : '';
				const loads = `load ${load.toFixed(2)} -> ${after.toFixed(2)}`;
				worst = Math.max(worst, report(path, samples, `${sliders} sliders${quiet}; ${loads}`));
				if (args.includes('--detail')) {
					const names = ['script', 'wait for frame', 'render'];
					for (const [i, name] of names.entries()) {
						const p = summary(parts[i]);
						console.log(
							`    ${name.padEnd(30)} p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  max ${ms(p.max)}`
						);
					}
				}
			}
		}
		if (runs > 1) {
			console.log(`all ${runs} runs together`);
			worst = 0;
			for (const [path, samples] of pooled) worst = Math.max(worst, report(path, samples));
		}
	} finally {
		await browser.close();
		server.close();
	}
	const load = loadavg().map((n) => n.toFixed(2));
	console.log(`  load average ${load.join(' ')} (1, 5, 15 min) on ${cpus().length} cores`);
	if (args.includes('--check') && worst > targetMs) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
