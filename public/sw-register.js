// Registers the service worker and tells the app (event "ficha:update") when a new version waits.
// The app answers with "ficha:apply-update" when the user asks to reload.
(function () {
  if (!('serviceWorker' in navigator)) return;
  let waiting = null;
  const announce = (worker) => { waiting = worker; window.dispatchEvent(new Event('ficha:update')); };
  window.addEventListener('ficha:apply-update', () => { if (waiting) waiting.postMessage('skipWaiting'); });
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || !waiting) return;
    reloading = true;
    window.location.reload();
  });
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').then((registration) => {
      if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(worker);
        });
      });
    }).catch(() => {});
  });
})();
