package io.maildiag.ndr.code;

import io.maildiag.core.internal.LowerCase;
import io.maildiag.ndr.Actor;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RetryAdvice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The provider-specific code meanings known to mail-diag: what Microsoft 365 / Exchange Online,
 * Gmail / Google Workspace and Yahoo mean by the enhanced status codes they return, taken from
 * their published documentation.
 *
 * <p>A provider may give one code several meanings (Microsoft's {@code 5.2.2} is "submission quota
 * exceeded" or a full mailbox; Gmail's {@code 5.7.1} covers spam, reputation, policy and RFC 5322
 * problems). Such variants are listed in order; the first is the <em>primary</em> meaning,
 * returned by {@link #lookup(Provider, EnhancedStatusCode)}, and {@link #lookup(Provider,
 * EnhancedStatusCode, CharSequence)} picks the variant whose distinguishing text appears in the
 * reply. Ranges the providers document (Microsoft's {@code 4.7.500-699}, {@code 4.7.850-899},
 * {@code 5.7.606-649} and {@code 5.7.700-749}) are expanded, so lookup is always by exact code,
 * class included.
 *
 * <p>The table is loaded once from a resource of this package and is immutable; all methods are
 * safe for concurrent use.
 *
 * @since 0.1
 */
public final class ProviderCodes {

  /**
   * The distinguishing texts of each meaning, by identity: the meanings looked up are the very
   * instances of the table, and a record's hash code would be worked out over all its fields.
   */
  private static final Map<ProviderCode, List<String>> MARKERS = new IdentityHashMap<>();
  private static final List<ProviderCode> ALL = load(MARKERS);
  private static final Map<EnhancedStatusCode, List<ProviderCode>> BY_CODE = index(ALL);
  /** Per provider, the meanings of each code, the primary one first: {@link #lookupAll} without filtering. */
  private static final Map<Provider, Map<EnhancedStatusCode, List<ProviderCode>>> BY_PROVIDER = byProvider(BY_CODE);

  private ProviderCodes() {}

  /** Returns every known provider meaning, ordered by provider, code, then variant order. */
  public static List<ProviderCode> all() {
    return ALL;
  }

  /** Returns the meanings providers give to {@code code}, every variant, ordered by provider. */
  public static List<ProviderCode> lookup(EnhancedStatusCode code) {
    Objects.requireNonNull(code, "code");
    return BY_CODE.getOrDefault(code, List.of());
  }

  /** Returns the primary meaning {@code provider} gives to {@code code}, if it gives one. */
  public static Optional<ProviderCode> lookup(Provider provider, EnhancedStatusCode code) {
    return first(lookupAll(provider, code));
  }

  /** Returns every meaning {@code provider} gives to {@code code}, the primary one first. */
  public static List<ProviderCode> lookupAll(Provider provider, EnhancedStatusCode code) {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(code, "code");
    return BY_PROVIDER.get(provider).getOrDefault(code, List.of());
  }

  /**
   * Returns the meaning {@code provider} gives to {@code code} in a reply with the given text: the
   * first secondary variant whose distinguishing text occurs in {@code diagnosticText} (ignoring
   * case), or else the primary meaning. Secondary variants are tried first because they are the
   * specific ones: Gmail's DMARC variant of {@code 5.7.26} says "Unauthenticated email ... DMARC
   * policy", which also contains the primary meaning's "unauthenticated".
   *
   * @param diagnosticText the reply or diagnostic text, such as {@code 554 5.2.2 mailbox full;
   *     STOREDRV.Deliver...}; may be empty
   */
  public static Optional<ProviderCode> lookup(Provider provider, EnhancedStatusCode code, CharSequence diagnosticText) {
    Objects.requireNonNull(diagnosticText, "diagnosticText");
    List<ProviderCode> variants = lookupAll(provider, code);
    if (variants.size() < 2) {
      return first(variants); // no secondary variant: the text cannot choose
    }
    String text = LowerCase.root(diagnosticText.toString());
    for (int i = 1; i < variants.size(); i++) {
      ProviderCode variant = variants.get(i);
      for (String marker : MARKERS.getOrDefault(variant, List.of())) {
        if (text.contains(marker)) {
          return Optional.of(variant);
        }
      }
    }
    return first(variants);
  }

  private static Optional<ProviderCode> first(List<ProviderCode> variants) {
    return variants.isEmpty() ? Optional.empty() : Optional.of(variants.get(0));
  }

  /** Returns the providers that have at least one entry, in enum order. */
  public static Set<Provider> providers() {
    Set<Provider> providers = new LinkedHashSet<>();
    for (ProviderCode p : ALL) {
      providers.add(p.provider());
    }
    return Collections.unmodifiableSet(providers);
  }

