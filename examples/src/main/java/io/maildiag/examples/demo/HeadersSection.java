package io.maildiag.examples.demo;

import io.maildiag.examples.render.HeadersJson;
import io.maildiag.examples.render.HeadersText;
import io.maildiag.headers.dkim.DkimSignatureResult;
import io.maildiag.headers.received.ReceivedHop;
import io.maildiag.headers.report.ConsistencyCheck;
import io.maildiag.headers.report.HeaderAnalyzer;
import io.maildiag.headers.report.HeaderReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Header analysis with {@code HeaderAnalyzer}: a message from Tidepool sent through a Gmail-style
 * provider, held two hours at a third-party relay, and delivered by a Microsoft 365-style tenant
 * ({@value #DIRECTORY}{@value #MESSAGE}). Its DKIM signature is verified against the key in the
 * bundled zone, offline.
 */
final class HeadersSection implements DemoSection {

  /** Where the sample messages are, next to {@link DemoContext}. */
  static final String DIRECTORY = "headers/";

  /** The sample message. */
  static final String MESSAGE = "1-gmail-to-microsoft365.eml";

  @Override
  public String id() {
    return "headers";
  }

  @Override
  public String title() {
    return "Headers: where a message waited, and whether its verdicts agree (HeaderAnalyzer)";
  }

  @Override
  public void run(DemoContext context, SectionReport report) {
    HeaderAnalyzer analyzer = HeaderAnalyzer.builder().resolver(report.dns()).build();
    HeaderReport r = analyzer.analyze(read(DIRECTORY + MESSAGE));
    report.json().set("message", HeadersJson.report(DIRECTORY + MESSAGE, r));
    List<String> lines = new ArrayList<>();
    lines.add("? " + DIRECTORY + MESSAGE);
    HeadersText.hopTable(r.timeline()).forEach(l -> lines.add("  " + l));
    report.show(lines);
    r.timeline().slowestHop().ifPresent(h -> report.note("The message waited longest before "
        + h.label() + ": " + h.delay().map(HeadersText::duration).orElse("?") + " at "
        + previousBy(r, h) + ", a relay outside the receiving organisation; the sender and the"
        + " recipient's provider were both quick."));
    String dkim = r.authentication().dkim().map(v -> v.signatures().stream()
        .map(s -> "d=" + s.domain().map(Object::toString).orElse("?") + " " + s.result().rfcName()
            + (s.isPass() ? "" : " (" + s.failure().map(f -> f.message()).orElse("") + ")"))
        .reduce((a, b) -> a + ", " + b).orElse("no signature")).orElse("not verified");
    report.note("DKIM verified again with the key in the bundled zone: " + dkim + ". The receiver"
        + " recorded spf=fail (the relay's IP is not in Tidepool's SPF) but dmarc=pass, through the"
        + " aligned DKIM signature.");
    for (ConsistencyCheck c : r.checks()) {
      report.note(c.kind().jsonName() + ": " + c.outcome().jsonName()
          + c.alignment().map(a -> " (" + a.jsonName() + ")").orElse("") + ": " + c.detail());
    }
    report.note("Try it on your own messages: mail-diag headers FILE, mail-diag headers --batch DIR"
        + " (--no-dns to skip DKIM).");
  }

  private static String previousBy(HeaderReport r, ReceivedHop h) {
    return r.timeline().hops().stream().filter(x -> x.number() == h.number() - 1).findFirst()
        .flatMap(x -> x.received().by()).orElse("the previous host");
  }

  /** Returns the bytes of a bundled resource; a missing one is a packaging bug. */
  static byte[] read(String path) {
    try (java.io.InputStream in = DemoContext.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("resource " + path + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Returns whether every DKIM signature of the sample verified (for tests). */
  static boolean allPass(HeaderReport r) {
    return r.authentication().dkim().map(v -> v.signatures().stream().allMatch(DkimSignatureResult::isPass))
        .orElse(false);
  }
}
