// The summary sheet's Print button. The page works without it (use the browser's
// print command); the button appears only when this script runs.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
});

// The time the sheet was saved, in the reader's own time zone, with the zone named, and
// in the sheet's language (a sheet printed in English for the chart reads as English
// whatever the browser's language); UTC stays beside it. Without this script the UTC
// time shows alone.
var sheetLang = document.documentElement.lang;
// The reader's own variant of the sheet's language (en-CA, es-MX) where they have one.
var locale = (navigator.languages || []).filter(function (l) {
  return l.split('-')[0].toLowerCase() === sheetLang;
})[0] || sheetLang || undefined;
document.querySelectorAll('time[data-local]').forEach(function (time) {
  var when = new Date(time.getAttribute('datetime'));
  if (isNaN(when)) return;
  var local = new Intl.DateTimeFormat(locale, {
    year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short'
  }).format(when);
  time.textContent = local + ' (' + time.textContent + ')';
});
