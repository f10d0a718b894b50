package io.maildiag.examples.render;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.domain.DomainName;
import io.maildiag.headers.antispam.AntispamHeaders;
import io.maildiag.headers.antispam.ForefrontAntispamReport;
import io.maildiag.headers.auth.AuthResult;
import io.maildiag.headers.dkim.DkimSignatureResult;
import io.maildiag.headers.received.ReceivedHeader;
import io.maildiag.headers.received.ReceivedHop;
import io.maildiag.headers.received.ReceivedTimeline;
import io.maildiag.headers.report.AuthResultsField;
import io.maildiag.headers.report.ConsistencyCheck;
import io.maildiag.headers.report.HeaderReport;
import io.maildiag.headers.report.HeaderSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The human-readable form of {@code mail-diag headers}: the summary, the hop table with delay bars
 * scaled to the slowest hop (80 columns), the authentication verdicts, the consistency checks, the
 * anti-spam verdicts and the findings.
 */
public final class HeadersText {

  /** The widest line of the hop table. */
  public static final int WIDTH = 80;
  /** The width of a full delay bar (the slowest hop). */
  public static final int BAR = 20;
  private static final int BY = 36;

  private HeadersText() {}

  /** Returns the whole report as lines. */
  public static List<String> report(String name, HeaderReport r) {
    List<String> lines = new ArrayList<>();
    lines.add(Text.printable(name));
    HeaderSummary s = r.summary();
    lines.add("  subject  " + show(s.subject()));
    lines.add("  from     " + show(s.from()));
    lines.add("  to       " + show(s.to()));
    lines.add("  date     " + show(s.date()));
    lines.add("  id       " + show(s.messageId()));
    lines.add("");
    lines.addAll(hopTable(r.timeline()));
    lines.add("");
    lines.addAll(authentication(r));
    lines.add("");
    lines.add("Consistency");
    for (ConsistencyCheck c : r.checks()) {
      lines.add("  " + pad(c.kind().jsonName(), 15) + " " + c.outcome().jsonName()
          + c.alignment().map(a -> " (" + a.jsonName() + ")").orElse(""));
      lines.addAll(wrap(c.detail(), "    "));
    }
    lines.add("");
    lines.addAll(antispam(r.antispam()));
    lines.add("");
    lines.add(r.findings().isEmpty() ? "Findings: none" : "Findings (" + r.findings().size() + ")");
    for (Diagnostic d : r.findings()) {
      lines.addAll(wrap(d.toString(), "  ", "    "));
    }
    return lines;
  }

  /** Returns the hop table: one row per hop with its delay bar, and a line with where it came from. */
  public static List<String> hopTable(ReceivedTimeline t) {
    List<String> lines = new ArrayList<>();
    List<ReceivedHop> hops = t.hops();
    StringBuilder head = new StringBuilder("Hops (oldest first");
    t.totalDelay().ifPresent(d -> head.append("; total ").append(duration(d)));
    t.receivingOrganisation().ifPresent(o -> head.append("; receiving organisation ").append(o));
    lines.add(head.append(")").toString());
    if (hops.isEmpty()) {
      lines.add("  no Received fields");
      return lines;
    }
    long slowest = hops.stream().flatMap(h -> h.delay().stream()).mapToLong(Duration::getSeconds).max().orElse(0);
    lines.add("   #  delay      by" + " ".repeat(BY - 2) + " " + "bar: delay / slowest");
    for (ReceivedHop h : hops) {
      ReceivedHeader rh = h.received();
      String delay = h.delay().map(HeadersText::duration).orElse("-");
      String row = "  " + leftPad(Integer.toString(h.number()), 2) + "  " + pad(delay, 9) + "  "
          + pad(clip(rh.by().orElse("?"), BY), BY) + " " + bar(h.delay(), slowest);
      lines.add(clip(row.stripTrailing(), WIDTH));
      List<String> from = new ArrayList<>();
      rh.from().ifPresent(f -> from.add("from " + f));
      rh.ip().filter(ip -> rh.from().map(f -> !f.contains(ip.toString())).orElse(true))
          .ifPresent(ip -> from.add("[" + ip + "]"));
      rh.with().ifPresent(w -> from.add("with " + w));
      if (rh.tls()) {
        from.add(rh.tlsVersion().orElse("TLS"));
      }
      boolean crossing = t.crossingHop().map(c -> c.number() == h.number()).orElse(false);
      if (crossing) {
        from.add(0, "[entered " + t.receivingOrganisation().map(DomainName::toString).orElse("the organisation") + "]");
      }
      if (!from.isEmpty()) {
        lines.add(clip("                 " + String.join(" ", from), WIDTH));
      }
    }
    t.slowestHop().ifPresent(h -> lines.addAll(wrap("slowest: " + h.label() + ", "
        + h.delay().map(HeadersText::duration).orElse("?") + " (" + stage(h) + ")", "  ", "    ")));
    return lines;
  }

