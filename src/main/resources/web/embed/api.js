/*
 * Where the Passage server is, and asking its API.
 * Licensed under the Apache License 2.0.
 */
import { paramsFromState } from './search-state.js';

// Where these modules came from (the folder above embed/) is where the Passage server is, unless
// `server` says otherwise.
const HERE = new URL('..', import.meta.url);
export const STYLESHEET = new URL('passage.css', HERE).href;
export const RESULT_WINDOW = 10000; // the API pages no deeper than this

/** The server's base URL with no trailing slash. */
export function serverBase(element) {
  const given = (element.getAttribute('server') || '').trim();
  return new URL(given || HERE.href, location.href).href.replace(/\/+$/, '');
}

/** The page of the Passage server that shows an article at a paragraph, remembering the search. */
export function articleUrl(server, articleId, paragraph, state) {
  const params = paramsFromState({ ...state, page: 1 });
  params.set('p', String(paragraph));
  return `${server}/articles/${encodeURIComponent(articleId)}?${params}`;
}

/** Fetches JSON; an error answer becomes an Error carrying the API's own message. */
export async function fetchJson(url, signal) {
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
