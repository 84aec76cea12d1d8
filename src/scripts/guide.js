/**
 * 阅读辅助线: a horizontal band across the page that follows the pointer (mouse, pen, a finger
 * on the screen) and the keyboard focus, so the eye keeps its line in long text. Fetched by
 * the head script (prefs.js) the first time 阅读辅助线 is turned on, or on a page load while
 * it is on; shipped as written, with no imports. The band is shown only while
 * html[data-guide] is set (src/styles/aids.css), so turning the aid off needs nothing here.
 * It is decoration only: hidden from assistive technology, never in the way of a click.
 */
const band = document.createElement('div');
band.className = 'reading-guide';
band.setAttribute('aria-hidden', 'true');
document.body.append(band);

let y = -1;
let frame = 0;
function moveTo(clientY) {
  y = clientY;
  if (!frame) {
    frame = requestAnimationFrame(() => {
      frame = 0;
      band.style.transform = `translateY(${Math.round(y)}px)`;
      band.classList.add('reading-guide-placed');
    });
  }
}

addEventListener('pointermove', (e) => moveTo(e.clientY), { passive: true });
addEventListener('pointerdown', (e) => moveTo(e.clientY), { passive: true });
document.addEventListener('focusin', (e) => {
  const target = e.target;
  if (!(target instanceof Element) || target === document.body) return;
  const box = target.getBoundingClientRect();
  // The band centred on the control, or on the first line of a taller one.
  if (box.height) moveTo(box.top + Math.min(box.height, 48) / 2);
});
