package dev.passage.testing;

import dev.passage.index.Schema;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of search queries for the property tests: what people and programs might type. */
public final class QueryArbitraries {

  /**
   * The seed of every property in the suite, so a build passes or fails the same way each time. To
   * explore new inputs, run the properties with another seed; keep what they find as examples.
   */
  public static final String SEED = "20261123";

  private static final List<String> SYNTAX =
      List.of(
          "(", ")", "[", "]", "{", "}", "\"", "~", "*", "?", ":", "\\", "/", "+", "-", "!", "^",
          "&&", "||", "&", "|", "AND", "OR", "NOT", "TO", "and", "or", "not", "*:*", "~2", "~0.5",
          "^2", "^-1", "~99", "\\:", "\\*", "\\\"", " ", " ", " ", "\t", "\n", "\r\n", "\u00a0");

  private static final List<String> FIELDS =
      Stream.concat(
              Schema.QUERYABLE_FIELDS.stream(),
              Stream.of("foo", "TEXT", "_id", "id", "text.", "person.name", "*", "year\\", ""))
          .toList();

  private static final List<String> NUMBERS =
      List.of(
          "0",
          "1",
          "2013",
          "-1",
          "1e9",
          "0.5",
          ".5",
          "99999999999999999999",
          "2147483648",
          "-0",
          "NaN",
          "Infinity",
          "0x10",
          "2013-08");

  private static final List<String> WORDS =
      List.of(
          "china",
          "CICA",
          "Wang",
          "astana",
          "trade",
          "visit*",
          "vis?t",
          "v*t",
          "a",
          "the",
          "in",
          "Қазақстан",
          "中国",
          "é",
          "\u0301",
          "😀",
          "\ud800",
          "\udfff",
          "\u0000",
          "\u001b",
          "\u2028",
          "\ufeff",
          "ﬁ",
          "İ",
          "ß");

  /** Pieces of Lucene's regular expressions, inside {@code /…/}. */
  private static final List<String> REGEX =
      List.of(
          ".",
          "*",
          "+",
          "?",
          "{",
          "}",
          "{1000}",
          "{0,",
          "{3,5}",
          "(",
          ")",
          "|",
          "[",
          "]",
          "[^",
          "^",
          "a",
          "b",
          "~",
          "&",
          "<",
          ">",
          "<1-99999>",
          "@",
          "#",
          "\\",
          "\\d",
          "\"",
          "-",
          "1",
          "\\/",
          "{100}",
          "{2,}",
          "<word>",
          "[a-z]",
          "(a|b)",
          ".*");

  private QueryArbitraries() {}

  /**
   * Any text at all: every UTF-16 unit (lone surrogates, NUL, control characters), supplementary
   * characters, and past the 1,000-character limit of {@code q}.
   */
  public static Arbitrary<String> anyText() {
    // Every UTF-16 unit, lone surrogates included, past the 1,000-character limit.
    Arbitrary<String> units = Arbitraries.strings().all().ofMaxLength(1_100);
    Arbitrary<String> codePoints =
        Arbitraries.integers()
            .between(0, Character.MAX_CODE_POINT)
            .list()
            .ofMaxSize(300)
            .map(points -> {
              StringBuilder text = new StringBuilder();
              points.forEach(text::appendCodePoint);
              return text.toString();
            });
    Arbitrary<String> oddities =
        Arbitraries.strings()
            .withCharRange('\u0000', '\u001f')
            .withCharRange('\ud800', '\udfff')
            .withChars('\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ufffe')
            .withChars("aZ09 \"*:")
            .ofMaxLength(40);
    return Arbitraries.oneOf(List.of(units, codePoints, oddities));
  }

  /**
   * A regular expression between slashes, of Lucene's every operator: repetitions, intersections,
   * intervals, named automata, classes; valid or not, cheap or not.
   */
  public static Arbitrary<String> regularExpression() {
    Arbitrary<String> piece =
        Arbitraries.frequencyOf(
            List.of(Tuple.of(5, Arbitraries.of(REGEX)), Tuple.of(1, Arbitraries.of(WORDS))));
    return Combinators.combine(
            Arbitraries.of("", "", "", "text:", "title:", "person:"),
            piece.list().ofMaxSize(25).map(parts -> String.join("", parts)))
        .as((field, body) -> field + "/" + body + "/");
  }

  /**
   * Text made of the query syntax: operators, brackets, quotes, field names, numbers, words in
   * several scripts, regular expressions, ranges, and long runs of one piece.
   */
  public static Arbitrary<String> querySyntax() {
    Arbitrary<String> field = Arbitraries.of(FIELDS).map(f -> f + ":");
    Arbitrary<String> run =
        Combinators.combine(
                Arbitraries.of(List.of("(", ")", "\"", "*", "?", "~", "\\", "a", "a ", "OR ", "-")),
                Arbitraries.integers().between(20, 400))
            .as(String::repeat);
    Arbitrary<String> range =
        Combinators.combine(
                Arbitraries.of("[", "{"),
                Arbitraries.oneOf(List.of(Arbitraries.of(NUMBERS), Arbitraries.of(WORDS))),
                Arbitraries.oneOf(List.of(Arbitraries.of(NUMBERS), Arbitraries.of(WORDS))),
                Arbitraries.of("]", "}"))
            .as((open, low, high, close) -> open + low + " TO " + high + close);
    Arbitrary<String> token =
        Arbitraries.frequencyOf(
            List.of(
                Tuple.of(10, Arbitraries.of(SYNTAX)),
                Tuple.of(4, field),
                Tuple.of(3, Arbitraries.of(NUMBERS)),
                Tuple.of(6, Arbitraries.of(WORDS)),
                Tuple.of(2, regularExpression()),
                Tuple.of(2, range),
                Tuple.of(1, run)));
    return token.list().ofMinSize(1).ofMaxSize(30).map(tokens -> String.join("", tokens));
  }
}
