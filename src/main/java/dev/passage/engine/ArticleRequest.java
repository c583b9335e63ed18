package dev.passage.engine;

/**
 * A validated request for a whole article.
 *
 * @param id the article id
 * @param explain true to say why each tag was given
 * @param query the search the article was opened from, whose words its paragraphs mark; "" for none
 */
public record ArticleRequest(String id, boolean explain, String query) {}
