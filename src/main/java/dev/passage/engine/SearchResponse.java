package dev.passage.engine;

import java.util.List;
import java.util.Map;

/**
 * The answer to a search, as the API returns it.
 *
 * @param query the query as given
 * @param total the number of matching paragraphs (exact)
 * @param totalArticles the number of articles the matching paragraphs are in (exact), when grouped
 *     by article; null otherwise
 * @param page the page returned, from 1
 * @param size hits per page, or articles per page when grouped by article
 * @param group "paragraph", or "article" when results are articles
 * @param sort the order of hits
 * @param tookMs time spent searching, in milliseconds
 * @param partial true when the search reached its time limit: total, hits and counts then cover
 *     only the paragraphs searched by then
 * @param filters the filter values searched, by dimension, as the index holds them: an alias or
 *     another case given in the request is replaced by the canonical value
 * @param from the earliest publication date searched, as given, or null
 * @param to the latest publication date searched, as given, or null
 * @param warnings what in the request may not do what the reader meant (an unknown filter value, a
 *     query of stop words); empty when there is nothing to say
 * @param suggestion "did you mean": the query with its misspelt words replaced by words of the
 *     index, when it finds few paragraphs (see {@code QueryCorrection}); null otherwise
 * @param hits this page's paragraphs; empty when grouped by article
 * @param groups this page's articles, each with its best paragraphs, when grouped by article; null
 *     otherwise
 * @param facets counts of matching paragraphs per facet value, grouped or not; a dimension's counts
 *     ignore its own selection
 * @param timeline how many matching paragraphs each period's articles hold, oldest period first,
 *     periods without any left out; paragraphs of undated articles are in none
 */
public record SearchResponse(
    String query,
    long total,
    Long totalArticles,
    int page,
    int size,
    String group,
    String sort,
    double tookMs,
    boolean partial,
    Map<String, List<String>> filters,
    String from,
    String to,
    List<Warning> warnings,
    String suggestion,
    List<Hit> hits,
    List<Group> groups,
    FacetCounts facets,
    List<Period> timeline) {

  /**
   * One article of a search grouped by article.
   *
   * @param articleId the article
   * @param title the article's title
   * @param date the article's date, or null
   * @param total how many of its paragraphs match
   * @param hits its best matching paragraphs, at most {@link GroupBy#HITS_PER_ARTICLE}: by score
   *     when sorted by relevance, else in paragraph order
   */
  public record Group(String articleId, String title, String date, long total, List<Hit> hits) {

    public Group {
      hits = List.copyOf(hits);
    }

    /** The group of the article whose best paragraphs are {@code hits}, at least one. */
    public static Group of(List<Hit> hits, long total) {
      Hit first = hits.getFirst();
      return new Group(first.articleId(), first.title(), first.date(), total, hits);
    }
  }

  /**
   * One bar of the timeline.
   *
   * @param period a year ("2013") or a month ("2013-08"); in a timeline by month, articles dated
   *     only to the year are counted under their year
   * @param count the matching paragraphs of articles published in it
   */
  public record Period(String period, long count) {}

  /**
   * Something about the request a reader should know, because it may explain few or no hits.
   *
   * @param parameter the request parameter it concerns ("q", "person", …)
   * @param value the value given
   * @param message what is wrong, in a sentence
   * @param nearest the known values nearest to {@code value}, best first; empty when there are none
   *     to offer
   */
  public record Warning(String parameter, String value, String message, List<String> nearest) {

    public Warning {
      nearest = List.copyOf(nearest);
    }
  }

  /**
   * One matching paragraph.
   *
   * @param id the paragraph id ("articleId#number")
   * @param articleId the article it belongs to
   * @param title the article's title
   * @param date the article's date ("2013", "2014-03", "2024-05-20"), or null
   * @param paragraph the paragraph number, from 1
   * @param section the heading above the paragraph, or null
   * @param score relevance score
   * @param snippet the best passage, HTML-escaped, matches wrapped in {@code <mark>}
   * @param year the paragraph's years
   * @param person the paragraph's people
   * @param organisation the paragraph's organisations
   * @param topic the paragraph's topics
   */
  public record Hit(
      String id,
      String articleId,
      String title,
      String date,
      int paragraph,
      String section,
      float score,
      String snippet,
      List<String> year,
      List<String> person,
      List<String> organisation,
      List<String> topic) {}

  /** The counts of each facet dimension. */
  public record FacetCounts(
      List<FacetValue> year,
      List<FacetValue> person,
      List<FacetValue> organisation,
      List<FacetValue> topic) {

    /** The counts of {@code dimension}. */
    public List<FacetValue> of(Dimension dimension) {
      return switch (dimension) {
        case YEAR -> year;
        case PERSON -> person;
        case ORGANISATION -> organisation;
        case TOPIC -> topic;
      };
    }
  }

  /**
   * A facet value and how many matching paragraphs have it.
   *
   * @param selected true when the request filters on it
   */
  public record FacetValue(String value, int count, boolean selected) {}
}
