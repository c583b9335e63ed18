package dev.passage.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.engine.ResultFormat;
import dev.passage.engine.SearchResponse.Hit;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class HitDownloadTest {

  private static final Hit HIT =
      new Hit(
          "a#2",
          "a",
          "Oil, gas and \"deals\"",
          "2014-03",
          2,
          null,
          1.5f,
          "<mark>Oil</mark> &amp; gas: it&#x27;s &lt;cheap&gt;.",
          List.of("2014"),
          List.of("Wang Yi", "Xi Jinping"),
          List.of(),
          List.of("energy"));

  private static String written(ResultFormat format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HitDownload.write(format, List.of(HIT), JsonMapper.builder().build(), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aCsvRowHoldsTheHitsFieldsItsSnippetAsPlainTextAndItsTags() throws Exception {
    assertThat(written(ResultFormat.CSV))
        .isEqualTo(
            "id,articleId,title,date,paragraph,section,score,snippet,year,person,organisation,topic\r\n"
                + "a#2,a,\"Oil, gas and \"\"deals\"\"\",2014-03,2,,1.5,Oil & gas: it's <cheap>.,"
                + "2014,Wang Yi|Xi Jinping,,energy\r\n");
  }

  @Test
  void aCellASpreadsheetWouldRunAsAFormulaStaysText() {
    assertThat(HitDownload.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(HitDownload.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(HitDownload.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
    assertThat(HitDownload.cell(null)).isEmpty();
  }

  @Test
  void jsonLinesHoldEachHitAsTheApiWritesIt() throws Exception {
    String lines = written(ResultFormat.JSONL);

    assertThat(lines).endsWith("}\n").hasLineCount(1);
    assertThat(JsonMapper.builder().build().readValue(lines, Hit.class)).isEqualTo(HIT);
  }
}
