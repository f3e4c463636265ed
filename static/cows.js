// The COWS page's running total. The page works without it: "Score it" sends the form
// and the server adds it up. The bands are read from the page's own list, so the
// scale's numbers are written in one place only (src/assessment/cows.rs).
(function () {
  var form = document.querySelector('form[data-cows]');
  var live = document.getElementById('cows-live');
  if (!form || !live) return;
  var items = form.querySelectorAll('fieldset').length;
  var bands = Array.prototype.map.call(document.querySelectorAll('[data-band-min]'), function (li) {
    return { min: Number(li.dataset.bandMin), max: Number(li.dataset.bandMax), label: li.dataset.bandLabel };
  });

  function update() {
    var checked = form.querySelectorAll('input[type="radio"]:checked');
    var total = 0;
    checked.forEach(function (radio) { total += Number(radio.value); });
    var left = items - checked.length;
    if (left > 0) {
      live.textContent = 'Running total: ' + total + ' so far, ' + left + (left === 1 ? ' item' : ' items') + ' still to rate.';
      return;
    }
    var band = bands.filter(function (b) { return total >= b.min && total <= b.max; })[0];
    live.textContent = 'Running total: ' + total + ' of 48' + (band ? ', ' + band.label : '') + '. Press "Score it" to keep it.';
  }

  live.hidden = false;
  update();
  form.addEventListener('change', function () {
    // A total shown by the server is for the answers as they were sent; once one
    // changes it no longer matches, so it goes until the form is scored again.
    var result = document.getElementById('cows-result');
    if (result) result.hidden = true;
    update();
  });
})();
