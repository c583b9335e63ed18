package dev.passage.opensearch;

import dev.passage.index.Schema;
import dev.passage.query.QueryCorrection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch._types.SuggestMode;
import org.opensearch.client.opensearch.core.search.StringDistance;
import org.opensearch.client.opensearch.core.search.Suggest;
import org.opensearch.client.opensearch.core.search.SuggestSort;
import org.opensearch.client.opensearch.core.search.TermSuggest;
import org.opensearch.client.opensearch.core.search.TermSuggester;
import org.opensearch.client.util.ObjectBuilder;

/**
 * The cluster's part of "did you mean": a term suggester over {@link Schema#TEXT_EXACT} in the
 * search itself, set as the embedded engine's {@code DirectSpellChecker} is, so both offer the same
 * correction. It suggests for a word no paragraph holds as written; on a cluster, "no paragraph" is
 * judged shard by shard, so a word only one shard holds may be corrected too.
 */
final class WordCorrections {

  private WordCorrections() {}

  /** The suggester, for the query's correctable words as its text. */
  static ObjectBuilder<TermSuggester> termSuggester(TermSuggester.Builder t) {
    return t.field(Schema.TEXT_EXACT)
        .suggestMode(SuggestMode.Missing)
        .size(1)
        .maxEdits(1)
        .prefixLength(1)
        .minWordLength(QueryCorrection.MIN_WORD_LENGTH)
        .maxInspections(5)
        .maxTermFreq(0.01f)
        .minDocFreq(0f)
        .sort(SuggestSort.Score)
        .stringDistance(StringDistance.Internal);
  }

  /** Each word the suggester answered for, with its best correction. */
  static <T> Map<String, String> of(List<Suggest<T>> suggested) {
    Map<String, String> replacements = new HashMap<>();
    if (suggested == null) {
      return replacements;
    }
    for (Suggest<T> s : suggested) {
      if (s.isTerm()) {
        TermSuggest term = s.term();
        if (!term.options().isEmpty()) {
          replacements.put(term.text(), term.options().getFirst().text());
        }
      }
    }
    return replacements;
  }
}
