/*
 * The page buttons of <passage-search>.
 * Licensed under the Apache License 2.0.
 */
import { RESULT_WINDOW } from './api.js';
import { el } from './dom.js';

/** A button that calls `goTo(page)`. */
export function pageButton(label, page, goTo, attributes = {}) {
  const button = el('button', { type: 'button', 'data-page': page, ...attributes }, label);
  button.addEventListener('click', () => goTo(page));
  return button;
}

/** Buttons for the pages of `results` (paragraphs, or articles when grouped), `size` a page. */
export function renderPages(pages, current, size, results, goTo) {
  const last = Math.max(1, Math.min(Math.ceil(results / size), Math.floor(RESULT_WINDOW / size)));
  if (last <= 1 || current > last) {
    pages.hidden = true;
    pages.replaceChildren();
    return;
  }
  const numbers = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, last])]
    .filter((p) => p >= 1 && p <= last)
    .sort((a, b) => a - b);
  const items = [];
  items.push(current > 1 ? pageButton('‹ Previous', current - 1, goTo, { rel: 'prev' }) : null);
  numbers.forEach((p, i) => {
    if (i > 0 && p - numbers[i - 1] > 1) items.push(el('span', { class: 'gap', 'aria-hidden': 'true' }, '…'));
    items.push(p === current
      ? el('span', { class: 'current', 'aria-current': 'page' }, String(p))
      : pageButton(String(p), p, goTo, { 'aria-label': `Page ${p}` }));
  });
  items.push(current < last ? pageButton('Next ›', current + 1, goTo, { rel: 'next' }) : null);
  pages.replaceChildren(...items.filter((i) => i));
  pages.hidden = false;
}
