// Builds the iframe's address with its configuration and keeps every message it receives.
// `?configured=1` names this page's origin as the parent origin; `&with-file=1` also asks for
// the saved file in `homeward:exported` (events=with-file).
window.homewardMessages = [];
window.addEventListener('message', (event) => {
  window.homewardMessages.push({ origin: event.origin, type: event.data?.type, detail: event.data?.detail });
});
const params = new URLSearchParams({ lang: 'en', programme: 'eurp_voluntary' });
const page = new URLSearchParams(location.search);
if (page.get('configured') === '1') {
  params.set('parent-origin', location.origin);
}
if (page.get('with-file') === '1') {
  params.set('events', 'with-file');
}
document.getElementById('homeward').src = `/sub/homeward/?${params}`;
