package io.maildiag.dns.spf;

import io.maildiag.core.domain.DomainName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The include/redirect tree of an SPF policy as an {@link SpfAuditor} found it: which records the
 * policy pulls in, how each was reached, and how many DNS-querying terms each spends (RFC 7208
 * section 4.6.4).
 *
 * <p>Counting rule: a node's {@linkplain Node#ownLookups() own lookups} are the DNS-querying terms
 * ({@code include}, {@code a}, {@code mx}, {@code ptr}, {@code exists}, and an effective {@code
 * redirect}) of its own record that an evaluation can reach, that is, directives before the first
 * {@code all}, and {@code redirect} only when the record has no {@code all}. An {@code include} or
 * {@code redirect} term counts in the record that holds it; the target's terms count in the child
 * node. A node's {@linkplain Node#totalLookups() total} is its own count plus its children's
 * totals, so the root's total is the worst case: the lookups spent when no term matches.
 *
 * <p>{@link #render()} draws the tree as text:
 *
 * <pre>
 * example.com  (lookups: 6 total, 3 own)  "v=spf1 include:_spf.a.example include:b.example mx -all"
 * ├─ include:_spf.a.example  (lookups: 2)  "v=spf1 ip4:192.0.2.0/24 include:c.example ~all"
 * │  └─ include:c.example  (lookups: 1)  "v=spf1 a -all"
 * └─ include:b.example  (lookups: 0)  [NO_RECORD: b.example has no SPF record]
 * </pre>
 *
 * <p>Immutable and safe for concurrent use.
 *
 * @param root the audited domain's node
 * @param complete whether every reachable record was fetched and followed; when false, {@link
 *     #worstCaseLookups()} is a lower bound
 * @since 0.1
 */
public record SpfIncludeTree(Node root, boolean complete) {

  /** Record texts longer than this are shortened in {@link #render()}: {@value} characters. */
  public static final int RENDER_TEXT_LIMIT = 200;

  /** Checks for null. */
  public SpfIncludeTree {
    Objects.requireNonNull(root, "root");
  }

  /**
   * How a node was reached.
   *
   * @since 0.1
   */
  public enum Reach {
    /** The audited domain itself. */
    ROOT,
    /** Through an {@code include:} mechanism (RFC 7208 section 5.2). */
    INCLUDE,
    /** Through a {@code redirect=} modifier (RFC 7208 section 6.1). */
    REDIRECT
  }

  /**
   * What became of a node.
   *
   * @since 0.1
   */
  public enum Status {
    /** One SPF record was found and parsed; its terms were followed. */
    OK,
    /** The domain has no SPF record (or does not exist): a {@code permerror} when included or redirected to. */
    NO_RECORD,
    /** The domain publishes more than one SPF record: a {@code permerror}. */
    MULTIPLE_RECORDS,
    /** The record does not parse: a {@code permerror}. */
    SYNTAX_ERROR,
    /** The domain is already being evaluated higher up the tree: an endless loop. */
    LOOP,
    /** The record could not be fetched (SERVFAIL, REFUSED, timeout): a {@code temperror}. */
    DNS_ERROR,
    /** Not fetched: the target has macros, is not a valid name, or the audit's limits were reached. */
    NOT_FOLLOWED
  }

  /**
   * One record of the tree.
   *
   * @param name the domain name, or the domain-spec as written when it is not a plain name (macros)
   * @param domain the domain, when {@code name} is a valid domain name without macros
   * @param reach how the node was reached
   * @param term the term that reached it as written ({@code include:_spf.example.net}); for the root,
   *     the domain name
   * @param recordText the SPF record text, when one was selected
   * @param status what became of the node
   * @param detail why the status is not {@link Status#OK}, or a note on an OK node
   * @param ownLookups DNS-querying terms of this node's own record (see the counting rule above)
   * @param totalLookups {@code ownLookups} plus the children's totals
   * @param children the nodes reached from this record, in term order ({@code redirect} last)
   * @since 0.1
   */
  public record Node(
      String name,
      Optional<DomainName> domain,
      Reach reach,
      String term,
      Optional<String> recordText,
      Status status,
      Optional<String> detail,
      int ownLookups,
      int totalLookups,
      List<Node> children) {

    /**
     * Validates the node.
     *
     * @throws IllegalArgumentException if a count is negative or {@code totalLookups} is not {@code
     *     ownLookups} plus the children's totals
     */
    public Node {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(reach, "reach");
      Objects.requireNonNull(term, "term");
      Objects.requireNonNull(recordText, "recordText");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(detail, "detail");
      children = List.copyOf(children);
      if (ownLookups < 0) {
        throw new IllegalArgumentException("ownLookups must be >= 0, was " + ownLookups);
      }
      long sum = ownLookups;
      for (Node c : children) {
        sum += c.totalLookups;
      }
      if (sum != totalLookups) {
        throw new IllegalArgumentException(
            "totalLookups " + totalLookups + " is not ownLookups plus the children's totals (" + sum + ")");
      }
    }

    /** Returns a node whose total is computed from {@code ownLookups} and the children. */
    public static Node of(String name, Optional<DomainName> domain, Reach reach, String term,
        Optional<String> recordText, Status status, Optional<String> detail, int ownLookups,
        List<Node> children) {
      int total = ownLookups;
      for (Node c : children) {
        total += c.totalLookups;
      }
      return new Node(name, domain, reach, term, recordText, status, detail, ownLookups, total, children);
    }

    /** Returns the depth of the subtree: 0 for a leaf. */
    public int depth() {
      int max = 0;
      for (Node c : children) {
        max = Math.max(max, 1 + c.depth());
      }
      return max;
    }
  }

  /** Returns the worst-case count of DNS-querying terms: the root's total. */
  public int worstCaseLookups() {
    return root.totalLookups();
  }

  /** Returns every node, depth first in term order, the root first. */
  public List<Node> nodes() {
    List<Node> out = new ArrayList<>();
    Deque<Node> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      out.add(n);
      for (int i = n.children().size() - 1; i >= 0; i--) {
        todo.push(n.children().get(i));
      }
    }
    return List.copyOf(out);
  }

  /** Returns the nodes for {@code domain}, in {@link #nodes()} order (a domain may be reached more than once). */
  public List<Node> find(DomainName domain) {
    return nodes().stream().filter(n -> n.domain().filter(domain::equals).isPresent()).toList();
  }

  /** Returns the number of nodes. */
  public int size() {
    return nodes().size();
  }

  /** Returns the length of the longest path from the root: 0 when the root has no children. */
  public int depth() {
    return root.depth();
  }

  /**
   * Returns the tree drawn as text, one node a line: the term, the lookups, and the record (long
   * records shortened to {@value #RENDER_TEXT_LIMIT} characters) or the status. Control characters
   * are escaped. Each line ends with a line feed.
   */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append(escape(root.name())).append("  (lookups: ").append(root.totalLookups()).append(" total, ")
        .append(root.ownLookups()).append(" own)");
    appendStatus(root, sb);
    sb.append('\n');
    renderChildren(root, "", sb);
    return sb.toString();
  }

  private static void renderChildren(Node node, String prefix, StringBuilder sb) {
    List<Node> children = node.children();
    for (int i = 0; i < children.size(); i++) {
      Node c = children.get(i);
      boolean last = i == children.size() - 1;
      sb.append(prefix).append(last ? "└─ " : "├─ ").append(escape(c.term()))
          .append("  (lookups: ").append(c.totalLookups()).append(')');
      appendStatus(c, sb);
      sb.append('\n');
      renderChildren(c, prefix + (last ? "   " : "│  "), sb);
    }
  }

  private static void appendStatus(Node n, StringBuilder sb) {
    n.recordText().ifPresent(t -> sb.append("  \"").append(escape(shorten(t))).append('"'));
    if (n.status() != Status.OK) {
      sb.append("  [").append(n.status());
      n.detail().ifPresent(d -> sb.append(": ").append(escape(shorten(d))));
      sb.append(']');
    }
  }

  private static String shorten(String s) {
    return s.length() <= RENDER_TEXT_LIMIT ? s : s.substring(0, RENDER_TEXT_LIMIT) + "…";
  }

  /** Escapes control characters (and the line separators) as {@code \\xNN} or {@code \\uNNNN}. */
  static String escape(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029';
      if (bad && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (sb != null) {
        if (bad) {
          sb.append(c < 0x100 ? String.format(java.util.Locale.ROOT, "\\x%02X", (int) c)
              : String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }
}
