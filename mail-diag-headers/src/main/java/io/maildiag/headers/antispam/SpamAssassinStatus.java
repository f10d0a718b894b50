package io.maildiag.headers.antispam;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.internal.LowerCase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * SpamAssassin's {@code X-Spam-Status} header: {@code Yes, score=7.1 required=5.0
 * tests=BAYES_99,HTML_MESSAGE autolearn=no version=3.4.6}. Older versions write {@code hits=} for
 * {@code score=}; Amavis writes {@code tests=[NAME=score, ...]}.
 *
 * @param spam the verdict ({@code Yes} or {@code No}), when stated
 * @param score the message's score
 * @param required the threshold at which it counts as spam
 * @param tests the rules that fired, in order
 * @param other the other {@code key=value} items ({@code autolearn}, {@code version} ...)
 * @since 0.1
 */
public record SpamAssassinStatus(
    Optional<Boolean> spam, Optional<Double> score, Optional<Double> required, List<SpamTest> tests,
    Map<String, String> other) {

  private static final int MAX_TESTS = 1000;

  /** Copies the collections. */
  public SpamAssassinStatus {
    Objects.requireNonNull(spam, "spam");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(required, "required");
    tests = List.copyOf(tests);
    other = Collections.unmodifiableMap(new LinkedHashMap<>(other));
  }

  /** Parses the (unfolded) header value. Never throws on bad input. */
  public static ParseResult<SpamAssassinStatus> parse(String value) {
    List<Diagnostic> diags = new ArrayList<>();
    String v = value.trim();
    Optional<Boolean> spam = Optional.empty();
    int comma = v.indexOf(',');
    String head = (comma >= 0 ? v.substring(0, comma) : firstWord(v)).trim();
    if (head.equalsIgnoreCase("yes")) {
      spam = Optional.of(true);
      v = comma >= 0 ? v.substring(comma + 1) : v.substring(head.length());
    } else if (head.equalsIgnoreCase("no")) {
      spam = Optional.of(false);
      v = comma >= 0 ? v.substring(comma + 1) : v.substring(head.length());
    }
    Optional<Double> score = Optional.empty();
    Optional<Double> required = Optional.empty();
    List<SpamTest> tests = new ArrayList<>();
    Map<String, String> other = new LinkedHashMap<>();
    List<String> words = words(v);
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      int eq = w.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = LowerCase.root(w.substring(0, eq));
      String val = w.substring(eq + 1);
      if (key.equals("tests")) {
        StringBuilder sb = new StringBuilder(val);
        boolean bracket = val.startsWith("[");
        // The list may be folded after its commas, or be a bracketed list with spaces.
        while (i + 1 < words.size()
            && (bracket ? sb.indexOf("]") < 0 : (sb.length() > 0 && sb.charAt(sb.length() - 1) == ','))) {
          sb.append(words.get(++i));
        }
        readTests(sb.toString(), tests);
      } else if (key.equals("score") || key.equals("hits")) {
        score = number(val, "score", diags);
      } else if (key.equals("required")) {
        required = number(val, "required", diags);
      } else {
        other.putIfAbsent(key, val);
      }
    }
    return ParseResult.success(new SpamAssassinStatus(spam, score, required, tests, other), diags);
  }

  private static void readTests(String list, List<SpamTest> out) {
    String s = list;
    if (s.startsWith("[")) {
      s = s.substring(1);
    }
    if (s.endsWith("]")) {
      s = s.substring(0, s.length() - 1);
    }
    for (String item : s.split(",", -1)) {
      String t = item.trim();
      if (t.isEmpty() || t.equalsIgnoreCase("none") || out.size() >= MAX_TESTS) {
        continue;
      }
      int eq = t.indexOf('=');
      if (eq > 0) {
        Optional<Double> sc = number(t.substring(eq + 1), "test score", null);
        out.add(new SpamTest(t.substring(0, eq), sc));
      } else {
        out.add(new SpamTest(t, Optional.empty()));
      }
    }
  }

  static Optional<Double> number(String s, String what, @org.jspecify.annotations.Nullable List<Diagnostic> diags) {
    String t = s.trim();
    if (t.endsWith(",") || t.endsWith(";")) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      if (t.isEmpty() || t.length() > 20) {
        throw new NumberFormatException(t);
      }
      double d = Double.parseDouble(t);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException(t);
      }
      return Optional.of(d);
    } catch (NumberFormatException e) {
      if (diags != null) {
        diags.add(Diagnostic.warning(AntispamCodes.HEADERS_ANTISPAM_MALFORMED,
            "SpamAssassin " + what + " '" + KeyValues.shorten(s) + "' is not a number"));
      }
      return Optional.empty();
    }
  }

  private static String firstWord(String s) {
    List<String> w = words(s);
    return w.isEmpty() ? "" : w.get(0);
  }

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(s.substring(start, i));
      }
    }
    return out;
  }

  /** Returns whether the message counts as spam: the stated verdict, else score at or above required. */
  public boolean isSpam() {
    if (spam.isPresent()) {
      return spam.get();
    }
    return score.isPresent() && required.isPresent() && score.get() >= required.get();
  }

  /** Returns the names of the rules that fired. */
  public List<String> testNames() {
    return tests.stream().map(SpamTest::name).toList();
  }
}
