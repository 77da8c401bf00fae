// Added to every page the load test opens (Playwright's init script), before the app's own scripts.
// It times an interaction inside the browser: from the first click or keystroke after the test
// arms it to the DOM change that shows what the person expects, so that the figure leaves out
// Playwright's own round trips. It also notes when Blazor's circuit is up, and every time the
// reconnect dialog shows (a dropped circuit), on the console where the test listens.
(() => {
  const k = (window.__kaarya = { start: null, end: null, mode: null, selector: null, text: null, before: null, circuitUp: false });
  let observer = null;

  const textOf = (selector) => {
    const element = document.querySelector(selector);
    return element ? element.textContent : null;
  };

  const met = () => {
    if (k.mode === "present") {
      return document.querySelector(k.selector) !== null;
    }
    if (k.mode === "changed") {
      const now = textOf(k.selector);
      return now !== null && now !== k.before;
    }
    return Array.from(document.querySelectorAll(k.selector)).some((e) => e.textContent.includes(k.text));
  };

  const check = () => {
    if (k.mode !== null && k.start !== null && k.end === null && met()) {
      k.end = performance.now();
      observer.disconnect();
      k.resolve(k.end);
    }
  };

  k.arm = (mode, selector, text) => {
    if (observer) {
      observer.disconnect();
    }
    k.mode = mode;
    k.selector = selector;
    k.text = text;
    k.start = null;
    k.end = null;
    k.before = mode === "changed" ? textOf(selector) : null;
    // Awaited by the test instead of polling: fifty pages polling every few milliseconds cost the
    // two processors more than the app does.
    k.done = new Promise((resolve) => {
      k.resolve = resolve;
    });
    observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  };

  const begin = () => {
    if (k.mode !== null && k.start === null) {
      k.start = performance.now();
      queueMicrotask(check);
    }
  };
  addEventListener("click", begin, true);
  addEventListener("input", begin, true);

  // The circuit is up once Blazor's WebSocket has brought its first messages after the handshake.
  const NativeSocket = window.WebSocket;
  window.WebSocket = function (url, protocols) {
    const socket = protocols === undefined ? new NativeSocket(url) : new NativeSocket(url, protocols);
    if (String(url).includes("_blazor")) {
      let received = 0;
      socket.addEventListener("message", () => {
        received += 1;
        if (received >= 3) {
          k.circuitUp = true;
        }
      });
    }
    return socket;
  };
  window.WebSocket.prototype = NativeSocket.prototype;
  Object.assign(window.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });

  document.addEventListener("DOMContentLoaded", () => {
    const modal = document.getElementById("components-reconnect-modal");
    if (modal) {
      modal.addEventListener("components-reconnect-state-changed", (event) => {
        const state = event.detail && event.detail.state;
        if (state && state !== "hide") {
          console.log("kaarya-reconnect " + state);
        }
      });
    }
  });
})();