  private static List<ProviderCode> load(Map<ProviderCode, List<String>> markers) {
    List<ProviderCode> codes = new ArrayList<>();
    Set<List<Object>> seen = new java.util.HashSet<>();
    for (TsvResource.Row row : TsvResource.read("provider-codes.tsv", 9, 10)) {
      String where = "provider-codes.tsv:" + row.line() + ": ";
      int[] range = codeOrRange(row.get(1));
      if (range == null) {
        throw new IllegalStateException(where + "bad code or range " + row.get(1));
      }
      int cls = range[0];
      int subject = range[1];
      int first = range[2];
      int last = range[3] < 0 ? first : range[3];
      if (last < first) {
        throw new IllegalStateException(where + "empty range " + row.get(1));
      }
      Provider provider = Provider.valueOf(row.get(0));
      Reason reason = Reason.valueOf(row.get(2));
      Actor actor = Actor.valueOf(row.get(3));
      RetryAdvice retry = RetryAdvice.valueOf(row.get(4));
      for (String text : List.of(row.get(5), row.get(6), row.get(7), row.get(8))) {
        if (text.isBlank()) {
          throw new IllegalStateException(where + "title, cause, remediation and source must not be blank");
        }
      }
      List<String> marks = row.fields().size() < 10 || row.get(9).isBlank() ? List.of() : markers(row.get(9));
      for (int detail = first; detail <= last; detail++) {
        EnhancedStatusCode code = new EnhancedStatusCode(cls, subject, detail);
        ProviderCode pc = new ProviderCode(provider, code, row.get(5), row.get(6), row.get(7), actor, reason, retry,
            row.get(8));
        if (!seen.add(List.of(provider, code, pc.title()))) {
          throw new IllegalStateException(where + "duplicate " + provider + " " + code + " " + pc.title());
        }
        codes.add(pc);
        markers.put(pc, marks);
      }
    }
    // Stable sort: variants of one (provider, code) keep their file order.
    codes.sort(new ByProviderAndCode());
    return List.copyOf(codes);
  }

  /**
   * The numbers of a code {@code C.S.D} or a range {@code C.S.D-E}, where C is 2, 4 or 5 and the
   * others have one to three digits: {C, S, D, E}, E -1 for a code; null for anything else.
   */
  static int @Nullable [] codeOrRange(String s) {
    int n = s.length();
    if (n < 5 || (s.charAt(0) != '2' && s.charAt(0) != '4' && s.charAt(0) != '5') || s.charAt(1) != '.') {
      return null;
    }
    int[] out = {s.charAt(0) - '0', -1, -1, -1};
    int i = 2;
    for (int k = 1; k <= 3; k++) {
      int start = i;
      int v = 0;
      while (i < n && i - start < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        v = v * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == start) {
        return null;
      }
      out[k] = v;
      if (i == n) {
        return k >= 2 ? out : null;
      }
      // after the subject a '.', after the detail a '-', after the range's end nothing
      if (k == 3 || s.charAt(i) != (k == 1 ? '.' : '-')) {
        return null;
      }
      i++;
    }
    return null;
  }

  /** Orders by provider, then code. */
  private static final class ByProviderAndCode implements Comparator<ProviderCode> {
    @Override
    public int compare(ProviderCode a, ProviderCode b) {
      int c = a.provider().compareTo(b.provider());
      return c != 0 ? c : a.code().compareTo(b.code());
    }
  }

  /** The distinguishing texts of a {@code |}-separated field: stripped, lower-cased, none empty. */
  private static List<String> markers(String field) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (true) {
      int bar = field.indexOf('|', start);
      String s = field.substring(start, bar < 0 ? field.length() : bar).strip().toLowerCase(Locale.ROOT);
      if (!s.isEmpty()) {
        out.add(s);
      }
      if (bar < 0) {
        return List.copyOf(out);
      }
      start = bar + 1;
    }
  }

  private static Map<Provider, Map<EnhancedStatusCode, List<ProviderCode>>> byProvider(
      Map<EnhancedStatusCode, List<ProviderCode>> byCode) {
    Map<Provider, Map<EnhancedStatusCode, List<ProviderCode>>> out = new EnumMap<>(Provider.class);
    for (Provider p : Provider.values()) {
      out.put(p, new HashMap<>());
    }
    // each code's meanings are in provider order, so one provider's are consecutive
    for (Map.Entry<EnhancedStatusCode, List<ProviderCode>> e : byCode.entrySet()) {
      List<ProviderCode> meanings = e.getValue();
      int from = 0;
      while (from < meanings.size()) {
        Provider p = meanings.get(from).provider();
        int to = from + 1;
        while (to < meanings.size() && meanings.get(to).provider() == p) {
          to++;
        }
        out.get(p).put(e.getKey(), meanings.subList(from, to));
        from = to;
      }
    }
    return out;
  }

  private static Map<EnhancedStatusCode, List<ProviderCode>> index(List<ProviderCode> all) {
    Map<EnhancedStatusCode, List<ProviderCode>> byCode = new LinkedHashMap<>();
    for (ProviderCode pc : all) {
      List<ProviderCode> list = byCode.get(pc.code());
      if (list == null) {
        list = new ArrayList<>(2);
        byCode.put(pc.code(), list);
      }
      list.add(pc);
    }
    Map<EnhancedStatusCode, List<ProviderCode>> frozen = new HashMap<>();
    for (Map.Entry<EnhancedStatusCode, List<ProviderCode>> e : byCode.entrySet()) {
      frozen.put(e.getKey(), List.copyOf(e.getValue()));
    }
    return Collections.unmodifiableMap(frozen);
  }
}
