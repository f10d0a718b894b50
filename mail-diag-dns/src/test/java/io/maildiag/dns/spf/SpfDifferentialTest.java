package io.maildiag.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Limits;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.InMemoryDnsResolver;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Differential test of {@link SpfChecker} against pyspf, the reference implementation of the
 * openspf suites (Debian's python3-spf, {@code apt-get install -y python3-spf}).
 *
 * <p>A seeded generator builds thousands of cases, each a small random DNS zone (policies with
 * every mechanism and modifier, MX hosts, PTR records, CNAMEs, explanation texts) and a client
 * (IPv4 or IPv6, a sender, a HELO name). Every case runs through mail-diag with an {@link
 * InMemoryDnsResolver} and through pyspf in one Python process (src/test/resources/
 * spf-differential/pyspf_driver.py) whose in-memory DNS has the same semantics. Results must be
 * equal, and so must explanations of a {@code fail}, on every case but those where a documented,
 * RFC-justified difference applies (see {@link Difference}).
 *
 * <p>A divergence is accepted only as one of the documented differences, each a departure of
 * pyspf from RFC 7208 or a choice of mail-diag where the RFC leaves room (package-info): the
 * driver undoes it in pyspf with a small patch of the same name, and the case counts as that
 * difference only if pyspf then gives mail-diag's outcome. The test prints one line: the cases,
 * the agreements, the documented differences by kind, and the divergences (which fail it).
 *
 * <p>Without python3 and pyspf the test is skipped, except under {@code CI=true}, where it fails.
 * System properties: {@code maildiag.spf.differential.seed} and {@code
 * maildiag.spf.differential.cases} set the seed and the number of cases; {@code maildiag.python}
 * names the Python interpreter; {@code maildiag.spf.differential.shown} how many divergent cases
 * the failure shows in full (12); {@code maildiag.spf.differential.dump} a file to write the
 * divergent cases to, as JSON lines the driver reads.
 */
class SpfDifferentialTest {

  static final long DEFAULT_SEED = 7208L;
  static final int DEFAULT_CASES = 4000;
  /** The time of the %{t} macro, fixed on both sides. */
  static final long NOW = 1_700_000_000L;
  static final String RECEIVER = "receiver.example";
  static final Duration PYTHON_TIMEOUT = Duration.ofSeconds(90);
  static final String DRIVER = "/spf-differential/pyspf_driver.py";
  /** How many divergent cases a failure message shows in full. */
  static final int SHOWN = Integer.getInteger("maildiag.spf.differential.shown", 12);

  @Test
  void mailDiagAgreesWithPyspf() throws Exception {
    Optional<String> python = findPython();
    if (python.isEmpty()) {
      String message = "python3 with the pyspf module ('import spf') not found: install it with "
          + "'apt-get install -y python3-spf' (or set -Dmaildiag.python=/path/to/python3)";
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(message);
      }
      Assumptions.abort(message);
    }
    long seed = Long.getLong("maildiag.spf.differential.seed", DEFAULT_SEED);
    int count = Integer.getInteger("maildiag.spf.differential.cases", DEFAULT_CASES);
    Generator generator = new Generator(new Random(seed));
    List<Case> cases = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      cases.add(generator.next(i));
    }

    List<SpfEvaluation> evaluations = cases.stream().map(Case::runMailDiag).toList();
    List<Outcome> ours = evaluations.stream().map(Outcome::of).toList();
    List<Reference> reference = runPyspf(python.get(), cases, ours);
    assertThat(reference).as("one pyspf answer per case").hasSize(cases.size());

    int agreements = 0;
    int documentedCases = 0;
    int severalKinds = 0;
    Map<String, Integer> documented = new TreeMap<>();
    List<String> divergences = new ArrayList<>();
    Map<String, Integer> divergentPairs = new TreeMap<>();
    List<Case> divergentCases = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      SpfEvaluation e = evaluations.get(i);
      Reference theirs = reference.get(i);
      if (e.result() != SpfResult.FAIL && e.explanation().isPresent()) {
        divergences.add(describe(c, e, theirs, "mail-diag gives an explanation for a non-fail result"));
        divergentCases.add(c);
      } else if (ours.get(i).agreesWith(theirs.stock())) {
        agreements++;
      } else {
        Optional<List<Difference>> kinds = Difference.classify(c, ours.get(i), theirs);
        if (kinds.isPresent()) {
          documentedCases++;
          severalKinds += kinds.get().size() > 1 ? 1 : 0;
          kinds.get().forEach(d -> documented.merge(d.driverName, 1, Integer::sum));
        } else {
          divergences.add(describe(c, e, theirs, "divergence"));
          divergentPairs.merge(ours.get(i).result() + "/" + theirs.stock().result(), 1, Integer::sum);
          divergentCases.add(c);
        }
      }
    }

    String summary = String.format(Locale.ROOT,
        "SPF differential vs pyspf (seed %d): %d cases, %d agreements (%.2f%%), %d documented differences "
            + "(%d of them of several kinds) by kind %s, %d divergences%s",
        seed, cases.size(), agreements, 100.0 * agreements / cases.size(), documentedCases, severalKinds,
        documented, divergences.size(), divergentPairs.isEmpty() ? "" : " (mail-diag/pyspf: " + divergentPairs + ")");
    System.out.println(summary);
    String dump = System.getProperty("maildiag.spf.differential.dump");
    if (dump != null && !divergentCases.isEmpty()) {
      // The divergent cases as the driver reads them, to replay: python3 pyspf_driver.py < file
      Files.write(Path.of(dump), divergentCases.stream().map(c -> c.toJson(ours.get(c.index()))).toList(),
          StandardCharsets.UTF_8);
    }
    assertThat(divergences)
        .as("%s%n%s", summary, divergences.stream().limit(SHOWN).collect(Collectors.joining("\n\n")))
        .isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Documented differences

  /**
   * The documented differences: where pyspf departs from RFC 7208, or where RFC 7208 leaves room
   * and mail-diag documents its choice (io.maildiag.dns.spf package-info). A divergent case is
   * attributed to differences only when pyspf, with exactly those departures undone by the
   * driver's patches of the same names (pyspf_driver.py), gives mail-diag's outcome: one of them
   * if one suffices, else a set none of which can be left out. Anything else is a divergence and
   * fails the test.
   */
  enum Difference {
    /**
     * RFC 7208 section 4.6.4 limits the number of "terms" whose DNS queries return no answer;
     * mail-diag counts at most one void lookup per term (package-info), pyspf counts every void
     * DNS query: the hosts of one mx, the names of one ptr, and a question asked again.
     */
    VOID_LOOKUPS_PER_TERM("void-lookups-per-term"),
    /**
     * RFC 7208 section 5.4: the mx mechanism matches if any address of its hosts matches, with
     * no order of lookups prescribed. mail-diag compares the hosts in preference order and stops
     * at the first match (package-info); pyspf looks up every host first, so a void or failing
     * host after the matching one still counts against the limits.
     */
    MX_STOPS_AT_FIRST_MATCH("mx-stops-at-first-match"),
    /**
     * pyspf rejects an include of the current domain while validating the record, before any
     * term is evaluated. It is no syntax error: RFC 7208 section 4.6 makes only syntax errors
     * fatal up front, section 4.6.2 ends the evaluation at the first matching mechanism, and
     * section 5.2 evaluates an include when it is reached. mail-diag returns permerror when the
     * include is reached (package-info: SPF_LOOP), and not when an earlier term matched.
     */
    INCLUDE_LOOP_WHEN_EVALUATED("include-loop-when-evaluated"),
    /**
     * RFC 7208 section 4.3: a sender without a local part gets "postmaster"; section 7.2: the
     * {@code s} macro is that sender. pyspf substitutes "postmaster" for {@code %{l}} but keeps
     * the raw sender ({@code example.com} or {@code @example.com}) for {@code %{s}}.
     */
    SENDER_WITHOUT_LOCAL_PART("sender-without-local-part"),
    /**
     * RFC 7208 section 4.6.1: mechanism and modifier names are case-insensitive. pyspf compares
     * modifier names as written: {@code REDIRECT=} or {@code Exp=} is an unknown modifier to it.
     */
    MODIFIER_NAMES_CASE_INSENSITIVE("modifier-names-case-insensitive"),
    /**
     * RFC 7208 section 5.5: a DNS error on the address lookup of a PTR name skips that name (and
     * one on the PTR lookup makes the mechanism not match); section 7.3 gives {@code %{p}} the
     * value "unknown" then. pyspf ends the evaluation with temperror.
     */
    PTR_SKIPS_DNS_ERRORS("ptr-skips-dns-errors"),
    /**
     * RFC 7208 section 4.6.4: exp= causes a lookup only after the evaluation and counts towards
     * no limit; section 6.2 computes the explanation of a fail. pyspf fetches and expands the
     * exp= text of every record while parsing it, and counts the void lookups of a {@code %{p}}
     * in that text.
     */
    EXPLANATION_AFTER_EVALUATION("explanation-after-evaluation"),
    /**
     * RFC 7208 sections 4.6.2 and 5: a mechanism's domain-spec is expanded when the mechanism is
     * evaluated; section 7.3: {@code %{p}} prefers a validated name equal to or below the current
     * domain. pyspf expands every mechanism's domain-spec while validating the record, so the
     * lookups of {@code %{p}} (void ones counted) come before any term and even for terms never
     * reached; and it keeps its first {@code %{p}} value for all domains.
     */
    P_MACRO_WHEN_EVALUATED("p-macro-when-evaluated"),
    /**
     * RFC 7208 section 7.3: an expanded domain name longer than 253 characters loses labels from
     * the left until it fits. pyspf removes one label only (and looks up a name still too long),
     * and cuts explanation texts longer than 253 characters too, which are no domain names.
     */
    TRUNCATION_BY_LABELS("truncation-by-labels"),
    /**
     * RFC 7208 section 7.1: "If a DIGIT is specified, the value MUST be nonzero": {@code %{d0}}
     * is an invalid macro (a permerror in a record, an ignored explanation). pyspf expands it to
     * all parts but the first.
     */
    MACRO_DIGIT_ZERO_IS_ERROR("macro-digit-zero-is-error"),
    /**
     * RFC 7208 section 6.2: an empty TXT record is a valid, empty explanation-string, none of the
     * cases that make exp= ignored. pyspf ignores it and gives its default explanation.
     */
    EMPTY_EXPLANATION("empty-explanation"),
    /**
     * RFC 7208 section 4.6.4 counts the redirect modifier among the terms that query DNS during
     * evaluation, and section 6.1 follows it only when no mechanism matched. pyspf counts it when
     * reading the record, so 10 counted mechanisms and an unused redirect pass its limit.
     */
    REDIRECT_COUNTED_WHEN_FOLLOWED("redirect-counted-when-followed"),
    /**
     * A target-name that is a valid domain-spec but no valid domain name (an empty label, a label
     * over 63 octets) is undefined in RFC 7208 (the openspf suite's invalid-domain-empty-label
     * accepts fail or permerror). mail-diag returns permerror (package-info); pyspf treats it as a
     * void lookup that matches nothing.
     */
    INVALID_TARGET_IS_PERMERROR("invalid-target-is-permerror"),
    /**
     * RFC 7208 section 4.3: only a zero-length label not at the end makes the domain malformed,
     * so {@code user@example.com.} is checked as {@code user@example.com}. pyspf returns none.
     */
    SENDER_DOMAIN_TRAILING_DOT("sender-domain-trailing-dot"),
    /**
     * RFC 7208 section 7.3: {@code %{p}} prefers a validated name equal to or below the domain;
     * names compare case-insensitively (RFC 4343). pyspf compares them as written.
     */
    P_MACRO_CASE_INSENSITIVE("p-macro-case-insensitive"),
    /**
     * RFC 7208 section 7.3: the parts of a split macro value are "rejoined using "." and not the
     * original splitting characters". pyspf does so for {@code l} and {@code s} only: its
     * {@code %{h-}} of {@code mail-h2.example} stays {@code mail-h2.example}.
     */
    MACRO_PARTS_JOINED_BY_DOTS("macro-parts-joined-by-dots");

    final String driverName;

    Difference(String driverName) {
      this.driverName = driverName;
    }

    static Optional<Difference> byDriverName(String name) {
      return java.util.Arrays.stream(values()).filter(d -> d.driverName.equals(name)).findFirst();
    }

    /** Returns the documented differences that explain a divergent case, if any do. */
    static Optional<List<Difference>> classify(Case c, Outcome ours, Reference theirs) {
      if (theirs.documented() == null || theirs.patched() == null || !ours.agreesWith(theirs.patched())) {
        return Optional.empty();
      }
      List<Difference> kinds = new ArrayList<>();
      for (String name : theirs.documented().split("\\+")) {
        Optional<Difference> d = byDriverName(name);
        if (d.isEmpty()) {
          return Optional.empty();
        }
        kinds.add(d.get());
      }
      if (kinds.contains(SENDER_WITHOUT_LOCAL_PART) && !c.senderWithoutLocalPart()
          || kinds.contains(SENDER_DOMAIN_TRAILING_DOT) && !(c.sender().endsWith(".") && !c.heloIdentity())) {
        return Optional.empty();
      }
      return Optional.of(kinds);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Cases

  /** One generated check: the zone, the client and the identity. */
  record Case(int index, Zone zone, String ip, String sender, String helo, boolean heloIdentity) {

    SpfEvaluation runMailDiag() {
      SpfChecker checker = SpfChecker.builder()
          .resolver(zone.toResolver())
          .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
          .receiver(RECEIVER)
          .build();
      IpAddress address = IpAddress.of(ip);
      return checker.check(heloIdentity ? SpfRequest.helo(address, helo)
          : SpfRequest.mailFrom(address, sender, helo));
    }

    boolean senderWithoutLocalPart() {
      return !heloIdentity && !sender.isEmpty() && sender.lastIndexOf('@') <= 0;
    }

    /** The case as the driver reads it, with mail-diag's outcome to attribute a difference. */
    String toJson(Outcome expect) {
      return "{\"index\":" + index + ",\"zone\":" + zone.toJson() + ",\"ip\":" + Json.quote(ip)
          + ",\"sender\":" + Json.quote(heloIdentity ? "" : sender) + ",\"helo\":" + Json.quote(helo)
          + ",\"receiver\":" + Json.quote(RECEIVER) + ",\"t\":" + NOW
          + ",\"expect\":{\"result\":" + Json.quote(expect.result()) + ",\"explanation\":"
          + (expect.explanation() == null ? "null" : Json.quote(expect.explanation())) + "}}";
    }
  }

  /** A result and the explanation of a fail (null when there is none). */
  record Outcome(String result, @Nullable String explanation) {
    static Outcome of(SpfEvaluation e) {
      return new Outcome(e.result().rfcName(), e.result() == SpfResult.FAIL ? e.explanation().orElse(null) : null);
    }

    /**
     * Results equal, and explanations too on a fail. RFC 7208 section 6.2 gives an explanation
     * to a fail only; pyspf also returns the exp= text for a softfail and messages for errors.
     */
    boolean agreesWith(Outcome other) {
      return result.equals(other.result)
          && (!result.equals("fail") || java.util.Objects.equals(explanation, other.explanation));
    }

    @Override
    public String toString() {
      return result + (explanation == null ? "" : " \"" + explanation + "\"");
    }
  }

  /**
   * pyspf's answer: its outcome, and when it differs from mail-diag's, the documented differences
   * (driver patch names joined by "+") that, undone, give the patched outcome.
   */
  record Reference(Outcome stock, @Nullable String documented, @Nullable Outcome patched) {
    @Override
    public String toString() {
      return stock + (documented == null ? "" : " (with " + documented + " undone: " + patched + ")");
    }
  }

  /** A DNS record of a generated zone. */
  record Rr(String type, Object value) {}

  /** A generated zone: records by owner name, in insertion order, fed identically to both sides. */
  static final class Zone {
    final Map<String, List<Rr>> nodes = new LinkedHashMap<>();

    void add(String name, String type, Object value) {
      List<Rr> node = nodes.computeIfAbsent(name, k -> new ArrayList<>());
      Rr rr = new Rr(type, value);
      if (!node.contains(rr)) {
        node.add(rr);
      }
    }

    boolean has(String name, String type) {
      return nodes.getOrDefault(name, List.of()).stream().anyMatch(rr -> rr.type().equals(type));
    }

    DnsResolver toResolver() {
      InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder();
      nodes.forEach((name, rrs) -> {
        for (Rr rr : rrs) {
          switch (rr.type()) {
            case "A" -> b.a(name, (String) rr.value());
            case "AAAA" -> b.aaaa(name, (String) rr.value());
            case "PTR" -> b.ptr(name, (String) rr.value());
            case "CNAME" -> b.cname(name, (String) rr.value());
            case "MX" -> {
              List<?> mx = (List<?>) rr.value();
              b.mx(name, (Integer) mx.get(0), (String) mx.get(1));
            }
            case "TXT" -> b.txt(name, ((List<?>) rr.value()).toArray(new String[0]));
            default -> throw new IllegalStateException(rr.type());
          }
        }
      });
      return b.build();
    }

    String toJson() {
      StringBuilder sb = new StringBuilder("{");
      nodes.forEach((name, rrs) -> {
        if (sb.length() > 1) {
          sb.append(',');
        }
        sb.append(Json.quote(name)).append(":[");
        for (int i = 0; i < rrs.size(); i++) {
          Rr rr = rrs.get(i);
          sb.append(i > 0 ? "," : "").append('[').append(Json.quote(rr.type())).append(',');
          if (rr.value() instanceof List<?> l) {
            sb.append('[');
            for (int j = 0; j < l.size(); j++) {
              Object v = l.get(j);
              sb.append(j > 0 ? "," : "").append(v instanceof String s ? Json.quote(s) : String.valueOf(v));
            }
            sb.append(']');
          } else {
            sb.append(Json.quote((String) rr.value()));
          }
          sb.append(']');
        }
        sb.append(']');
      });
      return sb.append('}').toString();
    }

    /** Renders the zone for a failure message, one record a line. */
    String render() {
      StringBuilder sb = new StringBuilder();
      nodes.forEach((name, rrs) -> rrs.forEach(rr -> sb.append("    ").append(name).append(' ')
          .append(rr.type()).append(' ').append(rr.value() instanceof List<?> l && rr.type().equals("TXT")
              ? l.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(" ")) : rr.value())
          .append('\n')));
      return sb.toString();
    }
  }

  /**
   * Generates cases over a small namespace, so that includes, redirects, MX hosts and PTR names
   * meet each other: policy domains d0.example to d7.example, hosts h0, h1 and mail-h2 below each,
   * a few client addresses of each family that the zone's addresses and networks are drawn from.
   */
  static final class Generator {
    /** What a policy domain publishes. */
    enum Kind { POLICY, TWO_RECORDS, NO_SPF, ABSENT, ALIAS, CNAME_LOOP }

    static final int DOMAINS = 8;
    static final int HOSTS = 3;
    static final String[] V4 = {"192.0.2.1", "192.0.2.2", "192.0.2.77", "192.0.2.200", "198.51.100.7",
        "198.51.100.8", "203.0.113.9"};
    static final String[] V6 = {"2001:db8::1", "2001:db8::2", "2001:db8:0:1::5", "2001:db8:ff::9"};
    static final String[] LOCALS = {"user", "first.last", "a-b", "x+tag", "Joe", "postmaster", "b-c-d"};
    static final String[] EXISTS = {"%{i}.bl.example", "%{ir}.%{v}.rbl.example", "%{l}.users.%{d}",
        "%{o}.senders.example", "%{h}.helo.example", "%{d}", "%{l1r-}.lp.%{d2}", "%{ir}.%{v}._spf.%{d}",
        "%{d}.nx.example", "%{ir}.%{ir}.%{ir}.%{ir}.long.example", "%{p}.ptr.example"};
    static final String[] EXPLANATIONS = {
        "%{i} is not allowed to send mail for %{d}",
        "%{l} at %{o} rejected by %{r} at %{t}",
        "Client %{c} (HELO %{h}) see http://%{d}/spf?ip=%{I}&s=%{S}",
        "%{d2r} %{ir}.%{v} 100%% %_%-done",
        "Rejected: %{s}",
        "domain %{o}, current %{d1}, local %{l-}",
        "parts %{d1r} %{d3} %{d127} %{l-} %{lr-} %{l1r-} %{o1} %{h2} %{h-} %{h1r-} %{d-} %{i2} %{i1r} %{v}",
        "escaped %{L} %{O} %{H} %{D} %{V}",
        "bad %{z} macro",
        "trailing percent %",
        "%{i} and %{i} and %{i} and %{i} and %{i}: longer than 253 characters for an IPv6 client.",
        "validated name %{p} for %{d}",
        "",
        "Zugriff f\u00fcr %{d} verweigert",
    };
    /** Syntax errors, and a target name with an empty label (valid syntax, undefined by RFC 7208). */
    static final String[] BAD_TERMS = {"ip4:192.0.2.1/33", "ip6:2001:db8::/129", "a/33", "mx//129",
        "frobnicate", "ip4:192.0.2", "redirect=d1.example redirect=d2.example", "exp=x.example exp=y.example",
        "include", "-all:foo", "a:%{z}.example", "ip4:192.0.2.1/024", "exists:%{d}.%", "ip4:192.0.2.01",
        "a:192.0.2.1", "ptr/24", "exists", "ip6:2001:db8::/64//64", "exp=%{c}.example", "x=%{t}",
        "exists:%{d0}.example", "a:d\u00f6.example", "=all", "a:.example"};

    final Random r;
    // Per case:
    Zone zone;
    String client;
    boolean v6;
    String local;
    Kind[] kinds;

    Generator(Random r) {
      this.r = r;
    }

    static String domain(int k) {
      return "d" + k + ".example";
    }

    static String host(int n, int k) {
      return (n == 2 ? "mail-h2" : "h" + n) + ".d" + k + ".example";
    }

    <T> T pick(T[] values) {
      return values[r.nextInt(values.length)];
    }

    boolean chance(double p) {
      return r.nextDouble() < p;
    }

    /** A name as written by a sender or in a record: sometimes in capitals (names are case-insensitive). */
    String cased(String name) {
      return chance(0.04) ? name.toUpperCase(Locale.ROOT) : name;
    }

    String randomDomain() {
      return chance(0.06) ? "missing.example" : cased(domain(r.nextInt(DOMAINS)));
    }

    String randomHost() {
      return chance(0.05) ? "nohost.example" : host(r.nextInt(HOSTS), r.nextInt(DOMAINS));
    }

    /** An address of the given family, the client's one time in three. */
    String address(boolean six) {
      if (six == v6 && chance(0.35)) {
        return IpAddress.of(client).unmapIpv4().orElse(IpAddress.of(client)).toString();
      }
      return six ? pick(V6) : pick(V4);
    }

    Case next(int index) {
      zone = new Zone();
      double family = r.nextDouble();
      v6 = family < 0.25;
      client = family < 0.25 ? pick(V6) : family < 0.28 ? "::ffff:" + pick(V4) : pick(V4);
      local = pick(LOCALS);
      kinds = new Kind[DOMAINS];
      for (int k = 0; k < DOMAINS; k++) {
        double kind = r.nextDouble();
        kinds[k] = kind < 0.72 ? Kind.POLICY : kind < 0.76 ? Kind.TWO_RECORDS : kind < 0.84 ? Kind.NO_SPF
            : kind < 0.93 ? Kind.ABSENT : kind < 0.99 ? Kind.ALIAS : Kind.CNAME_LOOP;
      }
      String helo = chance(0.55) ? cased(domain(r.nextInt(DOMAINS)))
          : chance(0.65) ? host(r.nextInt(HOSTS), r.nextInt(DOMAINS)) : "helo.example";
      String sender;
      boolean heloIdentity = false;
      double s = r.nextDouble();
      if (s < 0.60) {
        sender = local + "@" + cased(domain(r.nextInt(DOMAINS)));
      } else if (s < 0.65) {
        sender = domain(r.nextInt(DOMAINS));
      } else if (s < 0.68) {
        sender = "@" + domain(r.nextInt(DOMAINS));
      } else if (s < 0.70) {
        sender = local + "@missing.example";
      } else if (s < 0.72) {
        sender = local + "@" + domain(r.nextInt(DOMAINS)) + ".";
      } else if (s < 0.86) {
        sender = "";
      } else {
        sender = "";
        heloIdentity = true;
      }

      for (int k = 0; k < DOMAINS; k++) {
        for (int n = 0; n < HOSTS; n++) {
          hostRecords(host(n, k));
        }
      }
      for (int k = 0; k < DOMAINS; k++) {
        domainRecords(k);
      }
      for (int k = 0; k < DOMAINS; k++) {
        policyRecords(k);
      }
      ptrRecords();
      existsTargets(sender, helo, heloIdentity);
      explanationTargets();
      return new Case(index, zone, client, sender, helo, heloIdentity);
    }

    void hostRecords(String name) {
      double kind = r.nextDouble();
      if (kind < 0.25) {
        return;
      }
      if (kind < 0.30) {
        zone.add(name, "CNAME", chance(0.1) ? name : randomHost());
        return;
      }
      if (chance(0.75)) {
        zone.add(name, "A", address(false));
        if (chance(0.2)) {
          zone.add(name, "A", address(false));
        }
      }
      if (chance(0.4)) {
        zone.add(name, "AAAA", address(true));
      }
    }

    void domainRecords(int k) {
      String name = domain(k);
      switch (kinds[k]) {
        case ABSENT -> {
          return; // NXDOMAIN, or NODATA as an empty non-terminal above its hosts
        }
        case ALIAS -> {
          zone.add(name, "CNAME", domain(r.nextInt(DOMAINS)));
          return;
        }
        case CNAME_LOOP -> {
          zone.add(name, "CNAME", name);
          return;
        }
        case NO_SPF -> {
          switch (r.nextInt(3)) {
            case 0 -> zone.add(name, "A", address(false));
            case 1 -> zone.add(name, "TXT", List.of("site-verification=" + k));
            default -> { }
          }
        }
        case POLICY, TWO_RECORDS -> { }
      }
      if (chance(0.4)) {
        zone.add(name, "A", address(false));
      }
      if (chance(0.2)) {
        zone.add(name, "AAAA", address(true));
      }
      int mx = chance(0.01) ? 10 + r.nextInt(2) : r.nextInt(4);
      List<Integer> prefs = new ArrayList<>();
      for (int i = 1; i <= 11; i++) {
        prefs.add(10 * i);
      }
      Collections.shuffle(prefs, r);
      for (int i = 0; i < mx; i++) {
        zone.add(name, "MX", List.of(prefs.get(i), chance(0.7) ? host(r.nextInt(HOSTS), k) : randomHost()));
      }
    }

    /** Adds the SPF records, once every domain's addresses and MX records are in the zone. */
    void policyRecords(int k) {
      if (kinds[k] != Kind.POLICY && kinds[k] != Kind.TWO_RECORDS) {
        return;
      }
      String name = domain(k);
      if (chance(0.15)) {
        zone.add(name, "TXT", List.of("google-site-verification=x" + k));
      }
      zone.add(name, "TXT", split(chance(0.12) ? heavyPolicy(k) : policy(k)));
      if (kinds[k] == Kind.TWO_RECORDS) {
        zone.add(name, "TXT", List.of("v=spf1 " + (chance(0.5) ? "-all" : "ip4:" + address(false) + " ~all")));
      }
    }

    /**
     * Splits a record into character-strings as DNS holds it, joined again without spaces (RFC
     * 7208 section 3.3): at most 255 octets each (the records are ASCII but for a rare character
     * of a syntax error, so 200 characters fit), sometimes at a random place.
     */
    List<String> split(String record) {
      List<String> out = new ArrayList<>();
      String rest = record;
      if (rest.length() > 20 && chance(0.15)) {
        int at = 5 + r.nextInt(Math.min(rest.length() - 10, 195));
        out.add(rest.substring(0, at));
        rest = rest.substring(at);
      }
      while (rest.length() > 200) {
        out.add(rest.substring(0, 200));
        rest = rest.substring(200);
      }
      out.add(rest);
      return out;
    }

    String policy(int k) {
      List<String> terms = new ArrayList<>();
      int directives = chance(0.08) ? 6 + r.nextInt(6) : r.nextInt(5);
      for (int i = 0; i < directives; i++) {
        terms.add(qualifier() + mechanism(k));
      }
      return finish(k, terms);
    }

    /**
     * A policy of many DNS-querying terms that resolve for the client's family but mostly do not
     * match (hosts with other addresses, domains with MX records, other policies), so that the
     * limit of 10 lookups is reached rather than the limit of 2 void lookups.
     */
    String heavyPolicy(int k) {
      List<String> lookups = new ArrayList<>();
      for (int j = 0; j < DOMAINS; j++) {
        for (int n = 0; n < HOSTS; n++) {
          if (resolvesElsewhere(host(n, j))) {
            lookups.add("a:" + host(n, j));
          }
        }
        if (resolvesElsewhere(domain(j))) {
          lookups.add("a:" + domain(j));
        }
        if (zone.has(domain(j), "MX")) {
          lookups.add("mx:" + domain(j));
        }
        if (kinds[j] == Kind.POLICY && j != k) {
          lookups.add("include:" + domain(j));
        }
      }
      List<String> terms = new ArrayList<>();
      int directives = 8 + r.nextInt(6);
      for (int i = 0; i < directives; i++) {
        terms.add(lookups.isEmpty() || chance(0.1) ? "ip4:198.51.100.99" : lookups.get(r.nextInt(lookups.size())));
      }
      return finish(k, terms);
    }

    /** Whether {@code name} has addresses of the client's family, none of them the client's. */
    boolean resolvesElsewhere(String name) {
      String family = v6 ? "AAAA" : "A";
      String ip = IpAddress.of(client).unmapIpv4().orElse(IpAddress.of(client)).toString();
      List<Rr> rrs = zone.nodes.getOrDefault(name, List.of());
      return rrs.stream().anyMatch(rr -> rr.type().equals(family))
          && rrs.stream().noneMatch(rr -> rr.type().equals("CNAME") || rr.value().equals(ip));
    }

    /** Adds the end of a policy (all or redirect), modifiers, sometimes a syntax error. */
    String finish(int k, List<String> terms) {
      double end = r.nextDouble();
      if (end < 0.55) {
        terms.add(pick(new String[] {"-all", "-all", "~all", "~all", "?all", "+all", "all"}));
      } else if (end < 0.85) {
        terms.add((chance(0.05) ? "REDIRECT=" : "redirect=") + dotted(randomDomain()));
      }
      List<String> modifiers = new ArrayList<>();
      if (chance(0.5)) {
        modifiers.add((chance(0.05) ? "Exp=" : "exp=") + pick(new String[] {"exp." + domain(k),
            "exp." + domain(k), "exp." + domain(r.nextInt(DOMAINS)), "why.%{d}", "exp.missing.example"}));
      }
      if (chance(0.1)) {
        modifiers.add(pick(new String[] {"foo=bar", "x-trace=%{l}.%{d}", "moo=", "v2.note=%{i}"}));
      }
      for (String m : modifiers) {
        terms.add(r.nextInt(terms.size() + 1), m);
      }
      if (chance(0.06)) {
        terms.add(r.nextInt(terms.size() + 1), pick(BAD_TERMS));
      }
      String sep = chance(0.05) ? "  " : " ";
      String version = chance(0.03) ? "V=SPF1" : "v=spf1";
      return terms.isEmpty() ? version : version + sep + String.join(sep, terms);
    }

    String qualifier() {
      return pick(new String[] {"", "", "", "+", "-", "~", "?"});
    }

    /** Mechanism names are case-insensitive (RFC 7208 section 4.6.1): sometimes written in capitals. */
    String name(String mechanism) {
      return chance(0.04) ? mechanism.toUpperCase(Locale.ROOT) : mechanism;
    }

    /** A domain-spec sometimes written with the trailing dot of an absolute name. */
    String dotted(String domain) {
      return chance(0.04) ? domain + "." : domain;
    }

    String mechanism(int k) {
      int which = r.nextInt(100);
      if (which < 18) {
        return "ip4:" + address(false) + pick(new String[] {"", "", "/32", "/24", "/16", "/30", "/0", "/8"});
      } else if (which < 26) {
        return "ip6:" + address(true) + pick(new String[] {"", "/128", "/64", "/48", "/32", "/0"});
      } else if (which < 40) {
        String target = chance(0.5) ? "" : ":" + dotted(chance(0.7) ? host(r.nextInt(HOSTS), k) : randomDomain());
        return name("a") + target + cidrs();
      } else if (which < 54) {
        String target = chance(0.6) ? "" : ":" + dotted(randomDomain());
        return name("mx") + target + cidrs();
      } else if (which < 72) {
        return name("include") + ":" + dotted(randomDomain());
      } else if (which < 87) {
        return name("exists") + ":" + pick(EXISTS);
      } else {
        return name("ptr") + (chance(0.5) ? "" : ":" + (chance(0.8) ? dotted(randomDomain()) : "example"));
      }
    }

    String cidrs() {
      String four = chance(0.3) ? pick(new String[] {"/24", "/16", "/32", "/0", "/30"}) : "";
      String six = chance(0.25) ? pick(new String[] {"//64", "//48", "//128", "//0"}) : "";
      return four + six;
    }

    void ptrRecords() {
      if (!chance(0.55)) {
        return;
      }
      IpAddress ip = IpAddress.of(client).unmapIpv4().orElse(IpAddress.of(client));
      String reverse = ip.reverseName().toString();
      int names = chance(0.03) ? 10 + r.nextInt(3) : 1 + r.nextInt(3);
      for (int i = 0; i < names; i++) {
        String target = randomHost();
        zone.add(reverse, "PTR", target);
        if (chance(0.5)) {
          // Validated: the name's addresses include the client.
          zone.add(target, v6 ? "AAAA" : "A", ip.toString());
        }
        if (chance(0.5)) {
          zone.add(target + ".ptr.example", "A", "127.0.0.2"); // for exists:%{p}.ptr.example
        }
      }
    }

    /** Adds A records at some of the names the EXISTS templates expand to for this client. */
    void existsTargets(String sender, String helo, boolean heloIdentity) {
      IpAddress ip = IpAddress.of(client).unmapIpv4().orElse(IpAddress.of(client));
      List<String> dotted = ip.isIpv4() ? List.of(ip.toString().split("\\."))
          : ip.toExpandedString().replace(":", "").chars().mapToObj(c -> String.valueOf((char) c)).toList();
      List<String> reversed = new ArrayList<>(dotted);
      Collections.reverse(reversed);
      String i = String.join(".", dotted);
      String ir = String.join(".", reversed);
      String v = ip.isIpv4() ? "in-addr" : "ip6";
      String o = heloIdentity || sender.isEmpty() ? helo
          : sender.contains("@") ? sender.substring(sender.lastIndexOf('@') + 1) : sender;
      if (o.endsWith(".")) {
        o = o.substring(0, o.length() - 1);
      }
      String l = heloIdentity || sender.isEmpty() || sender.startsWith("@") || !sender.contains("@")
          ? "postmaster" : sender.substring(0, sender.lastIndexOf('@'));
      List<String> names = new ArrayList<>(List.of(i + ".bl.example", ir + "." + v + ".rbl.example",
          o + ".senders.example", helo + ".helo.example", "unknown.ptr.example"));
      if (ip.isIpv6()) {
        // %{ir}x4 is 255 characters for IPv6: truncated from the left to 253 (RFC 7208 section 7.3).
        String full = String.join(".", ir, ir, ir, ir) + ".long.example";
        while (full.length() > 253) {
          full = full.substring(full.indexOf('.') + 1);
        }
        names.add(full);
      }
      String[] dashParts = l.split("-");
      for (int k = 0; k < DOMAINS; k++) {
        names.add(l + ".users." + domain(k));
        names.add(dashParts[0] + ".lp." + domain(k));
        names.add(ir + "." + v + "._spf." + domain(k));
      }
      for (String name : names) {
        if (chance(0.35)) {
          zone.add(name.toLowerCase(Locale.ROOT), "A", "127.0.0.2");
        }
      }
    }

    void explanationTargets() {
      for (int k = 0; k < DOMAINS; k++) {
        for (String name : List.of("exp." + domain(k), "why." + domain(k))) {
          if (chance(0.75)) {
            zone.add(name, "TXT", List.of(pick(EXPLANATIONS)));
            if (chance(0.08)) {
              zone.add(name, "TXT", List.of("second explanation for %{d}"));
            }
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // pyspf

  /** Returns a Python interpreter that can import pyspf, if any. */
  static Optional<String> findPython() {
    List<String> candidates = new ArrayList<>();
    String configured = System.getProperty("maildiag.python", System.getenv("MAILDIAG_PYTHON"));
    if (configured != null) {
      candidates.add(configured);
    }
    // A python3 first on PATH (pyenv, a virtualenv) may lack the Debian package's module.
    candidates.add("python3");
    candidates.add("/usr/bin/python3");
    for (String candidate : candidates) {
      try {
        Process p = new ProcessBuilder(candidate, "-c", "import spf").redirectErrorStream(true).start();
        p.getOutputStream().close();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return Optional.of(candidate);
        }
        p.destroyForcibly();
      } catch (IOException e) {
        // not installed under that name
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Runs every case through one pyspf process, JSON lines in and out. */
  static List<Reference> runPyspf(String python, List<Case> cases, List<Outcome> expected)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("spf-differential");
    Path driver = dir.resolve("pyspf_driver.py");
    Path stderr = dir.resolve("stderr.txt");
    try (InputStream in = SpfDifferentialTest.class.getResourceAsStream(DRIVER)) {
      assertThat(in).as("test resource " + DRIVER).isNotNull();
      Files.copy(in, driver);
    }
    ProcessBuilder pb = new ProcessBuilder(python, "-B", driver.toString(),
        String.valueOf(Limits.DEFAULT_MAX_CNAME_CHAIN)).redirectError(stderr.toFile());
    pb.environment().put("PYTHONIOENCODING", "utf-8");
    Process process = pb.start();
    // Writing and reading run at once on threads of their own: the driver answers while it
    // reads, and a full pipe either way must not stop the other.
    java.util.concurrent.ExecutorService io = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "pyspf-driver-io");
      t.setDaemon(true);
      return t;
    });
    try {
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8))) {
          for (Case c : cases) {
            w.write(c.toJson(expected.get(c.index())));
            w.write('\n');
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, io);
      CompletableFuture<List<Reference>> reader = CompletableFuture.supplyAsync(() -> {
        List<Reference> out = new ArrayList<>();
        try (BufferedReader br = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = br.readLine()) != null) {
            Map<String, String> m = Json.parseFlatObject(line);
            String documented = m.get("documented");
            out.add(new Reference(new Outcome(m.get("result"), m.get("explanation")), documented,
                documented == null ? null : new Outcome(m.get("patched_result"), m.get("patched_explanation"))));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return out;
      }, io);
      List<Reference> out = reader.get(PYTHON_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      writer.get(10, TimeUnit.SECONDS);
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError("pyspf driver failed: " + Files.readString(stderr));
      }
      return out;
    } catch (TimeoutException e) {
      throw new AssertionError("pyspf driver did not answer within " + PYTHON_TIMEOUT + ": "
          + Files.readString(stderr), e);
    } catch (ExecutionException e) {
      throw new AssertionError("pyspf driver failed: " + Files.readString(stderr), e.getCause());
    } finally {
      process.destroyForcibly();
      io.shutdownNow();
      Files.deleteIfExists(driver);
      Files.deleteIfExists(stderr);
      Files.deleteIfExists(dir);
    }
  }

  static String describe(Case c, SpfEvaluation e, Reference theirs, String what) {
    return "case " + c.index() + " (" + what + "): " + (c.heloIdentity() ? "HELO " + c.helo()
        : "MAIL FROM <" + c.sender() + "> HELO " + c.helo()) + " from " + c.ip() + "\n"
        + "  mail-diag: " + e.result().rfcName() + e.explanation().map(x -> " \"" + x + "\"").orElse("") + "\n"
        + "  pyspf:     " + theirs + "\n"
        + "  zone:\n" + c.zone().render()
        + "  mail-diag trace:\n    " + e.explain().replace("\n", "\n    ");
  }

  // ---------------------------------------------------------------------------------------------
  // JSON, just enough for the driver's protocol

  static final class Json {
    private Json() {}

    static String quote(String s) {
      StringBuilder sb = new StringBuilder("\"");
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          case '\t' -> sb.append("\\t");
          default -> {
            if (c < 0x20 || c > 0x7e) {
              sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
              sb.append(c);
            }
          }
        }
      }
      return sb.append('"').toString();
    }

    /** Parses an object whose values are all strings or null. */
    static Map<String, @Nullable String> parseFlatObject(String text) {
      Map<String, @Nullable String> out = new LinkedHashMap<>();
      int[] pos = {0};
      expect(text, pos, '{');
      skipSpace(text, pos);
      if (text.charAt(pos[0]) == '}') {
        return out;
      }
      while (true) {
        String key = string(text, pos);
        expect(text, pos, ':');
        skipSpace(text, pos);
        String value;
        if (text.startsWith("null", pos[0])) {
          pos[0] += 4;
          value = null;
        } else {
          value = string(text, pos);
        }
        out.put(key, value);
        skipSpace(text, pos);
        char c = text.charAt(pos[0]++);
        if (c == '}') {
          return out;
        }
        if (c != ',') {
          throw new IllegalArgumentException("bad JSON at " + (pos[0] - 1) + ": " + text);
        }
      }
    }

    private static void skipSpace(String text, int[] pos) {
      while (pos[0] < text.length() && Character.isWhitespace(text.charAt(pos[0]))) {
        pos[0]++;
      }
    }

    private static void expect(String text, int[] pos, char c) {
      skipSpace(text, pos);
      if (text.charAt(pos[0]) != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + pos[0] + ": " + text);
      }
      pos[0]++;
    }

    private static String string(String text, int[] pos) {
      expect(text, pos, '"');
      StringBuilder sb = new StringBuilder();
      while (true) {
        char c = text.charAt(pos[0]++);
        if (c == '"') {
          return sb.toString();
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        char e = text.charAt(pos[0]++);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            sb.append((char) Integer.parseInt(text.substring(pos[0], pos[0] + 4), 16));
            pos[0] += 4;
          }
          default -> sb.append(e);
        }
      }
    }
  }
}
