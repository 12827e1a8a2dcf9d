// The counter console: fetches today's waiting list (/counter/waiting) every few seconds and puts it in place of the
// one on the page, so an operator sees new tokens without reloading (and without losing what they are typing in the
// settings form). Without this script the page works as before; the list is as fresh as the last load.
(function () {
  'use strict';
  var EVERY = 5000;
  if (!window.fetch || !window.DOMParser || !document.getElementById('waiting-section')) {
    return;
  }
  function refresh() {
    fetch('/counter/waiting', {credentials: 'same-origin', cache: 'no-store'}).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (html) {
      var old = document.getElementById('waiting-section');
      if (!html || !old) {
        return;
      }
      var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('waiting-section');
      if (fresh) {
        old.replaceWith(document.importNode(fresh, true));
      }
    }).catch(function () {
      // offline for a moment: the next round tries again
    });
  }
  window.setInterval(refresh, EVERY);
}());
