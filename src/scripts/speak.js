/**
 * 朗读: reads the page's text aloud with the browser's own speech (window.speechSynthesis) in
 * zh-CN. Fetched by the head script (prefs.js) the first time the reader presses 朗读, which is
 * only offered where the browser has a Chinese voice; shipped as written, with no imports.
 *
 * What it reads: the page's heading and, on a report or section page, the report text
 * (.report-text), else the main content, block by block (headings, paragraphs, list items,
 * table cells), leaving out the links the site adds ([data-chrome]). Each block is spoken
 * sentence by sentence (。！？；), long sentences cut at a comma, so long text keeps going
 * where a browser stops a long utterance. 暂停 stops after cancelling the current sentence
 * and 继续 starts that sentence again (pause() and resume() are unreliable on phones);
 * 停止 ends reading. The labels come from the page (src/components/ReadingAids.astro).
 */

const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,dt,dd,caption,th,td,blockquote,figcaption';
const SKIP = '[data-chrome],[aria-hidden="true"],[hidden],nav,.reading-aids,.print-source';
const SENTENCE = /[^。！？；!?;]*(?:[。！？；!?;]+[”’」』）)]*|$)/g;

/** The page's text to read, one string per block, in reading order. */
export function textToRead(doc) {
  const main = doc.querySelector('main');
  if (!main) return [];
  const body = main.querySelector('.report-text') || main;
  const blocks = [main.querySelector('h1'), ...body.querySelectorAll(BLOCKS)];
  return blocks
    .filter((e, i) => e && blocks.indexOf(e) === i && !e.closest(SKIP) && !e.querySelector(BLOCKS))
    .map((e) => e.textContent.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * Blocks cut into sentences: each ends at 。！？； (with any closing quote or bracket after
 * it) or at the end of its block; one longer than `max` is cut after a comma.
 */
export function sentences(blocks, max = 100) {
  const out = [];
  for (const block of blocks) {
    for (const piece of block.match(SENTENCE) || []) out.push(...cut(piece.trim(), max));
  }
  return out.filter(Boolean);
}

function cut(text, max) {
  const parts = [];
  while (text.length > max) {
    const at = Math.max(text.lastIndexOf('，', max), text.lastIndexOf(',', max), text.lastIndexOf('、', max));
    const end = at > 0 ? at + 1 : max;
    parts.push(text.slice(0, end));
    text = text.slice(end).trim();
  }
  return text ? [...parts, text] : parts;
}

/** A Chinese voice, zh-CN first. */
function chineseVoice(synth) {
  const voices = synth.getVoices();
  return voices.find((v) => /^zh[-_]CN/i.test(v.lang)) || voices.find((v) => /^zh/i.test(v.lang)) || null;
}

function reader(synth, aids) {
  const start = aids.querySelector('[data-speak]');
  const controls = aids.querySelector('[data-speak-controls]');
  const pause = controls.querySelector('[data-speak-pause]');
  const stop = controls.querySelector('[data-speak-stop]');
  const labels = { pause: pause.textContent, resume: pause.dataset.resumeLabel };
  let queue = [];
  let at = 0;
  let run = 0;
  let paused = false;

  function setPaused(value) {
    paused = value;
    pause.textContent = value ? labels.resume : labels.pause;
  }
  function from(i) {
    const id = ++run;
    at = i;
    if (i >= queue.length) return finish();
    const u = new SpeechSynthesisUtterance(queue[i]);
    u.lang = 'zh-CN';
    const voice = chineseVoice(synth);
    if (voice) u.voice = voice;
    u.rate = 0.9;
    u.onend = () => id === run && from(i + 1);
    u.onerror = () => id === run && finish();
    synth.speak(u);
  }
  function finish() {
    run++;
    const focused = controls.contains(document.activeElement);
    controls.hidden = true;
    setPaused(false);
    if (focused) start.focus();
  }
  function begin() {
    run++;
    synth.cancel();
    queue = sentences(textToRead(document));
    setPaused(false);
    controls.hidden = false;
    from(0);
  }
  start.addEventListener('click', begin);
  pause.addEventListener('click', () => {
    if (paused) {
      setPaused(false);
      from(at);
    } else {
      setPaused(true);
      run++;
      synth.cancel();
    }
  });
  stop.addEventListener('click', () => {
    synth.cancel();
    finish();
  });
  addEventListener('pagehide', () => {
    run++;
    synth.cancel();
  });
  return begin;
}

const aids = typeof document === 'undefined' ? null : document.querySelector('.reading-aids');
// Loaded by the first press of 朗读: start reading now.
if (aids && window.speechSynthesis) reader(window.speechSynthesis, aids)();
