package io.maildiag.headers.report;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.internal.ByteOrderMark;
import io.maildiag.core.internal.LowerCase;
import io.maildiag.core.internal.MessageStart;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.dmarc.AuthorDomain;
import io.maildiag.dns.dmarc.DiscoveryMode;
import io.maildiag.dns.dmarc.DkimOutcome;
import io.maildiag.dns.dmarc.DmarcEvaluator;
import io.maildiag.dns.dmarc.DmarcInput;
import io.maildiag.dns.dmarc.DmarcResult;
import io.maildiag.dns.dmarc.DmarcVerdict;
import io.maildiag.dns.dmarc.PublicSuffixList;
import io.maildiag.dns.dmarc.SpfOutcome;
import io.maildiag.dns.spf.SpfResult;
import io.maildiag.headers.HeaderField;
import io.maildiag.headers.HeaderSection;
import io.maildiag.headers.antispam.AntispamHeaders;
import io.maildiag.headers.antispam.ForefrontAntispamReport;
import io.maildiag.headers.auth.AuthMethod;
import io.maildiag.headers.auth.AuthResult;
import io.maildiag.headers.auth.AuthResultValue;
import io.maildiag.headers.auth.AuthenticationResults;
import io.maildiag.headers.auth.ReceivedSpf;
import io.maildiag.headers.dkim.ArcResult;
import io.maildiag.headers.dkim.ArcValidation;
import io.maildiag.headers.dkim.ArcVerifier;
import io.maildiag.headers.dkim.DkimSignature;
import io.maildiag.headers.dkim.DkimSignatureResult;
import io.maildiag.headers.dkim.DkimVerification;
import io.maildiag.headers.dkim.DkimVerifier;
import io.maildiag.headers.received.ReceivedHop;
import io.maildiag.headers.received.ReceivedTimeline;
import io.maildiag.headers.received.TimelineOptions;
import io.maildiag.headers.report.ConsistencyCheck.Alignment;
import io.maildiag.headers.report.ConsistencyCheck.Kind;
import io.maildiag.headers.report.ConsistencyCheck.Outcome;
import io.maildiag.headers.report.DmarcJudgement.Agreement;
import io.maildiag.headers.report.DmarcJudgement.DkimSource;
import io.maildiag.headers.report.DmarcJudgement.SpfSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a whole message header into a {@link HeaderReport}: the Received timeline, the
 * authentication verdicts (and, with a resolver, DKIM and ARC verified again), the anti-spam
 * verdicts, and checks that these parts agree with each other.
 *
 * <pre>{@code
 * HeaderAnalyzer analyzer = HeaderAnalyzer.builder().resolver(DnsResolver.system()).build();
 * HeaderReport report = analyzer.analyze(Files.readAllBytes(Path.of("message.eml")));
 * report.timeline().slowestHop();          // where the message waited longest
 * report.authentication().dkim();          // Optional[DkimVerification]: one result per signature
 * report.has(ReportCodes.HEADERS_DKIM_NOT_ALIGNED);
 * report.dmarc().flatMap(DmarcJudgement::result);   // Optional[PASS]: DMARC judged again
 * }</pre>
 *
 * <p>The consistency checks:
 *
 * <ul>
 *   <li><b>Connecting IP</b>: Microsoft 365 records the IP that connected to it as {@code CIP:} in
 *       X-Forefront-Antispam-Report. It should be the client IP of the hop at which the message
 *       crossed into the receiving organisation ({@link ReceivedTimeline#crossingHop()}); if not,
 *       {@link ReportCodes#HEADERS_CIP_MISMATCH}.
 *   <li><b>Return-Path</b>: the domain of {@code smtp.mailfrom} in the newest (non-original)
 *       Authentication-Results, the envelope sender the receiver checked, should be the domain of
 *       Return-Path, the envelope sender at final delivery; if not, {@link
 *       ReportCodes#HEADERS_RETURN_PATH_MISMATCH}.
 *   <li><b>DKIM alignment</b>: the signing domains ({@code d=}) against the From domain. With a
 *       resolver, the domains of the signatures that verified count (all signatures' domains when
 *       none verified); without one, the {@code header.d} of {@code dkim=pass} results in the newest
 *       Authentication-Results, failing those the {@code d=} of every DKIM-Signature. The best
 *       alignment counts; when none is even relaxed, {@link ReportCodes#HEADERS_DKIM_NOT_ALIGNED}.
 *   <li><b>SPF alignment</b>: the {@code smtp.mailfrom} domain (or, failing it, Received-SPF's
 *       {@code envelope-from}) against the From domain; when not even relaxed, {@link
 *       ReportCodes#HEADERS_SPF_NOT_ALIGNED}. Alignment is about domains only; whether SPF passed is
 *       in the verdicts.
 * </ul>
 *
 * <p><b>DMARC</b>, with a resolver only, is judged again with {@link DmarcEvaluator} (discovery
 * mode and list from the builder) into {@link HeaderReport#dmarc()}:
 *
 * <ul>
 *   <li>The author domain comes from {@link AuthorDomain#fromHeaders} over every From field: no
 *       From, several From fields, several mailboxes, group syntax or no usable domain give {@link
 *       ReportCodes#HEADERS_AUTHOR_DOMAIN_INVALID} (one per problem) and no verdict.
 *   <li>SPF is not checked again (the connecting IP and HELO are not reliably known): the {@code
 *       spf=} result of the newest (non-original) Authentication-Results with the domain of its
 *       {@code smtp.mailfrom} is used; failing that, the topmost Received-SPF with its {@code
 *       envelope-from}. {@code hardfail} counts as {@code fail}; a result without such a domain, or
 *       with another keyword, is not used. The HELO identity is never used.
 *   <li>DKIM: when DKIM was verified again (always, with a resolver) the outcome of each signature
 *       with a readable {@code d=} (so a broken or missing key counts against DMARC even if the
 *       receiver saw a pass at delivery); otherwise the {@code dkim=} results of the newest
 *       Authentication-Results that have {@code header.d}. {@code policy} counts as {@code fail}.
 *   <li>The result is compared with the {@code dmarc=} of the newest Authentication-Results
 *       ({@code bestguesspass}, Microsoft's pass without a record, counts as {@code none}; other
 *       unknown keywords and a {@code temperror} on either side are not compared); a difference is
 *       {@link ReportCodes#HEADERS_DMARC_DISAGREES}. The receiver judged at delivery; records, keys
 *       and the message may have changed since, and receivers apply local policy (overrides, ARC),
 *       so a disagreement is a hint, not proof. A {@code fail} is {@link ReportCodes#HEADERS_DMARC_FAIL}.
 *       The evaluator's own findings (record syntax, lookups) are added too.
 *   <li>The heuristic SPF and DKIM alignment checks above stay as they are: they need no DNS.
 * </ul>
 *
 * <p>Alignment is <em>strict</em> when the domains are equal and <em>relaxed</em> when they share
 * the organisational domain, which this class guesses as the last two labels of a name (a
 * heuristic, not the Public Suffix List: {@code a.example.co.uk} and {@code b.example.co.uk} count as
 * aligned through {@code co.uk}, and are not told apart from unrelated {@code co.uk} domains).
 *
 * <p>{@link #analyze(byte[])} never throws on the message: everything wrong with it is a finding. It
 * respects the {@link Limits} given (header size and field count, hops read, input size for DKIM and
 * ARC), and its DNS lookups through the resolver (DKIM and ARC keys, DMARC records) all share one
 * {@link Limits#totalTimeBudget()}: once it is spent, a key not yet looked up is a timeout (a DKIM
 * temperror), however many signatures the message carries. Immutable and safe for concurrent use.
 *
 * @since 0.1
 */
public final class HeaderAnalyzer {

  /**
   * An address and its domain (group 1); read by hand ({@link #addressDomainText}), the pattern kept
   * as its definition: tried from every character of a long run without an {@code @}, it took time
   * quadratic in the run's length.
   */
  static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"(),;:@\\[\\]]+@([A-Za-z0-9._-]+)");
  private static final Set<AuthMethod> VERDICT_METHODS =
      Set.of(AuthMethod.SPF, AuthMethod.DKIM, AuthMethod.DMARC, AuthMethod.ARC, AuthMethod.COMPAUTH);
  private static final Set<AuthResultValue> FAILING =
      Set.of(AuthResultValue.FAIL, AuthResultValue.SOFTFAIL, AuthResultValue.PERMERROR,
          AuthResultValue.TEMPERROR, AuthResultValue.HARDFAIL);

  private final @Nullable DnsResolver resolver;
  private final Clock clock;
  private final Limits limits;
  private final DiscoveryMode dmarcMode;
  private final @Nullable PublicSuffixList publicSuffixList;

  private HeaderAnalyzer(Builder b) {
    this.resolver = b.resolver;
    this.clock = b.clock;
    this.limits = b.limits;
    this.dmarcMode = b.dmarcMode;
    this.publicSuffixList = b.publicSuffixList;
    verifiers(); // checks the settings now (a PSL mode without a list), not at the first message
  }

  /** The verifiers of one analysis, which share its time budget. */
  private record Verifiers(DkimVerifier dkim, ArcVerifier arc, DmarcEvaluator dmarc) {}

  /**
   * The verifiers of one analysis, looking up through the resolver within {@link
   * Limits#totalTimeBudget()} in all ({@link BudgetedResolver}); null without a resolver.
   */
  private @Nullable Verifiers verifiers() {
    if (resolver == null) {
      return null;
    }
    DnsResolver budgeted = new BudgetedResolver(resolver, limits.totalTimeBudget());
    DmarcEvaluator.Builder dmarc = DmarcEvaluator.builder().resolver(budgeted).mode(dmarcMode).limits(limits);
    if (publicSuffixList != null) {
      dmarc.publicSuffixList(publicSuffixList);
    }
    return new Verifiers(DkimVerifier.builder().resolver(budgeted).clock(clock).limits(limits).build(),
        ArcVerifier.builder().resolver(budgeted).clock(clock).limits(limits).build(), dmarc.build());
  }

  /** Returns a builder: no resolver (no DKIM or ARC verification), the system clock, default limits. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns whether this analyzer verifies DKIM and ARC and judges DMARC (it has a resolver). */
  public boolean verifies() {
    return resolver != null;
  }

  /**
   * Analyses a message. A message saved by an editor with a byte order mark first (as "save as
   * Unicode text" writes pasted headers, or Notepad's UTF-8) is analysed as the UTF-8 bytes of the
   * same text without the mark, with {@link ReportCodes#HEADERS_BYTE_ORDER_MARK} first among the
   * findings (a warning for UTF-16 text, an info for a UTF-8 mark). Empty lines before the header
   * section, as pasted headers often have, are left out ({@link MessageStart#afterEmptyLines}), with
   * a {@link ReportCodes#HEADERS_LEADING_EMPTY_LINES} info.
   *
   * @param message the message as received (header section, empty line, body), or its header
   *     section alone (DKIM body hashes then fail)
   * @return the report; never null
   */
  public HeaderReport analyze(byte[] message) {
    Objects.requireNonNull(message, "message");
    List<Diagnostic> findings = new ArrayList<>();
    Optional<String> mark = ByteOrderMark.encoding(message, message.length);
    byte[] bytes = ByteOrderMark.toUtf8(message, message.length).orElse(message);
    mark.ifPresent(encoding -> findings.add(ByteOrderMark.diagnostic(ReportCodes.HEADERS_BYTE_ORDER_MARK, encoding)));
    int start = MessageStart.afterEmptyLines(bytes, bytes.length);
    if (start > 0) {
      bytes = Arrays.copyOfRange(bytes, start, bytes.length);
      findings.add(MessageStart.diagnostic(ReportCodes.HEADERS_LEADING_EMPTY_LINES));
    }
    ParseResult<HeaderSection> parsed = HeaderSection.parse(bytes, limits);
    HeaderSection headers = parsed.value().orElse(HeaderSection.empty());
    findings.addAll(parsed.diagnostics());

    ReceivedTimeline timeline = ReceivedTimeline.of(headers, TimelineOptions.defaults().withLimits(limits));
    findings.addAll(timeline.findings());
    AntispamHeaders antispam = AntispamHeaders.of(headers);
    findings.addAll(antispam.diagnostics());

    Verifiers verifiers = verifiers();
    AuthenticationVerdicts auth = authentication(headers, bytes, verifiers);
    authFindings(auth, findings);

    Optional<DomainName> fromDomain = headers.first("From").flatMap(f -> addressDomain(f.unfoldedValue()));
    Optional<String> mailFrom = newest(auth).flatMap(r -> r.first(AuthMethod.SPF))
        .flatMap(r -> r.property("smtp.mailfrom"));
    List<ConsistencyCheck> checks = new ArrayList<>();
    checks.add(connectingIp(timeline, antispam, findings));
    checks.add(returnPath(headers, mailFrom, findings));
    checks.add(dkimAlignment(headers, auth, fromDomain, findings));
    Optional<String> spfIdentity = mailFrom.or(() -> auth.receivedSpf().flatMap(ReceivedSpf::envelopeFrom));
    checks.add(spfAlignment(spfIdentity, fromDomain, findings));

    Optional<DmarcJudgement> dmarc = verifiers == null ? Optional.empty()
        : Optional.of(dmarc(verifiers.dmarc(), headers, auth, findings));

    HeaderSummary summary = new HeaderSummary(
        display(headers, "Subject"), display(headers, "From"), display(headers, "To"),
        display(headers, "Date"), display(headers, "Message-ID"));
    return new HeaderReport(headers, summary, timeline, auth, antispam, checks, findings, dmarc);
  }

  private AuthenticationVerdicts authentication(HeaderSection headers, byte[] message,
      @Nullable Verifiers verifiers) {
    List<AuthResultsField> fields = new ArrayList<>();
    for (HeaderField f : headers.fields()) {
      boolean original = f.nameIs(AuthenticationResults.ORIGINAL_FIELD_NAME);
      if (original || f.nameIs(AuthenticationResults.FIELD_NAME)) {
        ParseResult<AuthenticationResults> p = AuthenticationResults.parse(f.rawValue());
        fields.add(new AuthResultsField(f.name(), original, p.value(), p.diagnostics()));
      }
    }
    Optional<ReceivedSpf> spf = headers.first("Received-SPF").flatMap(f -> ReceivedSpf.parse(f.rawValue()).value());
    Optional<DkimVerification> dkim = Optional.empty();
    Optional<ArcValidation> arc = Optional.empty();
    if (verifiers != null) {
      dkim = Optional.of(verifiers.dkim().verify(message));
      arc = Optional.of(verifiers.arc().validate(message));
    }
    return new AuthenticationVerdicts(fields, spf, dkim, arc);
  }

  /** The newest Authentication-Results that is not an -Original copy. */
  private static Optional<AuthenticationResults> newest(AuthenticationVerdicts auth) {
    return auth.authenticationResults().stream().filter(f -> !f.original())
        .flatMap(f -> f.results().stream()).findFirst();
  }

  private static void authFindings(AuthenticationVerdicts auth, List<Diagnostic> findings) {
    if (auth.authenticationResults().stream().noneMatch(f -> !f.original())) {
      findings.add(Diagnostic.info(ReportCodes.HEADERS_NO_AUTH_RESULTS,
          "the header has no Authentication-Results field: the receiving system recorded no SPF, DKIM"
              + " or DMARC verdicts (or removed them)"));
    }
    newest(auth).ifPresent(ar -> {
      for (AuthResult r : ar.results()) {
        if (VERDICT_METHODS.contains(r.knownMethod()) && FAILING.contains(r.value())) {
          findings.add(Diagnostic.warning(ReportCodes.HEADERS_AUTH_RESULT_FAIL,
              ar.authservId().map(id -> id + " recorded ").orElse("the receiver recorded ")
                  + r.method() + "=" + r.result() + r.reason().map(x -> " (" + x + ")").orElse(""))
              .withEvidence(r.toString()));
        }
      }
    });
    auth.dkim().ifPresent(v -> {
      for (DkimSignatureResult s : v.signatures()) {
        if (!s.isPass()) {
          findings.add(Diagnostic.warning(ReportCodes.HEADERS_DKIM_FAIL,
              "DKIM signature " + signatureLabel(s) + ": " + s.result().rfcName()
                  + s.failure().map(f -> " (" + f.message() + ")").orElse(""))
              .withEvidence(s.failure().map(f -> f.reason().name()).orElse(s.result().rfcName())));
        }
        findings.addAll(s.findings());
      }
      findings.addAll(v.diagnostics());
    });
    auth.arc().ifPresent(a -> {
      if (a.result() == ArcResult.FAIL) {
        findings.add(Diagnostic.warning(ReportCodes.HEADERS_ARC_FAIL,
            "the ARC chain failed" + a.failure().map(f -> ": " + f.message()).orElse("")));
      }
    });
  }

  private static DmarcJudgement dmarc(DmarcEvaluator evaluator, HeaderSection headers, AuthenticationVerdicts auth,
      List<Diagnostic> findings) {
    Optional<AuthenticationResults> newest = newest(auth);
    Optional<AuthResult> receiver = newest.flatMap(ar -> ar.first(AuthMethod.DMARC));
    Optional<String> authservId = receiver.isPresent() ? newest.flatMap(AuthenticationResults::authservId)
        : Optional.empty();

    // SPF: the newest Authentication-Results, else Received-SPF.
    Optional<SpfOutcome> spf = newest.flatMap(ar -> ar.first(AuthMethod.SPF)).flatMap(r -> {
      Optional<SpfResult> result = spfResult(r.value());
      Optional<DomainName> domain = r.property("smtp.mailfrom").flatMap(HeaderAnalyzer::identityDomain);
      return result.isPresent() && domain.isPresent()
          ? Optional.of(new SpfOutcome(result.get(), domain.get())) : Optional.empty();
    });
    SpfSource spfSource = SpfSource.AUTHENTICATION_RESULTS;
    if (spf.isEmpty()) {
      spf = auth.receivedSpf().flatMap(r -> r.envelopeFrom().flatMap(HeaderAnalyzer::identityDomain)
          .map(d -> new SpfOutcome(r.result(), d)));
      spfSource = spf.isPresent() ? SpfSource.RECEIVED_SPF : SpfSource.NONE;
    }

    // DKIM: our own verification, else the newest Authentication-Results.
    List<DkimOutcome> dkim = new ArrayList<>();
    DkimSource dkimSource;
    if (auth.dkim().isPresent()) {
      dkimSource = DkimSource.VERIFIED;
      for (DkimSignatureResult s : auth.dkim().get().signatures()) {
        s.domain().ifPresent(d -> dkim.add(new DkimOutcome(dkimResult(s.result()), d)));
      }
    } else {
      dkimSource = DkimSource.AUTHENTICATION_RESULTS;
      newest.ifPresent(ar -> {
        for (AuthResult r : ar.results(AuthMethod.DKIM)) {
          Optional<io.maildiag.dns.dmarc.DkimResult> result = dkimResult(r.value());
          Optional<DomainName> domain = r.property("header.d").flatMap(HeaderAnalyzer::domain);
          if (result.isPresent() && domain.isPresent()) {
            dkim.add(new DkimOutcome(result.get(), domain.get()));
          }
        }
      });
    }

    List<String> fromValues = headers.all("From").stream().map(HeaderField::unfoldedValue).toList();
    ParseResult<DomainName> author = AuthorDomain.fromHeaders(fromValues);
    if (author.value().isEmpty()) {
      for (Diagnostic d : author.diagnostics()) {
        findings.add(new Diagnostic(ReportCodes.HEADERS_AUTHOR_DOMAIN_INVALID, io.maildiag.core.Severity.WARNING,
            "DMARC not judged: " + d.message(), Optional.of(d.code().value()), d.remediation(), d.reference(),
            d.span()));
      }
      return new DmarcJudgement(Optional.empty(), author.diagnostics(), spf, spfSource, dkim, dkimSource,
          Optional.empty(), receiver, authservId, Agreement.NOT_COMPARED);
    }
    DomainName from = author.value().get();
    DmarcVerdict verdict = evaluator.evaluate(new DmarcInput(from, spf, dkim));
    findings.addAll(verdict.findings());
    if (verdict.result() == DmarcResult.FAIL) {
      String policy = verdict.policy().map(p -> verdict.policySource().map(s -> s.name().toLowerCase(Locale.ROOT))
          .orElse("p") + "=" + p.tagValue()).orElse("no policy");
      findings.add(Diagnostic.warning(ReportCodes.HEADERS_DMARC_FAIL,
              "DMARC fails for " + from + ": no SPF or DKIM pass is aligned with it (" + policy
                  + ", disposition " + verdict.disposition().tagValue() + ")")
          .withEvidence(String.join("; ", verdict.reasons()))
          .withReference("RFC 9989 section 4.8"));
    }
    Agreement agreement = Agreement.NOT_COMPARED;
    Optional<DmarcResult> theirs = receiver.flatMap(r -> receiverResult(r.result()));
    if (theirs.isPresent() && theirs.get() != DmarcResult.TEMPERROR && verdict.result() != DmarcResult.TEMPERROR) {
      agreement = theirs.get() == verdict.result() ? Agreement.AGREES : Agreement.DISAGREES;
    }
    if (agreement == Agreement.DISAGREES) {
      findings.add(Diagnostic.warning(ReportCodes.HEADERS_DMARC_DISAGREES,
              authservId.map(id -> id + " recorded ").orElse("the receiver recorded ") + "dmarc="
                  + receiver.get().result() + " but mail-diag judges dmarc=" + verdict.result().rfcName() + " for "
                  + from + " (SPF from " + spfSource.name().toLowerCase(Locale.ROOT).replace('_', '-')
                  + ", DKIM " + (dkimSource == DkimSource.VERIFIED ? "verified again" : "from Authentication-Results")
                  + "): the DMARC record, a DKIM key or the message may have changed since delivery,"
                  + " or the receiver applies local policy")
          .withEvidence(receiver.get().toString()));
    }
    return new DmarcJudgement(Optional.of(from), List.of(), spf, spfSource, dkim, dkimSource, Optional.of(verdict),
        receiver, authservId, agreement);
  }

  /** Maps an Authentication-Results {@code spf=} keyword to an SPF result; hardfail is fail. */
  private static Optional<SpfResult> spfResult(AuthResultValue v) {
    return switch (v) {
      case PASS -> Optional.of(SpfResult.PASS);
      case FAIL, HARDFAIL -> Optional.of(SpfResult.FAIL);
      case SOFTFAIL -> Optional.of(SpfResult.SOFTFAIL);
      case NEUTRAL -> Optional.of(SpfResult.NEUTRAL);
      case NONE -> Optional.of(SpfResult.NONE);
      case TEMPERROR -> Optional.of(SpfResult.TEMPERROR);
      case PERMERROR -> Optional.of(SpfResult.PERMERROR);
      default -> Optional.empty();
    };
  }

  /** Maps a verified signature's result; {@code policy} (verified but refused) is not a pass: fail. */
  private static io.maildiag.dns.dmarc.DkimResult dkimResult(io.maildiag.headers.dkim.DkimResult r) {
    return switch (r) {
      case PASS -> io.maildiag.dns.dmarc.DkimResult.PASS;
      case FAIL, POLICY -> io.maildiag.dns.dmarc.DkimResult.FAIL;
      case NEUTRAL -> io.maildiag.dns.dmarc.DkimResult.NEUTRAL;
      case TEMPERROR -> io.maildiag.dns.dmarc.DkimResult.TEMPERROR;
      case PERMERROR -> io.maildiag.dns.dmarc.DkimResult.PERMERROR;
      case NONE -> io.maildiag.dns.dmarc.DkimResult.NONE;
    };
  }

  /** Maps an Authentication-Results {@code dkim=} keyword; {@code policy} is fail, unknown keywords are skipped. */
  private static Optional<io.maildiag.dns.dmarc.DkimResult> dkimResult(AuthResultValue v) {
    return switch (v) {
      case PASS -> Optional.of(io.maildiag.dns.dmarc.DkimResult.PASS);
      case FAIL, POLICY -> Optional.of(io.maildiag.dns.dmarc.DkimResult.FAIL);
      case NEUTRAL -> Optional.of(io.maildiag.dns.dmarc.DkimResult.NEUTRAL);
      case TEMPERROR -> Optional.of(io.maildiag.dns.dmarc.DkimResult.TEMPERROR);
      case PERMERROR -> Optional.of(io.maildiag.dns.dmarc.DkimResult.PERMERROR);
      case NONE -> Optional.of(io.maildiag.dns.dmarc.DkimResult.NONE);
      default -> Optional.empty();
    };
  }

  /**
   * Maps the receiver's {@code dmarc=} keyword to a DMARC result: the five RFC 8601 keywords, and
   * Microsoft's {@code bestguesspass} (no record published, would have passed) as {@code none}.
   */
  private static Optional<DmarcResult> receiverResult(String keyword) {
    String k = LowerCase.root(keyword);
    if (k.equals("bestguesspass")) {
      return Optional.of(DmarcResult.NONE);
    }
    for (DmarcResult r : DmarcResult.values()) {
      if (r.rfcName().equals(k)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private static String signatureLabel(DkimSignatureResult s) {
    return "d=" + s.domain().map(DomainName::toString).orElse("?") + " s=" + s.selector().orElse("?");
  }

  private static ConsistencyCheck connectingIp(ReceivedTimeline timeline, AntispamHeaders antispam,
      List<Diagnostic> findings) {
    Optional<IpAddress> cip = antispam.forefront().flatMap(ForefrontAntispamReport::connectingIp);
    Optional<ReceivedHop> crossing = timeline.crossingHop();
    Optional<IpAddress> hopIp = crossing.flatMap(h -> h.received().ip());
    if (cip.isEmpty()) {
      return notChecked(Kind.CONNECTING_IP, hopIp.map(IpAddress::toString), Optional.empty(),
          "no X-Forefront-Antispam-Report with a CIP");
    }
    if (hopIp.isEmpty()) {
      return notChecked(Kind.CONNECTING_IP, Optional.empty(), cip.map(IpAddress::toString),
          crossing.isEmpty() ? "no hop into the receiving organisation was found"
              : crossing.get().label() + " names no client IP");
    }
    String hop = crossing.get().label();
    if (cip.get().equals(hopIp.get())) {
      return new ConsistencyCheck(Kind.CONNECTING_IP, Outcome.CONSISTENT, Optional.of(hopIp.get().toString()),
          Optional.of(cip.get().toString()), Optional.empty(),
          "the CIP is the client IP of " + hop + ", where the message entered the receiving organisation");
    }
    String detail = "X-Forefront-Antispam-Report says CIP " + cip.get() + " connected, but " + hop
        + " (where the message entered the receiving organisation) was received from " + hopIp.get()
        + ": the report may come from another system (an earlier tenant), or the hops were forged";
    findings.add(Diagnostic.warning(ReportCodes.HEADERS_CIP_MISMATCH, detail));
    return new ConsistencyCheck(Kind.CONNECTING_IP, Outcome.INCONSISTENT, Optional.of(hopIp.get().toString()),
        Optional.of(cip.get().toString()), Optional.empty(), detail);
  }

  private static ConsistencyCheck returnPath(HeaderSection headers, Optional<String> mailFrom,
      List<Diagnostic> findings) {
    Optional<DomainName> returnPath = headers.first("Return-Path").flatMap(f -> addressDomain(f.unfoldedValue()));
    Optional<DomainName> checked = mailFrom.flatMap(HeaderAnalyzer::identityDomain);
    if (returnPath.isEmpty() || checked.isEmpty()) {
      return notChecked(Kind.RETURN_PATH, returnPath.map(DomainName::toString), checked.map(DomainName::toString),
          returnPath.isEmpty() ? "no Return-Path with a domain" : "no smtp.mailfrom in Authentication-Results");
    }
    if (returnPath.equals(checked)) {
      return new ConsistencyCheck(Kind.RETURN_PATH, Outcome.CONSISTENT, returnPath.map(DomainName::toString),
          checked.map(DomainName::toString), Optional.empty(),
          "the envelope sender checked by SPF is the one delivered (" + returnPath.get() + ")");
    }
    String detail = "Authentication-Results checked smtp.mailfrom " + checked.get() + " but Return-Path is "
        + returnPath.get() + ": the envelope sender was rewritten after the check (forwarding, SRS, a list)";
    findings.add(Diagnostic.warning(ReportCodes.HEADERS_RETURN_PATH_MISMATCH, detail));
    return new ConsistencyCheck(Kind.RETURN_PATH, Outcome.INCONSISTENT, returnPath.map(DomainName::toString),
        checked.map(DomainName::toString), Optional.empty(), detail);
  }

  private static ConsistencyCheck dkimAlignment(HeaderSection headers, AuthenticationVerdicts auth,
      Optional<DomainName> fromDomain, List<Diagnostic> findings) {
    Set<DomainName> candidates = new LinkedHashSet<>();
    String source;
    if (auth.dkim().isPresent()) {
      DkimVerification v = auth.dkim().get();
      candidates.addAll(v.passingDomains());
      source = "verified signature";
      if (candidates.isEmpty()) {
        v.signatures().forEach(s -> s.domain().ifPresent(candidates::add));
        source = "signature (none verified)";
      }
    } else {
      newest(auth).ifPresent(ar -> ar.results(AuthMethod.DKIM).stream()
          .filter(r -> r.value() == AuthResultValue.PASS)
          .forEach(r -> r.property("header.d").flatMap(HeaderAnalyzer::domain).ifPresent(candidates::add)));
      source = "dkim=pass in Authentication-Results";
      if (candidates.isEmpty()) {
        for (HeaderField f : headers.all("DKIM-Signature")) {
          DkimSignature.parse(f.rawValue()).value().ifPresent(s -> candidates.add(s.domain()));
        }
        source = "DKIM-Signature (not verified)";
      }
    }
    return alignment(Kind.DKIM_ALIGNMENT, "DKIM", source, fromDomain, List.copyOf(candidates),
        ReportCodes.HEADERS_DKIM_NOT_ALIGNED, findings);
  }

  private static ConsistencyCheck spfAlignment(Optional<String> identity, Optional<DomainName> fromDomain,
      List<Diagnostic> findings) {
    List<DomainName> candidates = identity.flatMap(HeaderAnalyzer::identityDomain).stream().toList();
    return alignment(Kind.SPF_ALIGNMENT, "SPF", "smtp.mailfrom", fromDomain, candidates,
        ReportCodes.HEADERS_SPF_NOT_ALIGNED, findings);
  }

  private static ConsistencyCheck alignment(Kind kind, String what, String source, Optional<DomainName> fromDomain,
      List<DomainName> candidates, io.maildiag.core.DiagnosticCode code, List<Diagnostic> findings) {
    Optional<String> expected = fromDomain.map(DomainName::toString);
    if (fromDomain.isEmpty() || candidates.isEmpty()) {
      return notChecked(kind, expected, candidates.stream().findFirst().map(DomainName::toString),
          fromDomain.isEmpty() ? "no From address with a domain" : "no " + what + " domain to compare");
    }
    DomainName best = candidates.get(0);
    Alignment bestAlignment = Alignment.NONE;
    for (DomainName d : candidates) {
      Alignment a = align(d, fromDomain.get());
      if (a.ordinal() < bestAlignment.ordinal()) {
        best = d;
        bestAlignment = a;
      }
    }
    if (bestAlignment != Alignment.NONE) {
      return new ConsistencyCheck(kind, Outcome.CONSISTENT, expected, Optional.of(best.toString()),
          Optional.of(bestAlignment), what + " domain " + best + " (" + source + ") is aligned with From domain "
          + fromDomain.get() + " (" + bestAlignment.jsonName() + ")");
    }
    String list = String.join(", ", candidates.stream().map(DomainName::toString).toList());
    String detail = what + " domain" + (candidates.size() > 1 ? "s " : " ") + list + " (" + source
        + ") not aligned with From domain " + fromDomain.get() + ": DMARC cannot pass through " + what;
    findings.add(Diagnostic.warning(code, detail));
    return new ConsistencyCheck(kind, Outcome.INCONSISTENT, expected, Optional.of(best.toString()),
        Optional.of(Alignment.NONE), detail);
  }

  /**
   * Returns how {@code domain} aligns with {@code from}: equal is strict, the same organisational
   * domain (last two labels) is relaxed.
   */
  static Alignment align(DomainName domain, DomainName from) {
    if (domain.equals(from)) {
      return Alignment.STRICT;
    }
    return organisational(domain).equals(organisational(from)) ? Alignment.RELAXED : Alignment.NONE;
  }

  /** Returns the last two labels of {@code d} (the whole name when it has fewer). */
  static DomainName organisational(DomainName d) {
    return d.labelCount() <= 2 ? d : d.suffix(2);
  }

  private static ConsistencyCheck notChecked(Kind kind, Optional<String> expected, Optional<String> observed,
      String why) {
    return new ConsistencyCheck(kind, Outcome.NOT_CHECKED, expected, observed, Optional.empty(), why);
  }

  /** Returns the domain of the first address in a field value ({@code Name <a@b>}, {@code <a@b>}, {@code a@b}). */
  static Optional<DomainName> addressDomain(String value) {
    int lt = value.indexOf('<');
    int gt = lt < 0 ? -1 : value.indexOf('>', lt);
    String scope = lt >= 0 && gt > lt ? value.substring(lt + 1, gt) : value;
    return addressDomainText(scope).flatMap(HeaderAnalyzer::domain);
  }

  /**
   * Group 1 of the first {@link #ADDRESS} match in {@code s}, in one pass. A match starts a run of
   * local-part characters; the run is taken whole (the {@code @} is not one of them), so the first
   * run that ends at an {@code @} followed by a domain character starts the match.
   */
  static Optional<String> addressDomainText(String s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (!isLocalChar(s.charAt(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && isLocalChar(s.charAt(j))) {
        j++;
      }
      if (j + 1 < n && s.charAt(j) == '@' && isDomainChar(s.charAt(j + 1))) {
        int e = j + 1;
        while (e < n && isDomainChar(s.charAt(e))) {
          e++;
        }
        return Optional.of(s.substring(j + 1, e));
      }
      i = j;
    }
    return Optional.empty();
  }

  /** {@code [^\\s<>"(),;:@\\[\\]]}: a character of {@link #ADDRESS}'s local part. */
  private static boolean isLocalChar(char c) {
    return !(c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '<' || c == '>'
        || c == '"' || c == '(' || c == ')' || c == ',' || c == ';' || c == ':' || c == '@' || c == '[' || c == ']');
  }

  /** {@code [A-Za-z0-9._-]}: a character of {@link #ADDRESS}'s domain. */
  private static boolean isDomainChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
  }

  /** Returns the domain of an SPF identity: an address's domain, or the value itself when it is a domain. */
  private static Optional<DomainName> identityDomain(String identity) {
    int at = identity.lastIndexOf('@');
    String d = at >= 0 ? identity.substring(at + 1) : identity;
    return domain(d.replace(">", "").strip());
  }

  private static Optional<DomainName> domain(String text) {
    String t = text.strip();
    if (t.endsWith(".")) {
      t = t.substring(0, t.length() - 1);
    }
    if (t.isEmpty()) {
      return Optional.empty();
    }
    return DomainName.parse(LowerCase.root(t)).value().filter(d -> !d.isRoot());
  }

  private static Optional<String> display(HeaderSection headers, String name) {
    return headers.first(name).map(HeaderField::decodedValue);
  }

  /**
   * Builds a {@link HeaderAnalyzer}. Not safe for concurrent use.
   *
   * @since 0.1
   */
  public static final class Builder {
    private @Nullable DnsResolver resolver;
    private Clock clock = Clock.systemUTC();
    private Limits limits = Limits.defaults();
    private DiscoveryMode dmarcMode = DiscoveryMode.TREE_WALK;
    private @Nullable PublicSuffixList publicSuffixList;

    private Builder() {}

    /**
     * Sets the resolver through which DKIM and ARC keys and DMARC records are looked up. Without
     * one, DKIM and ARC are not verified ({@link AuthenticationVerdicts#dkim()} is empty) and DMARC
     * is not judged ({@link HeaderReport#dmarc()} is empty): the default.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public Builder resolver(DnsResolver value) {
      this.resolver = Objects.requireNonNull(value, "resolver");
      return this;
    }

    /** Sets the clock that decides whether signatures have expired (default: the system's, UTC). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Sets the limits (default {@link Limits#defaults()}). */
    public Builder limits(Limits value) {
      this.limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    /**
     * Sets how DMARC finds the policy record and organizational domains (default {@link
     * DiscoveryMode#TREE_WALK}, RFC 9989). Used only with a resolver.
     */
    public Builder dmarcMode(DiscoveryMode value) {
      this.dmarcMode = Objects.requireNonNull(value, "dmarcMode");
      return this;
    }

    /**
     * Sets the Public Suffix List, required for {@link DiscoveryMode#PSL}. Used only with a resolver.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public Builder publicSuffixList(PublicSuffixList value) {
      this.publicSuffixList = Objects.requireNonNull(value, "publicSuffixList");
      return this;
    }

    /**
     * Returns the analyzer.
     *
     * @throws IllegalStateException if a resolver is set, the DMARC mode is PSL and no list was set
     */
    public HeaderAnalyzer build() {
      return new HeaderAnalyzer(this);
    }
  }
}
