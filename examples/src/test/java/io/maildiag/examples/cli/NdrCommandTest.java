package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mail-diag ndr FILE} and {@code mail-diag ndr --code CODE}, in-process. */
class NdrCommandTest {

  static final Set<String> ANALYSIS_FIELDS = Set.of("file", "kind", "format", "reportingMta", "recipients",
      "original", "feedbackType", "diagnostics");
  static final Set<String> RECIPIENT_FIELDS = Set.of("recipient", "originalRecipient", "action", "status",
      "replyCode", "reason", "reasonDescription", "permanent", "retry", "actor", "remediation", "diagnosticText",
      "remoteMta", "lastAttempt", "rule", "evidence");
  static final Set<String> ORIGINAL_FIELDS = Set.of("messageId", "from", "to", "subject", "date");
  static final Set<String> CODE_FIELDS = Set.of("code", "type", "class", "title", "description", "registered",
      "classRegistered", "subject", "references", "associatedReplyCodes", "relatedStatusCodes", "permanent",
      "defaultReason", "defaultReasonDescription", "retry", "actor", "remediation", "rule", "providers");
  static final Set<String> PROVIDER_FIELDS = Set.of("provider", "code", "title", "cause", "remediation", "actor",
      "reason", "retry", "source");

  static String fixture(String name) {
    return CliRunner.resource("/ndr/" + name);
  }

