package io.maildiag.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.Limits;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.InMemoryDnsResolver;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.RecordingDnsResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** check_host() of RFC 7208 sections 4 to 6 over an in-memory DNS. */
class SpfEvaluatorTest {

  static final String CLIENT = "192.0.2.3";
  static final String SENDER = "alice@example.com";

  static SpfEvaluation check(DnsResolver dns, String ip, String sender) {
    return check(dns, Limits.defaults(), ip, sender);
  }

  static SpfEvaluation check(DnsResolver dns, Limits limits, String ip, String sender) {
    SpfChecker checker = SpfChecker.builder().resolver(dns).limits(limits).build();
    return checker.check(SpfRequest.mailFrom(IpAddress.of(ip), sender, "helo.example.org"));
  }

  /** Checks 192.0.2.3 sending as alice@example.com where example.com publishes {@code record}. */
  static SpfEvaluation checkRecord(String record, InMemoryDnsResolver.Builder more) {
    return check(more.txt("example.com", record).build(), CLIENT, SENDER);
  }

  static SpfEvaluation checkRecord(String record) {
    return checkRecord(record, InMemoryDnsResolver.builder());
  }

  static DiagnosticCode firstErrorCode(SpfEvaluation e) {
    return e.problems().stream().filter(Diagnostic::isError).findFirst().orElseThrow(
        () -> new AssertionError("no error in " + e.explain())).code();
  }

  static void assertResult(SpfEvaluation e, SpfResult expected) {
    assertThat(e.result()).as("%s", e.explain()).isEqualTo(expected);
  }

  static void assertError(SpfEvaluation e, SpfResult expected, DiagnosticCode code) {
    assertResult(e, expected);
    assertThat(firstErrorCode(e)).as("%s", e.explain()).isEqualTo(code);
    assertThat(e.decidingTerm()).isEmpty();
  }

  // ---------------------------------------------------------------- each result

  @Nested
  class Results {

    @Test
    void noneWhenTheDomainDoesNotExist() {
      SpfEvaluation e = check(InMemoryDnsResolver.builder().build(), CLIENT, SENDER);
      assertResult(e, SpfResult.NONE);
      assertThat(e.problems()).noneMatch(Diagnostic::isError);
      assertThat(e.decidingTerm()).isEmpty();
    }

    @Test
    void noneWhenNoTxtRecordIsSpf() {
      assertResult(check(InMemoryDnsResolver.builder().txt("example.com", "hello").a("example.com", CLIENT)
          .build(), CLIENT, SENDER), SpfResult.NONE);
      assertResult(check(InMemoryDnsResolver.builder().txt("example.com", "v=spf10 +all").build(), CLIENT,
          SENDER), SpfResult.NONE);
    }

    @Test
    void noneWhenOnlyTheObsoleteSpfTypeHoldsTheRecord() {
      assertResult(check(InMemoryDnsResolver.builder().spfType("example.com", "v=spf1 +all").build(), CLIENT,
          SENDER), SpfResult.NONE);
    }

    @Test
    void noneForAnIdentityThatIsNotAMultiLabelDomain() {
      InMemoryDnsResolver dns = InMemoryDnsResolver.builder().txt("localhost", "v=spf1 +all").build();
      SpfEvaluation e = check(dns, CLIENT, "alice@localhost");
      assertResult(e, SpfResult.NONE);
      assertThat(e.problems()).extracting(Diagnostic::code).containsExactly(SpfCodes.SPF_INVALID_IDENTITY);
      assertThat(e.trace().queries()).isEmpty();
      SpfEvaluation bad = check(dns, CLIENT, "alice@exa..mple.com");
      assertResult(bad, SpfResult.NONE);
      assertThat(bad.problems()).extracting(Diagnostic::code).containsExactly(SpfCodes.SPF_INVALID_IDENTITY);
    }

    @Test
    void neutralWhenNothingMatchesAndThereIsNoRedirect() {
      SpfEvaluation e = checkRecord("v=spf1 ip4:198.51.100.0/24");
      assertResult(e, SpfResult.NEUTRAL);
      assertThat(e.decidingTerm()).isEmpty();
      assertResult(checkRecord("v=spf1"), SpfResult.NEUTRAL);
    }

    @Test
    void neutralFromTheQuestionMarkQualifier() {
      SpfEvaluation e = checkRecord("v=spf1 ?all");
      assertResult(e, SpfResult.NEUTRAL);
      assertThat(e.decidingTerm()).contains(new SpfEvaluation.DecidingTerm("example.com", "?all"));
    }

    @Test
    void passFromAMatchingNetwork() {
      SpfEvaluation e = checkRecord("v=spf1 ip4:192.0.2.0/24 -all");
      assertResult(e, SpfResult.PASS);
      assertThat(e.decidingTerm()).contains(new SpfEvaluation.DecidingTerm("example.com", "ip4:192.0.2.0/24"));
      assertThat(e.problems()).isEmpty();
    }

    @Test
    void failAndSoftfailFromAll() {
      assertResult(checkRecord("v=spf1 ip4:198.51.100.1 -all"), SpfResult.FAIL);
      SpfEvaluation soft = checkRecord("v=spf1 ip4:198.51.100.1 ~all");
      assertResult(soft, SpfResult.SOFTFAIL);
      assertThat(soft.decidingTerm()).contains(new SpfEvaluation.DecidingTerm("example.com", "~all"));
    }

    @Test
    void firstMatchingTermDecides() {
      assertResult(checkRecord("v=spf1 -ip4:192.0.2.3 +all"), SpfResult.FAIL);
      assertResult(checkRecord("v=spf1 ~all -all"), SpfResult.SOFTFAIL);
    }

    @Test
    void temperrorWhenTheRecordLookupFails() {
      SpfEvaluation servfail = check(InMemoryDnsResolver.builder().servfail("example.com").build(), CLIENT, SENDER);
      assertError(servfail, SpfResult.TEMPERROR, SpfCodes.SPF_DNS_ERROR);
      SpfEvaluation timeout = check(InMemoryDnsResolver.builder().timeout("example.com").build(), CLIENT, SENDER);
      assertError(timeout, SpfResult.TEMPERROR, SpfCodes.SPF_DNS_ERROR);
      SpfEvaluation refused = check(InMemoryDnsResolver.builder().refused("example.com").build(), CLIENT, SENDER);
      assertError(refused, SpfResult.TEMPERROR, SpfCodes.SPF_DNS_ERROR);
    }

