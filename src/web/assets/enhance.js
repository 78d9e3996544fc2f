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
  document.addEventListener('submit', function () {
    dirty = false;
  });
  document.body.addEventListener('htmx:afterRequest', function (event) {
    if (event.detail.successful && event.detail.elt.closest && event.detail.elt.closest('form[data-warn-unsaved]'))
      dirty = false;
  });
  window.addEventListener('beforeunload', function (event) {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = '';
  });
  // An error summary takes focus, so a screen reader announces it and the keyboard starts there.
  var summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
})();
