package io.maildiag.benchmarks.headers;

import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import io.maildiag.headers.HeaderSection;
import io.maildiag.headers.auth.AuthenticationResults;
import io.maildiag.headers.received.ReceivedTimeline;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * The two sides of the header benchmark, starting from the same bytes.
 *
 * <ul>
 *   <li>Baseline: Jakarta Mail's bare header parse, {@code new InternetHeaders(stream)}, then every
 *       header's name and value touched through {@code getAllHeaders()}.
 *   <li>mail-diag's full analysis: {@link HeaderSection#parse(byte[], Limits)}, {@link
 *       ReceivedTimeline#of(HeaderSection)} and {@link AuthenticationResults#fromHeader(HeaderSection)}.
 * </ul>
 */
public final class HeaderContenders {

  /** What mail-diag's analysis gives: all three results. */
  public record Analysis(HeaderSection section, ReceivedTimeline timeline,
      List<ParseResult<AuthenticationResults>> authResults) {}

  private final Limits limits = Limits.defaults();

  /** The limits mail-diag parses with ({@link Limits#defaults()}). */
  public Limits limits() {
    return limits;
  }

  /** Jakarta Mail: parses the header and touches every field; returns a checksum of what it read. */
  public int jakarta(byte[] message) {
    try {
      InternetHeaders h = new InternetHeaders(new ByteArrayInputStream(message));
      int sum = 0;
      for (Enumeration<Header> e = h.getAllHeaders(); e.hasMoreElements(); ) {
        Header f = e.nextElement();
        sum += f.getName().length() + f.getValue().length();
      }
      return sum;
    } catch (MessagingException e) {
      throw new IllegalStateException("Jakarta Mail could not read the header", e);
    }
  }

  /** Jakarta Mail: the field names, in order. */
  public List<String> jakartaNames(byte[] message) {
    try {
      InternetHeaders h = new InternetHeaders(new ByteArrayInputStream(message));
      List<String> names = new ArrayList<>();
      for (Enumeration<Header> e = h.getAllHeaders(); e.hasMoreElements(); ) {
        names.add(e.nextElement().getName());
      }
      return names;
    } catch (MessagingException e) {
      throw new IllegalStateException("Jakarta Mail could not read the header", e);
    }
  }

  /** mail-diag: parse, timeline, Authentication-Results. */
  public Analysis mailDiag(byte[] message) {
    HeaderSection section = HeaderSection.parse(message, limits).orElseThrow();
    return new Analysis(section, ReceivedTimeline.of(section), AuthenticationResults.fromHeader(section));
  }

  /**
   * Checks that both sides read the sample the same way: the same field names in the same order,
   * the Received fields as hops, and every Authentication-Results value parsed. Returns a one-line
   * summary; throws {@link IllegalStateException} otherwise.
   */
  public String verify(HeaderMix.Sample s) {
    List<String> jakartaNames = jakartaNames(s.bytes());
    Analysis a = mailDiag(s.bytes());
    List<String> names = a.section().fields().stream().map(f -> f.name()).toList();
    if (!names.equals(jakartaNames)) {
      throw new IllegalStateException(s.name() + ": field names differ: mail-diag " + names
          + " vs Jakarta Mail " + jakartaNames);
    }
    int received = a.section().all("Received").size();
    if (received < 3 || received > 8 || a.timeline().hops().size() != received) {
      throw new IllegalStateException(s.name() + ": " + received + " Received fields but "
          + a.timeline().hops().size() + " hops");
    }
    if (a.timeline().hops().stream().anyMatch(h -> h.instant().isEmpty())) {
      throw new IllegalStateException(s.name() + ": a hop has no time");
    }
    if (a.authResults().isEmpty()
        || a.authResults().stream().anyMatch(r -> r.value().isEmpty() || r.value().get().results().isEmpty())) {
      throw new IllegalStateException(s.name() + ": an Authentication-Results field was not read: "
          + a.authResults());
    }
    return s.name() + ": " + names.size() + " fields, " + received + " hops, "
        + a.authResults().size() + " A-R";
  }
}
