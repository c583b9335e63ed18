package dev.passage.ingest;

/**
 * How large one article may be, in one place so that both readers, the folder and the README agree.
 *
 * <p>An article is tagged as a whole (surnames and the main topic are article-wide) and all its
 * paragraphs are held until they are written, so one huge article costs heap in proportion to its
 * size: a 20 MB one ran a 1 GB heap out of memory, and cut to {@link #MAX_TEXT_CHARS} it fits a
 * small heap (docs/design-notes.md has the measurement). No news article comes near the limits; a
 * file that does is a book, a dump or several articles pasted together, so its start is indexed and
 * the cut reported.
 */
public final class ArticleLimits {

  /**
   * A {@code .txt} or {@code .md} file, or one {@code .jsonl} line, larger than this is skipped
   * without being read: reading it would cost memory for text that would be cut anyway.
   */
  public static final int MAX_SOURCE_BYTES = 64 * 1024 * 1024;

  /**
   * Text beyond this many characters (about 150,000 words, longer than most books) is cut, at a
   * paragraph end when there is one, and the cut is reported.
   */
  public static final int MAX_TEXT_CHARS = 1_000_000;

  /**
   * Longer titles, sources and authors are cut: every paragraph stores them, so a text pasted into
   * the title would be stored once per paragraph.
   */
  public static final int MAX_FIELD_CHARS = 1_000;

  /**
   * Longer ids are refused: an id is part of every paragraph's id and of the article's address, and
   * Lucene refuses a term over 32,766 bytes.
   */
  public static final int MAX_ID_CHARS = 500;

  private ArticleLimits() {}

  /**
   * The article within the limits: null (and a problem) when its id is too long, else with overlong
   * text and fields cut (and a problem for each cut).
   */
  static Article apply(Article article, ArticleSink sink) {
    String origin = article.origin();
    if (article.id().length() > MAX_ID_CHARS) {
      sink.problem(
          Problem.skipped(
              origin,
              String.format(
                  "id is %,d characters, over the %,d character limit",
                  article.id().length(), MAX_ID_CHARS)));
      return null;
    }
    String text = article.text();
    if (text.length() > MAX_TEXT_CHARS) {
      text = cutText(text);
      sink.problem(
          Problem.repaired(
              origin,
              String.format(
                  "text is %,d characters, over the %,d character limit for one article;"
                      + " only the first %,d were indexed",
                  article.text().length(), MAX_TEXT_CHARS, text.length())));
    }
    return new Article(
        article.id(),
        field(article.title(), "title", origin, sink),
        article.date(),
        field(article.source(), "source", origin, sink),
        field(article.author(), "author", origin, sink),
        text,
        origin);
  }

  /** The start of an overlong text, ended at a paragraph end, else a line end, else a space. */
  static String cutText(String text) {
    int end = text.lastIndexOf("\n\n", MAX_TEXT_CHARS);
    // Only a break in the last half counts: a text that is one long paragraph is cut at a word.
    int floor = MAX_TEXT_CHARS / 2;
    if (end < floor) {
      end = text.lastIndexOf('\n', MAX_TEXT_CHARS);
    }
    if (end < floor) {
      end = text.lastIndexOf(' ', MAX_TEXT_CHARS);
    }
    if (end < floor) {
      end = MAX_TEXT_CHARS;
      if (Character.isLowSurrogate(text.charAt(end))) {
        end--;
      }
    }
    return text.substring(0, end);
  }

  private static String field(String value, String name, String origin, ArticleSink sink) {
    if (value == null || value.length() <= MAX_FIELD_CHARS) {
      return value;
    }
    int end = MAX_FIELD_CHARS;
    if (Character.isLowSurrogate(value.charAt(end))) {
      end--;
    }
    sink.problem(
        Problem.repaired(
            origin,
            String.format(
                "%s is %,d characters, cut to the %,d character limit",
                name, value.length(), MAX_FIELD_CHARS)));
    return value.substring(0, end).strip();
  }
}
