package io.maildiag.dns.spf;

import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpNetwork;
import io.maildiag.dns.spf.SpfAuditRun.Resolved;
import io.maildiag.dns.spf.SpfAuditRun.Visit;
import io.maildiag.dns.spf.SpfIncludeTree.Status;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reduces an audited policy to networks (the rule is documented on {@link SpfFlattening}) and
 * writes the flattened replacement records.
 *
 * <p>For the suggestion, the audited record keeps, verbatim and in order, its non-pass directives
 * (placed first), the pass-capable terms that cannot be flattened (for an include, the whole
 * include, whose record is then left as it is), {@code exp=}, and its {@code all}; every fully
 * flattenable part becomes {@code ip4:}/{@code ip6:} terms.
 */
final class SpfFlattener {

  private static final IpNetwork ALL4 = IpNetwork.of("0.0.0.0/0");
  private static final IpNetwork ALL6 = IpNetwork.of("::/0");

  /** What a subtree reduces to: its networks, and whether that is all of it. */
  private record Sub(Set<IpNetwork> networks, boolean full, List<String> reasons) {}

  private final Visit root;
  private final DomainName domain;
  private final Limits limits;
  private final Map<Visit, Sub> memo = new IdentityHashMap<>();

  // Results for the audited record.
  private final List<String> lead = new ArrayList<>();
  private final Set<IpNetwork> inline = new LinkedHashSet<>();
  private final List<String> kept = new ArrayList<>();
  private final List<String> keptWhy = new ArrayList<>();
  private final Set<IpNetwork> union = new LinkedHashSet<>();
  private final List<String> reasons = new ArrayList<>();
  private int keptLookups;
  private Optional<String> allTerm = Optional.empty();
  private Optional<String> exp = Optional.empty();

  SpfFlattener(Visit root, DomainName domain, Limits limits) {
    this.root = root;
    this.domain = domain;
    this.limits = limits;
    flattenRoot();
  }

  SpfFlattening flattening() {
    return new SpfFlattening(SpfFlattening.merge(union), dedupe(reasons));
  }

  private static List<String> dedupe(List<String> list) {
    return List.copyOf(new LinkedHashSet<>(list));
  }

  // ---------------------------------------------------------------- reduction

  private void flattenRoot() {
    SpfRecord rec = root.record.orElseThrow();
    List<SpfTerm> terms = rec.terms();
    boolean seenExclusion = false;
    for (int i = 0; i < terms.size(); i++) {
      SpfTerm t = terms.get(i);
      if (t instanceof SpfTerm.Explanation) {
        exp = Optional.of(root.written(i));
        continue;
      }
      if (!(t instanceof SpfTerm.Directive d) || (root.allIndex >= 0 && i > root.allIndex)) {
        continue;
      }
      String written = root.written(i);
      SpfMechanism m = d.mechanism();
      if (m instanceof SpfMechanism.All) {
        allTerm = Optional.of(written);
        if (d.qualifier() == SpfQualifier.PASS) {
          union.add(ALL4);
          union.add(ALL6);
        }
        continue;
      }
      if (d.qualifier() != SpfQualifier.PASS) {
        lead.add(written);
        keptLookups += lookupsOf(root, i, m);
        seenExclusion = true;
        continue;
      }
      if (seenExclusion) {
        reasons.add("'" + written + "' follows a non-pass term of " + domain
            + "; in the suggestion the non-pass terms come first");
        seenExclusion = false;
      }
      if (m instanceof SpfMechanism.Ip4 ip) {
        inline.add(ip.network());
        union.add(ip.network());
      } else if (m instanceof SpfMechanism.Ip6 ip) {
        inline.add(ip.network());
        union.add(ip.network());
      } else if (m instanceof SpfMechanism.A || m instanceof SpfMechanism.Mx) {
        Resolved r = root.resolved.get(i);
        if (r != null) {
          union.addAll(r.networks());
        }
        if (r != null && r.problem().isEmpty()) {
          inline.addAll(r.networks());
        } else {
          keep(written, 1, r == null ? "its target has macros or is invalid" : r.problem().get());
        }
      } else if (m instanceof SpfMechanism.Include) {
        Visit c = root.childAt.get(i);
        if (c == null) {
          keep(written, 1, "not followed: the include tree is too large");
          continue;
        }
        Sub s = subtree(c);
        union.addAll(s.networks());
        if (s.full()) {
          inline.addAll(s.networks());
        } else {
          keep(written, 1 + c.total(), String.join("; ", dedupe(s.reasons())));
        }
      } else {
        keep(written, 1, notAddresses(m));
      }
    }
    if (root.redirectEffective) {
      Visit c = root.childAt.get(root.redirectIndex);
      String written = root.written(root.redirectIndex);
      if (seenExclusion) {
        reasons.add("'" + written + "' follows a non-pass term of " + domain
            + "; in the suggestion the non-pass terms come first");
      }
      Sub s = c == null ? new Sub(Set.of(), false, List.of("'" + written + "' not followed")) : subtree(c);
      union.addAll(s.networks());
      if (s.full() && c != null) {
        inline.addAll(s.networks());
        allTerm = finalAll(c);
      } else {
        keep(written, 1 + (c == null ? 0 : c.total()), String.join("; ", dedupe(s.reasons())));
      }
    }
  }

