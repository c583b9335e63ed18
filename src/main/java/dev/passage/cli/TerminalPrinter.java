package dev.passage.cli;

import dev.passage.engine.Dimension;
import dev.passage.engine.SearchResponse;
import java.io.PrintWriter;
import java.util.List;

/** Prints search results for a terminal: marks in reverse video, or in [brackets] when piped. */
final class TerminalPrinter {

  private static final String REVERSE = "\u001b[7m";
  private static final String RESET = "\u001b[0m";

  private final PrintWriter out;
  private final boolean ansi;

  TerminalPrinter(PrintWriter out, boolean ansi) {
    this.out = out;
    this.ansi = ansi;
  }

  /**
   * Prints {@code r}: its counts, notes and hits or articles; its timeline when {@code timeline}.
   */
  void print(SearchResponse r, boolean timeline) {
    // Curly quotes, as the page writes them: a phrase query keeps its own straight ones readable.
    String quoted = r.query().isEmpty() ? "everything" : "“" + r.query() + "”";
    String articles =
        r.totalArticles() == null
            ? ""
            : String.format(
                " in %,d article%s", r.totalArticles(), r.totalArticles() == 1 ? "" : "s");
    out.printf(
        "%,d paragraph%s%s match %s (%.1f ms)%n",
        r.total(), r.total() == 1 ? "" : "s", articles, quoted, r.tookMs());
    if (r.partial()) {
      out.println(
          "The search reached its time limit: these are the matches found by then; a more"
              + " specific query finds them all.");
    }
    for (SearchResponse.Warning warning : r.warnings()) {
      out.println("Note: " + warning.message() + ".");
    }
    if (r.suggestion() != null) {
      out.println("Did you mean “" + r.suggestion() + "”?");
    }
    if (timeline && !r.timeline().isEmpty()) {
      out.println(
          "By publication date: "
              + String.join(
                  " · ",
                  r.timeline().stream()
                      .map(p -> String.format("%s %,d", p.period(), p.count()))
                      .toList()));
    }
    int rank = (r.page() - 1) * r.size();
    if (r.groups() != null) {
      for (SearchResponse.Group group : r.groups()) {
        rank++;
        out.println();
        String date = group.date() == null ? "" : ", " + group.date();
        out.printf(
            "%d. %s%s: %,d matching paragraph%s%n",
            rank, group.title(), date, group.total(), group.total() == 1 ? "" : "s");
        for (SearchResponse.Hit hit : group.hits()) {
          out.println("   ¶" + hit.paragraph() + " " + marks(hit.snippet()));
        }
        out.println("   id " + group.articleId());
      }
    }
    for (SearchResponse.Hit hit : r.hits()) {
      rank++;
      out.println();
      String date = hit.date() == null ? "" : ", " + hit.date();
      String section = hit.section() == null ? "" : ", " + hit.section();
      out.printf("%d. %s%s%s, ¶%d%n", rank, hit.title(), date, section, hit.paragraph());
      out.println("   " + marks(hit.snippet()));
      String tags = tags(hit);
      if (!tags.isEmpty()) {
        out.println("   " + tags);
      }
      out.println("   id " + hit.id());
    }
    out.flush();
  }

  private String tags(SearchResponse.Hit hit) {
    StringBuilder b = new StringBuilder();
    append(b, Dimension.YEAR.field(), hit.year());
    append(b, Dimension.PERSON.field(), hit.person());
    append(b, Dimension.ORGANISATION.field(), hit.organisation());
    append(b, Dimension.TOPIC.field(), hit.topic());
    return b.toString();
  }

  private static void append(StringBuilder b, String name, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    if (b.length() > 0) {
      b.append(" · ");
    }
    b.append(name).append(": ").append(String.join(", ", values));
  }

  /** The snippet's HTML made plain text, with its marks shown. */
  String marks(String snippet) {
    String open = ansi ? REVERSE : "[";
    String close = ansi ? RESET : "]";
    // Control characters from an article could drive the terminal; they are dropped.
    String plain = snippet.replaceAll("\\p{Cntrl}", "");
    return unescape(plain.replace("<mark>", "\u0000").replace("</mark>", "\u0001"))
        .replace("\u0000", open)
        .replace("\u0001", close);
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2F;", "/")
        .replace("&#47;", "/")
        .replace("&amp;", "&");
  }
}
