// Generated benchmark pages, built in memory from the engine's own surface forms (deterministic
// PRNG, so every run and every contender sees the same bytes). Our own filler text only.

const FILLER = `the a of and to in on for with by from as at that this these those which while after
before during between over under into across about report reports said says officials minister
ministry government country countries region regional nation nations talks meeting meetings week
month year years new long recent several many both other further plans plan visit visits budget
budgets policy policies analysts observers leaders press statement statements parliament vote
economy trade energy port ports coast border borders city cities capital province district public
private sector companies company industry industries market markets growth record figures data
study studies survey council committee agency agencies officer officers spokesperson interview
announced confirmed expected planned agreed discussed reviewed signed visited opened closed
described called noted added stressed warned welcomed rejected approved extended expanded reduced
increased early late first second third final annual weekly local national international
foreign domestic major minor broad narrow key main senior junior former current future past
together however meanwhile also still already again later soon often rarely usually`
  .split(/\s+/)
  .filter(Boolean);

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Arabic newspaper words (our own list) for the right-to-left page: no form of the glossary. */
const ARABIC_FILLER =
  `في من على إلى عن مع بين بعد قبل خلال حول عند أن إن التي الذي الذين هذا هذه ذلك تلك
كما وقد قد لم لن كان كانت يكون تكون قال قالت أكد أكدت أعلن أعلنت أشار أضاف أوضح ذكر نقل وزير الوزير
الحكومة حكومة الرئيس رئيس الدولة البلاد المدينة العاصمة المنطقة الشعب المواطنين اليوم أمس الأسبوع الشهر
العام السنة الماضي المقبل الجديد الجديدة الأول الثاني الثالث الأخير اجتماع الاجتماع زيارة الزيارة
مؤتمر المؤتمر بيان البيان تقرير التقرير مصادر المصادر مسؤول المسؤولين الاقتصاد التجارة الطاقة الميناء
السوق الأسواق الشركات الشركة النمو الأرقام البيانات الدراسة المجلس اللجنة الوكالة المتحدث مقابلة وأضاف
وأكد وأشار ووفقا وفقا حيث بينما أيضا كذلك لكن غير بعض كل جميع عدة عدد نحو أكثر أقل كبير صغير`
    .split(/\s+/)
    .filter(Boolean);

function makeWriter(forms, seed, filler = FILLER) {
  const FILLER = filler;
  const rnd = prng(seed);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  // Terms: plain, or split over inline elements at a word boundary ("intelligence <em>sharing</em>").
  const term = () => {
    const f = pick(forms);
    const words = f.split(' ');
    const r = rnd();
    if (words.length > 1 && r < 0.25) {
      const cut = 1 + Math.floor(rnd() * (words.length - 1));
      const tag = pick(['em', 'strong', 'a href="#t"', 'span class="x"']);
      const close = tag.split(' ')[0];
      return {
        html: `${esc(words.slice(0, cut).join(' '))} <${tag}>${esc(words.slice(cut).join(' '))}</${close}>`,
        text: f,
      };
    }
    if (r < 0.35) return { html: `<a href="#t">${esc(f)}</a>`, text: f };
    return { html: esc(f), text: f };
  };
  const sentence = () => {
    const n = 8 + Math.floor(rnd() * 14);
    const html = [];
    let text = 0;
    for (let i = 0; i < n; i++) {
      if (rnd() < 0.07) {
        const t = term();
        html.push(t.html);
        text += t.text.length + 1;
      } else {
        let w = pick(FILLER);
        if (i === 0 && filler !== ARABIC_FILLER) w = w[0].toUpperCase() + w.slice(1);
        text += w.length + 1;
        if (rnd() < 0.04) w = `<b>${w}</b>`;
        html.push(w);
      }
    }
    return { html: `${html.join(' ')}.`, text };
  };
  const paragraph = (minChars) => {
    const html = [];
    let text = 0;
    while (text < minChars) {
      const s = sentence();
      html.push(s.html);
      text += s.text;
    }
    return { html: html.join(' '), text };
  };
  return { rnd, pick, term, sentence, paragraph };
}