  /** Says why an {@code exists}, {@code ptr} or macro {@code include} term is not a set of networks. */
  private static String notAddresses(SpfMechanism m) {
    if (m instanceof SpfMechanism.Ptr) {
      return "ptr depends on the client's reverse DNS";
    }
    if (m instanceof SpfMechanism.Exists e && !e.domain().hasMacros()) {
      return "exists tests whether a name has an address, not the client's address";
    }
    return m.name() + " uses macros and depends on each message";
  }

  private void keep(String written, int lookups, String why) {
    kept.add(written);
    keptWhy.add(written + " (" + why + ")");
    keptLookups += lookups;
    reasons.add("'" + written + "' of " + domain + ": " + why);
  }

  private static int lookupsOf(Visit v, int i, SpfMechanism m) {
    if (!m.countsAsLookup()) {
      return 0;
    }
    Visit c = v.childAt.get(i);
    return 1 + (c == null ? 0 : c.total());
  }

  /** Returns the {@code all} term that ends the redirect chain from {@code v}, if any. */
  private static Optional<String> finalAll(Visit v) {
    if (v.record.isEmpty()) {
      return Optional.empty();
    }
    if (v.allIndex >= 0) {
      return Optional.of(v.written(v.allIndex));
    }
    if (v.redirectEffective) {
      Visit c = v.childAt.get(v.redirectIndex);
      return c == null ? Optional.empty() : finalAll(c);
    }
    return Optional.empty();
  }

  private Sub subtree(Visit v) {
    Sub cached = memo.get(v);
    if (cached != null) {
      return cached;
    }
    Sub s = compute(v);
    memo.put(v, s);
    return s;
  }

  private Sub compute(Visit v) {
    if (v.status != Status.OK || v.record.isEmpty()) {
      String why = v.status == Status.LOOP ? "a loop" : v.status.name().toLowerCase(java.util.Locale.ROOT)
          .replace('_', ' ');
      return new Sub(Set.of(), false,
          List.of(v.term + ": " + why + v.detail.map(d -> " (" + d + ")").orElse("")));
    }
    Set<IpNetwork> nets = new LinkedHashSet<>();
    List<String> why = new ArrayList<>();
    boolean full = true;
    String exclusion = null;
    List<SpfTerm> terms = v.record.get().terms();
    for (int i = 0; i < terms.size(); i++) {
      if (!(terms.get(i) instanceof SpfTerm.Directive d)) {
        continue;
      }
      if (v.allIndex >= 0 && i > v.allIndex) {
        break;
      }
      SpfMechanism m = d.mechanism();
      String written = v.written(i);
      if (m instanceof SpfMechanism.All) {
        if (d.qualifier() == SpfQualifier.PASS) {
          nets.add(ALL4);
          nets.add(ALL6);
        }
        break;
      }
      if (d.qualifier() != SpfQualifier.PASS) {
        if (exclusion == null) {
          exclusion = written;
        }
        continue;
      }
      if (exclusion != null) {
        full = false;
        why.add("in " + v.name + ", '" + exclusion + "' excludes addresses before '" + written
            + "'; a set of networks cannot express that order");
        exclusion = null;
      }
      if (m instanceof SpfMechanism.Ip4 ip) {
        nets.add(ip.network());
      } else if (m instanceof SpfMechanism.Ip6 ip) {
        nets.add(ip.network());
      } else if (m instanceof SpfMechanism.A || m instanceof SpfMechanism.Mx) {
        Resolved r = v.resolved.get(i);
        if (r == null) {
          full = false;
          why.add("in " + v.name + ", '" + written + "' has macros or an invalid target");
        } else {
          nets.addAll(r.networks());
          if (r.problem().isPresent()) {
            full = false;
            why.add("in " + v.name + ", '" + written + "': " + r.problem().get());
          }
        }
      } else if (m instanceof SpfMechanism.Include) {
        Visit c = v.childAt.get(i);
        if (c == null) {
          full = false;
          why.add("in " + v.name + ", '" + written + "' was not followed (tree too large)");
        } else {
          Sub s = subtree(c);
          nets.addAll(s.networks());
          if (!s.full()) {
            full = false;
            why.addAll(s.reasons());
          }
        }
      } else {
        full = false;
        why.add("in " + v.name + ", '" + written + "': " + notAddresses(m));
      }
    }
    if (v.redirectEffective) {
      Visit c = v.childAt.get(v.redirectIndex);
      if (exclusion != null) {
        full = false;
        why.add("in " + v.name + ", '" + exclusion + "' excludes addresses before the redirect");
      }
      if (c == null) {
        full = false;
        why.add("in " + v.name + ", the redirect was not followed (tree too large)");
      } else {
        Sub s = subtree(c);
        nets.addAll(s.networks());
        if (!s.full()) {
          full = false;
          why.addAll(s.reasons());
        }
      }
    }
    return new Sub(nets, full, why);
  }

  // ---------------------------------------------------------------- the suggestion

