package io.maildiag.ndr.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.ParseResult;
import io.maildiag.ndr.Actor;
import io.maildiag.ndr.Classification;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RetryAdvice;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The facade: explanations and default classifications. */
class NdrCodeTest {

  /** Registered codes whose text names no cause. */
  private static final Set<String> NO_EVIDENT_REASON = Set.of("X.0.0", "X.1.0", "X.2.0", "X.1.9");

  @Test
  void everyRegisteredCodeHasARuleOfItsOwn() {
    for (StatusCodeRegistry.Entry e : StatusCodeRegistry.entries()) {
      assertThat(DefaultClassifications.hasRule(e.key())).as(e.key()).isTrue();
    }
  }

  /** Codes whose addresses can never receive mail, so that even their transient form is suppressed. */
  static final java.util.Set<String> NEVER_DELIVERABLE = java.util.Set.of("X.1.6", "X.1.10");

  @Test
  void everyRegisteredFailureCodeHasAnEvidentReason() {
    for (StatusCodeRegistry.Entry e : StatusCodeRegistry.entries()) {
      for (int cls : e.classes()) {
        EnhancedStatusCode code = e.withClass(cls);
        Classification c = NdrCode.defaultClassification(code);
        assertThat(c.rule()).isEqualTo("status:" + code);
        assertThat(c.permanent()).isEqualTo(cls == 5);
        assertThat(c.remediation()).isNotBlank();
        if (cls == 2) {
          assertThat(c.reason()).as(code.toString()).isEqualTo(Reason.DELIVERED);
        } else if (!NO_EVIDENT_REASON.contains(e.key())) {
          assertThat(c.reason()).as(code.toString()).isNotEqualTo(Reason.UNDEFINED);
        }
        if (cls == 4 && !NEVER_DELIVERABLE.contains(e.key())) {
          assertThat(c.retry()).as(code.toString()).isNotEqualTo(RetryAdvice.SUPPRESS_ADDRESS);
        }
        if (cls != 2 && NEVER_DELIVERABLE.contains(e.key())) {
          // a null MX or a moved mailbox does not come back: retrying never helps, whatever the class
          assertThat(c.retry()).as(code.toString()).isEqualTo(RetryAdvice.SUPPRESS_ADDRESS);
        }
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "5.1.1, USER_UNKNOWN, SUPPRESS_ADDRESS, SENDER",
    "5.1.10, NOT_ACCEPTING, SUPPRESS_ADDRESS, SENDER",
    "4.2.2, MAILBOX_FULL, RETRY_LATER, RECIPIENT",
    "5.2.2, MAILBOX_FULL, DO_NOT_RETRY, RECIPIENT",
    "5.7.26, AUTH_FAILURE, FIX_THEN_RETRY, SENDER_ADMIN",
    "4.7.26, AUTH_FAILURE, FIX_THEN_RETRY, SENDER_ADMIN",
    "4.4.7, EXPIRED, FIX_THEN_RETRY, RECIPIENT_ADMIN",
    "5.3.4, EMAIL_TOO_LARGE, FIX_THEN_RETRY, SENDER",
    "5.7.25, REQUIRE_PTR, FIX_THEN_RETRY, SENDER_ADMIN",
    "4.4.1, NETWORK_ERROR, RETRY_LATER, NONE",
    "5.7.10, FAILED_STARTTLS, FIX_THEN_RETRY, SENDER_ADMIN",
    "5.7.30, FAILED_STARTTLS, FIX_THEN_RETRY, SENDER",
    "5.7.509, POLICY_VIOLATION, DO_NOT_RETRY, SENDER_ADMIN",
    "5.4.310, NETWORK_ERROR, DO_NOT_RETRY, RECIPIENT_ADMIN",
    "5.9.1, UNDEFINED, DO_NOT_RETRY, SENDER_ADMIN",
    "2.1.5, DELIVERED, DO_NOT_RETRY, NONE",
  })
  void defaultClassification(String code, Reason reason, RetryAdvice retry, Actor actor) {
    Classification c = NdrCode.defaultClassification(EnhancedStatusCode.of(code));
    assertThat(c.reason()).isEqualTo(reason);
    assertThat(c.retry()).isEqualTo(retry);
    assertThat(c.actor()).isEqualTo(actor);
    assertThat(c.rule()).isEqualTo("status:" + code);
  }

  @Test
  void transientRemediationSaysTheServerRetries() {
    assertThat(NdrCode.defaultClassification(EnhancedStatusCode.of("4.4.1")).remediation())
        .startsWith("Temporary: the sending server retries.");
  }

  @Test
  void explainsARegisteredCode() {
    CodeExplanation e = NdrCode.explain(EnhancedStatusCode.of("5.7.26"));
    assertThat(e.statusClass()).isEqualTo(StatusClass.PERMANENT_FAILURE);
    assertThat(e.permanent()).isTrue();
    assertThat(e.registered()).isTrue();
    assertThat(e.title()).isEqualTo("Multiple authentication checks failed");
    assertThat(e.subject()).contains(StatusSubject.SECURITY_POLICY);
    assertThat(e.subjectDescription()).contains("policy");
    assertThat(e.classRegistered()).isTrue();
    assertThat(e.providerMeaning(Provider.GOOGLE)).get()
        .satisfies(p -> assertThat(p.reason()).isEqualTo(Reason.AUTH_FAILURE));
    assertThat(e.defaultClassification().reason()).isEqualTo(Reason.AUTH_FAILURE);
  }

  @Test
  void explainsAnUnregisteredProviderCode() {
    CodeExplanation e = NdrCode.explain(EnhancedStatusCode.of("5.7.509"));
    assertThat(e.registered()).isFalse();
    assertThat(e.title()).isEqualTo("Security or Policy Status, detail 509 (not registered)");
    assertThat(e.providerMeanings()).singleElement()
        .satisfies(p -> assertThat(p.provider()).isEqualTo(Provider.MICROSOFT));
    assertThat(e.providerMeaning(Provider.GOOGLE)).isEmpty();
  }

  @Test
  void flagsAClassTheRegistryDoesNotRecommend() {
    assertThat(NdrCode.explain(EnhancedStatusCode.of("5.2.2")).classRegistered()).isFalse();
    assertThat(NdrCode.explain(EnhancedStatusCode.of("4.2.2")).classRegistered()).isTrue();
    assertThat(NdrCode.explain(EnhancedStatusCode.of("5.7.999")).classRegistered()).isTrue();
  }

  @Test
  void explainsAnUnregisteredSubject() {
    CodeExplanation e = NdrCode.explain(EnhancedStatusCode.of("4.9.9"));
    assertThat(e.subject()).isEmpty();
    assertThat(e.subjectDescription()).contains("not registered");
    assertThat(e.statusClass()).isEqualTo(StatusClass.TRANSIENT_FAILURE);
  }

  @Test
  void explainTextTrimsAndReportsPositionsInTheOriginal() {
    assertThat(NdrCode.explain("  5.1.1 ").value()).get()
        .satisfies(e -> assertThat(e.code()).isEqualTo(EnhancedStatusCode.of("5.1.1")));
    ParseResult<CodeExplanation> bad = NdrCode.explain("  5.01.1");
    assertThat(bad.isSuccess()).isFalse();
    assertThat(bad.errors().get(0).span().orElseThrow().offset()).isEqualTo(4);
    assertThat(bad.errors().get(0).span().orElseThrow().length()).isEqualTo(2);
    assertThat(NdrCode.explain("6.1.1").errors().get(0).code()).isEqualTo(EnhancedStatusCode.STATUS_CODE_INVALID);
    assertThat(NdrCode.explain("").isSuccess()).isFalse();
  }
}
