/*
 * What <passage-search> says of an answer: the status line, the notes over the results, errors.
 * Licensed under the Apache License 2.0.
 */
import { NUMBER, el, plural } from './dom.js';
import { DIMENSIONS } from './search-state.js';

/** How many paragraphs (and articles) match `q`, which of them are shown, and how long it took. */
export function statusText(answer, q, grouped, shown, resultCount) {
  const first = (answer.page - 1) * answer.size + 1;
  const last = first + shown - 1;
  const took = `${answer.tookMs < 10 ? answer.tookMs.toFixed(1) : Math.round(answer.tookMs)} ms`;
  const what = q ? ` match “${q}”` : '';
  const counted = plural(answer.total, 'paragraph', 'paragraphs')
    + (grouped ? ` in ${plural(answer.totalArticles, 'article', 'articles')}` : '');
  return answer.total === 0
    ? `No paragraphs${what} · ${took}`
    : `${counted}${what}`
      + (resultCount > shown && shown ? ` · showing ${NUMBER.format(first)}–${NUMBER.format(last)}` : '')
      + ` · ${took}`
      + (answer.partial ? ' · stopped at the time limit: try a more specific query to see every match' : '');
}

/**
 * Nothing matches `q`: what to try next, the answer's notes, and `clear` (a button that removes
 * the filters) when filters narrow the search, null otherwise.
 */
export function noMatches(q, notes, clear) {
  const advice = clear ? 'try fewer words or remove a filter.' : 'try fewer or other words.';
  return [
    el('p', { class: 'empty' }, q ? `No paragraphs match “${q}”` : 'No paragraphs match these filters', ` — ${advice}`),
    ...notes,
    ...(clear ? [clear] : []),
  ];
}

/** "Did you mean": the query spelt as the archive spells it, one click away: `search(query)`. */
export function didYouMean(suggestion, search) {
  const link = el('button', { type: 'button', class: 'link did-you-mean' }, suggestion);
  link.addEventListener('click', () => search(suggestion));
  return el('p', { class: 'suggestion' }, 'Did you mean ', link, '?');
}

/**
 * A warning of the answer; a filter value the archive lacks offers its nearest values, and
 * choosing one calls `useInstead(name, value, nearest)`.
 */
export function warning(w, fixed, useInstead) {
  const offers = [];
  const dimension = DIMENSIONS.find((d) => d.name === w.parameter);
  if (dimension && !fixed[w.parameter]) {
    for (const value of w.nearest) {
      const button = el('button', { type: 'button', class: 'link nearest' }, value);
      button.addEventListener('click', () => useInstead(w.parameter, w.value, value));
      offers.push(button);
    }
  }
  return el('p', { class: 'warning' }, `${w.message}.`,
    offers.length ? [' Use instead: ', ...offers.flatMap((b, i) => (i ? [', ', b] : [b]))] : null);
}

/** What went wrong with a search, for the reader: unreachable, refused, or failed. */
export function errorText(error, server) {
  if (error.unreachable) {
    return [`Cannot reach Passage at ${server}. `,
      'Check that the server is running and that it allows this site (serve --cors-origins).'];
  }
  if (error.status && error.status < 500) {
    return ['This search cannot run: ', el('span', { class: 'api-error' }, error.message),
      '. Change the query and try again.'];
  }
  return [`The search failed (${error.message}). Try again in a moment.`];
}
