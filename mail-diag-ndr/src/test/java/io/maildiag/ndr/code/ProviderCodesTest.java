package io.maildiag.ndr.code;

import static io.maildiag.ndr.code.Provider.GOOGLE;
import static io.maildiag.ndr.code.Provider.MICROSOFT;
import static io.maildiag.ndr.code.Provider.YAHOO;
import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.Actor;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RetryAdvice;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The provider table: documented meanings, ranges and variants. */
class ProviderCodesTest {

  private static ProviderCode primary(Provider p, String code) {
    return ProviderCodes.lookup(p, EnhancedStatusCode.of(code)).orElseThrow(() -> new AssertionError(p + " " + code));
  }

  @Test
  void microsoftDmarcRejectIsAnAuthenticationFailure() {
    ProviderCode c = primary(MICROSOFT, "5.7.509");
    assertThat(c.reason()).isEqualTo(Reason.AUTH_FAILURE);
    assertThat(c.actor()).isEqualTo(Actor.SENDER_ADMIN);
    assertThat(c.retry()).isEqualTo(RetryAdvice.FIX_THEN_RETRY);
    assertThat(c.title()).contains("DMARC");
    assertThat(c.source()).contains("Exchange Online");
  }

  @Test
  void microsoftTenantAndIpBans() {
    assertThat(primary(MICROSOFT, "5.7.708").reason()).isEqualTo(Reason.BAD_REPUTATION);
    assertThat(primary(MICROSOFT, "5.7.705").reason()).isEqualTo(Reason.BAD_REPUTATION);
    assertThat(primary(MICROSOFT, "5.7.750").reason()).isEqualTo(Reason.REJECTED);
    assertThat(primary(MICROSOFT, "5.7.511").reason()).isEqualTo(Reason.BLOCKED);
    assertThat(primary(MICROSOFT, "5.7.513").actor()).isEqualTo(Actor.RECIPIENT_ADMIN);
  }

  @Test
  void microsoftRangesAreExpandedToExactCodes() {
    for (String code : List.of("5.7.606", "5.7.625", "5.7.649")) {
      assertThat(primary(MICROSOFT, code).title()).contains("banned sending IP");
    }
    assertThat(ProviderCodes.lookup(MICROSOFT, EnhancedStatusCode.of("5.7.650"))).isEmpty();
    assertThat(ProviderCodes.lookup(MICROSOFT, EnhancedStatusCode.of("5.7.605"))).isEmpty();
    assertThat(primary(MICROSOFT, "4.7.500").reason()).isEqualTo(Reason.RATE_LIMITED);
    assertThat(primary(MICROSOFT, "4.7.699").retry()).isEqualTo(RetryAdvice.RETRY_LATER);
    assertThat(ProviderCodes.lookup(MICROSOFT, EnhancedStatusCode.of("4.7.700"))).isEmpty();
    assertThat(primary(MICROSOFT, "4.7.850").reason()).isEqualTo(Reason.BAD_REPUTATION);
    assertThat(primary(MICROSOFT, "4.7.899")).isNotNull();
    assertThat(ProviderCodes.lookup(MICROSOFT, EnhancedStatusCode.of("4.7.849"))).isEmpty();
    // the class is part of the code: 5.7.500 is not in the 4.7.500-699 range
    assertThat(ProviderCodes.lookup(MICROSOFT, EnhancedStatusCode.of("5.7.600"))).isEmpty();
    // 5.7.700-749: the tenant over its threshold, but for the two codes with meanings of their own
    for (String code : List.of("5.7.700", "5.7.704", "5.7.705", "5.7.706", "5.7.720", "5.7.749")) {
      assertThat(primary(MICROSOFT, code).title()).as(code).isEqualTo("Access denied, tenant has exceeded threshold");
    }
    assertThat(primary(MICROSOFT, "5.7.703").title()).contains("Tenant Allow/Block List");
    assertThat(primary(MICROSOFT, "5.7.708").title()).contains("traffic not accepted from this IP");
    assertThat(primary(MICROSOFT, "5.7.750").reason()).isEqualTo(Reason.REJECTED);
  }

