package io.maildiag.examples.demo;

import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.InMemoryDnsResolver;
import io.maildiag.dns.RecordingDnsResolver;
import io.maildiag.dns.ZoneFileResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What every demo section works on: the bundled zone ({@value #ZONE_RESOURCE}) of the fictional
 * Tidepool Tea Co. on {@code tidepool.example.com}, with two simulated failures laid over it, all
 * behind one {@link RecordingDnsResolver} that counts the questions.
 */
public final class DemoContext {

  /** The bundled zone, a class-path resource next to this class. */
  public static final String ZONE_RESOURCE = "demo.zone";

  /** The demo's main domain. */
  public static final DomainName DOMAIN = DomainName.of("tidepool.example.com");

  /** A name whose every question comes to SERVFAIL (simulated with {@link InMemoryDnsResolver}). */
  public static final DomainName BROKEN = DomainName.of("broken.example.org");

  /** A name whose every question times out (simulated with {@link InMemoryDnsResolver}). */
  public static final DomainName SLOW = DomainName.of("slow.example.org");

  private final String zoneText;
  private final ZoneFileResolver zone;
  private final RecordingDnsResolver recorder;

  private DemoContext(String zoneText, ZoneFileResolver zone) {
    this.zoneText = zoneText;
    this.zone = zone;
    InMemoryDnsResolver faults = InMemoryDnsResolver.builder()
        .servfail(BROKEN.toString())
        .timeout(SLOW.toString())
        .build();
    this.recorder = RecordingDnsResolver.wrap(DnsResolver.overlay(faults, zone));
  }

  /**
   * Loads the bundled zone. The zone ships in the jar and is tested, so a failure here is a
   * packaging bug, not bad input.
   *
   * @throws IllegalStateException if the zone is missing or does not parse
   */
  public static DemoContext bundled() {
    String text = readResource(ZONE_RESOURCE);
    ParseResult<ZoneFileResolver> parsed = ZoneFileResolver.parse(text);
    if (parsed.value().isEmpty() || !parsed.diagnostics().isEmpty()) {
      throw new IllegalStateException("the bundled demo zone does not parse cleanly: " + parsed.diagnostics());
    }
    return new DemoContext(text, parsed.value().get());
  }

  /** Returns the text of a resource next to this class, as UTF-8. */
  static String readResource(String name) {
    try (InputStream in = DemoContext.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the resolver every section should use: it records each question. */
  public DnsResolver dns() {
    return recorder;
  }

  /** Returns the recorder behind {@link #dns()}, for counts. */
  public RecordingDnsResolver recorder() {
    return recorder;
  }

  /** Returns the bundled zone alone, without the simulated failures and without recording. */
  public ZoneFileResolver zone() {
    return zone;
  }

  /** Returns the text of the bundled zone file. */
  public String zoneText() {
    return zoneText;
  }

  /** Returns the demo's main domain, {@code tidepool.example.com}. */
  public DomainName domain() {
    return DOMAIN;
  }

  /** Returns {@code label.tidepool.example.com}. */
  public DomainName name(String label) {
    return DOMAIN.child(label);
  }
}
