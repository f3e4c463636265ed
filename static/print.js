// The summary sheet's Print button. The page works without it (use the browser's
// print command); the button appears only when this script runs.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
});
