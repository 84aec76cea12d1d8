(function (d, w) {
  var r = d.documentElement, ok = { size: /^x?large$/, contrast: /^high$/ };
  function set(k, v) {
    v ? r.setAttribute('data-' + k, v) : r.removeAttribute('data-' + k);
  }
  function show() {
    d.querySelectorAll('[data-pref]').forEach(function (b) {
      b.setAttribute('aria-pressed', (r.getAttribute('data-' + b.dataset.pref) || '') == b.value);
    });
  }
  function load() {
    for (var k in ok) try {
      var v = localStorage['fznb-' + k];
      set(k, ok[k].test(v) && v);
    } catch (e) {}
    show();
  }
  set('js', 1);
  load();
  d.addEventListener('DOMContentLoaded', show);
  w.addEventListener('pageshow', load);
  w.addEventListener('storage', load);
  d.addEventListener('click', function (e) {
    var b = e.target.closest('[data-pref],[data-print]'), k = b && b.dataset.pref, v = b && b.value;
    if (!b) return;
    if (!k) return w.print();
    if (k == 'contrast' && r.hasAttribute('data-contrast')) v = '';
    set(k, v);
    try {
      localStorage['fznb-' + k] = v;
    } catch (e) {}
    show();
  });
  w.addEventListener('beforeprint', function () {
    d.querySelectorAll('[data-print-url]').forEach(function (s) {
      s.textContent = location.origin + location.pathname;
    });
  });
})(document, window);
