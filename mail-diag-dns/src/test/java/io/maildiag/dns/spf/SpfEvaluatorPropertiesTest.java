package io.maildiag.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.core.ip.IpNetwork;
import io.maildiag.dns.InMemoryDnsResolver;
import io.maildiag.dns.RecordingDnsResolver;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * check_host() over random include/redirect graphs of a few domains (cycles and self-references
 * allowed, random ip4 networks and qualifiers, missing records, SERVFAIL, duplicate records, void
 * names) and random limits.
 *
 * <p>The evaluator must terminate without throwing, never send more DNS questions than the terms it
 * was allowed to count (plus the record of the checked domain and one explanation), never send a
 * question twice, end in {@code permerror} exactly when a limit is passed, and agree with an
 * independent model of RFC 7208 sections 4.6 and 5.
 */
class SpfEvaluatorPropertiesTest {

  static final int DOMAINS = 6;
  static final IpAddress CLIENT = IpAddress.of("192.0.2.1");

  static String domain(int i) {
    return "d" + i + ".test";
  }

  // ---------------------------------------------------------------- scenario

  enum Kind { RECORD, NXDOMAIN, NOT_SPF, SERVFAIL, TWO_RECORDS }

  enum Address { NONE, CLIENT, OTHER }

  /** A generated term: text plus what the model needs. */
  sealed interface Gen permits Include, Ip4, All, A, Exists, Redirect, Exp {
    String text();
  }

  record Include(String q, int target) implements Gen {
    public String text() {
      return q + "include:" + domain(target);
    }
  }

  record Ip4(String q, IpNetwork net) implements Gen {
    public String text() {
      return q + "ip4:" + net;
    }
  }

  record All(String q) implements Gen {
    public String text() {
      return q + "all";
    }
  }

  /** {@code a:host}; host >= 0 is a domain of the scenario, < 0 a name that never exists. */
  record A(String q, int host) implements Gen {
    public String text() {
      return q + "a:" + hostName(host);
    }
  }

  record Exists(String q, int host) implements Gen {
    public String text() {
      return q + "exists:" + hostName(host);
    }
  }

  record Redirect(int target) implements Gen {
    public String text() {
      return "redirect=" + domain(target);
    }
  }

  record Exp(boolean present) implements Gen {
    public String text() {
      return "exp=" + (present ? "why.test" : "nowhy.test");
    }
  }

  static String hostName(int host) {
    return host >= 0 ? domain(host) : "n" + (-host) + ".test";
  }

  record Node(Kind kind, List<Gen> terms, Address address, boolean split) {
    Node {
      // At most one redirect and one exp: duplicates are syntax errors, tested elsewhere.
      List<Gen> kept = new ArrayList<>();
      boolean redirect = false;
      boolean exp = false;
      for (Gen g : terms) {
        if (g instanceof Redirect) {
          if (redirect) {
            continue;
          }
          redirect = true;
        }
        if (g instanceof Exp) {
          if (exp) {
            continue;
          }
          exp = true;
        }
        kept.add(g);
      }
      terms = List.copyOf(kept);
    }

    String record() {
      return "v=spf1" + terms.stream().map(g -> " " + g.text()).collect(Collectors.joining());
    }
  }

  record Scenario(List<Node> nodes, int maxLookups, int maxVoids) {
    InMemoryDnsResolver dns() {
      InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder().txt("why.test", "%{d} says no to %{i}");
      for (int i = 0; i < nodes.size(); i++) {
        Node n = nodes.get(i);
        String name = domain(i);
        switch (n.kind()) {
          case RECORD -> {
            String r = n.record();
            if (n.split() && r.length() > 1) {
              b.txt(name, r.substring(0, r.length() / 2), r.substring(r.length() / 2));
            } else {
              b.txt(name, r);
            }
          }
          case NOT_SPF -> b.txt(name, "site-verification=" + i);
          case SERVFAIL -> b.servfail(name);
          case TWO_RECORDS -> b.txt(name, n.record()).txt(name, "v=spf1 ?all ip4:203.0.113.9");
          case NXDOMAIN -> { }
        }
        switch (n.address()) {
          case CLIENT -> b.a(name, CLIENT.toString());
          case OTHER -> b.a(name, "198.51.100.1");
          case NONE -> { }
        }
      }
      return b.build();
    }

