package io.maildiag.headers.received;

import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import java.util.Set;

/**
 * The organisation heuristic of the timeline: the last two labels of a host name, or the last three
 * when the last two are a well-known two-level public suffix (co.uk, co.jp, com.au ...). This is
 * not the Public Suffix List: it is enough to tell "same organisation" on a Received path, not to
 * make policy decisions.
 */
final class OrganisationalDomains {

  private static final Set<String> TWO_LEVEL = Set.of(
      "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk", "net.uk", "nhs.uk",
      "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "ad.jp", "gr.jp", "ed.jp", "lg.jp",
      "com.au", "net.au", "org.au", "edu.au", "gov.au", "co.nz", "net.nz", "org.nz", "govt.nz",
      "com.br", "net.br", "org.br", "gov.br", "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn",
      "com.tw", "net.tw", "org.tw", "edu.tw", "com.hk", "net.hk", "org.hk", "com.sg", "edu.sg", "gov.sg",
      "co.kr", "or.kr", "ne.kr", "ac.kr", "co.in", "net.in", "org.in", "gov.in", "ac.in",
      "co.za", "org.za", "gov.za", "com.mx", "org.mx", "gob.mx", "com.ar", "com.tr", "gov.tr", "edu.tr",
      "com.my", "com.ph", "com.vn", "co.id", "or.id", "co.il", "org.il", "ac.il", "co.th", "in.th",
      "com.ua", "com.ru", "com.pl", "com.es", "com.pe", "com.co", "com.ec", "com.uy", "com.ve",
      "com.eg", "com.sa", "com.pk", "com.bd", "com.ng", "co.ke");

  private OrganisationalDomains() {}

  static DomainName of(DomainName host) {
    int n = host.labelCount();
    if (n <= 2) {
      return host;
    }
    String lastTwo = host.label(n - 2) + "." + host.label(n - 1);
    return TWO_LEVEL.contains(lastTwo) ? host.suffix(3) : host.suffix(2);
  }

  /** Private, loopback, link-local, shared (CGN) and unique-local addresses. */
  static boolean isInternal(IpAddress ip) {
    byte[] b = ip.toBytes();
    if (b.length == 4) {
      int a0 = b[0] & 0xff;
      int a1 = b[1] & 0xff;
      return a0 == 10 || a0 == 127 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)
          || (a0 == 169 && a1 == 254) || (a0 == 100 && a1 >= 64 && a1 <= 127) || a0 == 0;
    }
    if (ip.isIpv4Mapped()) {
      return isInternal(ip.unmapIpv4().orElseThrow());
    }
    int a0 = b[0] & 0xff;
    boolean loopback = true;
    for (int i = 0; i < 15; i++) {
      loopback &= b[i] == 0;
    }
    return (loopback && b[15] == 1) || (a0 & 0xfe) == 0xfc || (a0 == 0xfe && (b[1] & 0xc0) == 0x80);
  }
}
