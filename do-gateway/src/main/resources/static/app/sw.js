// The app's service worker: keeps the shell so that the app opens with no network at all, and sends
// the waiting captures when the browser says the network is back (Background Sync), even if the app
// is closed. The field API itself is never cached: captures live in IndexedDB.

import { flush } from './sync.js';

const CACHE = 'e-intervention-shell-v3';
const SHELL = ['./', 'index.html', 'app.css', 'app.js', 'store.js', 'auth.js', 'sync.js', 'v2.js', 'time.js', 'manifest.webmanifest',
  'icon.svg', 'config.json'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

const scope = new URL(self.registration.scope);

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) {
    return; // the API and the authorization server: straight to the network
  }
  if (event.request.mode === 'navigate') {
    // the app's page, whatever its query (?code=... on the way back from sign-in): the cached one at
    // once (poor coverage must not make the technician wait), refreshed in the background
    event.respondWith(caches.match('./').then((cached) => {
      const network = fetch(scope.href).then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put('./', copy));
        }
        return response;
      });
      if (cached) {
        network.catch(() => undefined);
        return cached;
      }
      return network;
    }));
    return;
  }
  if (url.pathname.endsWith('/config.json')) {
    event.respondWith(fetch(event.request).catch(() => caches.match(event.request, { ignoreSearch: true })));
    return;
  }
  // the shell's files: from the cache, refreshed in the background
  event.respondWith(caches.match(event.request, { ignoreSearch: true }).then((cached) => {
    const network = fetch(event.request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(event.request, copy));
      }
      return response;
    });
    if (cached) {
      network.catch(() => undefined);
      return cached;
    }
    return network;
  }));
});

self.addEventListener('sync', (event) => {
  if (event.tag === 'flush') {
    event.waitUntil(flush().then((outcome) => {
      if (outcome === 'network' || outcome === 'server') {
        throw new Error('not sent yet: ' + outcome); // the browser tries again later
      }
    }));
  }
});
