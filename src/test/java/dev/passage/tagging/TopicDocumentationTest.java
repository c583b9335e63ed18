package dev.passage.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.ingest.TsvFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's table of topics and keywords is the rules file, not an old copy of it. */
class TopicDocumentationTest {

  @Test
  void theReadmeListsEveryTopicWithExactlyItsKeywordsAndTheWordsThatAreNot() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher section =
        Pattern.compile("<!-- topics:start.*?-->(.*?)<!-- topics:end -->", Pattern.DOTALL)
            .matcher(readme);
    assertThat(section.find()).as("README has a topics section").isTrue();
    Map<String, String> documented = new LinkedHashMap<>();
    Matcher row = Pattern.compile("\\| `(\\w+)` \\| (.*?) \\|").matcher(section.group(1));
    while (row.find()) {
      documented.put(row.group(1), row.group(2).strip());
    }
    Matcher notKeywords =
        Pattern.compile("\\nNot keywords[^:]*: (.*?)\\.\\n").matcher(section.group(1));
    assertThat(notKeywords.find()).as("README lists the words that are not keywords").isTrue();
    Map<String, String> rules = new LinkedHashMap<>();
    for (TsvFile.Row r : TsvFile.resource(TopicRules.RESOURCE)) {
      rules.merge(r.column(0), r.column(1), (a, b) -> a + ", " + b);
    }
    assertThat(notKeywords.group(1)).isEqualTo(rules.remove(TopicRules.NOT_KEYWORDS));
    assertThat(documented).isEqualTo(rules);
    assertThat(documented.keySet()).containsExactlyElementsOf(TopicRules.bundled().topics());
  }
}
