// Starts Blazor with reconnection suited to unattended wall screens (docs/WALLS.md): retry forever (every second for the first five attempts, then every five seconds),
// and when the framework gives up (failed) or the server no longer knows the circuit (rejected), poll the
// page's own URL and reload only once it answers 200, so that the browser never lands on its own error page.
(() => {
  const banner = document.getElementById('components-reconnect-modal');
  const text = banner?.querySelector('[data-reconnect-text]');
  // 14:05 in both languages, as the server writes WIB times (id-ID in Intl would write 14.05).
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Jakarta' });
  let since = null;
  let polling = false;

  function show(template) {
    since ??= new Date();
    if (text && template) {
      text.textContent = template.replace('{0}', clock.format(since));
    }
  }

  // Reload-loop guard: at most 3 reloads in 5 minutes per tab; beyond that the next one waits until the oldest
  // leaves the window, so a page that fails right after loading cannot hammer the server or flicker for ever.
  const reloadKey = 'dasbor.reloads';
  const reloadWindowMs = 5 * 60 * 1000;
  function reloadGuarded() {
    const now = Date.now();
    let times = [];
    try {
      times = JSON.parse(sessionStorage.getItem(reloadKey) || '[]').filter(t => now - t < reloadWindowMs);
    } catch {
      times = [];
    }
    if (times.length >= 3) {
      setTimeout(reloadGuarded, reloadWindowMs - (now - times[0]) + 100);
      return;
    }
    times.push(now);
    sessionStorage.setItem(reloadKey, JSON.stringify(times));
    location.reload();
  }
  window.dasborReload = reloadGuarded;

  async function reloadWhenServerAnswers() {
    if (polling) {
      return;
    }
    polling = true;
    for (;;) {
      await new Promise(resolve => setTimeout(resolve, 2000));
      try {
        const response = await fetch(location.href, { cache: 'no-store', credentials: 'same-origin' });
        if (response.status === 200) {
          reloadGuarded();
          return;
        }
      } catch {
        // Server still down: keep polling.
      }
    }
  }

  banner?.addEventListener('components-reconnect-state-changed', event => {
    switch (event.detail.state) {
      case 'show':
      case 'retrying':
        show(banner.dataset.textRetrying);
        break;
      case 'hide':
        since = null;
        break;
      case 'failed':
      case 'rejected':
      case 'resume-failed':
        show(banner.dataset.textFailed);
        reloadWhenServerAnswers();
        break;
    }
  });

  Blazor.start({
    circuit: {
      reconnectionOptions: {
        maxRetries: Infinity,
        retryIntervalMilliseconds: attempt => (attempt < 5 ? 1000 : 5000),
      },
    },
  });
})();
