/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The course offline. On the first visit this service worker stores the whole build in a cache:
 * the app's scripts and styles (`build`), the static files (`files`) and every prerendered page with
 * its data (`prerendered`); from then on the course loads without a network. SvelteKit registers it
 * at `<base>/service-worker.js`, and the paths it lists already carry BASE_PATH.
 *
 * - The cache is named after the build (`version`): a new build installs beside the old one, and
 *   once it takes over, the old cache is deleted.
 * - The build's files never change under one name, so they come from the cache first. Pages come
 *   from the network when there is one (a student always gets the newest text), and from the cache
 *   when there is not; an address that is in neither gets the cached 404 page.
 */
import { base, build, files, prerendered, version } from '$service-worker';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `virtlab-${version}`;
const ASSETS = new Set([...build, ...files]);
/** The not-found page is listed as `/404` but stored as the file static hosts serve, 404.html. */
const NOT_FOUND = `${base}/404.html`;
const PAGES = prerendered.map((path) => (path === `${base}/404` ? NOT_FOUND : path));

/**
 * Stores the build. Every asset must arrive (a page without its scripts is broken), so one
 * failure fails the install and the old version stays; a page that fails is only left out.
 */
async function precache(): Promise<void> {
	const cache = await caches.open(CACHE);
	await cache.addAll([...ASSETS]);
	await Promise.all(PAGES.map((page) => cache.add(page).catch(() => undefined)));
}

worker.addEventListener('install', (event) => {
	event.waitUntil(precache().then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(
					keys
						.filter((key) => key.startsWith('virtlab-') && key !== CACHE)
						.map((key) => caches.delete(key))
				)
			)
			.then(() => worker.clients.claim())
	);
});

/** A page or its data: from the network, stored for later; from the cache when offline. */
async function networkFirst(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	try {
		const response = await fetch(request);
		if (response.ok) await cache.put(request, response.clone());
		return response;
	} catch (error) {
		const cached = await cache.match(request, { ignoreSearch: true });
		if (cached) return cached;
		const notFound = request.mode === 'navigate' ? await cache.match(NOT_FOUND) : undefined;
		if (notFound) return notFound;
		throw error;
	}
}

async function cacheFirst(request: Request): Promise<Response> {
	const cached = await caches.match(request, { cacheName: CACHE });
	return cached ?? fetch(request);
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	// Other sites (none today) and anything outside the course's base path are not ours.
	if (url.origin !== worker.location.origin || !url.pathname.startsWith(`${base}/`)) return;
	event.respondWith(ASSETS.has(url.pathname) ? cacheFirst(request) : networkFirst(request));
});
