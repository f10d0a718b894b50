package io.maildiag.benchmarks.spf;

import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.spf.SpfChecker;
import io.maildiag.dns.spf.SpfEvaluation;
import io.maildiag.dns.spf.SpfRequest;
import org.apache.james.jspf.executor.SPFResult;
import org.apache.james.jspf.impl.SPF;

/**
 * The two SPF implementations under test, wired to the same {@link SpfZone}: mail-diag's {@link
 * SpfChecker} over an in-memory resolver, and jSPF's {@link SPF} (its default, synchronous
 * executor) over a {@link JspfInMemoryDnsService}. Both are used as an MTA would: one shared
 * instance, a check from the client's address text, sender and HELO name.
 */
public final class SpfContenders {

  private final SpfChecker mailDiag;
  private final SPF jspf;

  /** Wires both implementations to {@code zone}. */
  public SpfContenders(SpfZone zone) {
    this.mailDiag = SpfChecker.builder().resolver(zone.toMailDiagResolver()).build();
    this.jspf = new SPF(new JspfInMemoryDnsService(zone));
  }

  /** Runs mail-diag's check, parsing the address as part of the work. */
  public SpfEvaluation mailDiag(String ip, String sender, String helo) {
    return mailDiag.check(SpfRequest.mailFrom(IpAddress.of(ip), sender, helo));
  }

  /** Runs jSPF's check; its result is complete on return (synchronous executor). */
  public SPFResult jspf(String ip, String sender, String helo) {
    return jspf.checkSPF(ip, sender, helo);
  }

  /**
   * Checks that both implementations give the scenario's expected result and that mail-diag spends
   * the expected DNS-querying terms (so the whole policy is exercised, within the limit of 10).
   *
   * @return a one-line summary
   * @throws IllegalStateException if either implementation disagrees
   */
  public String verify(SpfScenario s) {
    SpfEvaluation md = mailDiag(s.ip(), s.sender(), s.helo());
    SPFResult js = jspf(s.ip(), s.sender(), s.helo());
    String mdResult = md.result().rfcName();
    String jsResult = js.getResult();
    if (!s.expected().equals(mdResult) || !s.expected().equals(jsResult)) {
      throw new IllegalStateException(s + ": expected " + s.expected() + ", mail-diag says " + mdResult
          + ", jSPF says " + jsResult + " (" + js.getHeaderText() + ")\n" + md.explain());
    }
    if (md.trace().dnsLookups() != s.dnsLookups() || md.trace().voidLookups() != 0) {
      throw new IllegalStateException(s + ": expected " + s.dnsLookups() + " DNS-querying terms and no void"
          + " lookup, mail-diag counted " + md.trace().dnsLookups() + " and " + md.trace().voidLookups()
          + " void\n" + md.explain());
    }
    return s + ": both " + mdResult + " (" + md.trace().queries().size() + " DNS questions)";
  }
}
