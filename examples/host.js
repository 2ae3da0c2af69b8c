// What a host does with Homeward's events: here it only keeps them for the tests to read.
window.homewardEvents = [];
const app = document.querySelector('[data-homeward]');
app.addEventListener('homeward:exported', (event) => {
  window.homewardEvents.push({ type: event.type, partner: event.detail.partner, json: event.detail.json });
});
app.addEventListener('homeward:changed', (event) => {
  window.homewardEvents.push({ type: event.type, ...event.detail });
});