    Limits limits() {
      return Limits.builder().maxDnsLookups(maxLookups).maxVoidLookups(maxVoids)
          .totalTimeBudget(Duration.ofSeconds(10)).build();
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("limits " + maxLookups + "/" + maxVoids + "\n");
      for (int i = 0; i < nodes.size(); i++) {
        Node n = nodes.get(i);
        sb.append(domain(i)).append(' ').append(n.kind()).append(' ').append(n.address()).append(": ")
            .append(n.record()).append('\n');
      }
      return sb.toString();
    }
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<String> q = Arbitraries.of("", "+", "-", "~", "?");
    // Targets are generated relative to the domain holding the term (see absolute()): mostly
    // further down the list, sometimes itself or wrapping around, which makes loops possible.
    Arbitrary<Integer> target = Arbitraries.frequency(
        Tuple.of(6, 1), Tuple.of(4, 2), Tuple.of(2, 3), Tuple.of(1, 0), Tuple.of(1, DOMAINS - 1));
    Arbitrary<Integer> host = Arbitraries.integers().between(-3, DOMAINS - 1);
    Arbitrary<IpNetwork> net = Arbitraries.oneOf(
        Arbitraries.of("192.0.2.0/24", "192.0.2.1/32", "198.51.100.0/24", "0.0.0.0/0").map(IpNetwork::of),
        Combinators.combine(Arbitraries.bytes().array(byte[].class).ofSize(4), Arbitraries.integers().between(0, 32))
            .as((b, p) -> IpNetwork.of(IpAddress.fromBytes(b), p)));
    Arbitrary<Gen> term = Arbitraries.frequencyOf(
        Tuple.of(5, Combinators.combine(q, target).as(Include::new)),
        Tuple.of(3, Combinators.combine(q, net).as(Ip4::new)),
        Tuple.of(1, q.map(All::new)),
        Tuple.of(3, Combinators.combine(q, host).as(A::new)),
        Tuple.of(2, Combinators.combine(q, host).as(Exists::new)),
        Tuple.of(2, target.map(Redirect::new)),
        Tuple.of(1, Arbitraries.of(true, false).map(Exp::new)));
    Arbitrary<Kind> kind = Arbitraries.frequency(
        Tuple.of(24, Kind.RECORD), Tuple.of(3, Kind.NXDOMAIN), Tuple.of(1, Kind.NOT_SPF),
        Tuple.of(1, Kind.SERVFAIL), Tuple.of(1, Kind.TWO_RECORDS));
    Arbitrary<Node> node = Combinators.combine(kind, term.list().ofMaxSize(8), Arbitraries.of(Address.class),
        Arbitraries.of(true, false)).as(Node::new);
    Arbitrary<Integer> lookups = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(Limits.DEFAULT_MAX_DNS_LOOKUPS)), Tuple.of(3, Arbitraries.integers().between(0, 12)));
    Arbitrary<Integer> voids = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(Limits.DEFAULT_MAX_VOID_LOOKUPS)), Tuple.of(2, Arbitraries.integers().between(0, 3)));
    return Combinators.combine(node.list().ofSize(DOMAINS), lookups, voids)
        .as((nodes, l, v) -> new Scenario(absolute(nodes), l, v));
  }

  /** Turns relative include and redirect targets into domain indexes. */
  static List<Node> absolute(List<Node> nodes) {
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      int at = i;
      Node n = nodes.get(i);
      List<Gen> terms = n.terms().stream().map(g -> {
        if (g instanceof Include inc) {
          return (Gen) new Include(inc.q(), (at + inc.target()) % DOMAINS);
        } else if (g instanceof Redirect r) {
          return (Gen) new Redirect((at + r.target()) % DOMAINS);
        }
        return g;
      }).toList();
      out.add(new Node(n.kind(), terms, n.address(), n.split()));
    }
    return out;
  }

  // ---------------------------------------------------------------- properties

  @Property(tries = 400)
  void evaluationTerminatesWithinTheLimitsAndAgreesWithTheModel(@ForAll("scenarios") Scenario s) {
    RecordingDnsResolver dns = RecordingDnsResolver.wrap(s.dns());
    Limits limits = s.limits();
    SpfChecker checker = SpfChecker.builder().resolver(dns).limits(limits).build();

    SpfEvaluation e = checker.check(SpfRequest.mailFrom(CLIENT, "user@" + domain(0), "helo.test"));
    String why = s + "\n" + e.explain();

    // Terminates on its own: loops are caught, not cut off by the time budget.
    assertThat(e.problems()).as(why).noneMatch(d -> d.code().equals(SpfCodes.SPF_TIME_BUDGET));

    // The counters stop at most one above their limits, and passing a limit is a permerror.
    SpfTrace t = e.trace();
    assertThat(t.dnsLookups()).as(why).isLessThanOrEqualTo(limits.maxDnsLookups() + 1);
    assertThat(t.voidLookups()).as(why).isLessThanOrEqualTo(limits.maxVoidLookups() + 1);
    if (t.dnsLookups() > limits.maxDnsLookups()) {
      assertThat(e.result()).as(why).isEqualTo(SpfResult.PERMERROR);
      assertThat(firstError(e)).as(why).isEqualTo(SpfCodes.SPF_TOO_MANY_LOOKUPS.toString());
    }
    if (t.voidLookups() > limits.maxVoidLookups()) {
      assertThat(e.result()).as(why).isEqualTo(SpfResult.PERMERROR);
      assertThat(firstError(e)).as(why).isEqualTo(SpfCodes.SPF_TOO_MANY_VOID_LOOKUPS.toString());
    }

    // Questions: each counted term sends at most one new question here (include, redirect: TXT;
    // a, exists: A), plus the checked domain's record and one explanation. The term that passes
    // the limit is counted but asks nothing.
    int allowedTerms = Math.min(t.dnsLookups(), limits.maxDnsLookups());
    assertThat(dns.queryCount()).as(why).isLessThanOrEqualTo(1 + allowedTerms + 1);
    assertThat(dns.queries()).as(why).doesNotHaveDuplicates();
    assertThat(t.queries()).as(why).hasSizeLessThanOrEqualTo(dns.queryCount());
    // A question is listed once; each term meeting its void answer counts (RFC 7208 section 4.6.4).
    assertThat(t.queries()).as(why).filteredOn(SpfTrace.Query::countedVoid)
        .allMatch(q -> q.outcome().isVoid()).hasSizeLessThanOrEqualTo(t.voidLookups());
    assertThat(t.queries().stream().anyMatch(SpfTrace.Query::countedVoid)).as(why).isEqualTo(t.voidLookups() > 0);

    // The same result as an independent model.
    assertThat(e.result()).as(why).isEqualTo(new Model(s).run());
    if (e.result() == SpfResult.PASS || e.result() == SpfResult.FAIL || e.result() == SpfResult.SOFTFAIL) {
      assertThat(e.decidingTerm()).as(why).isPresent();
    }
    if (e.result() == SpfResult.TEMPERROR || e.result() == SpfResult.PERMERROR) {
      assertThat(e.problems()).as(why).anyMatch(Diagnostic::isError);
      assertThat(e.decidingTerm()).as(why).isEmpty();
    }
    if (e.explanation().isPresent()) {
      assertThat(e.result()).as(why).isEqualTo(SpfResult.FAIL);
      assertThat(e.explanation().get()).as(why).endsWith(" says no to 192.0.2.1");
    }
  }

  @Property(tries = 150)
  void raisingTheLimitsOnlyRemovesLimitErrors(@ForAll("scenarios") Scenario s) {
    Scenario unlimited = new Scenario(s.nodes(), 1_000_000, 1_000_000);
    SpfEvaluation limited = evaluate(s);
    SpfEvaluation free = evaluate(unlimited);
    String why = s + "\n" + limited.explain() + "\n" + free.explain();
    boolean passesALimit = free.trace().dnsLookups() > s.maxLookups() || free.trace().voidLookups() > s.maxVoids();
    if (passesALimit) {
      assertThat(limited.result()).as(why).isEqualTo(SpfResult.PERMERROR);
      assertThat(firstError(limited)).as(why).isIn(SpfCodes.SPF_TOO_MANY_LOOKUPS.toString(),
          SpfCodes.SPF_TOO_MANY_VOID_LOOKUPS.toString());
    } else {
      assertThat(limited.result()).as(why).isEqualTo(free.result());
      assertThat(limited.decidingTerm()).as(why).isEqualTo(free.decidingTerm());
      assertThat(limited.explanation()).as(why).isEqualTo(free.explanation());
      assertThat(limited.trace().dnsLookups()).as(why).isEqualTo(free.trace().dnsLookups());
    }
  }

  static SpfEvaluation evaluate(Scenario s) {
    return SpfChecker.builder().resolver(s.dns()).limits(s.limits()).build()
        .check(SpfRequest.mailFrom(CLIENT, "user@" + domain(0), "helo.test"));
  }

  static String firstError(SpfEvaluation e) {
    return e.problems().stream().filter(Diagnostic::isError).findFirst().map(d -> d.code().toString())
        .orElse("none");
  }

  // ---------------------------------------------------------------- the model

  /** A direct reading of RFC 7208 sections 4.4 to 6.1 for the generated terms. */
  static final class Model {
    private final Scenario s;
    private final Deque<Integer> stack = new ArrayDeque<>();
    private int lookups;
    private int voids;

    Model(Scenario s) {
      this.s = s;
    }

    /** Ends the evaluation. */
    static final class Stop extends RuntimeException {
      private static final long serialVersionUID = 1L;
      final SpfResult result;

      Stop(SpfResult result) {
        super(result.name(), null, false, false);
        this.result = result;
      }
    }

    SpfResult run() {
      try {
        return check(0);
      } catch (Stop stop) {
        return stop.result;
      }
    }

    private SpfResult check(int d) {
      if (stack.contains(d)) {
        throw new Stop(SpfResult.PERMERROR);
      }
      stack.push(d);
      try {
        Node n = s.nodes().get(d);
        switch (n.kind()) {
          case SERVFAIL -> throw new Stop(SpfResult.TEMPERROR);
          case NXDOMAIN -> {
            voidAnswer(domain(d) + "/TXT");
            return SpfResult.NONE;
          }
          case NOT_SPF -> {
            return SpfResult.NONE;
          }
          case TWO_RECORDS -> throw new Stop(SpfResult.PERMERROR);
          case RECORD -> { }
        }
        for (Gen g : n.terms()) {
          if (g instanceof Redirect || g instanceof Exp) {
            continue;
          }
          if (matches(g, d)) {
            return switch (g.text().charAt(0)) {
              case '-' -> SpfResult.FAIL;
              case '~' -> SpfResult.SOFTFAIL;
              case '?' -> SpfResult.NEUTRAL;
              default -> SpfResult.PASS;
            };
          }
        }
        for (Gen g : n.terms()) {
          if (g instanceof Redirect r) {
            count();
            SpfResult result = check(r.target());
            if (result == SpfResult.NONE) {
              throw new Stop(SpfResult.PERMERROR);
            }
            return result;
          }
        }
        return SpfResult.NEUTRAL;
      } finally {
        stack.pop();
      }
    }

    private boolean matches(Gen g, int current) {
      if (g instanceof All) {
        return true;
      }
      if (g instanceof Ip4 ip) {
        return ip.net().contains(CLIENT);
      }
      count();
      if (g instanceof Include inc) {
        if (inc.target() == current) {
          throw new Stop(SpfResult.PERMERROR);
        }
        SpfResult r = check(inc.target());
        return switch (r) {
          case PASS -> true;
          case NONE -> throw new Stop(SpfResult.PERMERROR);
          default -> false;
        };
      }
      int host = g instanceof A a ? a.host() : ((Exists) g).host();
      Address address = Address.NONE;
      if (host >= 0) {
        Node n = s.nodes().get(host);
        if (n.kind() == Kind.SERVFAIL) {
          throw new Stop(SpfResult.TEMPERROR);
        }
        address = n.address();
      }
      if (address == Address.NONE) {
        voidAnswer(hostName(host) + "/A");
        return false;
      }
      return g instanceof Exists || address == Address.CLIENT;
    }

    private void count() {
      if (++lookups > s.maxLookups()) {
        throw new Stop(SpfResult.PERMERROR);
      }
    }

    /** Counts a term whose question got a void answer, asked before or not: the limit is on terms. */
    private void voidAnswer(String question) {
      if (++voids > s.maxVoids()) {
        throw new Stop(SpfResult.PERMERROR);
      }
    }
  }
}
