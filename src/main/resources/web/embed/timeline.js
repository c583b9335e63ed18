/*
 * The timeline of <passage-search>: matching paragraphs by publication date, as a bar chart.
 * Licensed under the Apache License 2.0.
 */
import { el, plural } from './dom.js';

/**
 * The periods of a timeline with the empty ones between them, so bars stand at their place in
 * time: every year between the first and last (up to a century), or every month of the year.
 * A month timeline lists articles dated only to the year first, under the year.
 */
export function periodsWithGaps(timeline) {
  const counts = new Map(timeline.map((p) => [p.period, p.count]));
  const months = timeline.some((p) => p.period.length === 7);
  const dated = timeline.filter((p) => p.period.length === (months ? 7 : 4));
  if (dated.length < 2) return timeline;
  const first = dated[0].period;
  const last = dated[dated.length - 1].period;
  const periods = [];
  if (!months) {
    if (Number(last) - Number(first) > 100) return timeline;
    for (let y = Number(first); y <= Number(last); y++) periods.push(String(y));
  } else {
    let [y, m] = first.split('-').map(Number);
    const [ly, lm] = last.split('-').map(Number);
    if ((ly - y) * 12 + lm - m > 120) return timeline;
    for (; y < ly || (y === ly && m <= lm); m === 12 ? (y++, m = 1) : m++) {
      periods.push(`${y}-${String(m).padStart(2, '0')}`);
    }
    periods.unshift(...timeline.filter((p) => p.period.length === 4).map((p) => p.period));
  }
  return periods.map((period) => ({ period, count: counts.get(period) || 0 }));
}

/**
 * The matching paragraphs by their articles' year (or month, within one year) as a bar chart, in
 * `box`; a bar is a button that keeps the search to its period, and the dates chosen (`from`,
 * `to`) can be cleared. Both call `change(changes)` with the search's new dates.
 */
export function renderTimeline(box, timeline, { from, to }, change) {
  const chosen = from || to;
  if (!timeline.length && !chosen) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const periods = periodsWithGaps(timeline);
  const most = Math.max(1, ...periods.map((p) => p.count));
  const bars = el('ol', { class: 'timeline-bars', 'aria-label': 'Matching paragraphs by publication date' });
  const labelled = periods.length <= 12 ? 1 : Math.ceil(periods.length / 6);
  periods.forEach((p, i) => {
    const name = `${p.period}: ${plural(p.count, 'paragraph', 'paragraphs')}`;
    const bar = el('button', {
      type: 'button', class: 'timeline-bar', 'data-period': p.period, title: name, 'aria-label': name,
      disabled: p.count === 0 || (from === p.period && to === p.period),
    }, el('span', { class: 'timeline-fill' }));
    // Set through the CSSOM: a style attribute is what a Content-Security-Policy refuses.
    bar.firstChild.style.height = `${p.count ? Math.max(4, Math.round((p.count / most) * 100)) : 0}%`;
    bar.addEventListener('click', () => change({ from: p.period, to: p.period, page: 1 }));
    const label = i % labelled === 0 || i === periods.length - 1 ? p.period : '';
    bars.append(el('li', null, bar, el('span', { class: 'timeline-label', 'aria-hidden': 'true' }, label)));
  });
  const range = from && to ? (from === to ? `in ${from}` : `from ${from} to ${to}`) : from ? `from ${from}` : to ? `up to ${to}` : '';
  const head = el('p', { class: 'timeline-head' },
    range ? `Published ${range}` : 'Published',
    chosen ? [' ', clearDatesButton(change)] : null);
  box.replaceChildren(head, timeline.length ? bars : el('p', { class: 'muted' }, 'No dated paragraphs match.'));
  box.hidden = false;
}

function clearDatesButton(change) {
  const button = el('button', { type: 'button', class: 'link clear-dates' }, 'Clear dates');
  button.addEventListener('click', () => change({ from: '', to: '', page: 1 }));
  return button;
}
