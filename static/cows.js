// The COWS page's running total. The page works without it: "Score it" sends the form
// and the server adds it up. The bands are read from the page's own list, so the
// scale's numbers are written in one place only (src/assessment/cows.rs), and so are
// the words, in the page's language: `data-running` holds the sentence for 1, 2, … 11
// items left and each band's `data-band-running` the sentence for a complete form,
// each with {total} where the total goes.
(function () {
  var form = document.querySelector('form[data-cows]');
  var live = document.getElementById('cows-live');
  if (!form || !live) return;
  var items = form.querySelectorAll('fieldset').length;
  var partial;
  try {
    partial = JSON.parse(live.dataset.running || '[]');
  } catch (e) {
    partial = [];
  }
  var bands = Array.prototype.map.call(document.querySelectorAll('[data-band-min]'), function (li) {
    return { min: Number(li.dataset.bandMin), max: Number(li.dataset.bandMax), running: li.dataset.bandRunning || '' };
  });

  function update() {
    var checked = form.querySelectorAll('input[type="radio"]:checked');
    var total = 0;
    checked.forEach(function (radio) { total += Number(radio.value); });
    var left = items - checked.length;
    var sentence;
    if (left > 0) {
      sentence = partial[Math.min(left, partial.length) - 1];
    } else {
      var band = bands.filter(function (b) { return total >= b.min && total <= b.max; })[0];
      sentence = band && band.running;
    }
    live.textContent = sentence ? sentence.split('{total}').join(String(total)) : String(total);
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
