package io.maildiag.dns.dmarc;

import io.maildiag.core.Limits;
import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.spf.SpfResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates DMARC for a message: policy discovery, identifier alignment and the resulting verdict
 * (RFC 9989 sections 4.4 to 4.10, RFC 7489 section 6.6).
 *
 * <pre>{@code
 * DmarcEvaluator dmarc = DmarcEvaluator.builder().resolver(DnsResolver.system()).build();
 * DmarcVerdict v = dmarc.evaluate(DmarcInput.of(from, new SpfOutcome(SpfResult.PASS, mailFrom)));
 * }</pre>
 *
 * <p>Choices where the RFCs leave room, all documented on the verdict too:
 *
 * <ul>
 *   <li>Relaxed alignment compares organizational domains found by the configured mode (tree walk
 *       or PSL); equal domains align without any lookup; strict alignment is equality.
 *   <li>The policy tag: the author domain's own record gives {@code p}; a record found above it
 *       gives {@code np} when the author domain does not exist and {@code np} is published, else
 *       {@code sp} when published, else {@code p}.
 *   <li>Non-existence (RFC 9989, after RFC 8020): the author domain does not exist when the A,
 *       AAAA and MX questions all answer NXDOMAIN; NODATA means it exists. The questions are asked
 *       only when an {@code np} tag could apply. If they fail, the domain is taken to exist.
 *   <li>{@code pct} (removed by RFC 9989) is ignored; a reason says what an RFC 7489 receiver
 *       would do. {@code t=y} lowers the disposition one step ({@code reject} to {@code
 *       quarantine}, {@code quarantine} to {@code none}), the RFC 7489 meaning of {@code pct=0}.
 *   <li>A record without a valid {@code p} (or with an invalid {@code sp}/{@code np}) acts as
 *       {@code p=none} when {@code rua} holds a valid URI; otherwise the result is {@code
 *       permerror} and no policy applies.
 *   <li>SPF or DKIM {@code temperror} does not make DMARC {@code temperror}: without an aligned
 *       pass the result is {@code fail}, with a reason naming the temporary error.
 * </ul>
 *
 * <p>Instances are immutable and safe for concurrent use.
 *
 * @since 0.1
 */
public final class DmarcEvaluator {

  private final DmarcDiscovery discovery;

  private DmarcEvaluator(DmarcDiscovery discovery) {
    this.discovery = discovery;
  }

  /** Returns a builder; a resolver is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the discovery this evaluator uses. */
  public DmarcDiscovery discovery() {
    return discovery;
  }

