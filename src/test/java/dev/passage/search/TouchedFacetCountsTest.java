package dev.passage.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The touched-values counts agree with Lucene's own, value for value and in the same order, also
 * when each search counts into the array the one before it released.
 */
class TouchedFacetCountsTest {

  private static final String[] DIMS = {"person", "topic", "year"};

  @Test
  void countsTopValuesAndSpecificValuesAreLucenesOnAManySegmentIndexSearchAfterSearch()
      throws Exception {
    FacetsConfig config = new FacetsConfig();
    for (String dim : DIMS) {
      config.setMultiValued(dim, true);
    }
    Random random = new Random(20261123);
    try (Directory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
        for (int doc = 0; doc < 3_000; doc++) {
          Document d = new Document();
          d.add(new StringField("group", "g" + doc % 7, Field.Store.NO));
          // Few topics and years (many ties), many people (most counted once or twice).
          for (int v = random.nextInt(4); v > 0; v--) {
            d.add(new SortedSetDocValuesFacetField("person", "p" + random.nextInt(2_000)));
          }
          if (doc % 3 != 0) {
            d.add(new SortedSetDocValuesFacetField("topic", "t" + random.nextInt(12)));
          }
          if (doc % 5 != 0) {
            d.add(new SortedSetDocValuesFacetField("year", "" + (1980 + random.nextInt(40))));
          }
          writer.addDocument(config.build(d));
          if (doc % 700 == 699) {
            // A segment ending in a paragraph without any value.
            Document untagged = new Document();
            untagged.add(new StringField("group", "g" + doc % 7, Field.Store.NO));
            writer.addDocument(untagged);
            writer.commit(); // several segments, so global ordinals are mapped
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.leaves()).hasSizeGreaterThan(1);
        IndexSearcher searcher = new IndexSearcher(reader);
        SortedSetDocValuesReaderState state =
            new DefaultSortedSetDocValuesReaderState(reader, config);
        FacetOrdinals ordinals = FacetOrdinals.read(reader, state, new SegmentOrdinals.Cache());
        List<Query> queries = new ArrayList<>(List.of(MatchAllDocsQuery.INSTANCE));
        for (int g = 0; g < 8; g++) {
          queries.add(new TermQuery(new Term("group", "g" + g))); // g7 matches nothing
        }
        for (Query query : queries) {
          var hits =
              FacetsCollectorManager.search(searcher, query, 10, new FacetsCollectorManager())
                  .facetsCollector();
          Facets lucene = new SortedSetDocValuesFacetCounts(state, hits);
          TouchedFacetCounts touched = new TouchedFacetCounts(ordinals, hits);
          for (String dim : DIMS) {
            for (int topN : new int[] {1, 10, 100, 5_000}) {
              assertThat(describe(touched.getTopChildren(topN, dim)))
                  .as(query + " " + dim + " top " + topN)
                  .isEqualTo(describe(lucene.getTopChildren(topN, dim)));
            }
            assertThat(describe(touched.getAllChildren(dim)))
                .as(query + " " + dim + " all")
                .isEqualTo(describe(lucene.getAllChildren(dim)));
          }
          for (String person : new String[] {"p0", "p1999", "nobody"}) {
            assertThat(touched.getSpecificValue("person", person))
                .as(query + " " + person)
                .isEqualTo(lucene.getSpecificValue("person", person));
          }
          touched.release();
          touched.release(); // a second release gives nothing back twice
        }
        int[] first = ordinals.borrowCounts();
        int[] second = ordinals.borrowCounts();
        assertThat(second).as("one array was given back, and lent once").isNotSameAs(first);
        assertThat(first).as("the array given back is zeroed").containsOnly(0);
      }
    }
  }

