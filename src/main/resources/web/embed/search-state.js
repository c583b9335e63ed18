/*
 * A search as the Passage components hold it, and as URL parameters: the state in the URL.
 * Licensed under the Apache License 2.0.
 */

export const DIMENSIONS = [
  { name: 'year', label: 'Year' },
  { name: 'person', label: 'Person' },
  { name: 'organisation', label: 'Organisation' },
  { name: 'topic', label: 'Topic' },
];
export const SORTS = [
  { name: 'relevance', label: 'Best match' },
  { name: 'newest', label: 'Newest first' },
  { name: 'oldest', label: 'Oldest first' },
];

/** A search: the query, chosen facet values, publication dates, page, order and grouping. */
export function emptyState() {
  return { q: '', filters: Object.fromEntries(DIMENSIONS.map((d) => [d.name, []])), from: '', to: '', page: 1, sort: '', group: '' };
}

/** Reads a search from URL parameters, ignoring what it does not know. */
export function stateFromParams(params) {
  const state = emptyState();
  state.q = params.get('q') || '';
  for (const { name } of DIMENSIONS) {
    state.filters[name] = [...new Set(params.getAll(name).filter((v) => v))];
  }
  state.from = params.get('from') || '';
  state.to = params.get('to') || '';
  const page = Number.parseInt(params.get('page') || '1', 10);
  state.page = Number.isFinite(page) && page > 1 ? page : 1;
  const sort = params.get('sort') || '';
  state.sort = SORTS.some((s) => s.name === sort) ? sort : '';
  state.group = params.get('group') === 'article' ? 'article' : '';
  return state;
}

/** A search as URL parameters, defaults left out so links stay short. */
export function paramsFromState(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const { name } of DIMENSIONS) {
    for (const value of state.filters[name]) params.append(name, value);
  }
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.sort) params.set('sort', state.sort);
  if (state.group) params.set('group', state.group);
  return params;
}

/** True when the search keeps to any filter value or publication date. */
export function narrowed(state) {
  return DIMENSIONS.some((d) => state.filters[d.name].length) || Boolean(state.from || state.to);
}

/** Months are counted when both ends of the dates fall in one year, years otherwise. */
export function timelineUnit(state) {
  return state.from && state.to && state.from.slice(0, 4) === state.to.slice(0, 4) ? 'month' : 'year';
}
