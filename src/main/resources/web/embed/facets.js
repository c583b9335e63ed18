/*
 * The facet panel of <passage-search>: a group of values to tick for each dimension.
 * Licensed under the Apache License 2.0.
 */
import { fetchJson } from './api.js';
import { NUMBER, el, plural } from './dom.js';
import { DIMENSIONS, narrowed, paramsFromState } from './search-state.js';
import { SUGGEST_PAUSE_MS } from './suggestion-list.js';

const FACET_SHOWN = 8; // values a dimension shows before "show more"
const FACET_ALL = 100; // the API's largest facetSize

/**
 * Renders the facets of an answer into `dims`, with the Clear-all button and the Filters toggle's
 * count, and remembers which dimensions show their whole list. It reads the search through
 * `search.state()` and changes it through `search.change(changes)` and
 * `search.toggle(name, value, on)`; `search.run()` searches again as the state is, and
 * `search.server()` is the server's base URL.
 */
export class FacetPanel {
  #dims;
  #clearAll;
  #toggle;
  #search;
  #expanded = new Set();
  #finds = new Map(); // what is typed over each dimension's whole list

  constructor({ dims, clearAll, toggle }, search) {
    this.#dims = dims;
    this.#clearAll = clearAll;
    this.#toggle = toggle;
    this.#search = search;
  }

  /** The API's facetSize: the whole lists when one shows all its values, a page's worth else. */
  get facetSize() {
    return this.#expanded.size ? FACET_ALL : FACET_SHOWN + 1;
  }

  render(facets, fixed) {
    const dims = this.#dims;
    const state = this.#search.state();
    // Re-rendering replaces the checkboxes; keep keyboard focus on the one that was focused.
    const focused = dims.getRootNode().activeElement;
    const focusKey = focused && focused.dataset && focused.dataset.key;
    const groups = [];
    for (const { name, label } of DIMENSIONS) {
      if (fixed[name]) continue; // a fixed filter is not the reader's to change
      const values = facets[name] || [];
      const chosen = state.filters[name];
      if (!values.length && !chosen.length) continue;
      groups.push(this.#group(name, label, values, chosen));
    }
    dims.replaceChildren(...groups);
    if (!groups.length) dims.append(el('p', { class: 'muted' }, 'No tags to filter by.'));
    this.#clearAll.hidden = !narrowed(state);
    const count = DIMENSIONS.reduce((n, d) => n + state.filters[d.name].length, 0);
    this.#toggle.textContent = count ? `Filters (${count})` : 'Filters';
    if (focusKey) {
      const again = [...dims.querySelectorAll('[data-key]')].find((e) => e.dataset.key === focusKey);
      if (again) again.focus();
    }
  }

  /** Shows no dimensions, as when the server cannot be reached. */
  clear() {
    this.#dims.replaceChildren();
    this.#clearAll.hidden = true;
  }

  #group(name, label, values, chosen) {
    const expanded = this.#expanded.has(name);
    const shown = expanded ? values : values.slice(0, FACET_SHOWN);
    const list = el('ul', { class: 'facet-values' });
    list.append(...shown.map((v, i) => this.#item(name, v, chosen, i)));
    // The Clear button shares the legend's line, so it sits beside the name and never over a
    // count; the group is still named by the label alone.
    const labelId = `dim-${name}-label`;
    const heading = el('legend', null, el('span', { id: labelId }, label));
    const group = el('fieldset', { class: `dimension dim-${name}`, 'data-dimension': name, 'aria-labelledby': labelId }, heading);
    if (chosen.length) {
      const clear = el('button', { type: 'button', class: 'clear link', 'data-key': `${name}:clear`, 'aria-label': `Clear ${label.toLowerCase()} filter` }, 'Clear');
      clear.addEventListener('click', () => {
        this.#search.change({ filters: { ...this.#search.state().filters, [name]: [] }, page: 1 });
      });
      heading.append(clear);
    }
    if (expanded) group.append(this.#finder(name, label, list, chosen));
    group.append(list);
    if (values.length > FACET_SHOWN || expanded) {
      const more = el('button', { type: 'button', class: 'more link', 'aria-expanded': String(expanded), 'data-key': `${name}:more` },
        expanded ? 'Show fewer' : 'Show more');
      more.addEventListener('click', () => {
        if (expanded) {
          this.#expanded.delete(name);
          this.#finds.delete(name);
        } else {
          this.#expanded.add(name);
        }
        this.#search.run();
      });
      group.append(more);
    }
    return group;
  }

  #item(name, v, chosen, i) {
    const id = `f-${name}-${i}`;
    const box = el('input', { type: 'checkbox', id, checked: v.selected || chosen.includes(v.value), 'data-key': `${name}:${v.value}` });
    box.addEventListener('change', () => this.#search.toggle(name, v.value, box.checked));
    return el('li', null,
      box,
      el('label', { for: id }, el('span', { class: 'facet-value' }, v.value),
        el('span', { class: 'count', 'aria-label': `${plural(v.count, 'paragraph', 'paragraphs')}` }, NUMBER.format(v.count))));
  }

  /**
   * The box over a dimension's whole list ("Show more"): what is typed there narrows the list to
   * the values with a word starting so, all of the search's values, not only those shown.
   */
  #finder(name, label, list, chosen) {
    const find = el('input', {
      type: 'search',
      class: 'facet-find',
      'data-key': `${name}:find`,
      placeholder: `Find a${/^[aeiou]/i.test(label) ? 'n' : ''} ${label.toLowerCase()}`,
      'aria-label': `Find a value of ${label.toLowerCase()}`,
      value: this.#finds.get(name) || '',
    });
    let timer = 0;
    let inFlight = null;
    const fill = async () => {
      const prefix = find.value.trim();
      this.#finds.set(name, prefix);
      if (inFlight) inFlight.abort();
      if (!prefix) {
        this.#search.run();
        return;
      }
      inFlight = new AbortController();
      const params = paramsFromState({ ...this.#search.state(), page: 1 });
      for (const unused of ['page', 'sort', 'group', 'timeline', 'facetSize', 'format']) params.delete(unused);
      params.set('prefix', prefix);
      params.set('size', String(FACET_ALL));
      try {
        const answer = await fetchJson(`${this.#search.server()}/api/facets/${name}?${params}`, inFlight.signal);
        list.replaceChildren(...answer.values.map((v, i) => this.#item(name, v, chosen, i)));
        if (!answer.values.length) list.append(el('li', { class: 'muted' }, `No ${label.toLowerCase()} starts with “${prefix}”.`));
      } catch (e) {
        // The list as it was stays; the search itself goes on working.
      }
    };
    find.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(fill, SUGGEST_PAUSE_MS);
    });
    if (find.value) queueMicrotask(fill);
    return find;
  }
}
