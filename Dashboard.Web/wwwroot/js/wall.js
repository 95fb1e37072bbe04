// The wall page's watchdog (Features/Walls/WallPage): the server calls beat() on every heartbeat and data update; when
// none arrived for watchdogSeconds the page reloads itself, but only once the server answers its URL with 200 (never
// onto the browser's error page) and through the reload-loop guard of reconnect.js.
let lastBeat = Date.now();
let watchdogMs = 90_000;
let timer = null;
let reloading = false;

export function start(options) {
  watchdogMs = Math.max(10, options?.watchdogSeconds ?? 90) * 1000;
  lastBeat = Date.now();
  timer ??= setInterval(check, 2000);
  const dpr = window.devicePixelRatio || 1;
  return {
    width: Math.round(screen.width * dpr),
    height: Math.round(screen.height * dpr),
    viewportWidth: window.innerWidth,
    viewportHeight: window.innerHeight,
  };
}

export function beat() {
  lastBeat = Date.now();
}

// The screen was revoked (or the page left): no more watchdog reloads.
export function stop() {
  if (timer) {
    clearInterval(timer);
    timer = null;
  }
}

// "reload" from the admin page.
export function reload() {
  window.dasborReload ? window.dasborReload() : location.reload();
}

function silent() {
  return Date.now() - lastBeat > watchdogMs;
}

async function check() {
  if (reloading || !silent()) {
    return;
  }
  reloading = true;
  try {
    for (;;) {
      try {
        const response = await fetch(location.href, { cache: 'no-store', credentials: 'same-origin' });
        if (!silent()) {
          return; // The circuit came back on its own meanwhile.
        }
        if (response.status === 200) {
          reload();
          return;
        }
      } catch {
        // Server unreachable: keep trying.
      }
      await new Promise(resolve => setTimeout(resolve, 5000));
    }
  } finally {
    reloading = false;
  }
}