const shell = (title, body, lang = 'en') =>
  `<!doctype html><html lang="${lang}"${lang === 'ar' ? ' dir="rtl"' : ''}><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem}
table{border-collapse:collapse}td{border:1px solid #ccc;padding:2px 6px}</style></head>
<body>${body}</body></html>`;

/** Forms in Arabic (Arabic script without the letters only Persian or Urdu write). */
export const arabicForms = (forms) =>
  forms.filter(
    (f) =>
      /[\u0600-\u06ff]/.test(f) &&
      !/[\u067e\u0686\u0698\u06af\u06cc\u06a9\u0679\u0688\u0691\u06ba\u06d2\u06c1\u06be]/.test(f),
  );

/**
 * A long article-like page with about `targetChars` characters of text; `lang: 'ar'` writes it
 * in Arabic, right to left, with the Arabic forms only.
 */
export function generateLargePage(forms, targetChars, seed = 1, { lang = 'en' } = {}) {
  const arabic = lang === 'ar';
  const w = makeWriter(arabic ? arabicForms(forms) : forms, seed, arabic ? ARABIC_FILLER : FILLER);
  const out = [];
  let chars = 0;
  let section = 0;
  while (chars < targetChars) {
    section++;
    out.push(`<h2>Section ${section}: ${w.sentence().html}</h2>`);
    const kind = w.rnd();
    if (kind < 0.1) {
      const items = [];
      for (let i = 0; i < 6; i++) {
        const s = w.sentence();
        items.push(`<li>${s.html}</li>`);
        chars += s.text;
      }
      out.push(`<ul>${items.join('')}</ul>`);
    } else if (kind < 0.15) {
      const rows = [];
      for (let i = 0; i < 4; i++) {
        const a = w.sentence();
        const b = w.sentence();
        rows.push(`<tr><td>${a.html}</td><td>${b.html}</td></tr>`);
        chars += a.text + b.text;
      }
      out.push(`<table><tbody>${rows.join('')}</tbody></table>`);
    } else if (kind < 0.2) {
      const s = w.paragraph(200);
      out.push(`<blockquote><p>${s.html}</p></blockquote>`);
      chars += s.text;
    }
    for (let i = 0; i < 4; i++) {
      const p = w.paragraph(250 + Math.floor(w.rnd() * 400));
      out.push(`<p>${p.html}</p>`);
      chars += p.text;
    }
  }
  return {
    html: shell(
      arabic ? 'مقال مولد' : 'Generated article',
      `<main><h1>${arabic ? 'مقال مولد' : 'Generated article'}</h1>${out.join('\n')}</main>`,
      lang,
    ),
    chars,
  };
}

/** Infinite-scroll page: a little initial content plus `batches` pre-built batches of paragraphs. */
export function generateAppendPage(forms, { batches, perBatch, seed = 2 }) {
  const w = makeWriter(forms, seed);
  const initial = [];
  for (let i = 0; i < 10; i++) initial.push(`<p>${w.paragraph(300).html}</p>`);
  const list = [];
  let chars = 0;
  for (let b = 0; b < batches; b++) {
    const ps = [];
    for (let i = 0; i < perBatch; i++) {
      const p = w.paragraph(150 + Math.floor(w.rnd() * 250));
      ps.push(`<p>${p.html}</p>`);
      chars += p.text;
    }
    list.push(ps.join(''));
  }
  // '<' is escaped so the JSON cannot close the script element.
  const json = JSON.stringify(list).replace(/</g, '\\u003c');
  const body = `<main><h1>Feed</h1>${initial.join('\n')}<div id="feed"></div></main>
<script id="batches" type="application/json">${json}</script>`;
  return { html: shell('Generated feed', body), chars };
}

