package dev.passage.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class ReusedPostingsTest {

  private static final String[] TEXTS = {
    "Oil prices rose in March.",
    "No word of it here.",
    "Crude oil fell, and oil prices with it; oil prices matter.",
    "Oil, oil and more oil.",
  };

  @Test
  void theNextHitOfASegmentTakesThePostingsThePreviousHitUsed() throws IOException {
    try (Directory dir = index();
        IndexReader reader = DirectoryReader.open(dir)) {
      ReusedPostings view = ReusedPostings.of(reader);

      PostingsEnum first = postingsOf(view.nextHit(0), "oil");
      PostingsEnum sameHit = postingsOf(view.leaves().get(0), "oil");
      PostingsEnum nextHit = postingsOf(view.nextHit(0), "oil");

      assertThat(sameHit).isNotSameAs(first);
      assertThat(nextHit).isSameAs(first);
    }
  }

  @Test
  void aSegmentKeepsAtMost32EnumsForTheNextHit() throws IOException {
    try (Directory dir = index();
        IndexReader reader = DirectoryReader.open(dir)) {
      ReusedPostings view = ReusedPostings.of(reader);
      List<PostingsEnum> first = new ArrayList<>();
      view.nextHit(0);
      for (int i = 0; i < 40; i++) {
        first.add(postingsOf(view.leaves().get(0), "oil"));
      }
      view.nextHit(0);
      List<PostingsEnum> next = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        next.add(postingsOf(view.leaves().get(0), "oil"));
      }

      assertThat(next.subList(0, 32)).containsExactlyElementsOf(first.subList(0, 32));
      assertThat(next.subList(32, 40)).doesNotContainAnyElementsOf(first);
    }
  }

  @Test
  void matchesThroughTheViewHaveTheOffsetsLuceneFindsWithoutIt() throws IOException {
    // The same term twice in one hit (alone and in the phrase) needs two enums at once.
    Query query =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term("text", "oil")), Occur.MUST)
            .add(new PhraseQuery("text", "oil", "prices"), Occur.SHOULD)
            .build();
    try (Directory dir = index();
        IndexReader reader = DirectoryReader.open(dir)) {
      IndexSearcher plain = new IndexSearcher(reader);
      ReusedPostings view = ReusedPostings.of(reader);
      IndexSearcher viewed = new IndexSearcher(view);
      Weight plainWeight = plain.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f);
      Weight viewedWeight = viewed.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f);

      List<String> expected = new ArrayList<>();
      List<String> actual = new ArrayList<>();
      for (int doc = 0; doc < TEXTS.length; doc++) {
        expected.add(offsets(plainWeight.matches(reader.leaves().get(0), doc)));
        actual.add(offsets(viewedWeight.matches(view.nextHit(0), doc)));
      }

      assertThat(actual)
          .isEqualTo(expected)
          .containsExactly("0-3 0-10", "none", "6-9 20-23 20-30 40-43 40-50", "0-3 5-8 18-21");
    }
  }

  private static PostingsEnum postingsOf(LeafReaderContext leaf, String word) throws IOException {
    TermsEnum terms = leaf.reader().terms("text").iterator();
    assertThat(terms.seekExact(new BytesRef(word))).isTrue();
    return terms.postings(null, PostingsEnum.OFFSETS);
  }

  private static String offsets(Matches matches) throws IOException {
    if (matches == null) {
      return "none";
    }
    List<String> found = new ArrayList<>();
    MatchesIterator it = matches.getMatches("text");
    while (it.next()) {
      found.add(it.startOffset() + "-" + it.endOffset());
    }
    return String.join(" ", found);
  }

  private static Directory index() throws IOException {
    Directory dir = new ByteBuffersDirectory();
    FieldType withOffsets = new FieldType();
    withOffsets.setTokenized(true);
    withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    withOffsets.freeze();
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (String text : TEXTS) {
        Document doc = new Document();
        doc.add(new Field("text", text, withOffsets));
        writer.addDocument(doc);
      }
    }
    return dir;
  }
}
