// The console's own behaviour beyond htmx: a part of a page redrawn while it waits for news (an
// intervention's page awaiting an M5) keeps the attempts an operator unfolded.
let consoleOpenDetails = [];
document.addEventListener('htmx:beforeSwap', function (event) {
  consoleOpenDetails = Array.from(event.detail.target.querySelectorAll('details[id][open]')).map(function (d) { return d.id; });
});
document.addEventListener('htmx:afterSettle', function () {
  consoleOpenDetails.forEach(function (id) {
    const details = document.getElementById(id);
    if (details) {
      details.open = true;
    }
  });
  consoleOpenDetails = [];
});