  static Set<String> fields(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  // ---- ndr FILE ----

  @Test
  void textShowsKindRecipientsVerdictEvidenceAndOriginal() {
    CliRunner.Result r = CliRunner.run("ndr", fixture("dsn-user-unknown.eml"));

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("kind         bounce: a non-delivery report")
        .contains("reporter     out1.example.com")
        .contains("recipients   1")
        .contains("recipient 1  j.doe@example.org")
        .contains("  original     accounts@example.org")
        .contains("  action       failed")
        .contains("  status       5.1.1 (Bad destination mailbox address)")
        .contains("  reply code   550 (Requested action not taken: mailbox unavailable")
        .contains("  reason       user-unknown: The recipient address does not exist.")
        .contains("  permanent    yes")
        .contains("  retry        suppress-address: stop sending to this address")
        .contains("  who acts     sender: ")
        .contains("  remediation  ")
        .contains("  diagnostic   \"550 5.1.1 No such user here\"")
        .contains("  remote mta   mx.example.org")
        .contains("  evidence     message/delivery-status")
        .contains("original message")
        .contains("  message-id   invoice-2024-0117@example.com")
        .contains("  from         Example Billing <billing@example.com>")
        .contains("  subject      Invoice 2024-0117");
    assertThat(r.out().indexOf("recipient 1")).isLessThan(r.out().indexOf("original message"));
  }

  @Test
  void jsonIsOneObjectWithEveryFieldAndItsType() {
    String file = fixture("dsn-user-unknown.eml");
    JsonNode json = CliRunner.run("ndr", file, "--json").json();

    assertThat(fields(json)).isEqualTo(new TreeSet<>(ANALYSIS_FIELDS));
    assertThat(json.path("file").asText()).isEqualTo(file);
    assertThat(json.path("kind").asText()).isEqualTo("bounce");
    assertThat(json.path("format").isTextual()).isTrue();
    assertThat(json.path("reportingMta").asText()).isEqualTo("out1.example.com");
    assertThat(json.path("feedbackType").isNull()).isTrue();
    assertThat(json.path("diagnostics").isArray()).isTrue();

    assertThat(json.path("recipients").size()).isEqualTo(1);
    JsonNode rcpt = json.path("recipients").get(0);
    assertThat(fields(rcpt)).isEqualTo(new TreeSet<>(RECIPIENT_FIELDS));
    assertThat(rcpt.path("recipient").asText()).isEqualTo("j.doe@example.org");
    assertThat(rcpt.path("originalRecipient").asText()).isEqualTo("accounts@example.org");
    assertThat(rcpt.path("action").asText()).isEqualTo("failed");
    assertThat(rcpt.path("status").isTextual()).isTrue();
    assertThat(rcpt.path("status").asText()).isEqualTo("5.1.1");
    assertThat(rcpt.path("replyCode").isInt()).as("replyCode is a number").isTrue();
    assertThat(rcpt.path("replyCode").asInt()).isEqualTo(550);
    assertThat(rcpt.path("reason").asText()).isEqualTo("user-unknown");
    assertThat(rcpt.path("reasonDescription").asText()).isEqualTo("The recipient address does not exist.");
    assertThat(rcpt.path("permanent").isBoolean()).isTrue();
    assertThat(rcpt.path("permanent").asBoolean()).isTrue();
    assertThat(rcpt.path("retry").asText()).isEqualTo("suppress-address");
    assertThat(rcpt.path("actor").asText()).isEqualTo("sender");
    assertThat(rcpt.path("remediation").asText()).isNotBlank();
    assertThat(rcpt.path("diagnosticText").asText()).isEqualTo("550 5.1.1 No such user here");
    assertThat(rcpt.path("remoteMta").asText()).isEqualTo("mx.example.org");
    assertThat(rcpt.path("lastAttempt").asText()).isEqualTo("2024-06-07T11:20:31Z");
    assertThat(rcpt.path("rule").asText()).isNotBlank();
    JsonNode evidence = rcpt.path("evidence");
    assertThat(fields(evidence)).containsExactly("excerpt", "parser", "part");
    assertThat(evidence.path("part").asText()).startsWith("message/delivery-status");
    assertThat(evidence.path("parser").asText()).isEqualTo("rfc3464");
    assertThat(evidence.path("excerpt").asText()).contains("No such user here");

    JsonNode original = json.path("original");
    assertThat(fields(original)).isEqualTo(new TreeSet<>(ORIGINAL_FIELDS));
    assertThat(original.path("messageId").asText()).isEqualTo("invoice-2024-0117@example.com");
    assertThat(original.path("from").asText()).isEqualTo("Example Billing <billing@example.com>");
    assertThat(original.path("to").asText()).isEqualTo("accounts@example.org");
    assertThat(original.path("subject").asText()).isEqualTo("Invoice 2024-0117");
    assertThat(original.path("date").asText()).isEqualTo("Fri, 7 Jun 2024 11:20:27 +0000");
  }

  @Test
  void absentValuesAreJsonNullNotMissing() {
    JsonNode autoReply = CliRunner.run("ndr", fixture("autoreply.eml"), "--json").json();
    JsonNode plain = CliRunner.run("ndr", fixture("plain.eml"), "--json").json();

    assertThat(autoReply.path("kind").asText()).isEqualTo("auto-reply");
    JsonNode rcpt = autoReply.path("recipients").get(0);
    assertThat(fields(rcpt)).isEqualTo(new TreeSet<>(RECIPIENT_FIELDS));
    assertThat(rcpt.get("status").isNull()).isTrue();
    assertThat(rcpt.get("replyCode").isNull()).isTrue();
    assertThat(rcpt.get("remoteMta").isNull()).isTrue();
    assertThat(rcpt.get("lastAttempt").isNull()).isTrue();
    assertThat(rcpt.path("permanent").asBoolean()).isFalse();
    assertThat(rcpt.path("reason").asText()).isEqualTo("auto-reply");

    assertThat(plain.path("kind").asText()).isEqualTo("not-a-bounce");
    assertThat(plain.path("recipients").size()).isZero();
    assertThat(plain.get("reportingMta").isNull()).isTrue();
    assertThat(fields(plain.path("original"))).isEqualTo(new TreeSet<>(ORIGINAL_FIELDS));
    for (String f : ORIGINAL_FIELDS) {
      assertThat(plain.path("original").get(f).isNull()).as(f).isTrue();
    }
  }

  @Test
  void providerSpecificCodeInAProseBounce() {
    JsonNode json = CliRunner.run("ndr", fixture("text-google-dmarc.eml"), "--json").json();
    JsonNode rcpt = json.path("recipients").get(0);

    assertThat(json.path("kind").asText()).isEqualTo("bounce");
    assertThat(rcpt.path("recipient").asText()).isEqualTo("subscriber@example.com");
    assertThat(rcpt.path("status").asText()).isEqualTo("5.7.26");
    assertThat(rcpt.path("replyCode").asInt()).isEqualTo(550);
    assertThat(rcpt.path("reason").asText()).isEqualTo("auth-failure");
    assertThat(rcpt.path("retry").asText()).isEqualTo("fix-then-retry");
    assertThat(rcpt.path("actor").asText()).isEqualTo("sender-admin");
    assertThat(json.path("original").path("subject").asText()).isEqualTo("Weekly digest");
  }

  @Test
  void delayIsTransient() {
    CliRunner.Result r = CliRunner.run("ndr", fixture("delayed.eml"));

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("kind         delay: a delay notice")
        .contains("  status       4.4.7 (Delivery time expired)")
        .contains("  permanent    no")
        .contains("  retry        retry-later: ")
        .contains("original message  (nothing of it was returned)");
  }

  @Test
  void standardInputWithDash() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(Path.of(fixture("dsn-user-unknown.eml")));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    CliRunner.Result r = CliRunner.run(cmd -> ((NdrCommand) cmd.getSubcommands().get("ndr").getCommand()).stdin =
        new ByteArrayInputStream(bytes), "ndr", "-", "--json");

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    assertThat(r.json().path("file").asText()).isEqualTo("-");
    assertThat(r.json().path("recipients").get(0).path("status").asText()).isEqualTo("5.1.1");
  }

