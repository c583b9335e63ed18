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

  /**
   * {@code query} with its misspelt words corrected from {@code reader}'s words, or null. A word is
   * misspelt when no paragraph holds it as written and, searched by itself ({@code count}), it
   * finds nothing: a word found through its stem or as an alias of the names list is left alone.
   */
  String corrected(IndexReader reader, String query, WordCount count) throws IOException {
    Map<String, String> replacements = new HashMap<>();
    for (String word : QueryCorrection.words(query)) {
      Term term = new Term(Schema.TEXT_EXACT, word);
      if (reader.docFreq(term) > 0 || count.paragraphs(word) > 0) {
        continue;
      }
      SuggestWord[] best =
          checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      if (best.length > 0) {
        replacements.put(word, best[0].string);
      }
    }
    return QueryCorrection.corrected(query, replacements);
  }
}
