package dev.passage.eval;

import dev.passage.tagging.EntityTagger;
import dev.passage.tagging.EntityType;
import dev.passage.tagging.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Scores against Reuters-21578, whose people and organisation labels name each article's main
 * subjects ("Treasury Secretary James Baker", "European Community"), not every name in it: the
 * measure is recall, and how many labelled articles have all their labels among their tags.
 */
final class ReutersEvaluation {

  /**
   * Totals over the labelled articles.
   *
   * @param persons gold people found, of all gold people
   * @param organisations gold organisations found, of all gold organisations
   * @param articles articles with at least one label
   * @param complete of those, articles whose tags include every label
   */
  record Totals(Score persons, Score organisations, long articles, long complete) {

    static final Totals ZERO = new Totals(Score.ZERO, Score.ZERO, 0, 0);

    Totals plus(Totals o) {
      return new Totals(
          persons.plus(o.persons),
          organisations.plus(o.organisations),
          articles + o.articles,
          complete + o.complete);
    }
  }

  private final EntityTagger tagger;
  private final NameMatcher matcher;

  ReutersEvaluation(EntityTagger tagger, NameMatcher matcher) {
    this.tagger = tagger;
    this.matcher = matcher;
  }

  Totals evaluate(CorpusArticle article) {
    List<String> goldPersons = labels(article.gold().path("people_names"));
    List<String> goldOrgs = labels(article.gold().path("orgs_names"));
    if (goldPersons.isEmpty() && goldOrgs.isEmpty()) {
      return Totals.ZERO;
    }
    List<String> persons = new ArrayList<>();
    List<String> orgs = new ArrayList<>();
    for (List<Mention> paragraph : tagger.tag(article.paragraphs(), article.date())) {
      for (Mention m : paragraph) {
        (m.type() == EntityType.PERSON ? persons : orgs).add(m.name());
      }
    }
    Score p = recall(goldPersons, persons, EntityType.PERSON);
    Score o = recall(goldOrgs, orgs, EntityType.ORGANISATION);
    boolean complete = p.found() == p.gold() && o.found() == o.gold();
    return new Totals(p, o, 1, complete ? 1 : 0);
  }

  /** A label is a name, perhaps with its office before it or after a comma. */
  private static List<String> labels(JsonNode names) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : names) {
      String name = n.asString("");
      int comma = name.indexOf(',');
      out.add(comma > 0 ? name.substring(0, comma) : name);
    }
    return out;
  }

  private Score recall(List<String> goldNames, List<String> tagged, EntityType type) {
    Set<String> gold = matcher.entities(goldNames, type);
    Set<String> tags = matcher.entities(tagged, type);
    return new Score(matcher.matches(gold, tags, type), tags.size(), gold.size());
  }
}
