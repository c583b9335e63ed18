/*
 * Elements made from text, for the Passage components: nothing a page shows is parsed as HTML.
 * Licensed under the Apache License 2.0.
 */
import { STYLESHEET } from './api.js';

export const NUMBER = new Intl.NumberFormat('en');

// ---- Text that stays text ------------------------------------------------------------------
// Nothing from an article, a title or a query is ever parsed as HTML: elements are made with
// createElement and filled with text nodes. The snippet's <mark>s are the one exception, and
// they are rebuilt from the API's escaped text rather than parsed.

/** An element with attributes (null and false are left out) and children (strings become text). */
export function el(tag, attributes, ...children) {
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
export function unescapeHtml(text) {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref) => {
    if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
    const hex = ref[1] === 'x' || ref[1] === 'X';
    const code = parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The API's snippet or marked text as nodes: its <mark>s become <mark> elements, all else is text. */
export function markedText(snippet) {
  const nodes = [];
  let marked = false;
  for (const part of String(snippet || '').split(/(<\/?mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) nodes.push(marked ? el('mark', null, unescapeHtml(part)) : unescapeHtml(part));
  }
  return nodes;
}

export function plural(count, one, many) {
  return `${NUMBER.format(count)} ${count === 1 ? one : many}`;
}

export function stylesheet() {
  return el('link', { rel: 'stylesheet', href: STYLESHEET });
}
