package dev.passage.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An article as a publishing system sends it, before it is written into the folder: one JSON object
 * in the shape of a JSONL line, or front-matter text. Parsed by the folder's own readers, so what
 * is accepted here is what a build of the folder reads.
 */
public final class ArticleDraft {

  /** How the body of a draft is written. */
  public enum Format {
    JSON,
    FRONT_MATTER
  }

  /**
   * Ids a file name can carry on every file system: letters, digits, '.', '_' and '-', not starting
   * with '.' (hidden files are not read) and never "..".
   */
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");

  private ArticleDraft() {}

  /** Why {@code id} cannot name an article file, or null when it can. */
  public static String idProblem(String id) {
    if (id == null || id.isEmpty()) {
      return "the article id is empty";
    }
    if (!SAFE_ID.matcher(id).matches() || id.contains("..")) {
      return "the article id '"
          + (id.length() > 80 ? id.substring(0, 80) + "…" : id)
          + "' may hold only letters, digits, '.', '_' and '-' (at most 200, not starting with"
          + " '.', no '..')";
    }
    return null;
  }

  /**
   * The article {@code body} holds, with id {@code id}.
   *
   * @throws IllegalArgumentException saying what is wrong: not JSON, no text, another id inside,
   *     anything a build would repair (a bad date, a header line that is not "key: value", a text
   *     over the limit)
   */
  public static Article parse(String id, Format format, String body) {
    String problem = idProblem(id);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    List<Problem> problems = new ArrayList<>();
    List<Article> articles = new ArrayList<>();
    ArticleSink sink =
        new ArticleSink() {
          @Override
          public void accept(Article article) {
            articles.add(article);
          }

          @Override
          public void problem(Problem p) {
            problems.add(p);
          }
        };
    String origin = "the request";
    String text = TextDecoder.normalize(body);
    if (format == Format.JSON) {
      JsonlArticleReader.readObject(text, false, id, false, origin, sink);
    } else {
      FrontMatterArticleReader.parse(id, text, origin, false, sink);
    }
    List<Problem> skipped = problems.stream().filter(Problem::skipped).toList();
    if (articles.isEmpty()) {
      throw new IllegalArgumentException(
          skipped.isEmpty() ? "no article in the request" : skipped.getFirst().message());
    }
    Article article = articles.getFirst();
    if (!article.id().equals(id)) {
      throw new IllegalArgumentException(
          "the body's id '" + article.id() + "' is not the id in the path, '" + id + "'");
    }
    Article limited = ArticleLimits.apply(article, sink);
    if (limited == null) {
      throw new IllegalArgumentException(problems.getLast().message());
    }
    // A build would read such a file with a repair (a date dropped, a text cut): what is stored
    // must read back as it was sent, so the sender is asked to send it right instead.
    for (Problem p : problems) {
      if (!p.skipped()) {
        throw new IllegalArgumentException(
            "not stored, as a build would have to repair it: " + p.message());
      }
    }
    return limited;
  }
}
