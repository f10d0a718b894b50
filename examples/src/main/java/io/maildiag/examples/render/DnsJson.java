package io.maildiag.examples.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maildiag.dns.ARecord;
import io.maildiag.dns.AaaaRecord;
import io.maildiag.dns.CaaRecord;
import io.maildiag.dns.CnameRecord;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.DnsRecord;
import io.maildiag.dns.MxRecord;
import io.maildiag.dns.NsRecord;
import io.maildiag.dns.PtrRecord;
import io.maildiag.dns.SoaRecord;
import io.maildiag.dns.SrvRecord;
import io.maildiag.dns.TlsaRecord;
import io.maildiag.dns.TxtRecord;
import java.time.Duration;
import java.util.List;

/**
 * Renders DNS values as JSON trees: the shape of {@code mail-diag dns --json}, documented in the
 * README. Names are written without the trailing dot ({@code "example.com"}; the root is {@code
 * "."}); absent parts ({@code detail}, {@code soa}) are left out rather than written as null.
 */
public final class DnsJson {

  private DnsJson() {}

  /**
   * Returns the full JSON object of one question and its outcome.
   *
   * @param elapsed how long the question took, for {@code elapsedMs}
   */
  public static ObjectNode outcome(DnsOutcome outcome, Duration elapsed) {
    ObjectNode node = Json.object();
    node.set("query", query(outcome.query()));
    node.put("outcome", outcome.kind().jsonName());
    ArrayNode chain = node.putArray("cnameChain");
    for (CnameRecord c : outcome.cnameChain()) {
      chain.addObject()
          .put("name", c.name().toString())
          .put("ttl", c.ttl())
          .put("target", c.target().toString());
    }
    node.set("records", records(outcome.records()));
    if (outcome instanceof DnsOutcome.ServFail f) {
      node.put("detail", f.detail());
    } else if (outcome instanceof DnsOutcome.Refused r) {
      node.put("detail", r.detail());
    } else if (outcome instanceof DnsOutcome.Timeout t) {
      node.put("detail", t.detail());
    } else if (outcome instanceof DnsOutcome.NoData n) {
      n.soa().ifPresent(soa -> node.set("soa", record(soa)));
    } else if (outcome instanceof DnsOutcome.NxDomain n) {
      n.soa().ifPresent(soa -> node.set("soa", record(soa)));
    }
    node.put("elapsedMs", elapsed.toMillis());
    return node;
  }

  /** Returns {@code {"name": ..., "type": ...}}. */
  public static ObjectNode query(DnsQuery query) {
    ObjectNode node = Json.object();
    node.put("name", query.name().toString());
    node.put("type", query.type().name());
    return node;
  }

  /** Returns an array of {@link #record} objects. */
  public static ArrayNode records(List<? extends DnsRecord> records) {
    ArrayNode array = Json.array();
    for (DnsRecord r : records) {
      array.add(record(r));
    }
    return array;
  }

  /**
   * Returns one record: {@code name}, {@code type}, {@code ttl}, the fields of its type and
   * {@code rdata} (master-file presentation form), always in that order.
   */
  public static ObjectNode record(DnsRecord r) {
    ObjectNode node = Json.object();
    node.put("name", r.name().toString());
    node.put("type", r.type().name());
    node.put("ttl", r.ttl());
    if (r instanceof ARecord a) {
      node.put("address", a.address().toString());
    } else if (r instanceof AaaaRecord a) {
      node.put("address", a.address().toString());
    } else if (r instanceof MxRecord mx) {
      node.put("preference", mx.preference());
      node.put("exchange", mx.exchange().toString());
    } else if (r instanceof TxtRecord txt) {
      ArrayNode strings = node.putArray("strings");
      txt.strings().forEach(strings::add);
      node.put("text", txt.text());
    } else if (r instanceof CnameRecord c) {
      node.put("target", c.target().toString());
    } else if (r instanceof PtrRecord p) {
      node.put("target", p.target().toString());
    } else if (r instanceof NsRecord ns) {
      node.put("host", ns.host().toString());
    } else if (r instanceof SoaRecord soa) {
      node.put("primaryNameServer", soa.primaryNameServer().toString());
      node.put("responsibleMailbox", soa.responsibleMailbox().toString());
      node.put("serial", soa.serial());
      node.put("refresh", soa.refresh());
      node.put("retry", soa.retry());
      node.put("expire", soa.expire());
      node.put("minimum", soa.minimum());
    } else if (r instanceof SrvRecord srv) {
      node.put("priority", srv.priority());
      node.put("weight", srv.weight());
      node.put("port", srv.port());
      node.put("target", srv.target().toString());
    } else if (r instanceof TlsaRecord tlsa) {
      node.put("usage", tlsa.usage());
      node.put("selector", tlsa.selector());
      node.put("matchingType", tlsa.matchingType());
      node.put("associationData", tlsa.associationData());
    } else if (r instanceof CaaRecord caa) {
      node.put("flags", caa.flags());
      node.put("tag", caa.tag());
      node.put("value", caa.value());
    }
    node.put("rdata", r.rdataText());
    return node;
  }
}
