// Layout checks for the e2e tests: an element is inside the viewport with room at its edges, its
// text is not cut, it overlaps none of its neighbours, and a date stays on one line.
import type { Frame, Page } from 'playwright-core';

export interface BoxProblem {
  selector: string;
  problem: string;
}

/**
 * Problems of every element matching `selector`: outside the viewport, its text closer than
 * `margin` px to the viewport's sides, text cut (scrollWidth beyond the box), overlapping a sibling element.
 */
export function boxProblems(page: Page | Frame, selector: string, margin = 0): Promise<BoxProblem[]> {
  return page.evaluate(
    ({ selector, margin }) => {
      const out: Array<{ selector: string; problem: string }> = [];
      const els = [...document.querySelectorAll<HTMLElement>(selector)];
      if (els.length === 0) out.push({ selector, problem: 'not found' });
      for (const e of els) {
        const r = e.getBoundingClientRect();
        const text = (e.textContent ?? '').trim().slice(0, 40);
        const say = (problem: string) => out.push({ selector: `${selector} "${text}"`, problem });
        if (r.left < -0.5 || r.right > innerWidth + 0.5) say(`outside the viewport's width: ${Math.round(r.left)}–${Math.round(r.right)} of ${innerWidth}`);
        if (r.top < 0 || r.bottom > innerHeight) say(`outside the viewport's height: ${Math.round(r.top)}–${Math.round(r.bottom)} of ${innerHeight}`);
        if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible') say(`text cut: ${e.scrollWidth} > ${e.clientWidth}`);
        // The text's own extent (a range), which a padded box may hide: inside the viewport too.
        const range = document.createRange();
        range.selectNodeContents(e);
        const t = range.getBoundingClientRect();
        if (t.width > 0 && (t.left < margin - 0.5 || t.right > innerWidth - margin + 0.5)) say(`text outside ${margin}px of the sides: ${Math.round(t.left)}–${Math.round(t.right)}`);
        for (const s of [e.previousElementSibling, e.nextElementSibling]) {
          if (!s) continue;
          const q = s.getBoundingClientRect();
          if (q.width === 0 || q.height === 0) continue;
          const x = Math.min(r.right, q.right) - Math.max(r.left, q.left);
          const y = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
          if (x > 1 && y > 1) say(`overlaps its neighbour <${s.tagName.toLowerCase()}> by ${Math.round(x)}×${Math.round(y)}`);
        }
      }
      return out;
    },
    { selector, margin },
  );
}

/** Dates (`.date`) that wrap over lines or still show as ISO text. */
export function badDates(page: Page | Frame): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.date')]
      .filter((d) => d.getClientRects().length > 0)
      .flatMap((d) => {
        const text = d.textContent ?? '';
        const lineHeight = parseFloat(getComputedStyle(d).lineHeight) || 24;
        const bad: string[] = [];
        if (d.getBoundingClientRect().height > lineHeight * 1.5) bad.push(`"${text}" wraps`);
        if (/\d{4}-\d{2}/.test(text)) bad.push(`"${text}" is ISO`);
        return bad;
      }),
  );
}

/** The smallest computed font size (px) of the visible text in the page. */
export function smallestText(page: Page | Frame): Promise<{ size: number; text: string }> {
  return page.evaluate(() => {
    let best = { size: Infinity, text: '' };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !(n.textContent ?? '').trim() || el.closest('.visually-hidden, svg, option')) continue;
      if (el.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < best.size) best = { size, text: (n.textContent ?? '').trim().slice(0, 40) };
    }
    return best;
  });
}

/**
 * Problems of the text of an SVG figure as drawn: a label smaller than `min` px on screen (its
 * font size times the SVG's scale), two labels overlapping, a label outside the figure.
 */
