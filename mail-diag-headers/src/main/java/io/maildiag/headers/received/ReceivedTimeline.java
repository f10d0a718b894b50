package io.maildiag.headers.received;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.internal.LowerCase;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.headers.HeaderField;
import io.maildiag.headers.HeaderSection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The delivery path of a message, rebuilt from its {@code Received} fields and the other time
 * evidence in its header, with the findings a mail-flow diagnosis needs.
 *
 * <p>How it is built:
 *
 * <ul>
 *   <li><b>Hops</b>: Received fields are prepended by each host, so the bottom-most is the oldest.
 *       {@link #hops()} lists them oldest first, numbered from 1. At most {@link
 *       io.maildiag.core.Limits#maxReceivedHops()} fields are read, the topmost (newest) ones.
 *   <li><b>Delays</b>: a hop's delay is its time minus the time of the nearest earlier hop that has
 *       one. The total delay is the newest hop minus the oldest; {@link #totalDelaySinceDate()}
 *       counts from the Date field instead, and {@link #senderQueueDelay()} is the first hop minus
 *       Date.
 *   <li><b>Receiving organisation</b> (a heuristic): unless {@link
 *       TimelineOptions#receivingDomains()} names it, it is the organisational domain of the newest
 *       hop's {@code by} host name: its last two labels, or three when the last two are a well-known
 *       two-level public suffix such as {@code co.uk} or {@code co.jp} (a built-in list, not the
 *       Public Suffix List). Hops whose {@code by} is an address literal are skipped. The message
 *       <em>crossed</em> into the organisation at the oldest hop whose {@code by} is in it; that hop
 *       and all later ones are inside.
 *   <li><b>Attribution</b>: the delay of hop <i>n</i> was spent at the host that received hop
 *       <i>n</i>-1. It counts as {@link DelayStage#RECEIVING_SYSTEM} when that host is inside the
 *       receiving organisation, else as {@link DelayStage#RELAY}. Date to hop 1 is {@link
 *       DelayStage#SENDER_QUEUE}.
 *   <li><b>Chain continuity</b>: the {@code from} of hop <i>n</i> (its name, HELO, reverse DNS or
 *       IP) should match the {@code by} of hop <i>n</i>-1. A break is reported only on a definite
 *       mismatch: two host names in different organisations with no IP in common, or two different
 *       public IP addresses. Private addresses (NAT) and hops without a {@code from} are not
 *       compared, nor are names under private-use suffixes such as {@code .lan} or {@code .local}.
 *   <li><b>Clock skew</b>: negative delays beyond the tolerance (with a hint when the gap is close
 *       to whole hours, the mark of a wrong zone offset), one host stamping with different offsets,
 *       a zone name that contradicts the offset ({@link DateDefect#ZONE_MISMATCH}), a Date or DKIM
 *       signing time later than the first hop.
 *   <li><b>Other evidence</b> joins {@link #points()}: Date, X-Received, DKIM-Signature and
 *       ARC-Seal {@code t=}, Microsoft's {@code *OriginalArrivalTime}; Microsoft's {@code
 *       X-MS-Exchange-Transport-EndToEndLatency} is read as a duration.
 * </ul>
 *
 * <p>Findings use the codes of {@link ReceivedCodes} and {@link DateDefect}; their spans point into
 * {@link HeaderSection#text()} at the field concerned. Instances are immutable and safe for
 * concurrent use; building one is linear in the number of fields.
 *
 * @since 0.1
 */
public final class ReceivedTimeline {

  private final List<ReceivedHop> hops;
  private final List<TimePoint> points;
  private final Optional<Instant> date;
  private final Optional<DomainName> receivingOrganisation;
  private final Optional<ReceivedHop> crossingHop;
  private final Optional<Duration> endToEndLatency;
  private final List<Diagnostic> findings;

  private ReceivedTimeline(List<ReceivedHop> hops, List<TimePoint> points, Optional<Instant> date,
      Optional<DomainName> receivingOrganisation, Optional<ReceivedHop> crossingHop,
      Optional<Duration> endToEndLatency, List<Diagnostic> findings) {
    this.hops = List.copyOf(hops);
    this.points = List.copyOf(points);
    this.date = date;
    this.receivingOrganisation = receivingOrganisation;
    this.crossingHop = crossingHop;
    this.endToEndLatency = endToEndLatency;
    this.findings = List.copyOf(findings);
  }

  /** Builds the timeline of {@code headers} with {@link TimelineOptions#defaults()}. */
  public static ReceivedTimeline of(HeaderSection headers) {
    return of(headers, TimelineOptions.defaults());
  }

  /**
   * Builds the timeline of {@code headers}. Never throws on bad header content.
   *
   * @param headers the parsed header section
   * @param options thresholds, limits and (optionally) the receiving organisation's domains
   * @return the timeline with its findings
   */
  public static ReceivedTimeline of(HeaderSection headers, TimelineOptions options) {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(options, "options");
    return new Builder(headers, options).build();
  }

  /** Returns the hops, oldest first. */
  public List<ReceivedHop> hops() {
    return hops;
  }

  /** Returns every piece of time evidence, sorted by instant (hops in path order on ties). */
  public List<TimePoint> points() {
    return points;
  }

  /** Returns the instant of the Date field, if it could be read. */
  public Optional<Instant> date() {
    return date;
  }

  /** Returns the newest hop's time minus the oldest hop's time (hops with a time only). */
  public Optional<Duration> totalDelay() {
    Optional<Instant> first = firstTime();
    Optional<Instant> last = lastTime();
    return first.isPresent() && last.isPresent()
        ? Optional.of(Duration.between(first.get(), last.get())) : Optional.empty();
  }

  /** Returns the newest hop's time minus the Date field. */
  public Optional<Duration> totalDelaySinceDate() {
    Optional<Instant> last = lastTime();
    return date.isPresent() && last.isPresent()
        ? Optional.of(Duration.between(date.get(), last.get())) : Optional.empty();
  }

  /** Returns the oldest hop's time minus the Date field: time in the sender's client or queue. */
  public Optional<Duration> senderQueueDelay() {
    Optional<Instant> first = firstTime();
    return date.isPresent() && first.isPresent()
        ? Optional.of(Duration.between(date.get(), first.get())) : Optional.empty();
  }

  /** Returns the hop with the longest positive delay: the message waited longest just before it. */
  public Optional<ReceivedHop> slowestHop() {
    return hops.stream()
        .filter(h -> h.delay().map(d -> !d.isNegative() && !d.isZero()).orElse(false))
        .max(Comparator.comparing(h -> h.delay().orElseThrow()));
  }

  /** Returns the sum of positive delays per stage (sender queue, relays, receiving system). */
  public Map<DelayStage, Duration> delayByStage() {
    Map<DelayStage, Duration> m = new EnumMap<>(DelayStage.class);
    for (DelayStage s : DelayStage.values()) {
      m.put(s, Duration.ZERO);
    }
    senderQueueDelay().filter(d -> !d.isNegative()).ifPresent(d -> m.put(DelayStage.SENDER_QUEUE, d));
    for (ReceivedHop h : hops) {
      h.delay().filter(d -> !d.isNegative()).ifPresent(d -> m.merge(h.stage(), d, Duration::plus));
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Returns the receiving organisation's domain: guessed as the class description says, or, when
   * {@link TimelineOptions#receivingDomains()} names domains, one of them.
   */
  public Optional<DomainName> receivingOrganisation() {
    return receivingOrganisation;
  }

  /** Returns the hop at which the message entered the receiving organisation. */
  public Optional<ReceivedHop> crossingHop() {
    return crossingHop;
  }

  /** Returns Microsoft's {@code X-MS-Exchange-Transport-EndToEndLatency}, if present. */
  public Optional<Duration> endToEndLatency() {
    return endToEndLatency;
  }

  /** Returns the findings: per-field parse problems first, then timeline findings. */
  public List<Diagnostic> findings() {
    return findings;
  }

  private Optional<Instant> firstTime() {
    return hops.stream().map(ReceivedHop::instant).flatMap(Optional::stream).findFirst();
  }

  private Optional<Instant> lastTime() {
    Instant last = null;
    for (ReceivedHop h : hops) {
      Optional<Instant> t = h.instant();
      if (t.isPresent()) {
        last = t.get();
      }
    }
    return Optional.ofNullable(last);
  }

  /** One build; not shared. */
  private static final class Builder {
    private final HeaderSection headers;
    private final TimelineOptions options;
    private final List<Diagnostic> findings = new ArrayList<>();
    private final List<TimePoint> points = new ArrayList<>();
    private final int maxFindings;

    Builder(HeaderSection headers, TimelineOptions options) {
      this.headers = headers;
      this.options = options;
      this.maxFindings = Math.max(options.limits().maxDiagnostics(), 1);
    }

    private void add(Diagnostic d) {
      if (findings.size() < maxFindings) {
        findings.add(d);
      }
    }

    ReceivedTimeline build() {
      List<HeaderField> fields = headers.all("Received");
      int max = options.limits().maxReceivedHops();
      if (fields.isEmpty()) {
        add(Diagnostic.info(ReceivedCodes.HEADERS_NO_RECEIVED, "the message has no Received field"));
      }
      if (fields.size() > max) {
        add(Diagnostic.warning(ReceivedCodes.HEADERS_TOO_MANY_HOPS,
                fields.size() + " Received fields, more than the limit of " + max
                    + "; only the newest " + max + " were analysed (a mail loop?)")
            .withReference("RFC 5321 section 6.3")
            .at(fields.get(max).span()));
        fields = fields.subList(0, max);
      }
      // Parse, oldest first.
      int n = fields.size();
      List<HeaderField> oldestFirst = new ArrayList<>(n);
      List<ReceivedHeader> parsed = new ArrayList<>(n);
      for (int i = n - 1; i >= 0; i--) {
        HeaderField f = fields.get(i);
        ReceivedHeader r = ReceivedHeader.parse(f.unfoldedValue());
        oldestFirst.add(f);
        parsed.add(r);
        int number = n - i;
        for (Diagnostic d : r.diagnostics()) {
          add(new Diagnostic(d.code(), d.severity(), "Received hop " + number + ": " + d.message(),
              d.evidence(), d.remediation(), d.reference(), Optional.of(f.span())));
        }
      }
      // The by host of each hop as a domain name, computed once: organisation, crossing and chain
      // checks all read it.
      List<Optional<DomainName>> byDomains = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        byDomains.add(parsed.get(i).byDomain());
      }
      Optional<DomainName> org = organisation(byDomains);
      int crossing = crossing(byDomains, org);
      List<ReceivedHop> hops = new ArrayList<>(n);
      Instant previous = null;
      for (int i = 0; i < n; i++) {
        ReceivedHeader r = parsed.get(i);
        Optional<Instant> t = r.instant();
        Optional<Duration> delay = Optional.empty();
        if (t.isPresent() && previous != null) {
          delay = Optional.of(Duration.between(previous, t.get()));
        }
        if (t.isPresent()) {
          previous = t.get();
        }
        DelayStage stage = i == 0 ? DelayStage.SENDER_QUEUE
            : crossing >= 0 && i - 1 >= crossing ? DelayStage.RECEIVING_SYSTEM : DelayStage.RELAY;
        hops.add(new ReceivedHop(i + 1, oldestFirst.get(i), r, delay, stage, crossing >= 0 && i >= crossing));
      }
      Optional<ReceivedHop> crossingHop = crossing >= 0 ? Optional.of(hops.get(crossing)) : Optional.empty();

      Optional<MailDate> dateField = headers.first("Date").map(f -> MailDates.parse(f.unfoldedValue()));
      Optional<Instant> date = dateField.flatMap(MailDate::instant);
      headers.first("Date").ifPresent(f -> {
        MailDate d = dateField.orElseThrow();
        for (Diagnostic dd : d.toDiagnostics()) {
          add(new Diagnostic(dd.code(), dd.severity(), "Date field: " + dd.message(), dd.evidence(),
              dd.remediation(), dd.reference(), Optional.of(f.span())));
        }
        d.dateTime().ifPresent(dt -> points.add(new TimePoint(TimeSource.DATE, dt.toInstant(), Optional.of(dt),
            f.name(), f.span(), "Date")));
      });
      for (ReceivedHop h : hops) {
        h.received().dateTime().ifPresent(dt -> points.add(new TimePoint(TimeSource.RECEIVED, dt.toInstant(),
            Optional.of(dt), h.field().name(), h.field().span(), h.label())));
      }
      otherEvidence();
      Optional<Duration> latency = latency();

      checkDelays(hops, date);
      checkOffsets(hops);
      checkChain(hops, byDomains);
      crossingHop.ifPresent(h -> add(Diagnostic.info(ReceivedCodes.HEADERS_RECEIVING_BOUNDARY,
              "the message entered " + org.map(DomainName::toString).orElse("the receiving organisation")
                  + " at " + h.label() + describeFrom(h.received()))
          .at(h.field().span())));
      List<TimePoint> sorted = new ArrayList<>(points);
      sorted.sort(Comparator.comparing(TimePoint::instant));
      return new ReceivedTimeline(hops, sorted, date, org, crossingHop, latency, findings);
    }

    private static String describeFrom(ReceivedHeader r) {
      StringBuilder sb = new StringBuilder();
      r.from().ifPresent(f -> sb.append(" from ").append(f));
      r.ip().ifPresent(ip -> sb.append(" [").append(ip).append(']'));
      return sb.toString();
    }

    private Optional<DomainName> organisation(List<Optional<DomainName>> byDomains) {
      if (!options.receivingDomains().isEmpty()) {
        return Optional.of(options.receivingDomains().iterator().next());
      }
      for (int i = byDomains.size() - 1; i >= 0; i--) {
        Optional<DomainName> by = byDomains.get(i);
        if (by.isPresent() && by.get().labelCount() >= 2) {
          return Optional.of(OrganisationalDomains.of(by.get()));
        }
      }
      return Optional.empty();
    }

    private boolean inOrganisation(DomainName host, DomainName org) {
      if (!options.receivingDomains().isEmpty()) {
        for (DomainName d : options.receivingDomains()) {
          if (host.isSubdomainOf(d)) {
            return true;
          }
        }
        return false;
      }
      return host.labelCount() >= 2 && OrganisationalDomains.of(host).equals(org);
    }

    private int crossing(List<Optional<DomainName>> byDomains, Optional<DomainName> org) {
      if (org.isEmpty()) {
        return -1;
      }
      for (int i = 0; i < byDomains.size(); i++) {
        Optional<DomainName> by = byDomains.get(i);
        if (by.isPresent() && inOrganisation(by.get(), org.get())) {
          return i;
        }
      }
      return -1;
    }

    private void checkDelays(List<ReceivedHop> hops, Optional<Instant> date) {
      Duration tolerance = options.skewTolerance();
      Duration longDelay = options.longDelay();
      Optional<ReceivedHop> first = hops.stream().filter(h -> h.instant().isPresent()).findFirst();
      if (date.isPresent() && first.isPresent()) {
        Duration queue = Duration.between(date.get(), first.get().instant().orElseThrow());
        if (queue.isNegative()) {
          Duration ahead = queue.negated();
          boolean beyond = ahead.compareTo(tolerance) > 0;
          add(Diagnostic.of(ReceivedCodes.HEADERS_DATE_AFTER_FIRST_HOP,
                  beyond ? io.maildiag.core.Severity.WARNING : io.maildiag.core.Severity.INFO,
                  "the Date field is " + format(ahead) + " later than the first hop (" + first.get().label()
                      + "): the sender's clock is ahead" + hoursHint(ahead))
              .withRemediation("Synchronise the sending client's or server's clock (NTP) and check its time zone")
              .at(first.get().field().span()));
        } else if (queue.compareTo(longDelay) >= 0) {
          add(Diagnostic.warning(ReceivedCodes.HEADERS_LONG_DELAY,
                  format(queue) + " between the Date field and the first hop (" + first.get().label()
                      + "): the message waited in the sender's client or outbound queue" + delayHint(queue))
              .at(first.get().field().span()));
        }
      }
      ReceivedHop prev = null;
      for (ReceivedHop h : hops) {
        if (h.delay().isPresent() && prev != null) {
          Duration d = h.delay().get();
          if (d.isNegative()) {
            Duration back = d.negated();
            boolean beyond = back.compareTo(tolerance) > 0;
            add(Diagnostic.of(ReceivedCodes.HEADERS_NEGATIVE_DELAY,
                    beyond ? io.maildiag.core.Severity.WARNING : io.maildiag.core.Severity.INFO,
                    h.label() + " is stamped " + format(back) + " before " + prev.label())
                .at(h.field().span()));
            if (beyond) {
              add(Diagnostic.warning(ReceivedCodes.HEADERS_CLOCK_SKEW,
                      "the clocks of " + host(prev) + " and " + host(h) + " disagree by at least "
                          + format(back) + hoursHint(back))
                  .withRemediation("Synchronise the hosts' clocks (NTP) and check their time zone settings")
                  .at(h.field().span()));
            }
          } else if (d.compareTo(longDelay) >= 0) {
            add(Diagnostic.warning(ReceivedCodes.HEADERS_LONG_DELAY,
                    format(d) + " before " + h.label() + ", spent at " + host(prev)
                        + (h.stage() == DelayStage.RECEIVING_SYSTEM ? " (inside the receiving system)"
                            : " (before the receiving organisation)") + delayHint(d))
                .at(h.field().span()));
          }
        }
        if (h.instant().isPresent()) {
          prev = h;
        }
      }
      // A DKIM signing time later than the first hop means the signer's clock is ahead.
      if (first.isPresent()) {
        Instant firstHop = first.get().instant().orElseThrow();
        for (TimePoint p : points) {
          if (p.source() == TimeSource.DKIM_SIGNATURE
              && Duration.between(firstHop, p.instant()).compareTo(tolerance) > 0) {
            add(Diagnostic.info(ReceivedCodes.HEADERS_CLOCK_SKEW,
                    "a DKIM signature is timed " + format(Duration.between(firstHop, p.instant()))
                        + " after the first hop: the signer's clock is ahead")
                .at(p.span()));
            break;
          }
        }
      }
    }

    private static String host(ReceivedHop h) {
      return h.received().by().orElse("the host of " + h.label());
    }

    /** A gap within two minutes of 1 to 26 whole hours is the mark of a wrong zone offset. */
    private static boolean wholeHours(Duration d) {
      long seconds = Math.abs(d.getSeconds());
      long hours = Math.round(seconds / 3600.0);
      return hours >= 1 && hours <= 26 && Math.abs(seconds - hours * 3600) <= 120;
    }

    private static String hoursHint(Duration d) {
      return wholeHours(d) ? " (close to " + Math.round(Math.abs(d.getSeconds()) / 3600.0)
          + " h: likely a wrong time zone offset rather than a slow clock)" : "";
    }

    private static String delayHint(Duration d) {
      return wholeHours(d) ? " (close to a whole number of hours: possibly a wrong time zone offset rather than a"
          + " real delay)" : "";
    }

    private void checkOffsets(List<ReceivedHop> hops) {
      Map<String, Set<ZoneOffset>> byHost = new HashMap<>();
      Map<String, ReceivedHop> lastHop = new HashMap<>();
      for (ReceivedHop h : hops) {
        Optional<OffsetDateTime> dt = h.received().dateTime();
        Optional<String> by = h.received().by();
        if (dt.isEmpty() || by.isEmpty() || h.received().date().map(MailDate::unknownLocalZone).orElse(true)) {
          continue;
        }
        String key = LowerCase.root(by.get());
        byHost.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(dt.get().getOffset());
        lastHop.put(key, h);
      }
      for (Map.Entry<String, Set<ZoneOffset>> e : byHost.entrySet()) {
        if (e.getValue().size() > 1) {
          add(Diagnostic.info(ReceivedCodes.HEADERS_CLOCK_SKEW,
                  "host " + e.getKey() + " stamps hops with different offsets " + e.getValue()
                      + ": its time zone setting changed or is inconsistent")
              .at(lastHop.get(e.getKey()).field().span()));
        }
      }
    }

    private void checkChain(List<ReceivedHop> hops, List<Optional<DomainName>> byDomains) {
      for (int i = 1; i < hops.size(); i++) {
        ReceivedHeader prev = hops.get(i - 1).received();
        ReceivedHeader cur = hops.get(i).received();
        if (cur.from().isEmpty() || prev.by().isEmpty()) {
          continue;
        }
        if (isBreak(prev, byDomains.get(i - 1), cur)) {
          ReceivedHop h = hops.get(i);
          add(Diagnostic.warning(ReceivedCodes.HEADERS_CHAIN_BREAK,
                  h.label() + " comes from " + cur.from().get() + cur.ip().map(ip -> " [" + ip + "]").orElse("")
                      + " but " + hops.get(i - 1).label() + " was received by another host: a hop is missing,"
                      + " or the older hops were forged")
              .at(h.field().span()));
        }
      }
    }

    /** True only on a definite mismatch; see the class description. */
    private static boolean isBreak(ReceivedHeader prev, Optional<DomainName> prevBy, ReceivedHeader cur) {
      Set<IpAddress> curIps = new LinkedHashSet<>();
      cur.ip().ifPresent(curIps::add);
      cur.from().map(ReceivedParser::ipOf).ifPresent(curIps::add);
      Set<IpAddress> prevIps = new LinkedHashSet<>();
      prev.byIp().ifPresent(prevIps::add);
      for (IpAddress a : curIps) {
        if (prevIps.contains(a)) {
          return false;
        }
      }
      Set<DomainName> curNames = new LinkedHashSet<>();
      // helo and reverseDns often repeat from (helo defaults to it): parse each distinct text once.
      String fromText = cur.from().orElse(null);
      Optional<DomainName> fromName = cur.fromDomain();
      fromName.ifPresent(curNames::add);
      String heloText = cur.helo().orElse(null);
      if (heloText != null) {
        (heloText.equals(fromText) ? fromName : ReceivedHeader.domain(heloText)).ifPresent(curNames::add);
      }
      String rdnsText = cur.reverseDns().orElse(null);
      if (rdnsText != null) {
        (rdnsText.equals(fromText) ? fromName : ReceivedHeader.domain(rdnsText)).ifPresent(curNames::add);
      }
      curNames.removeIf(d -> d.labelCount() < 2);
      // Names under private-use suffixes (.lan, .local, ...) are internal views: not comparable.
      curNames.removeIf(ReceivedTimeline::privateName);
      Optional<DomainName> prevName = prevBy.filter(d -> d.labelCount() >= 2);
      if (prevName.isPresent() && privateName(prevName.get())) {
        return false;
      }
      if (prevName.isPresent() && !curNames.isEmpty()) {
        DomainName prevOrg = OrganisationalDomains.of(prevName.get());
        String prevFirst = prevName.get().label(0);
        for (DomainName d : curNames) {
          if (OrganisationalDomains.of(d).equals(prevOrg) || d.label(0).equals(prevFirst)) {
            return false;
          }
        }
        return true;
      }
      if (prevName.isEmpty() && !prevIps.isEmpty() && !curIps.isEmpty()) {
        // Only two public addresses of the same family are a definite mismatch: a host may have
        // an IPv4 and an IPv6 address, and private addresses may sit behind NAT.
        for (IpAddress a : curIps) {
          for (IpAddress b : prevIps) {
            if (a.family() == b.family() && !OrganisationalDomains.isInternal(a)
                && !OrganisationalDomains.isInternal(b)) {
              return true;
            }
          }
        }
        return false;
      }
      return false;
    }

    private void otherEvidence() {
      for (HeaderField f : headers.all("X-Received")) {
        ReceivedHeader r = ReceivedHeader.parse(f.unfoldedValue());
        r.dateTime().ifPresent(dt -> points.add(new TimePoint(TimeSource.X_RECEIVED, dt.toInstant(), Optional.of(dt),
            f.name(), f.span(), "X-Received" + r.by().map(b -> " by " + b).orElse(""))));
      }
      for (HeaderField f : headers.all("DKIM-Signature")) {
        tagTime(f.unfoldedValue()).ifPresent(t -> points.add(new TimePoint(TimeSource.DKIM_SIGNATURE, t,
            Optional.empty(), f.name(), f.span(), "DKIM-Signature" + tag(f.unfoldedValue(), "d")
                .map(d -> " d=" + d).orElse(""))));
      }
      for (HeaderField f : headers.all("ARC-Seal")) {
        tagTime(f.unfoldedValue()).ifPresent(t -> points.add(new TimePoint(TimeSource.ARC_SEAL, t,
            Optional.empty(), f.name(), f.span(), "ARC-Seal" + tag(f.unfoldedValue(), "i").map(i -> " i=" + i)
                .orElse(""))));
      }
      for (HeaderField f : headers.fields()) {
        if (nameEndsWith(f, "originalarrivaltime")) {
          String v = f.unfoldedValue();
          int filetime = v.indexOf("FILETIME=");
          if (filetime >= 0) {
            v = v.substring(0, filetime);
          }
          MailDates.parse(v).dateTime().ifPresent(dt -> points.add(new TimePoint(TimeSource.ORIGINAL_ARRIVAL_TIME,
              dt.toInstant(), Optional.of(dt), f.name(), f.span(), f.name())));
        }
      }
    }

    private Optional<Duration> latency() {
      for (HeaderField f : headers.fields()) {
        if (nameEndsWith(f, "endtoendlatency")) {
          Optional<Duration> d = timeSpan(f.unfoldedValue());
          if (d.isPresent()) {
            return d;
          }
        }
      }
      return Optional.empty();
    }
  }

  /**
   * {@code f.lowerCaseName().endsWith(lowerSuffix)} without lower-casing the name (for the usual
   * ASCII names) on every field.
   */
  static boolean nameEndsWith(HeaderField f, String lowerSuffix) {
    String name = f.name();
    for (int i = 0, n = name.length(); i < n; i++) {
      if (name.charAt(i) >= 0x80) {
        return f.lowerCaseName().endsWith(lowerSuffix);
      }
    }
    return name.regionMatches(true, name.length() - lowerSuffix.length(), lowerSuffix, 0, lowerSuffix.length());
  }

  private static final Set<String> PRIVATE_TLDS = Set.of(
      "lan", "local", "localdomain", "internal", "intranet", "corp", "home", "private", "localhost", "domain");

  static boolean privateName(DomainName d) {
    return d.labelCount() > 0 && PRIVATE_TLDS.contains(d.label(d.labelCount() - 1));
  }

  /** Reads a .NET TimeSpan, {@code [d.]hh:mm:ss[.fffffff]}. */
  static Optional<Duration> timeSpan(String s) {
    String t = s.trim();
    if (t.isEmpty() || t.length() > 40) {
      return Optional.empty();
    }
    boolean negative = t.startsWith("-");
    if (negative) {
      t = t.substring(1);
    }
    String[] parts = t.split(":", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    long days = 0;
    String h = parts[0];
    int dot = h.indexOf('.');
    if (dot >= 0) {
      if (!MailDates.isDigits(h, 0, dot)) {
        return Optional.empty();
      }
      days = Long.parseLong(h.substring(0, dot));
      h = h.substring(dot + 1);
    }
    String sec = parts[2];
    String frac = "";
    int sdot = sec.indexOf('.');
    if (sdot >= 0) {
      frac = sec.substring(sdot + 1);
      sec = sec.substring(0, sdot);
    }
    if (!MailDates.isDigits(h, 0, h.length()) || !MailDates.isDigits(parts[1], 0, parts[1].length())
        || !MailDates.isDigits(sec, 0, sec.length()) || h.length() > 2 || parts[1].length() > 2 || sec.length() > 2
        || (!frac.isEmpty() && (frac.length() > 9 || !MailDates.isDigits(frac, 0, frac.length())))
        || days > 100000) {
      return Optional.empty();
    }
    long nanos = frac.isEmpty() ? 0 : Long.parseLong((frac + "000000000").substring(0, 9));
    Duration d = Duration.ofDays(days).plusHours(Long.parseLong(h)).plusMinutes(Long.parseLong(parts[1]))
        .plusSeconds(Long.parseLong(sec)).plusNanos(nanos);
    return Optional.of(negative ? d.negated() : d);
  }

  /** Reads the {@code t=} tag of a DKIM-Signature or ARC-Seal as epoch seconds. */
  static Optional<Instant> tagTime(String value) {
    return tag(value, "t").filter(t -> !t.isEmpty() && t.length() <= 12 && MailDates.isDigits(t, 0, t.length()))
        .map(t -> Instant.ofEpochSecond(Long.parseLong(t)));
  }

  /** Returns the value of a tag=value tag (RFC 6376 section 3.2), white space removed. */
  static Optional<String> tag(String value, String name) {
    int n = value.length();
    int i = 0;
    while (i < n) {
      int semi = value.indexOf(';', i);
      int end = semi < 0 ? n : semi;
      int eq = i;
      while (eq < end && value.charAt(eq) != '=') {
        eq++; // within this tag only: a search to the end took time quadratic in the count of tags
      }
      if (eq < end && value.substring(i, eq).trim().equals(name)) {
        StringBuilder sb = new StringBuilder();
        for (int k = eq + 1; k < end; k++) {
          char c = value.charAt(k);
          if (!Character.isWhitespace(c)) {
            sb.append(c);
          }
        }
        return Optional.of(sb.toString());
      }
      i = end + 1;
    }
    return Optional.empty();
  }

  /** Returns a summary: hops, total delay and finding codes. */
  @Override
  public String toString() {
    return "ReceivedTimeline[hops=" + hops.size() + ", total=" + totalDelay().map(Duration::toString).orElse("?")
        + ", findings=" + findings.stream().map(d -> d.code().value()).toList() + "]";
  }

  static String format(Duration d) {
    long s = d.getSeconds();
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return (s / 60) + " min " + (s % 60) + " s";
    }
    if (s < 86400) {
      return (s / 3600) + " h " + ((s % 3600) / 60) + " min";
    }
    return (s / 86400) + " d " + ((s % 86400) / 3600) + " h";
  }
}
