// sw.js: the service worker that makes the app load and work with no network after the
// first visit. It keeps the app's files in a cache named after the build (build.mjs writes
// the build's hash in place of __BUILD__), so that a new build replaces the old files at
// once; the biography itself lives in IndexedDB, not here.
//
// Requests for the app's files are answered from the network when it answers (and the copy
// refreshed), else from the cache: a visitor online always gets the current app, one
// offline the last one. The relay's own paths (/sync, /blobs/, /packages/, …) and the package
// viewer (/p/) are never cached.
//
// The server sends the large files brotli- or gzip-encoded (with Vary: Accept-Encoding); the
// browser decodes them before the worker sees them, so the cache holds the decoded bytes.
// Matches ignore Vary: whatever encoding a copy came in, its body is the same file.

const CACHE = "mobio-app-__BUILD__";
const FILES = [
  "./",
  "index.html",
  "app.js",
  "app.css",
  "wasm_exec.js",
  "mobio.wasm",
  "automerge.wasm", // doc.js's Automerge (the bundle has its slim entry, without the module)
  "mobio-casework.wasm", // case work, loaded on the first use of its screens: offline too
  "schema.json",
  "manifest.webmanifest",
  "icon.svg",
];
// The relay's own paths, and the package viewer with its packages (/p/, /packages/): a
// recipient's page is not the app, and must never be answered with (or cached as) the app.
const RELAY = /^(sync|blobs\/|packages\/|p\/|p$|healthz|readyz|metrics)/;
const scopePath = new URL(self.registration.scope).pathname;

self.addEventListener("install", (ev) => {
  ev.waitUntil(
    caches
      .open(CACHE)
      .then((c) =>
        Promise.all([
          c.addAll(FILES.map((f) => new Request(f, { cache: "reload" }))),
          // The operator's settings, which the consent texts name. A relay older than the app
          // has none: the app works without them (and says what that prevents).
          c.add(new Request("config.json", { cache: "reload" })).catch(() => {}),
        ]),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (ev) => {
  ev.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("mobio-app-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (ev) => {
  const req = ev.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin || !url.pathname.startsWith(scopePath)) return;
  if (RELAY.test(url.pathname.slice(scopePath.length))) return;
  ev.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // The page at any address of the app is index.html (the invite link is /#i=…).
      const key = req.mode === "navigate" ? "index.html" : req;
      try {
        const resp = await fetch(req);
        if (resp.ok) await cache.put(key, resp.clone());
        return resp;
      } catch (err) {
        const hit = await cache.match(key, { ignoreSearch: true, ignoreVary: true });
        if (hit) return hit;
        throw err;
      }
    })(),
  );
});