  @Test
  void microsoft522HasQuotaAndMailboxFullVariants() {
    EnhancedStatusCode code = EnhancedStatusCode.of("5.2.2");
    ProviderCode quota = primary(MICROSOFT, "5.2.2");
    assertThat(quota.reason()).isEqualTo(Reason.EXCEEDED_LIMIT);
    assertThat(quota.title()).contains("Submission quota exceeded");
    assertThat(ProviderCodes.lookupAll(MICROSOFT, code)).hasSize(3).first().isEqualTo(quota);

    assertThat(ProviderCodes.lookup(MICROSOFT, code,
        "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded"))
        .get().satisfies(c -> {
          assertThat(c.reason()).isEqualTo(Reason.MAILBOX_FULL);
          assertThat(c.actor()).isEqualTo(Actor.RECIPIENT);
        });
    assertThat(ProviderCodes.lookup(MICROSOFT, code,
        "554 5.2.2 mailbox full; STOREDRV.Submission.Exception:QuotaExceededException.MapiExceptionQuotaExceeded"))
        .get().satisfies(c -> assertThat(c.title()).contains("Sending mailbox full"));
    assertThat(ProviderCodes.lookup(MICROSOFT, code, "550 5.2.2 Submission quota exceeded")).contains(quota);
    assertThat(ProviderCodes.lookup(MICROSOFT, code, "something else")).contains(quota);
  }

  @Test
  void microsoft541And571VariantsFollowTheText() {
    EnhancedStatusCode c541 = EnhancedStatusCode.of("5.4.1");
    assertThat(ProviderCodes.lookup(MICROSOFT, c541, "550 5.4.1 Relay Access Denied").orElseThrow().reason())
        .isEqualTo(Reason.NO_RELAYING);
    assertThat(ProviderCodes.lookup(MICROSOFT, c541, "550 5.4.1 Recipient address rejected: Access denied")
        .orElseThrow().reason()).isEqualTo(Reason.USER_UNKNOWN);
    EnhancedStatusCode c571 = EnhancedStatusCode.of("5.7.1");
    assertThat(ProviderCodes.lookup(MICROSOFT, c571, "530 5.7.1 Client was not authenticated").orElseThrow().reason())
        .isEqualTo(Reason.SECURITY_ERROR);
    assertThat(ProviderCodes.lookup(MICROSOFT, c571, "550 5.7.1 Unable to relay").orElseThrow().reason())
        .isEqualTo(Reason.NO_RELAYING);
  }

  @Test
  void googleAuthenticationCodes() {
    assertThat(primary(GOOGLE, "5.7.26").reason()).isEqualTo(Reason.AUTH_FAILURE);
    assertThat(primary(GOOGLE, "4.7.26").reason()).isEqualTo(Reason.AUTH_FAILURE);
    ProviderCode spf = primary(GOOGLE, "5.7.27");
    assertThat(spf.reason()).isEqualTo(Reason.AUTH_FAILURE);
    assertThat(spf.title()).contains("SPF");
    assertThat(primary(GOOGLE, "4.7.27").title()).contains("SPF");
    assertThat(primary(GOOGLE, "5.7.30").title()).contains("DKIM");
    assertThat(primary(GOOGLE, "4.7.32").title()).contains("aligned");
    assertThat(primary(GOOGLE, "5.7.32").reason()).isEqualTo(Reason.AUTH_FAILURE);
    assertThat(primary(GOOGLE, "5.7.25").reason()).isEqualTo(Reason.REQUIRE_PTR);
    assertThat(primary(GOOGLE, "5.7.40").title()).contains("DMARC");
  }

  /**
   * Gmail reuses X.7.29 (registered as "ARC validation failure") for "not sent over TLS"; it is
   * classified FAILED_STARTTLS, which the Reason taxonomy documents for X.7.29, with the sender's
   * administrator to act (enable STARTTLS).
   */
  @Test
  void googleTlsRequiredIsFailedStarttls() {
    for (String code : List.of("4.7.29", "5.7.29")) {
      ProviderCode c = primary(GOOGLE, code);
      assertThat(c.reason()).isEqualTo(Reason.FAILED_STARTTLS);
      assertThat(c.actor()).isEqualTo(Actor.SENDER_ADMIN);
      assertThat(c.title()).contains("TLS");
    }
  }

