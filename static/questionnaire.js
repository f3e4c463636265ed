// The questionnaire one step at a time. Without this script every step is on the page,
// one after the other, and the step links jump down to them; with it only the current
// step shows, and the browser's Back and Forward move between steps. Nothing is sent to
// the server until "See the result".
(function () {
  var form = document.querySelector('form.questionnaire');
  if (!form) return;
  var steps = Array.prototype.slice.call(form.querySelectorAll('section.step'));
  var links = document.querySelectorAll('[data-step]');
  var current = 0;

  function stepOf(element) {
    for (var i = 0; i < steps.length; i++) {
      if (steps[i].contains(element)) return i + 1;
    }
    return 0;
  }

  function show(number, focus) {
    if (number < 1 || number > steps.length) return;
    current = number;
    steps.forEach(function (step, i) { step.hidden = i + 1 !== number; });
    Array.prototype.forEach.call(document.querySelectorAll('.progress [data-step]'), function (link) {
      var n = Number(link.dataset.step);
      if (n === number) link.setAttribute('aria-current', 'step');
      else link.removeAttribute('aria-current');
      link.classList.toggle('done', n < number);
    });
    if (focus) {
      var heading = steps[number - 1].querySelector('.step-title');
      heading.focus();
      window.scrollTo(0, 0);
    }
  }

  // The step in the address (#step-3, or a question's #q-field) or the server's choice.
  function fromAddress() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var number = target ? stepOf(target) : 0;
    return { number: number || Number(form.dataset.openStep) || 1, target: target };
  }

  form.classList.add('one-step');
  var start = fromAddress();
  show(start.number, false);

  Array.prototype.forEach.call(links, function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      var number = Number(link.dataset.step);
      if (number === current) return;
      history.pushState(null, '', '#step-' + number);
      show(number, true);
    });
  });

  window.addEventListener('popstate', function () { show(fromAddress().number, true); });

  // Links in the error summary open the step that holds the question.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('.error-summary a[href^="#q-"]');
    if (!link) return;
    var target = document.getElementById(link.getAttribute('href').slice(1));
    if (!target) return;
    event.preventDefault();
    show(stepOf(target), false);
    history.replaceState(null, '', '#step-' + current);
    target.scrollIntoView();
    var input = target.querySelector('input');
    if (input) input.focus();
  });

  // Enter in a number box moves to the next step instead of sending a half-filled form.
  form.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' || event.target.tagName !== 'INPUT') return;
    if (current < steps.length) {
      event.preventDefault();
      history.pushState(null, '', '#step-' + (current + 1));
      show(current + 1, true);
    }
  });
})();
