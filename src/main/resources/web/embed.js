/*
 * Passage search components, served as is (no build step):
 *   <passage-search>  a search box with results, facets and pages;
 *   <passage-article> one whole article with the matching paragraph marked.
 * The search page, the article page and sites that embed Passage all use these two elements.
 * Licensed under the Apache License 2.0.
 */
(() => {
  'use strict';

  if (customElements.get('passage-search')) {
    return; // the script was included twice
  }

  // Where this script came from is where the Passage server is, unless `server` says otherwise.
  const HERE = new URL('.', document.currentScript ? document.currentScript.src : location.href);
  const STYLESHEET = new URL('passage.css', HERE).href;

  const DIMENSIONS = [
    { name: 'year', label: 'Year' },
    { name: 'person', label: 'Person' },
    { name: 'organisation', label: 'Organisation' },
    { name: 'topic', label: 'Topic' },
  ];
  const SORTS = [
    { name: 'relevance', label: 'Best match' },
    { name: 'newest', label: 'Newest first' },
    { name: 'oldest', label: 'Oldest first' },
  ];
  const TYPING_PAUSE_MS = 200; // long enough to skip keystrokes, short enough to feel instant
  const SUGGEST_PAUSE_MS = 80; // suggestions come sooner than results: they answer in a millisecond
  const SUGGESTIONS_SHOWN = 6;
  const FACET_SHOWN = 8; // values a dimension shows before "show more"
  const FACET_ALL = 100; // the API's largest facetSize
  const RESULT_WINDOW = 10000; // the API pages no deeper than this
  const NUMBER = new Intl.NumberFormat('en');

  // ---- Text that stays text ------------------------------------------------------------------
  // Nothing from an article, a title or a query is ever parsed as HTML: elements are made with
  // createElement and filled with text nodes. The snippet's <mark>s are the one exception, and
  // they are rebuilt from the API's escaped text rather than parsed.

  /** An element with attributes (null and false are left out) and children (strings become text). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      node.setAttribute(name, value === true ? '' : String(value));
    }
    node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
    return node;
  }

  const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

  /** Decodes the character references of the API's escaped snippets. */
  function unescapeHtml(text) {
    return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref) => {
      if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
      const hex = ref[1] === 'x' || ref[1] === 'X';
      const code = parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }

  /** The API's snippet or marked text as nodes: its <mark>s become <mark> elements, all else is text. */
  function markedText(snippet) {
    const nodes = [];
    let marked = false;
    for (const part of String(snippet || '').split(/(<\/?mark>)/)) {
      if (part === '<mark>') marked = true;
      else if (part === '</mark>') marked = false;
      else if (part) nodes.push(marked ? el('mark', null, unescapeHtml(part)) : unescapeHtml(part));
    }
    return nodes;
  }

  /** A paragraph's tags as a list of labelled chips. */
  /**
   * A paragraph's tags; `filterBy(name, value, label)` makes the element that applies a tag's
   * filter (a button in the search, a link from the article page).
   */
  function tagList(item, filterBy) {
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

  // ---- State and URLs ------------------------------------------------------------------------

  /** A search: the query, chosen facet values, publication dates, page, order and grouping. */
  function emptyState() {
    return { q: '', filters: Object.fromEntries(DIMENSIONS.map((d) => [d.name, []])), from: '', to: '', page: 1, sort: '', group: '' };
  }

  /** Reads a search from URL parameters, ignoring what it does not know. */
  function stateFromParams(params) {
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
  function paramsFromState(state) {
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

  /** The server's base URL with no trailing slash. */
  function serverBase(element) {
    const given = (element.getAttribute('server') || '').trim();
    return new URL(given || HERE.href, location.href).href.replace(/\/+$/, '');
  }

  /** The page of the Passage server that shows an article at a paragraph, remembering the search. */
  function articleUrl(server, articleId, paragraph, state) {
    const params = paramsFromState({ ...state, page: 1 });
    params.set('p', String(paragraph));
    return `${server}/articles/${encodeURIComponent(articleId)}?${params}`;
  }

  /** Fetches JSON; an error answer becomes an Error carrying the API's own message. */
  async function fetchJson(url, signal) {
    let response;
    try {
      response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      const error = new Error('unreachable');
      error.unreachable = true;
      throw error;
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const error = new Error(
        body && typeof body.error === 'string' ? body.error : `the server answered ${response.status}`,
      );
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function stylesheet() {
    return el('link', { rel: 'stylesheet', href: STYLESHEET });
  }

  function plural(count, one, many) {
    return `${NUMBER.format(count)} ${count === 1 ? one : many}`;
  }

  /** True when the search keeps to any filter value or publication date. */
  function narrowed(state) {
    return DIMENSIONS.some((d) => state.filters[d.name].length) || Boolean(state.from || state.to);
  }

  /** Months are counted when both ends of the dates fall in one year, years otherwise. */
  function timelineUnit(state) {
    return state.from && state.to && state.from.slice(0, 4) === state.to.slice(0, 4) ? 'month' : 'year';
  }

  /**
   * The periods of a timeline with the empty ones between them, so bars stand at their place in
   * time: every year between the first and last (up to a century), or every month of the year.
   * A month timeline lists articles dated only to the year first, under the year.
   */
  function periodsWithGaps(timeline) {
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

  // ---- <passage-search> ----------------------------------------------------------------------

  /**
   * The drop-down of suggestions under a search box, as an ARIA combobox: the box keeps the focus,
   * ArrowDown and ArrowUp move through the names, Enter or a click chooses one, Escape closes the
   * list. Choosing calls `choose(suggestion)`; the list knows nothing else of the search.
   */
  class SuggestionList {
    #input;
    #list;
    #server;
    #choose;
    #items = [];
    #active = -1;
    #timer = 0;
    #inFlight = null;

    constructor(input, server, choose) {
      this.#input = input;
      this.#server = server;
      this.#choose = choose;
      this.#list = el('ul', { id: 'suggestions', class: 'suggestions', role: 'listbox', 'aria-label': 'Suggestions', hidden: true });
      input.setAttribute('role', 'combobox');
      input.setAttribute('aria-autocomplete', 'list');
      input.setAttribute('aria-expanded', 'false');
      input.setAttribute('aria-controls', 'suggestions');
      input.addEventListener('blur', () => this.close());
    }

    get element() {
      return this.#list;
    }

    get open() {
      return !this.#list.hidden;
    }

    /** Asks for suggestions of the box's text, a moment after the last keystroke. */
    update() {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#fetch(), SUGGEST_PAUSE_MS);
    }

    /**
     * Handles a key pressed in the box; true when the list used it (the caller then does nothing
     * more with it).
     */
    key(event) {
      if (!this.open) return false;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        // The box itself is the stop before the first name and after the last (-1).
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const stops = this.#items.length + 1;
        this.#activate(((this.#active + 1 + step + stops) % stops) - 1);
        return true;
      }
      if (event.key === 'Enter' && this.#active >= 0) {
        this.#pick(this.#items[this.#active]);
        return true;
      }
      if (event.key === 'Escape') {
        this.close();
        return true;
      }
      return false;
    }

    close() {
      clearTimeout(this.#timer);
      if (this.#inFlight) this.#inFlight.abort();
      this.#items = [];
      this.#active = -1;
      this.#list.replaceChildren();
      this.#list.hidden = true;
      this.#input.setAttribute('aria-expanded', 'false');
      this.#input.removeAttribute('aria-activedescendant');
    }

    async #fetch() {
      const q = this.#input.value.trim();
      if (this.#inFlight) this.#inFlight.abort();
      if (!q) {
        this.close();
        return;
      }
      const controller = new AbortController();
      this.#inFlight = controller;
      let answer;
      try {
        const params = new URLSearchParams({ q, size: String(SUGGESTIONS_SHOWN) });
        answer = await fetchJson(`${this.#server()}/api/suggest?${params}`, controller.signal);
      } catch (e) {
        // Suggestions are a help, not the search: when they fail, the box works without them.
        if (this.#inFlight === controller) this.close();
        return;
      }
      if (this.#inFlight !== controller || document.activeElement !== this.#input.getRootNode().host) return;
      this.#show(answer.suggestions);
    }

    #show(suggestions) {
      this.#items = suggestions;
      this.#active = -1;
      this.#list.replaceChildren(
        ...suggestions.map((s, i) => {
          const option = el('li', { id: `suggestion-${i}`, role: 'option', 'aria-selected': 'false' },
            el('span', { class: 'suggestion-text' }, s.text),
            el('span', { class: 'suggestion-kind' }, s.kind === 'query' ? 'search' : s.kind));
          // mousedown, not click: the box would lose the focus, and close the list, first.
          option.addEventListener('mousedown', (event) => {
            event.preventDefault();
            this.#pick(s);
          });
          return option;
        }),
      );
      this.#list.hidden = suggestions.length === 0;
      this.#input.setAttribute('aria-expanded', String(suggestions.length > 0));
      this.#input.removeAttribute('aria-activedescendant');
    }

    #activate(index) {
      this.#active = index;
      [...this.#list.children].forEach((option, i) => option.setAttribute('aria-selected', String(i === this.#active)));
      if (this.#active >= 0) {
        this.#input.setAttribute('aria-activedescendant', `suggestion-${this.#active}`);
      } else {
        this.#input.removeAttribute('aria-activedescendant');
      }
    }

    #pick(suggestion) {
      this.close();
      this.#choose(suggestion);
    }
  }

  class PassageSearch extends HTMLElement {
    static observedAttributes = ['query', 'server', 'year', 'person', 'organisation', 'topic', 'size', 'placeholder', 'group'];

    #root;
    #ui = null;
    #state = emptyState();
    #expanded = new Set();
    #finds = new Map(); // what is typed over each dimension's whole list
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
      const input = el('input', {
        id: 'q',
        type: 'search',
        name: 'q',
        autocomplete: 'off',
        spellcheck: 'false',
        enterkeyhint: 'search',
        placeholder: this.getAttribute('placeholder') || 'Search the archive',
        'aria-describedby': 'status',
      });
      const suggestions = new SuggestionList(input, () => serverBase(this), (s) => this.#applySuggestion(s));
      const form = el(
        'form',
        { class: 'bar', role: 'search' },
        el('label', { for: 'q', class: 'visually-hidden' }, 'Search paragraphs'),
        el('div', { class: 'box' }, input, suggestions.element),
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
      this.#root.replaceChildren(stylesheet(), el('div', { class: 'passage', part: 'container' }, form, layout));
      this.#ui = { input, form, sort, grouping, status, toggle, clearAll, facets, dims: facets.querySelector('.dimensions'), timeline, message, results, pages, downloads };

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
      params.set('facetSize', String(this.#expanded.size ? FACET_ALL : FACET_SHOWN + 1));
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
      const first = (answer.page - 1) * answer.size + 1;
      const last = first + shown - 1;
      const took = `${answer.tookMs < 10 ? answer.tookMs.toFixed(1) : Math.round(answer.tookMs)} ms`;
      const what = this.#state.q ? ` match “${this.#state.q}”` : '';
      const counted = plural(answer.total, 'paragraph', 'paragraphs')
        + (grouped ? ` in ${plural(answer.totalArticles, 'article', 'articles')}` : '');
      status.textContent = answer.total === 0
        ? `No paragraphs${what} · ${took}`
        : `${counted}${what}`
          + (resultCount > shown && shown ? ` · showing ${NUMBER.format(first)}–${NUMBER.format(last)}` : '')
          + ` · ${took}`
          + (answer.partial ? ' · stopped at the time limit: try a more specific query to see every match' : '');
      this.#renderFacets(answer.facets, fixed);
      this.#renderTimeline(answer.timeline || []);
      results.replaceChildren(...(grouped
        ? answer.groups.map((group) => this.#articleCard(group, server))
        : answer.hits.map((hit) => this.#card(hit, server))));
      this.#renderPages(answer.page, answer.size, resultCount);
      this.#renderDownloads(answer, server, fixed);
      const notes = (answer.warnings || []).map((w) => this.#warning(w, fixed));
      if (answer.suggestion) notes.unshift(this.#didYouMean(answer.suggestion));
      if (answer.total === 0) {
        const filtered = narrowed(this.#state);
        const advice = filtered ? 'try fewer words or remove a filter.' : 'try fewer or other words.';
        message.replaceChildren(
          el('p', { class: 'empty' },
            this.#state.q ? `No paragraphs match “${this.#state.q}”` : 'No paragraphs match these filters',
            ` — ${advice}`),
          ...notes,
          ...(filtered ? [this.#clearFiltersButton()] : []),
        );
        message.hidden = false;
      } else if (shown === 0) {
        message.replaceChildren(el('p', { class: 'empty' }, `Page ${answer.page} is past the last result.`),
          this.#pageButton('Go to the first page', 1));
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

    /** "Did you mean": the query spelt as the archive spells it, one click away. */
    #didYouMean(suggestion) {
      const link = el('button', { type: 'button', class: 'link did-you-mean' }, suggestion);
      link.addEventListener('click', () => {
        this.#ui.input.value = suggestion;
        this.#change({ q: suggestion, page: 1 });
      });
      return el('p', { class: 'suggestion' }, 'Did you mean ', link, '?');
    }

    /** A warning of the answer; a filter value the archive lacks offers its nearest values. */
    #warning(w, fixed) {
      const offers = [];
      const dimension = DIMENSIONS.find((d) => d.name === w.parameter);
      if (dimension && !fixed[w.parameter]) {
        for (const value of w.nearest) {
          const button = el('button', { type: 'button', class: 'link nearest' }, value);
          button.addEventListener('click', () => {
            const current = this.#state.filters[w.parameter].filter((v) => v !== w.value);
            this.#change({ filters: { ...this.#state.filters, [w.parameter]: [...new Set([...current, value])] }, page: 1 });
          });
          offers.push(button);
        }
      }
      return el('p', { class: 'warning' }, `${w.message}.`,
        offers.length ? [' Use instead: ', ...offers.flatMap((b, i) => (i ? [', ', b] : [b]))] : null);
    }

    #renderError(error, server) {
      const { status, message, results, pages, dims, clearAll, timeline, downloads } = this.#ui;
      results.replaceChildren();
      timeline.hidden = true;
      downloads.hidden = true;
      pages.hidden = true;
      status.textContent = '';
      let text;
      if (error.unreachable) {
        text = [`Cannot reach Passage at ${server}. `,
          'Check that the server is running and that it allows this site (serve --cors-origins).'];
      } else if (error.status && error.status < 500) {
        text = ['This search cannot run: ', el('span', { class: 'api-error' }, error.message),
          '. Change the query and try again.'];
      } else {
        text = [`The search failed (${error.message}). Try again in a moment.`];
      }
      message.replaceChildren(el('p', { class: 'error', role: 'alert' }, text));
      message.hidden = false;
      if (error.unreachable) {
        dims.replaceChildren();
        clearAll.hidden = true;
      }
    }

    /** A result: its article's title, linking to the article at `paragraph`, facts, then `body`. */
    #resultCard(server, className, hit, facts, ...body) {
      return el(
        'li',
        { class: className },
        el('h3', { class: 'card-title' },
          el('a', { href: articleUrl(server, hit.articleId, hit.paragraph, this.#state), class: 'result-link' },
            hit.title || hit.articleId)),
        el('p', { class: 'card-meta' }, facts.filter((f) => f).join(' · ')),
        ...body,
      );
    }

    #card(hit, server) {
      return this.#resultCard(server, 'card', hit, [hit.date, hit.section, `¶ ${hit.paragraph}`],
        el('p', { class: 'snippet' }, markedText(hit.snippet)),
        tagList(hit, this.#tagFilter));
    }

    /** A tag on a result is a button that adds its value to the search's filters. */
    #tagFilter = (name, value, label) => {
      const button = el('button', { type: 'button', class: 'link tag-value', 'aria-label': `Filter by ${label.toLowerCase()} ${value}` }, value);
      button.addEventListener('click', () => this.#toggleValue(name, value, true));
      return button;
    };

    /** An article of a grouped search: its title, how many paragraphs match, and the best ones. */
    #articleCard(group, server) {
      return this.#resultCard(server, 'card article-card', group.hits[0],
        [group.date, plural(group.total, 'matching paragraph', 'matching paragraphs')],
        el('ol', { class: 'best-paragraphs', 'aria-label': 'Best matching paragraphs' },
          group.hits.map((hit) => el('li', { class: 'best-paragraph' },
            el('p', { class: 'snippet' },
              el('a', { href: articleUrl(server, hit.articleId, hit.paragraph, this.#state), class: 'para-link' },
                `¶ ${hit.paragraph}`),
              hit.section ? ` ${hit.section} · ` : ' ',
              markedText(hit.snippet)),
            tagList(hit, this.#tagFilter)))),
      );
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

    #renderFacets(facets, fixed) {
      const { dims, clearAll } = this.#ui;
      // Re-rendering replaces the checkboxes; keep keyboard focus on the one that was focused.
      const focused = this.#root.activeElement;
      const focusKey = focused && focused.dataset && focused.dataset.key;
      const groups = [];
      for (const { name, label } of DIMENSIONS) {
        if (fixed[name]) continue; // a fixed filter is not the reader's to change
        const values = facets[name] || [];
        const chosen = this.#state.filters[name];
        if (!values.length && !chosen.length) continue;
        groups.push(this.#facetGroup(name, label, values, chosen));
      }
      dims.replaceChildren(...groups);
      if (!groups.length) dims.append(el('p', { class: 'muted' }, 'No tags to filter by.'));
      clearAll.hidden = !narrowed(this.#state);
      const count = DIMENSIONS.reduce((n, d) => n + this.#state.filters[d.name].length, 0);
      this.#ui.toggle.textContent = count ? `Filters (${count})` : 'Filters';
      if (focusKey) {
        const again = [...dims.querySelectorAll('[data-key]')].find((e) => e.dataset.key === focusKey);
        if (again) again.focus();
      }
    }

    #facetGroup(name, label, values, chosen) {
      const expanded = this.#expanded.has(name);
      const shown = expanded ? values : values.slice(0, FACET_SHOWN);
      const list = el('ul', { class: 'facet-values' });
      list.append(...shown.map((v, i) => this.#facetItem(name, v, chosen, i)));
      // The Clear button shares the legend's line, so it sits beside the name and never over a
      // count; the group is still named by the label alone.
      const labelId = `dim-${name}-label`;
      const heading = el('legend', null, el('span', { id: labelId }, label));
      const group = el('fieldset', { class: `dimension dim-${name}`, 'data-dimension': name, 'aria-labelledby': labelId }, heading);
      if (chosen.length) {
        const clear = el('button', { type: 'button', class: 'clear link', 'data-key': `${name}:clear`, 'aria-label': `Clear ${label.toLowerCase()} filter` }, 'Clear');
        clear.addEventListener('click', () => {
          this.#change({ filters: { ...this.#state.filters, [name]: [] }, page: 1 });
        });
        heading.append(clear);
      }
      if (expanded) group.append(this.#facetFinder(name, label, list, chosen));
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
          this.#run();
        });
        group.append(more);
      }
      return group;
    }

    #facetItem(name, v, chosen, i) {
      const id = `f-${name}-${i}`;
      const box = el('input', { type: 'checkbox', id, checked: v.selected || chosen.includes(v.value), 'data-key': `${name}:${v.value}` });
      box.addEventListener('change', () => this.#toggleValue(name, v.value, box.checked));
      return el('li', null,
        box,
        el('label', { for: id }, el('span', { class: 'facet-value' }, v.value),
          el('span', { class: 'count', 'aria-label': `${plural(v.count, 'paragraph', 'paragraphs')}` }, NUMBER.format(v.count))));
    }

    /**
     * The box over a dimension's whole list ("Show more"): what is typed there narrows the list to
     * the values with a word starting so, all of the search's values, not only those shown.
     */
    #facetFinder(name, label, list, chosen) {
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
          this.#run();
          return;
        }
        inFlight = new AbortController();
        const params = paramsFromState({ ...this.#state, page: 1 });
        for (const unused of ['page', 'sort', 'group', 'timeline', 'facetSize', 'format']) params.delete(unused);
        params.set('prefix', prefix);
        params.set('size', String(FACET_ALL));
        try {
          const answer = await fetchJson(`${serverBase(this)}/api/facets/${name}?${params}`, inFlight.signal);
          list.replaceChildren(...answer.values.map((v, i) => this.#facetItem(name, v, chosen, i)));
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

    /**
     * The matching paragraphs by their articles' year (or month, within one year) as a bar chart;
     * a bar is a button that keeps the search to its period, and the dates chosen can be cleared.
     */
    #renderTimeline(timeline) {
      const box = this.#ui.timeline;
      const { from, to } = this.#state;
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
        bar.addEventListener('click', () => this.#change({ from: p.period, to: p.period, page: 1 }));
        const label = i % labelled === 0 || i === periods.length - 1 ? p.period : '';
        bars.append(el('li', null, bar, el('span', { class: 'timeline-label', 'aria-hidden': 'true' }, label)));
      });
      const range = from && to ? (from === to ? `in ${from}` : `from ${from} to ${to}`) : from ? `from ${from}` : to ? `up to ${to}` : '';
      const head = el('p', { class: 'timeline-head' },
        range ? `Published ${range}` : 'Published',
        chosen ? [' ', this.#clearDatesButton()] : null);
      box.replaceChildren(head, timeline.length ? bars : el('p', { class: 'muted' }, 'No dated paragraphs match.'));
      box.hidden = false;
    }

    /** Links that download the search's paragraphs (up to the API's 10,000) with their tags. */
    #renderDownloads(answer, server, fixed) {
      const { downloads } = this.#ui;
      downloads.hidden = answer.total === 0;
      const params = this.#searched(fixed);
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

    #clearDatesButton() {
      const button = el('button', { type: 'button', class: 'link clear-dates' }, 'Clear dates');
      button.addEventListener('click', () => this.#change({ from: '', to: '', page: 1 }));
      return button;
    }

    #pageButton(label, page, attributes = {}) {
      const button = el('button', { type: 'button', 'data-page': page, ...attributes }, label);
      button.addEventListener('click', () => {
        this.#change({ page });
        this.#ui.status.scrollIntoView({ block: 'nearest' });
        this.#ui.input.focus({ preventScroll: true });
      });
      return button;
    }

    /** Buttons for the pages of `results` (paragraphs, or articles when grouped), `size` a page. */
    #renderPages(current, size, results) {
      const { pages } = this.#ui;
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
      items.push(current > 1 ? this.#pageButton('‹ Previous', current - 1, { rel: 'prev' }) : null);
      numbers.forEach((p, i) => {
        if (i > 0 && p - numbers[i - 1] > 1) items.push(el('span', { class: 'gap', 'aria-hidden': 'true' }, '…'));
        items.push(p === current
          ? el('span', { class: 'current', 'aria-current': 'page' }, String(p))
          : this.#pageButton(String(p), p, { 'aria-label': `Page ${p}` }));
      });
      items.push(current < last ? this.#pageButton('Next ›', current + 1, { rel: 'next' }) : null);
      pages.replaceChildren(...items.filter((i) => i));
      pages.hidden = false;
    }
  }

  // ---- <passage-article> ---------------------------------------------------------------------

  class PassageArticle extends HTMLElement {
    #view;
    #styled;

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      const link = stylesheet();
      // Scrolling to the paragraph waits for the styles, or it would land before the layout settles.
      this.#styled = new Promise((resolve) => {
        link.addEventListener('load', resolve, { once: true });
        link.addEventListener('error', resolve, { once: true });
      });
      this.#view = el('div', { class: 'passage article-view' });
      root.append(link, this.#view);
    }

    connectedCallback() {
      this.#load();
    }

    /**
     * The search page with the search this article was opened from (in the address, if any) and
     * one more filter: `name` = `value`.
     */
    #searchWith(name, value) {
      const state = stateFromParams(new URLSearchParams(location.search));
      const values = [...new Set([...state.filters[name], value])];
      const params = paramsFromState({ ...state, filters: { ...state.filters, [name]: values }, page: 1 });
      return `${serverBase(this)}/?${params}`;
    }

    /** The article id: the `article` attribute, or the page's /articles/{id} path. */
    #articleId() {
      const given = this.getAttribute('article');
      if (given) return given;
      const match = location.pathname.match(/\/articles\/([^/]+)\/?$/);
      if (!match) return '';
      try {
        return decodeURIComponent(match[1]);
      } catch (e) {
        return match[1];
      }
    }

    async #load() {
      const server = serverBase(this);
      const params = new URLSearchParams(location.search);
      const id = this.#articleId();
      const target = Number.parseInt(this.getAttribute('paragraph') || params.get('p') || '', 10);
      const back = paramsFromState(stateFromParams(params)).toString();
      const backLink = el('a', { class: 'back', href: `${server}/${back ? `?${back}` : ''}` },
        back ? '← Back to the results' : '← Search the archive');
      const crumbs = el('nav', { class: 'crumbs', 'aria-label': 'Back' }, backLink);
      this.#view.replaceChildren(crumbs, el('p', { class: 'status', role: 'status' }, 'Loading the article …'));
      if (!id) {
        this.#showError(crumbs, 'No article was named in the address.');
        return;
      }
      let article;
      try {
        // The search it was opened from marks its words in the text.
        const query = params.get('q') ? `?${new URLSearchParams({ q: params.get('q') })}` : '';
        article = await fetchJson(`${server}/api/articles/${encodeURIComponent(id)}${query}`);
      } catch (error) {
        this.#showError(crumbs, error.status === 404
          ? `There is no article “${id}”: it may have been removed or renamed when the archive was rebuilt.`
          : error.unreachable ? `Cannot reach Passage at ${server}.` : `The article could not be loaded: ${error.message}.`);
        return;
      }
      await this.#render(article, crumbs, target);
    }

    #showError(crumbs, text) {
      this.#view.replaceChildren(crumbs, el('p', { class: 'error', role: 'alert' }, text));
    }

    async #render(article, crumbs, target) {
      document.title = `${article.title} — Passage`;
      const meta = [
        article.date,
        article.source,
        article.author ? `by ${article.author}` : null,
      ].filter((m) => m);
      const body = [];
      let section = null;
      let marked = null;
      for (const p of article.paragraphs) {
        if (p.section && p.section !== section) body.push(el('h2', { class: 'section' }, p.section));
        section = p.section;
        const isTarget = p.paragraph === target;
        const block = el('div', {
          class: isTarget ? 'para target' : 'para',
          id: `p${p.paragraph}`,
          'data-paragraph': p.paragraph,
          tabindex: isTarget ? '-1' : null,
          'aria-current': isTarget ? 'true' : null,
          'aria-label': isTarget ? 'The matching paragraph' : null,
        },
        el('p', { class: 'text' }, el('span', { class: 'para-number', 'aria-hidden': 'true' }, String(p.paragraph)),
          p.marked ? markedText(p.marked) : p.text),
        tagList(p, (name, value, label) => el('a', {
          class: 'tag-value',
          href: this.#searchWith(name, value),
          'aria-label': `Search with the filter ${label.toLowerCase()} ${value}`,
        }, value)));
        if (isTarget) marked = block;
        body.push(block);
      }
      this.#view.replaceChildren(crumbs, el('article', null,
        el('header', null, el('h1', null, article.title), el('p', { class: 'card-meta' }, meta.join(' · '))),
        body));
      if (marked) {
        await this.#styled;
        marked.scrollIntoView({ block: 'center' });
        marked.focus({ preventScroll: true });
      }
      this.dispatchEvent(new CustomEvent('passage-article', { bubbles: true, composed: true }));
    }
  }

  customElements.define('passage-search', PassageSearch);
  customElements.define('passage-article', PassageArticle);
})();
