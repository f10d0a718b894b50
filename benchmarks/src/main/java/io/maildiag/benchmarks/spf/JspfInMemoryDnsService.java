package io.maildiag.benchmarks.spf;

import io.maildiag.dns.spf.SpfChecker;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.james.jspf.core.DNSRequest;
import org.apache.james.jspf.core.DNSService;

/**
 * A jSPF {@link DNSService} answering from an {@link SpfZone}, with the data shaped exactly as
 * jSPF's own dnsjava-backed {@code DNSServiceXBillImpl} shapes it: TXT character-strings
 * concatenated, A/AAAA addresses as {@link InetAddress#getHostAddress()} prints them, MX exchanges
 * absolute with a trailing dot, and {@code null} for a name or type without records.
 *
 * <p>The answers are precomputed, so a lookup is a hash-map probe. Each call returns a fresh
 * mutable list, as {@code DNSServiceXBillImpl} does: jSPF's {@code MXMechanism} consumes the MX
 * list it is given with {@code remove(0)}.
 *
 * <p>Immutable after construction and safe for concurrent use.
 */
public final class JspfInMemoryDnsService implements DNSService {

  private final Map<String, List<String>> a = new HashMap<>();
  private final Map<String, List<String>> aaaa = new HashMap<>();
  private final Map<String, List<String>> mx = new HashMap<>();
  private final Map<String, List<String>> txt = new HashMap<>();
  private volatile int recordLimit = 10;

  /** Precomputes jSPF's view of the zone. */
  public JspfInMemoryDnsService(SpfZone zone) {
    zone.records().forEach((name, rrs) -> {
      for (SpfZone.Rr rr : rrs) {
        if (rr instanceof SpfZone.Txt t) {
          add(txt, name, String.join("", t.strings()));
        } else if (rr instanceof SpfZone.A r) {
          add(a, name, hostAddress(r.address()));
        } else if (rr instanceof SpfZone.Aaaa r) {
          add(aaaa, name, hostAddress(r.address()));
        } else if (rr instanceof SpfZone.Mx r) {
          add(mx, name, SpfZone.normalise(r.exchange()) + ".");
        }
      }
    });
    for (Map<String, List<String>> m : List.of(a, aaaa, mx, txt)) {
      m.replaceAll((k, v) -> List.copyOf(v));
    }
  }

  private static void add(Map<String, List<String>> map, String name, String value) {
    map.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
  }

  private static String hostAddress(String literal) {
    try {
      return InetAddress.getByName(literal).getHostAddress(); // a literal: no DNS lookup
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address literal: " + literal, e);
    }
  }

  @Override
  public List<String> getRecords(DNSRequest request) {
    Map<String, List<String>> byName = switch (request.getRecordType()) {
      case DNSRequest.A -> a;
      case DNSRequest.AAAA -> aaaa;
      case DNSRequest.MX -> mx;
      case DNSRequest.TXT -> txt;
      default -> null; // PTR and the SPF type: the zone has none
    };
    if (byName == null) {
      return null;
    }
    List<String> found = byName.get(key(request.getHostname()));
    return found == null ? null : new ArrayList<>(found);
  }

  private static String key(String hostname) {
    int end = hostname.length();
    if (end > 0 && hostname.charAt(end - 1) == '.') {
      end--;
    }
    for (int i = 0; i < end; i++) {
      char c = hostname.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        return SpfZone.normalise(hostname);
      }
    }
    return end == hostname.length() ? hostname : hostname.substring(0, end);
  }

  @Override
  public CompletionStage<List<String>> getRecordsAsync(DNSRequest request) {
    return CompletableFuture.completedFuture(getRecords(request));
  }

  @Override
  public List<String> getLocalDomainNames() {
    return List.of(SpfChecker.DEFAULT_RECEIVER);
  }

  @Override
  public void setTimeOut(int timeOut) {
    // answers are immediate
  }

  @Override
  public int getRecordLimit() {
    return recordLimit;
  }

  @Override
  public void setRecordLimit(int recordLimit) {
    this.recordLimit = recordLimit;
  }
}
