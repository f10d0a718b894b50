package io.maildiag.dns.spf;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import io.maildiag.core.Severity;
import io.maildiag.core.SourceSpan;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.internal.Excerpt;
import io.maildiag.core.ip.IpNetwork;
import io.maildiag.dns.ARecord;
import io.maildiag.dns.AaaaRecord;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.DnsRecord;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.MxRecord;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.TxtRecord;
import io.maildiag.dns.spf.SpfIncludeTree.Reach;
import io.maildiag.dns.spf.SpfIncludeTree.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One audit: walks the include/redirect tree, asks DNS within the budget, and collects findings.
 * Not thread-safe; one instance per audit.
 */
final class SpfAuditRun {

  static final String REF_LOOKUPS = "RFC 7208 section 4.6.4";
  static final String REF_SELECT = "RFC 7208 section 4.5";
  /** Evidence longer than this is shortened. */
  static final int EVIDENCE_LIMIT = 2048;
  /** The classic DNS-over-UDP message size limit (RFC 1035 section 2.3.4). */
  static final int UDP_LIMIT = 512;
  /** The most octets in one TXT character-string (RFC 1035 section 3.3). */
  static final int MAX_STRING_OCTETS = 255;

  private final DnsResolver resolver;
  private final Limits limits;
  private final DomainName domain;
  private final Optional<List<String>> proposed;
  private final long deadline;

  private final Map<DnsQuery, CompletableFuture<DnsOutcome>> asked = new HashMap<>();
  private final Findings findings;
  private final Map<DnsQuery, String> voids = new LinkedHashMap<>();
  private int nodeCount;
  private boolean cut;
  private boolean timeExhausted;
  private boolean queriesExhausted;

  SpfAuditRun(DnsResolver resolver, Limits limits, DomainName domain, Optional<List<String>> proposed) {
    this.resolver = resolver;
    this.limits = limits;
    this.domain = domain;
    this.proposed = proposed;
    this.deadline = System.nanoTime() + limits.totalTimeBudget().toNanos();
    this.findings = new Findings(Math.max(1, limits.maxDiagnostics()));
  }

  /** The walk's view of one node, filled in as the audit goes. */
  static final class Visit {
    final String name;
    final Optional<DomainName> domain;
    final Reach reach;
    final String term;
    final int depth;
    final boolean policy;
    final @Nullable Visit parent;
    Optional<String> text = Optional.empty();
    Status status = Status.OK;
    Optional<String> detail = Optional.empty();
    Optional<SpfRecord> record = Optional.empty();
    int own;
    int allIndex = -1;
    int redirectIndex = -1;
    boolean redirectEffective;
    final List<Visit> children = new ArrayList<>();
    final Map<Integer, Visit> childAt = new HashMap<>();
    final Map<Integer, Resolved> resolved = new HashMap<>();

    Visit(String name, Optional<DomainName> domain, Reach reach, String term, int depth, boolean policy,
        @Nullable Visit parent) {
      this.name = name;
      this.domain = domain;
      this.reach = reach;
      this.term = term;
      this.depth = depth;
      this.policy = policy;
      this.parent = parent;
    }

    boolean isRoot() {
      return parent == null;
    }

    int total() {
      int t = own;
      for (Visit c : children) {
        t += c.total();
      }
      return t;
    }

    /** Returns the term text at {@code index} of this visit's record, as written. */
    String written(int index) {
      SpfRecord r = record.orElseThrow();
      SourceSpan s = r.spanOf(index);
      return r.text().substring(s.offset(), s.end());
    }

    void fail(Status s, String why) {
      status = s;
      detail = Optional.of(why);
    }
  }

  /**
   * The addresses of an {@code a} or {@code mx} term.
   *
   * @param networks the networks found, with the term's CIDR lengths
   * @param problem why the list may be incomplete
   */
  record Resolved(List<IpNetwork> networks, Optional<String> problem) {}

  SpfAudit run() {
    Visit root = new Visit(domain.toString(), Optional.of(domain), Reach.ROOT, domain.toString(), 0, true, null);
    nodeCount = 1;
    DnsQuery txtQuery = DnsQuery.of(domain, RecordType.TXT);
    DnsQuery spfQuery = DnsQuery.of(domain, RecordType.SPF);
    issue(txtQuery);
    issue(spfQuery);
    Optional<DnsOutcome> txt = lookup(txtQuery);
    if (proposed.isPresent()) {
      takeProposed(root, proposed.get(), txt);
    } else {
      fetchRecord(root, txt);
      txt.ifPresent(o -> checkAnswerSize(o, Optional.empty()));
    }
    checkType99(lookup(spfQuery), root);
    if (root.text.isPresent() && root.status == Status.OK) {
      parse(root);
      if (root.record.isPresent()) {
        Set<DomainName> ancestors = new LinkedHashSet<>();
        ancestors.add(domain);
        analyze(root, ancestors);
      }
    }
    return finish(root);
  }

  // ---------------------------------------------------------------- the root record

