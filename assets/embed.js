// Homeward on a partner's page. The snippet:
//
//   <div data-homeward data-lang="fr" data-programme="eurp_voluntary" data-accent="#1d5fa8"></div>
//   <script type="module" src="/path/to/homeward/embed.js"></script>
//
// This loader reads the app's own index.html (next to this file) to learn the names of its
// script, WebAssembly and stylesheets, loads them from that folder only, and mounts the app in a
// shadow root of the element, so the two pages' styles stay apart.
const base = new URL('.', import.meta.url);
const host = document.querySelector('[data-homeward]');

if (host && !host.shadowRoot) {
  const response = await fetch(new URL('index.html', base));
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const href = (selector) => {
    const link = page.querySelector(selector);
    return link ? new URL(link.getAttribute('href'), base).href : null;
  };
  const script = href('link[rel="modulepreload"]');
  const wasm = href('link[rel="preload"][as="fetch"]');
  const styles = [...page.querySelectorAll('link[rel="stylesheet"]')].map(
    (link) => new URL(link.getAttribute('href'), base).href,
  );
  const bindings = await import(script);
  await bindings.default({ module_or_path: wasm });
  bindings.mount_embedded(host, styles);
}