  @Test
  void googleRateAndMailboxCodes() {
    assertThat(primary(GOOGLE, "4.7.28").reason()).isEqualTo(Reason.RATE_LIMITED);
    assertThat(primary(GOOGLE, "5.7.28").reason()).isEqualTo(Reason.BAD_REPUTATION);
    assertThat(primary(GOOGLE, "4.2.1").reason()).isEqualTo(Reason.RATE_LIMITED);
    assertThat(primary(GOOGLE, "5.2.2").reason()).isEqualTo(Reason.MAILBOX_FULL);
    assertThat(primary(GOOGLE, "5.2.1").reason()).isEqualTo(Reason.SUSPENDED);
    assertThat(primary(GOOGLE, "5.4.5").reason()).isEqualTo(Reason.EXCEEDED_LIMIT);
    assertThat(primary(GOOGLE, "5.1.1").retry()).isEqualTo(RetryAdvice.SUPPRESS_ADDRESS);
    assertThat(ProviderCodes.lookup(GOOGLE, EnhancedStatusCode.of("5.2.1"),
        "550 5.2.1 The user you are trying to contact is receiving email at a rate that prevents additional messages")
        .orElseThrow().reason()).isEqualTo(Reason.RATE_LIMITED);
  }

  @Test
  void google571VariantsFollowTheText() {
    EnhancedStatusCode c = EnhancedStatusCode.of("5.7.1");
    assertThat(primary(GOOGLE, "5.7.1").reason()).isEqualTo(Reason.SPAM_DETECTED);
    assertThat(ProviderCodes.lookup(GOOGLE, c, "550-5.7.1 This message is likely suspicious due to the very low"
        + " reputation of the sending domain").orElseThrow().reason()).isEqualTo(Reason.BAD_REPUTATION);
    assertThat(ProviderCodes.lookup(GOOGLE, c, "550 5.7.1 Messages missing a valid Message-ID: header are not"
        + " accepted").orElseThrow().reason()).isEqualTo(Reason.NOT_RFC_COMPLIANT);
    assertThat(ProviderCodes.lookup(GOOGLE, c, "550 5.7.1 The user or domain that you are sending to (or from) has"
        + " a policy that prohibits the email that you sent").orElseThrow().reason()).isEqualTo(Reason.POLICY_VIOLATION);
  }

  @Test
  void secondaryVariantsWinOverTheGenericPrimary() {
    EnhancedStatusCode c = EnhancedStatusCode.of("5.7.26");
    assertThat(ProviderCodes.lookup(GOOGLE, c, "550-5.7.26 Unauthenticated email from example.com is not accepted"
        + " due to domain's DMARC policy.").orElseThrow().title()).contains("DMARC");
    assertThat(ProviderCodes.lookup(GOOGLE, c, "550-5.7.26 This mail has been blocked because the sender is"
        + " unauthenticated.").orElseThrow()).isEqualTo(primary(GOOGLE, "5.7.26"));
    assertThat(ProviderCodes.lookup(GOOGLE, EnhancedStatusCode.of("5.7.0"), "550 5.7.0 Email relay denied 192.0.2.1."
        + " The sending email account has been temporarily suspended due to abuse.").orElseThrow().reason())
        .isEqualTo(Reason.REJECTED);
    assertThat(ProviderCodes.lookup(GOOGLE, EnhancedStatusCode.of("4.7.26"), "451 4.7.26 Unauthenticated email from"
        + " example.com is not accepted due to domain's DMARC policy, but temporary DNS failures prevent"
        + " authentication.").orElseThrow().retry()).isEqualTo(RetryAdvice.RETRY_LATER);
    assertThat(ProviderCodes.lookup(YAHOO, EnhancedStatusCode.of("5.2.2"), "anything")).isEmpty();
  }

