package dev.passage.tagging;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A generic head ("the Central Bank", "the Finance Ministry", listed in name-rules.tsv) names a
 * kind of body, not one body: it joins the one longer name of the same article that holds it
 * ("Turkish Central Bank", "Reserve Bank of New Zealand"), as a surname joins the full name, and is
 * no organisation where the article has no such name or several.
 */
final class GenericNameResolver {

  private final NameRules rules;

  GenericNameResolver(NameRules rules) {
    this.rules = rules;
  }

  void resolve(List<ParagraphNames> article) {
    if (!hasGeneric(article)) {
      return;
    }
    Set<String> longer = new LinkedHashSet<>();
    for (ParagraphNames p : article) {
      for (Mention m : p.mentions()) {
        if (m.type() == EntityType.ORGANISATION && !rules.isGenericHead(m.name())) {
          longer.add(m.name());
        }
      }
    }
    for (ParagraphNames p : article) {
      for (Mention m : List.copyOf(p.mentions())) {
        if (!isGeneric(m)) {
          continue;
        }
        String head = " " + Tokenizer.key(m.name()) + " ";
        List<String> holders =
            longer.stream().filter(n -> (" " + Tokenizer.key(n) + " ").contains(head)).toList();
        if (holders.size() == 1) {
          p.rename(
              m, holders.getFirst(), m.rule() + "; short for '" + holders.getFirst() + "' here");
        } else {
          p.demote(m, "generic '" + m.name() + "': the article names no one body it stands for");
        }
      }
    }
  }

  private boolean hasGeneric(List<ParagraphNames> article) {
    for (ParagraphNames p : article) {
      for (Mention m : p.mentions()) {
        if (isGeneric(m)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean isGeneric(Mention m) {
    return m.type() == EntityType.ORGANISATION && rules.isGenericHead(m.name());
  }
}
