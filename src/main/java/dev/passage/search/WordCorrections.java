package dev.passage.search;

import dev.passage.index.Schema;
import dev.passage.query.QueryCorrection;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * The embedded engine's part of "did you mean": each word of a query that no paragraph holds as
 * written is replaced by the nearest word that some paragraph does, by Lucene's {@link
 * DirectSpellChecker} over {@link Schema#TEXT_EXACT}, set as OpenSearch's term suggester is by
 * default so that both engines offer the same correction.
 */
final class WordCorrections {

  private final DirectSpellChecker checker = new DirectSpellChecker();

  WordCorrections() {
    checker.setMinQueryLength(QueryCorrection.MIN_WORD_LENGTH);
    checker.setMaxEdits(1);
    checker.setMinPrefix(1);
    checker.setMaxInspections(5);
    checker.setAccuracy(0.5f);
    checker.setMaxQueryFrequency(0.01f);
    checker.setThresholdFrequency(0f);
  }

  /** How many paragraphs a word finds by itself, searched as a query is. */
  interface WordCount {
    int paragraphs(String word) throws IOException;
  }

  /** Words whose correction one reader remembers; more are corrected but not remembered. */
  static final int REMEMBERED = 4_096;

  /**
   * {@code query} with its misspelt words corrected from {@code reader}'s words, or null. A word is
   * misspelt when no paragraph holds it as written and, searched by itself ({@code count}), it
   * finds nothing: a word found through its stem or as an alias of the names list is left alone.
   *
   * @param remembered the corrections already made on {@code reader} ("" for a word left alone),
   *     which only its words decide: the same misspellings come again and again, and looking for
   *     the nearest word is most of the cost of a query that finds nothing
   */
  String corrected(
      IndexReader reader, String query, WordCount count, Map<String, String> remembered)
      throws IOException {
    Map<String, String> replacements = new HashMap<>();
    for (String word : QueryCorrection.words(query)) {
      String correction = remembered.get(word);
      if (correction == null) {
        correction = correction(reader, word, count);
        if (remembered.size() < REMEMBERED) {
          remembered.put(word, correction);
        }
      }
      if (!correction.isEmpty()) {
        replacements.put(word, correction);
      }
    }
    return QueryCorrection.corrected(query, replacements);
  }

  /** The nearest word to {@code word} in {@code reader}, or "" when it is not misspelt or none. */
  private String correction(IndexReader reader, String word, WordCount count) throws IOException {
    Term term = new Term(Schema.TEXT_EXACT, word);
    if (reader.docFreq(term) > 0 || count.paragraphs(word) > 0) {
      return "";
    }
    SuggestWord[] best =
        checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
    return best.length > 0 ? best[0].string : "";
  }
}
