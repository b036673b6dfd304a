// The recovery screen, when Ficha stops: a panic (the Rust panic hook calls fichaRecovery.show, see
// src/ui/recovery.rs) or a main module that could not be loaded. Plain script, no wasm: the release
// build aborts on panic, so the module is dead by the time anyone clicks here.
(function () {
  let started = false;
  let shown = null;
  window.addEventListener('TrunkApplicationStarted', () => { started = true; });

  const TITLE = 'Ficha encontró un error y se detuvo';
  const UNSAVED = 'Los últimos cambios, de hace un momento, podrían no haberse guardado.';
  const SAVED = 'Sus últimos cambios quedaron guardados.';
  // Events the stopped app listens to on the window or the document: they must not reach it.
  const APP_EVENTS = ['click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'input', 'change',
    'keydown', 'keyup', 'keypress', 'focusin', 'focusout', 'paste', 'copy', 'cut', 'submit',
    'hashchange', 'popstate', 'storage', 'pagehide', 'visibilitychange', 'ficha:update'];

  function element(tag, props = {}, ...children) {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  }

  function today() {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }

  // The stored text of the open workspace, as the backup file of that day.
  function download(key, status) {
    let text = null;
    try { text = localStorage.getItem(key); } catch { /* storage disabled: said below */ }
    if (text === null) {
      status.textContent = 'No hay datos guardados en este navegador que descargar.';
      return;
    }
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = element('a', { href: url, download: `ficha-respaldo-${today()}.json` });
    link.click();
    URL.revokeObjectURL(url);
  }

  // Replaces the app's DOM with the screen, and keeps every later event away from the dead module.
  function render(lines, key, detail) {
    const status = element('p', { id: 'recovery-status', role: 'status' });
    const buttons = element('p', { className: 'recovery-actions' });
    if (key !== null) {
      const save = element('button', { id: 'recovery-download', type: 'button' }, 'Descargar copia de respaldo');
      save.addEventListener('click', () => download(key, status));
      buttons.append(save);
    }
    const reload = element('button', { id: 'recovery-reload', type: 'button' }, 'Recargar Ficha');
    reload.addEventListener('click', () => window.location.reload());
    buttons.append(reload);
    const screen = element('main', { id: 'recovery', className: 'recovery' },
      element('h1', {}, TITLE), ...lines, buttons, status);
    if (detail) screen.append(element('details', {}, element('summary', {}, 'Detalle técnico'), element('pre', {}, detail)));
    screen.setAttribute('role', 'alert');
    for (const type of APP_EVENTS) {
      window.addEventListener(type, (event) => {
        if (!(event.target instanceof Node && screen.contains(event.target))) event.stopImmediatePropagation();
      }, true);
      screen.addEventListener(type, (event) => event.stopPropagation());
    }
    document.body.replaceChildren(screen);
    document.title = `${TITLE} · Ficha`;
    shown = screen;
  }

  window.fichaRecovery = {
    // After a panic: `key` is the storage key of the open workspace; `unsaved`, that the tab held
    // an edit when it stopped whose save is not confirmed yet (see `saved`).
    show(key, unsaved, detail) {
      if (shown) return;
      const lines = [element('p', {}, 'Sus datos guardados siguen en este navegador. Descargue una copia de respaldo y luego recargue Ficha.')];
      if (unsaved) lines.push(element('p', { id: 'recovery-unsaved', className: 'recovery-warning' }, UNSAVED));
      render(lines, key, detail);
    },
    // The panic hook wrote what the tab held: nothing was lost.
    saved() {
      const line = shown?.querySelector('#recovery-unsaved');
      if (line) Object.assign(line, { className: '', textContent: SAVED });
    },
  };

  // The main module could not be fetched or started: nothing ran, nothing stored was changed.
  function loadFailed(detail) {
    if (started || shown) return;
    render([element('p', {}, 'No se pudo cargar el programa de Ficha. Revise la conexión y vuelva a intentarlo; sus datos guardados en este navegador no se modificaron.')],
      null, detail);
  }
  window.addEventListener('error', (event) => {
    if (event instanceof ErrorEvent) loadFailed(String(event.error ?? event.message));
    else if (event.target instanceof HTMLScriptElement) loadFailed(`No se pudo cargar ${event.target.src || 'el módulo principal'}.`);
  }, true);
  window.addEventListener('unhandledrejection', (event) => loadFailed(String(event.reason)));
})();
