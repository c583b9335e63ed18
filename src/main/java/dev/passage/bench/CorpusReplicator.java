package dev.passage.bench;

import dev.passage.ingest.Article;
import dev.passage.ingest.ArticleDate;
import java.io.IOException;
import java.io.Writer;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a synthetic archive N times the size of a real one, for measuring growth: copy k of each
 * article gets the id {@code id~k}, its date moved k × {@code yearsApart} years later, and a source
 * that says it is a synthetic copy. Copy 0 is the article itself.
 */
public final class CorpusReplicator {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Writer out;
  private final int times;
  private final int yearsApart;

  public CorpusReplicator(Writer out, int times, int yearsApart) {
    this.out = out;
    this.times = times;
    this.yearsApart = yearsApart;
  }

  /** Writes the {@code times} copies of {@code article} as JSON lines. */
  public void write(Article article) throws IOException {
    for (int k = 0; k < times; k++) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("id", k == 0 ? article.id() : article.id() + "~" + k);
      line.put("title", article.title());
      line.put("date", shifted(article.date(), k * yearsApart));
      String source = article.source() == null ? "" : article.source();
      line.put(
          "source", k == 0 ? article.source() : (source + " (synthetic copy " + k + ")").strip());
      line.put("text", article.text());
      out.write(JSON.writeValueAsString(line));
      out.write('\n');
    }
  }

  static String shifted(ArticleDate date, int years) {
    if (date == null) {
      return null;
    }
    // 29 February moves to the 28th in years that have no 29th.
    int day =
        date.month() == 2 && date.day() == 29 && !Year.isLeap(date.year() + years)
            ? 28
            : date.day();
    return new ArticleDate(date.year() + years, date.month(), day).toString();
  }
}
