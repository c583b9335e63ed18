package dev.passage.eval;

import dev.passage.ingest.ArticleDate;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One article of an evaluation corpus: its headline, its date (null when it has none or an invalid
 * one), its paragraphs and the corpus's own labels ({@code gold}), which are read for scoring only
 * and never indexed.
 */
record CorpusArticle(
    String id, String title, ArticleDate date, List<String> paragraphs, JsonNode gold) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Every article of a JSON-lines corpus, in file order. */
  static List<CorpusArticle> read(Path file) throws IOException {
    List<CorpusArticle> articles = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = JSON.readTree(line);
        List<String> paragraphs = new ArrayList<>();
        for (String p : node.path("text").asString("").split("\\n\\s*\\n")) {
          if (!p.isBlank()) {
            paragraphs.add(p.strip());
          }
        }
        articles.add(
            new CorpusArticle(
                node.path("id").asString(""),
                node.path("title").asString(""),
                date(node.path("date").asString("")),
                paragraphs,
                node.path("gold")));
      }
    }
    return articles;
  }

  private static ArticleDate date(String text) {
    try {
      return text.isBlank() ? null : ArticleDate.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
