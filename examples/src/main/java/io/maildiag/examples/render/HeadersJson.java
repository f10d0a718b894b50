package io.maildiag.examples.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maildiag.core.domain.DomainName;
import io.maildiag.headers.antispam.AntispamHeaders;
import io.maildiag.headers.antispam.ForefrontAntispamReport;
import io.maildiag.headers.auth.AuthProperty;
import io.maildiag.headers.auth.AuthResult;
import io.maildiag.headers.auth.ReceivedSpf;
import io.maildiag.headers.dkim.ArcValidation;
import io.maildiag.headers.dkim.DkimSignatureResult;
import io.maildiag.headers.received.ReceivedHeader;
import io.maildiag.headers.received.ReceivedHop;
import io.maildiag.headers.received.ReceivedTimeline;
import io.maildiag.headers.report.AuthResultsField;
import io.maildiag.headers.report.ConsistencyCheck;
import io.maildiag.headers.report.HeaderReport;
import io.maildiag.headers.report.HeaderSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON form of {@code mail-diag headers}: one object per message. Absent values are JSON
 * {@code null}; {@code dkim} and {@code arc} are left out when DKIM was not verified ({@code
 * --no-dns}).
 */
public final class HeadersJson {

  private HeadersJson() {}

  /**
   * Returns {@code {file?, summary, hops, totalDelaySeconds, slowestHop, crossingHop,
   * receivingOrganisation, authenticationResults, receivedSpf, dkim?, arc?, antispam, checks,
   * findings}}.
   *
   * @param file the file name, or null to leave {@code file} out
   */
  public static ObjectNode report(String file, HeaderReport r) {
    ObjectNode node = Json.object();
    if (file != null) {
      node.put("file", file);
    }
    node.set("summary", summary(r.summary()));
    ReceivedTimeline t = r.timeline();
    node.set("hops", hops(t.hops()));
    putSeconds(node, "totalDelaySeconds", t.totalDelay());
    putNumber(node, "slowestHop", t.slowestHop().map(ReceivedHop::number));
    putNumber(node, "crossingHop", t.crossingHop().map(ReceivedHop::number));
    put(node, "receivingOrganisation", t.receivingOrganisation().map(DomainName::toString));
    ArrayNode ar = node.putArray("authenticationResults");
    for (AuthResultsField f : r.authentication().authenticationResults()) {
      ar.add(authResults(f));
    }
    node.set("receivedSpf", r.authentication().receivedSpf().map(HeadersJson::receivedSpf).orElse(null));
    r.authentication().dkim().ifPresent(v -> {
      ArrayNode dkim = node.putArray("dkim");
      v.signatures().forEach(s -> dkim.add(dkim(s)));
    });
    r.authentication().arc().ifPresent(a -> node.set("arc", arc(a)));
    node.set("antispam", antispam(r.antispam()));
    ArrayNode checks = node.putArray("checks");
    r.checks().forEach(c -> checks.add(check(c)));
    node.set("findings", SpfJson.problems(r.findings()));
    return node;
  }

  /** Returns {@code {subject, from, to, date, messageId}}. */
  public static ObjectNode summary(HeaderSummary s) {
    ObjectNode node = Json.object();
    put(node, "subject", s.subject());
    put(node, "from", s.from());
    put(node, "to", s.to());
    put(node, "date", s.date());
    put(node, "messageId", s.messageId());
    return node;
  }

