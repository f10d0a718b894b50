package io.maildiag.ndr.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.Reason;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** {@link ProviderTokens}: Cox's and Spectrum's error tokens. */
class ProviderTokensTest {

  private static Reason reason(String text) {
    return ProviderTokens.find(text).map(ProviderTokens.Token::reason).orElse(null);
  }

  @Test
  void coxTokens() {
    assertThat(reason("550 5.1.0 <a@example.org> sender rejected. Refer to Error Codes section at "
        + "https://www.cox.com/residential/support/email-error-codes.html for more information. AUP#CDRBL"))
        .isEqualTo(Reason.BLOCKED);
    assertThat(reason("554 AUP#CXDNS")).isEqualTo(Reason.REQUIRE_PTR);
    assertThat(reason("554 AUP#CXSNDR")).isEqualTo(Reason.AUTH_FAILURE);
    assertThat(reason("421 AUP#CXCNCT too many sessions")).isEqualTo(Reason.RATE_LIMITED);
    assertThat(reason("554 AUP#IPBL0101")).isEqualTo(Reason.BLOCKED);
    assertThat(reason("554 AUP#URLBL011")).isEqualTo(Reason.SPAM_DETECTED);
    assertThat(ProviderTokens.find("554 AUP#CXBL").orElseThrow().ruleName()).isEqualTo("provider-token:cox:CXBL");
  }

  @Test
  void spectrumTokens() {
    assertThat(reason("550 5.1.0 <a@example.org> sender rejected. Please see "
        + "https://www.spectrum.net/support/internet/understanding-email-error-codes for more information. AUP#In-1310"))
        .isEqualTo(Reason.RATE_LIMITED);
    assertThat(reason("AUP#O-1000")).isEqualTo(Reason.BLOCKED);
    assertThat(reason("AUP#I1100")).isEqualTo(Reason.REQUIRE_PTR);
    assertThat(reason("AUP#Out-1530")).isEqualTo(Reason.EMAIL_TOO_LARGE);
    assertThat(reason("AUP#In-1550")).isEqualTo(Reason.EXCEEDED_LIMIT);
    assertThat(ProviderTokens.find("AUP#In-1310").orElseThrow().ruleName()).isEqualTo("provider-token:spectrum:In-1310");
    // four digits without a direction are Spectrum's too; other letters before them are no direction
    assertThat(reason("550 5.7.1 AUP#1260 : Spectrum does not accept IPv6 mail")).isEqualTo(Reason.NETWORK_ERROR);
    assertThat(reason("AUP#X-1260")).isNull();
    assertThat(reason("AUP#-1260")).isNull();
  }

  @Test
  void orangeAndLaPosteTokens() {
    assertThat(reason("421 4.2.0 Service refuse. Veuillez essayer plus tard. Service refused, please try later. "
        + "OFR005_505 [505] (in reply to end of DATA command)")).isEqualTo(Reason.SYSTEM_ERROR);
    assertThat(reason("554 5.7.1 <x[192.0.2.1]:49309>: Client host rejected: #216 lpn LPN000_630"))
        .isEqualTo(Reason.POLICY_VIOLATION);
    assertThat(reason("550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. OFR006_102 Ref"))
        .isEqualTo(Reason.BLOCKED);
    assertThat(reason("550 5.1.1 Invalid recipient. LPN416 (in reply to RCPT TO command)")).isEqualTo(Reason.USER_UNKNOWN);
    assertThat(reason("552 5.1.1 Recipient overquota. OFR_417 [417]")).isEqualTo(Reason.MAILBOX_FULL);
    assertThat(reason("550 5.7.1 blocked using Spamhaus LPNAAA_101")).isEqualTo(Reason.BLOCKED);
    assertThat(ProviderTokens.find("LPN000_630").orElseThrow().ruleName()).isEqualTo("provider-token:laposte:LPN000_630");
    assertThat(ProviderTokens.find("OFR005_505").orElseThrow().provider()).isEqualTo("orange");
    // a code Orange gives no cause ("please try later"), and look-alikes
    assertThat(reason("Veuillez essayer plus tard. OFR004_201")).isNull();
    assertThat(reason("XOFR005_505")).isNull();
    assertThat(reason("OFR")).isNull();
    assertThat(reason("OFR5")).isNull();
  }