  /** Evaluates DMARC for {@code input}. Never throws on DNS trouble or bad records. */
  public DmarcVerdict evaluate(DmarcInput input) {
    Objects.requireNonNull(input, "input");
    DmarcSession s = discovery.newSession();
    DiscoveryMode mode = discovery.mode();
    DomainName from = input.fromDomain();
    DmarcDiscoveryResult d = discovery.discover(from, s, mode);
    List<String> reasons = new ArrayList<>();
    List<AlignmentCheck> checks = new ArrayList<>();
    if (d.status() == DmarcDiscoveryResult.Status.TEMPERROR) {
      reasons.add("a DNS failure prevented policy discovery");
      return verdict(DmarcResult.TEMPERROR, Optional.empty(), Optional.empty(), DmarcDisposition.NONE,
          checks, reasons, d, Optional.empty(), s);
    }
    if (d.status() == DmarcDiscoveryResult.Status.NOT_FOUND) {
      reasons.add("no DMARC policy record for " + from + " (queried " + d.queries() + ")");
      return verdict(DmarcResult.NONE, Optional.empty(), Optional.empty(), DmarcDisposition.NONE,
          checks, reasons, d, Optional.empty(), s);
    }
    DmarcPolicy policy = d.policy().orElseThrow();
    DomainName policyDomain = d.policyDomain().orElseThrow();
    Optional<DmarcDisposition> base = policy.effectiveP();
    if (base.isEmpty()) {
      reasons.add("the record at _dmarc." + policyDomain + " has no valid p (or an invalid sp/np) and no valid rua"
          + "; receivers apply no DMARC processing");
      return verdict(DmarcResult.PERMERROR, Optional.empty(), Optional.empty(), DmarcDisposition.NONE,
          checks, reasons, d, Optional.empty(), s);
    }
    if (policy.p().isEmpty() || policy.hasInvalid("sp") || policy.hasInvalid("np")) {
      reasons.add("no valid p (or an invalid sp/np) but rua is valid: treated as p=none");
    }
    // Which tag applies.
    Optional<Boolean> exists = Optional.empty();
    DmarcDisposition applied;
    PolicySource source;
    boolean usableTags = policy.p().isPresent() && !policy.hasInvalid("sp") && !policy.hasInvalid("np");
    if (policyDomain.equals(from) || !usableTags) {
      applied = base.get();
      source = PolicySource.P;
    } else {
      if (policy.np().isPresent()) {
        exists = Optional.of(exists(from, s, reasons));
      }
      if (exists.isPresent() && !exists.get()) {
        applied = policy.np().get();
        source = PolicySource.NP;
      } else if (policy.sp().isPresent()) {
        applied = policy.sp().get();
        source = PolicySource.SP;
      } else {
        applied = base.get();
        source = PolicySource.P;
      }
    }
    // Alignment.
    OrganizationalDomain fromOrg = d.organizationalDomain();
    boolean unknown = false;
    if (input.spf().isPresent()) {
      SpfOutcome spf = input.spf().get();
      AlignmentCheck c = check(AlignmentCheck.Identifier.SPF, spf.domain(), spf.result().rfcName(),
          spf.result() == SpfResult.PASS, policy.effectiveAspf(), from, fromOrg, s, mode);
      checks.add(c);
    } else {
      reasons.add("no SPF result supplied");
    }
    for (DkimOutcome k : input.dkim()) {
      checks.add(check(AlignmentCheck.Identifier.DKIM, k.domain(), k.result().rfcName(),
          k.result() == DkimResult.PASS, policy.effectiveAdkim(), from, fromOrg, s, mode));
    }
    if (input.dkim().isEmpty()) {
      reasons.add("no DKIM signatures supplied");
    }
    boolean spfAligned = false;
    boolean dkimAligned = false;
    for (AlignmentCheck c : checks) {
      reasons.add(c.identifier() + " " + c.domain() + ": " + c.reason());
      if (c.aligned()) {
        if (c.identifier() == AlignmentCheck.Identifier.SPF) {
          spfAligned = true;
        } else {
          dkimAligned = true;
        }
      }
      unknown |= c.status() == AlignmentCheck.Status.UNKNOWN;
    }
    DmarcResult result;
    DmarcDisposition disposition = DmarcDisposition.NONE;
    if (spfAligned || dkimAligned) {
      result = DmarcResult.PASS;
    } else if (unknown) {
      result = DmarcResult.TEMPERROR;
      reasons.add("a DNS failure left an organizational domain unknown, so alignment could not be decided");
    } else {
      result = DmarcResult.FAIL;
      disposition = applied;
      if (policy.isTesting()) {
        disposition = applied.lessStrict();
        reasons.add("t=y (test mode): disposition lowered from " + applied.tagValue() + " to " + disposition.tagValue());
      }
      if (policy.pct().isPresent() && policy.pct().getAsInt() < 100) {
        reasons.add("pct=" + policy.pct().getAsInt() + " is ignored (removed by RFC 9989); an RFC 7489 receiver would apply "
            + applied.tagValue() + " to " + policy.pct().getAsInt() + "% of failing mail and "
            + applied.lessStrict().tagValue() + " to the rest");
      }
    }
    return verdict(result, Optional.of(applied), Optional.of(source), disposition, checks, reasons, d, exists, s);
  }

