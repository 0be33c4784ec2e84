// The service worker: pages already visited, the page shell and the dashboard (its app and the
// data in its page) open without a connection. One cache per published build, named by the
// build's content hash: a new deploy installs a new worker, which drops the old cache.
// The build's hash: every page of the build carries it too.
const BUILD = "__VERSION__";
const CACHE = "thong-ke-" + BUILD;
const PRECACHE = __PRECACHE__;
const OFFLINE = "__OFFLINE__";
// Past this, a weak connection loses to the saved copy (the network answer still updates it).
const PATIENCE_MS = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("thong-ke-") && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
      .then(() => self.clients.matchAll({ type: "window" }))
      .then((pages) => pages.forEach((page) => page.postMessage({ build: BUILD }))),
  );
});

// A page just opened asks which build the worker serves.
self.addEventListener("message", (event) => {
  if (event.data === "build?" && event.source) event.source.postMessage({ build: BUILD });
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(page(request, url));
  } else if (/^\/(assets|pkg|icons)\//.test(url.pathname)) {
    // Named by content hash: a saved copy is never stale.
    event.respondWith(saved(request).then((copy) => copy || fetchAndSave(request, request)));
  } else {
    event.respondWith(fetch(request).catch(() => saved(request).then((copy) => copy || Response.error())));
  }
});

function saved(key) {
  return caches.open(CACHE).then((cache) => cache.match(key));
}

function fetchAndSave(request, key) {
  return fetch(request).then((response) => {
    if (response.ok && response.type === "basic") {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(key, copy));
    }
    return response;
  });
}

// Network first, so a connected reader always sees the published data; the saved copy when the
// network fails or is too slow, marked so the page can say so; else the offline page.
function page(request, url) {
  // The dashboard's views differ only in the query: one page, one copy.
  const key = url.origin + url.pathname;
  const network = fetchAndSave(request, key);
  const patience = new Promise((_, reject) => setTimeout(() => reject(new Error("chậm")), PATIENCE_MS));
  return Promise.race([network, patience]).catch(() =>
    saved(key).then((copy) => {
      if (copy) return markSaved(copy);
      return network.catch(() => saved(OFFLINE).then((offline) => offline || Response.error()));
    }),
  );
}

function markSaved(response) {
  return response.text().then(
    (html) =>
      new Response(html.replace("<html lang=\"vi\"", "<html lang=\"vi\" data-ban-luu=\"\""), {
        status: response.status,
        headers: response.headers,
      }),
  );
}
