package io.maildiag.dns.spf;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ip.IpNetwork;
import io.maildiag.dns.spf.SpfAuditRun.Visit;
import io.maildiag.dns.spf.SpfIncludeTree.Status;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds duplicate and overlapping {@code ip4}/{@code ip6} ranges in a record and across the tree.
 * Ranges are compared only with ranges of the same qualifier: a {@code -ip4} inside a {@code +ip4}
 * is a deliberate exclusion. Each record is looked at once, even when it is reached several times.
 * CIDR blocks either nest or are disjoint, so one sorted sweep finds, for each range, the innermost
 * earlier range containing it.
 */
final class SpfAuditRanges {

  private SpfAuditRanges() {}

  private record Entry(Visit visit, int index, String written, IpNetwork network, int order) {}

  static void check(Visit root, SpfAuditRun.Findings findings) {
    Map<SpfQualifier, List<Entry>> byQualifier = new EnumMap<>(SpfQualifier.class);
    Set<String> seenDomains = new HashSet<>();
    Deque<Visit> todo = new ArrayDeque<>();
    todo.push(root);
    int order = 0;
    while (!todo.isEmpty()) {
      Visit v = todo.pop();
      for (int i = v.children.size() - 1; i >= 0; i--) {
        todo.push(v.children.get(i));
      }
      if (v.status != Status.OK || v.record.isEmpty() || !seenDomains.add(v.name)) {
        continue;
      }
      List<SpfTerm> terms = v.record.get().terms();
      for (int i = 0; i < terms.size(); i++) {
        if (v.allIndex >= 0 && i > v.allIndex) {
          break;
        }
        if (terms.get(i) instanceof SpfTerm.Directive d) {
          IpNetwork n = d.mechanism() instanceof SpfMechanism.Ip4 ip4 ? ip4.network()
              : d.mechanism() instanceof SpfMechanism.Ip6 ip6 ? ip6.network() : null;
          if (n != null) {
            byQualifier.computeIfAbsent(d.qualifier(), k -> new ArrayList<>())
                .add(new Entry(v, i, v.written(i), n, order++));
          }
        }
      }
    }
    for (List<Entry> entries : byQualifier.values()) {
      sweep(entries, findings);
    }
  }

  private static void sweep(List<Entry> entries, SpfAuditRun.Findings findings) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Entry::network).thenComparingInt(Entry::order));
    Deque<Entry> open = new ArrayDeque<>();
    for (Entry e : sorted) {
      while (!open.isEmpty() && !open.peek().network().contains(e.network())) {
        open.pop();
      }
      if (open.isEmpty()) {
        open.push(e);
        continue;
      }
      Entry outer = open.peek();
      boolean same = outer.visit() == e.visit();
      boolean duplicate = outer.network().equals(e.network());
      Entry first = outer.order() < e.order() ? outer : e;
      Entry second = first == outer ? e : outer;
      String message;
      String remedy;
      if (duplicate) {
        message = where(second) + "'" + second.written() + "' repeats '" + first.written() + "'"
            + (same ? " of the same record" : " of " + first.visit().name);
        remedy = same ? "Remove the second '" + second.written() + "'" : crossRemedy(e, outer);
      } else {
        message = where(e) + "'" + e.written() + "' lies inside '" + outer.written() + "'"
            + (same ? " of the same record" : " of " + outer.visit().name);
        remedy = same ? "Remove '" + e.written() + "'; '" + outer.written() + "' already covers it"
            : crossRemedy(e, outer);
      }
      Diagnostic d = (same ? Diagnostic.warning(duplicate ? SpfCodes.SPF_DUPLICATE_RANGE : SpfCodes.SPF_OVERLAPPING_RANGE,
              message) : Diagnostic.info(duplicate ? SpfCodes.SPF_DUPLICATE_RANGE : SpfCodes.SPF_OVERLAPPING_RANGE,
              message))
          .withEvidence(label(outer) + " and " + label(e))
          .withRemediation(remedy)
          .withReference("RFC 7208 section 5.6");
      Optional<Entry> inRoot = e.visit().isRoot() ? Optional.of(e)
          : outer.visit().isRoot() ? Optional.of(outer) : Optional.empty();
      if (inRoot.isPresent()) {
        d = d.at(inRoot.get().visit().record.orElseThrow().spanOf(inRoot.get().index()));
      }
      findings.add(d);
      if (!duplicate) {
        open.push(e);
      }
    }
  }

  private static String crossRemedy(Entry a, Entry b) {
    Entry mine = a.visit().isRoot() ? a : b.visit().isRoot() ? b : null;
    if (mine != null) {
      Entry other = mine == a ? b : a;
      return "If '" + mine.written() + "' is there only because " + other.visit().name
          + " already lists it, remove it from your record; otherwise no action is needed";
    }
    return "No action needed: both ranges belong to included records";
  }

  private static String where(Entry e) {
    return SpfAuditRun.context(e.visit());
  }

  private static String label(Entry e) {
    return "'" + e.written() + "' (" + e.visit().name + ")";
  }
}
