package dev.passage.eval;

import dev.passage.engine.Dimension;
import dev.passage.engine.TagReason;
import dev.passage.index.ProcessedArticle;
import dev.passage.ingest.ArticleDate;
import dev.passage.tagging.TaggedParagraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The year tags of a tagged corpus, and the four-digit numbers its paragraphs hold, to be drawn at
 * random and judged by hand: the tags for precision, the numbers for recall.
 */
public final class YearTags {

  /** Any number from 1900 to 2099 not inside a longer number: a year the text may state. */
  private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])");

  /**
   * One year tag of one paragraph.
   *
   * @param articleDate the article's date, null when it has none
   * @param reasons every reason the tagger gave for it, each naming its rule
   */
  public record Tag(
      String paragraph,
      ArticleDate articleDate,
      String year,
      List<TagReason> reasons,
      String text) {}

  /**
   * A four-digit number in a paragraph's text.
   *
   * @param tagged whether the paragraph carries it as a year tag
   */
  public record Candidate(
      String paragraph, String number, int start, boolean tagged, String text) {}

  private YearTags() {}

  /** Every year tag of every paragraph, in corpus order. */
  public static List<Tag> tags(List<ProcessedArticle> articles) {
    List<Tag> tags = new ArrayList<>();
    for (ProcessedArticle article : articles) {
      for (TaggedParagraph p : article.paragraphs()) {
        for (String year : p.tags().years()) {
          List<TagReason> reasons =
              p.tags().reasons().stream()
                  .filter(r -> r.dimension().equals(Dimension.YEAR.field()))
                  .filter(r -> r.value().equals(year))
                  .toList();
          tags.add(new Tag(id(article, p), article.date(), year, reasons, p.paragraph().text()));
        }
      }
    }
    return tags;
  }

  /** Every number from 1900 to 2099 in the paragraphs' text, in corpus order. */
  public static List<Candidate> candidates(List<ProcessedArticle> articles) {
    List<Candidate> candidates = new ArrayList<>();
    for (ProcessedArticle article : articles) {
      for (TaggedParagraph p : article.paragraphs()) {
        String text = p.paragraph().text();
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
          candidates.add(
              new Candidate(
                  id(article, p),
                  m.group(),
                  m.start(),
                  p.tags().years().contains(m.group()),
                  text));
        }
      }
    }
    return candidates;
  }

  /**
   * {@code n} items drawn at random without replacement: those whose keys hash lowest under {@code
   * seed}. The same seed draws the same items, and a rule change that adds or removes a few items
   * leaves the rest of the sample in place, so judgements made before it still apply.
   */
  public static <T> List<T> draw(List<T> items, Function<T, String> key, int n, long seed) {
    return items.stream()
        .sorted(Comparator.comparingLong(item -> rank(key.apply(item), seed)))
        .limit(n)
        .toList();
  }

  /** The key of a tag in a draw: its paragraph and year. */
  public static String key(Tag tag) {
    return tag.paragraph() + " " + tag.year();
  }

  /** The key of a number in a draw: its paragraph and place. */
  public static String key(Candidate candidate) {
    return candidate.paragraph() + " " + candidate.start();
  }

  /** SplitMix64's finaliser over the key's hash and the seed: a well-spread pseudo-random rank. */
  static long rank(String key, long seed) {
    long z = seed * 0x9E3779B97F4A7C15L + key.hashCode();
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A paragraph's id in samples: its article's id and its number. */
  static String id(ProcessedArticle article, TaggedParagraph p) {
    return article.id() + "#" + p.paragraph().number();
  }
}
