package io.maildiag.examples.render;

import io.maildiag.dns.CnameRecord;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsRecord;
import io.maildiag.dns.MxRecord;
import io.maildiag.dns.SoaRecord;
import io.maildiag.dns.TxtRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Renders DNS values as human-readable lines: the default output of {@code mail-diag dns}. */
public final class DnsText {

  private DnsText() {}

  /**
   * Returns the lines describing one question and its outcome.
   *
   * @param resolver where the answer came from, for people ({@code zone file x.zone})
   */
  public static List<String> outcome(DnsOutcome outcome, Duration elapsed, String resolver) {
    List<String> lines = new ArrayList<>();
    lines.add("question  " + outcome.query().name() + " " + outcome.query().type());
    lines.add("resolver  " + resolver);
    lines.add("outcome   " + headline(outcome));
    lines.add("elapsed   " + elapsed.toMillis() + " ms");
    for (CnameRecord c : outcome.cnameChain()) {
      lines.add("cname     " + c.name() + " -> " + c.target() + "  (ttl " + c.ttl() + ")");
    }
    soa(outcome).ifPresent(soa -> lines.add("soa       " + soa + "  (negative answers cached for "
        + Math.min(soa.minimum(), soa.ttl()) + " s)"));
    if (!outcome.records().isEmpty()) {
      lines.add("records");
      for (DnsRecord r : outcome.records()) {
        lines.addAll(record(r, "  "));
      }
    }
    return lines;
  }

  /**
   * Returns the outcome kind with a short explanation: {@code NODATA: the name exists but has no
   * TXT records}.
   */
  public static String headline(DnsOutcome outcome) {
    String type = outcome.query().type().name();
    String via = outcome.cnameChain().isEmpty() ? "" : " (at " + outcome.canonicalName() + ", via "
        + Text.count(outcome.cnameChain().size(), "CNAME") + ")";
    String kind = outcome.kind().jsonName();
    if (outcome instanceof DnsOutcome.Answer a) {
      return kind + ": " + Text.count(a.answers().size(), type + " record") + via;
    } else if (outcome instanceof DnsOutcome.NoData) {
      return kind + ": the name exists but has no " + type + " records" + via;
    } else if (outcome instanceof DnsOutcome.NxDomain) {
      return kind + ": the name does not exist" + via;
    } else if (outcome instanceof DnsOutcome.ServFail f) {
      return kind + ": the server failed: " + Text.printable(f.detail());
    } else if (outcome instanceof DnsOutcome.Refused r) {
      return kind + ": the server refused the question: " + Text.printable(r.detail());
    }
    DnsOutcome.Timeout t = (DnsOutcome.Timeout) outcome;
    return kind + ": no answer after " + t.elapsed().toMillis() + " ms: " + Text.printable(t.detail());
  }

  /** Returns the SOA of a negative outcome, if it carries one. */
  public static Optional<SoaRecord> soa(DnsOutcome outcome) {
    if (outcome instanceof DnsOutcome.NoData n) {
      return n.soa();
    } else if (outcome instanceof DnsOutcome.NxDomain n) {
      return n.soa();
    }
    return Optional.empty();
  }

  /**
   * Returns a record in master-file form, followed for TXT records by each character-string on its
   * own line and the joined text, and for a null MX by a note.
   */
  public static List<String> record(DnsRecord r, String indent) {
    List<String> lines = new ArrayList<>();
    lines.add(indent + Text.printable(r.toString()));
    if (r instanceof TxtRecord txt) {
      List<String> strings = txt.strings();
      for (int i = 0; i < strings.size(); i++) {
        lines.add(indent + "    string " + (i + 1) + "/" + strings.size() + ": " + Text.quoted(strings.get(i)));
      }
      if (strings.size() > 1) {
        lines.add(indent + "    joined text: " + Text.quoted(txt.text()));
      }
    } else if (r instanceof MxRecord mx && mx.exchange().isRoot()) {
      lines.add(indent + "    null MX (RFC 7505): this domain accepts no mail");
    }
    return lines;
  }
}
