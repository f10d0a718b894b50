package io.maildiag.dns.dmarc;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.TxtRecord;
import io.maildiag.dns.spf.SpfMechanism;
import io.maildiag.dns.spf.SpfRecord;
import io.maildiag.dns.spf.SpfTerm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Audits a domain's DMARC set-up for its owner (RFC 9989, RFC 7489): which record applies and
 * where it was found, the organizational domain and how it was determined, and {@linkplain
 * DmarcAudit#findings() findings} with stable codes ({@link DmarcCodes}).
 *
 * <pre>{@code
 * DmarcAuditor auditor = DmarcAuditor.builder().resolver(DnsResolver.system()).build();
 * DmarcAudit audit = auditor.audit(DomainName.of("example.com"));
 * audit.findings().forEach(System.out::println);   // warning DMARC_POLICY_NONE: ...
 * }</pre>
 *
 * <p>Findings: the record's own lookup and syntax diagnostics (multiple records, near misses,
 * invalid tags and URIs with their positions, the removed tags {@code pct}, {@code rf}, {@code
 * ri} and the {@code !size} suffix, DNS failures), each given a remediation; and the audit's own:
 * {@code DMARC_NO_RECORD}, {@code DMARC_RECORD_UNUSABLE}, {@code DMARC_POLICY_NONE}, {@code
 * DMARC_SUBDOMAIN_POLICY_WEAKER}, {@code DMARC_INHERITS_WEAK_POLICY}, {@code DMARC_TEST_MODE},
 * {@code DMARC_NO_RUA}, {@code DMARC_TOO_MANY_URIS}, {@code DMARC_EXTERNAL_REPORT_UNAUTHORIZED}
 * (and {@code _UNVERIFIED} on DNS failure), {@code DMARC_RECORD_AT_APEX}, {@code
 * DMARC_RECORD_MISPLACED}, {@code DMARC_SPF_ALIGNMENT_IMPOSSIBLE}, {@code
 * DMARC_SPF_STRICT_INCLUDES_ONLY}, {@code DMARC_DKIM_UNVERIFIABLE} / {@code DMARC_DKIM_KEY_MISSING}
 * / {@code DMARC_DKIM_KEY_FOUND}, and {@code DMARC_MODES_DISAGREE}.
 *
 * <p>Heuristics, documented because no message is at hand:
 *
 * <ul>
 *   <li>External report destinations: a {@code mailto:} URI whose host has another organizational
 *       domain (in the configured mode) than the record's domain needs a TXT record beginning with
 *       {@code v=DMARC1} at {@code <record domain>._report._dmarc.<host>} (RFC 7489 section 7.1).
 *   <li>SPF: with no SPF record at the domain (or several, a permerror), mail whose MAIL FROM is
 *       the domain itself gets no SPF pass, so SPF alignment cannot pass for it ({@code
 *       DMARC_SPF_ALIGNMENT_IMPOSSIBLE}; a MAIL FROM at a subdomain with its own SPF record may
 *       still align under relaxed {@code aspf}). With {@code aspf=s} and an SPF record whose only
 *       authorising terms are {@code include}s of other domains, the senders most likely use their
 *       own MAIL FROM domain, which strict alignment never matches ({@code
 *       DMARC_SPF_STRICT_INCLUDES_ONLY}, a warning).
 *   <li>DKIM: selectors cannot be discovered from DNS, so DKIM alignment is reported as
 *       unverifiable unless selectors are given to {@link #audit(DomainName, List)}; then each
 *       {@code <selector>._domainkey.<domain>} is checked for a key.
 * </ul>
 *
 * <p>Audits never throw on DNS trouble or bad records. Every DNS wait is bounded by {@link
 * Limits#queryTimeout()}. Immutable and safe for concurrent use.
 *
 * @since 0.1
 */
public final class DmarcAuditor {

  /** The most URIs per {@code rua}/{@code ruf} tag receivers are expected to use (RFC 7489 section 6.2). */
  public static final int MAX_REPORT_URIS = 2;

  private static final String REF_DISCOVERY = "RFC 9989 section 4.10; RFC 7489 section 6.6.3";
  private static final String REF_RECORD = "RFC 9989 section 4.7; RFC 7489 section 6.3";
  private static final String REF_EXTERNAL = "RFC 7489 section 7.1; RFC 9990 section 3";

  private final DmarcDiscovery discovery;

  private DmarcAuditor(DmarcDiscovery discovery) {
    this.discovery = discovery;
  }

  /** Returns a builder; a resolver is required, the mode defaults to {@link DiscoveryMode#TREE_WALK}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the discovery the audit uses. */
  public DmarcDiscovery discovery() {
    return discovery;
  }

  /** Audits {@code domain} without DKIM selectors (DKIM alignment is then reported as unverifiable). */
  public DmarcAudit audit(DomainName domain) {
    return audit(domain, List.of());
  }

  /**
   * Audits {@code domain}, checking a DKIM key at each of {@code dkimSelectors} ({@code
   * <selector>._domainkey.<domain>}). Never throws on DNS trouble or bad records.
   *
   * @throws NullPointerException if an argument or a selector is null
   */
  public DmarcAudit audit(DomainName domain, List<String> dkimSelectors) {
    Objects.requireNonNull(domain, "domain");
    List<String> selectors = List.copyOf(dkimSelectors);
    DmarcSession s = discovery.newSession();
    DiscoveryMode mode = discovery.mode();
    DmarcDiscoveryResult d = discovery.discover(domain, s, mode);
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic f : d.findings()) {
      out.add(withRemediation(f));
    }
    Optional<DmarcPolicy> policy = d.policy();
    Optional<DomainName> recordDomain = d.policyDomain();
    Optional<String> recordText = recordDomain.flatMap(rd -> d.lookups().stream()
        .filter(l -> l.domain().equals(rd)).findFirst().flatMap(DmarcRecordLookup::recordText));
    OrganizationalDomain org = d.organizationalDomain();

    placement(domain, d, s, out);
    if (d.status() == DmarcDiscoveryResult.Status.NOT_FOUND) {
      boolean multiple = d.lookups().stream()
          .anyMatch(l -> l.status() == DmarcRecordLookup.Status.MULTIPLE_RECORDS);
      out.add(Diagnostic.error(DmarcCodes.DMARC_NO_RECORD,
              "no DMARC record applies to " + domain + (multiple ? " (several records at one name count as none)" : "")
                  + "; receivers apply no DMARC policy and send no reports")
          .withEvidence("queried " + d.queries().stream().map(Object::toString).toList())
          .withRemediation("publish one TXT record at " + DmarcRecordLookup.queryName(domain)
              + ", for example \"v=DMARC1; p=none; rua=mailto:dmarc-reports@" + domain + "\", then tighten p")
          .withReference(REF_DISCOVERY));
    } else if (d.status() == DmarcDiscoveryResult.Status.FOUND) {
      policyChecks(domain, policy.orElseThrow(), recordDomain.orElseThrow(), recordText.orElse(""), s, mode, out);
    }
    spfChecks(domain, policy, s, out);
    dkimChecks(domain, selectors, s, out);

    Optional<DmarcModeComparison> comparison = Optional.empty();
    if (discovery.publicSuffixList().isPresent()) {
      DmarcModeComparison c = discovery.compareModes(domain);
      comparison = Optional.of(c);
      if (c.disagree()) {
        out.add(Diagnostic.warning(DmarcCodes.DMARC_MODES_DISAGREE,
                "the RFC 9989 tree walk and the RFC 7489 public suffix list give different results for " + domain
                    + ": receivers of either kind treat this domain differently")
            .withEvidence(String.join("\n", c.differences()))
            .withRemediation("publish psd=n on the organizational domain's record, or a record at " + domain
                + " itself, so that both methods agree")
            .withReference("RFC 9989 section 4.10.2; RFC 7489 section 3.2"));
      }
    }
    out.sort(Comparator.comparingInt(f -> f.severity().ordinal()));
    return new DmarcAudit(domain, mode, d, recordText, policy, recordDomain, org, comparison, out);
  }

  private static void placement(DomainName domain, DmarcDiscoveryResult d, DmarcSession s, List<Diagnostic> out) {
    // A DMARC record at the domain itself instead of at _dmarc.<domain>.
    DnsOutcome apex = s.ask(domain, RecordType.TXT);
    for (TxtRecord r : apex.records(TxtRecord.class)) {
      String text = r.text();
      if (r.type() == RecordType.TXT && DmarcRecordLookup.looksVersioned(text)) {
        out.add(Diagnostic.warning(DmarcCodes.DMARC_RECORD_AT_APEX,
                "a DMARC record is published at " + domain + " itself; receivers look only at "
                    + DmarcRecordLookup.queryName(domain) + " and ignore it")
            .withEvidence(text)
            .withRemediation("move the record to " + DmarcRecordLookup.queryName(domain) + " and delete it from "
                + domain)
            .withReference(REF_DISCOVERY));
      }
    }
    // _dmarc.<domain> holds TXT records, none DMARC, while a parent's record applies.
    boolean foundAbove = d.status() == DmarcDiscoveryResult.Status.FOUND && !d.isAuthorDomainRecord();
    if (foundAbove) {
      d.lookups().stream()
          .filter(l -> l.domain().equals(domain) && l.status() == DmarcRecordLookup.Status.NOT_FOUND
              && l.dnsOutcome() == DnsOutcome.Kind.ANSWER)
          .findFirst()
          .ifPresent(l -> {
            DnsOutcome o = s.ask(l.queryName(), RecordType.TXT);
            List<String> texts = o.records(TxtRecord.class).stream().map(TxtRecord::text).toList();
            if (!texts.isEmpty()) {
              out.add(Diagnostic.warning(DmarcCodes.DMARC_RECORD_MISPLACED,
                      l.queryName() + " holds TXT records but no valid DMARC record, so the record of "
                          + d.policyDomain().orElseThrow() + " applies to " + domain + " instead")
                  .withEvidence(String.join("\n", texts))
                  .withRemediation("if " + domain + " should have its own policy, publish a record beginning exactly"
                      + " with v=DMARC1 at " + l.queryName() + "; otherwise remove the stray TXT records there")
                  .withReference(REF_DISCOVERY));
            }
          });
    }
  }

  private void policyChecks(DomainName domain, DmarcPolicy p, DomainName recordDomain, String text, DmarcSession s,
      DiscoveryMode mode, List<Diagnostic> out) {
    Optional<DmarcDisposition> base = p.effectiveP();
    if (base.isEmpty()) {
      out.add(Diagnostic.error(DmarcCodes.DMARC_RECORD_UNUSABLE,
              "the record of " + recordDomain + " has no valid p (or an invalid sp/np) and no valid rua;"
                  + " receivers ignore it (DMARC permerror)")
          .withEvidence(text)
          .withRemediation("add a valid p tag: p=none, p=quarantine or p=reject")
          .withReference(REF_RECORD));
      return;
    }
    boolean own = recordDomain.equals(domain);
    DmarcDisposition applied = own || p.sp().isEmpty() ? base.get() : p.sp().get();
    if (base.get() == DmarcDisposition.NONE) {
      out.add(Diagnostic.warning(DmarcCodes.DMARC_POLICY_NONE,
              "p=none: the policy is monitoring only; receivers take no action on mail that fails DMARC")
          .withEvidence(text)
          .withRemediation("once the aggregate reports show all legitimate mail passing, move to p=quarantine,"
              + " then p=reject")
          .withReference(REF_RECORD));
    }
    for (String tag : List.of("sp", "np")) {
      Optional<DmarcDisposition> sub = tag.equals("sp") ? p.sp() : p.np();
      if (sub.isPresent() && sub.get().ordinal() < base.get().ordinal()) {
        out.add(Diagnostic.warning(DmarcCodes.DMARC_SUBDOMAIN_POLICY_WEAKER,
                tag + "=" + sub.get().tagValue() + " is weaker than p=" + base.get().tagValue() + ": "
                    + (tag.equals("sp") ? "subdomains" : "non-existent subdomains")
                    + " can be spoofed with less consequence than the domain itself")
            .withEvidence(text)
            .withRemediation("remove " + tag + " (it then defaults to p) or set " + tag + "=" + base.get().tagValue())
            .withReference(REF_RECORD));
      }
    }
    if (!own && applied == DmarcDisposition.NONE) {
      out.add(Diagnostic.warning(DmarcCodes.DMARC_INHERITS_WEAK_POLICY,
              domain + " has no record of its own and inherits " + (p.sp().isPresent() ? "sp" : "p") + "=none from "
                  + recordDomain + ": mail failing DMARC for " + domain + " is not acted on")
          .withEvidence(text)
          .withRemediation("publish a record at " + DmarcRecordLookup.queryName(domain)
              + " with p=quarantine or p=reject, or strengthen " + (p.sp().isPresent() ? "sp" : "p") + " at "
              + DmarcRecordLookup.queryName(recordDomain))
          .withReference(REF_RECORD));
    }
    if (p.isTesting()) {
      out.add(Diagnostic.info(DmarcCodes.DMARC_TEST_MODE,
              "t=y (test mode): receivers apply one step less than the policy (reject as quarantine,"
                  + " quarantine as none)")
          .withEvidence(text)
          .withRemediation("remove t=y when testing is over")
          .withReference("RFC 9989 section 4.7"));
    }
    if (!p.hasValidRua()) {
      out.add(Diagnostic.warning(DmarcCodes.DMARC_NO_RUA,
              "no valid rua: the domain owner receives no aggregate reports and cannot see who sends as "
                  + recordDomain)
          .withEvidence(text)
          .withRemediation("add rua=mailto:dmarc-reports@" + recordDomain)
          .withReference("RFC 9989 section 4.7; RFC 9990"));
    }
    for (String tag : List.of("rua", "ruf")) {
      List<DmarcUri> uris = tag.equals("rua") ? p.rua() : p.ruf();
      if (uris.size() > MAX_REPORT_URIS) {
        out.add(Diagnostic.warning(DmarcCodes.DMARC_TOO_MANY_URIS,
                tag + " lists " + uris.size() + " URIs; receivers may send reports only to the first "
                    + MAX_REPORT_URIS)
            .withEvidence(String.join(",", uris.stream().map(DmarcUri::toString).toList()))
            .withRemediation("keep at most " + MAX_REPORT_URIS + " URIs in " + tag
                + "; forward reports to further destinations yourself")
            .withReference("RFC 7489 section 6.2"));
      }
    }
    externalDestinations(recordDomain, p, s, mode, out);
  }

  private void externalDestinations(DomainName recordDomain, DmarcPolicy p, DmarcSession s, DiscoveryMode mode,
      List<Diagnostic> out) {
    OrganizationalDomain own = discovery.organizationalDomain(recordDomain, s, mode);
    Set<DomainName> checked = new LinkedHashSet<>();
    List<DmarcUri> all = new ArrayList<>(p.rua());
    all.addAll(p.ruf());
    for (DmarcUri u : all) {
      if (!u.isWellFormed() || !u.isMailto()) {
        continue;
      }
      String addr = u.uri().substring("mailto:".length());
      int q = addr.indexOf('?');
      if (q >= 0) {
        addr = addr.substring(0, q);
      }
      String host = addr.substring(addr.lastIndexOf('@') + 1);
      ParseResult<DomainName> parsed = DomainName.parse(host);
      if (parsed.value().isEmpty()) {
        continue;
      }
      DomainName dest = parsed.value().get();
      if (dest.equals(recordDomain) || !checked.add(dest)) {
        continue;
      }
      OrganizationalDomain destOrg = discovery.organizationalDomain(dest, s, mode);
      if (own.isKnown() && destOrg.isKnown()
          && own.organizationalDomain().equals(destOrg.organizationalDomain())) {
        continue;
      }
      ParseResult<DomainName> auth = dest.resolve(recordDomain + "._report._dmarc");
      if (auth.value().isEmpty()) {
        continue;
      }
      DomainName name = auth.value().get();
      DnsOutcome o = s.ask(name, RecordType.TXT);
      if (o.isFailure()) {
        out.add(Diagnostic.info(DmarcCodes.DMARC_EXTERNAL_REPORT_UNVERIFIED,
                "the authorisation record " + name + " for reports to " + dest + " could not be fetched: "
                    + o.kind().jsonName())
            .withEvidence(u.toString())
            .withReference(REF_EXTERNAL));
        continue;
      }
      boolean ok = o.records(TxtRecord.class).stream().anyMatch(r -> DmarcPolicy.isDmarcRecord(r.text()));
      if (!ok) {
        out.add(Diagnostic.warning(DmarcCodes.DMARC_EXTERNAL_REPORT_UNAUTHORIZED,
                "reports go to " + dest + ", outside " + recordDomain + "'s organization, but " + name
                    + " has no v=DMARC1 record: receivers will not send reports there")
            .withEvidence(u.toString())
            .withRemediation("ask the operator of " + dest + " to publish TXT \"v=DMARC1\" at " + name)
            .withReference(REF_EXTERNAL));
      }
    }
  }

  private static void spfChecks(DomainName domain, Optional<DmarcPolicy> policy, DmarcSession s,
      List<Diagnostic> out) {
    DnsOutcome o = s.ask(domain, RecordType.TXT);
    if (o.isFailure()) {
      return; // the audit cannot tell; DNS failures of the record itself are reported by discovery
    }
    List<String> spf = SpfRecord.select(o.records(TxtRecord.class));
    if (spf.size() != 1) {
      out.add(Diagnostic.warning(DmarcCodes.DMARC_SPF_ALIGNMENT_IMPOSSIBLE,
              (spf.isEmpty() ? "no SPF record at " + domain : spf.size() + " SPF records at " + domain + " (permerror)")
                  + ": mail with MAIL FROM at " + domain + " cannot pass SPF, so SPF alignment cannot pass and"
                  + " DMARC relies on DKIM alone")
          .withEvidence(spf.isEmpty() ? "no v=spf1 TXT record" : String.join("\n", spf))
          .withRemediation("publish exactly one SPF record at " + domain + " listing its senders")
          .withReference("RFC 9989 section 4.4.2; RFC 7208 section 4.5"));
      return;
    }
    if (policy.isEmpty() || policy.get().effectiveAspf() != AlignmentMode.STRICT) {
      return;
    }
    ParseResult<SpfRecord> parsed = SpfRecord.parse(spf.get(0));
    if (parsed.value().isEmpty()) {
      return;
    }
    boolean includes = false;
    boolean own = false;
    for (SpfTerm.Directive dir : parsed.value().get().directives()) {
      SpfMechanism m = dir.mechanism();
      if (m instanceof SpfMechanism.All) {
        continue;
      }
      if (m instanceof SpfMechanism.Include) {
        includes = true;
      } else {
        own = true;
      }
    }
    if (parsed.value().get().redirect().isPresent()) {
      includes = true;
    }
    if (includes && !own) {
      out.add(Diagnostic.warning(DmarcCodes.DMARC_SPF_STRICT_INCLUDES_ONLY,
              "aspf=s while the SPF record of " + domain + " authorises senders only through include/redirect:"
                  + " such providers usually send with a MAIL FROM at their own domain (or a subdomain of "
                  + domain + "), which strict SPF alignment never matches")
          .withEvidence(spf.get(0))
          .withRemediation("use aspf=r, or configure each provider to use a MAIL FROM at exactly " + domain
              + ", or rely on aligned DKIM signatures")
          .withReference("RFC 9989 section 4.4.2"));
    }
  }

  private static void dkimChecks(DomainName domain, List<String> selectors, DmarcSession s, List<Diagnostic> out) {
    if (selectors.isEmpty()) {
      out.add(Diagnostic.info(DmarcCodes.DMARC_DKIM_UNVERIFIABLE,
              "DKIM alignment cannot be checked without a message: selectors are not discoverable in DNS")
          .withRemediation("give the selector your senders sign with (from a DKIM-Signature s= tag) to check"
              + " its key at <selector>._domainkey." + domain)
          .withReference("RFC 9989 section 4.4.1; RFC 6376 section 3.6.2.1"));
      return;
    }
    for (String sel : selectors) {
      ParseResult<DomainName> name = domain.resolve(sel.strip() + "._domainkey");
      if (name.value().isEmpty()) {
        out.add(Diagnostic.warning(DmarcCodes.DMARC_DKIM_KEY_MISSING, "invalid DKIM selector '" + sel + "'")
            .withReference("RFC 6376 section 3.1"));
        continue;
      }
      DomainName n = name.value().get();
      DnsOutcome o = s.ask(n, RecordType.TXT);
      Optional<String> key = o.records(TxtRecord.class).stream().map(TxtRecord::text)
          .filter(t -> keyTag(t).isPresent()).findFirst();
      boolean revoked = key.isPresent() && keyTag(key.get()).orElse("").isEmpty();
      if (key.isPresent() && !revoked) {
        out.add(Diagnostic.info(DmarcCodes.DMARC_DKIM_KEY_FOUND,
                "a DKIM key is published at " + n + ": signatures with d=" + domain + " s=" + sel.strip()
                    + " can align")
            .withEvidence(key.get())
            .withReference("RFC 9989 section 4.4.1"));
      } else {
        out.add(Diagnostic.warning(DmarcCodes.DMARC_DKIM_KEY_MISSING,
                (revoked ? "the DKIM key at " + n + " is revoked (empty p=)" : "no DKIM key at " + n
                    + (o.isFailure() ? " (" + o.kind().jsonName() + ")" : ""))
                    + ": signatures with d=" + domain + " s=" + sel.strip() + " cannot verify, so cannot align")
            .withEvidence(key.orElse(o.kind().jsonName()))
            .withRemediation("publish the public key of selector " + sel.strip() + " at " + n)
            .withReference("RFC 6376 section 3.6.2.1"));
      }
    }
  }

  /** Adds a remediation to the lookup and syntax diagnostics that have none. */
  private static Diagnostic withRemediation(Diagnostic d) {
    if (d.remediation().isPresent()) {
      return d;
    }
    DiagnosticCode c = d.code();
    String fix = null;
    if (c.equals(DmarcCodes.DMARC_MULTIPLE_RECORDS)) {
      fix = "keep exactly one v=DMARC1 TXT record at the name";
    } else if (c.equals(DmarcCodes.DMARC_REMOVED_TAG)) {
      fix = "remove the tag; RFC 9989 receivers ignore it (t=y replaces pct=0)";
    } else if (c.equals(DmarcCodes.DMARC_OBSOLETE_URI_SIZE)) {
      fix = "remove the !size suffix from the URI";
    } else if (c.equals(DmarcCodes.DMARC_INVALID_URI)) {
      fix = "use a valid URI such as mailto:dmarc-reports@example.com";
    } else if (c.equals(DmarcCodes.DMARC_INVALID_VALUE) || c.equals(DmarcCodes.DMARC_INVALID_TAG)
        || c.equals(DmarcCodes.DMARC_DUPLICATE_TAG) || c.equals(DmarcCodes.DMARC_EMPTY_TAG)) {
      fix = "correct the record at the position shown";
    } else if (c.equals(DmarcCodes.DMARC_NEAR_MISS_RECORD) || c.equals(DmarcCodes.DMARC_LEADING_WHITESPACE)) {
      fix = "begin the record exactly with v=DMARC1 (upper case, no leading space)";
    } else if (c.equals(DmarcCodes.DMARC_MISSING_P)) {
      fix = "add p=none, p=quarantine or p=reject";
    } else if (c.equals(DmarcCodes.DMARC_DNS_ERROR)) {
      fix = "check the domain's name servers; receivers treat this as a temporary error";
    }
    return fix == null ? d : d.withRemediation(fix);
  }

  /**
   * Builds a {@link DmarcAuditor}. Each setter refuses a second call. Not safe for concurrent use.
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

    /**
     * Sets the public suffix list: required for {@link DiscoveryMode#PSL}; when set, every audit
     * also compares both modes ({@link DmarcAudit#modeComparison()}).
     */
    public Builder publicSuffixList(PublicSuffixList value) {
      discovery.publicSuffixList(value);
      return this;
    }

    /** Sets the limits; only {@link Limits#queryTimeout()} is used. Default {@link Limits#defaults()}. */
    public Builder limits(Limits value) {
      discovery.limits(value);
      return this;
    }

    /**
     * Returns the auditor.
     *
     * @throws NullPointerException if no resolver was set
     * @throws IllegalStateException if the mode is PSL and no list was set
     */
    public DmarcAuditor build() {
      return new DmarcAuditor(discovery.build());
    }
  }

  /** Returns the value of the {@code p=} tag of a DKIM key record (tag=value pairs split on ';'), if any. */
  private static Optional<String> keyTag(String record) {
    for (String part : record.split(";", -1)) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).strip().equals("p")) {
        return Optional.of(part.substring(eq + 1).strip());
      }
    }
    return Optional.empty();
  }
}
