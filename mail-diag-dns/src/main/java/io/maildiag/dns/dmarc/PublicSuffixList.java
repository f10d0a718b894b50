package io.maildiag.dns.dmarc;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.SourceSpan;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.internal.Excerpt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Public Suffix List (https://publicsuffix.org/list/), parsed from its text, and the PSL
 * algorithm: normal rules, wildcard rules ({@code *.ck}) and exception rules ({@code !www.ck}),
 * in the ICANN and PRIVATE sections. No network access: callers supply the list, for example
 * Debian's {@code /usr/share/publicsuffix/public_suffix_list.dat}.
 *
 * <p>The algorithm (publicsuffix.org "Formal algorithm"): a rule matches when its labels equal the
 * domain's rightmost labels, {@code *} matching any one label; if no rule matches, the prevailing
 * rule is {@code *}; an exception rule prevails over all others, otherwise the matching rule with
 * the most labels; an exception rule's public suffix is the rule without its leftmost label. The
 * registrable domain is the public suffix plus one label, which is the RFC 7489 section 3.2
 * organizational domain.
 *
 * <p>Rules are converted to IDNA A-labels, as {@link DomainName} is. Only a wildcard in the leftmost
 * label is supported (the only form the list uses); other wildcards are reported and skipped.
 * Instances are immutable and safe for concurrent use.
 *
 * @since 0.1
 */
public final class PublicSuffixList {

  /**
   * The section of the list a rule comes from.
   *
   * @since 0.1
   */
  public enum Section {
    /** Between {@code ===BEGIN ICANN DOMAINS===} and its END marker, or outside any marker. */
    ICANN,
    /** Between {@code ===BEGIN PRIVATE DOMAINS===} and its END marker. */
    PRIVATE
  }

  private enum Kind { NORMAL, WILDCARD, EXCEPTION }

  private record Rule(Kind kind, Section section, int labels) {}

  /** Rules keyed by kind and the rule's name without {@code !} or {@code *.}. */
  private final Map<String, Rule> normal;
  private final Map<String, Rule> wildcard;
  private final Map<String, Rule> exception;
  private final boolean includePrivate;

  private PublicSuffixList(Map<String, Rule> normal, Map<String, Rule> wildcard,
      Map<String, Rule> exception, boolean includePrivate) {
    this.normal = normal;
    this.wildcard = wildcard;
    this.exception = exception;
    this.includePrivate = includePrivate;
  }

  /**
   * Parses the list text. Lines that cannot be used are warnings with their position; the list is
   * always built.
   */
  public static ParseResult<PublicSuffixList> parse(CharSequence text) {
    Objects.requireNonNull(text, "text");
    String s = text.toString();
    Map<String, Rule> normal = new HashMap<>();
    Map<String, Rule> wildcard = new HashMap<>();
    Map<String, Rule> exception = new HashMap<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    int skipped = 0;
    Section section = Section.ICANN;
    int pos = 0;
    int lineNo = 0;
    while (pos <= s.length()) {
      int nl = s.indexOf('\n', pos);
      int end = nl < 0 ? s.length() : nl;
      lineNo++;
      String line = s.substring(pos, end);
      int lineStart = pos;
      pos = end + 1;
      String trimmed = line.strip();
      if (trimmed.startsWith("//")) {
        if (trimmed.contains("===BEGIN PRIVATE DOMAINS===")) {
          section = Section.PRIVATE;
        } else if (trimmed.contains("===BEGIN ICANN DOMAINS===") || trimmed.contains("===END PRIVATE DOMAINS===")) {
          section = Section.ICANN;
        }
        if (nl < 0) {
          break;
        }
        continue;
      }
      // Each line is read only up to the first whitespace.
      int lead = 0;
      while (lead < line.length() && Character.isWhitespace(line.charAt(lead))) {
        lead++;
      }
      int stop = lead;
      while (stop < line.length() && !Character.isWhitespace(line.charAt(stop))) {
        stop++;
      }
      String rule = line.substring(lead, stop);
      if (!rule.isEmpty()) {
        Optional<String> unusable = addRule(rule, section, normal, wildcard, exception);
        if (unusable.isPresent() && ++skipped <= MAX_WARNINGS) {
          // the span from the line already counted: SourceSpan.of would read the text up to it again
          diagnostics.add(Diagnostic.warning(DmarcCodes.PSL_INVALID_RULE, unusable.get())
              .at(new SourceSpan(lineStart + lead, rule.length(), lineNo, lead + 1)));
        }
      }
      if (nl < 0) {
        break;
      }
    }
    if (skipped > MAX_WARNINGS) {
      diagnostics.add(Diagnostic.warning(DmarcCodes.PSL_INVALID_RULE, (skipped - MAX_WARNINGS)
          + " more rules could not be used and were skipped (only the first " + MAX_WARNINGS + " are reported)"));
    }
    return ParseResult.success(new PublicSuffixList(Map.copyOf(normal), Map.copyOf(wildcard),
        Map.copyOf(exception), true), diagnostics);
  }

  /** The most unusable rules {@link #parse} reports one by one; the rest are counted in one warning. */
  static final int MAX_WARNINGS = 100;

  /** Adds {@code rule} to the map of its kind; returns why it cannot be used, if it cannot. */
  private static Optional<String> addRule(String rule, Section section, Map<String, Rule> normal,
      Map<String, Rule> wildcard, Map<String, Rule> exception) {
    Kind kind = Kind.NORMAL;
    String name = rule;
    if (name.startsWith("!")) {
      kind = Kind.EXCEPTION;
      name = name.substring(1);
    } else if (name.startsWith("*.")) {
      kind = Kind.WILDCARD;
      name = name.substring(2);
    } else if (name.equals("*")) {
      kind = Kind.WILDCARD;
      name = "";
    }
    if (name.contains("*")) {
      return Optional.of("rule '" + Excerpt.of(rule, 200) + "' has a wildcard outside the leftmost label; skipped");
    }
    String key;
    int labels;
    if (name.isEmpty()) {
      key = "";
      labels = 0;
    } else {
      ParseResult<DomainName> d = DomainName.parse(name);
      if (d.value().isEmpty() || name.endsWith(".")) {
        return Optional.of("rule '" + Excerpt.of(rule, 200) + "' is not a valid domain name; skipped");
      }
      key = d.value().get().toString();
      labels = d.value().get().labelCount();
    }
    switch (kind) {
      case NORMAL -> normal.put(key, new Rule(kind, section, labels));
      case WILDCARD -> wildcard.put(key, new Rule(kind, section, labels + 1));
      case EXCEPTION -> exception.put(key, new Rule(kind, section, labels));
    }
    return Optional.empty();
  }

  /** The most bytes of a list file {@link #load} reads: 32 MiB (the real list is about 250 KB). */
  public static final int MAX_FILE_BYTES = 32 << 20;

  /**
   * Reads and parses a list file in UTF-8. A file larger than {@link #MAX_FILE_BYTES} is not
   * parsed: the result is a {@link DmarcCodes#PSL_TOO_LARGE} error, after reading one byte past
   * the limit.
   *
   * @throws IOException if the file cannot be read, or is not UTF-8 text
   *     ({@link java.nio.charset.CharacterCodingException})
   */
  public static ParseResult<PublicSuffixList> load(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      return ParseResult.failure(Diagnostic.error(DmarcCodes.PSL_TOO_LARGE,
          "not a public suffix list: larger than " + (MAX_FILE_BYTES >> 20) + " MiB (the real list is about 250 KB)"));
    }
    return parse(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
  }

  /** Returns a view that ignores the PRIVATE section, as some DMARC implementations do. */
  public PublicSuffixList icannOnly() {
    return new PublicSuffixList(normal, wildcard, exception, false);
  }

  /** Returns whether the PRIVATE section is used (true unless {@link #icannOnly()}). */
  public boolean includesPrivate() {
    return includePrivate;
  }

  /** Returns the number of rules, all sections. */
  public int size() {
    return normal.size() + wildcard.size() + exception.size();
  }

  private boolean usable(Rule r) {
    return r != null && (includePrivate || r.section() == Section.ICANN);
  }

  /**
   * Returns the number of labels of the public suffix of {@code domain} under the algorithm; at
   * least 1 for a non-root name (the implicit {@code *} rule), and at most its label count.
   */
  private int suffixLabels(DomainName domain) {
    int n = domain.labelCount();
    int best = 1;
    for (int k = 1; k <= n; k++) {
      String sfx = domain.suffix(k).toString();
      Rule ex = exception.get(sfx);
      if (usable(ex)) {
        return k - 1;
      }
      if (usable(normal.get(sfx))) {
        best = Math.max(best, k);
      }
      String parent = k == 1 ? "" : domain.suffix(k - 1).toString();
      if (usable(wildcard.get(parent))) {
        best = Math.max(best, k);
      }
    }
    return Math.min(best, n);
  }

  /**
   * Returns the public suffix of {@code domain}: {@code co.uk} for {@code a.example.co.uk}.
   *
   * @throws IllegalArgumentException if {@code domain} is the root
   */
  public DomainName publicSuffix(DomainName domain) {
    if (domain.isRoot()) {
      throw new IllegalArgumentException("the root has no public suffix");
    }
    return domain.suffix(suffixLabels(domain));
  }

  /** Returns whether {@code domain} is itself a public suffix. */
  public boolean isPublicSuffix(DomainName domain) {
    return !domain.isRoot() && suffixLabels(domain) == domain.labelCount();
  }

  /**
   * Returns the registrable domain (public suffix plus one label), which RFC 7489 section 3.2 calls
   * the organizational domain; empty when {@code domain} is a public suffix or the root.
   */
  public Optional<DomainName> registrableDomain(DomainName domain) {
    if (domain.isRoot()) {
      return Optional.empty();
    }
    int k = suffixLabels(domain);
    return k < domain.labelCount() ? Optional.of(domain.suffix(k + 1)) : Optional.empty();
  }

  /**
   * Returns the RFC 7489 organizational domain: the registrable domain, or {@code domain} itself
   * when it is a public suffix (RFC 7489 section 3.2 leaves this open; using the domain itself
   * makes a public suffix its own organizational domain, so only equal names align).
   */
  public DomainName organizationalDomain(DomainName domain) {
    return registrableDomain(domain).orElse(domain);
  }

  @Override
  public String toString() {
    return "PublicSuffixList[" + size() + " rules" + (includePrivate ? "" : ", ICANN only") + "]";
  }
}
