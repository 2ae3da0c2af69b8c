// Homeward on a partner's page. The snippet:
//
//   <div data-homeward data-lang="fr" data-programme="eurp_voluntary" data-accent="#1d5fa8"></div>
//   <script type="module" src="/path/to/homeward/embed.js"></script>
//
// This loader reads the app's own index.html (next to this file) to learn the names of its
// script, WebAssembly and stylesheets, loads them from that folder only, and mounts the app in a
// shadow root of the element, so the two pages' styles stay apart.
//
// Embedded, the app installs no service worker (the page is the host's): without a network it
// loads only if the host's site keeps its own pages and the app's files offline. When it cannot
// load, the element says so in plain words instead of staying blank.
const base = new URL('.', import.meta.url);
// One app per page: the app keeps one draft on the device, which two apps would share and
// overwrite. The first element gets the app; any other says so plainly.
const [host, ...others] = document.querySelectorAll('[data-homeward]');

// Shown when the app's files cannot be loaded (no network, or a broken deployment). The app's
// translations live in its WebAssembly, which is what failed to load, hence these few here.
const UNAVAILABLE = {
  en: 'The reintegration plan app could not be loaded. Check the network connection and reload the page.',
  fr: "L'application de plan de réintégration n'a pas pu être chargée. Vérifiez la connexion réseau et rechargez la page.",
  es: 'No se pudo cargar la aplicación del plan de reintegración. Compruebe la conexión de red y recargue la página.',
  ar: 'تعذّر تحميل تطبيق خطة إعادة الإدماج. تحقّق من الاتصال بالشبكة وأعد تحميل الصفحة.',
};

// Said by every element after the first.
const ONE_PER_PAGE = {
  en: 'Only one reintegration plan app can run on a page. It is open above; this one is not loaded.',
  fr: "Une seule application de plan de réintégration peut fonctionner sur une page. Elle est ouverte plus haut ; celle-ci n'est pas chargée.",
  es: 'Solo una aplicación del plan de reintegración puede funcionar en una página. Está abierta más arriba; esta no se ha cargado.',
  ar: 'لا يمكن تشغيل أكثر من تطبيق واحد لخطة إعادة الإدماج في الصفحة. التطبيق مفتوح في الأعلى؛ وهذا لم يُحمَّل.',
};

/** Replaces the element's content by a message in its language (from `texts`). */
function say(element, texts) {
  const lang = (element.dataset.lang || navigator.language || 'en').slice(0, 2);
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.lang = texts[lang] ? lang : 'en';
  message.dir = message.lang === 'ar' ? 'rtl' : 'ltr';
  message.textContent = texts[message.lang];
  element.replaceChildren(message);
}

for (const other of others) {
  if (!other.shadowRoot) say(other, ONE_PER_PAGE);
}

async function mount() {
  const response = await fetch(new URL('index.html', base));
  if (!response.ok) throw new Error(`index.html: ${response.status}`);
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
  bindings.mount_embedded(host, styles, base.href);
}

if (host && !host.shadowRoot) {
  try {
    await mount();
  } catch {
    say(host, UNAVAILABLE);
  }
}
