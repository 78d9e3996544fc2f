// Progressive enhancement of pages that already work without JavaScript. No inline code, no eval.
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="csrf-token"]');
  var token = meta ? meta.getAttribute('content') : '';
  // htmx requests carry the same CSRF token as the forms, in a header.
  document.body.addEventListener('htmx:configRequest', function (event) {
    event.detail.headers['X-CSRF-Token'] = token;
  });
  // Forms marked data-warn-unsaved ask before the page is left with changes not yet saved.
  var dirty = false;
  document.addEventListener('input', function (event) {
    if (event.target.closest && event.target.closest('form[data-warn-unsaved]')) dirty = true;
  });
  // A form that posts is sent once: a second tap while the first answer is on its way (a slow
  // network, a double click) would record a second action or answer with a conflict. Released
  // after a while (an answer that is a download leaves the page as it was) and when the page is
  // shown again from the back-forward cache. htmx forms manage their own requests.
  document.addEventListener('submit', function (event) {
    dirty = false;
    var form = event.target;
    if (event.defaultPrevented || !form || form.hasAttribute('hx-post')) return;
    if ((form.getAttribute('method') || '').toLowerCase() !== 'post') return;
    if (form.hasAttribute('data-sending')) {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-sending', '');
    setTimeout(function () {
      form.removeAttribute('data-sending');
    }, 15000);
  });
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-sending]').forEach(function (form) {
      form.removeAttribute('data-sending');
    });
  });
  // An autosave that answers data-not-saved (the server refused a field) leaves the changes unsaved.
  document.body.addEventListener('htmx:afterRequest', function (event) {
    var refused = /data-not-saved/.test(event.detail.xhr ? event.detail.xhr.responseText : '');
    if (
      event.detail.successful &&
      !refused &&
      event.detail.elt.closest &&
      event.detail.elt.closest('form[data-warn-unsaved]')
    )
      dirty = false;
  });
  window.addEventListener('beforeunload', function (event) {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = '';
  });
  // Printing the receipt: the button exists only where a script can press print.
  var printButton = document.querySelector('[data-print-button]');
  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener('click', function (event) {
      if (event.target.closest('[data-print]')) window.print();
    });
  }
  // Budget rows: the totals follow the typing (the server works them out again when it saves).
  var budget = document.querySelector('form[data-budget]');
  if (budget) {
    // Kazakh writes numbers and tenge as Russian does (CLDR: "1 234 567,50 ₸", as the server prints
    // them), but Chromium builds without Kazakh number data (Debian's, for one) fall back to the
    // root pattern "₸ 1,234,567.50": the Russian data stands in for Kazakh in every script here.
    var locales = { kk: 'ru-RU', ru: 'ru-RU', en: 'en-GB' };
    var locale = locales[document.documentElement.lang] || 'ru-RU';
    var money = function (tiyn) {
      var whole = tiyn % 100 === 0;
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: 'KZT',
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: whole ? 0 : 2,
        maximumFractionDigits: whole ? 0 : 2,
      }).format(tiyn / 100);
    };
    // The same reading as the server's (src/web/i18n/tenge.ts): spaces group, "," or "." starts decimals.
    var tiynOf = function (text) {
      var compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/(₸|тг\.?|тенге|теңге|KZT)$/i, '');
      var match = /^(\d{1,13})(?:[.,](\d{1,2}))?$/.exec(compact);
      if (!match) return 0;
      return Number(match[1]) * 100 + Number((match[2] || '0').concat('0').slice(0, 2));
    };
    var show = function (name, text) {
      var output = budget.querySelector('[data-sum="' + name + '"]');
      if (output) output.textContent = text;
    };
    var recount = function () {
      var sums = { grant: 0, own: 0 };
      budget.querySelectorAll('input[name^="amount-"]').forEach(function (input) {
        var source = budget.querySelector('[name="source-' + input.name.slice(7) + '"]');
        var key = source && source.value === 'own' ? 'own' : 'grant';
        sums[key] += tiynOf(input.value);
      });
      var total = sums.grant + sums.own;
      show('grant', money(sums.grant));
      show('own', money(sums.own));
      show('total', money(total));
      show(
        'share',
        new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(total ? (sums.own * 100) / total : 0) + '%',
      );
      var note = budget.querySelector('[data-totals-note]');
      if (note) note.hidden = true;
    };
    budget.addEventListener('input', recount);
    budget.addEventListener('change', recount);
  }
  // An error summary takes focus, so a screen reader announces it and the keyboard starts there.
  var summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
})();
// juror: the scoring page's running total follows the radios (the server works it out again on save).
(function () {
  'use strict';
  var rubric = document.querySelector('form[data-rubric]');
  if (!rubric) return;
  var output = rubric.querySelector('[data-total-value]');
  var counted = rubric.querySelector('[data-scored-count]');
  // Russian number data for Kazakh too (see the budget rows above).
  var locale = { kk: 'ru-RU', ru: 'ru-RU', en: 'en-GB' }[document.documentElement.lang] || 'ru-RU';
  var format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  var recount = function () {
    var weights = 0;
    var points = 0;
    var scored = 0;
    rubric.querySelectorAll('fieldset[data-criterion]').forEach(function (fieldset) {
      var weight = Number(fieldset.getAttribute('data-weight'));
      var max = Number(fieldset.getAttribute('data-max'));
      weights += weight;
      var chosen = fieldset.querySelector('input[type="radio"]:checked');
      if (!chosen || !max) return;
      points += (weight * Number(chosen.value)) / max;
      scored += 1;
    });
    if (output) output.textContent = format.format(weights ? (100 * points) / weights : 0);
    if (counted) counted.textContent = counted.getAttribute('data-template').replace('{scored}', format.format(scored));
  };
  rubric.addEventListener('change', recount);
})();
// manager awards: the allocation's remaining budget and envelopes follow the amounts as they are
// typed (the "recalculate" button does the same on the server without JavaScript). Sums in BigInt
// tiyn, never floats.
(function () {
  'use strict';
  var form = document.querySelector('form[data-ma-allocation]');
  if (!form || typeof BigInt !== 'function') return;
  // Russian number data for Kazakh too (see the budget rows above).
  var locales = { kk: 'ru-RU', ru: 'ru-RU', en: 'en-GB' };
  var locale = locales[document.documentElement.lang] || 'ru-RU';
  var format = function (digits) {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'KZT',
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  };
  // As the server's formatMoney: the tenge part exactly, the two tiyn digits put in as they are.
  var money = function (tiyn) {
    var negative = tiyn < 0n;
    var absolute = negative ? -tiyn : tiyn;
    var tenge = absolute / 100n;
    var rest = absolute % 100n;
    if (rest === 0n) return format(0).format(negative ? -tenge : tenge);
    return format(2)
      .formatToParts(negative ? -tenge : tenge)
      .map(function (part) {
        return part.type === 'fraction' ? String(rest).padStart(2, '0') : part.value;
      })
      .join('');
  };
  // The same reading as the server's (src/web/i18n/tenge.ts); what does not parse counts as nothing.
  var tiynOf = function (text) {
    var compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/(₸|тг\.?|тенге|теңге|KZT)$/i, '');
    var match = /^(\d{1,13})(?:[.,](\d{1,2}))?$/.exec(compact);
    if (!match) return 0n;
    return BigInt(match[1]) * 100n + BigInt((match[2] || '0').concat('0').slice(0, 2));
  };
  var remaining = form.querySelector('[data-ma-sum="remaining"]');
  var proposal = form.querySelector('[data-ma-sum="proposal"]');
  var envelopes = form.querySelectorAll('[data-ma-envelope]');
  var recount = function () {
    var total = 0n;
    var byPlace = {};
    form.querySelectorAll('input[data-ma-amount]').forEach(function (input) {
      var tiyn = tiynOf(input.value);
      total += tiyn;
      ['data-ma-district', 'data-ma-village'].forEach(function (name) {
        var place = input.getAttribute(name);
        byPlace[place] = (byPlace[place] || 0n) + tiyn;
      });
    });
    if (proposal) proposal.textContent = money(total);
    if (remaining) {
      var left = BigInt(remaining.getAttribute('data-ma-left')) - total;
      remaining.textContent = money(left);
      remaining.parentNode.classList.toggle('ma-over', left < 0n);
    }
    envelopes.forEach(function (envelope) {
      var place = envelope.getAttribute('data-ma-place');
      var leftHere = BigInt(envelope.getAttribute('data-ma-left')) - (byPlace[place] || 0n);
      envelope.classList.toggle('ma-over', leftHere < 0n);
      var text = envelope.querySelector('[data-ma-envelope-left]');
      if (text) text.textContent = money(leftHere);
    });
  };
  form.addEventListener('input', recount);
  form.addEventListener('change', recount);
})();
// manager-apps: a box in the applications table's header ticks every row of the page (it exists only with a script).
(function () {
  'use strict';
  document.addEventListener('change', function (event) {
    var box = event.target;
    if (!box.matches || !box.matches('[data-pick-page]')) return;
    var table = box.closest('table');
    if (!table) return;
    table.querySelectorAll('input[name="ids"]').forEach(function (row) {
      row.checked = box.checked;
    });
  });
  var reveal = function () {
    document.querySelectorAll('[data-pick-page][hidden]').forEach(function (box) {
      box.hidden = false;
    });
  };
  reveal();
  // htmx swaps the table in place when the filters change: show the box in the new table too.
  document.body.addEventListener('htmx:afterSwap', reveal);
})();
