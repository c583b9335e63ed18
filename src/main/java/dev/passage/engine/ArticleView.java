package dev.passage.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A whole article, as the article view shows it.
 *
 * @param id the article id
 * @param title its title
 * @param date its date, or null
 * @param dateInferred true when the date was inferred from the text
 * @param source the publisher, or null
 * @param author the author, or null
 * @param paragraphs every paragraph, in order
 */
public record ArticleView(
    String id,
    String title,
    String date,
    boolean dateInferred,
    String source,
    String author,
    List<Paragraph> paragraphs) {

  /**
   * One paragraph with its tags.
   *
   * @param reasons why each tag was given; only with {@code explain=true}
   */
  public record Paragraph(
      int paragraph,
      String section,
      String text,
      List<String> year,
      List<String> person,
      List<String> organisation,
      List<String> topic,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<TagReason> reasons) {}
}