  @Test
  void yahooCodefulEntries() {
    assertThat(ProviderCodes.lookup(YAHOO, EnhancedStatusCode.of("4.7.0"),
        "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints"))
        .get().satisfies(c -> assertThat(c.retry()).isEqualTo(RetryAdvice.RETRY_LATER));
    assertThat(primary(YAHOO, "5.7.1").reason()).isEqualTo(Reason.BLOCKED);
    assertThat(primary(YAHOO, "5.7.9").reason()).isEqualTo(Reason.POLICY_VIOLATION);
  }

  @Test
  void lookupByCodeListsEveryProvider() {
    List<ProviderCode> all = ProviderCodes.lookup(EnhancedStatusCode.of("5.7.1"));
    assertThat(all.stream().map(ProviderCode::provider).distinct()).containsExactly(MICROSOFT, GOOGLE, YAHOO);
    assertThat(ProviderCodes.lookup(EnhancedStatusCode.of("5.9.9"))).isEmpty();
  }

  @Test
  void tableIsOrderedAndComplete() {
    List<ProviderCode> all = ProviderCodes.all();
    assertThat(all).isSortedAccordingTo((a, b) -> a.provider() != b.provider()
        ? a.provider().compareTo(b.provider()) : a.code().compareTo(b.code()));
    Set<List<Object>> keys = new HashSet<>();
    for (ProviderCode c : all) {
      assertThat(keys.add(List.of(c.provider(), c.code(), c.title()))).as(c.toString()).isTrue();
      assertThat(List.of(c.title(), c.cause(), c.remediation(), c.source())).allSatisfy(s -> assertThat(s).isNotBlank());
      assertThat(c.reason().isFailure()).as(c.toString()).isTrue();
      if (c.code().isTransient()) {
        assertThat(c.retry()).as(c.toString()).isNotEqualTo(RetryAdvice.SUPPRESS_ADDRESS);
      }
    }
    assertThat(ProviderCodes.providers()).containsExactly(MICROSOFT, GOOGLE, YAHOO);
    assertThat(all.stream().filter(c -> c.provider() == MICROSOFT).count()).isGreaterThan(300);
    assertThat(all.stream().filter(c -> c.provider() == GOOGLE).count()).isGreaterThan(60);
  }

  @Test
  void lookupAllIsTheProvidersShareOfEveryMeaningInTableOrder() {
    for (ProviderCode pc : ProviderCodes.all()) {
      for (Provider p : Provider.values()) {
        List<ProviderCode> expected = ProviderCodes.all().stream()
            .filter(c -> c.provider() == p && c.code().equals(pc.code())).toList();
        assertThat(ProviderCodes.lookupAll(p, pc.code())).as(p + " " + pc.code()).isEqualTo(expected);
      }
    }
    assertThat(ProviderCodes.lookupAll(MICROSOFT, new EnhancedStatusCode(2, 0, 0))).isEmpty();
  }

  @Test
  void codesAndRangesAreReadAsTheirPatternReadsThem() {
    java.util.regex.Pattern p = java.util.regex.Pattern.compile("([245])\\.([0-9]{1,3})\\.([0-9]{1,3})(?:-([0-9]{1,3}))?");
    for (String s : List.of("5.7.1", "4.7.500-699", "2.0.0", "5.7.606-649", "3.1.1", "5.1", "5.1.", "5.1.1-", "5.1234.1",
        "5.1.1234", "5.1.1-1234", "5.1.1-2-3", "5..1", ".1.1", "5.1.1 ", " 5.1.1", "5.x.1", "55.1.1", "5.012.007",
        "4.7.850-899", "5.1.1.1", "")) {
      java.util.regex.Matcher m = p.matcher(s);
      int[] expected = m.matches() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)), m.group(4) == null ? -1 : Integer.parseInt(m.group(4))} : null;
      assertThat(ProviderCodes.codeOrRange(s)).as(s).isEqualTo(expected);
    }
  }
}
