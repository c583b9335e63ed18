/*
 * The drop-down of suggestions under the search box of <passage-search>.
 * Licensed under the Apache License 2.0.
 */
import { fetchJson } from './api.js';
import { el } from './dom.js';

export const SUGGEST_PAUSE_MS = 80; // suggestions come sooner than results: they answer in a millisecond
const SUGGESTIONS_SHOWN = 6;

/**
 * The drop-down of suggestions under a search box, as an ARIA combobox: the box keeps the focus,
 * ArrowDown and ArrowUp move through the names, Enter or a click chooses one, Escape closes the
 * list. Choosing calls `choose(suggestion)`; the list knows nothing else of the search.
 */
export class SuggestionList {
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