  private static DmarcVerdict verdict(DmarcResult result, Optional<DmarcDisposition> policy,
      Optional<PolicySource> source, DmarcDisposition disposition, List<AlignmentCheck> checks,
      List<String> reasons, DmarcDiscoveryResult d, Optional<Boolean> exists, DmarcSession s) {
    boolean spf = checks.stream().anyMatch(c -> c.aligned() && c.identifier() == AlignmentCheck.Identifier.SPF);
    boolean dkim = checks.stream().anyMatch(c -> c.aligned() && c.identifier() == AlignmentCheck.Identifier.DKIM);
    return new DmarcVerdict(result, policy, source, disposition, spf, dkim, checks, reasons, d, exists,
        s.queries(), d.findings());
  }

  private static boolean exists(DomainName from, DmarcSession s, List<String> reasons) {
    int nx = 0;
    for (RecordType t : List.of(RecordType.A, RecordType.AAAA, RecordType.MX)) {
      DnsOutcome o = s.ask(from, t);
      if (o instanceof DnsOutcome.NxDomain) {
        nx++;
      } else if (!o.isFailure()) {
        return true;
      }
    }
    if (nx == 3) {
      reasons.add(from + " does not exist (A, AAAA and MX all NXDOMAIN): np applies");
      return false;
    }
    reasons.add("existence of " + from + " could not be determined (DNS failure); taken to exist");
    return true;
  }

  private AlignmentCheck check(AlignmentCheck.Identifier id, DomainName domain, String authResult, boolean pass,
      AlignmentMode mode, DomainName from, OrganizationalDomain fromOrg, DmarcSession s, DiscoveryMode dm) {
    AlignmentCheck.Status aligned;
    String why;
    if (domain.equals(from)) {
      aligned = AlignmentCheck.Status.ALIGNED;
      why = "equal to the author domain";
    } else if (mode == AlignmentMode.STRICT) {
      aligned = AlignmentCheck.Status.NOT_ALIGNED;
      why = "differs from the author domain " + from + " and alignment is strict";
    } else {
      OrganizationalDomain other = discovery.organizationalDomain(domain, s, dm);
      if (!fromOrg.isKnown() || !other.isKnown()) {
        aligned = AlignmentCheck.Status.UNKNOWN;
        why = "organizational domain unknown because of a DNS failure";
      } else if (other.organizationalDomain().equals(fromOrg.organizationalDomain())) {
        aligned = AlignmentCheck.Status.ALIGNED;
        why = "same organizational domain " + other.organizationalDomain() + " (relaxed)";
      } else {
        aligned = AlignmentCheck.Status.NOT_ALIGNED;
        why = "organizational domain " + other.organizationalDomain() + " differs from "
            + fromOrg.organizationalDomain() + " (relaxed)";
      }
    }
    if (!pass) {
      return new AlignmentCheck(id, domain, authResult, mode, AlignmentCheck.Status.NOT_PASS,
          "result " + authResult + ", not pass (" + why + ")");
    }
    return new AlignmentCheck(id, domain, authResult, mode, aligned, "pass, " + why);
  }

  /**
   * Builds a {@link DmarcEvaluator}. Each setter refuses a second call. Not safe for concurrent use.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final DmarcDiscovery.Builder discovery = DmarcDiscovery.builder();

    private Builder() {}

    /** Sets the resolver (required). */
    public Builder resolver(DnsResolver value) {
      discovery.resolver(value);
      return this;
    }

    /** Sets the discovery mode; default {@link DiscoveryMode#TREE_WALK}. */
    public Builder mode(DiscoveryMode value) {
      discovery.mode(value);
      return this;
    }

    /** Sets the public suffix list, required for {@link DiscoveryMode#PSL}. */
    public Builder publicSuffixList(PublicSuffixList value) {
      discovery.publicSuffixList(value);
      return this;
    }

    /** Sets the limits; default {@link Limits#defaults()}. */
    public Builder limits(Limits value) {
      discovery.limits(value);
      return this;
    }

    /**
     * Returns the evaluator.
     *
     * @throws NullPointerException if no resolver was set
     * @throws IllegalStateException if the mode is PSL and no list was set
     */
    public DmarcEvaluator build() {
      return new DmarcEvaluator(discovery.build());
    }
  }
}