    @Test
    void temperrorWhenAMechanismLookupFails() {
      InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder().servfail("broken.example.com");
      assertError(checkRecord("v=spf1 a:broken.example.com -all", dns), SpfResult.TEMPERROR, SpfCodes.SPF_DNS_ERROR);
      dns = InMemoryDnsResolver.builder().servfail("broken.example.com");
      assertError(checkRecord("v=spf1 mx:broken.example.com -all", dns), SpfResult.TEMPERROR,
          SpfCodes.SPF_DNS_ERROR);
      dns = InMemoryDnsResolver.builder().servfail("broken.example.com");
      assertError(checkRecord("v=spf1 exists:broken.example.com -all", dns), SpfResult.TEMPERROR,
          SpfCodes.SPF_DNS_ERROR);
      dns = InMemoryDnsResolver.builder().mx("example.com", 10, "mx.broken.example.com").servfail("mx.broken.example.com");
      assertError(checkRecord("v=spf1 mx -all", dns), SpfResult.TEMPERROR, SpfCodes.SPF_DNS_ERROR);
    }

    @Test
    void termsBeforeAFailingLookupStillDecide() {
      InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder().servfail("broken.example.com");
      assertResult(checkRecord("v=spf1 ip4:192.0.2.3 a:broken.example.com -all", dns), SpfResult.PASS);
    }

    @Test
    void permerrorForASyntaxError() {
      SpfEvaluation e = checkRecord("v=spf1 ip4:192.0.2.3 foo:bar -all");
      assertError(e, SpfResult.PERMERROR, SpfCodes.SPF_UNKNOWN_MECHANISM);
      assertThat(e.problems().get(0).evidence()).contains("v=spf1 ip4:192.0.2.3 foo:bar -all");
      assertError(checkRecord("v=spf1 +all ip4:192.0.2.0/33"), SpfResult.PERMERROR, SpfCodes.SPF_INVALID_CIDR);
    }

    @Test
    void permerrorForSeveralRecords() {
      SpfEvaluation e = check(InMemoryDnsResolver.builder().txt("example.com", "v=spf1 +all")
          .txt("example.com", "v=spf1 -all").build(), CLIENT, SENDER);
      assertError(e, SpfResult.PERMERROR, SpfCodes.SPF_MULTIPLE_RECORDS);
    }

    @Test
    void permerrorWhenADomainSpecExpandsToAnInvalidName() {
      SpfEvaluation e = check(InMemoryDnsResolver.builder().txt("example.com", "v=spf1 a:%{l}.x.example -all")
          .build(), CLIENT, "a..b@example.com");
      assertError(e, SpfResult.PERMERROR, SpfCodes.SPF_INVALID_DOMAIN_SPEC);
    }

    @Test
    void heloIdentityAndEmptySenderUseTheHeloName() {
      InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
          .txt("helo.example.org", "v=spf1 ip4:192.0.2.3 -all").txt("example.com", "v=spf1 -all").build();
      SpfChecker checker = SpfChecker.builder().resolver(dns).build();
      assertResult(checker.check(SpfRequest.helo(IpAddress.of(CLIENT), "helo.example.org")), SpfResult.PASS);
      assertResult(checker.check(SpfRequest.mailFrom(IpAddress.of(CLIENT), "", "helo.example.org")),
          SpfResult.PASS);
      assertResult(checker.check(SpfRequest.mailFrom(IpAddress.of(CLIENT), SENDER, "helo.example.org")),
          SpfResult.FAIL);
    }
  }

  // ---------------------------------------------------------------- explanations

  @Nested
  class Explanations {

    @Test
    void failCarriesTheExpandedExplanation() {
      SpfEvaluation e = checkRecord("v=spf1 -all exp=why.example.com",
          InMemoryDnsResolver.builder().txt("why.example.com", "%{i} is not one of ", "%{d}'s servers"));
      assertResult(e, SpfResult.FAIL);
      assertThat(e.explanation()).contains("192.0.2.3 is not one of example.com's servers");
    }

    @Test
    void theDomainMacroKeepsTheDomainAsWritten() {
      // RFC 7208 section 7.2: d is <domain>, the sender's domain or the target as given; the
      // lookups fold case, an explanation shows it as written.
      InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
          .txt("example.com", "v=spf1 redirect=Policy.Example.NET")
          .txt("policy.example.net", "v=spf1 -all exp=why.%{d}")
          .txt("why.policy.example.net", "%{d} and %{o} say no; %{d2r}")
          .build();
      SpfEvaluation e = check(dns, CLIENT, "alice@Example.COM");
      assertResult(e, SpfResult.FAIL);
      assertThat(e.explanation()).contains("Policy.Example.NET and Example.COM say no; Example.Policy");
    }

    @Test
    void onlyFailGetsAnExplanation() {
      InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder().txt("why.example.com", "because");
      SpfEvaluation e = checkRecord("v=spf1 ~all exp=why.example.com", dns);
      assertResult(e, SpfResult.SOFTFAIL);
      assertThat(e.explanation()).isEmpty();
    }

    @Test
    void missingSeveralOrFailingExplanationRecordsAreIgnored() {
      assertThat(checkRecord("v=spf1 -all exp=why.example.com").explanation()).isEmpty();
      assertThat(checkRecord("v=spf1 -all exp=why.example.com",
          InMemoryDnsResolver.builder().txt("why.example.com", "one").txt("why.example.com", "two"))
          .explanation()).isEmpty();
      SpfEvaluation servfail = checkRecord("v=spf1 -all exp=why.example.com",
          InMemoryDnsResolver.builder().servfail("why.example.com"));
      assertResult(servfail, SpfResult.FAIL);
      assertThat(servfail.explanation()).isEmpty();
    }

    @Test
    void theExplanationLookupDoesNotCountAgainstTheLimits() {
      String tenLookups = IntStream.rangeClosed(1, 10).mapToObj(i -> "a:h" + i + ".example.com")
          .collect(Collectors.joining(" "));
      java.util.function.Supplier<InMemoryDnsResolver.Builder> dns = () -> {
        InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder().txt("why.example.com", "no");
        for (int i = 1; i <= 10; i++) {
          b.a("h" + i + ".example.com", "198.51.100." + i);
        }
        return b;
      };
      SpfEvaluation voidExp = checkRecord("v=spf1 " + tenLookups + " -all exp=nothing.example.com", dns.get());
      assertResult(voidExp, SpfResult.FAIL);
      assertThat(voidExp.trace().dnsLookups()).isEqualTo(10);
      assertThat(voidExp.trace().voidLookups()).isZero();
      SpfEvaluation withExp = checkRecord("v=spf1 " + tenLookups + " -all exp=why.example.com", dns.get());
      assertResult(withExp, SpfResult.FAIL);
      assertThat(withExp.explanation()).contains("no");
      assertThat(withExp.trace().dnsLookups()).isEqualTo(10);
    }
  }

