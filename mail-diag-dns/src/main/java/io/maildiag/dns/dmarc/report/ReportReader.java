package io.maildiag.dns.dmarc.report;

import io.maildiag.core.internal.LowerCase;
import static io.maildiag.dns.dmarc.report.AggregateReportCodes.*;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.ParseResult;
import io.maildiag.core.SourceSpan;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.internal.Excerpt;
import io.maildiag.core.ip.IpAddress;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * One parse: streams the document with StAX, building a small tree per top-level element (one
 * {@code record} at a time) and converting it to values at once. Not thread-safe; one per parse.
 */
final class ReportReader {

  private static final String REF_SCHEMA = "RFC 7489 appendix C";

  private final AggregateReportParser config;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private int suppressed;

  private String namespaceUri = "";
  private String version = "";
  private @Nullable ReportMetadata metadata;
  private @Nullable PolicyPublished policy;
  private final List<ReportRecord> records = new ArrayList<>();
  private final List<ReportExtension> extensions = new ArrayList<>();
  private int recordElements;
  private int sectionElements;

  ReportReader(AggregateReportParser config) {
    this.config = config;
  }

  /** A fatal stop with its diagnostic. */
  private static final class Stop extends Exception {
    final Diagnostic diagnostic;

    Stop(Diagnostic diagnostic) {
      super(null, null, false, false);
      this.diagnostic = diagnostic;
    }
  }

  /** A parsed element: name, text, children and position. */
  private static final class Node {
    final String ns;
    final String name;
    final SourceSpan span;
    final StringBuilder text = new StringBuilder();
    final List<Node> children = new ArrayList<>();
    boolean truncated;

    Node(String ns, String name, SourceSpan span) {
      this.ns = ns;
      this.name = name;
      this.span = span;
    }

    String text() {
      return text.toString().strip();
    }
  }

