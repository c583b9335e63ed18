package dev.passage.eval;

import dev.passage.engine.Dimension;
import dev.passage.engine.TagReason;
import dev.passage.index.ProcessedArticle;
import dev.passage.tagging.TaggedParagraph;
import java.util.ArrayList;
import java.util.List;

/** The paragraphs that carry a topic, each with the reason for it, to be drawn and judged. */
public final class TopicTags {

  /** One paragraph tagged with {@code topic}; {@code reason} names the rule that gave it. */
  public record Tag(String paragraph, String topic, String reason, String text) {}

  private TopicTags() {}

  /** Every paragraph tagged with {@code topic}, in corpus order. */
  public static List<Tag> tags(List<ProcessedArticle> articles, String topic) {
    List<Tag> tags = new ArrayList<>();
    for (ProcessedArticle article : articles) {
      for (TaggedParagraph p : article.paragraphs()) {
        if (!p.tags().topics().contains(topic)) {
          continue;
        }
        String reason =
            p.tags().reasons().stream()
                .filter(r -> r.dimension().equals(Dimension.TOPIC.field()))
                .filter(r -> r.value().equals(topic))
                .map(TagReason::rule)
                .findFirst()
                .orElse("");
        tags.add(new Tag(YearTags.id(article, p), topic, reason, p.paragraph().text()));
      }
    }
    return tags;
  }

  /** The key of a tag in a draw: its paragraph and topic. */
  public static String key(Tag tag) {
    return tag.paragraph() + " " + tag.topic();
  }
}
