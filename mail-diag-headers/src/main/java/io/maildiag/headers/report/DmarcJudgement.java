package io.maildiag.headers.report;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.internal.LowerCase;
import io.maildiag.dns.dmarc.AlignmentCheck;
import io.maildiag.dns.dmarc.DkimOutcome;
import io.maildiag.dns.dmarc.DmarcDisposition;
import io.maildiag.dns.dmarc.DmarcResult;
import io.maildiag.dns.dmarc.DmarcVerdict;
import io.maildiag.dns.dmarc.PolicySource;
import io.maildiag.dns.dmarc.SpfOutcome;
import io.maildiag.headers.auth.AuthResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * DMARC judged again by mail-diag from the header, next to the receiver's own {@code dmarc=} verdict.
 * {@link HeaderAnalyzer} computes it only when it has a resolver ({@link HeaderReport#dmarc()} is
 * empty otherwise); how each input is chosen is documented on {@link HeaderAnalyzer}.
 *
 * @param authorDomain the RFC5322.From domain; empty when it could not be determined (no From, several
 *     From fields or mailboxes, group syntax...), in which case {@code verdict} is empty too
 * @param authorDomainProblems why the author domain could not be determined ({@link
 *     io.maildiag.dns.dmarc.DmarcCodes} {@code FROM_*} diagnostics, with their span); empty when it was
 * @param spf the SPF outcome fed to DMARC; empty when the header records none usable
 * @param spfSource where {@code spf} came from
 * @param dkim the DKIM outcomes fed to DMARC, one per signature (or {@code dkim=} result)
 * @param dkimSource where {@code dkim} came from
 * @param verdict mail-diag's DMARC verdict; empty without an author domain
 * @param receiver the receiver's {@code dmarc=} result in the newest Authentication-Results, when present
 * @param receiverAuthservId the authserv-id of that Authentication-Results, when present
 * @param agreement how {@code verdict} compares with {@code receiver}
 * @since 0.1
 */
public record DmarcJudgement(
    Optional<DomainName> authorDomain,
    List<Diagnostic> authorDomainProblems,
    Optional<SpfOutcome> spf,
    SpfSource spfSource,
    List<DkimOutcome> dkim,
    DkimSource dkimSource,
    Optional<DmarcVerdict> verdict,
    Optional<AuthResult> receiver,
    Optional<String> receiverAuthservId,
    Agreement agreement) {

  /**
   * Where the SPF outcome came from.
   *
   * @since 0.1
   */
  public enum SpfSource {
    /** The {@code spf=} result of the newest Authentication-Results, with its {@code smtp.mailfrom} domain. */
    AUTHENTICATION_RESULTS,
    /** The topmost Received-SPF field, with its {@code envelope-from} domain. */
    RECEIVED_SPF,
    /** No usable SPF result: DMARC can pass through DKIM only. */
    NONE
  }

  /**
   * Where the DKIM outcomes came from.
   *
   * @since 0.1
   */
  public enum DkimSource {
    /** mail-diag verified every DKIM-Signature again ({@link AuthenticationVerdicts#dkim()}). */
    VERIFIED,
    /** The {@code dkim=} results with {@code header.d} of the newest Authentication-Results. */
    AUTHENTICATION_RESULTS
  }

  /**
   * How mail-diag's verdict compares with the receiver's.
   *
   * @since 0.1
   */
  public enum Agreement {
    /** Both results are the same. */
    AGREES,
    /** The results differ: {@link ReportCodes#HEADERS_DMARC_DISAGREES}. */
    DISAGREES,
    /**
     * Not compared: no verdict, no receiver {@code dmarc=} result, a keyword that is not a DMARC
     * result, or a {@code temperror} on either side.
     */
    NOT_COMPARED
  }

  /** Checks for nulls and copies the lists. */
  public DmarcJudgement {
    Objects.requireNonNull(authorDomain, "authorDomain");
    authorDomainProblems = List.copyOf(authorDomainProblems);
    Objects.requireNonNull(spf, "spf");
    Objects.requireNonNull(spfSource, "spfSource");
    dkim = List.copyOf(dkim);
    Objects.requireNonNull(dkimSource, "dkimSource");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(receiverAuthservId, "receiverAuthservId");
    Objects.requireNonNull(agreement, "agreement");
  }

  /** Returns mail-diag's DMARC result; empty without an author domain. */
  public Optional<DmarcResult> result() {
    return verdict.map(DmarcVerdict::result);
  }

  /** Returns the policy that applies ({@code p}, {@code sp} or {@code np} value); empty without a usable record. */
  public Optional<DmarcDisposition> policy() {
    return verdict.flatMap(DmarcVerdict::policy);
  }

  /** Returns the tag the policy came from. */
  public Optional<PolicySource> policySource() {
    return verdict.flatMap(DmarcVerdict::policySource);
  }

  /** Returns what a receiver following RFC 9989 would do ({@code none} unless the result is fail). */
  public Optional<DmarcDisposition> disposition() {
    return verdict.map(DmarcVerdict::disposition);
  }

  /** Returns the alignment checks that passed and aligned (the identifiers that make DMARC pass). */
  public List<AlignmentCheck> alignedIdentifiers() {
    return verdict.map(v -> v.alignments().stream().filter(AlignmentCheck::aligned).toList()).orElse(List.of());
  }

  /** Returns every alignment check, SPF first. */
  public List<AlignmentCheck> alignments() {
    return verdict.map(DmarcVerdict::alignments).orElse(List.of());
  }

  /** Returns the sentences explaining the verdict, for people. */
  public List<String> reasons() {
    return verdict.map(DmarcVerdict::reasons).orElse(List.of());
  }

  /** Returns the receiver's {@code dmarc=} keyword, lower case ({@code "pass"}, {@code "bestguesspass"}). */
  public Optional<String> receiverResult() {
    return receiver.map(r -> LowerCase.root(r.result()));
  }
}
