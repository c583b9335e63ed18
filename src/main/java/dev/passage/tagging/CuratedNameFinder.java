package dev.passage.tagging;

/**
 * Finds the names of the curated list (canonical names and aliases), longest first. Runs before the
 * rules, so a listed spelling always wins: "Xi Jingpin" is Xi Jinping, "SCO" is the Shanghai
 * Cooperation Organisation. Places are marked rather than claimed, because they may still be part
 * of an organisation's name ("Bank of China").
 */
final class CuratedNameFinder {

  private final PhraseTrie<Entity> aliases = new PhraseTrie<>();

  CuratedNameFinder(EntityList list) {
    for (Entity entity : list.entities()) {
      for (String form : entity.forms()) {
        aliases.add(form, entity);
      }
    }
  }

  void find(ParagraphNames p) {
    int i = 0;
    while (i < p.size()) {
      Token t = p.token(i);
      if (!p.isFree(i) || t.kind() == Token.Kind.PUNCTUATION || startsLowerCase(t)) {
        i++;
        continue;
      }
      PhraseTrie.Match<Entity> match = aliases.longestAt(p.tokens, i);
      if (match == null || !p.isFree(match.start(), match.end())) {
        i++;
        continue;
      }
      Entity entity = match.value();
      if (entity.type() == EntityType.PLACE) {
        p.markPlace(match.start(), match.end());
      } else {
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
