// Builds the iframe's address with its configuration and keeps every message it receives.
window.homewardMessages = [];
window.addEventListener('message', (event) => {
  window.homewardMessages.push({ origin: event.origin, type: event.data?.type, detail: event.data?.detail });
});
const params = new URLSearchParams({ lang: 'en', programme: 'eurp_voluntary' });
if (new URLSearchParams(location.search).get('configured') === '1') {
  params.set('parent-origin', location.origin);
}
document.getElementById('homeward').src = `/sub/homeward/?${params}`;
