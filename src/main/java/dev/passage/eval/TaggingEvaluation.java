package dev.passage.eval;

import dev.passage.ingest.Paragraph;
import dev.passage.tagging.ArticleTagger;
import dev.passage.tagging.EntityList;
import dev.passage.tagging.EntityTagger;
import dev.passage.tagging.TopicRules;
import dev.passage.tagging.TopicTagger;
import dev.passage.tagging.YearFinder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs Passage's own tagging over labelled corpora and writes the quality table of {@code
 * docs/quality.md}: person and organisation precision, recall and F1 on CoNLL-2003, recall on
 * Reuters-21578, and what tagging costs per paragraph.
 */
public final class TaggingEvaluation {

  private final EntityTagger entities;
  private final ArticleTagger articles;
  private final NameMatcher matcher;

  public TaggingEvaluation(EntityList names) {
    this.entities = new EntityTagger(names);
    this.articles =
        new ArticleTagger(entities, new YearFinder(), new TopicTagger(TopicRules.bundled()));
    this.matcher = new NameMatcher(names);
  }

  /** The CoNLL scores: all articles, then news articles only. */
  public record ConllTable(
      long articles,
      Score persons,
      Score organisations,
      long newsArticles,
      Score newsPersons,
      Score newsOrganisations,
      Map<String, Integer> missed,
      Map<String, Integer> wrong) {}

  /** Scores every article of a CoNLL-2003 file; {@code missed} and {@code wrong} are news only. */
  public ConllTable conll(Path file) throws IOException {
    ConllEvaluation evaluation = new ConllEvaluation(entities, matcher);
    Score persons = Score.ZERO;
    Score orgs = Score.ZERO;
    Score newsPersons = Score.ZERO;
    Score newsOrgs = Score.ZERO;
    long count = 0;
    long news = 0;
    Map<String, Integer> missed = new HashMap<>();
    Map<String, Integer> wrong = new HashMap<>();
    for (CorpusArticle article : CorpusArticle.read(file)) {
      ConllEvaluation.Result r = evaluation.evaluate(article);
      count++;
      persons = persons.plus(r.persons());
      orgs = orgs.plus(r.organisations());
      if (r.news()) {
        news++;
        newsPersons = newsPersons.plus(r.persons());
        newsOrgs = newsOrgs.plus(r.organisations());
        r.missed().forEach(m -> missed.merge(m, 1, Integer::sum));
        r.wrong().forEach(w -> wrong.merge(w, 1, Integer::sum));
      }
    }
    return new ConllTable(count, persons, orgs, news, newsPersons, newsOrgs, missed, wrong);
  }

  /** Recall over every labelled article of a Reuters-21578 file. */
  public ReutersEvaluation.Totals reuters(Path file) throws IOException {
    ReutersEvaluation evaluation = new ReutersEvaluation(entities, matcher);
    ReutersEvaluation.Totals totals = ReutersEvaluation.Totals.ZERO;
    for (CorpusArticle article : CorpusArticle.read(file)) {
      totals = totals.plus(evaluation.evaluate(article));
    }
    return totals;
  }

  /**
   * What tagging costs.
   *
   * @param microsPerParagraph the median over the passes
   * @param paragraphs paragraphs tagged in each pass
   */
  public record Cost(double microsPerParagraph, long paragraphs) {}

  /**
   * Times the whole tagger (names, years, topics) on the articles of {@code file}, {@code rounds}
   * times over, on one thread.
   */
  public Cost cost(Path file, int rounds) throws IOException {
    List<CorpusArticle> read = CorpusArticle.read(file);
    List<List<Paragraph>> corpus = new ArrayList<>();
    long paragraphs = 0;
    for (CorpusArticle a : read) {
      List<Paragraph> ps = new ArrayList<>();
      for (String text : a.paragraphs()) {
        ps.add(new Paragraph(ps.size() + 1, null, text));
      }
      corpus.add(ps);
      paragraphs += ps.size();
    }
    double[] perParagraph = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < corpus.size(); i++) {
        articles.tag(null, read.get(i).title(), corpus.get(i));
      }
      perParagraph[round] = (System.nanoTime() - start) / 1_000.0 / paragraphs;
    }
    Arrays.sort(perParagraph);
    return new Cost(perParagraph[rounds / 2], paragraphs);
  }

  /** Writes a CoNLL table as Markdown rows. */
  public static void printConll(ConllTable t, String corpus, PrintWriter out) {
    out.println("| corpus | articles | person P | person R | person F1 | org P | org R | org F1 |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    row(out, corpus + ", all articles", t.articles(), t.persons(), t.organisations());
    row(out, corpus + ", news articles", t.newsArticles(), t.newsPersons(), t.newsOrganisations());
  }

  private static void row(PrintWriter out, String label, long n, Score p, Score o) {
    out.printf(
        Locale.ROOT,
        "| %s | %d | %.3f | %.3f | **%.3f** | %.3f | %.3f | **%.3f** |%n",
        label,
        n,
        p.precision(),
        p.recall(),
        p.f1(),
        o.precision(),
        o.recall(),
        o.f1());
  }

  /** Writes Reuters totals as Markdown rows. */
  public static void printReuters(ReutersEvaluation.Totals t, String corpus, PrintWriter out) {
    out.println(
        "| corpus | labelled articles | people found | organisations found |"
            + " articles with every label tagged |");
    out.println("|---|---:|---:|---:|---:|");
    out.printf(
        Locale.ROOT,
        "| %s | %d | %d of %d (%.1f %%) | %d of %d (%.1f %%) | %d (%.1f %%) |%n",
        corpus,
        t.articles(),
        t.persons().found(),
        t.persons().gold(),
        100 * t.persons().recall(),
        t.organisations().found(),
        t.organisations().gold(),
        100 * t.organisations().recall(),
        t.complete(),
        t.articles() == 0 ? 0.0 : 100.0 * t.complete() / t.articles());
  }

  /** The {@code n} most frequent entries of a count map, most frequent first. */
  public static List<String> top(Map<String, Integer> counts, int n) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .map(e -> e.getValue() + "× " + e.getKey())
        .toList();
  }
}
