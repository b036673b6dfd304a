// Service worker: precaches every asset of one build so the app loads and works offline.
// tools/post-build.mjs fills in the version and the list of hashed files.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
// Cache names carry the worker's scope: another deployment on this origin (/fichas/ and /pruebas/)
// has caches of its own, which this worker never deletes.
const PREFIX = `ficha ${self.registration.scope} `;
const CACHE = PREFIX + VERSION;

// Every file straight from the server (`cache: 'reload'`): the HTTP cache may hold an older copy of
// the files without a hash in their name (index.html, sw-register.js…) from the previous build.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS.map((url) => new Request(url, { cache: 'reload' })))));
});

// Only this scope's caches of older versions are deleted.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

// The page asks for this when the user accepts a new version.
self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});

// Cache first: hashed files never change; the page itself falls back to the cached index.html.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    try {
      return await fetch(request);
    } catch (error) {
      if (request.mode === 'navigate') return (await cache.match('./index.html')) ?? Response.error();
      throw error;
    }
  })());
});