  @Test
  void goDaddyTokens() {
    assertThat(reason("552 This message has been rejected due to content judged to be spam by the internet community. IB212"))
        .isEqualTo(Reason.SPAM_DETECTED);
    assertThat(reason("421 Connection refused, too many sessions from This IP. IB007")).isEqualTo(Reason.RATE_LIMITED);
    assertThat(reason("554 Connection refused. This IP address is listed on the Spamhaus Block List (SBL). IB104"))
        .isEqualTo(Reason.BLOCKED);
    assertThat(reason("421 Temporarily rejected. Reverse DNS for this IP failed. IB108")).isEqualTo(Reason.REQUIRE_PTR);
    assertThat(ProviderTokens.find("x IB705").orElseThrow().ruleName()).isEqualTo("provider-token:godaddy:IB705");
    // only as a word of its own, and only a code GoDaddy lists
    assertThat(reason("ZIB212")).isNull();
    assertThat(reason("IB2120")).isNull();
    assertThat(reason("IB999")).isNull();
    assertThat(reason("IB21")).isNull();
  }

  @Test
  void unknownTokensAndLookAlikesAreNone() {
    assertThat(reason("554 AUP#XYZZY")).isNull();
    assertThat(reason("AUP#In-9999")).isNull(); // not a code Spectrum lists
    assertThat(reason("AUP#In-131")).isNull();
    assertThat(reason("AUP#Sideways-1310")).isNull();
    assertThat(reason("aup#cxbl")).isNull(); // as the receivers write them
    assertThat(reason("AUP#")).isNull();
    assertThat(reason("no token here")).isNull();
    // the first token a receiver knows
    assertThat(reason("AUP#NOPE then AUP#CXBL")).isEqualTo(Reason.BLOCKED);
  }

  @Test
  void tokensAreWordsOfTheirOwnNotPartsOfOthers() {
    assertThat(reason("host server.IB104.example.net refused")).isNull();
    assertThat(reason("foo_IB212_bar")).isNull();
    assertThat(reason("550 5.1.1 user unknown; internal ref IB101 more text")).as("GoDaddy's is the last word").isNull();
    assertThat(reason("552 Virus infected message rejected. IB705 (in reply to end of DATA command)"))
        .isEqualTo(Reason.VIRUS_DETECTED);
    assertThat(reason("AUP#IPBL0123456789012345678")).as("longer than any token").isNull();
    assertThat(reason("x OFR0000000000101234 y")).isNull();
    assertThat(reason("ticket-OFR005_505")).isNull();
    assertThat(ProviderTokens.find("IB212").orElseThrow().providerName()).isEqualTo("GoDaddy");
    assertThat(ProviderTokens.find("LPN000_630").orElseThrow().providerName()).isEqualTo("La Poste");
  }

  @Test
  void onlyTheClassifiersShareOfALongTextIsRead() {
    String filler = "x".repeat(ProviderTokens.MAX_CHARS);
    assertThat(reason(filler + " AUP#CXBL")).isNull();
    assertThat(reason("AUP#CXBL " + filler)).isEqualTo(Reason.BLOCKED);
    // a long run of look-alikes is read once
    assertThat(reason("IB".repeat(1_000_000))).isNull();
  }

  @Property(tries = 2000)
  void anyTextGivesATokenOrNoneAndNeverThrows(@ForAll String text) {
    ProviderTokens.find(text).ifPresent(t -> assertThat(text).contains("AUP#" + t.token()));
    ProviderTokens.find("AUP#" + text).ifPresent(t -> assertThat(t.reason().isFailure()).isTrue());
  }
}
