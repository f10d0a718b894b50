package io.maildiag.ndr;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.classify.Advice;
import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.Provider;
import io.maildiag.ndr.code.ReplyCode;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Permanence, retry advice, actor and remediation. */
class ReasonClassifierAdviceTest {

  static Classification classify(Optional<String> status, Optional<Integer> reply, String text, String action) {
    return ReasonClassifier.standard().classify(new ClassificationInput(status.map(EnhancedStatusCode::of),
        reply.map(ReplyCode::of), text, action, Provider.OTHER));
  }

  @Test
  void permanenceFollowsTheStatusClassFirst() {
    assertThat(classify(Optional.of("5.2.2"), Optional.of(452), "mailbox full", "delayed").permanent()).isTrue();
    assertThat(classify(Optional.of("4.2.2"), Optional.of(552), "mailbox full", "failed").permanent()).isFalse();
  }

  @Test
  void permanenceFallsBackToTheReplyCodeThenTheAction() {
    assertThat(classify(Optional.empty(), Optional.of(552), "mailbox full", "delayed").permanent()).isTrue();
    assertThat(classify(Optional.empty(), Optional.of(452), "mailbox full", "failed").permanent()).isFalse();
    assertThat(classify(Optional.empty(), Optional.empty(), "mailbox full", "failed").permanent()).isTrue();
    assertThat(classify(Optional.empty(), Optional.empty(), "mailbox full", "delayed").permanent()).isFalse();
  }

  @Test
  void mailboxFullFollowsTheCode() {
    Classification perm = classify(Optional.of("5.2.2"), Optional.of(552), "Mailbox full", "failed");
    assertThat(perm.retry()).isEqualTo(RetryAdvice.DO_NOT_RETRY);
    assertThat(perm.actor()).isEqualTo(Actor.RECIPIENT);
    Classification temp = classify(Optional.of("4.2.2"), Optional.of(452), "Mailbox full", "delayed");
    assertThat(temp.retry()).isEqualTo(RetryAdvice.RETRY_LATER);
    assertThat(temp.remediation()).isNotEqualTo(perm.remediation());
  }

  static final Set<Reason> SUPPRESS = EnumSet.of(Reason.USER_UNKNOWN, Reason.HOST_UNKNOWN, Reason.SUSPENDED);
  /** Retrying never helps these, whatever the code's class. */
  static final Set<Reason> NEVER = EnumSet.of(Reason.NOT_ACCEPTING, Reason.HAS_MOVED, Reason.SUPPRESSED);
  static final Set<Reason> FIX = EnumSet.of(Reason.AUTH_FAILURE, Reason.BLOCKED, Reason.BAD_REPUTATION,
      Reason.REQUIRE_PTR, Reason.EMAIL_TOO_LARGE, Reason.FAILED_STARTTLS, Reason.NOT_RFC_COMPLIANT,
      Reason.CONTENT_ERROR);

