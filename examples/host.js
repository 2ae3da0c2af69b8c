// What a host does with Homeward's events: here it only keeps them for the tests to read.
window.homewardEvents = [];
const app = document.querySelector('[data-homeward]');
app.addEventListener('homeward:exported', (event) => {
  // `file` is there only when the element has data-events="with-file".
  window.homewardEvents.push({ type: event.type, ...event.detail });
});
app.addEventListener('homeward:changed', (event) => {
  window.homewardEvents.push({ type: event.type, ...event.detail });
});
