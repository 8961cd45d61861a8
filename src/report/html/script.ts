/**
 * The dossier page's only script, inlined and allowed by hash in the Content-Security-Policy. Selecting a
 * finding (click, or Enter/Space when focused) highlights its evidence in the source texts and scrolls the
 * first passage into view. Findings carry `data-ev="SRC:START:END:SIDE ..."` (source index, UTF-16 offsets
 * into that source's text, side of a conflict); the texts are cut into `<span data-o="OFFSET">` segments at
 * every evidence boundary, so a span covers whole segments. Plain ES5-level DOM code, no libraries; it never
 * writes HTML (textContent only), so article text can never become markup here.
 */
export const SCRIPT = `(function () {
  'use strict';
  var current = null;
  var status = document.getElementById('status');
  var SIDES = 'ABCDEFGH';
  function clear() {
    var marked = document.querySelectorAll('.hl');
    for (var i = 0; i < marked.length; i++) {
      marked[i].classList.remove('hl', 'hl0', 'hl1', 'hl2', 'hl3');
      marked[i].removeAttribute('data-mark');
    }
    var counts = document.querySelectorAll('[data-count]');
    for (var j = 0; j < counts.length; j++) counts[j].textContent = '';
    if (current) {
      current.classList.remove('sel');
      current.setAttribute('aria-pressed', 'false');
    }
    while (status.firstChild) status.removeChild(status.firstChild);
  }
  function jump(seg) {
    seg.scrollIntoView({ block: 'center' });
  }
  function select(el) {
    var again = el === current;
    clear();
    if (again) { current = null; return; }
    current = el;
    el.classList.add('sel');
    el.setAttribute('aria-pressed', 'true');
    var items = (el.getAttribute('data-ev') || '').split(' ');
    var sides = (el.getAttribute('data-sides') || '') !== '';
    var firstBySource = {};
    var order = [];
    var passages = 0;
    for (var i = 0; i < items.length; i++) {
      var p = items[i].split(':');
      if (p.length < 3) continue;
      var box = document.getElementById('t' + p[0]);
      if (!box) continue;
      var start = +p[1], end = +p[2], side = +(p[3] || 0);
      var segs = box.querySelectorAll('[data-o]');
      var first = true;
      for (var k = 0; k < segs.length; k++) {
        var o = +segs[k].getAttribute('data-o');
        if (o < start || o >= end) continue;
        segs[k].classList.add('hl', 'hl' + (side % 4));
        if (first) {
          segs[k].setAttribute('data-mark', sides ? SIDES.charAt(side % 8) : '\\u2192');
          first = false;
          passages++;
          if (!firstBySource[p[0]]) { firstBySource[p[0]] = segs[k]; order.push(p[0]); }
        }
      }
    }
    for (var s = 0; s < order.length; s++) {
      var n = document.querySelectorAll('#t' + order[s] + ' [data-mark]').length;
      var c = document.querySelector('[data-count="' + order[s] + '"]');
      if (c) c.textContent = ' (' + n + ' highlighted)';
    }
    var msg = document.createElement('span');
    msg.textContent = passages ? passages + ' passage' + (passages === 1 ? '' : 's') + ' highlighted in ' + order.length + ' source' + (order.length === 1 ? '' : 's') + '. Jump to:' : 'No evidence to highlight.';
    status.appendChild(msg);
    order.forEach(function (src) {
      var b = document.createElement('button');
      b.type = 'button';
      var h = document.getElementById('t' + src + '-h');
      b.textContent = h ? h.getAttribute('data-name') : src;
      b.addEventListener('click', function () { jump(firstBySource[src]); });
      status.appendChild(b);
    });
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Clear';
    close.addEventListener('click', function () { var el = current; if (el) { select(el); el.focus(); } });
    status.appendChild(close);
    if (order.length) jump(firstBySource[order[0]]);
  }
  function findingOf(target) {
    return target && target.closest ? target.closest('[data-ev]') : null;
  }
  document.addEventListener('click', function (e) {
    var f = findingOf(e.target);
    if (f) select(f);
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    var f = findingOf(e.target);
    if (f && f === e.target) { e.preventDefault(); select(f); }
  });
  document.addEventListener('keyup', function (e) {
    if (e.key === 'Escape' && current) select(current);
  });
})();
`;
