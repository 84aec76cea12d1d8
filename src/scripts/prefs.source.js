/**
 * The head script, as written: src/scripts/prefs.js is this file minified (what pages load),
 * so that with the header search it stays within 2 KB compressed before any interaction.
 * Edit this file, then rebuild prefs.js:
 *   UPDATE_HEAD_SCRIPT=1 npm run test:unit -- tests/unit/head-script.test.ts
 * (the test fails while the two differ).
 *
 * A classic script in <head> (src/layouts/Page.astro), so the remembered choices are on
 * <html> before the first paint: data-size (large, xlarge), data-contrast (high),
 * data-cursor (large), data-guide (on), from localStorage fznb-size, fznb-contrast,
 * fznb-cursor, fznb-guide. It marks <html data-js>, which shows the reading aids, and
 * <html data-speech> when the browser has a Chinese voice (voices may arrive late, with
 * voiceschanged), which shows 朗读. It keeps the buttons' aria-pressed in step, also after
 * the back button (pageshow) and a change in another tab (storage).
 *
 * A press on a button with data-pref sets its choice (字号 picks one of three; the others turn
 * on and off) and remembers it; the 打印 link (data-print) prints, and still goes on to its
 * 如何打印 box, for browsers whose print() does nothing. A button with data-module names the code
 * of an aid that is fetched only on use (朗读, 阅读辅助线): the first press imports it, and from
 * then on it looks after the aid itself; the guide's code is also imported on a page load
 * while the guide is on. Written for old phones' browsers too: ES2015 and import(); a browser
 * without them shows no aids, and the page reads as it does without JavaScript. On
 * beforeprint it writes the page's address into [data-print-url] when the site's address is
 * not configured.
 */
((d, w) => {
  const r = d.documentElement;
  const speech = w.speechSynthesis;
  const keys = ['size', 'contrast', 'cursor', 'guide'];
  // The keys are single words, so <html>'s dataset reads and writes data-size and the rest.
  const set = (key, value) => (value ? (r.dataset[key] = value) : delete r.dataset[key]);

  // An aid's own code, fetched the first time it is used (later imports of it do nothing).
  const use = (button) => button && button.dataset.module && import(button.dataset.module);

  const show = () => {
    d.querySelectorAll('[data-pref]').forEach((b) => b.setAttribute('aria-pressed', (r.dataset[b.dataset.pref] || '') == b.value));
    if (r.dataset.guide) use(d.querySelector('[data-pref=guide]'));
  };

  const load = () => {
    for (const key of keys) {
      try {
        const value = localStorage['fznb-' + key];
        // Only the values the aids set (a value meant for another key does nothing: no CSS matches it).
        set(key, /^(x?large|high|on)$/.test(value) && value);
      } catch (e) {}
    }
    show();
  };

  const voices = () => set('speech', speech.getVoices().some((v) => /^zh/i.test(v.lang)) && 'zh');

  set('js', 1);
  load();
  if (speech) (speech.onvoiceschanged = voices)();
  d.addEventListener('DOMContentLoaded', show);
  w.addEventListener('pageshow', load);
  w.addEventListener('storage', load);
  d.addEventListener('click', (e) => {
    const b = e.target.closest('button,[data-print]');
    if (!b) return;
    if ('print' in b.dataset) return w.print();
    const key = b.dataset.pref;
    if (key) {
      // 字号 picks one of three; every other choice is turned off by pressing it again.
      const value = key != 'size' && r.dataset[key] == b.value ? '' : b.value;
      set(key, value);
      try {
        localStorage['fznb-' + key] = value;
      } catch (e) {}
      show();
    }
    use(b);
  });
  w.addEventListener('beforeprint', () =>
    d.querySelectorAll('[data-print-url]').forEach((s) => (s.textContent = location.origin + location.pathname)),
  );
})(document, window);
