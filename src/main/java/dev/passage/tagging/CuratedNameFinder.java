package dev.passage.tagging;

import dev.passage.ingest.ArticleDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Finds the names of the curated list (canonical names and aliases), longest first. Runs before the
 * rules, so a listed spelling always wins: "Xi Jingpin" is Xi Jinping, "SCO" is the Shanghai
 * Cooperation Organisation. Places are marked rather than claimed, because they may still be part
 * of an organisation's name ("Bank of China"). A guarded alias ("AMC?") is claimed only when the
 * article names the same entity by another form: evidence before aliases. A form listed with a
 * period ("EC [to 1993-10]") leads to its entry only in an article dated inside the period, so a
 * name leads to the entity it stood for at the article's date. Where one spelling is listed for
 * several entries, a form dated for the article's date wins over one listed without a period, and
 * otherwise the last listed wins.
 */
final class CuratedNameFinder {

  /** One listed form, whether it needs evidence, and when it is in use (null: always). */
  private record Form(Entity entity, String alias, boolean guarded, NamePeriod period) {

    /** The reason given for a name found by this form. */
    String rule(ArticleDate date) {
      String rule = "names list (" + entity.origin() + ")";
      if (period != null) {
        rule += ", '" + alias + "' in use " + period.written() + ", the article being of " + date;
      }
      return rule;
    }
  }

  /** A guarded alias found, waiting for its evidence. */
  private record Pending(ParagraphNames paragraph, int start, int end, Form form) {}

  /** Per spelling, the forms listed for it, in list order. */
  private final PhraseTrie<List<Form>> forms = new PhraseTrie<>();

  CuratedNameFinder(EntityList list) {
    for (Entity entity : list.entities()) {
      for (String form : entity.forms()) {
        add(new Form(entity, form, false, entity.period(form)));
      }
      for (String alias : entity.guardedAliases()) {
        add(new Form(entity, alias, true, entity.period(alias)));
      }
    }
  }

  private void add(Form form) {
    forms.add(
        form.alias(),
        List.of(form),
        (listed, added) -> {
          List<Form> all = new ArrayList<>(listed);
          all.addAll(added);
          return List.copyOf(all);
        });
  }

  /**
   * The form of a spelling in use at {@code date}: the last listed with a period holding the date,
   * else the last listed without a period, else null.
   */
  private static Form inUse(List<Form> listed, ArticleDate date) {
    Form timeless = null;
    for (int i = listed.size() - 1; i >= 0; i--) {
      Form f = listed.get(i);
      if (f.period() != null && f.period().contains(date)) {
        return f;
      }
      if (f.period() == null && timeless == null) {
        timeless = f;
      }
    }
    return timeless;
  }

  /**
   * Claims the listed names of every paragraph of one article dated {@code date} (null when its
   * date is unknown or only guessed: then no dated form applies).
   */
  void find(List<ParagraphNames> article, ArticleDate date) {
    // By identity: each entity is one object of the list, and a record's hash would walk all its
    // aliases. Only entities with guarded aliases are remembered.
    Set<Entity> named = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Pending> pending = new ArrayList<>();
    for (ParagraphNames p : article) {
      find(p, date, named, pending);
    }
    for (Pending g : pending) {
      Entity entity = g.form().entity();
      if (named.contains(entity) && g.paragraph().isFree(g.start(), g.end())) {
        g.paragraph()
            .claim(
                g.start(),
                g.end(),
                entity.type(),
                entity.canonical(),
                g.form().rule(date)
                    + ", '"
                    + g.form().alias()
                    + "' as the article also names "
                    + entity.canonical());
      }
    }
  }

  private void find(ParagraphNames p, ArticleDate date, Set<Entity> named, List<Pending> pending) {
    int i = 0;
    while (i < p.size()) {
      Token t = p.token(i);
      if (!p.isFree(i) || t.kind() == Token.Kind.PUNCTUATION || startsLowerCase(t)) {
        i++;
        continue;
      }
      PhraseTrie.Match<List<Form>> match = forms.longestAt(p.tokens, i);
      Form form = match == null ? null : inUse(match.value(), date);
      if (form == null || !p.isFree(match.start(), match.end())) {
        i++;
        continue;
      }
      Entity entity = form.entity();
      if (form.guarded()) {
        pending.add(new Pending(p, match.start(), match.end(), form));
      } else if (entity.type() == EntityType.PLACE) {
        p.markPlace(match.start(), match.end());
      } else {
        if (!entity.guardedAliases().isEmpty()) {
          named.add(entity);
        }
        p.claim(match.start(), match.end(), entity.type(), entity.canonical(), form.rule(date));
      }
      i = match.end();
    }
  }

  private static boolean startsLowerCase(Token t) {
    return Character.isLowerCase(t.text().codePointAt(0));
  }
}