  @Test
  void unreadableStandardInputExitsOne() {
    CliRunner.Result r = CliRunner.run(cmd -> ((NdrCommand) cmd.getSubcommands().get("ndr").getCommand()).stdin =
        new java.io.InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("device gone");
          }
        }, "ndr", "-");

    r.assertOneLineError();
    assertThat(r.err()).isEqualTo("mail-diag: error: standard input: read error: device gone" + System.lineSeparator());
  }

  @Test
  void missingFileOrADirectoryExitsOneWithOneLine() {
    CliRunner.Result missing = CliRunner.run("ndr", "/nonexistent/bounce.eml", "--json");
    CliRunner.Result directory = CliRunner.run("ndr", Path.of(fixture("plain.eml")).getParent().toString());

    missing.assertOneLineError();
    assertThat(missing.err()).isEqualTo("mail-diag: error: /nonexistent/bounce.eml: no such file" + System.lineSeparator());
    directory.assertOneLineError();
    assertThat(directory.err()).contains(": is a directory, not a message (use --batch DIR");
  }

  @Test
  void anEmptyFileIsAFindingNotAnError(@TempDir Path dir) throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.eml"));

    CliRunner.Result r = CliRunner.run("ndr", empty.toString(), "--json");

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    assertThat(r.json().path("kind").asText()).isEqualTo("not-a-bounce");
    assertThat(r.json().path("diagnostics").size()).isPositive();
    assertThat(r.json().path("diagnostics").get(0).path("code").asText()).isNotBlank();
  }

  @Test
  void controlCharactersFromTheMessageAreEscapedInText(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("evil.eml");
    Files.writeString(file, "From: a@example.com\nSubject: =?UTF-8?Q?hi=1B[2Jthere?=\nMessage-ID: <x@example.com>\n"
        + "Content-Type: text/plain\n\nhello\n", StandardCharsets.UTF_8);

    CliRunner.Result r = CliRunner.run("ndr", file.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).doesNotContain("\u001b");
  }

  // ---- ndr --code ----

  @Test
  void enhancedCodeWithGoogleMeaningAsText() {
    CliRunner.Result r = CliRunner.run("ndr", "--code", "5.7.26");

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    assertThat(r.out())
        .startsWith("code         5.7.26: enhanced status code (RFC 3463)")
        .contains("class        5: Permanent Failure")
        .contains("title        Multiple authentication checks failed")
        .contains("subject      X.7.YYY Security or Policy Status")
        .contains("references   RFC 7372")
        .contains("verdict      auth-failure: ")
        .contains("provider meanings (")
        .contains("  google: ");
  }

  @Test
  void enhancedCodeAsJsonHasEveryFieldAndTheProviders() {
    JsonNode json = CliRunner.run("ndr", "--code", "5.7.26", "--json").json();

    assertThat(fields(json)).isEqualTo(new TreeSet<>(CODE_FIELDS));
    assertThat(json.path("code").asText()).isEqualTo("5.7.26");
    assertThat(json.path("type").asText()).isEqualTo("enhanced-status-code");
    assertThat(json.path("class").asText()).isEqualTo("permanent-failure");
    assertThat(json.path("title").asText()).isEqualTo("Multiple authentication checks failed");
    assertThat(json.path("description").asText()).isNotBlank();
    assertThat(json.path("registered").asBoolean()).isTrue();
    assertThat(json.path("subject").path("number").asInt()).isEqualTo(7);
    assertThat(json.path("subject").path("title").asText()).isEqualTo("Security or Policy Status");
    assertThat(json.path("references").isArray()).isTrue();
    assertThat(json.path("references").toString()).contains("RFC 7372");
    assertThat(json.path("permanent").isBoolean()).isTrue();
    assertThat(json.path("permanent").asBoolean()).isTrue();
    assertThat(json.path("defaultReason").asText()).isEqualTo("auth-failure");
    assertThat(json.path("retry").asText()).isEqualTo("fix-then-retry");
    assertThat(json.path("actor").asText()).isEqualTo("sender-admin");

    List<String> providers = new ArrayList<>();
    for (JsonNode p : json.path("providers")) {
      assertThat(fields(p)).isEqualTo(new TreeSet<>(PROVIDER_FIELDS));
      assertThat(p.path("code").asText()).isEqualTo("5.7.26");
      providers.add(p.path("provider").asText());
    }
    assertThat(providers).contains("google");
    JsonNode google = json.path("providers").get(providers.indexOf("google"));
    assertThat(google.path("title").asText()).isNotBlank();
    assertThat(google.path("reason").asText()).isEqualTo("auth-failure");
    assertThat(google.path("source").asText()).isNotBlank();
  }

  @Test
  void userUnknownCode() {
    JsonNode json = CliRunner.run("ndr", "--code", "5.1.1", "--json").json();
    CliRunner.Result text = CliRunner.run("ndr", "--code", " 5.1.1 ");

    assertThat(json.path("title").asText()).isEqualTo("Bad destination mailbox address");
    assertThat(json.path("defaultReason").asText()).isEqualTo("user-unknown");
    assertThat(json.path("retry").asText()).isEqualTo("suppress-address");
    assertThat(json.path("permanent").asBoolean()).isTrue();
    assertThat(json.path("associatedReplyCodes").asText()).contains("550");
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains("verdict      user-unknown: The recipient address does not exist.");
  }

  @Test
  void transientCodeIsNotPermanent() {
    JsonNode json = CliRunner.run("ndr", "--code", "4.2.2", "--json").json();

    assertThat(json.path("class").asText()).isEqualTo("transient-failure");
    assertThat(json.path("permanent").asBoolean()).isFalse();
  }

  @Test
  void unregisteredProviderCode() {
    JsonNode json = CliRunner.run("ndr", "--code", "5.7.509", "--json").json();

    assertThat(json.path("registered").asBoolean()).isFalse();
    assertThat(json.get("description").isNull()).isTrue();
    assertThat(json.path("title").asText()).contains("not registered");
    assertThat(json.path("providers").get(0).path("provider").asText()).isEqualTo("microsoft");
    assertThat(json.path("providers").get(0).path("reason").asText()).isEqualTo("auth-failure");
  }

  @Test
  void replyCodeAsTextAndJson() {
    CliRunner.Result text = CliRunner.run("ndr", "--code", "550");
    JsonNode json = CliRunner.run("ndr", "--code", "550", "--json").json();

    assertThat(text.exitCode()).as("stderr: %s", text.err()).isZero();
    assertThat(text.out())
        .startsWith("code         550: SMTP reply code (RFC 5321)")
        .contains("class        5xx: permanent negative reply")
        .contains("meaning      Requested action not taken: mailbox unavailable")
        .contains("references   RFC 5321 section 4.2.3")
        .contains("enhanced status codes registered with 550")
        .contains("  X.1.1  Bad destination mailbox address");
    assertThat(fields(json)).isEqualTo(new TreeSet<>(CODE_FIELDS));
    assertThat(json.path("code").asText()).isEqualTo("550");
    assertThat(json.path("type").asText()).isEqualTo("reply-code");
    assertThat(json.path("class").asText()).isEqualTo("permanent-failure");
    assertThat(json.path("title").asText()).startsWith("Requested action not taken: mailbox unavailable");
    assertThat(json.path("permanent").asBoolean()).isTrue();
    assertThat(json.get("subject").isNull()).isTrue();
    assertThat(json.path("references").get(0).asText()).isEqualTo("RFC 5321 section 4.2.3");
    assertThat(json.path("relatedStatusCodes").toString()).contains("\"X.1.1\"", "\"X.7.26\"");
    assertThat(json.path("providers").isArray()).isTrue();
    assertThat(json.path("defaultReason").isTextual()).isTrue();
  }

  @Test
  void replyCodesOfEachClass() {
    JsonNode full = CliRunner.run("ndr", "--code", "552", "--json").json();
    JsonNode busy = CliRunner.run("ndr", "--code", "451", "--json").json();
    JsonNode ok = CliRunner.run("ndr", "--code", "250", "--json").json();
    JsonNode undocumented = CliRunner.run("ndr", "--code", "530", "--json").json();

    assertThat(full.path("defaultReason").asText()).isEqualTo("mailbox-full");
    assertThat(busy.path("class").asText()).isEqualTo("transient-failure");
    assertThat(busy.path("permanent").asBoolean()).isFalse();
    assertThat(ok.path("class").asText()).isEqualTo("success");
    assertThat(ok.path("defaultReason").asText()).isEqualTo("delivered");
    assertThat(undocumented.path("registered").asBoolean()).isFalse();
    assertThat(undocumented.get("description").isNull()).isTrue();
    assertThat(undocumented.path("references").size()).isZero();
  }

  @Test
  void invalidCodesExitOneWithOneLine() {
    CliRunner.Result shortCode = CliRunner.run("ndr", "--code", "5.9");
    CliRunner.Result badClass = CliRunner.run("ndr", "--code", "3.1.1", "--json");
    CliRunner.Result badReply = CliRunner.run("ndr", "--code", "600");
    CliRunner.Result words = CliRunner.run("ndr", "--code", "user unknown");
    CliRunner.Result empty = CliRunner.run("ndr", "--code", "");

    for (CliRunner.Result r : List.of(shortCode, badClass, badReply, words, empty)) {
      r.assertOneLineError();
    }
    assertThat(shortCode.err()).startsWith("mail-diag: error: invalid status code '5.9' at 1:4: ")
        .contains("or a reply code such as 550");
    assertThat(badReply.err()).startsWith("mail-diag: error: invalid reply code '600' at 1:1: ");
  }

  // ---- usage ----

  @Test
  void usageErrorsExitTwo() {
    String file = fixture("plain.eml");
    CliRunner.run("ndr").assertUsageError();
    CliRunner.run("ndr", "--json").assertUsageError();
    CliRunner.Result fileAndBatch = CliRunner.run("ndr", file, "--batch", "/tmp").assertUsageError();
    CliRunner.Result fileAndCode = CliRunner.run("ndr", file, "--code", "5.1.1").assertUsageError();
    CliRunner.Result batchAndCode = CliRunner.run("ndr", "--batch", "/tmp", "--code", "5.1.1").assertUsageError();
    CliRunner.run("ndr", file, file).assertUsageError();
    CliRunner.run("ndr", file, "--bogus").assertUsageError();
    CliRunner.run("ndr", "--code").assertUsageError();
    CliRunner.run("ndr", "--batch").assertUsageError();

    assertThat(CliRunner.run("ndr").err()).startsWith("mail-diag: error: missing FILE, --batch DIR or --code CODE");
    assertThat(fileAndBatch.err()).startsWith("mail-diag: error: FILE and --batch cannot be combined");
    assertThat(fileAndCode.err()).startsWith("mail-diag: error: FILE and --code cannot be combined");
    assertThat(batchAndCode.err()).startsWith("mail-diag: error: --batch and --code cannot be combined");
  }

  @Test
  void helpListsTheThreeForms() {
    CliRunner.Result r = CliRunner.run("ndr", "--help");
    CliRunner.Result top = CliRunner.run("--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("mail-diag ndr FILE [--json]", "mail-diag ndr --batch=DIR",
        "mail-diag ndr --code=CODE [--json]");
    assertThat(top.out()).contains("  ndr ");
  }

  /** Returns the JSON objects of a batch run, one per line. */
  static List<JsonNode> lines(String out) {
    List<JsonNode> nodes = new ArrayList<>();
    for (Iterator<String> it = out.lines().iterator(); it.hasNext(); ) {
      try {
        nodes.add(TestJson.MAPPER.readTree(it.next()));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    return nodes;
  }

  @Test
  void anEmptyNameIsAnErrorNotTheCurrentDirectory() {
    // "--batch $DIR" with DIR unset
    assertThat(CliRunner.run("ndr", "--batch", "").assertOneLineError().err()).contains("the directory name is empty");
    assertThat(CliRunner.run("headers", "--no-dns", "--batch", "").assertOneLineError().err())
        .contains("the directory name is empty");
    assertThat(CliRunner.run("ndr", "").assertOneLineError().err()).contains("the file name is empty");
    assertThat(CliRunner.run("headers", "--no-dns", "").assertOneLineError().err()).contains("the file name is empty");
  }
}
