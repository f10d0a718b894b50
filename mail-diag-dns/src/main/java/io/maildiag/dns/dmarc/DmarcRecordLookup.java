package io.maildiag.dns.dmarc;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.internal.LowerCase;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.TxtRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The outcome of fetching the DMARC record of one domain: the TXT question at {@code
 * _dmarc.<domain>} and what it yielded (RFC 9989 section 4.10 steps 1-2, RFC 7489 section 6.6.3).
 *
 * <p>The strings of each TXT record are joined without separator. Records that do not begin with
 * {@code v=DMARC1} as {@link DmarcPolicy#isDmarcRecord(String)} defines it are ignored (near misses,
 * such as {@code v=dmarc1} or leading whitespace, are reported as findings); several DMARC records
 * mean none ({@link Status#MULTIPLE_RECORDS}); NXDOMAIN and NODATA mean none; SERVFAIL, REFUSED and
 * timeouts are {@link Status#DNS_ERROR}, which evaluation turns into {@code temperror}.
 *
 * @param domain the domain whose record was sought (without {@code _dmarc})
 * @param status what the lookup found
 * @param policy the parsed record when {@link Status#FOUND}
 * @param recordText the record text when {@link Status#FOUND}
 * @param dnsOutcome the kind of DNS outcome of the TXT question
 * @param findings diagnostics of the lookup and of parsing the record
 * @since 0.1
 */
public record DmarcRecordLookup(
    DomainName domain,
    Status status,
    Optional<DmarcPolicy> policy,
    Optional<String> recordText,
    DnsOutcome.Kind dnsOutcome,
    List<Diagnostic> findings) {

  /**
   * What one lookup found.
   *
   * @since 0.1
   */
  public enum Status {
    /** Exactly one DMARC record. */
    FOUND,
    /** No DMARC record (NXDOMAIN, NODATA or only non-DMARC TXT records). */
    NOT_FOUND,
    /** Several DMARC records; all are discarded, as if none were found. */
    MULTIPLE_RECORDS,
    /** The question failed (SERVFAIL, REFUSED, timeout). */
    DNS_ERROR
  }

  /** Checks for null; a FOUND lookup has a policy. */
  public DmarcRecordLookup {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(recordText, "recordText");
    Objects.requireNonNull(dnsOutcome, "dnsOutcome");
    findings = List.copyOf(findings);
    if ((status == Status.FOUND) != policy.isPresent()) {
      throw new IllegalArgumentException("a policy is present exactly when the status is FOUND");
    }
  }

  /** Returns the name queried: {@code _dmarc.<domain>}. */
  public DomainName queryName() {
    return queryName(domain);
  }

  /** {@code v=DMARC1} in any case and spacing, then no word char: a DMARC record's version, loosely written. */
  private static final Pattern LOOSE_VERSION = Pattern.compile("v\\s*=\\s*dmarc1(?![\\p{L}\\p{Nd}_]).*");

  /**
   * Whether {@code text}, stripped and lower-cased, starts with a DMARC version tag however it is
   * spaced: a record that means to be DMARC, exact or not.
   */
  static boolean looksVersioned(String text) {
    return LOOSE_VERSION.matcher(LowerCase.root(text.strip())).matches();
  }

  static DomainName queryName(DomainName domain) {
    return domain.child("_dmarc");
  }

  /** Returns whether a record was found. */
  public boolean isFound() {
    return status == Status.FOUND;
  }

  /** Interprets the outcome of the TXT question at {@code _dmarc.<domain>}. */
  public static DmarcRecordLookup interpret(DomainName domain, DnsOutcome outcome) {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(outcome, "outcome");
    List<Diagnostic> findings = new ArrayList<>();
    if (outcome.isFailure()) {
      findings.add(Diagnostic.error(DmarcCodes.DMARC_DNS_ERROR,
              "the DMARC record of " + domain + " could not be fetched: " + outcome.kind().jsonName()
                  + outcome.failureDetail().map(d -> " (" + d + ")").orElse(""))
          .withReference("RFC 9989 section 4.10"));
      return new DmarcRecordLookup(domain, Status.DNS_ERROR, Optional.empty(), Optional.empty(),
          outcome.kind(), findings);
    }
    List<String> dmarc = new ArrayList<>();
    for (TxtRecord r : outcome.records(TxtRecord.class)) {
      if (r.type() != RecordType.TXT) {
        continue;
      }
      String text = r.text();
      if (DmarcPolicy.isDmarcRecord(text)) {
        dmarc.add(text);
      } else if (DmarcPolicy.isDmarcRecord(text.stripLeading())
          || looksVersioned(text)) {
        findings.add(Diagnostic.warning(DmarcCodes.DMARC_NEAR_MISS_RECORD,
                "TXT record at " + queryName(domain) + " looks like DMARC but does not begin exactly with "
                    + "v=DMARC1 (case or leading whitespace); receivers following the RFC ignore it")
            .withEvidence(text)
            .withReference("RFC 9989 section 4.7"));
      }
    }
    if (dmarc.size() > 1) {
      findings.add(Diagnostic.error(DmarcCodes.DMARC_MULTIPLE_RECORDS,
              dmarc.size() + " DMARC records at " + queryName(domain) + "; all are discarded")
          .withEvidence(String.join(" | ", dmarc))
          .withReference("RFC 7489 section 6.6.3; RFC 9989 section 4.10"));
      return new DmarcRecordLookup(domain, Status.MULTIPLE_RECORDS, Optional.empty(), Optional.empty(),
          outcome.kind(), findings);
    }
    if (dmarc.isEmpty()) {
      return new DmarcRecordLookup(domain, Status.NOT_FOUND, Optional.empty(), Optional.empty(),
          outcome.kind(), findings);
    }
    ParseResult<DmarcPolicy> parsed = DmarcPolicy.parse(dmarc.get(0));
    findings.addAll(parsed.diagnostics());
    // isDmarcRecord guarantees the version check passes, so the parse always has a value.
    return new DmarcRecordLookup(domain, Status.FOUND, parsed.value(), Optional.of(dmarc.get(0)),
        outcome.kind(), findings);
  }
}
