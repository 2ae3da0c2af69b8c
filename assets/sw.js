// Homeward's service worker: keeps the app's own static files so that, after a first visit, the
// standalone app opens and works without a network. It never stores a plan: the draft lives in
// localStorage, and only the files below ever enter the cache.
//
// The build (scripts/post-build.mjs) writes VERSION and FILES: VERSION is a hash of the built
// files, so every new build is a new worker (the browser compares this file byte for byte) with
// its own cache. The new worker waits until the page asks it to take over (the person chose to
// reload), so an open draft is never reloaded under their feet.
const VERSION = 'dev';
const FILES = [];
const PREFIX = 'homeward-static-';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(['./', ...FILES])));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'homeward:activate') self.skipWaiting();
});

// Cache first for the app's own files, by path (the page's query, e.g. ?lang=fr, does not
// change the file). Every other request (a host page or programme file under the same folder)
// is not touched at all: the browser fetches it as if there were no worker.
const OWN = new Set(['./', ...FILES].map((f) => new URL(f, self.registration.scope).href));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const path = url.origin + url.pathname;
  if (!OWN.has(path)) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(path))
      .then((hit) => hit || fetch(request)),
  );
});
