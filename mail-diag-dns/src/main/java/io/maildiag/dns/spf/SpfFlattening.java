package io.maildiag.dns.spf;

import io.maildiag.core.ip.IpNetwork;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The IP networks an SPF policy authorises (gives {@code pass}), as far as they can be computed
 * without a concrete message.
 *
 * <p>The rule, applied by {@link SpfAuditor}: a network is collected from every pass-qualified
 * ({@code +}, the default) {@code ip4}, {@code ip6}, {@code a} and {@code mx} directive of the
 * audited record, of the records reached from it by {@code redirect} when it takes effect, and of
 * the records reached through pass-qualified {@code include} directives, recursively. Only
 * directives before a record's first {@code all} count. {@code a} and {@code mx} are resolved to
 * their A and AAAA addresses with the term's CIDR lengths. Directives qualified {@code -}, {@code
 * ~} or {@code ?} authorise nothing, and nothing is collected through them (an included record's
 * non-pass result only makes the {@code include} not match). A pass-qualified {@code all}
 * authorises everything ({@code 0.0.0.0/0} and {@code ::/0}).
 *
 * <p>The result is {@linkplain #isComplete() partial}, with one reason each, when part of the
 * policy cannot be reduced to networks: {@code exists} and {@code ptr} (they depend on the
 * client), targets with macros, records that could not be fetched or parsed, loops, and a
 * non-pass directive followed by pass-capable ones in the same record (its exclusion depends on
 * the order of terms, which a set of networks cannot express, so the set may be larger than what
 * passes).
 *
 * <p>{@link #networks()} is {@linkplain #merge(Collection) merged}: duplicates and networks inside
 * others are dropped, and adjacent halves are joined.
 *
 * @param networks the authorised networks, merged, IPv4 first
 * @param reasons why the set is partial; empty when it is complete
 * @since 0.1
 */
public record SpfFlattening(List<IpNetwork> networks, List<String> reasons) {

  /** Copies the lists. */
  public SpfFlattening {
    networks = List.copyOf(networks);
    reasons = List.copyOf(reasons);
  }

  /** Returns whether every part of the policy was reduced to networks. */
  public boolean isComplete() {
    return reasons.isEmpty();
  }

  /**
   * Returns the smallest list of networks covering exactly the same addresses as {@code networks}:
   * duplicates and networks contained in others are dropped, and two adjacent networks that form
   * one of the next shorter prefix are joined. The result is sorted, IPv4 before IPv6.
   */
  public static List<IpNetwork> merge(Collection<IpNetwork> networks) {
    Objects.requireNonNull(networks, "networks");
    List<IpNetwork> current = dropContained(new TreeSet<>(networks));
    boolean changed = true;
    while (changed) {
      changed = false;
      List<IpNetwork> next = new ArrayList<>(current.size());
      for (int i = 0; i < current.size(); i++) {
        IpNetwork a = current.get(i);
        if (i + 1 < current.size()) {
          IpNetwork b = current.get(i + 1);
          if (a.family() == b.family() && a.prefixLength() == b.prefixLength() && a.prefixLength() > 0) {
            IpNetwork parent = IpNetwork.of(a.address(), a.prefixLength() - 1);
            if (parent.contains(b)) {
              next.add(parent);
              i++;
              changed = true;
              continue;
            }
          }
        }
        next.add(a);
      }
      current = changed ? dropContained(new TreeSet<>(next)) : next;
    }
    return List.copyOf(current);
  }

  /** Keeps, of a sorted set, only the networks not inside another (sorting puts a container first). */
  private static List<IpNetwork> dropContained(TreeSet<IpNetwork> sorted) {
    List<IpNetwork> out = new ArrayList<>();
    Deque<IpNetwork> open = new ArrayDeque<>();
    for (IpNetwork n : sorted) {
      while (!open.isEmpty() && !open.peek().contains(n)) {
        open.pop();
      }
      if (open.isEmpty()) {
        out.add(n);
        open.push(n);
      }
    }
    return out;
  }
}
