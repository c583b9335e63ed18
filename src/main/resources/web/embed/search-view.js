/*
 * The parts of <passage-search>, made once: the search form, the toolbar, the facet panel, and
 * the places results, pages and downloads go.
 * Licensed under the Apache License 2.0.
 */
import { el } from './dom.js';
import { SORTS } from './search-state.js';

/**
 * The box's elements, by name, with `layout` (all below the form) and `box` (where the query box's
 * suggestions go, after it); nothing is wired to the search yet.
 */
export function searchView(placeholder) {
  const input = el('input', {
    id: 'q',
    type: 'search',
    name: 'q',
    autocomplete: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
    placeholder,
    'aria-describedby': 'status',
  });
  const box = el('div', { class: 'box' }, input);
  const form = el(
    'form',
    { class: 'bar', role: 'search' },
    el('label', { for: 'q', class: 'visually-hidden' }, 'Search paragraphs'),
    box,
    el('button', { type: 'submit', class: 'go' }, 'Search'),
  );
  const sort = el(
    'select',
    { id: 'sort', class: 'sort' },
    SORTS.map((s) => el('option', { value: s.name }, s.label)),
  );
  const status = el('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' });
  const grouping = el('input', { type: 'checkbox', id: 'group', class: 'group-toggle' });
  const toggle = el(
    'button',
    { type: 'button', class: 'filters-toggle', 'aria-expanded': 'false', 'aria-controls': 'facets' },
    'Filters',
  );
  const clearAll = el('button', { type: 'button', class: 'clear-all link', hidden: true }, 'Clear all filters');
  const facets = el(
    'div',
    { id: 'facets', class: 'facets', role: 'group', 'aria-label': 'Filters' },
    el('div', { class: 'facets-head' }, el('h2', null, 'Filter'), clearAll),
    el('p', { class: 'muted facets-unit', hidden: true }, 'Counts are paragraphs, not articles.'),
    el('div', { class: 'dimensions' }),
  );
  const timeline = el('div', { class: 'timeline', hidden: true });
  const message = el('div', { class: 'message', hidden: true });
  const results = el('ol', { class: 'results', 'aria-label': 'Results' });
  const pages = el('nav', { class: 'pages', 'aria-label': 'Result pages', hidden: true });
  const downloads = el('p', { class: 'downloads muted', hidden: true });
  const layout = el(
    'div',
    { class: 'layout' },
    facets,
    el('section', { class: 'main', 'aria-label': 'Results' },
      el('div', { class: 'toolbar' }, status, toggle,
        el('label', { class: 'group-label', for: 'group' }, grouping, ' Group by article'),
        el('label', { class: 'sort-label', for: 'sort' }, 'Sort ', sort)),
      timeline, message, results, pages, downloads),
  );
  const dims = facets.querySelector('.dimensions');
  return { input, box, form, sort, grouping, status, toggle, clearAll, facets, dims, timeline, message, results, pages, downloads, layout };
}
