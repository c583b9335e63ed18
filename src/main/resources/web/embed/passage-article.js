/*
 * The <passage-article> element: one whole article with the matching paragraph marked.
 * Licensed under the Apache License 2.0.
 */
import { fetchJson, serverBase } from './api.js';
import { el, markedText, stylesheet } from './dom.js';
import { tagList } from './results.js';
import { paramsFromState, stateFromParams } from './search-state.js';

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

// A second copy, loaded from another address of the server, finds the element defined already.
if (!customElements.get('passage-article')) customElements.define('passage-article', PassageArticle);