  // ---------------------------------------------------------------- include

  @Nested
  class Include {

    SpfEvaluation includeOf(String target, String outer) {
      InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder();
      if (target != null) {
        dns.txt("inc.example.net", target);
      }
      return checkRecord(outer, dns);
    }

    @Test
    void passMatchesAndTheOuterQualifierApplies() {
      SpfEvaluation e = includeOf("v=spf1 ip4:192.0.2.0/24 -all", "v=spf1 include:inc.example.net -all");
      assertResult(e, SpfResult.PASS);
      assertThat(e.decidingTerm()).contains(new SpfEvaluation.DecidingTerm("example.com", "include:inc.example.net"));
      assertResult(includeOf("v=spf1 +all", "v=spf1 -include:inc.example.net +all"), SpfResult.FAIL);
      assertResult(includeOf("v=spf1 +all", "v=spf1 ~include:inc.example.net +all"), SpfResult.SOFTFAIL);
      assertResult(includeOf("v=spf1 +all", "v=spf1 ?include:inc.example.net +all"), SpfResult.NEUTRAL);
    }

    @Test
    void failSoftfailAndNeutralDoNotMatch() {
      for (String target : List.of("v=spf1 -all", "v=spf1 ~all", "v=spf1 ?all", "v=spf1")) {
        SpfEvaluation e = includeOf(target, "v=spf1 include:inc.example.net ip4:192.0.2.3 -all");
        assertResult(e, SpfResult.PASS);
        assertThat(e.decidingTerm()).contains(new SpfEvaluation.DecidingTerm("example.com", "ip4:192.0.2.3"));
      }
    }

    @Test
    void noneIsAPermerror() {
      assertError(includeOf(null, "v=spf1 include:inc.example.net +all"), SpfResult.PERMERROR,
          SpfCodes.SPF_TARGET_WITHOUT_RECORD);
      assertError(includeOf("not spf", "v=spf1 include:inc.example.net +all"), SpfResult.PERMERROR,
          SpfCodes.SPF_TARGET_WITHOUT_RECORD);
    }

    @Test
    void errorsPropagate() {
      InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder().servfail("inc.example.net");
      assertError(checkRecord("v=spf1 include:inc.example.net +all", dns), SpfResult.TEMPERROR,
          SpfCodes.SPF_DNS_ERROR);
      dns = InMemoryDnsResolver.builder().txt("inc.example.net", "v=spf1 a:broken.example.net -all")
          .servfail("broken.example.net");
      assertError(checkRecord("v=spf1 include:inc.example.net +all", dns), SpfResult.TEMPERROR,
          SpfCodes.SPF_DNS_ERROR);
    }

    @Test
    void permerrorInsideAnIncludePropagates() {
      assertError(includeOf("v=spf1 bogus -all", "v=spf1 include:inc.example.net +all"), SpfResult.PERMERROR,
          SpfCodes.SPF_UNKNOWN_MECHANISM);
      assertError(includeOf("v=spf1 a:%{x}.x.example", "v=spf1 include:inc.example.net +all"),
          SpfResult.PERMERROR, SpfCodes.SPF_INVALID_MACRO);
    }

    @Test
    void theIncludedRecordSeesItsOwnDomain() {
      InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder()
          .txt("inc.example.net", "v=spf1 a -all").a("inc.example.net", CLIENT);
      assertResult(checkRecord("v=spf1 include:inc.example.net -all", dns), SpfResult.PASS);
    }
  }

  // ---------------------------------------------------------------- redirect

  @Nested
  class Redirect {

    @Test
    void appliesOnlyWhenNothingMatched() {
      RecordingDnsResolver dns = RecordingDnsResolver.wrap(InMemoryDnsResolver.builder()
          .txt("example.com", "v=spf1 ip4:192.0.2.3 redirect=r.example.net")
          .txt("r.example.net", "v=spf1 -all").build());
      assertResult(check(dns, CLIENT, SENDER), SpfResult.PASS);
      assertThat(dns.queries()).containsExactly(DnsQuery.of("example.com", RecordType.TXT));
      SpfEvaluation e = check(dns, "198.51.100.1", SENDER);
      assertResult(e, SpfResult.FAIL);
      assertThat(e.decidingTerm()).contains(new SpfEvaluation.DecidingTerm("r.example.net", "-all"));
    }

    @Test
    void anAllTermMakesTheRedirectUnreachable() {
      RecordingDnsResolver dns = RecordingDnsResolver.wrap(InMemoryDnsResolver.builder()
          .txt("example.com", "v=spf1 redirect=r.example.net ?all").txt("r.example.net", "v=spf1 -all").build());
      assertResult(check(dns, CLIENT, SENDER), SpfResult.NEUTRAL);
      assertThat(dns.queryCount()).isEqualTo(1);
    }

    @Test
    void targetWithoutRecordIsAPermerror() {
      assertError(checkRecord("v=spf1 redirect=r.example.net"), SpfResult.PERMERROR,
          SpfCodes.SPF_TARGET_WITHOUT_RECORD);
      assertError(checkRecord("v=spf1 redirect=r.example.net", InMemoryDnsResolver.builder()
          .txt("r.example.net", "v=spf2.0/pra -all")), SpfResult.PERMERROR, SpfCodes.SPF_TARGET_WITHOUT_RECORD);
    }

    @Test
    void resultOfTheTargetIsTheResult() {
      for (String target : List.of("+all", "-all", "~all", "?all", "")) {
        SpfEvaluation e = checkRecord("v=spf1 redirect=r.example.net",
            InMemoryDnsResolver.builder().txt("r.example.net", "v=spf1 " + target));
        SpfResult expected = switch (target) {
          case "+all" -> SpfResult.PASS;
          case "-all" -> SpfResult.FAIL;
          case "~all" -> SpfResult.SOFTFAIL;
          default -> SpfResult.NEUTRAL;
        };
        assertResult(e, expected);
      }
    }