export function svgTextProblems(page: Page | Frame, svgSelector: string, min = 13): Promise<string[]> {
  return page.evaluate(
    ({ svgSelector, min }) => {
      const svg = document.querySelector<SVGSVGElement>(svgSelector);
      if (!svg) return [`${svgSelector}: not found`];
      const box = svg.getBoundingClientRect();
      const scale = box.width / svg.viewBox.baseVal.width;
      const texts = [...svg.querySelectorAll('text')].filter((t) => (t.textContent ?? '').trim());
      const rects = texts.map((t) => t.getBoundingClientRect());
      const out: string[] = [];
      texts.forEach((t, i) => {
        const size = parseFloat(getComputedStyle(t).fontSize) * scale;
        const r = rects[i]!;
        if (size < min - 0.01) out.push(`"${t.textContent}" drawn at ${size.toFixed(1)} px`);
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) out.push(`"${t.textContent}" outside the figure`);
        for (let j = i + 1; j < texts.length; j++) {
          const q = rects[j]!;
          const x = Math.min(r.right, q.right) - Math.max(r.left, q.left);
          const y = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
          if (x > 1 && y > 1) out.push(`"${t.textContent}" overlaps "${texts[j]!.textContent}"`);
        }
      });
      return out;
    },
    { svgSelector, min },
  );
}

/**
 * What a reader would see broken anywhere in a view: text lines of two different elements drawn
 * over each other, text cut by a box that hides its overflow, text or a control outside the
 * viewport's width, and a page wider than its window. Every visible element with text of its own
 * is looked at (its text's line boxes, not its padding); each problem names the element and its text.
 */
export function layoutProblems(page: Page | Frame): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const label = (e: Element) => `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}> "${(e.textContent ?? '').trim().slice(0, 30)}"`;
    const hidden = (e: Element) => {
      if (e.closest('.visually-hidden, svg, option, script, style, template')) return true;
      // Also what a closed <details> holds: Chromium lays it out when asked for its boxes, over what is shown.
      return !e.checkVisibility({ opacityProperty: true, visibilityProperty: true }) || e.getClientRects().length === 0;
    };
    /** An ancestor that scrolls horizontally: text beyond the viewport there is reached by scrolling it. */
    const scrolled = (e: Element) => {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if ((o === 'auto' || o === 'scroll') && p.scrollWidth > p.clientWidth) return true;
      }
      return false;
    };
    const lines: Array<{ el: Element; rects: DOMRect[] }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !(n.textContent ?? '').trim() || hidden(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      // The middle half of each line's height: a font's ascent and descent may reach into the
      // next line's box by design (Arabic's tall marks); the body of the letters may not.
      const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5).map((r) => new DOMRect(r.left, r.top + r.height / 4, r.width, r.height / 2));
      const last = lines[lines.length - 1];
      if (last?.el === el) last.rects.push(...rects);
      else lines.push({ el, rects });
    }
    const controls = [...document.querySelectorAll('button, input:not([type="hidden"]), select, textarea, a[href]')].filter((e) => !hidden(e));
    for (const e of [...new Set([...lines.map((l) => l.el), ...controls])]) {
      const r = e.getBoundingClientRect();
      if ((r.left < -0.5 || r.right > innerWidth + 0.5) && !scrolled(e)) out.push(`${label(e)} outside the window's width: ${Math.round(r.left)}–${Math.round(r.right)} of ${innerWidth}`);
      const s = getComputedStyle(e);
      const clips = (o: string) => o === 'hidden' || o === 'clip';
      if (!/^(INPUT|SELECT|TEXTAREA)$/.test(e.tagName)) {
        if (clips(s.overflowX) && e.scrollWidth > e.clientWidth + 1) out.push(`${label(e)} cut across: ${e.scrollWidth} > ${e.clientWidth}`);
        if (clips(s.overflowY) && e.scrollHeight > e.clientHeight + 1) out.push(`${label(e)} cut down: ${e.scrollHeight} > ${e.clientHeight}`);
      }
    }
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i]!;
        const b = lines[j]!;
        if (a.el === b.el) continue;
        const hit = a.rects.some((p) => b.rects.some((q) => Math.min(p.right, q.right) - Math.max(p.left, q.left) > 2 && Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 2));
        if (hit) out.push(`${label(a.el)} drawn over ${label(b.el)}`);
      }
    }
    if (document.documentElement.scrollWidth > innerWidth + 1) out.push(`the page is wider than its window: ${document.documentElement.scrollWidth} > ${innerWidth}`);
    return out;
  });
}
