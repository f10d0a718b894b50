/**
 * The resolver layer of mail-diag: a small value-based DNS SPI ({@link io.maildiag.dns.DnsResolver})
 * and its implementations: live DNS over dnsjava, zone files, an in-memory fake for tests, an
 * overlay for what-if analysis, and recording and listening decorators.
 *
 * <p>dnsjava is an implementation detail: none of its types appear in the exported API.
 */
@org.jspecify.annotations.NullMarked
module io.maildiag.dns {
  requires static org.jspecify;
  requires transitive io.maildiag.core;
  requires org.dnsjava;
  requires org.slf4j;
  requires java.xml;

  exports io.maildiag.dns;
  exports io.maildiag.dns.spf;
  exports io.maildiag.dns.dmarc;
  exports io.maildiag.dns.dmarc.report;
}
