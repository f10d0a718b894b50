package io.maildiag.dns.spf;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.core.ip.IpNetwork;
import io.maildiag.dns.ARecord;
import io.maildiag.dns.AaaaRecord;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.DnsRecord;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.MxRecord;
import io.maildiag.dns.PtrRecord;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.TxtRecord;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One run of check_host(): holds the per-evaluation state (counters, asked questions, trace). */
final class SpfEvaluator {

  private final DnsResolver resolver;
  private final Limits limits;
  private final Clock clock;
  private final String receiver;
  private final SpfRequest request;
  private final IpAddress ip;
  private final long deadline;

  private final Map<DnsQuery, CompletableFuture<DnsOutcome>> asked = new HashMap<>();
  private final List<SpfTrace.Query> queries = new ArrayList<>();
  private final List<SpfTrace.Step> steps = new ArrayList<>();
  private final List<Diagnostic> problems = new ArrayList<>();
  private final Deque<DomainName> stack = new ArrayDeque<>();
  /** The domains on {@link #stack} as written (the sender's, or an expanded target): %{d} keeps their case. */
  private final Deque<String> writtenNames = new ArrayDeque<>();
  private int lookups;
  private int voids;
  /** Whether the term being evaluated has already counted a void lookup: a term counts at most one. */
  private boolean termVoided;
  private int depth;
  /** How many include mechanisms are being evaluated: inside one, exp= is never used (RFC 7208 section 6.2). */
  private int includeDepth;
  private final Map<DomainName, String> validatedPtr = new HashMap<>();
  private Optional<SpfEvaluation.DecidingTerm> decidingTerm = Optional.empty();

  /** Ends the evaluation with an error result. Carries no stack trace. */
  private static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final SpfResult result;
    final transient Diagnostic diagnostic;
    /** The domain whose record was being evaluated when the evaluation ended, once known. */
    transient @org.jspecify.annotations.Nullable String where;
    int whereDepth;

