package io.maildiag.ndr.code;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IANA "Simple Mail Transfer Protocol (SMTP) Enhanced Status Codes" registry (RFC 5248): every
 * enumerated status code from {@code X.0.0} to {@code X.7.30}, with its sample text, description,
 * associated basic reply codes and references.
 *
 * <p>The registry lists codes without their class ({@code X.1.1}); {@link #lookup(EnhancedStatusCode)}
 * finds an entry by subject and detail whatever the class. Where the registry text restricts a
 * code to some classes ("only useful as a permanent failure", "5XX"), {@link Entry#classes()} says
 * so and {@link Entry#allowsClass(int)} tells whether a code uses a registered class; a code such as
 * {@code 5.2.2}, common although the registry recommends class 4, is still found.
 *
 * <p>The data is loaded once from a resource of this package and is immutable; all methods are
 * safe for concurrent use.
 *
 * @see <a href="https://www.iana.org/assignments/smtp-enhanced-status-codes">IANA registry</a>
 * @since 0.1
 */
public final class StatusCodeRegistry {

  /** Where the registry is published. */
  public static final String REGISTRY_URL = "https://www.iana.org/assignments/smtp-enhanced-status-codes";

  private static final Pattern KEY = Pattern.compile("X\\.([0-9]{1,3})\\.([0-9]{1,3})");
  private static final Map<String, Entry> BY_KEY = load();
  private static final List<Entry> ENTRIES = List.copyOf(BY_KEY.values());

  private StatusCodeRegistry() {}

  /**
   * One enumerated status code of the registry.
   *
   * @param key the class-independent code, such as {@code X.7.26}
   * @param subject the subject, 0 to 7
   * @param detail the detail
   * @param title the registered sample text, such as {@code Multiple authentication checks failed}
   * @param description what the code means, condensed from the registry text
   * @param associatedReplyCodes the associated basic status codes as registered, such as {@code
   *     451, 550}, {@code 5XX}, {@code Any} or {@code Not given}
   * @param references the defining documents, such as {@code RFC 7372}; never empty
   * @param classes the classes (2, 4, 5) the registry text allows; all three where it says nothing
   * @param deprecated whether the registry marks the code deprecated ({@code X.6.10})
   * @since 0.1
   */
  public record Entry(
      String key, int subject, int detail, String title, String description, String associatedReplyCodes,
      List<String> references, Set<Integer> classes, boolean deprecated) {

    /**
     * Validates the entry.
     *
     * @throws IllegalArgumentException if the subject is not 0 to 7 or the detail not 0 to 999, the
     *     key does not match subject and detail, a text is blank, there is no reference, or a class
     *     is not 2, 4 or 5
     */
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(associatedReplyCodes, "associatedReplyCodes");
      if (StatusSubject.of(subject).isEmpty() || detail < 0 || detail > 999) {
        throw new IllegalArgumentException(key + ": subject must be 0 to 7 and detail 0 to 999: " + subject + ", "
            + detail);
      }
      if (!key.equals("X." + subject + "." + detail)) {
        throw new IllegalArgumentException("key " + key + " does not match subject " + subject + " and detail " + detail);
      }
      if (title.isBlank() || description.isBlank()) {
        throw new IllegalArgumentException(key + ": title and description must not be blank");
      }
      references = List.copyOf(references);
      if (references.isEmpty() || references.stream().anyMatch(String::isBlank)) {
        throw new IllegalArgumentException(key + ": at least one non-blank reference is required");
      }
      if (classes.isEmpty() || !Set.of(2, 4, 5).containsAll(classes)) {
        throw new IllegalArgumentException(key + ": classes must be a non-empty subset of {2, 4, 5}: " + classes);
      }
      classes = Collections.unmodifiableSet(new TreeSet<>(classes));
    }

    /** A three-digit reply code standing alone in the registry's column of associated codes. */
    private static final Pattern REPLY_CODE = Pattern.compile("(?<![0-9A-Za-z_])[2-5][0-9][0-9](?![0-9A-Za-z_])");

    /** Returns whether the registry allows the code with class {@code statusClass}. */
    public boolean allowsClass(int statusClass) {
      return classes.contains(statusClass);
    }

    /** Returns whether the registry text restricts the code to fewer than all three classes. */
    public boolean isClassRestricted() {
      return classes.size() < 3;
    }

    /** Returns the subject of the entry. */
    public StatusSubject statusSubject() {
      return StatusSubject.of(subject).orElseThrow();
    }

    /**
     * Returns the three-digit reply codes named in {@link #associatedReplyCodes()}, in order;
     * empty for {@code Any}, {@code Not given} and {@code 5XX}.
     */
    public List<ReplyCode> replyCodes() {
      List<ReplyCode> codes = new ArrayList<>();
      Matcher m = REPLY_CODE.matcher(associatedReplyCodes);
      while (m.find()) {
        ReplyCode.parse(m.group()).value().filter(c -> !codes.contains(c)).ifPresent(codes::add);
      }
      return List.copyOf(codes);
    }

    /**
     * Returns the code of this entry with class {@code statusClass}, such as {@code 5.7.26}.
     *
     * @throws IllegalArgumentException if {@code statusClass} is not 2, 4 or 5
     */
    public EnhancedStatusCode withClass(int statusClass) {
      return new EnhancedStatusCode(statusClass, subject, detail);
    }
  }

  /** Returns the entry for the subject and detail of {@code code}, whatever its class. */
  public static Optional<Entry> lookup(EnhancedStatusCode code) {
    Objects.requireNonNull(code, "code");
    return Optional.ofNullable(BY_KEY.get(code.registryKey()));
  }

  /** Returns the entry with the registry key {@code key}, such as {@code X.1.1}, if registered. */
  public static Optional<Entry> entry(String key) {
    Objects.requireNonNull(key, "key");
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** Returns every entry, ordered by subject and detail. */
  public static List<Entry> entries() {
    return ENTRIES;
  }

  /** Returns the registered subject of {@code code}, or empty for subjects 8 to 999. */
  public static Optional<StatusSubject> subject(EnhancedStatusCode code) {
    return StatusSubject.of(code);
  }

  private static Map<String, Entry> load() {
    Map<String, Entry> byKey = new LinkedHashMap<>();
    for (TsvResource.Row row : TsvResource.read("enhanced-status-codes.tsv", 7, 7)) {
      Matcher m = KEY.matcher(row.get(0));
      if (!m.matches()) {
        throw new IllegalStateException("enhanced-status-codes.tsv:" + row.line() + ": bad key " + row.get(0));
      }
      Set<Integer> classes = new TreeSet<>();
      for (String c : row.get(1).split(",")) {
        classes.add(Integer.parseInt(c.strip()));
      }
      List<String> references = List.of(row.get(3).split(";")).stream().map(String::strip).toList();
      String status = row.get(4);
      if (!status.equals("current") && !status.equals("deprecated")) {
        throw new IllegalStateException("enhanced-status-codes.tsv:" + row.line() + ": bad status " + status);
      }
      Entry e = new Entry(row.get(0), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), row.get(5),
          row.get(6), row.get(2), references, classes, status.equals("deprecated"));
      if (byKey.putIfAbsent(e.key(), e) != null) {
        throw new IllegalStateException("enhanced-status-codes.tsv:" + row.line() + ": duplicate key " + e.key());
      }
    }
    List<Entry> sorted = new ArrayList<>(byKey.values());
    sorted.sort((a, b) -> a.subject() != b.subject() ? Integer.compare(a.subject(), b.subject())
        : Integer.compare(a.detail(), b.detail()));
    Map<String, Entry> ordered = new LinkedHashMap<>();
    sorted.forEach(e -> ordered.put(e.key(), e));
    return Collections.unmodifiableMap(ordered);
  }
}