  String suggestion(int worstCase) {
    List<IpNetwork> nets = SpfFlattening.merge(inline);
    List<String> netTerms = new ArrayList<>(nets.size());
    for (IpNetwork n : nets) {
      boolean v4 = n.address().isIpv4();
      boolean host = n.prefixLength() == n.family().bitLength();
      netTerms.add((v4 ? "ip4:" : "ip6:") + (host ? n.address().toString() : n.toString()));
    }
    String all = allTerm.orElse(kept.stream().anyMatch(k -> k.regionMatches(true, 0, "redirect=", 0, 9)) ? ""
        : "?all");
    List<String> tail = new ArrayList<>(kept);
    exp.ifPresent(tail::add);
    if (!all.isEmpty()) {
      tail.add(all);
    }
    List<String[]> records = new ArrayList<>();
    String single = join(lead, netTerms, tail);
    int lookups = keptLookups;
    boolean split = false;
    if (single.length() <= SpfAuditor.MAX_SUGGESTED_RECORD_LENGTH || netTerms.isEmpty()) {
      records.add(new String[] {domain.toAbsoluteString(), single});
    } else {
      List<List<String>> chunks = new ArrayList<>();
      List<String> current = new ArrayList<>();
      int length = "v=spf1 -all".length();
      for (String t : netTerms) {
        if (!current.isEmpty() && length + 1 + t.length() > SpfAuditor.MAX_SUGGESTED_RECORD_LENGTH) {
          chunks.add(current);
          current = new ArrayList<>();
          length = "v=spf1 -all".length();
        }
        current.add(t);
        length += 1 + t.length();
      }
      chunks.add(current);
      List<String> includes = new ArrayList<>();
      List<String[]> subRecords = new ArrayList<>();
      boolean namesOk = true;
      for (int i = 0; i < chunks.size(); i++) {
        ParseResult<DomainName> name = domain.resolve("_spf" + (i + 1));
        if (name.value().isEmpty()) {
          namesOk = false;
          break;
        }
        includes.add("include:" + name.value().get());
        subRecords.add(new String[] {name.value().get().toAbsoluteString(),
            "v=spf1 " + String.join(" ", chunks.get(i)) + " -all"});
      }
      if (namesOk) {
        split = true;
        lookups += includes.size();
        records.add(new String[] {domain.toAbsoluteString(), join(lead, includes, tail)});
        records.addAll(subRecords);
      } else {
        records.add(new String[] {domain.toAbsoluteString(), single});
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Flattened SPF policy for ").append(domain).append(": ").append(nets.size())
        .append(nets.size() == 1 ? " network" : " networks").append(", ").append(lookups)
        .append(" DNS-querying terms instead of ").append(worstCase).append(" (limit ")
        .append(limits.maxDnsLookups()).append(").\n");
    sb.append(records.size() == 1 ? "Publish this TXT record:\n" : "Publish these TXT records:\n");
    for (String[] r : records) {
      sb.append("  ").append(r[0]).append(" IN TXT ").append(quoted(r[1])).append('\n');
    }
    if (split) {
      sb.append("The flattened record would be longer than ").append(SpfAuditor.MAX_SUGGESTED_RECORD_LENGTH)
          .append(" characters, so its networks are split into ").append(records.size() - 1)
          .append(" records included from ").append(domain).append(".\n");
    }
    if (!keptWhy.isEmpty()) {
      sb.append("Kept as they are (they cannot be flattened): ").append(String.join("; ", keptWhy)).append(".\n");
    }
    if (!lead.isEmpty()) {
      sb.append("Non-pass terms are kept first: ").append(String.join(" ", lead))
          .append(". Check that their order still does what you mean.\n");
    }
    if (lookups > limits.maxDnsLookups()) {
      sb.append("Still over the limit: remove includes you no longer use before flattening.\n");
    }
    sb.append("Caveat: a flattened record is a snapshot of your providers' addresses today. It goes stale when a"
        + " provider changes its addresses, and mail from the new addresses then fails SPF. Re-run this audit"
        + " regularly (or automate the flattening) and prefer removing includes you do not need.");
    return sb.toString();
  }

  private static String join(List<String> a, List<String> b, List<String> c) {
    StringBuilder sb = new StringBuilder(SpfRecord.VERSION);
    for (List<String> part : List.of(a, b, c)) {
      for (String t : part) {
        sb.append(' ').append(t);
      }
    }
    return sb.toString();
  }

  /**
   * Quotes a record as master-file character-strings of at most 255 characters, breaking after a
   * space where one is near (receivers join the strings without separators).
   */
  static String quoted(String record) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < record.length()) {
      int end = Math.min(record.length(), i + SpfAuditRun.MAX_STRING_OCTETS);
      if (end < record.length()) {
        int space = record.lastIndexOf(' ', end - 1);
        if (space >= i + SpfAuditRun.MAX_STRING_OCTETS / 2) {
          end = space + 1;
        }
      }
      if (i > 0) {
        sb.append(' ');
      }
      sb.append('"').append(record.substring(i, end).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      i = end;
    }
    return sb.toString();
  }
}
