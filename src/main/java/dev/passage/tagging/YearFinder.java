package dev.passage.tagging;

import dev.passage.ingest.ArticleDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the years a paragraph states: years ("In 2013", "mid-2015"), ranges ("2014-2016",
 * "2014–16", "from 2014 to 2016" give both ends, not the years between, which the text does not
 * name), split years ("the 1986/87 crop" gives both) and dates without a year ("On 29 November",
 * "this May", "last year", "next month"), which are resolved against the article's date. Numbers
 * that only look like years are skipped: amounts ("$2014"), counts ("1500 troops", "about 2000"),
 * and numbers inside names ("Kazakhstan 2050 Strategy").
 *
 * <p>A month without a year is the nearest such month to the article's: "29 November" in an article
 * of May 2024 is November 2023, six months back, and a tie goes to the past because news reports
 * more than it announces. "last", "next", "this" and "since" say which side of the article's month
 * it is on. Against an article known only to its year, a month is in that year.
 */
public final class YearFinder {

  private static final String MONTH =
      "(January|February|March|April|May|June|July|August|September|October|November|December"
          + "|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)";

  private static final Pattern YEAR =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}$€£¥.,/])(?<![\\p{N}][-–])(1\\d{3}|20\\d{2}|2100)"
              + "(?:\\s*[-–]\\s*(\\d{4}|\\d{2})|/(\\d{2})(?![\\p{N}/]))?(?![\\p{N}]|[.,/]\\d|%)");

  /**
   * A month with a day or a relative word, and no year after it. The day is matched possessively so
   * that "Sept 7, 2013" is not read as a bare "Sept".
   */
  private static final Pattern MONTH_DATE =
      Pattern.compile(
          "\\b(?:((?i:this|last|next|early|late|mid-?|in|on|since|until|by|from))\\s+)?"
              + "(?:(?<![\\d.,])(\\d{1,2})(?:\\s*(?:-|–|to)\\s*\\d{1,2})?\\s+"
              + MONTH
              + "|"
              + MONTH
              + "(?:\\s+(\\d{1,2})(?!\\d|[.,]\\d)(?:st|nd|rd|th)?(?:\\s*(?:-|–|to)\\s*\\d{1,2})?)?+)"
              + "(?![\\p{L}\\p{N}])(?!,?\\s+(?:of\\s+)?\\d{4})");

  /** "this year", "last year" or "next year" right after a month: "in October last year". */
  private static final Pattern YEAR_AFTER_MONTH =
      Pattern.compile(",?\\s+(this|last|next) year\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern RELATIVE_PERIOD =
      Pattern.compile(
          "\\b(this|last|next|previous|past|current|coming) (year|month)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Words after a number that make it a quantity, not a year. */
  private static final Pattern UNIT_AFTER =
      Pattern.compile(
          "^\\s*(?:%|percent|per cent|bn|billion|mln|million|thousand|trillion|tonnes|tons|tonne"
              + "|km|kilometres|kilometers|miles|metres|meters|barrels|bpd|mw|kw|people|persons"
              + "|troops|soldiers|workers|employees|jobs|units|cars|vehicles|households|homes|shares"
              + "|dlrs|dollars|usd|euros|yuan|tenge|rubles|roubles|pounds|yen|cts|points|kg|hectares"
              + "|acres|feet|ft|students|members|delegates|participants|documents|projects|companies)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Words before a number that make it an amount or a count. */
  private static final Pattern QUANTITY_BEFORE =
      Pattern.compile(
          "(?:\\$|US\\$|€|£|¥|\\b(?:about|around|nearly|almost|some|over|than|approximately"
              + "|roughly|least|no\\.|number|total of|up to|No))\\s*$",
          Pattern.CASE_INSENSITIVE);

  /**
   * Right after these words a number is a year even before a unit: "In 2013 companies invested".
   */
  private static final Pattern YEAR_BEFORE =
      Pattern.compile("\\b(?:in|since|until|during)\\s*$", Pattern.CASE_INSENSITIVE);

  /** Words after a number that make it a clock time: "2100 GMT", "2100 hrs", "1400 to 1500 EST". */
  private static final Pattern CLOCK_AFTER =
      Pattern.compile(
          "^\\s*(?:(?:to|and|-|–)\\s*\\d{4}\\s*)?\\(?(?:gmt|utc|est|edt|cst|cdt|mst|mdt|pst|pdt|bst"
              + "|cet|cest|hrs|hours|h|local)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "1980=100", "1985 = 100", "the 1980 base". */
  private static final Pattern INDEX_BASE_AFTER =
      Pattern.compile("^\\s*(?:=\\s*100\\b|base\\b)", Pattern.CASE_INSENSITIVE);

  /** "at 1980 prices", "in constant 1990 dollars": the prices of a base year. */
  private static final Pattern CONSTANT_PRICES_AFTER =
      Pattern.compile("^\\s*(?:prices|dollars|terms)\\b", Pattern.CASE_INSENSITIVE);

  /** Before a decade's "'s" ("the 1960's"), rather than a year's possessive ("1987's profit"). */
  private static final Pattern DECADE_BEFORE =
      Pattern.compile("\\b(?:the|early|late|mid-?)\\s*$", Pattern.CASE_INSENSITIVE);

  /** Words that start a phrase rather than a name: "In 2019 Kazakhstan signed". */
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "In", "On", "At", "By", "Of", "For", "From", "To", "Since", "Until", "During", "After",
          "Before", "Between", "Through", "And", "But", "Or", "Early", "Late", "Mid", "The", "A",
          "An", "Its", "His", "Her", "Their", "This", "That", "Last", "Next");

  /** A paragraph is a table when this share of its words, or more, hold a digit. */
  private static final double TABLE_DIGIT_SHARE = 0.5;

  /** ... and it has at least this many words. */
  private static final int TABLE_MIN_WORDS = 8;

  /** Before this, a four-digit number is a year only with a preposition such as "in 1389". */
  private static final int MODERN = 1800;

  private static final Pattern HISTORIC_CONTEXT =
      Pattern.compile(
          "\\b(?:in|since|from|until|by|of|around|year|c\\.|circa)\\s*$", Pattern.CASE_INSENSITIVE);

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  private static final Set<String> MONTH_WORDS =
      Set.of(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "jan",
          "feb",
          "mar",
          "apr",
          "jun",
          "jul",
          "aug",
          "sep",
          "sept",
          "oct",
          "nov",
          "dec");

  private static final Set<String> MONTH_PREFIXES =
      Set.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

  /** True when a capitalised word starts like a month: the only place a month date can be. */
  static boolean mentionsMonth(String text) {
    for (int i = 0; i + 3 <= text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A'
          && c <= 'S'
          && (i == 0 || !Character.isLetter(text.charAt(i - 1)))
          && MONTH_PREFIXES.contains(text.substring(i, i + 3))) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(String text, String word) {
    for (int i = 0; i + word.length() <= text.length(); i++) {
      if (text.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  /** A month's name or abbreviation, lower-cased: "may", "sept". */
  static boolean isMonthWord(String key) {
    return MONTH_WORDS.contains(key);
  }

  /**
   * The years stated in {@code text}, in text order.
   *
   * @param articleDate resolves dates without a year; null when unknown
   */
  public List<YearMention> find(String text, ArticleDate articleDate) {
    List<YearMention> found = new ArrayList<>();
    findYears(text, found);
    // The date patterns are costly to try at every word; most paragraphs name no month at all.
    if (articleDate != null && mentionsMonth(text)) {
      findMonthDates(text, articleDate, found);
    }
    if (articleDate != null && (contains(text, "year") || contains(text, "month"))) {
      findRelativePeriods(text, articleDate, found);
    }
    found.sort(Comparator.comparingInt(YearMention::start));
    return found;
  }

  private void findYears(String text, List<YearMention> found) {
    // Whether the paragraph is a table is asked only once it holds a candidate year.
    Boolean table = null;
    for (MatchResult m : matches(YEAR, text, YearFinder::mayStartYear)) {
      int year = Integer.parseInt(m.group(1));
      Integer split = m.group(3) == null ? null : (year / 100 * 100 + Integer.parseInt(m.group(3)));
      if (split != null && split % 100 != (year + 1) % 100) {
        // "1986/87" is a season or fiscal year; "1200/30" is no year at all.
        continue;
      }
      String before = text.substring(Math.max(0, m.start() - 20), m.start());
      String after = text.substring(m.end());
      boolean afterPreposition = YEAR_BEFORE.matcher(before).find();
      boolean quantity =
          QUANTITY_BEFORE.matcher(before).find()
              || (UNIT_AFTER.matcher(after).lookingAt() && !afterPreposition);
      if (quantity
          || isIndexBase(before, after)
          || (isClockTime(year) && CLOCK_AFTER.matcher(after).lookingAt())) {
        continue;
      }
      if (!after.isEmpty() && Character.isLetter(after.charAt(0))) {
        // "1960s", "2100GMT", "2005B": a decade, a clock time or a figure of a price table.
        continue;
      }
      boolean single = m.group(2) == null && split == null;
      if (single && isDecade(year, before, after)) {
        continue;
      }
      if (year < MODERN && !HISTORIC_CONTEXT.matcher(before).find()) {
        continue;
      }
      if (!afterPreposition && table == null) {
        table = isTable(text);
      }
      if (!afterPreposition && (table || besideAFigure(text, m.start(), m.end()))) {
        continue;
      }
      if (isModelName(text, m.start(), m.end())) {
        continue;
      }
      if (single && isInsideName(text, m.start(), m.end())) {
        continue;
      }
      found.add(new YearMention(year, m.start(1), m.end(1), m.group(1), "stated year"));
      if (split != null) {
        found.add(
            new YearMention(
                year + 1, m.start(3), m.end(3), m.group(3), "second year of a split year"));
      }
      if (m.group(2) != null) {
        int end = Integer.parseInt(m.group(2));
        if (m.group(2).length() == 2) {
          end = year / 100 * 100 + end;
        }
        if (end > year && end - year <= 100) {
          found.add(
              new YearMention(end, m.start(2), m.end(2), m.group(2), "end of a stated range"));
        }
      }
    }
  }

  /**
   * An index's base year is a reference, not a time the text is about: "(base 1980)", "1980=100",
   * "the 1980 base", "at 1980 prices". Words before the number are compared without regular
   * expressions: this runs for every four-digit number.
   */
  private static boolean isIndexBase(String before, String after) {
    return endsWithWord(before, "base")
        || endsWithWord(before, "base year")
        || INDEX_BASE_AFTER.matcher(after).lookingAt()
        || (CONSTANT_PRICES_AFTER.matcher(after).lookingAt()
            && (endsWithWord(before, "at") || endsWithWord(before, "constant")));
  }

  /** True when {@code text} ends in {@code word} (any case), a colon or spaces after it. */
  private static boolean endsWithWord(String text, String word) {
    int end = text.length();
    while (end > 0
        && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ':')) {
      end--;
    }
    int start = end - word.length();
    return start >= 0
        && text.regionMatches(true, start, word, 0, word.length())
        && (start == 0 || !Character.isLetter(text.charAt(start - 1)));
  }

  /** A number that reads as hours and minutes: 2100 can be a clock time, 1987 cannot. */
  private static boolean isClockTime(int number) {
    return number / 100 <= 23 && number % 100 <= 59;
  }

  /** "the 1960's": a decade written with an apostrophe; "1960s" has already been left out. */
  private static boolean isDecade(int year, String before, String after) {
    return year % 10 == 0 && after.startsWith("'s") && DECADE_BEFORE.matcher(before).find();
  }

  /**
   * A price or results table ("MAY8 2040B 2060A 2063", "total 2003 22433 off 143"): its numbers are
   * figures, whatever their size.
   */
  static boolean isTable(String text) {
    int words = 0;
    int withDigits = 0;
    boolean inWord = false;
    boolean digit = false;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words++;
          withDigits += digit ? 1 : 0;
        }
        inWord = false;
        digit = false;
      } else {
        inWord = true;
        digit |= c >= '0' && c <= '9';
      }
    }
    return words >= TABLE_MIN_WORDS && withDigits >= words * TABLE_DIGIT_SHARE;
  }

  /**
   * A number next to another figure that is not a year ("2058, 2444, 2447", "2003 22433") is one of
   * a list of figures. A day after its month ("March 27, 2002") is not such a figure.
   */
  private static boolean besideAFigure(String text, int start, int end) {
    if (BRACKETED_FIGURE_AFTER.matcher(text).region(end, text.length()).lookingAt()
        || (start > 0
            && text.charAt(start - 1) == '('
            && end < text.length()
            && text.charAt(end) == ')'
            && isNumber(lastWord(text.substring(0, start - 1))))) {
      // "MAY 1922 (1934)": a price with its previous price in brackets.
      return true;
    }
    String previous = lastWord(text.substring(0, start));
    if (MONTH_WORDS.contains(lettersOf(previous))) {
      return false;
    }
    if (isFigure(previous)) {
      String beforePrevious = lastWord(text.substring(0, text.lastIndexOf(previous, start - 1)));
      boolean dayOfMonth =
          NON_DIGIT.matcher(previous).replaceAll("").length() <= 2
              && MONTH_WORDS.contains(lettersOf(beforePrevious));
      if (!dayOfMonth) {
        return true;
      }
    }
    String next = nextToken(text.substring(end));
    if (end < text.length() && text.charAt(end) == ',') {
      // After a comma comes a new clause ("in 1986, 137,744 tonnes"), unless codes are listed.
      return FOUR_DIGITS.matcher(TRAILING_NON_WORD.matcher(next).replaceAll("")).matches()
          && isFigure(next);
    }
    return isFigure(next);
  }

  /**
   * A figure of a list or table: a number that is not a year ("22433", "2444,", "1.20", "2005B") or
   * a contract month ("MAR8"). Ordinals ("3rd qtr") and codes ("A-6F") are not figures.
   */
  private static boolean isFigure(String word) {
    String w = FIGURE_PUNCTUATION.matcher(word).replaceAll("");
    if (!FIGURE.matcher(w).matches() || ORDINAL.matcher(w).matches()) {
      return false;
    }
    if (FOUR_DIGITS.matcher(w).matches()) {
      int n = Integer.parseInt(w);
      return n < 1000 || n > 2100;
    }
    return true;
  }

  // Compiled once: these run for every four-digit number of every paragraph.
  private static final Pattern NOT_LOWER_LETTER = Pattern.compile("[^a-z]");
  private static final Pattern NON_DIGIT = Pattern.compile("\\D");
  private static final Pattern TRAILING_NON_WORD = Pattern.compile("\\W+$");
  private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
  private static final Pattern FIGURE_PUNCTUATION = Pattern.compile("^[(\\[]+|[)\\],;:.]+$");
  private static final Pattern END_OF_CLAUSE = Pattern.compile("\\s*(?:[.,;:)].*)?");
  private static final Pattern LEADING_PAREN = Pattern.compile("^\\(");
  private static final Pattern BRACKETED_FIGURE_AFTER = Pattern.compile(" ?\\(\\d[\\d,.]*\\)");
  private static final Pattern NUMBER = Pattern.compile("\\d[\\d,.]*");

  private static boolean isNumber(String word) {
    return NUMBER.matcher(word).matches();
  }

  /** A word's letters, lower-cased, to look it up among the months. */
  private static String lettersOf(String word) {
    return NOT_LOWER_LETTER.matcher(word.toLowerCase(Locale.ROOT)).replaceAll("");
  }

  private static final Pattern FIGURE =
      Pattern.compile("\\d[\\d,./]*[A-Za-z]?|[A-Za-z]{2,4}\\d{1,2}");

  private static final Pattern ORDINAL = Pattern.compile("\\d+(?:st|nd|rd|th)");

  /**
   * "MD-2000", "SX-2000", "PPN 2058.": a number joined by a hyphen to an upper-case code, or after
   * a code and before no further word, is a model's or a reference's name ("OPEC 1987 output" is a
   * year, and so is any number of a paragraph written in capitals).
   */
  private static boolean isModelName(String text, int start, int end) {
    if (start < 3) {
      return false;
    }
    char joint = text.charAt(start - 1);
    boolean hyphen = joint == '-' || joint == '–';
    if (!hyphen
        && (joint != ' '
            || isUpperCase(text)
            || !END_OF_CLAUSE.matcher(text).region(end, text.length()).matches())) {
      return false;
    }
    String code = LEADING_PAREN.matcher(lastWord(text.substring(0, start - 1))).replaceAll("");
    if (!hyphen
        && (code.length() > 5
            || MONTH_WORDS.contains(code.toLowerCase(Locale.ROOT))
            || !code.chars().allMatch(Character::isLetter))) {
      return false;
    }
    return code.length() >= 2
        && code.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))
        && code.chars().anyMatch(Character::isLetter);
  }

  /**
   * "Kazakhstan 2050 Strategy", "the Terrorism Act 2000": a number between two capitalised words,
   * or after two title-case words, belongs to a name. "In 2019 Kazakhstan" is a phrase, not a name.
   */
  private static boolean isInsideName(String text, int start, int end) {
    String before = lastWord(text.substring(0, start));
    if (!isNameWord(before)) {
      return false;
    }
    if (isCapitalisedWord(firstWord(text.substring(end)))) {
      return true;
    }
    String first = lastWord(text.substring(0, text.lastIndexOf(before, start - 1)));
    return isNameWord(first) && !isUpperCase(first) && !isUpperCase(before);
  }

  private static boolean isNameWord(String word) {
    return isCapitalisedWord(word)
        && !FUNCTION_WORDS.contains(word)
        && !MONTH_WORDS.contains(word.toLowerCase(Locale.ROOT).replace(".", ""));
  }

  private static boolean isUpperCase(String word) {
    return word.chars().noneMatch(Character::isLowerCase);
  }

  private void findMonthDates(String text, ArticleDate date, List<YearMention> found) {
    for (MatchResult m : matches(MONTH_DATE, text, YearFinder::mayStartMonthDate)) {
      String relative = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
      String monthWord = m.group(3) != null ? m.group(3) : m.group(4);
      String day = m.group(2) != null ? m.group(2) : m.group(5);
      // "61.00 May 61.50" in a price table: no day of a month is a decimal's digits or above 31.
      boolean hasDay = day != null && Integer.parseInt(day) >= 1 && Integer.parseInt(day) <= 31;
      // "May" alone is too often another word; a month needs a day or a preposition.
      if (!hasDay && relative.isEmpty()) {
        continue;
      }
      if (!Character.isUpperCase(monthWord.charAt(0))) {
        continue;
      }
      int month = MONTHS.get(monthWord.toLowerCase(Locale.ROOT).substring(0, 3));
      Matcher side = YEAR_AFTER_MONTH.matcher(text).region(m.end(), text.length());
      // "until October this year": the words after the month say the year, not its distance.
      int year =
          side.lookingAt()
              ? date.year() + relativeStep(side.group(1))
              : resolve(relative, month, date);
      found.add(
          new YearMention(
              year,
              m.start(),
              m.end(),
              m.group().strip(),
              "date without a year, read against the article's date"));
    }
  }

  /**
   * The places {@link Matcher#find()} would match, each matched afresh: {@code find()} can keep a
   * group captured by a failed try at an earlier place (the day "19" of "December 1985" made a
   * later "February" a dated month). Only where {@code mayStart} allows is the pattern tried,
   * rather than at every character: its look-behinds and word boundaries, tested at each position,
   * made finding years a large part of tagging. No match is lost as long as none can start where
   * {@code mayStart} says no.
   */
  private static List<MatchResult> matches(Pattern pattern, String text, MayStart mayStart) {
    List<MatchResult> matches = new ArrayList<>();
    // Transparent bounds: look-behinds and \b still see the text before the region.
    Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    int i = 0;
    while (i < text.length()) {
      if (mayStart.at(text, i)) {
        m.region(i, text.length());
        if (m.lookingAt()) {
          matches.add(m.toMatchResult());
          i = Math.max(m.end(), i + 1);
          continue;
        }
      }
      i++;
    }
    return matches;
  }

  private interface MayStart {
    boolean at(String text, int i);
  }

  /** A year of {@link #YEAR} starts with its first digit, 1 or 2. */
  private static boolean mayStartYear(String text, int i) {
    char c = text.charAt(i);
    return c == '1' || c == '2';
  }

  /**
   * A {@link #MONTH_DATE} starts at a word boundary with an ASCII letter or digit (a relative word,
   * a day or a month), so never right after another ASCII letter or digit.
   */
  private static boolean mayStartMonthDate(String text, int i) {
    return isAsciiLetterOrDigit(text.charAt(i))
        && (i == 0 || !isAsciiLetterOrDigit(text.charAt(i - 1)));
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /**
   * The year of a month mention, seen from the article's date: the nearest such month, or the one
   * on the side that {@code relative} names.
   */
  static int resolve(String relative, int month, ArticleDate date) {
    int year = date.year();
    if (date.month() == 0) {
      return switch (relative) {
        case "last" -> year - 1;
        case "next" -> year + 1;
        default -> year;
      };
    }
    int ahead = month - date.month();
    return switch (relative) {
      case "this" -> year;
      case "last" -> ahead >= 0 ? year - 1 : year;
      case "next" -> ahead <= 0 ? year + 1 : year;
      case "since" -> ahead > 0 ? year - 1 : year;
      default -> ahead >= 6 ? year - 1 : ahead < -6 ? year + 1 : year;
    };
  }

  /** -1 for "last", 1 for "next", 0 for "this": which year or month from the article's. */
  private static int relativeStep(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "last", "previous", "past" -> -1;
      case "next", "coming" -> 1;
      default -> 0;
    };
  }

  private void findRelativePeriods(String text, ArticleDate date, List<YearMention> found) {
    Matcher m = RELATIVE_PERIOD.matcher(text);
    while (m.find()) {
      int step = relativeStep(m.group(1));
      boolean month = m.group(2).equalsIgnoreCase("month");
      int year;
      if (!month) {
        year = date.year() + step;
      } else if (date.month() == 0) {
        // Against a date known only to its year, "next month" is somewhere in that year.
        year = date.year();
      } else {
        year = Math.floorDiv(date.year() * 12 + date.month() - 1 + step, 12);
      }
      found.add(
          new YearMention(
              year,
              m.start(),
              m.end(),
              m.group(),
              month
                  ? "relative month, read against the article's date"
                  : "relative year, read against the article's date"));
    }
  }

  private static String lastWord(String text) {
    String s = text.stripTrailing();
    int i = s.length();
    while (i > 0 && !Character.isWhitespace(s.charAt(i - 1))) {
      i--;
    }
    return s.substring(i);
  }

  /** The next run of characters up to a space, after the comma or colon that ends this one. */
  private static String nextToken(String text) {
    int from = 0;
    while (from < text.length()
        && (Character.isWhitespace(text.charAt(from)) || ",;:".indexOf(text.charAt(from)) >= 0)) {
      from++;
    }
    String s = text.substring(from);
    int i = 0;
    while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return s.substring(0, i);
  }

  private static String firstWord(String text) {
    String s = text.stripLeading();
    int i = 0;
    while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
      i++;
    }
    return s.substring(0, i);
  }

  private static boolean isCapitalisedWord(String word) {
    return !word.isEmpty()
        && Character.isUpperCase(word.codePointAt(0))
        && word.chars().allMatch(Character::isLetter);
  }
}