    @Test
    void theExplanationOfTheTargetIsUsedNotTheOriginal() {
      InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder()
          .txt("r.example.net", "v=spf1 -all exp=why.r.example.net")
          .txt("why.r.example.net", "target says no to %{d}")
          .txt("why.example.com", "origin says no");
      SpfEvaluation e = checkRecord("v=spf1 redirect=r.example.net exp=why.example.com", dns);
      assertResult(e, SpfResult.FAIL);
      assertThat(e.explanation()).contains("target says no to r.example.net");
      InMemoryDnsResolver.Builder noTargetExp = InMemoryDnsResolver.builder()
          .txt("r.example.net", "v=spf1 -all").txt("why.example.com", "origin says no");
      assertThat(checkRecord("v=spf1 redirect=r.example.net exp=why.example.com", noTargetExp).explanation())
          .isEmpty();
    }

    @Test
    void theExplanationOfAnIncludedRecordIsNeitherUsedNorLookedUp() {
      RecordingDnsResolver dns = RecordingDnsResolver.wrap(InMemoryDnsResolver.builder()
          .txt("example.com", "v=spf1 include:inc.example.net -all exp=why.example.com")
          .txt("inc.example.net", "v=spf1 -all exp=why.inc.example.net")
          .txt("why.inc.example.net", "included")
          .txt("why.example.com", "outer").build());
      SpfEvaluation e = check(dns, CLIENT, SENDER);
      assertResult(e, SpfResult.FAIL);
      assertThat(e.explanation()).contains("outer");
      assertThat(dns.queries()).doesNotContain(DnsQuery.of("why.inc.example.net", RecordType.TXT));
      RecordingDnsResolver soft = RecordingDnsResolver.wrap(InMemoryDnsResolver.builder()
          .txt("example.com", "v=spf1 include:inc.example.net ~all exp=why.example.com")
          .txt("inc.example.net", "v=spf1 -all exp=why.inc.example.net").build());
      assertResult(check(soft, CLIENT, SENDER), SpfResult.SOFTFAIL);
      assertThat(soft.queries()).extracting(q -> q.name().toString()).doesNotContain("why.inc.example.net",
          "why.example.com");
    }

    @Test
    void redirectCountsAsALookup() {
      InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder().txt("r.example.net", "v=spf1 ?all");
      SpfEvaluation e = checkRecord("v=spf1 redirect=r.example.net", dns);
      assertThat(e.trace().dnsLookups()).isEqualTo(1);
    }
  }

  // ---------------------------------------------------------------- limits

  @Nested
  class LookupLimit {

    InMemoryDnsResolver.Builder hosts(int n) {
      InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder();
      for (int i = 1; i <= n; i++) {
        dns.a("h" + i + ".example.com", "198.51.100." + i);
      }
      return dns;
    }

    String aTerms(int n) {
      return IntStream.rangeClosed(1, n).mapToObj(i -> "a:h" + i + ".example.com").collect(Collectors.joining(" "));
    }

    @Test
    void exactlyTenLookupsAreAllowed() {
      SpfEvaluation e = checkRecord("v=spf1 " + aTerms(10) + " -all", hosts(11));
      assertResult(e, SpfResult.FAIL);
      assertThat(e.trace().dnsLookups()).isEqualTo(10);
    }

    @Test
    void theEleventhLookupIsAPermerrorAndIsNotAsked() {
      RecordingDnsResolver dns = RecordingDnsResolver.wrap(hosts(11).txt("example.com",
          "v=spf1 " + aTerms(11) + " -all").build());
      SpfEvaluation e = check(dns, CLIENT, SENDER);
      assertError(e, SpfResult.PERMERROR, SpfCodes.SPF_TOO_MANY_LOOKUPS);
      assertThat(e.trace().dnsLookups()).isEqualTo(11);
      assertThat(dns.queries()).hasSize(11).doesNotContain(DnsQuery.of("h11.example.com", RecordType.A));
    }

    @Test
    void theLimitIsConfigurable() {
      SpfEvaluation e = check(hosts(3).txt("example.com", "v=spf1 " + aTerms(3) + " -all").build(),
          Limits.builder().maxDnsLookups(2).build(), CLIENT, SENDER);
      assertError(e, SpfResult.PERMERROR, SpfCodes.SPF_TOO_MANY_LOOKUPS);
      SpfEvaluation none = check(hosts(1).txt("example.com", "v=spf1 a:h1.example.com ip4:192.0.2.3").build(),
          Limits.builder().maxDnsLookups(0).build(), CLIENT, SENDER);
      assertError(none, SpfResult.PERMERROR, SpfCodes.SPF_TOO_MANY_LOOKUPS);
    }

    @Test
    void everyDnsQueryingTermCountsAndOthersDoNot() {
      InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder()
          .a("example.com", "198.51.100.1")
          .mx("example.com", 10, "mail.example.com").a("mail.example.com", "198.51.100.2")
          .txt("inc.example.net", "v=spf1 ip4:198.51.100.0/24 -all")
          .txt("r.example.net", "v=spf1 ip4:198.51.100.0/24 ?all");
      SpfEvaluation e = checkRecord("v=spf1 ip4:198.51.100.1 ip6:2001:db8::1 a mx ptr exists:e.example.com "
          + "include:inc.example.net redirect=r.example.net", dns);
      assertResult(e, SpfResult.NEUTRAL);
      assertThat(e.trace().dnsLookups()).isEqualTo(6);
      assertThat(e.trace().voidLookups()).isEqualTo(2);
      assertThat(e.decidingTerm()).contains(new SpfEvaluation.DecidingTerm("r.example.net", "?all"));
    }

    @Test
    void lookupsInIncludedRecordsCountTowardsTheSameLimit() {
      InMemoryDnsResolver.Builder dns = hosts(10)
          .txt("inc.example.net", "v=spf1 " + aTerms(5) + " -all");
      // 1 include + 5 inside + 4 = 10: fine; 1 + 5 + 5 = 11: permerror.
      assertResult(checkRecord("v=spf1 include:inc.example.net "
          + IntStream.rangeClosed(6, 9).mapToObj(i -> "a:h" + i + ".example.com").collect(Collectors.joining(" "))
          + " -all", dns), SpfResult.FAIL);
      dns = hosts(10).txt("inc.example.net", "v=spf1 " + aTerms(5) + " -all");
      assertError(checkRecord("v=spf1 include:inc.example.net "
          + IntStream.rangeClosed(6, 10).mapToObj(i -> "a:h" + i + ".example.com").collect(Collectors.joining(" "))
          + " -all", dns), SpfResult.PERMERROR, SpfCodes.SPF_TOO_MANY_LOOKUPS);
    }
  }