/**
 * The 20 ad-sized iframes of `generateFramesPage`: [width, height, site, hidden, terms]. Sites:
 * 'page' (the page's own origin, so the page's process), 'ads' (one ad network's site: nine
 * frames sharing one process), 'lone' (a third site, one frame alone in its process). Most are
 * banners without glossary terms; two same-site ones carry one, as a sponsored teaser might.
 */
const FRAME_SLOTS = [
  [300, 250, 'page', false, false],
  [300, 250, 'ads', false, false],
  [300, 250, 'ads', false, false],
  [300, 250, 'page', false, true],
  [728, 90, 'page', false, false],
  [728, 90, 'ads', false, false],
  [728, 90, 'ads', false, false],
  [728, 90, 'page', false, true],
  [160, 600, 'page', false, false],
  [160, 600, 'ads', false, false],
  [160, 600, 'ads', false, false],
  [320, 50, 'page', false, false],
  [320, 50, 'page', false, false],
  [970, 250, 'lone', false, false],
  [1, 1, 'page', false, false],
  [1, 1, 'ads', false, false],
  [1, 1, 'ads', false, false],
  [1, 1, 'page', false, false],
  [300, 250, 'page', true, false],
  [300, 250, 'ads', true, false],
];

const AD_WORDS = `offer save today only new free trial now limited deal shop buy best price
learn more click here discover your next great holiday car phone plan home loan insurance
sale ends soon up to off selected items members exclusive subscribe get started sign up`
  .split(/\s+/)
  .filter(Boolean);

/**
 * A news page with 20 ad-sized iframes: ten from the page's origin, ten from two other sites
 * (`origins.ads`, `origins.lone`; under site isolation each site gets its own renderer process):
 * banners of a few words, four 1×1 pixels, two display:none frames. Returns the top page and the
 * frame documents by generated name.
 */
export function generateFramesPage(forms, { origins, seed = 3 }) {
  const w = makeWriter(forms, seed);
  const frames = new Map();
  const slots = FRAME_SLOTS.map(([width, height, site, hidden, terms], i) => {
    const name = `frame-${i + 1}.html`;
    const words = [];
    const n = width * height < 100 ? 0 : 6 + Math.floor(w.rnd() * 10);
    for (let k = 0; k < n; k++) words.push(w.pick(AD_WORDS));
    const text = words.join(' ');
    const teaser = terms ? ` ${w.sentence().html}` : '';
    frames.set(
      name,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ad ${i + 1}</title>
<style>html,body{margin:0;overflow:hidden}a{display:block;box-sizing:border-box;width:100vw;height:100vh;
padding:8px;font:bold 14px/1.3 sans-serif;color:#fff;background:#246;text-decoration:none}</style></head>
<body>${n ? `<a href="#ad">${esc(text)}${teaser}<br><small>Sponsored</small></a>` : ''}</body></html>`,
    );
    const src = site === 'page' ? `/gen/${name}` : `${origins[site]}/gen/${name}`;
    const style = hidden ? ' style="display:none"' : '';
    return `<iframe src="${src}" width="${width}" height="${height}"${style} title="advertisement" loading="eager" frameborder="0" scrolling="no"></iframe>`;
  });
  // Page text with a few terms, the frames spread through it as a news site places its ads.
  const body = [];
  for (let i = 0; i < slots.length; i++) {
    if (i % 4 === 0) body.push(`<p>${w.paragraph(240).html}</p>`);
    body.push(`<div class="ad">${slots[i]}</div>`);
  }
  const html = shell(
    'Page with 20 ad frames',
    `<main><h1>Article with advertising</h1>${body.join('\n')}</main>`,
  );
  return {
    html,
    frames,
    count: slots.length,
    slots: FRAME_SLOTS.map(([width, height, site, hidden, terms]) => ({
      width,
      height,
      site,
      hidden,
      terms,
    })),
  };
}