  private void takeProposed(Visit root, List<String> strings, Optional<DnsOutcome> published) {
    long chars = 0;
    for (String s : strings) {
      chars += s.length();
    }
    if (chars > limits.maxInputBytes() || chars > Integer.MAX_VALUE - 16) {
      findings.add(Diagnostic.error(SpfCodes.SPF_INVALID_TERM,
              "the proposed record has " + chars + " characters, more than the input limit of "
                  + limits.maxInputBytes() + "; it was not audited")
          .withEvidence(strings.isEmpty() ? "" : abbreviate(strings.get(0)))
          .withRemediation("An SPF record must fit in one TXT record; keep it well under 450 characters")
          .withReference("RFC 7208 section 3.4"));
      root.fail(Status.SYNTAX_ERROR, "too large to audit");
      return;
    }
    String text = String.join("", strings);
    int offset = 0;
    for (int i = 0; i < strings.size(); i++) {
      String s = strings.get(i);
      int octets = utf8Length(s);
      if (octets > MAX_STRING_OCTETS && findings.isFull(SpfCodes.SPF_STRING_TOO_LONG)) {
        findings.drop(SpfCodes.SPF_STRING_TOO_LONG);
      } else if (octets > MAX_STRING_OCTETS) {
        findings.add(Diagnostic.error(SpfCodes.SPF_STRING_TOO_LONG,
                "string " + (i + 1) + " of the proposed record has " + octets
                    + " octets; one TXT character-string holds at most 255, so it cannot be published as one string")
            .withEvidence(abbreviate(s))
            .withRemediation("Split it into several strings of at most 255 octets in the same TXT record"
                + " (receivers join them without spaces)" + splitExample(s))
            .withReference("RFC 7208 section 3.3")
            .at(text, offset, s.length()));
      }
      offset += s.length();
    }
    root.text = Optional.of(text);
    published.ifPresent(o -> checkAnswerSize(o, Optional.of(strings)));
  }

  private static String splitExample(String s) {
    if (s.length() > 2 * EVIDENCE_LIMIT || utf8Length(s) != s.length()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(": ");
    for (int i = 0; i < s.length(); i += MAX_STRING_OCTETS) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append('"').append(s, i, Math.min(s.length(), i + MAX_STRING_OCTETS)).append('"');
    }
    return sb.toString();
  }

  /** Selects the record of a node from its TXT outcome (RFC 7208 section 4.5). */
  private void fetchRecord(Visit v, Optional<DnsOutcome> outcome) {
    DomainName d = v.domain.orElseThrow();
    if (outcome.isEmpty()) {
      v.fail(Status.NOT_FOLLOWED, "not fetched: " + budgetReason());
      cut = true;
      return;
    }
    DnsOutcome o = outcome.get();
    if (o.isFailure()) {
      v.fail(Status.DNS_ERROR, describe(o));
      findings.add(ctx(v, Diagnostic.warning(SpfCodes.SPF_DNS_ERROR,
                  "DNS error looking up the SPF record of " + d + ": " + describe(o)
                      + "; receivers would return temperror")
              .withEvidence(v.term)
              .withRemediation("Usually temporary: re-run the audit. If it persists, check the name servers of "
                  + d + " (they must answer TXT questions)")
              .withReference("RFC 7208 section 4.4")));
      return;
    }
    List<TxtRecord> txts = o.records(TxtRecord.class);
    List<String> texts = SpfRecord.select(txts);
    if (texts.isEmpty()) {
      String why = switch (o.kind()) {
        case NXDOMAIN -> d + " does not exist (NXDOMAIN)";
        case NODATA -> d + " has no TXT records";
        default -> d + " has no TXT record starting with 'v=spf1'";
      };
      v.fail(Status.NO_RECORD, why);
      if (v.isRoot()) {
        Optional<String> lookalike = txts.stream().map(TxtRecord::text)
            .filter(t -> t.length() < 4096 && t.toLowerCase(java.util.Locale.ROOT).contains("spf")).findFirst();
        Diagnostic f = Diagnostic.error(SpfCodes.SPF_NO_RECORD,
                "no SPF record: " + why + lookalike.map(t -> "; a TXT record mentions SPF but does not start with"
                    + " 'v=spf1' followed by a space").orElse("")
                    + ". Receivers get 'none' and cannot tell forged mail from yours")
            .withRemediation("Publish one TXT record at " + d + " starting with 'v=spf1', listing your senders and"
                + " ending in '-all' or '~all'; a domain that sends no mail publishes \"v=spf1 -all\"")
            .withReference("RFC 7208 section 4.5");
        String all = txts.isEmpty() ? "no TXT records at " + d
            : txts.stream().map(t -> "\"" + t.text() + "\"").collect(java.util.stream.Collectors.joining("\n"));
        findings.add(f.withEvidence(abbreviate(lookalike.orElse(all))));
      } else {
        if (o.isVoid()) {
          addVoid(DnsQuery.of(d, RecordType.TXT), v.parent, v.term, why);
        }
        boolean redirect = v.reach == Reach.REDIRECT;
        findings.add(ctx(v.parent, Diagnostic.error(SpfCodes.SPF_TARGET_WITHOUT_RECORD,
                    v.term + ": " + why + ", so it has no SPF record; every evaluation that reaches this term ends"
                        + " in permerror")
                .withEvidence(v.term)
                .withRemediation("Remove the term, or correct the name (providers document the exact name to"
                    + " include, such as _spf.provider.example)")
                .withReference(redirect ? "RFC 7208 section 6.1" : "RFC 7208 section 5.2")));
      }
      return;
    }
    if (texts.size() > 1) {
      v.fail(Status.MULTIPLE_RECORDS, d + " publishes " + texts.size() + " SPF records");
      StringBuilder ev = new StringBuilder();
      for (String t : texts) {
        ev.append(ev.length() == 0 ? "" : "\n").append('"').append(t).append('"');
      }
      findings.add(ctx(v, Diagnostic.error(SpfCodes.SPF_MULTIPLE_RECORDS,
                  d + " publishes " + texts.size() + " SPF records; exactly one is allowed, so receivers return"
                      + " permerror")
              .withEvidence(abbreviate(ev.toString()))
              .withRemediation(fix(v, "Merge them into one TXT record starting with 'v=spf1' and delete the others"))
              .withReference(REF_SELECT)));
      return;
    }
    v.text = Optional.of(texts.get(0));
  }

