/*
 * The <passage-search> element: a search box with results, facets and pages.
 * Licensed under the Apache License 2.0.
 */
import { fetchJson, serverBase } from './api.js';
import { el, stylesheet } from './dom.js';
import { FacetPanel } from './facets.js';
import { didYouMean, errorText, noMatches, statusText, warning } from './messages.js';
import { pageButton, renderPages } from './pages.js';
import { articleCard, hitCard, renderDownloads, tagFilter } from './results.js';
import { DIMENSIONS, emptyState, narrowed, paramsFromState, stateFromParams, timelineUnit } from './search-state.js';
import { searchView } from './search-view.js';
import { SuggestionList } from './suggestion-list.js';
import { renderTimeline } from './timeline.js';

const TYPING_PAUSE_MS = 200; // long enough to skip keystrokes, short enough to feel instant

class PassageSearch extends HTMLElement {
  static observedAttributes = ['query', 'server', 'year', 'person', 'organisation', 'topic', 'size', 'placeholder', 'group'];

  #root;
  #ui = null;
  #facets = null;
  #state = emptyState();
  #timer = 0;
  #inFlight = null;
  #onPopState = () => {
    this.#state = stateFromParams(new URLSearchParams(location.search));
    this.#ui.input.value = this.#state.q;
    this.#run();
  };

  constructor() {
    super();
    // Shadow DOM: the host page's CSS cannot reach in, and ours cannot leak out.
    this.#root = this.attachShadow({ mode: 'open' });
  }

  connectedCallback() {
    if (!this.#ui) this.#build();
    if (this.#syncsUrl()) {
      this.#state = stateFromParams(new URLSearchParams(location.search));
      window.addEventListener('popstate', this.#onPopState);
    } else {
      this.#state = { ...emptyState(), q: this.getAttribute('query') || '', group: this.#groupAttribute() };
    }
    this.#ui.input.value = this.#state.q;
    if (this.hasAttribute('autofocus')) this.#ui.input.focus();
    this.#run();
  }

  disconnectedCallback() {
    window.removeEventListener('popstate', this.#onPopState);
    if (this.#inFlight) this.#inFlight.abort();
    clearTimeout(this.#timer);
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#ui || before === after) return;
    if (name === 'placeholder') {
      this.#ui.input.placeholder = after || 'Search the archive';
      return;
    }
    if (name === 'query') {
      this.#state = { ...this.#state, q: after || '', page: 1 };
      this.#ui.input.value = this.#state.q;
    }
    if (name === 'group') {
      this.#state = { ...this.#state, group: this.#groupAttribute(), page: 1 };
    }
    this.#run();
  }

  /** Searches for `query` as if it had been typed and Enter pressed. */
  search(query) {
    this.#ui.input.value = query;
    this.#commit(true);
  }

  #syncsUrl() {
    return this.hasAttribute('sync-url');
  }

  /** Filters fixed by attributes: `topic="energy"`, several values separated by `|`. */
  #fixedFilters() {
    const fixed = {};
    for (const { name } of DIMENSIONS) {
      const values = (this.getAttribute(name) || '').split('|').map((v) => v.trim()).filter((v) => v);
      if (values.length) fixed[name] = values;
    }
    return fixed;
  }

  /** `group="article"` shows articles with their best paragraphs instead of paragraphs. */
  #groupAttribute() {
    return (this.getAttribute('group') || '').trim() === 'article' ? 'article' : '';
  }

  #size() {
    const size = Number.parseInt(this.getAttribute('size') || '10', 10);
    return Number.isFinite(size) ? Math.min(100, Math.max(1, size)) : 10;
  }

  #build() {
    const ui = searchView(this.getAttribute('placeholder') || 'Search the archive');
    const { input, form, sort, grouping, toggle, clearAll, dims, results, layout } = ui;
    const suggestions = new SuggestionList(input, () => serverBase(this), (s) => this.#applySuggestion(s));
    ui.box.append(suggestions.element);
    this.#root.replaceChildren(stylesheet(), el('div', { class: 'passage', part: 'container' }, form, layout));
    this.#ui = ui;
    this.#facets = new FacetPanel({ dims, clearAll, toggle }, {
      state: () => this.#state,
      change: (changes) => this.#change(changes),
      toggle: (name, value, on) => this.#toggleValue(name, value, on),
      run: () => this.#run(),
      server: () => serverBase(this),
    });

    input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#commit(false), TYPING_PAUSE_MS);
      suggestions.update();
    });
    input.addEventListener('keydown', (event) => {
      if (suggestions.key(event)) {
        event.preventDefault();
        return;
      }
      if (event.key === 'ArrowDown') {
        const first = this.#resultLinks()[0];
        if (first) {
          event.preventDefault();
          first.focus();
        }
      } else if (event.key === 'Escape' && input.value) {
        event.preventDefault();
        input.value = '';
        this.#commit(true);
      }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      suggestions.close();
      this.#commit(true);
    });
    sort.addEventListener('change', () => this.#change({ sort: sort.value, page: 1 }));
    grouping.addEventListener('change', () => this.#change({ group: grouping.checked ? 'article' : '', page: 1 }));
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      layout.classList.toggle('facets-open', open);
    });
    clearAll.addEventListener('click', () => {
      this.#change({ filters: emptyState().filters, from: '', to: '', page: 1 });
      input.focus();
    });
    results.addEventListener('keydown', (event) => this.#moveThroughResults(event));
  }

  /** The query box's text becomes the search; Enter records a history entry, typing does not. */
  #commit(push) {
    clearTimeout(this.#timer);
    const q = this.#ui.input.value.trim();
    if (q === this.#state.q && !push) return;
    this.#change({ q, page: 1 }, push);
  }

  #change(changes, push = true) {
    this.#state = { ...this.#state, ...changes };
    if (this.#syncsUrl()) {
      const query = paramsFromState(this.#state).toString();
      const url = `${location.pathname}${query ? `?${query}` : ''}`;
      if (url !== `${location.pathname}${location.search}`) {
        history[push ? 'pushState' : 'replaceState'](null, '', url);
      }
    }
    this.#run();
  }

  /** The search as API parameters: the state's, with the filters the attributes fix. */
  #searched(fixed) {
    const params = paramsFromState(this.#state);
    for (const [name, values] of Object.entries(fixed)) {
      params.delete(name);
      for (const value of values) params.append(name, value);
    }
    return params;
  }

  /** Runs the current search; an answer that arrives after a newer search started is dropped. */
  async #run() {
    if (this.#inFlight) this.#inFlight.abort();
    const controller = new AbortController();
    this.#inFlight = controller;
    const server = serverBase(this);
    const fixed = this.#fixedFilters();
    const params = this.#searched(fixed);
    params.set('size', String(this.#size()));
    params.set('facetSize', String(this.#facets.facetSize));
    if (timelineUnit(this.#state) === 'month') params.set('timeline', 'month');
    this.setAttribute('aria-busy', 'true');
    try {
      const answer = await fetchJson(`${server}/api/search?${params}`, controller.signal);
      if (controller.signal.aborted) return;
      this.#render(answer, server, fixed);
    } catch (error) {
      if (error.name === 'AbortError') return;
      this.#renderError(error, server);
    } finally {
      if (this.#inFlight === controller) {
        this.#inFlight = null;
        this.removeAttribute('aria-busy');
        this.dispatchEvent(new CustomEvent('passage-results', { bubbles: true, composed: true }));
      }
    }
  }

  #render(answer, server, fixed) {
    const { status, message, results, sort, grouping, facets } = this.#ui;
    this.#adoptFilters(answer.filters || {}, fixed);
    sort.value = answer.sort;
    const grouped = Array.isArray(answer.groups);
    grouping.checked = grouped;
    facets.querySelector('.facets-unit').hidden = !grouped;
    const shown = grouped ? answer.groups.length : answer.hits.length;
    const resultCount = grouped ? answer.totalArticles : answer.total;
    if (this.#syncsUrl()) {
      document.title = this.#state.q ? `${this.#state.q} — Passage` : 'Passage — search the archive';
    }
    status.textContent = statusText(answer, this.#state.q, grouped, shown, resultCount);
    this.#facets.render(answer.facets, fixed);
    renderTimeline(this.#ui.timeline, answer.timeline || [], this.#state, (changes) => this.#change(changes));
    const filterBy = tagFilter((name, value) => this.#toggleValue(name, value, true));
    results.replaceChildren(...(grouped
      ? answer.groups.map((group) => articleCard(group, server, this.#state, filterBy))
      : answer.hits.map((hit) => hitCard(hit, server, this.#state, filterBy))));
    renderPages(this.#ui.pages, answer.page, answer.size, resultCount, this.#goToPage);
    renderDownloads(this.#ui.downloads, answer, server, this.#searched(fixed));
    const notes = (answer.warnings || []).map((w) => warning(w, fixed, this.#useInstead));
    if (answer.suggestion) notes.unshift(didYouMean(answer.suggestion, this.#searchFor));
    if (answer.total === 0) {
      message.replaceChildren(...noMatches(this.#state.q, notes, narrowed(this.#state) ? this.#clearFiltersButton() : null));
      message.hidden = false;
    } else if (shown === 0) {
      message.replaceChildren(el('p', { class: 'empty' }, `Page ${answer.page} is past the last result.`),
        pageButton('Go to the first page', 1, this.#goToPage));
      message.hidden = false;
    } else if (notes.length) {
      message.replaceChildren(...notes);
      message.hidden = false;
    } else {
      message.hidden = true;
      message.replaceChildren();
    }
  }

  /**
   * The server searched each filter by the value the index holds (an alias or another case
   * becomes the canonical name): the state takes those values, so unticking the box removes it.
   */
  #adoptFilters(applied, fixed) {
    const filters = { ...this.#state.filters };
    let changed = false;
    for (const { name } of DIMENSIONS) {
      const mine = filters[name];
      const theirs = applied[name] || [];
      if (fixed[name] || !mine.length) continue;
      if (mine.length !== theirs.length || mine.some((v, i) => v !== theirs[i])) {
        filters[name] = theirs;
        changed = true;
      }
    }
    if (!changed) return;
    this.#state = { ...this.#state, filters };
    if (this.#syncsUrl()) {
      const query = paramsFromState(this.#state).toString();
      history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
    }
  }

  /** A page button's click: that page, the status line in view and the focus in the box. */
  #goToPage = (page) => {
    this.#change({ page });
    this.#ui.status.scrollIntoView({ block: 'nearest' });
    this.#ui.input.focus({ preventScroll: true });
  };

  /** "Did you mean": searches the archive's spelling. */
  #searchFor = (query) => {
    this.#ui.input.value = query;
    this.#change({ q: query, page: 1 });
  };

  /** A warning's offer: the filter's nearest value in place of the one the archive lacks. */
  #useInstead = (name, wrong, value) => {
    const current = this.#state.filters[name].filter((v) => v !== wrong);
    this.#change({ filters: { ...this.#state.filters, [name]: [...new Set([...current, value])] }, page: 1 });
  };

  #renderError(error, server) {
    const { message, results, pages, timeline, downloads, status } = this.#ui;
    results.replaceChildren();
    timeline.hidden = true;
    downloads.hidden = true;
    pages.hidden = true;
    status.textContent = '';
    message.replaceChildren(el('p', { class: 'error', role: 'alert' }, errorText(error, server)));
    message.hidden = false;
    if (error.unreachable) this.#facets.clear();
  }

  /**
   * A chosen name filters by its value, in place of the words typed to find it; a chosen phrase
   * (kind `query`) is searched as the box's words.
   */
  #applySuggestion(suggestion) {
    clearTimeout(this.#timer);
    if (suggestion.kind === 'query') {
      this.#ui.input.value = suggestion.value;
      this.#change({ q: suggestion.value, page: 1 });
      return;
    }
    this.#ui.input.value = '';
    const current = this.#state.filters[suggestion.kind] || [];
    const values = [...new Set([...current, suggestion.value])];
    this.#change({ q: '', filters: { ...this.#state.filters, [suggestion.kind]: values }, page: 1 });
  }

  #toggleValue(name, value, on) {
    const current = this.#state.filters[name];
    const next = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
    this.#change({ filters: { ...this.#state.filters, [name]: next }, page: 1 });
  }

  #clearFiltersButton() {
    const button = el('button', { type: 'button', class: 'link' }, 'Remove all filters');
    button.addEventListener('click', () => this.#change({ filters: emptyState().filters, from: '', to: '', page: 1 }));
    return button;
  }

  #resultLinks() {
    return [...this.#ui.results.querySelectorAll('a.result-link')];
  }

  /** Arrow keys move between results; ArrowUp from the first goes back to the query box. */
  #moveThroughResults(event) {
    const links = this.#resultLinks();
    const at = links.indexOf(this.#root.activeElement);
    if (at < 0) return;
    let next = null;
    if (event.key === 'ArrowDown') next = links[Math.min(at + 1, links.length - 1)];
    else if (event.key === 'ArrowUp') next = at === 0 ? this.#ui.input : links[at - 1];
    else if (event.key === 'Home') next = links[0];
    else if (event.key === 'End') next = links[links.length - 1];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }
}

// A second copy, loaded from another address of the server, finds the element defined already.
if (!customElements.get('passage-search')) customElements.define('passage-search', PassageSearch);