  /** Returns the hops, oldest first. */
  public static ArrayNode hops(List<ReceivedHop> hops) {
    ArrayNode array = Json.array();
    for (ReceivedHop h : hops) {
      ReceivedHeader rh = h.received();
      ObjectNode o = array.addObject();
      o.put("number", h.number());
      put(o, "from", rh.from());
      put(o, "helo", rh.helo());
      put(o, "rdns", rh.reverseDns());
      put(o, "ip", rh.ip().map(Object::toString));
      put(o, "by", rh.by());
      put(o, "with", rh.with());
      put(o, "id", rh.id());
      put(o, "for", rh.recipient());
      o.put("tls", rh.tls());
      put(o, "tlsVersion", rh.tlsVersion());
      put(o, "timestamp", h.instant().map(HeadersJson::iso));
      putSeconds(o, "delaySeconds", h.delay());
      o.put("stage", h.stage().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      o.put("insideReceivingOrganisation", h.insideReceivingOrganisation());
    }
    return array;
  }

  /** Returns {@code {field, original, authservId, results: [{method, result, reason, properties}], problems}}. */
  public static ObjectNode authResults(AuthResultsField f) {
    ObjectNode o = Json.object();
    o.put("field", f.fieldName());
    o.put("original", f.original());
    put(o, "authservId", f.results().flatMap(r -> r.authservId()));
    ArrayNode results = o.putArray("results");
    for (AuthResult r : f.results().map(x -> x.results()).orElse(List.of())) {
      ObjectNode ro = results.addObject();
      ro.put("method", r.method());
      ro.put("result", r.result());
      put(ro, "reason", r.reason());
      ObjectNode props = ro.putObject("properties");
      for (AuthProperty p : r.properties()) {
        if (!props.has(p.key())) {
          props.put(p.key(), p.value());
        }
      }
    }
    o.set("problems", SpfJson.problems(f.diagnostics()));
    return o;
  }

  /** Returns {@code {result, clientIp, envelopeFrom, helo, comment}}. */
  public static ObjectNode receivedSpf(ReceivedSpf s) {
    ObjectNode o = Json.object();
    o.put("result", s.result().name().toLowerCase(Locale.ROOT));
    put(o, "clientIp", s.clientIp().map(Object::toString));
    put(o, "envelopeFrom", s.envelopeFrom());
    put(o, "helo", s.helo());
    put(o, "comment", s.comment());
    return o;
  }

  /** Returns {@code {domain, selector, algorithm, result, reason?, message?, keyBits}}. */
  public static ObjectNode dkim(DkimSignatureResult s) {
    ObjectNode o = Json.object();
    put(o, "domain", s.domain().map(DomainName::toString));
    put(o, "selector", s.selector());
    put(o, "algorithm", s.algorithm().map(a -> a.tagValue()));
    o.put("result", s.result().rfcName());
    s.failure().ifPresent(f -> {
      o.put("reason", f.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      o.put("message", f.message());
    });
    if (s.keyBits().isPresent()) {
      o.put("keyBits", s.keyBits().getAsInt());
    } else {
      o.putNull("keyBits");
    }
    return o;
  }

  /** Returns {@code {result, reason?, message?, instances}}. */
  public static ObjectNode arc(ArcValidation a) {
    ObjectNode o = Json.object();
    o.put("result", a.result().rfcName());
    a.failure().ifPresent(f -> {
      o.put("reason", f.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      o.put("message", f.message());
    });
    o.put("instances", a.latestInstance());
    return o;
  }

  /** Returns the anti-spam verdicts: {@code {markedAsSpam, cip, scl, sfv, category, country, bcl, exchangeScl, spamAssassin}}. */
  public static ObjectNode antispam(AntispamHeaders a) {
    ObjectNode o = Json.object();
    o.put("markedAsSpam", a.markedAsSpam());
    Optional<ForefrontAntispamReport> ff = a.forefront();
    put(o, "cip", ff.flatMap(ForefrontAntispamReport::connectingIp).map(Object::toString));
    putNumber(o, "scl", ff.flatMap(ForefrontAntispamReport::scl).map(l -> l.value()));
    put(o, "sfv", ff.flatMap(ForefrontAntispamReport::spamFilterVerdict).map(Enum::name));
    put(o, "category", ff.flatMap(ForefrontAntispamReport::category).map(Enum::name));
    put(o, "country", ff.flatMap(ForefrontAntispamReport::country));
    putNumber(o, "bcl", a.microsoftAntispam().flatMap(m -> m.bcl()).map(b -> b.value()));
    putNumber(o, "exchangeScl", a.exchangeScl().map(l -> l.value()));
    if (a.spamAssassin().isPresent()) {
      ObjectNode sa = o.putObject("spamAssassin");
      var s = a.spamAssassin().get();
      if (s.spam().isPresent()) {
        sa.put("spam", s.spam().get());
      } else {
        sa.putNull("spam");
      }
      s.score().ifPresentOrElse(v -> sa.put("score", v), () -> sa.putNull("score"));
      s.required().ifPresentOrElse(v -> sa.put("required", v), () -> sa.putNull("required"));
    } else {
      o.putNull("spamAssassin");
    }
    return o;
  }

  /** Returns {@code {check, outcome, expected, observed, alignment, detail}}. */
  public static ObjectNode check(ConsistencyCheck c) {
    ObjectNode o = Json.object();
    o.put("check", c.kind().jsonName());
    o.put("outcome", c.outcome().jsonName());
    put(o, "expected", c.expected());
    put(o, "observed", c.observed());
    put(o, "alignment", c.alignment().map(ConsistencyCheck.Alignment::jsonName));
    o.put("detail", c.detail());
    return o;
  }

  /** Returns {@code {file, error}} for a file that could not be read. */
  public static ObjectNode error(String file, String message) {
    ObjectNode o = Json.object();
    o.put("file", file);
    o.put("error", message);
    return o;
  }

  static String iso(Instant i) {
    return DateTimeFormatter.ISO_INSTANT.format(i);
  }

  private static void put(ObjectNode o, String key, Optional<String> value) {
    if (value.isPresent()) {
      o.put(key, value.get());
    } else {
      o.putNull(key);
    }
  }

  private static void putNumber(ObjectNode o, String key, Optional<Integer> value) {
    if (value.isPresent()) {
      o.put(key, value.get());
    } else {
      o.putNull(key);
    }
  }

  private static void putSeconds(ObjectNode o, String key, Optional<Duration> value) {
    if (value.isPresent()) {
      o.put(key, value.get().getSeconds());
    } else {
      o.putNull(key);
    }
  }
}