  private void parse(Visit v) {
    String text = v.text.orElseThrow();
    ParseResult<SpfRecord> r = SpfRecord.parse(text);
    for (Diagnostic d : r.diagnostics()) {
      if (d.isError()) {
        String where = d.span().map(s -> " at " + s).orElse("");
        Diagnostic f = d.withEvidence(abbreviate(text))
            .withRemediation(fix(v, "Correct the record" + where + "; a record with a syntax error gives permerror"
                + " for every message"));
        if (!v.isRoot()) {
          f = new Diagnostic(f.code(), f.severity(), context(v) + f.message(), f.evidence(), f.remediation(),
              f.reference(), f.span());
        }
        findings.add(f);
      }
    }
    if (r.value().isEmpty()) {
      v.fail(Status.SYNTAX_ERROR, r.errors().get(0).message());
      return;
    }
    v.record = r.value();
  }

  // ---------------------------------------------------------------- one record's terms

  private void analyze(Visit v, Set<DomainName> ancestors) {
    SpfRecord rec = v.record.orElseThrow();
    List<SpfTerm> terms = rec.terms();
    for (int i = 0; i < terms.size(); i++) {
      if (terms.get(i) instanceof SpfTerm.Directive d && d.mechanism() instanceof SpfMechanism.All) {
        v.allIndex = i;
        break;
      }
    }
    prefetch(v, terms);
    List<String> afterAll = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      SpfTerm t = terms.get(i);
      if (t instanceof SpfTerm.Directive d) {
        if (v.allIndex >= 0 && i > v.allIndex) {
          afterAll.add(v.written(i));
          continue;
        }
        if (d.mechanism().countsAsLookup()) {
          v.own++;
        }
        directive(v, i, d, ancestors);
      } else if (t instanceof SpfTerm.Redirect) {
        v.redirectIndex = i;
      } else if (t instanceof SpfTerm.UnknownModifier u) {
        findings.add(at(v, i, Diagnostic.info(SpfCodes.SPF_UNKNOWN_MODIFIER,
                context(v) + "unknown modifier '" + u.name() + "' is ignored by receivers")
            .withEvidence(v.written(i))
            .withRemediation(fix(v, "Remove it, or correct its spelling if you meant 'redirect' or 'exp'"))
            .withReference("RFC 7208 section 6")));
      }
    }
    if (!afterAll.isEmpty()) {
      findings.add(Diagnostic.warning(SpfCodes.SPF_TERMS_AFTER_ALL,
              context(v) + afterAll.size() + " term(s) after '" + v.written(v.allIndex)
                  + "' are never evaluated, because 'all' always matches")
          .withEvidence(abbreviate(String.join(" ", afterAll)))
          .withRemediation(fix(v, "Move them before '" + v.written(v.allIndex) + "', or delete them"))
          .withReference("RFC 7208 section 5.1"));
    }
    if (v.redirectIndex >= 0) {
      SpfTerm.Redirect r = (SpfTerm.Redirect) terms.get(v.redirectIndex);
      if (v.allIndex >= 0) {
        findings.add(at(v, v.redirectIndex, Diagnostic.warning(SpfCodes.SPF_REDIRECT_IGNORED,
                context(v) + "'" + v.written(v.redirectIndex) + "' is ignored because the record contains '"
                    + v.written(v.allIndex) + "'")
            .withEvidence(v.written(v.redirectIndex))
            .withRemediation(fix(v, "Remove 'all' to use the redirect, or remove the redirect"))
            .withReference("RFC 7208 section 6.1")));
      } else {
        v.own++;
        v.redirectEffective = true;
        follow(v, v.redirectIndex, Reach.REDIRECT, r.domain(), ancestors);
      }
    }
    if (v.policy && v.allIndex < 0 && v.redirectIndex < 0) {
      findings.add(Diagnostic.warning(SpfCodes.SPF_NO_ALL,
              context(v) + "the record has neither 'all' nor 'redirect', so hosts it does not list get the"
                  + " default result neutral")
          .withEvidence(abbreviate(rec.text()))
          .withRemediation(fix(v, "End the record with '-all' (fail) or '~all' (softfail) once every sender is"
              + " listed"))
          .withReference("RFC 7208 section 4.7"));
    }
    for (Visit c : v.children) {
      if (c.status != Status.OK || c.domain.isEmpty()) {
        continue;
      }
      fetchRecord(c, lookup(DnsQuery.of(c.domain.get(), RecordType.TXT)));
      if (c.text.isPresent()) {
        parse(c);
      }
      if (c.record.isPresent()) {
        Set<DomainName> path = new LinkedHashSet<>(ancestors);
        path.add(c.domain.get());
        analyze(c, path);
      }
    }
  }

  /** Asks the questions of a record's terms at once, so the waits overlap. */
  private void prefetch(Visit v, List<SpfTerm> terms) {
    for (int i = 0; i < terms.size(); i++) {
      if (v.allIndex >= 0 && i > v.allIndex) {
        break;
      }
      SpfTerm t = terms.get(i);
      if (t instanceof SpfTerm.Directive d) {
        SpfMechanism m = d.mechanism();
        if (m instanceof SpfMechanism.Include inc) {
          literal(inc.domain()).ifPresent(n -> issue(DnsQuery.of(n, RecordType.TXT)));
        } else if (m instanceof SpfMechanism.A a) {
          target(a.domain(), v).ifPresent(n -> {
            issue(DnsQuery.of(n, RecordType.A));
            issue(DnsQuery.of(n, RecordType.AAAA));
          });
        } else if (m instanceof SpfMechanism.Mx mx) {
          target(mx.domain(), v).ifPresent(n -> issue(DnsQuery.of(n, RecordType.MX)));
        } else if (m instanceof SpfMechanism.Exists e) {
          literal(e.domain()).ifPresent(n -> issue(DnsQuery.of(n, RecordType.A)));
        }
      } else if (t instanceof SpfTerm.Redirect r && v.allIndex < 0) {
        literal(r.domain()).ifPresent(n -> issue(DnsQuery.of(n, RecordType.TXT)));
      }
    }
  }

  private void directive(Visit v, int i, SpfTerm.Directive d, Set<DomainName> ancestors) {
    SpfMechanism m = d.mechanism();
    String written = v.written(i);
    boolean pass = d.qualifier() == SpfQualifier.PASS;
    if (m instanceof SpfMechanism.All) {
      if (pass) {
        findings.add(at(v, i, Diagnostic.error(SpfCodes.SPF_PASS_ALL,
                context(v) + "'" + written + "' passes every host on the Internet"
                    + (v.policy ? ": anyone can send mail as this domain" : "; every address passes this include"))
            .withEvidence(written)
            .withRemediation(fix(v, "Use '-all' (or '~all' while testing) after listing your real senders"))
            .withReference("RFC 7208 section 5.1")));
      } else if (d.qualifier() == SpfQualifier.NEUTRAL && v.policy) {
        findings.add(at(v, i, Diagnostic.warning(SpfCodes.SPF_NEUTRAL_ALL,
                context(v) + "'" + written + "' gives unlisted hosts neutral, which says nothing: forged mail is"
                    + " not rejected and DMARC gets no SPF pass from it")
            .withEvidence(written)
            .withRemediation(fix(v, "Use '~all' (softfail) or '-all' (fail) once every sender is listed"))
            .withReference("RFC 7208 section 8.2")));
      }
    } else if (m instanceof SpfMechanism.Ip4 ip) {
      broad(v, i, written, pass, ip.network(), 16);
    } else if (m instanceof SpfMechanism.Ip6 ip) {
      broad(v, i, written, pass, ip.network(), 32);
    } else if (m instanceof SpfMechanism.Include inc) {
      follow(v, i, Reach.INCLUDE, inc.domain(), ancestors);
    } else if (m instanceof SpfMechanism.A a) {
      Optional<DomainName> target = checkedTarget(v, i, written, a.domain());
      target.ifPresent(n -> v.resolved.put(i, resolveHost(v, written, n, a.ip4Prefix(), a.ip6Prefix())));
    } else if (m instanceof SpfMechanism.Mx mx) {
      Optional<DomainName> target = checkedTarget(v, i, written, mx.domain());
      target.ifPresent(n -> v.resolved.put(i, resolveMx(v, written, n, mx.ip4Prefix(), mx.ip6Prefix())));
    } else if (m instanceof SpfMechanism.Ptr) {
      findings.add(at(v, i, Diagnostic.warning(SpfCodes.SPF_PTR_DEPRECATED,
              context(v) + "'" + written + "' is deprecated: it is slow, unreliable, and some receivers skip it")
          .withEvidence(written)
          .withRemediation(fix(v, "Replace it with ip4/ip6 terms (or a/mx) for the hosts it was meant to cover"))
          .withReference("RFC 7208 section 5.5")));
    } else if (m instanceof SpfMechanism.Exists e) {
      Optional<DomainName> target = checkedTarget(v, i, written, Optional.of(e.domain()));
      if (target.isPresent()) {
        DnsQuery q = DnsQuery.of(target.get(), RecordType.A);
        Optional<DnsOutcome> o = lookup(q);
        if (o.isPresent() && o.get().isFailure()) {
          dnsError(v, written, o.get());
        } else if (o.isPresent() && o.get().isVoid()) {
          addVoid(q, v, written, target.get() + " has no A record (" + o.get().kind().jsonName() + ")");
        }
      }
    }
  }

  private void broad(Visit v, int i, String written, boolean pass, IpNetwork n, int shortest) {
    if (!pass || n.prefixLength() >= shortest) {
      return;
    }
    findings.add(at(v, i, Diagnostic.warning(SpfCodes.SPF_BROAD_RANGE,
            context(v) + "'" + written + "' authorises " + n.addressCount() + " addresses (a prefix shorter than /"
                + shortest + "); few senders need that many")
        .withEvidence(written)
        .withRemediation(fix(v, "List only the networks your mail servers use"))
        .withReference("RFC 7208 section 5.6")));
  }

  /** Returns the target of an a/mx/exists term: its literal domain, or the node's domain when it has none. */
  private Optional<DomainName> checkedTarget(Visit v, int i, String written, Optional<MacroString> spec) {
    if (spec.isEmpty()) {
      return v.domain;
    }
    if (spec.get().hasMacros()) {
      macroNote(v, i, written);
      return Optional.empty();
    }
    ParseResult<DomainName> d = parseLiteral(spec.get());
    if (d.value().isEmpty()) {
      invalidName(v, i, written, d);
      return Optional.empty();
    }
    return d.value();
  }

  private Optional<DomainName> target(Optional<MacroString> spec, Visit v) {
    return spec.isEmpty() ? v.domain : literal(spec.get());
  }

  private void macroNote(Visit v, int i, String written) {
    findings.add(at(v, i, Diagnostic.info(SpfCodes.SPF_MACRO_NOT_AUDITABLE,
            context(v) + "'" + written + "' uses macros, so its target depends on each message; the audit counts it"
                + " as 1 lookup and does not follow it")
        .withEvidence(written)
        .withRemediation("Check the expanded names with SpfChecker for representative senders")
        .withReference("RFC 7208 section 7")));
  }

  private void invalidName(Visit v, int i, String written, ParseResult<DomainName> d) {
    findings.add(at(v, i, Diagnostic.error(SpfCodes.SPF_INVALID_DOMAIN_SPEC,
            context(v) + "'" + written + "' names no valid domain: " + d.errors().get(0).message()
                + "; receivers return permerror when they reach it")
        .withEvidence(written)
        .withRemediation(fix(v, "Correct the domain name"))
        .withReference("RFC 7208 section 7.3")));
  }

  /** Creates the child node of an include or redirect and decides whether it can be fetched. */
  private void follow(Visit v, int i, Reach reach, MacroString spec, Set<DomainName> ancestors) {
    String written = v.written(i);
    boolean policy = v.policy && reach == Reach.REDIRECT;
    if (nodeCount >= SpfAuditor.MAX_TREE_NODES) {
      cut = true;
      return;
    }
    nodeCount++;
    Visit c;
    if (spec.hasMacros()) {
      c = new Visit(spec.toString(), Optional.empty(), reach, written, v.depth + 1, policy, v);
      c.fail(Status.NOT_FOLLOWED, "the target has macros and depends on each message");
      macroNote(v, i, written);
    } else {
      ParseResult<DomainName> d = parseLiteral(spec);
      if (d.value().isEmpty()) {
        c = new Visit(spec.toString(), Optional.empty(), reach, written, v.depth + 1, policy, v);
        c.fail(Status.NOT_FOLLOWED, "not a valid domain name");
        invalidName(v, i, written, d);
      } else {
        DomainName target = d.value().get();
        c = new Visit(target.toString(), d.value(), reach, written, v.depth + 1, policy, v);
        if (ancestors.contains(target)) {
          StringBuilder path = new StringBuilder();
          for (DomainName a : ancestors) {
            path.append(a).append(" -> ");
          }
          path.append(target);
          c.fail(Status.LOOP, "loops back to " + target + " (" + path + ")");
          findings.add(at(v, i, Diagnostic.error(SpfCodes.SPF_LOOP,
                  context(v) + "'" + written + "' loops back to " + target + ", which is already being evaluated ("
                      + path + "); receivers return permerror")
              .withEvidence(written)
              .withRemediation(fix(v, "Remove the term that closes the loop"))
              .withReference(reach == Reach.REDIRECT ? "RFC 7208 section 6.1" : "RFC 7208 section 5.2")));
        } else if (c.depth >= SpfAuditor.MAX_TREE_DEPTH) {
          c.fail(Status.NOT_FOLLOWED, "deeper than " + SpfAuditor.MAX_TREE_DEPTH + " levels");
          cut = true;
        }
      }
    }
    v.children.add(c);
    v.childAt.put(i, c);
  }

  private Resolved resolveHost(Visit v, String written, DomainName host, OptionalInt ip4, OptionalInt ip6) {
    DnsQuery qa = DnsQuery.of(host, RecordType.A);
    DnsQuery qaaaa = DnsQuery.of(host, RecordType.AAAA);
    issue(qa);
    issue(qaaaa);
    Optional<DnsOutcome> a = lookup(qa);
    Optional<DnsOutcome> aaaa = lookup(qaaaa);
    List<IpNetwork> nets = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Optional<DnsOutcome> o : List.of(a, aaaa)) {
      if (o.isEmpty()) {
        problems.add("addresses of " + host + " not looked up (" + budgetReason() + ")");
      } else if (o.get().isFailure()) {
        dnsError(v, written, o.get());
        problems.add("DNS error for " + o.get().query());
      } else {
        for (DnsRecord r : o.get().records()) {
          if (r instanceof ARecord ar) {
            nets.add(IpNetwork.of(ar.address(), ip4.orElse(32)));
          } else if (r instanceof AaaaRecord ar) {
            nets.add(IpNetwork.of(ar.address(), ip6.orElse(128)));
          }
        }
      }
    }
    if (a.isPresent() && aaaa.isPresent() && a.get().isVoid() && aaaa.get().isVoid()) {
      addVoid(qa, v, written, host + " has no A or AAAA records (" + a.get().kind().jsonName() + ")");
    }
    return new Resolved(nets, problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems)));
  }

  private Resolved resolveMx(Visit v, String written, DomainName target, OptionalInt ip4, OptionalInt ip6) {
    DnsQuery q = DnsQuery.of(target, RecordType.MX);
    Optional<DnsOutcome> o = lookup(q);
    if (o.isEmpty()) {
      return new Resolved(List.of(), Optional.of("MX of " + target + " not looked up (" + budgetReason() + ")"));
    }
    if (o.get().isFailure()) {
      dnsError(v, written, o.get());
      return new Resolved(List.of(), Optional.of("DNS error for " + q));
    }
    if (o.get().isVoid()) {
      addVoid(q, v, written, target + " has no MX records (" + o.get().kind().jsonName() + ")");
      return new Resolved(List.of(), Optional.empty());
    }
    List<MxRecord> mxs = new ArrayList<>(o.get().records(MxRecord.class));
    mxs.removeIf(m -> m.exchange().isRoot());
    mxs.sort(Comparator.comparingInt(MxRecord::preference));
    List<DomainName> hosts = mxs.stream().map(MxRecord::exchange).distinct().toList();
    if (hosts.size() > limits.maxMxNames()) {
      findings.add(Diagnostic.error(SpfCodes.SPF_TOO_MANY_MX,
              context(v) + "'" + written + "': " + target + " has " + hosts.size() + " MX names; receivers look up"
                  + " at most " + limits.maxMxNames() + " and return permerror beyond")
          .withEvidence(written)
          .withRemediation(fix(v, "Replace '" + written + "' with ip4/ip6 terms for the hosts that send mail"))
          .withReference(REF_LOOKUPS));
      return new Resolved(List.of(), Optional.of(target + " has too many MX names"));
    }
    for (DomainName h : hosts) {
      issue(DnsQuery.of(h, RecordType.A));
      issue(DnsQuery.of(h, RecordType.AAAA));
    }
    List<IpNetwork> nets = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (DomainName h : hosts) {
      Resolved r = resolveHost(v, written, h, ip4, ip6);
      nets.addAll(r.networks());
      r.problem().ifPresent(problems::add);
    }
    return new Resolved(nets, problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems)));
  }

  private void dnsError(Visit v, String written, DnsOutcome o) {
    findings.add(Diagnostic.warning(SpfCodes.SPF_DNS_ERROR,
            context(v) + "'" + written + "': DNS error for " + o.query() + ": " + describe(o)
                + "; receivers would return temperror")
        .withEvidence(written)
        .withRemediation("Usually temporary: re-run the audit. If it persists, check the name servers of "
            + o.query().name())
        .withReference("RFC 7208 section 5"));
  }

  private void addVoid(DnsQuery key, @Nullable Visit v, String written, String why) {
    if (voids.containsKey(key)) {
      return;
    }
    voids.put(key, written);
    String remedy = "Remove the term or correct the name; more than " + limits.maxVoidLookups()
        + " void lookups make receivers return permerror";
    findings.add(Diagnostic.warning(SpfCodes.SPF_VOID_LOOKUP,
            (v == null ? "" : context(v)) + "'" + written + "' is a void lookup: " + why)
        .withEvidence(written)
        .withRemediation(v == null ? remedy : fix(v, remedy))
        .withReference(REF_LOOKUPS));
  }

  // ---------------------------------------------------------------- published-record checks

  private void checkType99(Optional<DnsOutcome> outcome, Visit root) {
    if (outcome.isEmpty() || !outcome.get().isAnswer()) {
      return;
    }
    List<String> texts = outcome.get().records(TxtRecord.class).stream()
        .filter(t -> t.type() == RecordType.SPF).map(TxtRecord::text).toList();
    if (texts.isEmpty()) {
      return;
    }
    boolean differs = root.text.isPresent() && texts.stream().noneMatch(t -> t.equals(root.text.get()));
    findings.add(Diagnostic.warning(SpfCodes.SPF_TYPE99_PUBLISHED,
            domain + " publishes a record of the obsolete DNS type SPF (99); receivers only read TXT records"
                + (differs ? ", and it differs from the TXT record audited here" : ""))
        .withEvidence(abbreviate(String.join("\n", texts)))
        .withRemediation("Delete the type-SPF record; keep the policy in a single TXT record")
        .withReference("RFC 7208 section 3.1"));
  }

  /** Estimates the size of the UDP response to a TXT question at the domain (RFC 7208 section 3.4). */
  private void checkAnswerSize(DnsOutcome txt, Optional<List<String>> replacement) {
    List<List<String>> rrs = new ArrayList<>();
    for (TxtRecord r : txt.records(TxtRecord.class)) {
      if (r.type() != RecordType.TXT) {
        continue;
      }
      if (replacement.isPresent() && SpfRecord.isSpfRecord(r.text())) {
        continue;
      }
      rrs.add(r.strings());
    }
    replacement.ifPresent(rrs::add);
    if (rrs.isEmpty()) {
      return;
    }
    long size = 12 + wireLength(domain) + 4;
    for (List<String> strings : rrs) {
      size += 2 + 10;
      for (String s : strings) {
        int octets = utf8Length(s);
        size += octets + Math.max(1, (octets + MAX_STRING_OCTETS - 1) / MAX_STRING_OCTETS);
      }
    }
    if (size > UDP_LIMIT) {
      findings.add(Diagnostic.warning(SpfCodes.SPF_ANSWER_TOO_LARGE,
              "the TXT answer at " + domain + " is about " + size + " bytes (" + rrs.size()
                  + " TXT records" + (replacement.isPresent() ? " with the proposed record" : "")
                  + "), over the " + UDP_LIMIT + " bytes of classic DNS over UDP; some resolvers then fail over TCP"
                  + " or time out, giving temperror")
          .withEvidence(size + " bytes in " + rrs.size() + " TXT records")
          .withRemediation("Shorten the SPF record and remove TXT records that are no longer needed (old site"
              + " verification tokens) at " + domain)
          .withReference("RFC 7208 section 3.4"));
    }
  }

  private static long wireLength(DomainName name) {
    long n = 1;
    for (String label : name.labels()) {
      n += 1 + label.length();
    }
    return n;
  }

  // ---------------------------------------------------------------- the result

  private SpfAudit finish(Visit root) {
    SpfIncludeTree.Node rootNode = toNode(root);
    boolean complete = !cut && !timeExhausted && !queriesExhausted && fullyFollowed(root);
    SpfIncludeTree tree = new SpfIncludeTree(rootNode, complete);
    int worst = tree.worstCaseLookups();
    if (root.record.isPresent()) {
      lookupFindings(root, worst);
      voidFindings();
      duplicateIncludes(root);
      SpfAuditRanges.check(root, findings);
    }
    if (timeExhausted) {
      findings.add(Diagnostic.warning(SpfCodes.SPF_TIME_BUDGET,
              "the audit ran out of its time budget of " + limits.totalTimeBudget().toMillis()
                  + " ms; parts of the tree were not fetched, so counts are lower bounds")
          .withRemediation("Re-run the audit, or raise Limits.totalTimeBudget")
          .withReference(REF_LOOKUPS));
    }
    if (cut || queriesExhausted) {
      findings.add(Diagnostic.warning(SpfCodes.SPF_AUDIT_INCOMPLETE,
              "the include tree is too large to audit in full (limits: " + SpfAuditor.MAX_TREE_NODES + " nodes, "
                  + SpfAuditor.MAX_TREE_DEPTH + " levels, " + SpfAuditor.MAX_DNS_QUERIES
                  + " DNS questions); the lookup count is a lower bound")
          .withRemediation("Simplify the policy: a tree this large is far over the lookup limit")
          .withReference(REF_LOOKUPS));
    }
    Optional<SpfFlattening> flattening = Optional.empty();
    Optional<String> suggestion = Optional.empty();
    if (root.record.isPresent()) {
      SpfFlattener f = new SpfFlattener(root, domain, limits);
      flattening = Optional.of(f.flattening());
      if (worst > limits.maxDnsLookups()) {
        suggestion = Optional.of(f.suggestion(worst));
      }
    }
    return new SpfAudit(domain, proposed.isPresent() ? SpfAudit.Source.PROPOSED : SpfAudit.Source.PUBLISHED,
        root.text, root.record,
        findings.finish(), tree, worst, voids.size(), flattening, suggestion);
  }

  private static boolean fullyFollowed(Visit v) {
    if (v.status == Status.NOT_FOLLOWED || v.status == Status.DNS_ERROR) {
      return false;
    }
    for (Visit c : v.children) {
      if (!fullyFollowed(c)) {
        return false;
      }
    }
    return true;
  }

  private static SpfIncludeTree.Node toNode(Visit v) {
    List<SpfIncludeTree.Node> children = new ArrayList<>(v.children.size());
    for (Visit c : v.children) {
      children.add(toNode(c));
    }
    return SpfIncludeTree.Node.of(v.name, v.domain, v.reach, v.term, v.text, v.status, v.detail, v.own,
        children);
  }

  private void lookupFindings(Visit root, int worst) {
    int limit = limits.maxDnsLookups();
    String breakdown = breakdown(root);
    if (worst > limit) {
      findings.add(Diagnostic.error(SpfCodes.SPF_TOO_MANY_LOOKUPS,
              "the policy needs up to " + worst + " DNS-querying terms in the worst case (" + breakdown
                  + "); receivers stop at " + limit + " and return permerror, so SPF fails for senders listed late")
          .withEvidence(abbreviate(root.text.orElse("")))
          .withRemediation("Remove includes of services you no longer use, replace a/mx with ip4/ip6 where the"
              + " addresses are yours, or flatten heavy includes (see the flattening suggestion)")
          .withReference(REF_LOOKUPS));
    } else if (worst > 0 && worst >= limit - 2) {
      findings.add(Diagnostic.warning(SpfCodes.SPF_LOOKUPS_NEAR_LIMIT,
              "the policy needs up to " + worst + " of the " + limit + " DNS-querying terms allowed (" + breakdown
                  + "); one more include, or a provider adding one, breaks it")
          .withEvidence(abbreviate(root.text.orElse("")))
          .withRemediation("Keep headroom: remove unused includes, or replace a/mx with ip4/ip6 where the"
              + " addresses are yours")
          .withReference(REF_LOOKUPS));
    }
  }

  /** Describes where the lookups go: the root's own terms and each direct child's subtree. */
  private static String breakdown(Visit root) {
    StringBuilder sb = new StringBuilder();
    int direct = root.own;
    sb.append(direct).append(" in the record itself");
    List<Visit> heavy = new ArrayList<>(root.children);
    heavy.removeIf(c -> c.total() == 0);
    heavy.sort(Comparator.comparingInt(Visit::total).reversed());
    for (Visit c : heavy) {
      sb.append(", ").append(c.total()).append(" under ").append(c.term);
    }
    return sb.toString();
  }

  private void voidFindings() {
    if (voids.size() > limits.maxVoidLookups()) {
      findings.add(Diagnostic.error(SpfCodes.SPF_TOO_MANY_VOID_LOOKUPS,
              voids.size() + " lookups return no answer (NXDOMAIN or NODATA); receivers return permerror after "
                  + limits.maxVoidLookups())
          .withEvidence(abbreviate(String.join(" ", new LinkedHashSet<>(voids.values()))))
          .withRemediation("Remove or correct the terms whose names do not exist or have no records")
          .withReference(REF_LOOKUPS));
    }
  }

  private void duplicateIncludes(Visit root) {
    Map<DomainName, List<Visit>> seen = new LinkedHashMap<>();
    List<Visit> todo = new ArrayList<>(root.children);
    while (!todo.isEmpty()) {
      Visit v = todo.remove(todo.size() - 1);
      if (v.status != Status.LOOP && v.domain.isPresent()) {
        seen.computeIfAbsent(v.domain.get(), k -> new ArrayList<>()).add(v);
      }
      todo.addAll(v.children);
    }
    for (Map.Entry<DomainName, List<Visit>> e : seen.entrySet()) {
      List<Visit> vs = e.getValue();
      if (vs.size() < 2) {
        continue;
      }
      vs.sort(Comparator.comparingInt(x -> x.depth));
      boolean ownFault = vs.stream().anyMatch(x -> x.parent == root);
      Set<String> parents = new LinkedHashSet<>();
      for (Visit x : vs) {
        parents.add(x.parent == null ? "?" : x.parent.name);
      }
      int cost = vs.get(0).total();
      Diagnostic d = Diagnostic.of(SpfCodes.SPF_DUPLICATE_INCLUDE, ownFault ? Severity.WARNING : Severity.INFO,
              e.getKey() + " is reached " + vs.size() + " times (from " + String.join(", ", parents)
                  + "); its lookups are spent each time" + (cost > 0 ? " (" + cost + " each)" : ""))
          .withEvidence(vs.get(0).term)
          .withRemediation(ownFault ? "Remove the direct '" + vs.get(0).term + "': another include already covers it"
              : "No action needed unless the policy is near the lookup limit")
          .withReference(REF_LOOKUPS);
      findings.add(d);
    }
  }

  // ---------------------------------------------------------------- DNS within the budget

  /** Starts a question unless it was asked already or a budget is spent; returns its future or null. */
  private @Nullable CompletableFuture<DnsOutcome> issue(DnsQuery q) {
    CompletableFuture<DnsOutcome> f = asked.get(q);
    if (f != null) {
      return f;
    }
    if (timeExhausted || System.nanoTime() - deadline >= 0) {
      timeExhausted = true;
      return null;
    }
    if (asked.size() >= SpfAuditor.MAX_DNS_QUERIES) {
      queriesExhausted = true;
      return null;
    }
    try {
      f = resolver.resolve(q).toCompletableFuture();
    } catch (RuntimeException e) {
      f = CompletableFuture.completedFuture(new DnsOutcome.ServFail(q, List.of(), "resolver failed: " + e));
    }
    asked.put(q, f);
    return f;
  }

  /** Waits for an answer, bounded by the query timeout and the audit's deadline; empty when not asked. */
  private Optional<DnsOutcome> lookup(DnsQuery q) {
    CompletableFuture<DnsOutcome> f = issue(q);
    if (f == null) {
      return Optional.empty();
    }
    DnsOutcome o;
    try {
      if (f.isDone()) {
        o = f.getNow(null);
      } else {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          timeExhausted = true;
          return Optional.empty();
        }
        long wait = Math.min(remaining, limits.queryTimeout().toNanos());
        o = f.get(wait, TimeUnit.NANOSECONDS);
      }
    } catch (TimeoutException e) {
      if (deadline - System.nanoTime() <= 0) {
        timeExhausted = true;
        return Optional.empty();
      }
      o = new DnsOutcome.Timeout(q, List.of(), limits.queryTimeout(),
          "no answer within " + limits.queryTimeout().toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      timeExhausted = true;
      return Optional.empty();
    } catch (ExecutionException | CancellationException | java.util.concurrent.CompletionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      o = new DnsOutcome.ServFail(q, List.of(), "resolver failed: " + cause);
    }
    if (o == null) {
      o = new DnsOutcome.ServFail(q, List.of(), "resolver returned no outcome");
    }
    return Optional.of(o);
  }

  private String budgetReason() {
    if (timeExhausted) {
      return "time budget of " + limits.totalTimeBudget().toMillis() + " ms spent";
    }
    if (queriesExhausted) {
      return "more than " + SpfAuditor.MAX_DNS_QUERIES + " DNS questions";
    }
    return "audit limits reached";
  }

  static String describe(DnsOutcome o) {
    return switch (o.kind()) {
      case SERVFAIL -> "SERVFAIL (" + ((DnsOutcome.ServFail) o).detail() + ")";
      case REFUSED -> "REFUSED (" + ((DnsOutcome.Refused) o).detail() + ")";
      case TIMEOUT -> "timeout (" + ((DnsOutcome.Timeout) o).detail() + ")";
      default -> o.kind().jsonName();
    };
  }

  // ---------------------------------------------------------------- helpers

  /** Returns the domain of a domain-spec without macros, if it is a valid name. */
  static Optional<DomainName> literal(MacroString spec) {
    return spec.hasMacros() ? Optional.empty() : parseLiteral(spec).value();
  }

  /** Parses a domain-spec without macros as receivers would expand it (RFC 7208 section 7.3). */
  static ParseResult<DomainName> parseLiteral(MacroString spec) {
    String expanded = MacroString.lookupName(spec.expand(letter -> ""));
    return DomainName.parse(expanded);
  }

  /** Returns the message prefix naming the record a finding is about; empty for the audited record. */
  static String context(Visit v) {
    if (v.isRoot()) {
      return "";
    }
    Visit p = v.parent;
    return "In " + v.name + " (" + (v.reach == Reach.REDIRECT ? "redirect" : "include") + " from "
        + (p == null ? "?" : p.name) + "): ";
  }

  /** Adds the context prefix to a finding about a node other than the root. */
  private static Diagnostic ctx(@Nullable Visit v, Diagnostic d) {
    if (v == null || v.isRoot()) {
      return d;
    }
    return new Diagnostic(d.code(), d.severity(), context(v) + d.message(), d.evidence(), d.remediation(),
        d.reference(), d.span());
  }

  /** Returns the remediation, with a note for records the domain owner may not control. */
  static String fix(Visit v, String remediation) {
    if (v.isRoot() || (v.policy && v.reach == Reach.REDIRECT)) {
      return remediation;
    }
    return (remediation.isEmpty() ? "" : remediation + ". ") + "This record belongs to " + v.name
        + "; if you do not run it, ask its operator, or stop including it";
  }

  /** Points a finding about term {@code index} of the audited record at that term. */
  private static Diagnostic at(Visit v, int index, Diagnostic d) {
    return v.isRoot() ? d.at(v.record.orElseThrow().spanOf(index)) : d;
  }

  static String abbreviate(String s) {
    return Excerpt.counted(s, EVIDENCE_LIMIT);
  }

  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        n++; // an unpaired surrogate encodes as '?', as String.getBytes does
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** Collects findings, keeping at most {@code cap} of each code and noting how many were dropped. */
  static final class Findings {
    private final int cap;
    private final List<Diagnostic> list = new ArrayList<>();
    private final Map<DiagnosticCode, Integer> counts = new HashMap<>();
    private final Map<DiagnosticCode, Integer> dropped = new LinkedHashMap<>();

    Findings(int cap) {
      this.cap = cap;
    }

    void add(Diagnostic d) {
      int n = counts.merge(d.code(), 1, Integer::sum);
      if (n > cap) {
        dropped.merge(d.code(), 1, Integer::sum);
      } else {
        list.add(d);
      }
    }

    /** Returns whether further findings of {@code code} would be dropped. */
    boolean isFull(DiagnosticCode code) {
      return counts.getOrDefault(code, 0) >= cap;
    }

    /** Counts a finding of {@code code} that was not built because the code is full. */
    void drop(DiagnosticCode code) {
      counts.merge(code, 1, Integer::sum);
      dropped.merge(code, 1, Integer::sum);
    }

    List<Diagnostic> finish() {
      List<Diagnostic> out = new ArrayList<>(list);
      dropped.forEach((code, n) -> out.add(Diagnostic.info(SpfCodes.SPF_AUDIT_INCOMPLETE,
              n + " more " + code + " finding(s) were left out (at most " + cap + " per code)")
          .withRemediation("Fix the findings shown, then audit again")
          .withReference("RFC 7208")));
      EnumMap<Severity, List<Diagnostic>> bySeverity = new EnumMap<>(Severity.class);
      for (Diagnostic d : out) {
        bySeverity.computeIfAbsent(d.severity(), k -> new ArrayList<>()).add(d);
      }
      List<Diagnostic> sorted = new ArrayList<>(out.size());
      bySeverity.values().forEach(sorted::addAll);
      return sorted;
    }
  }

}
