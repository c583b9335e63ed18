package dev.passage.index;

import dev.passage.ingest.Article;
import dev.passage.ingest.ArticleDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many articles from a publishing system, one JSON object a line: each good line is put into the
 * live index, each bad one refused with why, and every line answered in order. The good lines are
 * queued together, so they are written and committed as one batch.
 */
public final class ArticleBatch {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The answer to a batch: counts by result, and one result per line, in order. */
  public record Result(int added, int replaced, int unchanged, int refused, List<Line> lines) {}

  /**
   * One line of a batch.
   *
   * @param line its number in the body
   * @param id the article id, or null when the line gave none
   * @param result {@code added}, {@code replaced}, {@code unchanged} or {@code refused}
   * @param reason why it was refused, or null
   * @param searchableAt when searches began to see it, or null
   */
  public record Line(int line, String id, String result, String reason, String searchableAt) {}

  private ArticleBatch() {}

  /**
   * Puts every article of {@code body} into {@code live}.
   *
   * @param await how the answer to each put is waited for
   */
  public static Result put(
      LiveIndex live,
      String body,
      Function<CompletableFuture<LiveIndex.ArticleChange>, LiveIndex.ArticleChange> await) {
    String[] lines = body.split("\n", -1);
    List<Line> refused = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    List<CompletableFuture<LiveIndex.ArticleChange>> pending = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String id = idOf(line);
      try {
        if (id == null) {
          throw new IllegalArgumentException("each line needs a JSON object with an \"id\"");
        }
        Article article = ArticleDraft.parse(id, ArticleDraft.Format.JSON, line);
        pending.add(live.put(article, ArticleDraft.Format.JSON));
        numbers.add(i + 1);
      } catch (IllegalArgumentException e) {
        refused.add(new Line(i + 1, id, "refused", e.getMessage(), null));
      }
    }
    List<Line> all = new ArrayList<>(refused);
    for (int i = 0; i < pending.size(); i++) {
      LiveIndex.ArticleChange change = await.apply(pending.get(i));
      all.add(
          new Line(
              numbers.get(i),
              change.id(),
              change.result(),
              change.reason(),
              change.searchableAt()));
    }
    all.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return new Result(
        count(all, "added"),
        count(all, "replaced"),
        count(all, "unchanged"),
        count(all, "refused"),
        all);
  }

  private static int count(List<Line> lines, String result) {
    return (int) lines.stream().filter(l -> l.result().equals(result)).count();
  }

  private static String idOf(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      JsonNode id = node == null ? null : node.get("id");
      return id != null && (id.isString() || id.isNumber()) ? id.asString().strip() : null;
    } catch (JacksonException e) {
      return null;
    }
  }
}
