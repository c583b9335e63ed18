/*
 * The results of <passage-search>: paragraph and article cards, their tags, the download links.
 * Licensed under the Apache License 2.0.
 */
import { RESULT_WINDOW, articleUrl } from './api.js';
import { el, markedText, plural } from './dom.js';
import { DIMENSIONS } from './search-state.js';

/**
 * A paragraph's tags as a list of labelled chips; `filterBy(name, value, label)` makes the element
 * that applies a tag's filter (a button in the search, a link from the article page).
 */
export function tagList(item, filterBy) {
  const chips = [];
  for (const { name, label } of DIMENSIONS) {
    for (const value of item[name] || []) {
      chips.push(
        el('li', { class: `tag tag-${name}` }, el('span', { class: 'tag-dim' }, label), ' ', filterBy(name, value, label)),
      );
    }
  }
  return chips.length ? el('ul', { class: 'tags', 'aria-label': 'Tags' }, chips) : null;
}

/** A tag on a result is a button that adds its value to the search's filters: `add(name, value)`. */
export function tagFilter(add) {
  return (name, value, label) => {
    const button = el('button', { type: 'button', class: 'link tag-value', 'aria-label': `Filter by ${label.toLowerCase()} ${value}` }, value);
    button.addEventListener('click', () => add(name, value));
    return button;
  };
}

/** A result: its article's title, linking to the article at `paragraph`, facts, then `body`. */
function resultCard(server, state, className, hit, facts, ...body) {
  return el(
    'li',
    { class: className },
    el('h3', { class: 'card-title' },
      el('a', { href: articleUrl(server, hit.articleId, hit.paragraph, state), class: 'result-link' },
        hit.title || hit.articleId)),
    el('p', { class: 'card-meta' }, facts.filter((f) => f).join(' · ')),
    ...body,
  );
}

/** A paragraph found by `state`, its tags made by `filterBy` (see tagList). */
export function hitCard(hit, server, state, filterBy) {
  return resultCard(server, state, 'card', hit, [hit.date, hit.section, `¶ ${hit.paragraph}`],
    el('p', { class: 'snippet' }, markedText(hit.snippet)),
    tagList(hit, filterBy));
}

/** An article of a grouped search: its title, how many paragraphs match, and the best ones. */
export function articleCard(group, server, state, filterBy) {
  return resultCard(server, state, 'card article-card', group.hits[0],
    [group.date, plural(group.total, 'matching paragraph', 'matching paragraphs')],
    el('ol', { class: 'best-paragraphs', 'aria-label': 'Best matching paragraphs' },
      group.hits.map((hit) => el('li', { class: 'best-paragraph' },
        el('p', { class: 'snippet' },
          el('a', { href: articleUrl(server, hit.articleId, hit.paragraph, state), class: 'para-link' },
            `¶ ${hit.paragraph}`),
          hit.section ? ` ${hit.section} · ` : ' ',
          markedText(hit.snippet)),
        tagList(hit, filterBy)))),
  );
}

/**
 * Links that download the search's paragraphs (up to the API's 10,000) with their tags, into
 * `downloads`; `params` are the search's API parameters.
 */
export function renderDownloads(downloads, answer, server, params) {
  downloads.hidden = answer.total === 0;
  params.delete('page');
  params.delete('group');
  const link = (format, label) => {
    params.set('format', format);
    return el('a', { href: `${server}/api/search?${params}`, download: `passage-search.${format}`, class: `download-${format}` }, label);
  };
  const count = Math.min(answer.total, RESULT_WINDOW);
  downloads.replaceChildren(`Download ${answer.total > RESULT_WINDOW ? 'the first ' : ''}${plural(count, 'paragraph', 'paragraphs')} with their tags: `,
    link('csv', 'CSV'), ' · ', link('jsonl', 'JSON lines'));
}
