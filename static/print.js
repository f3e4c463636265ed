// The summary sheet's Print button. The page works without it (use the browser's
// print command); the button appears only when this script runs.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
});

// The time the sheet was saved, in the reader's own time zone, with the zone named;
// UTC stays beside it. Without this script the UTC time shows alone.
document.querySelectorAll('time[data-local]').forEach(function (time) {
  var when = new Date(time.getAttribute('datetime'));
  if (isNaN(when)) return;
  var local = new Intl.DateTimeFormat(undefined, {
    year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short'
  }).format(when);
  time.textContent = local + ' (' + time.textContent + ')';
});
