package dev.passage.tagging;

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
 * article names the same entity by another form: evidence before aliases.
 */
final class CuratedNameFinder {

  /** One listed form and whether it needs evidence. */
  private record Form(Entity entity, String alias, boolean guarded) {}

  /** A guarded alias found, waiting for its evidence. */
  private record Pending(ParagraphNames paragraph, int start, int end, Form form) {}

  private final PhraseTrie<Form> forms = new PhraseTrie<>();

  CuratedNameFinder(EntityList list) {
    for (Entity entity : list.entities()) {
      for (String form : entity.forms()) {
        forms.add(form, new Form(entity, form, false));
      }
      for (String alias : entity.guardedAliases()) {
        forms.add(alias, new Form(entity, alias, true));
      }
    }
  }

  /** Claims the listed names of every paragraph of one article. */
  void find(List<ParagraphNames> article) {
    // By identity: each entity is one object of the list, and a record's hash would walk all its
    // aliases. Only entities with guarded aliases are remembered.
    Set<Entity> named = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Pending> pending = new ArrayList<>();
    for (ParagraphNames p : article) {
      find(p, named, pending);
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
                "names list ("
                    + entity.origin()
                    + "), '"
                    + g.form().alias()
                    + "' as the article also names "
                    + entity.canonical());
      }
    }
  }

  private void find(ParagraphNames p, Set<Entity> named, List<Pending> pending) {
    int i = 0;
    while (i < p.size()) {
      Token t = p.token(i);
      if (!p.isFree(i) || t.kind() == Token.Kind.PUNCTUATION || startsLowerCase(t)) {
        i++;
        continue;
      }
      PhraseTrie.Match<Form> match = forms.longestAt(p.tokens, i);
      if (match == null || !p.isFree(match.start(), match.end())) {
        i++;
        continue;
      }
      Entity entity = match.value().entity();
      if (match.value().guarded()) {
        pending.add(new Pending(p, match.start(), match.end(), match.value()));
      } else if (entity.type() == EntityType.PLACE) {
        p.markPlace(match.start(), match.end());
      } else {
        if (!entity.guardedAliases().isEmpty()) {
          named.add(entity);
        }
        p.claim(
            match.start(),
            match.end(),
            entity.type(),
            entity.canonical(),
            "names list (" + entity.origin() + ")");
      }
      i = match.end();
    }
  }

  private static boolean startsLowerCase(Token t) {
    return Character.isLowerCase(t.text().codePointAt(0));
  }
}