  @ParameterizedTest
  @EnumSource(Reason.class)
  void retryTable(Reason r) {
    RetryAdvice permanent = Advice.retry(r, true);
    RetryAdvice transientAdvice = Advice.retry(r, false);
    if (!r.isFailure()) {
      assertThat(permanent).isEqualTo(RetryAdvice.DO_NOT_RETRY);
      assertThat(transientAdvice).isEqualTo(RetryAdvice.DO_NOT_RETRY);
    } else if (NEVER.contains(r)) {
      assertThat(permanent).isEqualTo(RetryAdvice.SUPPRESS_ADDRESS);
      assertThat(transientAdvice).isEqualTo(RetryAdvice.SUPPRESS_ADDRESS);
    } else if (FIX.contains(r)) {
      assertThat(permanent).isEqualTo(RetryAdvice.FIX_THEN_RETRY);
      assertThat(transientAdvice).isEqualTo(RetryAdvice.FIX_THEN_RETRY);
    } else if (SUPPRESS.contains(r)) {
      assertThat(permanent).isEqualTo(RetryAdvice.SUPPRESS_ADDRESS);
      assertThat(transientAdvice).isEqualTo(RetryAdvice.RETRY_LATER);
    } else {
      assertThat(permanent).isEqualTo(RetryAdvice.DO_NOT_RETRY);
      assertThat(transientAdvice).isEqualTo(RetryAdvice.RETRY_LATER);
    }
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void everyReasonHasAnActorAndAConcreteRemediation(Reason r) {
    for (boolean permanent : new boolean[] {true, false}) {
      assertThat(Advice.actor(r, permanent)).isNotNull();
      assertThat(Advice.remediation(r, permanent)).isNotBlank().endsWith(".").hasSizeGreaterThan(30);
    }
  }

  @Test
  void actors() {
    assertThat(Advice.actor(Reason.USER_UNKNOWN, true)).isEqualTo(Actor.SENDER);
    assertThat(Advice.actor(Reason.MAILBOX_FULL, true)).isEqualTo(Actor.RECIPIENT);
    assertThat(Advice.actor(Reason.AUTH_FAILURE, true)).isEqualTo(Actor.SENDER_ADMIN);
    assertThat(Advice.actor(Reason.FILTERED, true)).isEqualTo(Actor.RECIPIENT_ADMIN);
    assertThat(Advice.actor(Reason.SYSTEM_ERROR, true)).isEqualTo(Actor.PROVIDER);
    assertThat(Advice.actor(Reason.RATE_LIMITED, false)).isEqualTo(Actor.NONE);
    assertThat(Advice.actor(Reason.RATE_LIMITED, true)).isEqualTo(Actor.SENDER_ADMIN);
    assertThat(Advice.actor(Reason.NETWORK_ERROR, false)).isEqualTo(Actor.NONE);
    assertThat(Advice.actor(Reason.DELIVERED, false)).isEqualTo(Actor.NONE);
  }

  @Test
  void endToEndAdvice() {
    Classification unknown = classify(Optional.of("5.1.1"), Optional.of(550), "User unknown", "failed");
    assertThat(unknown.retry()).isEqualTo(RetryAdvice.SUPPRESS_ADDRESS);
    assertThat(unknown.actor()).isEqualTo(Actor.SENDER);
    Classification ptr = classify(Optional.of("4.7.1"), Optional.of(450), "Client host rejected: cannot find your hostname", "delayed");
    assertThat(ptr.reason()).isEqualTo(Reason.REQUIRE_PTR);
    assertThat(ptr.permanent()).isFalse();
    assertThat(ptr.retry()).isEqualTo(RetryAdvice.FIX_THEN_RETRY);
    Classification grey = classify(Optional.of("4.7.1"), Optional.of(451), "Greylisted, please try again later", "delayed");
    assertThat(grey.retry()).isEqualTo(RetryAdvice.RETRY_LATER);
    assertThat(grey.actor()).isEqualTo(Actor.NONE);
    Classification policy = classify(Optional.of("5.7.9"), Optional.of(554), "Message not accepted for policy reasons", "failed");
    assertThat(policy.retry()).isEqualTo(RetryAdvice.DO_NOT_RETRY);
  }

  @Test
  void addressesThatCanNeverReceiveMailAreSuppressedEvenWithATransientCode() {
    Classification nullMx = classify(Optional.of("4.1.10"), Optional.of(450),
        "Domain example.org does not accept mail (nullMX)", "delayed");
    assertThat(nullMx.reason()).isEqualTo(Reason.NOT_ACCEPTING);
    assertThat(nullMx.permanent()).isFalse();
    assertThat(nullMx.retry()).isEqualTo(RetryAdvice.SUPPRESS_ADDRESS);
    Classification nullMxCodeOnly = classify(Optional.of("4.1.10"), Optional.empty(), "", "delayed");
    assertThat(nullMxCodeOnly.reason()).isEqualTo(Reason.NOT_ACCEPTING);
    assertThat(nullMxCodeOnly.retry()).isEqualTo(RetryAdvice.SUPPRESS_ADDRESS);
    assertThat(io.maildiag.ndr.code.NdrCode.defaultClassification(EnhancedStatusCode.of("4.1.10")).retry())
        .isEqualTo(RetryAdvice.SUPPRESS_ADDRESS);
    Classification moved = classify(Optional.empty(), Optional.of(451), "User has moved to a new address", "delayed");
    assertThat(moved.reason()).isEqualTo(Reason.HAS_MOVED);
    assertThat(moved.retry()).isEqualTo(RetryAdvice.SUPPRESS_ADDRESS);
    Classification suppressed = classify(Optional.empty(), Optional.empty(),
        "Address is on the suppression list because it has a recent history of bouncing", "delayed");
    assertThat(suppressed.reason()).isEqualTo(Reason.SUPPRESSED);
    assertThat(suppressed.retry()).isEqualTo(RetryAdvice.SUPPRESS_ADDRESS);
    // an unknown user with a transient code is a lookup that failed for now: retry
    Classification unknown = classify(Optional.of("4.1.1"), Optional.of(450),
        "Recipient address rejected: User unknown in virtual alias table", "delayed");
    assertThat(unknown.retry()).isEqualTo(RetryAdvice.RETRY_LATER);
  }

  @Test
  void statusDecidedVerdictsUseTheCodesOwnRemediation() {
    Classification c = classify(Optional.of("5.3.4"), Optional.empty(), "", "failed");
    assertThat(c.rule()).isEqualTo("status:5.3.4");
    assertThat(c.remediation())
        .isEqualTo(io.maildiag.ndr.code.NdrCode.defaultClassification(EnhancedStatusCode.of("5.3.4")).remediation());
  }
}
