/**
 * The web UI's one script, served at /ui/assets/ui.js. Progressive enhancement only: every page works
 * without it (forms post and the server answers with a page). With it, filter menus apply on change,
 * and the add forms post in the background, one file at a time, showing progress and each result.
 * Untrusted text (file names, titles, errors) only ever reaches the page through textContent.
 */
export const UI_SCRIPT = `(function () {
  'use strict';
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  document.querySelectorAll('select[data-autosubmit]').forEach(function (s) {
    s.addEventListener('change', function () { if (s.form) s.form.requestSubmit(); });
  });
  function resultItem(r) {
    var li = el('li');
    li.appendChild(el('span', r.title || r.origin || r.id || 'article'));
    li.appendChild(document.createTextNode(': '));
    if (r.status === 'error') { li.appendChild(el('span', r.error || 'error', 'error')); return li; }
    li.appendChild(el('span', r.status, r.status === 'duplicate' ? 'muted' : 'ok'));
    if (r.story) {
      li.appendChild(document.createTextNode(' in '));
      var a = el('a', r.storyTitle || r.story);
      a.href = '/ui/stories/' + encodeURIComponent(r.story);
      li.appendChild(a);
    }
    return li;
  }
  function send(form, body) {
    return fetch(form.action, { method: 'POST', body: body, headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (j) {
          if (!res.ok && !j.results) throw new Error((j.error && j.error.message) || ('HTTP ' + res.status));
          return j.results || [];
        });
      });
  }
  function tally(counts, list, r) {
    counts[r.status] = (counts[r.status] || 0) + 1;
    list.appendChild(resultItem(r));
  }
  function finish(status, counts) {
    var parts = [];
    ['stored', 'version', 'duplicate', 'error'].forEach(function (k) { if (counts[k]) parts.push(counts[k] + ' ' + k); });
    status.textContent = 'Done: ' + (parts.join(', ') || 'nothing read') + '.';
  }
  // A feed's results arrive as NDJSON, one line per item as the server reads it.
  function readFeed(form, progress, status, list, counts) {
    var n = 0;
    var fail = function (message) {
      progress.hidden = true;
      status.textContent = '';
      status.appendChild(el('span', message, 'error'));
    };
    status.textContent = 'Fetching the feed…';
    var body = new FormData(form);
    return fetch(form.action, { method: 'POST', body: body, headers: { Accept: 'application/x-ndjson, application/json' }, credentials: 'same-origin' })
      .then(function (res) {
        if (!res.ok || !res.body) {
          return res.json().catch(function () { return {}; }).then(function (j) { fail((j.error && j.error.message) || ('HTTP ' + res.status)); });
        }
        var reader = res.body.getReader();
        var decoder = new TextDecoder();
        var buffer = '';
        var line = function (text) {
          if (!text.trim()) return;
          tally(counts, list, JSON.parse(text));
          n++;
          status.textContent = n + (n === 1 ? ' item' : ' items') + ' read so far…';
        };
        var pump = function () {
          return reader.read().then(function (chunk) {
            if (chunk.done) {
              line(buffer);
              progress.max = 1; progress.value = 1;
              finish(status, counts);
              return;
            }
            buffer += decoder.decode(chunk.value, { stream: true });
            var lines = buffer.split('\\n');
            buffer = lines.pop();
            lines.forEach(line);
            return pump();
          });
        };
        return pump();
      }, function (e) { fail(e.message); });
  }
  document.querySelectorAll('form[data-ingest]').forEach(function (form) {
    var progress = form.querySelector('progress');
    var status = form.querySelector('.status');
    var list = form.querySelector('ul.results');
    var button = form.querySelector('button[type=submit]');
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var counts = {};
      list.textContent = '';
      progress.hidden = false;
      button.disabled = true;
      var done = function () { button.disabled = false; };
      var fileInput = form.querySelector('input[type=file]');
      if (fileInput) {
        var files = Array.prototype.slice.call(fileInput.files);
        if (!files.length) { status.textContent = 'Choose one or more files first.'; progress.hidden = true; done(); return; }
        progress.max = files.length;
        progress.value = 0;
        var step = function (i) {
          if (i >= files.length) { finish(status, counts); done(); return; }
          status.textContent = 'Reading ' + (i + 1) + ' of ' + files.length + ': ' + files[i].name + '…';
          var fd = new FormData();
          fd.append('file', files[i], files[i].name);
          var token = form.querySelector('input[name=token]');
          if (token) fd.append('token', token.value);
          send(form, fd).then(function (results) {
            results.forEach(function (r) { tally(counts, list, r); });
          }, function (e) {
            tally(counts, list, { origin: files[i].name, status: 'error', error: e.message });
          }).then(function () { progress.value = i + 1; step(i + 1); });
        };
        step(0);
        return;
      }
      progress.removeAttribute('value');
      if (form.getAttribute('data-ingest') === 'feed') { readFeed(form, progress, status, list, counts).then(done); return; }
      status.textContent = 'Reading the article…';
      send(form, new FormData(form)).then(function (results) {
        results.forEach(function (r) { tally(counts, list, r); });
        progress.max = 1; progress.value = 1;
        finish(status, counts);
      }, function (e) {
        progress.hidden = true;
        status.textContent = '';
        status.appendChild(el('span', e.message, 'error'));
      }).then(done);
    });
  });
})();
`;