  @Nested
  class VoidLimit {

    @Test
    void twoVoidLookupsAreAllowedAndTheThirdIsAPermerror() {
      SpfEvaluation two = checkRecord("v=spf1 a:n1.example.com a:n2.example.com -all");
      assertResult(two, SpfResult.FAIL);
      assertThat(two.trace().voidLookups()).isEqualTo(2);
      SpfEvaluation three = checkRecord("v=spf1 a:n1.example.com a:n2.example.com a:n3.example.com -all");
      assertError(three, SpfResult.PERMERROR, SpfCodes.SPF_TOO_MANY_VOID_LOOKUPS);
      assertThat(three.trace().voidLookups()).isEqualTo(3);
    }

    @Test
    void noDataCountsAsVoidToo() {
      InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder()
          .txt("n1.example.com", "x").txt("n2.example.com", "x").txt("n3.example.com", "x");
      SpfEvaluation e = checkRecord("v=spf1 exists:n1.example.com mx:n2.example.com a:n3.example.com -all", dns);
      assertError(e, SpfResult.PERMERROR, SpfCodes.SPF_TOO_MANY_VOID_LOOKUPS);
    }

    @Test
    void aTermMeetingAVoidAnswerAgainCountsAgain() {
      // The limit is on terms (RFC 7208 section 4.6.4): the second and third terms get n1's void
      // answer from the evaluation's cache, and still count, as they would with no cache.
      SpfEvaluation e = checkRecord("v=spf1 a:n1.example.com a:n1.example.com exists:n1.example.com "
          + "a:n2.example.com -all");
      assertError(e, SpfResult.PERMERROR, SpfCodes.SPF_TOO_MANY_VOID_LOOKUPS);
      assertThat(e.trace().voidLookups()).isEqualTo(3);
      assertThat(e.trace().queries()).extracting(q -> q.query().toString())
          .containsOnlyOnce("n1.example.com/A").doesNotContain("n2.example.com/A");
      SpfEvaluation two = checkRecord("v=spf1 a:n1.example.com a:n1.example.com -all");
      assertResult(two, SpfResult.FAIL);
      assertThat(two.trace().voidLookups()).isEqualTo(2);
    }

    @Test
    void aTermCountsAtMostOneVoidLookup() {
      // An IPv6 client against mx hosts that only have A records: each AAAA lookup is void, but
      // the limit is on terms (RFC 7208 section 4.6.4), so the mx term counts once.
      InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder().txt("example.com", "v=spf1 mx -all");
      for (int i = 1; i <= 4; i++) {
        b.mx("example.com", i, "mx" + i + ".example.com").a("mx" + i + ".example.com", "198.51.100." + i);
      }
      SpfEvaluation e = check(b.build(), "2001:db8::cb01", SENDER);
      assertResult(e, SpfResult.FAIL);
      assertThat(e.trace().voidLookups()).isEqualTo(1);
      assertThat(e.trace().queries()).filteredOn(SpfTrace.Query::countedVoid).hasSize(1);
      assertThat(e.trace().queries()).filteredOn(q -> q.outcome().isVoid()).hasSize(4);
    }

    @Test
    void unresolvablePtrNamesCountOnceForTheirTerm() {
      InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder();
      for (int i = 1; i <= 5; i++) {
        b.ptrFor(CLIENT, "p" + i + ".example.com");
      }
      SpfEvaluation e = checkRecord("v=spf1 ptr a:n1.example.com -all", b);
      assertResult(e, SpfResult.FAIL);
      assertThat(e.trace().voidLookups()).isEqualTo(2);
    }

    @Test
    void theLimitIsConfigurable() {
      SpfEvaluation e = check(InMemoryDnsResolver.builder().txt("example.com", "v=spf1 a:n1.example.com -all")
          .build(), Limits.builder().maxVoidLookups(0).build(), CLIENT, SENDER);
      assertError(e, SpfResult.PERMERROR, SpfCodes.SPF_TOO_MANY_VOID_LOOKUPS);
    }
  }

  @Nested
  class Mx {

    InMemoryDnsResolver.Builder mxHosts(int n, int matching) {
      InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder();
      for (int i = 1; i <= n; i++) {
        dns.mx("example.com", i, "mx" + i + ".example.com")
            .a("mx" + i + ".example.com", i == matching ? CLIENT : "198.51.100." + i);
      }
      return dns;
    }

    @Test
    void tenMxNamesAreLookedUp() {
      SpfEvaluation e = checkRecord("v=spf1 mx -all", mxHosts(10, 10));
      assertResult(e, SpfResult.PASS);
      assertThat(e.trace().dnsLookups()).isEqualTo(1);
    }

    @Test
    void moreThanTenMxNamesIsAPermerror() {
      assertError(checkRecord("v=spf1 mx -all", mxHosts(11, 1)), SpfResult.PERMERROR, SpfCodes.SPF_TOO_MANY_MX);
    }

    @Test
    void cidrAppliesToTheMxAddresses() {
      InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder()
          .mx("example.com", 10, "mx.example.com").a("mx.example.com", "192.0.2.200");
      assertResult(checkRecord("v=spf1 mx -all", dns), SpfResult.FAIL);
      dns = InMemoryDnsResolver.builder().mx("example.com", 10, "mx.example.com").a("mx.example.com", "192.0.2.200");
      assertResult(checkRecord("v=spf1 mx/24 -all", dns), SpfResult.PASS);
    }

    @Test
    void nullMxMatchesNothing() {
      InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder().mx("example.com", 0, ".");
      assertResult(checkRecord("v=spf1 mx ?all", dns), SpfResult.NEUTRAL);
    }

    @Test
    void addressLookupsOfAllHostsAreIssuedBeforeTheFirstIsAwaited() {
      BarrierResolver dns = new BarrierResolver(InMemoryDnsResolver.builder()
          .txt("example.com", "v=spf1 mx -all")
          .mx("example.com", 10, "mx1.example.com").mx("example.com", 20, "mx2.example.com")
          .mx("example.com", 30, "mx3.example.com")
          .a("mx1.example.com", "198.51.100.1").a("mx2.example.com", "198.51.100.2")
          .a("mx3.example.com", CLIENT).build(), Set.of("mx1.example.com", "mx2.example.com", "mx3.example.com"));
      SpfEvaluation e = check(dns, Limits.builder().totalTimeBudget(Duration.ofSeconds(3)).build(), CLIENT, SENDER);
      assertResult(e, SpfResult.PASS);
      List<String> events = dns.events();
      int firstCompletion = events.indexOf(events.stream().filter(s -> s.startsWith("done")).findFirst()
          .orElseThrow());
      assertThat(events.subList(0, firstCompletion)).contains(
          "ask mx1.example.com/A", "ask mx2.example.com/A", "ask mx3.example.com/A");
    }
  }