  @Test
  void countsMergedFromPartsEqualCountsMadeInOneWhetherOrNotThePartsTrackTheirValues()
      throws Exception {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued("person", true);
    try (Directory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
        // 1,000 people, one each: a part of all the paragraphs touches more than an eighth of them.
        for (int doc = 0; doc < 2_000; doc++) {
          Document d = new Document();
          d.add(new SortedSetDocValuesFacetField("person", "p" + doc % 1_000));
          if (doc % 10 == 0) {
            d.add(new SortedSetDocValuesFacetField("person", "popular"));
          }
          writer.addDocument(config.build(d));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        FacetOrdinals ordinals =
            FacetOrdinals.read(
                reader,
                new DefaultSortedSetDocValuesReaderState(reader, config),
                new SegmentOrdinals.Cache());
        TouchedFacetCounts whole = new TouchedFacetCounts(ordinals);
        TouchedFacetCounts few = new TouchedFacetCounts(ordinals); // 50 paragraphs: tracked
        TouchedFacetCounts many = new TouchedFacetCounts(ordinals); // 1,950: past the eighth
        for (int doc = 0; doc < 2_000; doc++) {
          whole.add(doc);
          (doc < 50 ? few : many).add(doc);
        }
        TouchedFacetCounts fewThenMany = new TouchedFacetCounts(ordinals);
        fewThenMany.merge(few);
        fewThenMany.merge(many);
        many.merge(few);

        String expected = describe(whole.getAllChildren("person"));
        assertThat(expected).startsWith("[p0 (2), p1 (2), ").contains("popular (200)");
        assertThat(describe(fewThenMany.getAllChildren("person"))).isEqualTo(expected);
        assertThat(describe(many.getAllChildren("person"))).isEqualTo(expected);
        assertThat(describe(many.getTopChildren(2, "person")))
            .isEqualTo(describe(whole.getTopChildren(2, "person")))
            .startsWith("[popular (200), p0 (2)]");
        for (TouchedFacetCounts counts : List.of(whole, few, many, fewThenMany)) {
          counts.release();
        }
        for (int i = 0; i < FacetOrdinals.MAX_SPARE_COUNTS; i++) {
          assertThat(ordinals.borrowCounts())
              .as("every array given back is zeroed")
              .containsOnly(0);
        }
      }
    }
  }

  /** The labels and counts in order, and how many values had a count; null stays null. */
  private static String describe(FacetResult result) {
    return result == null
        ? null
        : java.util.Arrays.toString(result.labelValues) + " of " + result.childCount;
  }

  @Test
  void aRefreshReadsOnlyTheNewSegmentsAndMapsTheOthersToTheNewOrdinals() throws Exception {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued("person", true);
    try (Directory directory = new ByteBuffersDirectory();
        IndexWriter writer =
            new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (String person : new String[] {"b", "d", "f"}) {
        Document d = new Document();
        d.add(new StringField("id", person, Field.Store.NO));
        d.add(new SortedSetDocValuesFacetField("person", person));
        writer.addDocument(config.build(d));
      }
      writer.commit();
      SegmentOrdinals.Cache cache = new SegmentOrdinals.Cache();
      DirectoryReader before = DirectoryReader.open(directory);
      FacetOrdinals.read(before, new DefaultSortedSetDocValuesReaderState(before, config), cache);
      assertThat(cache.size()).isEqualTo(1);

      // New values that sort between the old ones shift every global ordinal.
      for (String person : new String[] {"a", "c", "e"}) {
        Document d = new Document();
        d.add(new SortedSetDocValuesFacetField("person", person));
        d.add(new SortedSetDocValuesFacetField("person", "b"));
        writer.addDocument(config.build(d));
      }
      writer.deleteDocuments(new Term("id", "d"));
      writer.commit();
      DirectoryReader after = DirectoryReader.openIfChanged(before);
      before.close();
      var state = new DefaultSortedSetDocValuesReaderState(after, config);
      FacetOrdinals kept = FacetOrdinals.read(after, state, cache);
      FacetOrdinals fresh = FacetOrdinals.read(after, state, new SegmentOrdinals.Cache());

      assertThat(after.leaves()).hasSize(2);
      assertThat(cache.size()).isEqualTo(2);
      assertThat(kept.starts()).isEqualTo(fresh.starts());
      assertThat(kept.ords()).isEqualTo(fresh.ords());
      IndexSearcher searcher = new IndexSearcher(after);
      var hits =
          FacetsCollectorManager.search(
                  searcher, MatchAllDocsQuery.INSTANCE, 10, new FacetsCollectorManager())
              .facetsCollector();
      assertThat(describe(new TouchedFacetCounts(kept, hits).getAllChildren("person")))
          .isEqualTo("[a (1), b (4), c (1), e (1), f (1)] of 5");
      after.close();
      assertThat(cache.size()).as("closed segments are dropped").isZero();
    }
  }
}