    Abort(SpfResult result, Diagnostic diagnostic) {
      super(diagnostic.message(), null, false, false);
      this.result = result;
      this.diagnostic = diagnostic;
    }
  }

  /** The outcome of check_host() for one domain. */
  private record HostResult(SpfResult result, Optional<String> explanation) {}

  /** An expanded include or redirect target: the name, and its text for the %{d} macro. */
  private record Target(DomainName name, String written) {}

  SpfEvaluator(DnsResolver resolver, Limits limits, Clock clock, String receiver, SpfRequest request) {
    this.resolver = resolver;
    this.limits = limits;
    this.clock = clock;
    this.receiver = receiver;
    this.request = request;
    this.ip = request.ip().unmapIpv4().orElse(request.ip());
    this.deadline = System.nanoTime() + limits.totalTimeBudget().toNanos();
  }

  SpfEvaluation run() {
    SpfResult result;
    Optional<String> explanation = Optional.empty();
    String domainText = request.domain();
    ParseResult<DomainName> parsed = DomainName.parse(domainText);
    if (parsed.value().isEmpty() || parsed.value().get().labelCount() < 2 || domainText.isEmpty()) {
      String why = parsed.value().isEmpty() ? parsed.errors().get(0).message() : "not a multi-label domain name";
      problems.add(Diagnostic.warning(SpfCodes.SPF_INVALID_IDENTITY,
              "'" + domainText + "' cannot be checked: " + why)
          .withReference("RFC 7208 section 4.3"));
      step(SpfTrace.StepKind.ERROR, domainText, "", "invalid domain: " + why);
      return finish(SpfResult.NONE, Optional.empty());
    }
    try {
      HostResult r = checkHost(new Target(parsed.value().get(), domainText));
      result = r.result();
      explanation = r.explanation();
    } catch (Abort a) {
      result = a.result;
      problems.add(a.diagnostic);
      steps.add(new SpfTrace.Step(a.where == null ? 0 : a.whereDepth, SpfTrace.StepKind.ERROR,
          a.where == null ? parsed.value().get().toString() : a.where, "",
          a.result.rfcName() + ": " + a.diagnostic.message()));
      decidingTerm = Optional.empty();
    }
    return finish(result, explanation);
  }

  private SpfEvaluation finish(SpfResult result, Optional<String> explanation) {
    return new SpfEvaluation(request, result, explanation, decidingTerm, problems,
        new SpfTrace(steps, queries, lookups, voids));
  }

  private HostResult checkHost(Target target) {
    DomainName domain = target.name();
    if (stack.contains(domain)) {
      throw abort(SpfResult.PERMERROR, SpfCodes.SPF_LOOP,
          "include/redirect loop: " + domain + " is already being evaluated", "RFC 7208 section 4.6.4");
    }
    stack.push(domain);
    writtenNames.push(target.written());
    step(SpfTrace.StepKind.CHECK, domain.toString(), "", "");
    try {
      return evaluateRecord(domain);
    } catch (Abort a) {
      if (a.where == null) {
        a.where = domain.toString();
        a.whereDepth = depth;
      }
      throw a;
    } finally {
      stack.pop();
      writtenNames.pop();
    }
  }

  private HostResult evaluateRecord(DomainName domain) {
    Optional<SpfRecord> found = fetchRecord(domain);
    if (found.isEmpty()) {
      step(SpfTrace.StepKind.RESULT, domain.toString(), "", "none");
      return new HostResult(SpfResult.NONE, Optional.empty());
    }
    SpfRecord record = found.get();
    for (SpfTerm.Directive d : record.directives()) {
      boolean match = evaluate(d.mechanism(), domain);
      step(SpfTrace.StepKind.TERM, domain.toString(), d.toString(),
          match ? "match: " + d.qualifier().result().rfcName() : "no match");
      if (match) {
        SpfResult result = d.qualifier().result();
        decidingTerm = Optional.of(new SpfEvaluation.DecidingTerm(domain.toString(), d.toString()));
        // The explanation of an included record is never used, so it is not even looked up.
        Optional<String> explanation = result == SpfResult.FAIL && includeDepth == 0
            ? explain(record, domain) : Optional.empty();
        step(SpfTrace.StepKind.RESULT, domain.toString(), "", result.rfcName());
        return new HostResult(result, explanation);
      }
    }
    Optional<SpfTerm.Redirect> redirect = record.redirect();
    if (redirect.isPresent()) {
      // The redirecting domain stays on the stack: meeting it again below is a loop.
      countLookup(redirect.get());
      Target target = expandTarget(redirect.get().domain(), domain);
      step(SpfTrace.StepKind.TERM, domain.toString(), redirect.get().toString(), "redirect to " + target.name());
      decidingTerm = Optional.empty();
      depth++;
      boolean savedVoided = termVoided;
      termVoided = false;
      try {
        HostResult r = checkHost(target);
        if (r.result() == SpfResult.NONE) {
          throw abort(SpfResult.PERMERROR, SpfCodes.SPF_TARGET_WITHOUT_RECORD,
              "redirect target " + target.name() + " has no SPF record", "RFC 7208 section 6.1");
        }
        return r;
      } finally {
        depth--;
        termVoided = savedVoided;
      }
    }
    step(SpfTrace.StepKind.RESULT, domain.toString(), "", "neutral (no term matched)");
    decidingTerm = Optional.empty();
    return new HostResult(SpfResult.NEUTRAL, Optional.empty());
  }

  /** Fetches and parses the SPF record of a domain (RFC 7208 section 4.4 and 4.5). */
  private Optional<SpfRecord> fetchRecord(DomainName domain) {
    DnsOutcome outcome = ask(DnsQuery.of(domain, RecordType.TXT), true);
    if (outcome.isFailure()) {
      throw abort(SpfResult.TEMPERROR, SpfCodes.SPF_DNS_ERROR,
          "DNS error looking up the SPF record of " + domain + ": " + describe(outcome), "RFC 7208 section 4.4");
    }
    List<String> texts = SpfRecord.select(outcome.records(TxtRecord.class));
    if (texts.isEmpty()) {
      step(SpfTrace.StepKind.RECORD, domain.toString(), "", "no SPF record (" + outcome.kind().jsonName() + ")");
      return Optional.empty();
    }
    if (texts.size() > 1) {
      step(SpfTrace.StepKind.RECORD, domain.toString(), String.join(" | ", texts), texts.size() + " SPF records");
      throw abort(SpfResult.PERMERROR, SpfCodes.SPF_MULTIPLE_RECORDS,
          domain + " publishes " + texts.size() + " SPF records; exactly one is allowed", "RFC 7208 section 4.5");
    }
    String text = texts.get(0);
    step(SpfTrace.StepKind.RECORD, domain.toString(), text, "");
    ParseResult<SpfRecord> parsed = ParsedRecordCache.parse(text);
    if (parsed.value().isEmpty()) {
      Diagnostic first = parsed.errors().get(0);
      throw new Abort(SpfResult.PERMERROR, first.withEvidence(text));
    }
    return parsed.value();
  }

  /** Returns whether a mechanism matches (RFC 7208 section 5). */
  private boolean evaluate(SpfMechanism mechanism, DomainName domain) {
    if (mechanism.countsAsLookup()) {
      countLookup(mechanism);
    }
    boolean savedVoided = termVoided;
    termVoided = false;
    try {
      return matches(mechanism, domain);
    } finally {
      termVoided = savedVoided;
    }
  }

  private boolean matches(SpfMechanism mechanism, DomainName domain) {
    if (mechanism instanceof SpfMechanism.All) {
      return true;
    } else if (mechanism instanceof SpfMechanism.Ip4 m) {
      return ip.isIpv4() && m.network().contains(ip);
    } else if (mechanism instanceof SpfMechanism.Ip6 m) {
      return ip.isIpv6() && m.network().contains(ip);
    } else if (mechanism instanceof SpfMechanism.Include m) {
      return include(expandTarget(m.domain(), domain), domain);
    } else if (mechanism instanceof SpfMechanism.A m) {
      DomainName target = m.domain().isPresent() ? expandDomain(m.domain().get(), domain) : domain;
      return matchesAddresses(addresses(target, true), m.ip4Prefix(), m.ip6Prefix());
    } else if (mechanism instanceof SpfMechanism.Mx m) {
      DomainName target = m.domain().isPresent() ? expandDomain(m.domain().get(), domain) : domain;
      return mx(target, m.ip4Prefix(), m.ip6Prefix());
    } else if (mechanism instanceof SpfMechanism.Ptr m) {
      DomainName target = m.domain().isPresent() ? expandDomain(m.domain().get(), domain) : domain;
      return validatedPtrNames(true).stream().anyMatch(n -> n.isSubdomainOf(target));
    } else if (mechanism instanceof SpfMechanism.Exists m) {
      DomainName target = expandDomain(m.domain(), domain);
      DnsOutcome o = ask(DnsQuery.of(target, RecordType.A), true);
      failOnError(o, "exists:" + target);
      return o.isAnswer();
    }
    throw new IllegalStateException("unknown mechanism " + mechanism);
  }

  private boolean include(Target included, DomainName current) {
    DomainName target = included.name();
    if (target.equals(current)) {
      throw abort(SpfResult.PERMERROR, SpfCodes.SPF_LOOP, "include of " + current + " includes itself",
          "RFC 7208 section 5.2");
    }
    depth++;
    includeDepth++;
    Optional<SpfEvaluation.DecidingTerm> saved = decidingTerm;
    HostResult r;
    try {
      r = checkHost(included);
    } finally {
      depth--;
      includeDepth--;
    }
    decidingTerm = saved;
    return switch (r.result()) {
      case PASS -> true;
      case FAIL, SOFTFAIL, NEUTRAL -> false;
      case NONE -> throw abort(SpfResult.PERMERROR, SpfCodes.SPF_TARGET_WITHOUT_RECORD,
          "included domain " + target + " has no SPF record", "RFC 7208 section 5.2");
      case TEMPERROR, PERMERROR -> throw new IllegalStateException("errors propagate as aborts");
    };
  }

  /** Returns the addresses of {@code host} of the client's family; empty on a void answer. */
  private List<IpAddress> addresses(DomainName host, boolean countVoid) {
    DnsOutcome o = ask(DnsQuery.of(host, ip.isIpv4() ? RecordType.A : RecordType.AAAA), countVoid);
    failOnError(o, host.toString());
    return toAddresses(o);
  }

  private static List<IpAddress> toAddresses(DnsOutcome o) {
    List<IpAddress> out = new ArrayList<>();
    for (DnsRecord r : o.records()) {
      if (r instanceof ARecord a) {
        out.add(a.address());
      } else if (r instanceof AaaaRecord a) {
        out.add(a.address());
      }
    }
    return out;
  }

  private boolean matchesAddresses(List<IpAddress> addresses, OptionalInt ip4Prefix, OptionalInt ip6Prefix) {
    int prefix = ip.isIpv4() ? ip4Prefix.orElse(32) : ip6Prefix.orElse(128);
    for (IpAddress a : addresses) {
      if (a.family() == ip.family() && IpNetwork.of(a, prefix).contains(ip)) {
        return true;
      }
    }
    return false;
  }

  private boolean mx(DomainName target, OptionalInt ip4Prefix, OptionalInt ip6Prefix) {
    DnsOutcome o = ask(DnsQuery.of(target, RecordType.MX), true);
    failOnError(o, "mx:" + target);
    List<MxRecord> mxs = new ArrayList<>(o.records(MxRecord.class));
    mxs.removeIf(m -> m.exchange().isRoot());
    if (mxs.size() > limits.maxMxNames()) {
      throw abort(SpfResult.PERMERROR, SpfCodes.SPF_TOO_MANY_MX,
          target + " has " + mxs.size() + " MX names; at most " + limits.maxMxNames() + " may be looked up",
          "RFC 7208 section 4.6.4");
    }
    mxs.sort(java.util.Comparator.comparingInt(MxRecord::preference));
    RecordType type = ip.isIpv4() ? RecordType.A : RecordType.AAAA;
    for (MxRecord m : mxs) {
      prefetch(DnsQuery.of(m.exchange(), type));
    }
    for (MxRecord m : mxs) {
      if (matchesAddresses(addresses(m.exchange(), true), ip4Prefix, ip6Prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the validated reverse names of the client (RFC 7208 section 5.5), at most maxPtrNames looked up. */
  private List<DomainName> validatedPtrNames(boolean countVoid) {
    DnsOutcome o = ask(DnsQuery.of(ip.reverseName(), RecordType.PTR), countVoid);
    if (!o.isAnswer()) {
      return List.of();
    }
    List<PtrRecord> ptrs = o.records(PtrRecord.class);
    List<PtrRecord> considered = ptrs.subList(0, Math.min(ptrs.size(), limits.maxPtrNames()));
    RecordType type = ip.isIpv4() ? RecordType.A : RecordType.AAAA;
    for (PtrRecord p : considered) {
      prefetch(DnsQuery.of(p.target(), type));
    }
    List<DomainName> validated = new ArrayList<>();
    for (PtrRecord p : considered) {
      DnsOutcome a = ask(DnsQuery.of(p.target(), type), countVoid);
      if (a.isAnswer() && toAddresses(a).contains(ip)) {
        validated.add(p.target());
      }
    }
    return validated;
  }

  /** Returns the explanation of a fail (RFC 7208 section 6.2); empty when there is none or it is unusable. */
  private Optional<String> explain(SpfRecord record, DomainName domain) {
    Optional<SpfTerm.Explanation> exp = record.explanation();
    if (exp.isEmpty()) {
      return Optional.empty();
    }
    try {
      DomainName target = expandDomain(exp.get().domain(), domain);
      DnsOutcome o = ask(DnsQuery.of(target, RecordType.TXT), false);
      List<TxtRecord> txts = o.records(TxtRecord.class).stream().filter(t -> t.type() == RecordType.TXT).toList();
      if (txts.size() != 1) {
        step(SpfTrace.StepKind.EXPLANATION, domain.toString(), exp.get().toString(),
            "ignored: " + txts.size() + " TXT records at " + target);
        return Optional.empty();
      }
      String text = txts.get(0).text();
      List<Diagnostic> diags = new ArrayList<>();
      MacroString m = MacroString.parse(text, text, 0, true, diags);
      if (m == null) {
        step(SpfTrace.StepKind.EXPLANATION, domain.toString(), exp.get().toString(),
            "ignored: invalid explanation text");
        return Optional.empty();
      }
      String expanded = m.expand(letter -> macroValue(letter, domain, false));
      step(SpfTrace.StepKind.EXPLANATION, domain.toString(), exp.get().toString(), expanded);
      return Optional.of(expanded);
    } catch (Abort a) {
      step(SpfTrace.StepKind.EXPLANATION, domain.toString(), exp.get().toString(), "ignored: " + a.getMessage());
      return Optional.empty();
    }
  }

  /** Expands a domain-spec and validates the result (RFC 7208 section 7.3). */
  private DomainName expandDomain(MacroString spec, DomainName current) {
    return expandTarget(spec, current).name();
  }

  /** Expands a domain-spec, keeping the text as well as the validated name. */
  private Target expandTarget(MacroString spec, DomainName current) {
    String expanded = MacroString.lookupName(spec.expand(letter -> macroValue(letter, current, true)));
    ParseResult<DomainName> d = DomainName.parse(expanded);
    if (d.value().isEmpty()) {
      throw abort(SpfResult.PERMERROR, SpfCodes.SPF_INVALID_DOMAIN_SPEC,
          "'" + spec + "' expands to '" + expanded + "', not a valid domain: " + d.errors().get(0).message(),
          "RFC 7208 section 7.3");
    }
    return new Target(d.value().get(), expanded);
  }

  /** Returns the raw value of a macro letter (RFC 7208 section 7.2). */
  private String macroValue(char letter, DomainName current, boolean countVoid) {
    return switch (letter) {
      case 's' -> request.effectiveSender();
      case 'l' -> request.localPart();
      case 'o' -> request.domain();
      case 'd' -> written(current);
      case 'i' -> ip.isIpv4() ? ip.toString() : nibbles(ip);
      case 'p' -> validatedPtr(current, countVoid);
      case 'v' -> ip.isIpv4() ? "in-addr" : "ip6";
      case 'h' -> request.helo();
      case 'c' -> ip.toString();
      case 'r' -> receiver;
      case 't' -> Long.toString(clock.instant().getEpochSecond());
      default -> throw new IllegalStateException("unknown macro letter " + letter);
    };
  }

  /**
   * Returns the current domain as written, for the {@code d} macro: {@code <domain>} (RFC 7208
   * section 7.2) is the sender's domain or the target as given, not lower-cased.
   */
  private String written(DomainName current) {
    return current.equals(stack.peek()) ? writtenNames.element() : current.toString();
  }

  /** Returns the {@code p} macro value: a validated name equal to, else below, {@code current}, else any. */
  private String validatedPtr(DomainName current, boolean countVoid) {
    String cached = validatedPtr.get(current);
    if (cached != null) {
      return cached;
    }
    List<DomainName> names = validatedPtrNames(countVoid);
    String value = names.isEmpty() ? "unknown"
        : names.stream().filter(n -> n.equals(current)).findFirst()
            .or(() -> names.stream().filter(n -> n.isSubdomainOf(current)).findFirst())
            .orElse(names.get(0)).toString();
    validatedPtr.put(current, value);
    return value;
  }

  private static String nibbles(IpAddress v6) {
    // Upper-case nibbles, as the openspf suite expects (test v-macro-ip6); the examples of RFC 7208
    // section 7.4 use lower case. DNS names compare case-insensitively, so only %{i} in exp differs.
    String hex = v6.toExpandedString().replace(":", "").toUpperCase(java.util.Locale.ROOT);
    StringBuilder sb = new StringBuilder(63);
    for (int i = 0; i < hex.length(); i++) {
      if (i > 0) {
        sb.append('.');
      }
      sb.append(hex.charAt(i));
    }
    return sb.toString();
  }

  /** Counts a DNS-querying term; the term is rendered only for the error message. */
  private void countLookup(Object term) {
    lookups++;
    if (lookups > limits.maxDnsLookups()) {
      throw abort(SpfResult.PERMERROR, SpfCodes.SPF_TOO_MANY_LOOKUPS,
          "more than " + limits.maxDnsLookups() + " DNS-querying terms (reached at '" + term + "')",
          "RFC 7208 section 4.6.4");
    }
  }

  private void failOnError(DnsOutcome o, String what) {
    if (o.isFailure()) {
      throw abort(SpfResult.TEMPERROR, SpfCodes.SPF_DNS_ERROR,
          "DNS error for " + what + ": " + describe(o), "RFC 7208 section 5");
    }
  }

  private static String describe(DnsOutcome o) {
    return switch (o.kind()) {
      case SERVFAIL -> "SERVFAIL (" + ((DnsOutcome.ServFail) o).detail() + ")";
      case REFUSED -> "REFUSED (" + ((DnsOutcome.Refused) o).detail() + ")";
      case TIMEOUT -> "timeout (" + ((DnsOutcome.Timeout) o).detail() + ")";
      default -> o.kind().jsonName();
    };
  }

  private void prefetch(DnsQuery q) {
    asked.computeIfAbsent(q, this::send);
  }

  /** Sends a question; a resolver that throws (a broken contract) yields a failed future, not an exception. */
  private CompletableFuture<DnsOutcome> send(DnsQuery q) {
    try {
      return resolver.resolve(q).toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Asks a question once per evaluation, within the time budget, counting void answers if asked to. */
  private DnsOutcome ask(DnsQuery q, boolean countVoid) {
    boolean fresh = !asked.containsKey(q);
    CompletableFuture<DnsOutcome> f = asked.computeIfAbsent(q, this::send);
    DnsOutcome outcome;
    long remaining = deadline - System.nanoTime();
    try {
      if (remaining <= 0) {
        throw new TimeoutException();
      }
      outcome = f.get(remaining, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw abort(SpfResult.TEMPERROR, SpfCodes.SPF_TIME_BUDGET,
          "the evaluation exceeded its time budget of " + limits.totalTimeBudget().toMillis() + " ms at " + q,
          "RFC 7208 section 4.6.4");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw abort(SpfResult.TEMPERROR, SpfCodes.SPF_TIME_BUDGET, "interrupted while waiting for " + q,
          "RFC 7208 section 4.6.4");
    } catch (ExecutionException | java.util.concurrent.CancellationException e) {
      outcome = new DnsOutcome.ServFail(q, List.of(), "resolver failed: "
          + (e instanceof ExecutionException ? e.getCause() : e));
    }
    if (outcome == null) {
      outcome = new DnsOutcome.ServFail(q, List.of(), "resolver failed: no outcome");
    }
    // A term counts at most one void lookup (RFC 7208 section 4.6.4 limits "terms"), so the
    // address lookups of the hosts of one mx or ptr term cannot exhaust the limit by themselves.
    // A term whose question was already answered void for an earlier term counts too: the answer
    // comes from this evaluation's cache, but the limit is on terms, not on packets sent.
    boolean counted = countVoid && outcome.isVoid() && !termVoided;
    int traced = -1;
    for (int i = 0; !fresh && i < queries.size(); i++) {
      if (queries.get(i).query().equals(q)) {
        traced = i;
        break;
      }
    }
    if (traced < 0) {
      queries.add(new SpfTrace.Query(q, outcome, counted));
    } else if (counted && !queries.get(traced).countedVoid()) {
      queries.set(traced, new SpfTrace.Query(q, queries.get(traced).outcome(), true));
    }
    if (counted) {
      termVoided = true;
      voids++;
      if (voids > limits.maxVoidLookups()) {
        throw abort(SpfResult.PERMERROR, SpfCodes.SPF_TOO_MANY_VOID_LOOKUPS,
            "more than " + limits.maxVoidLookups() + " DNS lookups returned no answer (the last: " + q + ")",
            "RFC 7208 section 4.6.4");
      }
    }
    return outcome;
  }

  private void step(SpfTrace.StepKind kind, String domain, String subject, String outcome) {
    steps.add(new SpfTrace.Step(depth, kind, domain, subject, outcome));
  }

  private static Abort abort(SpfResult result, DiagnosticCode code, String message, String reference) {
    return new Abort(result, Diagnostic.error(code, message).withReference(reference));
  }
}
