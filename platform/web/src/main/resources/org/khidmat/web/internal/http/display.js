// The hall display: replaces the board's rows with each server-sent event from /display/events. Without this
// script the page refreshes itself (the <noscript> refresh in its head); with it the page never reloads.
(function () {
  'use strict';
  var body = document.getElementById('calls');
  var waiting = document.getElementById('waiting');
  var empty = document.getElementById('no-calls');
  if (!body || !window.EventSource) {
    return;
  }
  var lang = document.documentElement.lang || 'en';

  function cell(text, cls, ltr) {
    var td = document.createElement('td');
    td.className = cls;
    if (ltr) {
      td.dir = 'ltr';
    }
    td.textContent = text;
    return td;
  }

  // The service's title in the page's language; else its English, marked as English (lang, dir) for screen readers,
  // as the server marks it in the first render.
  function titleCell(call) {
    var td = document.createElement('td');
    td.className = 'title';
    var own = call.title[lang];
    if (own || lang === 'en') {
      td.textContent = own || call.service;
      return td;
    }
    var span = document.createElement('span');
    span.lang = 'en';
    span.dir = 'ltr';
    span.textContent = call.title.en || call.service;
    td.appendChild(span);
    return td;
  }

  function show(board) {
    var rows = document.createDocumentFragment();
    board.calls.forEach(function (call, i) {
      var tr = document.createElement('tr');
      if (i === 0) {
        tr.className = 'newest';
      }
      tr.appendChild(cell(call.number, 'number', true));
      tr.appendChild(cell(String(call.counter), 'counter', false));
      tr.appendChild(titleCell(call));
      rows.appendChild(tr);
    });
    while (body.firstChild) {
      body.removeChild(body.firstChild);
    }
    body.appendChild(rows);
    if (waiting) {
      waiting.textContent = String(board.waiting);
    }
    if (empty) {
      empty.hidden = board.calls.length > 0;
    }
    document.documentElement.setAttribute('data-event', String(Date.now()));
  }

  var events = new EventSource('/display/events');
  events.addEventListener('calls', function (e) {
    try {
      show(JSON.parse(e.data));
    } catch (ignored) {
      // a malformed event: keep what is shown until the next one
    }
  });
}());
