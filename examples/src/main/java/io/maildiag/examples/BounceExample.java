package io.maildiag.examples;

import io.maildiag.core.ParseResult;
import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.BounceAnalyzer;
import io.maildiag.ndr.Classification;
import io.maildiag.ndr.RecipientResult;
import io.maildiag.ndr.code.CodeExplanation;
import io.maildiag.ndr.code.NdrCode;
import io.maildiag.ndr.code.ProviderCode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a mailing system handles what comes back: read each returned message with one shared {@link
 * BounceAnalyzer}, act on each recipient's verdict (suppress the address, retry later, or fix
 * something first), and explain a status code with {@link NdrCode}.
 *
 * <p>Run it with a file ({@code java -cp mail-diag.jar io.maildiag.examples.BounceExample
 * bounce.eml}) or without one, on the small delivery status notification built in.
 */
public final class BounceExample {

  /** A bounce to try the example on: an RFC 3464 report with one unknown recipient. */
  static final String SAMPLE = """
      From: MAILER-DAEMON@mx.example.net
      To: news@example.com
      Subject: Undelivered Mail Returned to Sender
      MIME-Version: 1.0
      Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

      --b1
      Content-Type: text/plain

      Your message could not be delivered.

      --b1
      Content-Type: message/delivery-status

      Reporting-MTA: dns; mx.example.net

      Final-Recipient: rfc822; nobody@example.org
      Action: failed
      Status: 5.1.1
      Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.org>: mailbox does not exist

      --b1
      Content-Type: text/rfc822-headers

      From: News <news@example.com>
      Subject: This week's news
      Message-ID: <news-42@example.com>

      --b1--
      """;

  /** One analyzer for the whole application: immutable and safe for concurrent use. */
  private static final BounceAnalyzer ANALYZER = BounceAnalyzer.withDefaults();

  private BounceExample() {}

  /** Analyses the file named by the first argument, or the built-in sample. */
  public static void main(String[] args) throws IOException {
    byte[] message = args.length > 0
        ? Files.readAllBytes(Path.of(args[0]))
        : SAMPLE.getBytes(StandardCharsets.UTF_8);
    run(System.out, message);
  }

  /**
   * Analyses {@code message}, prints what to do for each recipient and returns the addresses to
   * suppress; then explains 5.7.26.
   */
  public static List<String> run(PrintStream out, byte[] message) {
    BounceAnalysis analysis = ANALYZER.analyze(message);   // never throws: problems are diagnostics
    out.println("kind: " + analysis.kind().jsonName() + " (format " + analysis.format() + ")");
    List<String> suppress = new ArrayList<>();
    for (RecipientResult r : analysis.recipients()) {
      Classification c = r.classification();
      out.println(r.recipient() + ": " + r.status().map(Object::toString).orElse("no status")
          + " " + c.reason().jsonName() + (c.permanent() ? ", permanent" : ", transient"));
      switch (c.retry()) {
        case SUPPRESS_ADDRESS -> {
          suppress.add(r.recipient());
          out.println("  -> suppress the address");
        }
        case RETRY_LATER -> out.println("  -> leave it in the queue; retry later");
        case FIX_THEN_RETRY -> out.println("  -> " + c.actor().jsonName() + " must fix: " + c.remediation());
        case DO_NOT_RETRY -> out.println("  -> do not send this message again");
      }
    }
    analysis.original().messageId().ifPresent(id -> out.println("original message: <" + id + ">"));
    analysis.diagnostics().forEach(d -> out.println("note: " + d));

    ParseResult<CodeExplanation> explained = NdrCode.explain("5.7.26");
    CodeExplanation code = explained.orElseThrow();   // a constant; parse user input with value()
    out.println(code.code() + ": " + code.title() + " -> " + code.defaultClassification().reason().jsonName());
    for (ProviderCode p : code.providerMeanings()) {
      out.println("  " + p.provider().jsonName() + ": " + p.title());
    }
    return suppress;
  }
}
