package io.maildiag.ndr.classify;

import io.maildiag.ndr.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The phrase rules of {@code text-rules.txt} (see the syntax there), compiled for matching over
 * {@link TextNormalizer normalised} text. Immutable and safe for concurrent use.
 *
 * <p>Matching is plain substring search on word boundaries. A gap pattern {@code a ~ b} looks
 * for {@code b} starting at most {@value #GAP} characters after {@code a}, and tries at most
 * {@value #MAX_TRIES} occurrences per part, so every rule costs time linear in the text; there
 * are no regular expressions. Not every rule is searched: a {@link PhraseIndex} picks, in one pass
 * over the text's words, the phrases whose anchor word the text holds, and only those are searched,
 * in rule order; the anchor is a necessary condition, so the results are those of searching every
 * phrase.
 */
public final class TextRules {
  /** The resource holding the standard rules, next to this class. */
  public static final String RESOURCE = "text-rules.txt";
  /** Most characters between the parts of a gap pattern: {@value}. */
  public static final int GAP = 60;
  /** Most occurrences of one part tried per rule: {@value}. */
  public static final int MAX_TRIES = 32;

  private static final Stage[] STAGES = Stage.values();
  private static final Tier[] TIERS = Tier.values();
  private static final Reason[] REASONS = Reason.values();
  private static final TextRules STANDARD = load();

  private final List<Rule> rules;
  /** The rules as an array, for the matching loop. */
  private final Rule[] ruleArray;
  /**
   * The rules' phrases by rule order: the matching loop reaches a candidate's phrase without reading
   * its rule, which only a match needs (the candidates' objects are mostly out of cache).
   */
  private final Phrase[] rulePhrases;
  /**
   * Per rule, its phrase's first part's words, and in {@link #ruleInfo} that part's open ends and
   * whether it is the whole phrase (one part, no exclusions; most rules): such a rule is searched
   * from these two flat arrays without reading its phrase object at all.
   */
  private final String[] ruleFirstWords;
  /**
   * Per rule, {@value #INFO} ints from {@code INFO * id}, all a candidate needs but its words: its
   * phrase's {@link Phrase#shape()} and {@link #HAS_WORDS}; the {@link String#hashCode} of two of
   * the phrase's whole words (closed on both sides; the first and the last of them, or the one
   * twice), which every match has as words of the text, 0 and 0 with no such word; and what a
   * match reports ({@link #matchInfo}). A candidate whose text lacks one of the words ({@link
   * PhraseIndex#mayHaveWord}) is rejected without reading its phrase, and a match is reported
   * without reading its rule.
   */
  private final int[] ruleInfo;
  /** The rules' phrases as written, by rule order, for the matches. */
  private final String[] ruleSources;
  /** Ints per rule in {@link #ruleInfo}. */
  private static final int INFO = 4;
  /** In a rule's shape: the rule has whole words in {@link #ruleInfo}. */
  private static final int HAS_WORDS = 8;
  /** In a rule's {@link #matchInfo}: where its tier's ordinal and the length of its words start. */
  private static final int TIER_SHIFT = 8;
  private static final int LENGTH_SHIFT = 9;
  private final Map<Stage, List<Phrase>> stages;
  /** Stage markers hidden from the reason rules (see {@link #mask}). */
  private final Part[] maskParts;
  /** Every phrase by id: the rules' phrases in rule order, then the stage markers by stage. */
  private final PhraseIndex index;
  /**
   * Per stage marker, by id less the number of rules, its index in {@link #maskParts}, or -1: the
   * masks among the candidates are found from the candidates' bits, not by trying every mask.
   */
  private final int[] maskOfMarker;
  /** Per stage (by ordinal), its phrases; empty for a stage without phrases. */
  private final Phrase[][] stagePhrases;
  /** Per stage (by ordinal), the ids of its phrases in {@link #index}. */
  private final int[][] stageIds;
  /**
   * The stage markers by id less the number of rules (their ids follow the rules'), and the ordinal
   * of each one's stage: {@link Scan#stages} reads the candidates among them from the bit set alone.
   */
  private final Phrase[] stageById;
  private final byte[] stageOf;

  private TextRules(List<Rule> rules, Map<Stage, List<Phrase>> stages) {
    this.rules = List.copyOf(rules);
    this.ruleArray = rules.toArray(new Rule[0]);
    this.rulePhrases = new Phrase[ruleArray.length];
    for (int i = 0; i < ruleArray.length; i++) {
      rulePhrases[i] = ruleArray[i].phrase;
    }
    this.ruleFirstWords = new String[ruleArray.length];
    this.ruleInfo = new int[INFO * ruleArray.length];
    this.ruleSources = new String[ruleArray.length];
    for (int i = 0; i < ruleArray.length; i++) {
      Phrase p = rulePhrases[i];
      ruleFirstWords[i] = p.firstWords;
      List<String> whole = wholeWords(p);
      int shape = p.shape();
      int k = INFO * i;
      if (!whole.isEmpty()) {
        shape |= HAS_WORDS;
        ruleInfo[k + 1] = whole.get(0).hashCode();
        ruleInfo[k + 2] = whole.get(whole.size() - 1).hashCode();
      }
      ruleInfo[k] = shape;
      ruleInfo[k + 3] = matchInfo(ruleArray[i], i);
      ruleSources[i] = p.source();
    }
    this.stages = stages;
    Set<String> ruleKeys = new HashSet<>();
    for (Rule r : rules) {
      ruleKeys.add(r.phrase.key());
    }
    List<Phrase> all = new ArrayList<>();
    for (Rule r : rules) {
      all.add(r.phrase);
    }
    this.stagePhrases = new Phrase[STAGES.length][0];
    this.stageIds = new int[STAGES.length][0];
    for (Map.Entry<Stage, List<Phrase>> e : stages.entrySet()) {
      int[] ids = new int[e.getValue().size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = all.size();
        all.add(e.getValue().get(i));
      }
      stageIds[e.getKey().ordinal()] = ids;
      stagePhrases[e.getKey().ordinal()] = e.getValue().toArray(new Phrase[0]);
    }
    this.stageById = new Phrase[all.size() - ruleArray.length];
    this.stageOf = new byte[stageById.length];
    for (int st = 0; st < STAGES.length; st++) {
      for (int i = 0; i < stageIds[st].length; i++) {
        stageById[stageIds[st][i] - ruleArray.length] = stagePhrases[st][i];
        stageOf[stageIds[st][i] - ruleArray.length] = (byte) st;
      }
    }
    List<Part> m = new ArrayList<>();
    this.maskOfMarker = new int[stageById.length];
    java.util.Arrays.fill(maskOfMarker, -1);
    for (Stage st : List.of(Stage.MAIL_FROM, Stage.RCPT_TO, Stage.DATA)) {
      List<Phrase> ps = stages.getOrDefault(st, List.of());
      for (int i = 0; i < ps.size(); i++) {
        Phrase p = ps.get(i);
        if (p.parts().size() == 1 && p.exclusions().isEmpty() && !ruleKeys.contains(p.key())) {
          maskOfMarker[stageIds[st.ordinal()][i] - ruleArray.length] = m.size();
          m.add(p.parts().get(0));
        }
      }
    }
    this.maskParts = m.toArray(new Part[0]);
    this.index = new PhraseIndex(all);
  }

  /** Returns the rules of the bundled {@code text-rules.txt}. */
  public static TextRules standard() {
    return STANDARD;
  }

  /**
   * Parses rules in the {@code text-rules.txt} syntax.
   *
   * @throws IllegalArgumentException naming the line, if a line is malformed, a reason unknown, or
   *     a phrase is repeated within its reason and tier
   */
  public static TextRules parse(List<String> lines) {
    List<Rule> rules = new ArrayList<>();
    Map<Stage, List<Phrase>> stages = new EnumMap<>(Stage.class);
    // per reason and tier, the keys of its phrases
    List<Set<String>> seen = new ArrayList<>();
    for (int i = 0; i < Reason.values().length * TIERS.length; i++) {
      seen.add(null);
    }
    Reason reason = null;
    Tier tier = null;
    boolean atOnce = false;
    Stage stage = null;
    int lineNo = 0;
    for (String raw : lines) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("@")) {
        String[] parts = words(line.substring(1).trim());
        boolean flagged = parts.length == 3 && parts[2].equals(AT_ONCE);
        if (parts.length != 2 && !flagged) {
          throw bad(lineNo, "a group is '@REASON strong|weak [" + AT_ONCE + "]' or '@context NAME'", line);
        }
        if (parts[0].equals("context") && !flagged) {
          stage = switch (parts[1]) {
            case "mail-from" -> Stage.MAIL_FROM;
            case "rcpt-to" -> Stage.RCPT_TO;
            case "data" -> Stage.DATA;
            case "connect" -> Stage.CONNECT;
            case "local" -> Stage.LOCAL;
            default -> throw bad(lineNo, "unknown context", parts[1]);
          };
          reason = null;
          tier = null;
          continue;
        }
        try {
          reason = Reason.valueOf(parts[0]);
          tier = Tier.valueOf(parts[1].toUpperCase(Locale.ROOT));
          atOnce = flagged;
        } catch (IllegalArgumentException e) {
          throw bad(lineNo, "unknown reason or tier", line);
        }
        stage = null;
        continue;
      }
      Phrase phrase = Phrase.compile(line, lineNo);
      if (stage != null) {
        List<Phrase> list = stages.get(stage);
        if (list == null) {
          list = new ArrayList<>();
          stages.put(stage, list);
        }
        list.add(phrase);
      } else if (reason != null && tier != null) {
        int group = reason.ordinal() * TIERS.length + tier.ordinal();
        Set<String> keys = seen.get(group);
        if (keys == null) {
          keys = new HashSet<>();
          seen.set(group, keys);
        }
        if (!keys.add(phrase.key())) {
          throw bad(lineNo, "repeated phrase", line);
        }
        rules.add(new Rule(reason, tier, phrase, rules.size(), atOnce));
      } else {
        throw bad(lineNo, "a phrase before any group", line);
      }
    }
    Map<Stage, List<Phrase>> frozen = new EnumMap<>(Stage.class);
    for (Map.Entry<Stage, List<Phrase>> e : stages.entrySet()) {
      frozen.put(e.getKey(), List.copyOf(e.getValue()));
    }
    return new TextRules(rules, Collections.unmodifiableMap(frozen));
  }

  private static TextRules load() {
    try (InputStream in = TextRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(lines(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The lines of the UTF-8 text {@code utf8}, as {@link java.io.BufferedReader#lines()} gives them:
   * ended by LF, CR or CRLF. Each line is decoded on its own (a line break byte is never part of a
   * multi-byte character), so the many ASCII lines take the JDK's quick path.
   */
  static List<String> lines(byte[] utf8) {
    // one char per byte, to find the line breaks with indexOf
    String bytes = new String(utf8, StandardCharsets.ISO_8859_1);
    List<String> out = new ArrayList<>(utf8.length / 32 + 1);
    int n = utf8.length;
    int start = 0;
    // the next LF and the next CR at or after start (n: none)
    int lf = next(bytes, '\n', 0);
    int cr = next(bytes, '\r', 0);
    while (start < n) {
      int end = Math.min(lf, cr);
      out.add(new String(utf8, start, end - start, StandardCharsets.UTF_8));
      if (end == n) {
        break;
      }
      start = end == cr && lf == cr + 1 ? lf + 1 : end + 1;
      if (lf < start) {
        lf = next(bytes, '\n', start);
      }
      if (cr < start) {
        cr = next(bytes, '\r', start);
      }
    }
    return out;
  }

  /** The index of {@code c} in {@code text} at or after {@code from}, or the length if none. */
  private static int next(String text, char c, int from) {
    int i = text.indexOf(c, from);
    return i < 0 ? text.length() : i;
  }

  /**
   * The runs of characters other than white space ({@code \s}: space, tab, LF, VT, FF, CR) in
   * {@code line}, which starts with none: what splitting it on {@code \s+} gives.
   */
  private static String[] words(String line) {
    List<String> out = new ArrayList<>(2);
    int n = line.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(line.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < n && !isSpace(line.charAt(i))) {
        i++;
      }
      if (s < i) {
        out.add(line.substring(s, i));
      }
    }
    return out.toArray(new String[0]);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** The pieces of {@code s} between occurrences of {@code mark}, as {@link String#split} gives them. */
  static List<String> split(String s, String mark) {
    int at = s.indexOf(mark);
    if (at < 0) {
      return List.of(s); // most lines: one alternative, one part
    }
    List<String> out = new ArrayList<>(4);
    int start = 0;
    for (; at >= 0; at = s.indexOf(mark, start)) {
      out.add(s.substring(start, at));
      start = at + mark.length();
    }
    out.add(s.substring(start));
    // String.split drops trailing empty strings (all of them when every piece is empty)
    int last = out.size();
    while (last > 0 && out.get(last - 1).isEmpty()) {
      last--;
    }
    return last == out.size() ? out : out.subList(0, last);
  }

  private static IllegalArgumentException bad(int line, String what, String text) {
    return new IllegalArgumentException(RESOURCE + " line " + line + ": " + what + ": " + text);
  }

  /**
   * Returns every rule that matches {@code normalized} (text from {@link TextNormalizer}), each
   * with the start of its earliest match, in rule order.
   */
  public List<TextMatch> matches(String normalized) {
    return scan(normalized).matches();
  }

  /** Returns the SMTP stages the normalised text names ("in reply to MAIL FROM command"). */
  public Set<Stage> stages(String normalized) {
    return scan(normalized).stages();
  }

  /**
   * Prepares {@code normalized} (text from {@link TextNormalizer}) for {@link Scan#matches()} and
   * {@link Scan#stages()}: its words are looked up once, and only the phrases they can complete are
   * searched. Gives exactly the results of searching every phrase.
   */
  public Scan scan(String normalized) {
    Objects.requireNonNull(normalized, "normalized");
    return new Scan(normalized, normalized.isEmpty() ? null : index.candidates(normalized));
  }

  /**
   * {@link #scan} of {@code normalized}, given the scan of a text it may extend: when it is that
   * text, a space, and more (a diagnostic with the SMTP stage appended), only the words after the
   * space are looked up. Gives exactly what {@link #scan} gives.
   */
  public Scan scan(String normalized, Scan before) {
    Objects.requireNonNull(normalized, "normalized");
    if (normalized.equals(before.text)) {
      return before;
    }
    if (before.candidates != null && extendsBySpace(normalized, before.text)) {
      return new Scan(normalized, index.extend(before.candidates, normalized, before.text.length() + 1));
    }
    return scan(normalized);
  }

  /**
   * The words of {@code p}'s parts that are closed on both sides (not the first word of a part open
   * at its start, nor the last of one open at its end): any match holds each as a word of the text,
   * between spaces or the text's ends. Words of exclusions do not count.
   */
  private static List<String> wholeWords(Phrase p) {
    List<String> out = new ArrayList<>();
    for (Part part : p.parts) {
      String t = part.words();
      int s = 0;
      while (s < t.length()) {
        int e = t.indexOf(' ', s);
        if (e < 0) {
          e = t.length();
        }
        boolean closedLeft = s > 0 || !part.openStart();
        boolean closedRight = e < t.length() || !part.openEnd();
        if (closedLeft && closedRight && e > s) {
          out.add(t.substring(s, e));
        }
        s = e + 1;
      }
    }
    return out;
  }

  /**
   * What a match of {@code r}, the rule at {@code index}, reports but its start and phrase: its
   * reason's ordinal, its tier's above it, and the length of its words above those; -1 when that
   * does not fit or its order is not its index, and the match is read from the rule.
   */
  private static int matchInfo(Rule r, int index) {
    int length = r.phrase.length();
    if (r.order != index || length >= 1 << (31 - LENGTH_SHIFT) || r.reason.ordinal() >= 1 << TIER_SHIFT
        || r.tier.ordinal() > 1) {
      return -1;
    }
    return r.reason.ordinal() | r.tier.ordinal() << TIER_SHIFT | length << LENGTH_SHIFT;
  }

  /** Whether {@code text} is {@code prefix}, a space, and more. */
  private static boolean extendsBySpace(String text, String prefix) {
    int n = prefix.length();
    return text.length() > n + 1 && text.charAt(n) == ' ' && text.startsWith(prefix);
  }

  /** One normalised text with the phrases that can match it; see {@link #scan}. */
  public final class Scan {
    private final String text;
    /** Ids (in {@link #index}) of the phrases whose anchor word the text has; null if empty. */
    private final long @Nullable [] candidates;
    /**
     * The stages found, by ordinal, once {@link #stages} has searched for them; -1 before: the
     * bounce parser and the classifier both ask. Racing threads write equal values.
     */
    private int stagesFound = -1;

    private Scan(String text, long @Nullable [] candidates) {
      this.text = text;
      this.candidates = candidates;
    }

    /** Returns what {@link TextRules#matches(String)} returns for the text. */
    public List<TextMatch> matches() {
      if (candidates == null) {
        return List.of();
      }
      String masked = mask(text, candidates);
      List<TextMatch> out = new ArrayList<>();
      // candidate ids in ascending order, which is rule order; stage phrases come after the rules
      for (int w = 0; w < candidates.length; w++) {
        long bits = candidates[w];
        while (bits != 0) {
          int id = (w << 6) + Long.numberOfTrailingZeros(bits);
          if (id >= rulePhrases.length) {
            return out;
          }
          bits &= bits - 1;
          int k = INFO * id;
          int shape = ruleInfo[k];
          if ((shape & HAS_WORDS) != 0 && (!index.mayHaveWord(candidates, ruleInfo[k + 1])
              || !index.mayHaveWord(candidates, ruleInfo[k + 2]))) {
            continue; // the text lacks a whole word of the phrase
          }
          int at = (shape & Phrase.SINGLE) != 0
              ? Part.indexIn(masked, ruleFirstWords[id], (shape & Phrase.OPEN_START) != 0,
                  (shape & Phrase.OPEN_END) != 0, 0, masked.length())
              : rulePhrases[id].find(masked);
          if (at >= 0) {
            int m = ruleInfo[k + 3];
            if (m >= 0) {
              out.add(new TextMatch(REASONS[m & 0xFF], TIERS[(m >>> TIER_SHIFT) & 1], at, ruleSources[id],
                  m >>> LENGTH_SHIFT, id));
            } else {
              Rule r = ruleArray[id];
              out.add(new TextMatch(r.reason, r.tier, at, r.phrase.source(), r.phrase.length(), r.order));
            }
          }
        }
      }
      return out;
    }

    /** Returns what {@link TextRules#stages(String)} returns for the text. */
    public Set<Stage> stages() {
      int found = stageBits();
      Set<Stage> out = EnumSet.noneOf(Stage.class);
      for (Stage st : STAGES) {
        if ((found & (1 << st.ordinal())) != 0) {
          out.add(st);
        }
      }
      return out;
    }

    /**
     * {@link #stages()} as bits, {@code 1 << ordinal} for each stage: for the bounce parser and the
     * classifier, which both ask, without a set each time.
     */
    public int stageBits() {
      int found = stagesFound;
      if (found < 0) {
        found = findStages();
        stagesFound = found;
      }
      return found;
    }

    /** The stages the text names, by ordinal: each bit {@code 1 << ordinal}. */
    private int findStages() {
      if (candidates == null) {
        return 0;
      }
      // the candidate markers; a stage found is not searched again
      int found = 0; // the stages found, by ordinal
      for (int k = nextMarker(candidates, 0); k >= 0; k = nextMarker(candidates, k + 1)) {
        int st = stageOf[k];
        if ((found & (1 << st)) == 0 && stageById[k].find(text) >= 0) {
          found |= 1 << st;
        }
      }
      return found;
    }
  }

  /** {@link #matches} by searching every rule: the reference the index must agree with. */
  List<TextMatch> referenceMatches(String normalized) {
    Objects.requireNonNull(normalized, "normalized");
    if (normalized.isEmpty()) {
      return List.of();
    }
    String text = mask(normalized);
    List<TextMatch> out = new ArrayList<>();
    for (Rule r : rules) {
      int at = r.phrase.find(text);
      if (at >= 0) {
        out.add(new TextMatch(r.reason, r.tier, at, r.phrase.source(), r.phrase.length(), r.order));
      }
    }
    return out;
  }

  /** {@link #stages} by searching every stage phrase: the reference the index must agree with. */
  Set<Stage> referenceStages(String normalized) {
    Set<Stage> out = EnumSet.noneOf(Stage.class);
    if (normalized.isEmpty()) {
      return out;
    }
    for (Map.Entry<Stage, List<Phrase>> e : stages.entrySet()) {
      for (Phrase p : e.getValue()) {
        if (p.find(normalized) >= 0) {
          out.add(e.getKey());
          break;
        }
      }
    }
    return out;
  }

  /**
   * Hides the SMTP stage markers of the MAIL FROM, RCPT TO and DATA contexts ("after MAIL FROM",
   * "in reply to RCPT TO command") from the reason rules: they say where the reply came, not why,
   * and their words must not complete a reason phrase ("after MAIL FROM:&lt;a&gt; SIZE=1830: Client host
   * rejected: listed at ..." is no "mail from ~ rejected"). Markers that are rules themselves
   * ("sender was rejected") stay. Positions are kept: each hidden character becomes U+0001.
   */
  String mask(String normalized) {
    return mask(normalized, null);
  }

  /** {@link #mask(String)}, searching only the markers among {@code candidates} (all if null). */
  private String mask(String normalized, long @Nullable [] candidates) {
    if (candidates == null) {
      char[] c = null;
      for (int m = 0; m < maskParts.length; m++) {
        c = mask(normalized, maskParts[m], c);
      }
      return c == null ? normalized : new String(c);
    }
    // the masks among the candidate markers; each writes U+0001 where its part occurs in the text, so
    // the order they apply in is of no matter
    char[] c = null;
    for (int k = nextMarker(candidates, 0); k >= 0; k = nextMarker(candidates, k + 1)) {
      int m = maskOfMarker[k];
      if (m >= 0) {
        c = mask(normalized, maskParts[m], c);
      }
    }
    return c == null ? normalized : new String(c);
  }

  /**
   * The first stage marker at or after marker {@code k} among {@code candidates}, by its id less the
   * number of rules (the markers' ids follow the rules'), or -1 when there is none.
   */
  private int nextMarker(long[] candidates, int k) {
    int first = ruleArray.length;
    int id = first + k;
    int w = id >>> 6;
    int end = index.idLongs();
    if (w >= end) {
      return -1;
    }
    long bits = candidates[w] & -1L << id; // the ids below id in its word are passed
    while (bits == 0) {
      if (++w >= end) {
        return -1;
      }
      bits = candidates[w];
    }
    return (w << 6) + Long.numberOfTrailingZeros(bits) - first;
  }

  /**
   * Writes U+0001 over the characters other than the space of the first {@value #MAX_TRIES}
   * occurrences of {@code p} in {@code normalized} into {@code c}, a copy of it made on the first
   * occurrence (null before); returns {@code c}.
   */
  private static char @Nullable [] mask(String normalized, Part p, char @Nullable [] c) {
    int from = 0;
    for (int tries = 0; tries < MAX_TRIES; tries++) {
      int s = p.indexIn(normalized, from, normalized.length());
      if (s < 0) {
        break;
      }
      if (c == null) {
        c = normalized.toCharArray();
      }
      for (int k = s; k < s + p.words().length(); k++) {
        if (c[k] != ' ') {
          c[k] = '\u0001';
        }
      }
      from = s + p.words().length();
    }
    return c;
  }

  /** Returns how many rules each reason has, per tier; for reports and tests. */
  public Map<Reason, Map<Tier, Integer>> counts() {
    Map<Reason, Map<Tier, Integer>> out = new EnumMap<>(Reason.class);
    for (Rule r : rules) {
      out.computeIfAbsent(r.reason, k -> new EnumMap<>(Tier.class)).merge(r.tier, 1, Integer::sum);
    }
    return out;
  }

  /** Returns the number of rules. */
  public int size() {
    return rules.size();
  }

  /**
   * One rule of the file; {@code atOnce} when its group is flagged {@value #AT_ONCE}: the failure it names is
   * found on the first attempt (a mail loop), never by retrying until the message expires.
   */
  record Rule(Reason reason, Tier tier, Phrase phrase, int order, boolean atOnce) {}

  /** The flag of a group whose failures are found at once, not after retries ({@link Rule#atOnce}). */
  static final String AT_ONCE = "at-once";

  /** Whether the rule that made {@code m} is of a group flagged {@value #AT_ONCE}. */
  public boolean foundAtOnce(TextMatch m) {
    return m.order() >= 0 && m.order() < ruleArray.length && ruleArray[m.order()].atOnce();
  }

  /** A compiled phrase: parts that follow each other within the gap, and exclusions. */
  static final class Phrase {
    /** The exclusions of a phrase without any: one shared array, no object of its own to read. */
    private static final Part[] NONE = new Part[0];
    private final String source;
    private final Part[] parts;
    private final Part[] exclusions;
    /**
     * The first part's words and open ends, kept in the phrase itself: a search starts from them
     * without reading the parts' array and the part.
     */
    private final @Nullable String firstWords;
    private final boolean firstOpenStart;
    private final boolean firstOpenEnd;
    /** Bits of {@link #shape()}. */
    static final int OPEN_START = 1;
    static final int OPEN_END = 2;
    static final int SINGLE = 4;
    /** The length of all parts' words (longer phrases win ties). */
    private final int length;
    /** The {@link #key()}, made on first use. */
    private @Nullable String key;

    Phrase(String source, List<Part> parts, List<Part> exclusions) {
      this.source = source;
      this.parts = parts.toArray(new Part[0]);
      this.exclusions = exclusions.isEmpty() ? NONE : exclusions.toArray(new Part[0]);
      // a phrase without parts ("~" alone) keeps failing where it is searched, not where it is read
      Part first = this.parts.length > 0 ? this.parts[0] : null;
      this.firstWords = first == null ? null : first.words;
      this.firstOpenStart = first != null && first.openStart;
      this.firstOpenEnd = first != null && first.openEnd;
      int n = 0;
      for (Part p : this.parts) {
        n += p.words.length();
      }
      this.length = n;
    }

    static Phrase compile(String line, int lineNo) {
      List<String> alternatives = split(line, "!!");
      String main = alternatives.get(0).trim();
      List<Part> parts = new ArrayList<>();
      for (String p : split(main, "~")) {
        parts.add(Part.compile(p, lineNo, line));
      }
      List<Part> exclusions = new ArrayList<>();
      for (int i = 1; i < alternatives.size(); i++) {
        exclusions.add(Part.compile(alternatives.get(i), lineNo, line));
      }
      return new Phrase(main, parts, exclusions);
    }

    String source() {
      return source;
    }

    /**
     * The first part's open ends, and {@link #SINGLE} when that part is the whole phrase (no other
     * part, no exclusion): then {@link #find} is that part's first whole-word match, which {@link
     * Part#indexIn} gives from the words and open ends alone.
     */
    byte shape() {
      int s = (firstOpenStart ? OPEN_START : 0) | (firstOpenEnd ? OPEN_END : 0);
      if (parts.length == 1 && exclusions.length == 0) {
        s |= SINGLE;
      }
      return (byte) s;
    }

    List<Part> parts() {
      return List.of(parts);
    }

    List<Part> exclusions() {
      return List.of(exclusions);
    }

    int length() {
      return length;
    }

    String key() {
      String k = key;
      if (k == null) {
        k = makeKey();
        key = k;
      }
      return k;
    }

    private String makeKey() {
      StringBuilder b = new StringBuilder(length + 4 * parts.length);
      for (Part p : parts) {
        if (p.openStart) {
          b.append('*');
        }
        b.append(p.words);
        if (p.openEnd) {
          b.append('*');
        }
        b.append('~');
      }
      for (Part p : exclusions) {
        b.append('!').append(p.words);
      }
      return b.toString();
    }

    /** Returns where the phrase first matches in {@code t}, or -1. */
    int find(String t) {
      for (Part e : exclusions) {
        if (e.indexIn(t, 0, t.length()) >= 0) {
          return -1;
        }
      }
      int from = 0;
      for (int tries = 0; tries < MAX_TRIES; tries++) {
        int s = Part.indexIn(t, firstWords, firstOpenStart, firstOpenEnd, from, t.length());
        if (s < 0) {
          return -1;
        }
        if (rest(t, 1, s + firstWords.length())) {
          return s;
        }
        from = s + 1;
      }
      return -1;
    }

    private boolean rest(String t, int i, int end) {
      if (i == parts.length) {
        return true;
      }
      Part p = parts[i];
      int latestStart = Math.min(t.length(), end + GAP);
      int from = end;
      for (int tries = 0; tries < MAX_TRIES && from <= latestStart; tries++) {
        int s = p.indexIn(t, from, latestStart + p.words.length());
        if (s < 0 || s > latestStart) {
          return false;
        }
        if (rest(t, i + 1, s + p.words.length())) {
          return true;
        }
        from = s + 1;
      }
      return false;
    }
  }

  /** One part of a phrase: normalised words, optionally open at either end. */
  record Part(String words, boolean openStart, boolean openEnd) {

    static Part compile(String raw, int lineNo, String line) {
      String s = raw.trim();
      boolean openStart = s.startsWith("*");
      boolean openEnd = s.endsWith("*");
      String spaced = s.replace('*', ' ');
      String words = TextNormalizer.isPlainWords(spaced) ? spaced : TextNormalizer.compute(spaced);
      if (words.isEmpty()) {
        throw bad(lineNo, "a phrase part with no words", line);
      }
      return new Part(words, openStart, openEnd);
    }

    /** Returns the first whole-word match at or after {@code from} ending by {@code limit}, or -1. */
    int indexIn(String t, int from, int limit) {
      return indexIn(t, words, openStart, openEnd, from, limit);
    }

    /** {@link #indexIn(String, int, int)} of a part given by its words and open ends. */
    static int indexIn(String t, String words, boolean openStart, boolean openEnd, int from, int limit) {
      int n = words.length();
      int at = from;
      while (true) {
        int s = t.indexOf(words, at);
        if (s < 0 || s + n > limit) {
          return -1;
        }
        boolean left = openStart || s == 0 || t.charAt(s - 1) == ' ';
        boolean right = openEnd || s + n == t.length() || t.charAt(s + n) == ' ';
        if (left && right) {
          return s;
        }
        at = s + 1;
      }
    }
  }
}