  /**
   * Holds back the answers for the given hosts until all of them have been asked; a sequential
   * evaluator would wait for the first one until its time budget runs out.
   */
  static final class BarrierResolver implements DnsResolver {
    private final DnsResolver delegate;
    private final Set<String> held;
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final List<Runnable> pending = new ArrayList<>();

    BarrierResolver(DnsResolver delegate, Set<String> held) {
      this.delegate = delegate;
      this.held = held;
    }

    @Override
    public CompletionStage<DnsOutcome> resolve(DnsQuery query) {
      events.add("ask " + query);
      if (!held.contains(query.name().toString())) {
        return delegate.resolve(query);
      }
      CompletableFuture<DnsOutcome> f = new CompletableFuture<>();
      List<Runnable> release = List.of();
      synchronized (pending) {
        pending.add(() -> delegate.resolve(query).thenAccept(o -> {
          events.add("done " + query);
          f.complete(o);
        }));
        if (pending.size() == held.size()) {
          release = List.copyOf(pending);
        }
      }
      // Complete from another thread, after this call has returned.
      List<Runnable> toRun = release;
      if (!toRun.isEmpty()) {
        CompletableFuture.runAsync(() -> toRun.forEach(Runnable::run),
            CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS));
      }
      return f;
    }

    List<String> events() {
      return List.copyOf(events);
    }
  }

  @Nested
  class Ptr {

    @Test
    void onlyTheFirstTenNamesAreConsidered() {
      InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder().txt("example.com", "v=spf1 ptr -all");
      for (int i = 1; i <= 11; i++) {
        b.ptrFor(CLIENT, "p" + i + ".example.com");
      }
      b.a("p11.example.com", CLIENT);
      RecordingDnsResolver dns = RecordingDnsResolver.wrap(b.build());
      SpfEvaluation e = check(dns, CLIENT, SENDER);
      assertResult(e, SpfResult.FAIL);
      assertThat(dns.queries()).contains(DnsQuery.of("p10.example.com", RecordType.A))
          .doesNotContain(DnsQuery.of("p11.example.com", RecordType.A));
    }

    @Test
    void aValidatedNameWithinTheFirstTenMatches() {
      InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder();
      for (int i = 1; i <= 11; i++) {
        b.ptrFor(CLIENT, "p" + i + ".example.com");
      }
      b.a("p10.example.com", CLIENT);
      assertResult(checkRecord("v=spf1 ptr -all", b), SpfResult.PASS);
    }

    @Test
    void onlyValidatedNamesMatch() {
      InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder()
          .ptrFor(CLIENT, "mail.example.com").a("mail.example.com", "192.0.2.99");
      assertResult(checkRecord("v=spf1 ptr -all", b), SpfResult.FAIL);
    }

    @Test
    void theNameMustBeInTheTargetDomain() {
      InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder()
          .ptrFor(CLIENT, "mail.other.org").a("mail.other.org", CLIENT);
      assertResult(checkRecord("v=spf1 ptr -all", b), SpfResult.FAIL);
      b = InMemoryDnsResolver.builder().ptrFor(CLIENT, "mail.other.org").a("mail.other.org", CLIENT);
      assertResult(checkRecord("v=spf1 ptr:other.org -all", b), SpfResult.PASS);
      b = InMemoryDnsResolver.builder().ptrFor(CLIENT, "other.org").a("other.org", CLIENT);
      assertResult(checkRecord("v=spf1 ptr:other.org -all", b), SpfResult.PASS);
      b = InMemoryDnsResolver.builder().ptrFor(CLIENT, "notother.org").a("notother.org", CLIENT);
      assertResult(checkRecord("v=spf1 ptr:other.org -all", b), SpfResult.FAIL);
    }

    @Test
    void dnsErrorsMakeThePtrMechanismNotMatchRatherThanTemperror() {
      InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder()
          .servfail(IpAddress.of(CLIENT).reverseName().toString());
      assertResult(checkRecord("v=spf1 ptr ?all", b), SpfResult.NEUTRAL);
      b = InMemoryDnsResolver.builder().ptrFor(CLIENT, "bad.example.com").servfail("bad.example.com")
          .ptrFor(CLIENT, "good.example.com").a("good.example.com", CLIENT);
      assertResult(checkRecord("v=spf1 ptr -all", b), SpfResult.PASS);
    }

    @Test
    void ipv6ClientsAreValidatedWithAaaa() {
      InMemoryDnsResolver dns = InMemoryDnsResolver.builder().txt("example.com", "v=spf1 ptr -all")
          .ptrFor("2001:db8::cb01", "mail.example.com").aaaa("mail.example.com", "2001:db8::cb01").build();
      assertResult(check(dns, "2001:db8::cb01", SENDER), SpfResult.PASS);
    }
  }

  // ---------------------------------------------------------------- loops and time

  @Nested
  class Loops {

    SpfEvaluation timed(InMemoryDnsResolver dns) {
      long start = System.nanoTime();
      SpfEvaluation e = check(dns, CLIENT, SENDER);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
      return e;
    }

    @Test
    void includeLoopIsAPermerror() {
      SpfEvaluation e = timed(InMemoryDnsResolver.builder()
          .txt("example.com", "v=spf1 include:b.example.net -all")
          .txt("b.example.net", "v=spf1 include:example.com -all").build());
      assertError(e, SpfResult.PERMERROR, SpfCodes.SPF_LOOP);
    }

    @Test
    void selfIncludeIsAPermerror() {
      assertError(timed(InMemoryDnsResolver.builder().txt("example.com", "v=spf1 include:example.com -all")
          .build()), SpfResult.PERMERROR, SpfCodes.SPF_LOOP);
      assertError(timed(InMemoryDnsResolver.builder().txt("example.com", "v=spf1 include:%{d} -all")
          .build()), SpfResult.PERMERROR, SpfCodes.SPF_LOOP);
    }

    @Test
    void redirectLoopIsAPermerror() {
      SpfEvaluation e = timed(InMemoryDnsResolver.builder()
          .txt("example.com", "v=spf1 redirect=b.example.net")
          .txt("b.example.net", "v=spf1 redirect=example.com").build());
      assertError(e, SpfResult.PERMERROR, SpfCodes.SPF_LOOP);
      assertThat(e.trace().dnsLookups()).isLessThanOrEqualTo(2);
    }

    @Test
    void selfRedirectIsAPermerror() {
      SpfEvaluation e = timed(InMemoryDnsResolver.builder().txt("example.com", "v=spf1 redirect=example.com")
          .build());
      assertError(e, SpfResult.PERMERROR, SpfCodes.SPF_LOOP);
    }

    @Test
    void redirectBackIntoAnIncludeChainIsAPermerror() {
      SpfEvaluation e = timed(InMemoryDnsResolver.builder()
          .txt("example.com", "v=spf1 include:b.example.net -all")
          .txt("b.example.net", "v=spf1 redirect=example.com").build());
      assertError(e, SpfResult.PERMERROR, SpfCodes.SPF_LOOP);
    }

    @Test
    void includingTheSameDomainTwiceInSequenceIsNoLoop() {
      SpfEvaluation e = timed(InMemoryDnsResolver.builder()
          .txt("example.com", "v=spf1 include:b.example.net include:b.example.net ?all")
          .txt("b.example.net", "v=spf1 -all").build());
      assertResult(e, SpfResult.NEUTRAL);
      assertThat(e.trace().dnsLookups()).isEqualTo(2);
    }

    @Test
    void aDiamondIsNoLoop() {
      SpfEvaluation e = timed(InMemoryDnsResolver.builder()
          .txt("example.com", "v=spf1 include:b.example.net include:c.example.net ?all")
          .txt("b.example.net", "v=spf1 include:d.example.net -all")
          .txt("c.example.net", "v=spf1 redirect=d.example.net")
          .txt("d.example.net", "v=spf1 ip4:192.0.2.3 -all").build());
      assertResult(e, SpfResult.PASS);
    }
  }

  @Nested
  class TimeBudget {

    @Test
    void aSlowResolverEndsInTemperrorWithinTheBudget() {
      Duration budget = Duration.ofMillis(300);
      InMemoryDnsResolver dns = InMemoryDnsResolver.builder().txt("example.com", "v=spf1 +all")
          .latency("example.com", Duration.ofSeconds(30)).build();
      long start = System.nanoTime();
      SpfEvaluation e = check(dns, Limits.builder().totalTimeBudget(budget).build(), CLIENT, SENDER);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      assertError(e, SpfResult.TEMPERROR, SpfCodes.SPF_TIME_BUDGET);
      assertThat(elapsed).isGreaterThanOrEqualTo(budget.minusMillis(50)).isLessThan(budget.plusSeconds(2));
    }

    @Test
    void theBudgetIsForTheWholeEvaluation() {
      InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
          .txt("example.com", "v=spf1 include:b.example.net -all").latency("example.com", Duration.ofMillis(200))
          .txt("b.example.net", "v=spf1 include:c.example.net -all").latency("b.example.net", Duration.ofMillis(200))
          .txt("c.example.net", "v=spf1 +all").latency("c.example.net", Duration.ofMillis(200)).build();
      long start = System.nanoTime();
      SpfEvaluation slow = check(dns, Limits.builder().totalTimeBudget(Duration.ofMillis(450)).build(), CLIENT,
          SENDER);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(450).plusSeconds(2));
      assertError(slow, SpfResult.TEMPERROR, SpfCodes.SPF_TIME_BUDGET);
      SpfEvaluation fine = check(dns, Limits.builder().totalTimeBudget(Duration.ofSeconds(5)).build(), CLIENT,
          SENDER);
      assertResult(fine, SpfResult.PASS);
    }

    @Test
    void aResolverThatNeverAnswersEndsInTemperror() {
      DnsResolver never = q -> new CompletableFuture<>();
      SpfEvaluation e = check(never, Limits.builder().totalTimeBudget(Duration.ofMillis(100)).build(), CLIENT,
          SENDER);
      assertError(e, SpfResult.TEMPERROR, SpfCodes.SPF_TIME_BUDGET);
    }
  }

  // ---------------------------------------------------------------- addresses

  @Nested
  class Addresses {

    @Test
    void ipv4MappedClientIsCheckedAsIpv4() {
      String mapped = "::ffff:192.0.2.3";
      assertResult(check(InMemoryDnsResolver.builder().txt("example.com", "v=spf1 ip4:192.0.2.0/24 -all").build(),
          mapped, SENDER), SpfResult.PASS);
      assertResult(check(InMemoryDnsResolver.builder().txt("example.com", "v=spf1 ip6:::ffff:192.0.2.0/120 -all")
          .build(), mapped, SENDER), SpfResult.FAIL);
      RecordingDnsResolver dns = RecordingDnsResolver.wrap(InMemoryDnsResolver.builder()
          .txt("example.com", "v=spf1 a mx -all").mx("example.com", 10, "mx.example.com")
          .a("mx.example.com", CLIENT).build());
      assertResult(check(dns, mapped, SENDER), SpfResult.PASS);
      assertThat(dns.queryCount(RecordType.AAAA)).isZero();
    }

    @Test
    void ipv6ClientWithIp6() {
      String v6 = "2001:db8::cb01";
      assertResult(check(InMemoryDnsResolver.builder().txt("example.com", "v=spf1 ip6:2001:db8::/32 -all").build(),
          v6, SENDER), SpfResult.PASS);
      assertResult(check(InMemoryDnsResolver.builder().txt("example.com", "v=spf1 ip4:0.0.0.0/0 -all").build(),
          v6, SENDER), SpfResult.FAIL);
      assertResult(check(InMemoryDnsResolver.builder().txt("example.com", "v=spf1 ip6:2001:db8::cb02 -all")
          .build(), v6, SENDER), SpfResult.FAIL);
    }

    @Test
    void ipv6ClientWithAAndMxUsesAaaaAndTheIpv6Prefix() {
      String v6 = "2001:db8::cb01";
      RecordingDnsResolver dns = RecordingDnsResolver.wrap(InMemoryDnsResolver.builder()
          .txt("example.com", "v=spf1 a -all").aaaa("example.com", v6).a("example.com", "192.0.2.3").build());
      assertResult(check(dns, v6, SENDER), SpfResult.PASS);
      assertThat(dns.queryCount(RecordType.A)).isZero();
      assertResult(check(InMemoryDnsResolver.builder().txt("example.com", "v=spf1 a/0 -all")
          .aaaa("example.com", "2001:db8::1").build(), v6, SENDER), SpfResult.FAIL);
      assertResult(check(InMemoryDnsResolver.builder().txt("example.com", "v=spf1 a/0//64 -all")
          .aaaa("example.com", "2001:db8::1").build(), v6, SENDER), SpfResult.PASS);
      assertResult(check(InMemoryDnsResolver.builder().txt("example.com", "v=spf1 mx//120 -all")
          .mx("example.com", 10, "mx.example.com").aaaa("mx.example.com", "2001:db8::cb99").build(), v6, SENDER),
          SpfResult.PASS);
      assertResult(check(InMemoryDnsResolver.builder().txt("example.com", "v=spf1 mx -all")
          .mx("example.com", 10, "mx.example.com").aaaa("mx.example.com", "2001:db8::cb99").build(), v6, SENDER),
          SpfResult.FAIL);
    }

    @Test
    void ipv4ClientIgnoresTheIpv6PrefixAndAaaaRecords() {
      assertResult(checkRecord("v=spf1 a//0 -all", InMemoryDnsResolver.builder().a("example.com", "198.51.100.1")
          .aaaa("example.com", "2001:db8::1")), SpfResult.FAIL);
      assertResult(checkRecord("v=spf1 a/8//128 -all", InMemoryDnsResolver.builder().a("example.com", "192.9.9.9")),
          SpfResult.PASS);
    }

    @Test
    void existsAlwaysAsksForA() {
      RecordingDnsResolver dns = RecordingDnsResolver.wrap(InMemoryDnsResolver.builder()
          .txt("example.com", "v=spf1 exists:%{ir}.x.example.com -all")
          .a("1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.x.example.com", "127.0.0.2").build());
      assertResult(check(dns, "2001:db8::cb01", SENDER), SpfResult.PASS);
      assertThat(dns.queryCount(RecordType.AAAA)).isZero();
    }
  }

  // ---------------------------------------------------------------- each question once

  @Test
  void noQuestionIsAskedTwiceInOneEvaluation() {
    RecordingDnsResolver dns = RecordingDnsResolver.wrap(InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 a a:example.com mx mx:example.com include:inc.example.net "
            + "include:inc.example.net ptr ptr -all")
        .a("example.com", "198.51.100.1").mx("example.com", 10, "mx.example.com")
        .a("mx.example.com", "198.51.100.2")
        .txt("inc.example.net", "v=spf1 a:example.com ~all").build());
    SpfEvaluation e = check(dns, CLIENT, SENDER);
    assertResult(e, SpfResult.FAIL);
    assertThat(e.trace().dnsLookups()).isEqualTo(10);
    assertThat(dns.queries()).doesNotHaveDuplicates();
    assertThat(dns.queries()).containsExactlyInAnyOrder(
        DnsQuery.of("example.com", RecordType.TXT), DnsQuery.of("example.com", RecordType.A),
        DnsQuery.of("example.com", RecordType.MX), DnsQuery.of("mx.example.com", RecordType.A),
        DnsQuery.of("inc.example.net", RecordType.TXT), new DnsQuery(IpAddress.of(CLIENT).reverseName(), RecordType.PTR));
    assertThat(e.trace().queries()).extracting(SpfTrace.Query::query).doesNotHaveDuplicates();
    // A second evaluation asks again: nothing is shared between evaluations.
    check(dns, CLIENT, SENDER);
    assertThat(dns.queryCount()).isEqualTo(12);
  }

  // ---------------------------------------------------------------- explain and async

  @Test
  void explainNamesTheDecidingTermTheResultAndTheLookups() {
    InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder()
        .txt("inc.example.net", "v=spf1 ip4:192.0.2.0/24 -all");
    SpfEvaluation e = checkRecord("v=spf1 a:n1.example.com include:inc.example.net -all", dns);
    String text = e.explain();
    assertThat(text)
        .contains("SPF check of 192.0.2.3 for MAIL FROM <alice@example.com> (HELO helo.example.org)")
        .contains("check_host(example.com)")
        .contains("example.com: \"v=spf1 a:n1.example.com include:inc.example.net -all\"")
        .contains("a:n1.example.com -> no match")
        .contains("ip4:192.0.2.0/24 -> match: pass")
        .contains("include:inc.example.net -> match: pass")
        .contains("Result: pass (decided by 'include:inc.example.net' in the record of example.com)")
        .contains("DNS: 2 lookup(s) counted, 1 void, 3 question(s) asked");
  }

  @Test
  void explainShowsTheProblemOfAnError() {
    SpfEvaluation e = checkRecord("v=spf1 a:n1.example.com a:n2.example.com a:n3.example.com -all");
    assertThat(e.explain()).contains("Result: permerror").contains("error SPF_TOO_MANY_VOID_LOOKUPS: ");
  }

  @Test
  void checkAsyncCompletesWithTheSameResult() throws Exception {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder().txt("example.com", "v=spf1 ip4:192.0.2.3 -all").build();
    SpfChecker checker = SpfChecker.builder().resolver(dns).build();
    SpfRequest request = SpfRequest.mailFrom(IpAddress.of(CLIENT), SENDER, "h.example");
    SpfEvaluation async = checker.checkAsync(request).toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(async.result()).isEqualTo(SpfResult.PASS);
    assertThat(async.decidingTerm()).isEqualTo(checker.check(request).decidingTerm());
    SpfEvaluation onCaller = checker.toBuilder().executor(Runnable::run).build().checkAsync(request)
        .toCompletableFuture().getNow(null);
    assertThat(onCaller).isNotNull();
    assertThat(onCaller.result()).isEqualTo(SpfResult.PASS);
  }

  @Test
  void aResolverThatBreaksItsContractGivesTemperrorNotAnException() {
    DnsResolver failing = q -> CompletableFuture.failedFuture(new IllegalStateException("bug"));
    SpfEvaluation e = check(failing, CLIENT, SENDER);
    assertError(e, SpfResult.TEMPERROR, SpfCodes.SPF_DNS_ERROR);
    DnsResolver throwing = q -> {
      throw new IllegalStateException("bug");
    };
    SpfEvaluation t = check(throwing, CLIENT, SENDER);
    assertError(t, SpfResult.TEMPERROR, SpfCodes.SPF_DNS_ERROR);
  }
}
