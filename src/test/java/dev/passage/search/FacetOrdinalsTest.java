package dev.passage.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class FacetOrdinalsTest {

  private static BytesRef indexed(String dim, String value) {
    return new BytesRef(FacetsConfig.pathToString(dim, new String[] {value}));
  }

  @Test
  void aValueIsReadWithoutItsDimension() {
    assertThat(FacetOrdinals.label(indexed("person", "Nursultan Nazarbayev")))
        .isEqualTo("Nursultan Nazarbayev");
    assertThat(FacetOrdinals.label(indexed("organisation", "Société Générale")))
        .isEqualTo("Société Générale");
    assertThat(FacetOrdinals.label(indexed("year", "1997"))).isEqualTo("1997");
  }

  @Test
  void aValueHoldingTheDelimiterOrTheEscapeIsReadWhole() {
    assertThat(FacetOrdinals.label(indexed("topic", "a\u001fb"))).isEqualTo("a\u001fb");
    assertThat(FacetOrdinals.label(indexed("topic", "a\u001eb\u001f"))).isEqualTo("a\u001eb\u001f");
  }

  @Test
  void onlyTheBytesTheReferenceCoversAreRead() {
    BytesRef indexed = indexed("person", "Xi Jinping");
    byte[] path =
        Arrays.copyOfRange(indexed.bytes, indexed.offset, indexed.offset + indexed.length);
    byte[] padded = new byte[path.length + 6];
    Arrays.fill(padded, (byte) 'z');
    System.arraycopy(path, 0, padded, 3, path.length);
    assertThat(FacetOrdinals.label(new BytesRef(padded, 3, path.length))).isEqualTo("Xi Jinping");
    assertThat(FacetOrdinals.label(new BytesRef("no delimiter".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("no delimiter");
  }

  @Property
  void everyValueReadsAsLucenesOwnParserReadsIt(
      @ForAll("dimensions") String dim, @ForAll("values") String value) {
    BytesRef path = indexed(dim, value);
    String[] parsed = FacetsConfig.stringToPath(path.utf8ToString());
    assertThat(FacetOrdinals.label(path)).isEqualTo(parsed[parsed.length - 1]).isEqualTo(value);
  }

  @Provide
  Arbitrary<String> dimensions() {
    return Arbitraries.of("year", "person", "organisation", "topic");
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.strings()
        .withChars('a', 'Z', 'é', '中', ' ', '\u001e', '\u001f')
        .withCharRange('\u0020', '\u007e')
        .ofMinLength(1)
        .ofMaxLength(20);
  }
}
