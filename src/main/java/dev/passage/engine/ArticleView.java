package dev.passage.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A whole article, as the article view shows it.
 *
 * @param id the article id
 * @param title its title
 * @param date its date from its metadata, or null
 * @param source the publisher, or null
 * @param author the author, or null
 * @param paragraphs every paragraph, in order
 */
public record ArticleView(
    String id,
    String title,
    String date,
    String source,
    String author,
    List<Paragraph> paragraphs) {

  /**
   * One paragraph with its tags.
   *
   * @param reasons why each tag was given; only with {@code explain=true}
   * @param marked the text HTML-escaped with the words of the search it was opened from in {@code
   *     <mark>}; only with a query
   */
  public record Paragraph(
      int paragraph,
      String section,
      String text,
      List<String> year,
      List<String> person,
      List<String> organisation,
      List<String> topic,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<TagReason> reasons,
      @JsonInclude(JsonInclude.Include.NON_NULL) String marked) {}

  /** This article with each paragraph's text marked by {@code marks}. */
  public ArticleView withMarks(UnaryOperator<String> marks) {
    List<Paragraph> marked =
        paragraphs.stream()
            .map(p ->
                new Paragraph(
                    p.paragraph(),
                    p.section(),
                    p.text(),
                    p.year(),
                    p.person(),
                    p.organisation(),
                    p.topic(),
                    p.reasons(),
                    marks.apply(p.text())))
            .toList();
    return new ArticleView(id, title, date, source, author, marked);
  }
}