  private static String stage(ReceivedHop h) {
    return switch (h.stage()) {
      case SENDER_QUEUE -> "in the sender's queue";
      case RELAY -> "spent before the receiving organisation";
      case RECEIVING_SYSTEM -> "spent inside the receiving organisation";
    };
  }

  /** Returns a bar of up to {@link #BAR} blocks for {@code delay} relative to {@code slowest} seconds. */
  public static String bar(Optional<Duration> delay, long slowest) {
    if (delay.isEmpty() || slowest <= 0 || delay.get().getSeconds() <= 0) {
      return "";
    }
    long n = Math.round((double) BAR * delay.get().getSeconds() / slowest);
    return n == 0 ? "\u258f" : "\u2588".repeat((int) Math.min(BAR, n));
  }

  /** Returns {@code 2h00m26s}, {@code 1m05s}, {@code 3s}, {@code -4s}. */
  public static String duration(Duration d) {
    long s = d.getSeconds();
    String sign = s < 0 ? "-" : "";
    s = Math.abs(s);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%s%dh%02dm%02ds", sign, s / 3600, (s % 3600) / 60, s % 60);
    }
    if (s >= 60) {
      return String.format(Locale.ROOT, "%s%dm%02ds", sign, s / 60, s % 60);
    }
    return sign + s + "s";
  }

  private static List<String> authentication(HeaderReport r) {
    List<String> lines = new ArrayList<>();
    lines.add("Authentication");
    if (r.authentication().authenticationResults().isEmpty()) {
      lines.add("  Authentication-Results: none");
    }
    for (AuthResultsField f : r.authentication().authenticationResults()) {
      lines.add("  " + f.fieldName() + f.results().flatMap(x -> x.authservId()).map(id -> " (" + id + ")").orElse("")
          + ":" + (f.results().map(x -> x.isNone()).orElse(true) ? " none" : ""));
      for (AuthResult a : f.results().map(x -> x.results()).orElse(List.of())) {
        lines.add("    " + Text.printable(a.toString()));
      }
    }
    r.authentication().receivedSpf().ifPresent(s -> lines.add("  Received-SPF: "
        + s.result().name().toLowerCase(Locale.ROOT)
        + s.clientIp().map(ip -> ", client-ip " + ip).orElse("")
        + s.envelopeFrom().map(e -> ", envelope-from " + Text.printable(e)).orElse("")));
    if (r.authentication().dkim().isEmpty()) {
      lines.add("  DKIM: not verified (no DNS)");
    } else {
      List<DkimSignatureResult> sigs = r.authentication().dkim().get().signatures();
      lines.add("  DKIM (verified): " + (sigs.isEmpty() ? "no signature" : Text.count(sigs.size(), "signature")));
      for (DkimSignatureResult s : sigs) {
        lines.add("    d=" + s.domain().map(DomainName::toString).orElse("?") + " s="
            + Text.printable(s.selector().orElse("?")) + " " + s.algorithm().map(a -> a.tagValue()).orElse("?")
            + (s.keyBits().isPresent() ? " " + s.keyBits().getAsInt() + " bits" : "") + ": " + s.result().rfcName()
            + s.failure().map(f -> " (" + Text.printable(f.message()) + ")").orElse(""));
      }
    }
    r.authentication().arc().ifPresent(a -> lines.add("  ARC (verified): " + a.result().rfcName()
        + (a.latestInstance() > 0 ? ", " + Text.count(a.latestInstance(), "instance") : "")
        + a.failure().map(f -> " (" + Text.printable(f.message()) + ")").orElse("")));
    return lines;
  }

  private static List<String> antispam(AntispamHeaders a) {
    List<String> lines = new ArrayList<>();
    lines.add("Anti-spam" + (a.markedAsSpam() ? ": marked as spam" : ""));
    boolean any = false;
    if (a.forefront().isPresent()) {
      ForefrontAntispamReport ff = a.forefront().get();
      List<String> parts = new ArrayList<>();
      ff.connectingIp().ifPresent(ip -> parts.add("CIP " + ip));
      ff.scl().ifPresent(l -> parts.add("SCL " + l.value() + " (" + l.meaning() + ")"));
      ff.spamFilterVerdict().ifPresent(v -> parts.add("SFV " + v.name()));
      ff.category().ifPresent(c -> parts.add("CAT " + c.name()));
      ff.country().ifPresent(c -> parts.add("country " + c));
      lines.addAll(wrap("Microsoft 365: " + String.join(", ", parts), "  ", "    "));
      any = true;
    }
    a.microsoftAntispam().flatMap(m -> m.bcl()).ifPresent(b -> lines.add("  BCL " + b.value() + " (" + b.meaning() + ")"));
    a.exchangeScl().ifPresent(l -> lines.add("  X-MS-Exchange-Organization-SCL " + l.value()));
    if (a.spamAssassin().isPresent()) {
      var s = a.spamAssassin().get();
      lines.add("  SpamAssassin: " + s.spam().map(x -> x ? "spam" : "not spam").orElse("?")
          + s.score().map(x -> ", score " + x).orElse("") + s.required().map(x -> ", required " + x).orElse(""));
      any = true;
    }
    if (!any && a.microsoftAntispam().isEmpty() && a.exchangeScl().isEmpty()) {
      lines.add("  no anti-spam verdict headers");
    }
    return lines;
  }

  /** Returns {@code text}, printable, wrapped at {@link #WIDTH} columns, every line indented. */
  public static List<String> wrap(String text, String indent) {
    return wrap(text, indent, indent);
  }

  /** Returns {@code text} wrapped, the first line after {@code first}, the others after {@code rest}. */
  public static List<String> wrap(String text, String first, String rest) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder(first);
    int start = first.length();
    for (String word : Text.printable(text).split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
        out.add(line.toString());
        line = new StringBuilder(rest);
        start = rest.length();
      }
      if (line.length() > start) {
        line.append(' ');
      }
      line.append(word);
    }
    out.add(line.toString());
    return out;
  }

  /** The most chars of a summary value shown in text (a hostile subject can be a megabyte; --json has it whole). */
  static final int MAX_SUMMARY_VALUE = 1000;

  private static String show(Optional<String> value) {
    return value.map(v -> clip(v, MAX_SUMMARY_VALUE)).orElse("(none)");
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String leftPad(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }

  /** Returns {@code s}, printable, cut to {@code width} characters with an ellipsis. */
  static String clip(String s, int width) {
    String p = Text.printable(s);
    if (p.length() <= width) {
      return p;
    }
    int keep = width >= 2 && Character.isHighSurrogate(p.charAt(width - 2)) ? width - 2 : width - 1;
    return p.substring(0, keep) + "\u2026";
  }
}
