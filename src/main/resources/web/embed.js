/*
 * Passage search components, served as is (no build step):
 *   <passage-search>  a search box with results, facets and pages;
 *   <passage-article> one whole article with the matching paragraph marked.
 * The search page, the article page and sites that embed Passage all use these two elements.
 * Licensed under the Apache License 2.0.
 *
 * The elements are ES modules in embed/; this file stays a classic script that loads them, so
 * the snippet a site pastes stays one plain <script> tag, and `document.currentScript`, which
 * modules do not have, tells where the Passage server (and its modules) are.
 */
(() => {
  'use strict';

  if (customElements.get('passage-search')) {
    return; // the script was included twice
  }

  const here = document.currentScript ? document.currentScript.src : location.href;
  for (const name of ['embed/passage-search.js', 'embed/passage-article.js']) {
    const module = new URL(name, here).href;
    import(module).catch((error) => {
      console.error(`Passage: could not load ${module}; its element does nothing here.`, error);
    });
  }
})();
