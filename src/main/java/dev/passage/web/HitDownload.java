package dev.passage.web;

import dev.passage.engine.Dimension;
import dev.passage.engine.ResultFormat;
import dev.passage.engine.SearchResponse.Hit;
import dev.passage.engine.SnippetRules;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * A search's hits as a file to download: CSV, a row a paragraph with its snippet as plain text and
 * its tags (several values of a dimension separated by {@code |}); or JSON lines, each hit exactly
 * as the API's JSON has it.
 */
final class HitDownload {

  /** The CSV's columns: the hit's fields, then the dimensions in their order. */
  static final List<String> CSV_COLUMNS =
      Stream.concat(
              Stream.of(
                  "id", "articleId", "title", "date", "paragraph", "section", "score", "snippet"),
              Stream.of(Dimension.values()).map(Dimension::field))
          .toList();

  /** Separates the values of one dimension in a CSV cell, as the embed's fixed filters do. */
  static final String VALUES = "|";

  private HitDownload() {}

  static String contentType(ResultFormat format) {
    return format == ResultFormat.CSV
        ? "text/csv; charset=utf-8"
        : "application/x-ndjson; charset=utf-8";
  }

  static String fileName(ResultFormat format) {
    return "passage-search." + format.apiName();
  }

  /** Writes {@code hits} to {@code out} in {@code format}, a download's. */
  static void write(ResultFormat format, List<Hit> hits, JsonMapper json, OutputStream out)
      throws IOException {
    if (format == ResultFormat.CSV) {
      Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      csv.write(row(CSV_COLUMNS));
      for (Hit hit : hits) {
        csv.write(row(cells(hit)));
      }
      csv.flush();
      return;
    }
    for (Hit hit : hits) {
      out.write(json.writeValueAsBytes(hit));
      out.write('\n');
    }
  }

  private static List<String> cells(Hit hit) {
    List<String> cells = new ArrayList<>(CSV_COLUMNS.size());
    cells.add(hit.id());
    cells.add(hit.articleId());
    cells.add(hit.title());
    cells.add(hit.date());
    cells.add(Integer.toString(hit.paragraph()));
    cells.add(hit.section());
    cells.add(Float.toString(hit.score()));
    cells.add(SnippetRules.plainText(hit.snippet()));
    cells.add(String.join(VALUES, hit.year()));
    cells.add(String.join(VALUES, hit.person()));
    cells.add(String.join(VALUES, hit.organisation()));
    cells.add(String.join(VALUES, hit.topic()));
    return cells;
  }

  /** One CSV record (RFC 4180), ended by CRLF. */
  static String row(List<String> cells) {
    StringBuilder row = new StringBuilder();
    for (String cell : cells) {
      if (!row.isEmpty()) {
        row.append(',');
      }
      row.append(cell(cell));
    }
    return row.append("\r\n").toString();
  }

  /**
   * A cell, quoted when it holds a comma, quote or line break; text that a spreadsheet would run as
   * a formula (starting with =, +, -, @) is kept as text by a leading apostrophe.
   */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String text = value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    boolean quote =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
