package dev.passage.eval;

import dev.passage.tagging.EntityTagger;
import dev.passage.tagging.EntityType;
import dev.passage.tagging.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Scores person and organisation tags against CoNLL-2003, where every mention is labelled, at
 * article level: the distinct people (organisations) an article mentions, compared after
 * canonicalisation, a surname counting as found when the full name is tagged. Paragraphs in
 * capitals (headlines, datelines) are tagged, for context, but not scored.
 */
final class ConllEvaluation {

  /**
   * Headlines of match reports start with their sport ("SOCCER - …"); clubs as organisations and
   * lists of players are not what Passage's users search, so "news" leaves them out.
   */
  static final List<String> SPORTS =
      List.of(
          "SOCCER",
          "CRICKET",
          "TENNIS",
          "GOLF",
          "BASEBALL",
          "BASKETBALL",
          "BOXING",
          "RUGBY",
          "SQUASH",
          "ATHLETICS",
          "CYCLING",
          "MOTOR RACING",
          "MOTORCYCLING",
          "HORSE RACING",
          "SKIING",
          "ALPINE SKIING",
          "SWIMMING",
          "ROWING",
          "SAILING",
          "BADMINTON",
          "TABLE TENNIS",
          "VOLLEYBALL",
          "HOCKEY",
          "ICE HOCKEY",
          "NFL",
          "NHL",
          "NBA",
          "AMERICAN FOOTBALL",
          "FORMULA ONE",
          "OLYMPICS",
          "JUDO",
          "WRESTLING",
          "SNOOKER",
          "DARTS",
          "TRIATHLON");

  private static final Pattern SPACE_BEFORE = Pattern.compile(" ([,.;:!?%)\\]]|'s\\b|n't\\b|')");
  private static final Pattern SPACE_AFTER = Pattern.compile("([($\\[]) ");

  /** The scores of one article, and what was missed or wrongly tagged, for the error listing. */
  record Result(
      boolean news, Score persons, Score organisations, List<String> missed, List<String> wrong) {}

  private final EntityTagger tagger;
  private final NameMatcher matcher;

  ConllEvaluation(EntityTagger tagger, NameMatcher matcher) {
    this.tagger = tagger;
    this.matcher = matcher;
  }

  static boolean isNews(String headline) {
    String h = headline.strip().toUpperCase(Locale.ROOT);
    return SPORTS.stream().noneMatch(h::startsWith);
  }

  /**
   * CoNLL text is tokenised ("England 's", "costs ."); articles are not, so the rules see it as a
   * newsroom wrote it.
   */
  static String detokenise(String text) {
    String t = SPACE_BEFORE.matcher(text).replaceAll("$1");
    return SPACE_AFTER.matcher(t).replaceAll("$1");
  }

  static boolean isScored(String paragraph) {
    return paragraph.codePoints().anyMatch(Character::isLowerCase);
  }

  Result evaluate(CorpusArticle article) {
    List<String> paragraphs =
        article.paragraphs().stream().map(ConllEvaluation::detokenise).toList();
    List<List<Mention>> mentions = tagger.tag(paragraphs);
    List<String> taggedPersons = new ArrayList<>();
    List<String> taggedOrgs = new ArrayList<>();
    StringBuilder scoredText = new StringBuilder();
    for (int i = 0; i < paragraphs.size(); i++) {
      if (!isScored(paragraphs.get(i))) {
        continue;
      }
      scoredText.append(paragraphs.get(i)).append('\n');
      for (Mention m : mentions.get(i)) {
        (m.type() == EntityType.PERSON ? taggedPersons : taggedOrgs).add(m.name());
      }
    }
    List<String> goldPersons = new ArrayList<>();
    List<String> goldOrgs = new ArrayList<>();
    for (JsonNode e : article.gold().path("entities")) {
      String text = detokenise(e.path("text").asString(""));
      if (scoredText.indexOf(text) < 0) {
        continue; // only in the headline
      }
      switch (e.path("type").asString("")) {
        case "PER" -> goldPersons.add(text);
        case "ORG" -> goldOrgs.add(text);
        default -> {}
      }
    }
    List<String> missed = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    Score persons = compare(goldPersons, taggedPersons, EntityType.PERSON, missed, wrong);
    Score orgs = compare(goldOrgs, taggedOrgs, EntityType.ORGANISATION, missed, wrong);
    return new Result(isNews(article.title()), persons, orgs, missed, wrong);
  }

  private Score compare(
      List<String> goldNames,
      List<String> taggedNames,
      EntityType type,
      List<String> missed,
      List<String> wrong) {
    Set<String> gold = matcher.entities(goldNames, type);
    Set<String> tagged = matcher.entities(taggedNames, type);
    String label = type == EntityType.PERSON ? "person " : "organisation ";
    for (String g : gold) {
      if (matcher.matches(Set.of(g), tagged, type) == 0) {
        missed.add(label + g);
      }
    }
    for (String t : tagged) {
      if (matcher.matches(gold, Set.of(t), type) == 0) {
        wrong.add(label + t);
      }
    }
    return new Score(matcher.matches(gold, tagged, type), tagged.size(), gold.size());
  }
}