  static XMLInputFactory hardenedFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setXMLReporter((message, type, info, location) -> {
      // warnings are not reported; errors arrive as exceptions
    });
    f.setXMLResolver((publicId, systemId, base, ns) -> {
      throw new XMLStreamException("external resource refused: " + systemId);
    });
    trySet(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
    trySet(f, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    trySet(f, XMLConstants.FEATURE_SECURE_PROCESSING, true);
    trySet(f, "jdk.xml.entityExpansionLimit", "1");
    trySet(f, "jdk.xml.maxGeneralEntitySizeLimit", "1");
    trySet(f, "jdk.xml.maxParameterEntitySizeLimit", "1");
    trySet(f, "jdk.xml.totalEntitySizeLimit", "1");
    trySet(f, "jdk.xml.maxElementDepth", String.valueOf(AggregateReportParser.MAX_DEPTH_CEILING + 1));
    trySet(f, "jdk.xml.elementAttributeLimit", "64");
    return f;
  }

  private static void trySet(XMLInputFactory f, String name, Object value) {
    try {
      f.setProperty(name, value);
    } catch (IllegalArgumentException e) {
      // not supported by this implementation; the other settings still hold
    }
  }

  ParseResult<AggregateReport> read(byte[] xml) {
    XmlText.Decoded text = XmlText.decode(xml);
    if (text.unsupported() != null) {
      warning(DMARC_REPORT_INVALID_VALUE, "encoding '" + clip(text.unsupported())
          + "' is not supported; read as UTF-8", null);
    }
    if (text.firstBadByte() >= 0) {
      warning(DMARC_REPORT_INVALID_VALUE, "bytes that are not valid " + text.charset().name()
          + " (first at byte " + text.firstBadByte() + ") were replaced by U+FFFD", null);
    }
    boolean rootSeen = false;
    XMLStreamReader r = null;
    try {
      r = hardenedFactory().createXMLStreamReader(new StringReader(text.text()));
      rootSeen = readDocument(r);
    } catch (Stop s) {
      fatal(s.diagnostic);
    } catch (XMLStreamException e) {
      fatal(malformed(e.getMessage(), e.getLocation()));
    } catch (RuntimeException e) {
      fatal(malformed(e.getClass().getSimpleName() + " " + e.getMessage(), r == null ? null : safeLocation(r)));
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException | RuntimeException ignored) {
          // nothing to release beyond the in-memory stream
        }
      }
    }
    rootSeen |= namespaceSeen;
    if (suppressed > 0) {
      diagnostics.add(Diagnostic.warning(DMARC_REPORT_TOO_MANY_DIAGNOSTICS,
          suppressed + " more diagnostics were dropped (Limits.maxDiagnostics)"));
    }
    if (!rootSeen) {
      if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
        diagnostics.add(Diagnostic.error(DMARC_REPORT_NOT_FEEDBACK, "the input has no feedback element"));
      }
      return ParseResult.failure(diagnostics);
    }
    if (metadata == null && policy == null && recordElements == 0) {
      // nothing of a report: not counted as one (an empty <feedback/> would add a report of no one)
      diagnostics.add(Diagnostic.error(DMARC_REPORT_MISSING_ELEMENT,
          "the feedback element holds no report: report_metadata, policy_published and record are all missing")
          .withReference(REF_SCHEMA));
      return ParseResult.failure(diagnostics);
    }
    if (metadata == null) {
      error(DMARC_REPORT_MISSING_ELEMENT, "report_metadata is missing", null);
      metadata = new ReportMetadata("", "", Optional.empty(), "", Optional.empty(), List.of(), Optional.empty());
    }
    if (policy == null) {
      error(DMARC_REPORT_MISSING_ELEMENT, "policy_published is missing", null);
      policy = new PolicyPublished(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(), false, Optional.empty());
    }
    return ParseResult.success(
        new AggregateReport(namespaceUri, version, metadata, policy, records, extensions), diagnostics);
  }

  private boolean namespaceSeen;

  private static @Nullable Location safeLocation(XMLStreamReader r) {
    try {
      return r.getLocation();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Returns whether a feedback root was found. */
  private boolean readDocument(XMLStreamReader r) throws XMLStreamException, Stop {
    while (r.hasNext()) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.DTD -> throw new Stop(Diagnostic.error(DMARC_REPORT_DTD_FORBIDDEN,
                "the report has a document type declaration; DTDs and entities are refused")
            .withRemediation("aggregate reports never need a DTD; treat this one as hostile")
            .at(span(r.getLocation())));
        case XMLStreamConstants.ENTITY_REFERENCE -> throw new Stop(Diagnostic.error(DMARC_REPORT_DTD_FORBIDDEN,
            "entity reference '" + r.getLocalName() + "' refused").at(span(r.getLocation())));
        case XMLStreamConstants.START_ELEMENT -> {
          if (!"feedback".equals(r.getLocalName())) {
            throw new Stop(Diagnostic.error(DMARC_REPORT_NOT_FEEDBACK,
                "the root element is '" + r.getLocalName() + "', not 'feedback'").at(span(r.getLocation())));
          }
          namespaceUri = nullToEmpty(r.getNamespaceURI());
          namespaceSeen = true;
          readFeedback(r);
          return true;
        }
        default -> {
          // prolog: comments, processing instructions, whitespace
        }
      }
    }
    return false;
  }

  private void readFeedback(XMLStreamReader r) throws XMLStreamException, Stop {
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        sectionElements = 0;
        Node n = readNode(r, 2);
        switch (n.name) {
          case "version" -> version = n.text();
          case "report_metadata" -> {
            if (metadata != null) {
              duplicate(n);
            } else {
              metadata = toMetadata(n);
            }
          }
          case "policy_published" -> {
            if (policy != null) {
              duplicate(n);
            } else {
              policy = toPolicy(n);
            }
          }
          case "record" -> {
            if (++recordElements > config.maxRecords()) {
              throw new Stop(Diagnostic.error(DMARC_REPORT_TOO_MANY_RECORDS,
                  "more than " + config.maxRecords() + " records; the rest are not read").at(n.span));
            }
            ReportRecord rec = toRecord(n);
            if (rec != null) {
              records.add(rec);
            }
          }
          case "extensions", "extension" -> addExtensions(n, extensions);
          default -> {
            // unknown top-level elements are ignored for forward compatibility
          }
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        return; // end of feedback; trailing content is not examined
      } else if (ev == XMLStreamConstants.ENTITY_REFERENCE || ev == XMLStreamConstants.DTD) {
        throw new Stop(Diagnostic.error(DMARC_REPORT_DTD_FORBIDDEN, "entity reference refused")
            .at(span(r.getLocation())));
      }
    }
    throw new Stop(malformed("the document ends inside feedback (truncated?)", safeLocation(r)));
  }

  /** Reads the element whose start tag is current, with its subtree, bounded. */
  private Node readNode(XMLStreamReader r, int depth) throws XMLStreamException, Stop {
    Location loc = r.getLocation();
    if (depth > config.maxDepth()) {
      throw new Stop(Diagnostic.error(DMARC_REPORT_TOO_DEEP,
          "elements nest deeper than " + config.maxDepth() + " levels").at(span(loc)));
    }
    if (++sectionElements > AggregateReportParser.MAX_ELEMENTS_PER_SECTION) {
      throw new Stop(Diagnostic.error(DMARC_REPORT_ELEMENT_TOO_LARGE, "more than "
          + AggregateReportParser.MAX_ELEMENTS_PER_SECTION + " elements in one top-level element").at(span(loc)));
    }
    Node node = new Node(nullToEmpty(r.getNamespaceURI()), r.getLocalName(), span(loc));
    while (true) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.START_ELEMENT -> node.children.add(readNode(r, depth + 1));
        case XMLStreamConstants.END_ELEMENT -> {
          if (node.truncated) {
            warning(DMARC_REPORT_ELEMENT_TOO_LARGE, "the text of " + node.name + " is longer than "
                + AggregateReportParser.MAX_TEXT_CHARS + " characters; truncated", node.span);
          }
          return node;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          int room = AggregateReportParser.MAX_TEXT_CHARS - node.text.length();
          int len = r.getTextLength();
          if (len > room) {
            node.truncated = true;
          }
          if (room > 0) {
            node.text.append(r.getTextCharacters(), r.getTextStart(), Math.min(len, room));
          }
        }
        case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD -> throw new Stop(
            Diagnostic.error(DMARC_REPORT_DTD_FORBIDDEN, "entity reference refused").at(span(r.getLocation())));
        case XMLStreamConstants.END_DOCUMENT -> throw new Stop(
            malformed("the document ends inside " + node.name + " (truncated?)", r.getLocation()));
        default -> {
          // comments and processing instructions
        }
      }
    }
  }

  // ---- conversion -------------------------------------------------------------------------

  private ReportMetadata toMetadata(Node n) {
    String org = required(n, "org_name");
    String email = required(n, "email");
    Optional<String> extra = optional(n, "extra_contact_info");
    String id = required(n, "report_id");
    Optional<DateRange> range = Optional.empty();
    Node dr = one(n, "date_range");
    if (dr == null) {
      missing(n, "date_range");
    } else {
      Optional<Instant> begin = epoch(dr, "begin");
      Optional<Instant> end = epoch(dr, "end");
      if (begin.isPresent() && end.isPresent()) {
        range = Optional.of(new DateRange(begin.get(), end.get()));
        if (end.get().isBefore(begin.get())) {
          warning(DMARC_REPORT_INVALID_DATE, "date_range ends before it begins", dr.span);
        }
      }
    }
    List<String> errors = new ArrayList<>();
    for (Node c : n.children) {
      if (c.name.equals("error")) {
        errors.add(c.text());
      }
    }
    return new ReportMetadata(org, email, extra, id, range, errors, optional(n, "generator"));
  }

  private Optional<Instant> epoch(Node parent, String name) {
    Node n = one(parent, name);
    if (n == null || n.text().isEmpty()) {
      missing(parent, name);
      return Optional.empty();
    }
    String t = n.text();
    if (t.matches("[0-9]{1,12}(\\.0*)?")) {
      int dot = t.indexOf('.');
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(dot < 0 ? t : t.substring(0, dot))));
    }
    error(DMARC_REPORT_INVALID_DATE, "date_range/" + name + " '" + clip(t)
        + "' is not seconds since the epoch", n.span);
    return Optional.empty();
  }

  private PolicyPublished toPolicy(Node n) {
    Optional<DomainName> domain = domain(n, "domain", true);
    Optional<AlignmentMode> adkim = token(n, "adkim", AlignmentMode.class, AlignmentMode::token, false);
    Optional<AlignmentMode> aspf = token(n, "aspf", AlignmentMode.class, AlignmentMode::token, false);
    Optional<PolicyAction> p = token(n, "p", PolicyAction.class, PolicyAction::token, true);
    Optional<PolicyAction> sp = token(n, "sp", PolicyAction.class, PolicyAction::token, false);
    Optional<PolicyAction> np = token(n, "np", PolicyAction.class, PolicyAction::token, false);
    OptionalInt pct = OptionalInt.empty();
    Node pn = one(n, "pct");
    if (pn != null && !pn.text().isEmpty()) {
      String t = pn.text();
      if (t.matches("[0-9]{1,3}") && Integer.parseInt(t) <= 100) {
        pct = OptionalInt.of(Integer.parseInt(t));
      } else {
        warning(DMARC_REPORT_INVALID_VALUE, "pct '" + clip(t) + "' is not 0 to 100", pn.span);
      }
    }
    boolean testing = false;
    Node tn = one(n, "testing");
    if (tn != null && !tn.text().isEmpty()) {
      String t = LowerCase.root(tn.text());
      if (t.equals("y")) {
        testing = true;
      } else if (!t.equals("n")) {
        warning(DMARC_REPORT_INVALID_VALUE, "testing '" + clip(tn.text()) + "' is neither y nor n", tn.span);
      }
    }
    return new PolicyPublished(domain, adkim, aspf, p, sp, np, pct, optional(n, "fo"), testing,
        optional(n, "discovery_method"));
  }

  private @Nullable ReportRecord toRecord(Node rec) {
    int line = rec.span.line();
    Node row = one(rec, "row");
    if (row == null) {
      error(DMARC_REPORT_MISSING_ELEMENT, "record without row; skipped", rec.span);
      return null;
    }
    Node ipNode = one(row, "source_ip");
    if (ipNode == null || ipNode.text().isEmpty()) {
      error(DMARC_REPORT_MISSING_ELEMENT, "row without source_ip; record skipped", row.span);
      return null;
    }
    ParseResult<IpAddress> ip = IpAddress.parse(ipNode.text());
    if (ip.value().isEmpty()) {
      error(DMARC_REPORT_INVALID_IP, "source_ip '" + clip(ipNode.text()) + "' is not an IP address; record skipped",
          ipNode.span);
      return null;
    }
    Node countNode = one(row, "count");
    long count;
    if (countNode == null || countNode.text().isEmpty()) {
      error(DMARC_REPORT_MISSING_ELEMENT, "row without count; record skipped", row.span);
      return null;
    } else if (countNode.text().matches("[0-9]{1,18}")) {
      count = Long.parseLong(countNode.text());
    } else {
      error(DMARC_REPORT_INVALID_VALUE, "count '" + clip(countNode.text())
          + "' is not a non-negative integer; record skipped", countNode.span);
      return null;
    }
    PolicyEvaluated pe = toPolicyEvaluated(row);
    Identifiers ids;
    Node idn = one(rec, "identifiers");
    if (idn == null) {
      missing(rec, "identifiers");
      ids = new Identifiers(Optional.empty(), Optional.empty(), Optional.empty());
    } else {
      ids = new Identifiers(domain(idn, "header_from", true), domain(idn, "envelope_from", false),
          domain(idn, "envelope_to", false));
    }
    List<DkimAuthResult> dkim = new ArrayList<>();
    List<SpfAuthResult> spf = new ArrayList<>();
    Node auth = one(rec, "auth_results");
    if (auth == null) {
      missing(rec, "auth_results");
    } else {
      for (Node c : auth.children) {
        if (c.name.equals("dkim")) {
          dkim.add(new DkimAuthResult(domain(c, "domain", true), optional(c, "selector"),
              token(c, "result", DkimResultType.class, DkimResultType::token, true).orElse(DkimResultType.UNKNOWN),
              optional(c, "human_result")));
        } else if (c.name.equals("spf")) {
          spf.add(new SpfAuthResult(domain(c, "domain", true),
              token(c, "scope", SpfDomainScope.class, SpfDomainScope::token, false),
              spfResult(c), optional(c, "human_result")));
        }
      }
    }
    List<ReportExtension> ext = new ArrayList<>();
    for (Node c : rec.children) {
      if (c.name.equals("extensions") || c.name.equals("extension")) {
        addExtensions(c, ext);
      }
    }
    return new ReportRecord(ip.value().get(), count, pe, ids, dkim, spf, ext, Math.max(line, 0));
  }

  private SpfResultType spfResult(Node spf) {
    Node n = one(spf, "result");
    if (n != null) {
      switch (LowerCase.root(n.text())) {
        case "hardfail" -> {
          return SpfResultType.FAIL;
        }
        case "unknown" -> {
          return SpfResultType.PERMERROR;
        }
        case "error" -> {
          return SpfResultType.TEMPERROR;
        }
        default -> {
          // fall through to the schema vocabulary
        }
      }
    }
    return token(spf, "result", SpfResultType.class, SpfResultType::token, true).orElse(SpfResultType.UNKNOWN);
  }

  private PolicyEvaluated toPolicyEvaluated(Node row) {
    Node pe = one(row, "policy_evaluated");
    if (pe == null) {
      missing(row, "policy_evaluated");
      return new PolicyEvaluated(DispositionType.NONE, DmarcResultType.FAIL, DmarcResultType.FAIL, List.of());
    }
    DispositionType disp = token(pe, "disposition", DispositionType.class, DispositionType::token, true)
        .orElse(DispositionType.NONE);
    DmarcResultType dkim = token(pe, "dkim", DmarcResultType.class, DmarcResultType::token, true)
        .orElse(DmarcResultType.FAIL);
    DmarcResultType spf = token(pe, "spf", DmarcResultType.class, DmarcResultType::token, true)
        .orElse(DmarcResultType.FAIL);
    List<PolicyOverrideReason> reasons = new ArrayList<>();
    for (Node c : pe.children) {
      if (c.name.equals("reason")) {
        Node tn = one(c, "type");
        PolicyOverrideType type = PolicyOverrideType.OTHER;
        if (tn == null || tn.text().isEmpty()) {
          missing(c, "type");
        } else {
          type = token(c, "type", PolicyOverrideType.class, PolicyOverrideType::token, true)
              .orElse(PolicyOverrideType.OTHER);
        }
        reasons.add(new PolicyOverrideReason(type, optional(c, "comment")));
      }
    }
    return new PolicyEvaluated(disp, dkim, spf, reasons);
  }

  private void addExtensions(Node n, List<ReportExtension> out) {
    for (Node c : n.children) {
      out.add(new ReportExtension(c.ns, c.name, allText(c)));
    }
  }

  private static String allText(Node n) {
    StringBuilder sb = new StringBuilder(n.text());
    for (Node c : n.children) {
      if (sb.length() >= AggregateReportParser.MAX_TEXT_CHARS) {
        break;
      }
      String t = allText(c);
      if (!t.isEmpty()) {
        sb.append(sb.length() == 0 ? "" : " ").append(t);
      }
    }
    return sb.length() > AggregateReportParser.MAX_TEXT_CHARS
        ? sb.substring(0, AggregateReportParser.MAX_TEXT_CHARS) : sb.toString();
  }

  // ---- element helpers --------------------------------------------------------------------

  /** Returns the first child of that name, warning about repeats. */
  private @Nullable Node one(Node parent, String name) {
    Node first = null;
    for (Node c : parent.children) {
      if (c.name.equals(name)) {
        if (first == null) {
          first = c;
        } else {
          duplicate(c);
        }
      }
    }
    return first;
  }

  private String required(Node parent, String name) {
    Node n = one(parent, name);
    if (n == null || n.text().isEmpty()) {
      missing(parent, name);
      return "";
    }
    return n.text();
  }

  private Optional<String> optional(Node parent, String name) {
    Node n = one(parent, name);
    return n == null || n.text().isEmpty() ? Optional.empty() : Optional.of(n.text());
  }

  private Optional<DomainName> domain(Node parent, String name, boolean required) {
    Node n = one(parent, name);
    if (n == null || n.text().isEmpty()) {
      if (required) {
        missing(parent, name);
      }
      return Optional.empty();
    }
    ParseResult<DomainName> d = DomainName.parse(n.text());
    if (d.value().isEmpty()) {
      warning(DMARC_REPORT_INVALID_DOMAIN, parent.name + "/" + name + " '" + clip(n.text())
          + "' is not a valid domain name", n.span);
    }
    return d.value();
  }

  private <E extends Enum<E>> Optional<E> token(
      Node parent, String name, Class<E> type, Function<E, String> tokenOf, boolean required) {
    Node n = one(parent, name);
    if (n == null || n.text().isEmpty()) {
      if (required) {
        missing(parent, name);
      }
      return Optional.empty();
    }
    String t = LowerCase.root(n.text());
    for (E e : type.getEnumConstants()) {
      if (tokenOf.apply(e).equals(t)) {
        return Optional.of(e);
      }
    }
    warning(DMARC_REPORT_INVALID_VALUE, parent.name + "/" + name + " '" + clip(n.text())
        + "' is not a value the schema allows", n.span);
    return Optional.empty();
  }

  private void missing(Node parent, String name) {
    error(DMARC_REPORT_MISSING_ELEMENT, parent.name + " has no " + name, parent.span);
  }

  private void duplicate(Node n) {
    warning(DMARC_REPORT_DUPLICATE_ELEMENT, n.name + " appears more than once; the first is used", n.span);
  }

  private static String clip(String s) {
    return Excerpt.of(s, 80);
  }

  private static String nullToEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  // ---- diagnostics ------------------------------------------------------------------------

  private static SourceSpan span(@Nullable Location loc) {
    if (loc == null) {
      return new SourceSpan(0, 0, 1, 1);
    }
    return new SourceSpan(Math.max(loc.getCharacterOffset(), 0), 0, Math.max(loc.getLineNumber(), 1),
        Math.max(loc.getColumnNumber(), 1));
  }

  private static Diagnostic malformed(@Nullable String message, @Nullable Location loc) {
    String m = message == null ? "" : message.replaceAll("\\s+", " ").strip();
    // the JDK prefixes "ParseError at [row,col]:[..,..]\nMessage: "
    int i = m.indexOf("Message: ");
    if (i >= 0) {
      m = m.substring(i + 9);
    }
    return Diagnostic.error(DMARC_REPORT_MALFORMED_XML, "the XML is not well-formed: " + clip(m))
        .withReference(REF_SCHEMA).at(span(loc));
  }

  private void error(DiagnosticCode code, String message, @Nullable SourceSpan at) {
    add(Diagnostic.error(code, message).withReference(REF_SCHEMA), at);
  }

  private void warning(DiagnosticCode code, String message, @Nullable SourceSpan at) {
    add(Diagnostic.warning(code, message).withReference(REF_SCHEMA), at);
  }

  private void add(Diagnostic d, @Nullable SourceSpan at) {
    if (diagnostics.size() >= config.limits().maxDiagnostics()) {
      suppressed++;
      return;
    }
    diagnostics.add(at == null ? d : d.at(at));
  }

  /** Fatal diagnostics bypass the cap so a failed or stopped parse always says why. */
  private void fatal(Diagnostic d) {
    diagnostics.add(d);
  }
}
