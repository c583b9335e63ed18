package dev.passage.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passage.engine.InvalidRequestException;
import dev.passage.index.Schema;
import dev.passage.query.ExpansionLimit;
import dev.passage.query.KnownValues;
import dev.passage.query.QueryFactory;
import dev.passage.testing.Fixtures;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Costly queries are refused with advice, before or while they touch the index, never run. */
class QueryCostTest {

  @TempDir static Path dir;
  static Fixtures.SearchIndex index;
  static SearchService service;

  @BeforeAll
  static void buildIndex() throws Exception {
    Path articles = dir.resolve("articles");
    // A vocabulary one word larger than a pattern may match: zq00000 … zq10000.
    String vocabulary =
        IntStream.rangeClosed(0, ExpansionLimit.MAX_TERMS)
            .mapToObj(i -> String.format("zq%05d", i))
            .collect(Collectors.joining(" "));
    Fixtures.write(
        articles,
        "words.txt",
        Fixtures.article("Many words", "2020-01", "The chairmanship of CICA.\n\n" + vocabulary));
    index = Fixtures.searchIndex(articles, dir.resolve("index"));
    service = index.service();
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static long total(String q) throws Exception {
    return service.search(service.parser().query(q)).total();
  }

  private static void refused(String q, String message) {
    assertThatThrownBy(() -> service.search(service.parser().query(q)))
        .as(q)
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(message);
  }

  @Test
  void aWordStartingWithAWildcardIsRefusedWithAdvice() {
    String advice =
        "): it would compare every word in the archive. Put at least one letter first, such as"
            + " chair*";
    refused("*a*", "a word cannot start with * or ? ('*a*'" + advice);
    refused("?", "a word cannot start with * or ? ('?'" + advice);
    refused("cica AND *ship", "a word cannot start with * or ? ('*ship'" + advice);
  }

  @Test
  void aPatternMatchingTooManyWordsIsRefusedAndANarrowerOneRuns() throws Exception {
    refused(
        "zq*",
        "'zq*' matches more than 10,000 different words; give more letters before the wildcard"
            + " or narrow the range");
    refused(
        "[zq00000 TO zq99999]",
        "'[zq00000 TO zq99999]' matches more than 10,000 different words; give more letters"
            + " before the wildcard or narrow the range");
    assertThat(total("zq1000*")).isEqualTo(1);
    assertThat(total("chair*")).isEqualTo(1);
  }

  @Test
  void aRegularExpressionThatUnrollsIntoAHugeAutomatonIsRefusedAtOnce() throws Exception {
    long started = System.nanoTime();
    refused(
        "/a{1,100000}/",
        "the regular expression /a{1,100000}/ is too large: its repeats unroll into more than"
            + " 1,000 steps; use smaller {min,max} counts");
    refused(
        "/(ab{1,40}){1,40}/",
        "the regular expression /(ab{1,40}){1,40}/ is too large: its repeats unroll into more"
            + " than 1,000 steps; use smaller {min,max} counts");
    // Compiling /a{1,100000}/ took 14.7 s before it was measured first; refusing it is instant.
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);
    assertThat(total("/chairm[a-z]{1,10}/")).isEqualTo(1);
  }

  @Test
  void aBrokenRegularExpressionIsASyntaxErrorNotAFailure() {
    assertThatThrownBy(() -> service.parser().query("/[/"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(
            "the regular expression /[/ is not valid (unexpected end-of-string). To search for a"
                + " slash itself, put a backslash before it: \\/");
  }

  @Test
  void moreClausesThanLuceneAllowsAreRefusedByName() {
    // Longer than q may be over HTTP; the parser's own limit still speaks for itself.
    String q =
        IntStream.rangeClosed(0, 1_100).mapToObj(i -> "w" + i).collect(Collectors.joining(" OR "));
    assertThatThrownBy(() -> new QueryFactory(new Schema(), KnownValues.bundled()).parse(q))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("the query has too many terms; the limit is 1024");
  }

  @Test
  void atMostTenPatternsMayBeCombined() throws Exception {
    assertThat(total("chair* OR cic* OR a* OR b* OR c* OR d* OR e* OR f* OR g* OR h*"))
        .isEqualTo(1);
    refused(
        "chair* cic* a* b* c* d* e* f* g* h* i*",
        "the query has 11 wildcard, fuzzy, range or regular-expression terms; the limit is 10");
  }
}
