package io.maildiag.dns.dmarc;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.DnsResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the DMARC policy record and the organizational domain of a domain, by the RFC 9989 DNS
 * tree walk or by the RFC 7489 public suffix list.
 *
 * <p><b>Tree walk</b> (RFC 9989 section 4.10): the targets are the domain itself, then, if it has 8
 * or more labels, its 7 rightmost labels, then one label fewer each step down to the top-level
 * domain: at most 8 queries ({@link #treeWalkTargets}). Policy discovery (4.10.1) takes the first
 * DMARC record found. The organizational domain (4.10.2) walks the same targets until a record
 * with {@code psd=y} or {@code psd=n}: {@code psd=n} names the organizational domain; {@code
 * psd=y} (on a domain other than the start) puts it one label below; otherwise it is the domain of
 * the record with the fewest labels, or the domain itself if no record exists.
 *
 * <p><b>PSL</b> (RFC 7489 section 6.6.3): query the domain; if no record, query its
 * organizational domain (registrable domain under the list) when that differs.
 *
 * <p>DNS failures: a SERVFAIL, REFUSED or timeout met before a record is found ends discovery
 * with {@code TEMPERROR} (choice: the record behind the failure might have applied). In the tree
 * walk for an organizational domain, a failure makes it unknown ({@link
 * OrganizationalDomain.Basis#DNS_ERROR}).
 *
 * <p>Instances are immutable and safe for concurrent use; each call does its own DNS work.
 *
 * @since 0.1
 */
public final class DmarcDiscovery {

  /** The most targets of one tree walk (RFC 9989 section 4.10). */
  public static final int MAX_TREE_WALK_QUERIES = 8;

  private final DnsResolver resolver;
  private final DiscoveryMode mode;
  private final Optional<PublicSuffixList> psl;
  private final Limits limits;

  private DmarcDiscovery(Builder b) {
    this.resolver = Objects.requireNonNull(b.resolver, "resolver");
    this.mode = b.mode == null ? DiscoveryMode.TREE_WALK : b.mode;
    this.psl = Optional.ofNullable(b.psl);
    this.limits = b.limits == null ? Limits.defaults() : b.limits;
    if (mode == DiscoveryMode.PSL && psl.isEmpty()) {
      throw new IllegalStateException("mode PSL needs a publicSuffixList");
    }
  }

  /** Returns a builder; a resolver is required, the mode defaults to {@link DiscoveryMode#TREE_WALK}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the mode. */
  public DiscoveryMode mode() {
    return mode;
  }

  /** Returns the public suffix list, if configured. */
  public Optional<PublicSuffixList> publicSuffixList() {
    return psl;
  }

  DmarcSession newSession() {
    return new DmarcSession(resolver, limits.queryTimeout());
  }

  /**
   * Returns the tree walk targets for {@code start}, most specific first (RFC 9989 section 4.10):
   * {@code a.b.c.d.e.f.g.h.i.j.mail.example.com} gives itself, {@code g.h.i.j.mail.example.com},
   * {@code h.i.j.mail.example.com}, ... {@code com}.
   */
  public static List<DomainName> treeWalkTargets(DomainName start) {
    List<DomainName> out = new ArrayList<>();
    int x = start.labelCount();
    if (x == 0) {
      return out;
    }
    out.add(start);
    for (int k = Math.min(x - 1, MAX_TREE_WALK_QUERIES - 1); k >= 1; k--) {
      out.add(start.suffix(k));
    }
    return out;
  }

  /** Discovers the policy record of {@code authorDomain} in this instance's mode. Never throws on DNS trouble. */
  public DmarcDiscoveryResult discover(DomainName authorDomain) {
    return discover(authorDomain, newSession(), mode);
  }

  /** Returns the organizational domain of {@code domain} in this instance's mode. */
  public OrganizationalDomain organizationalDomain(DomainName domain) {
    return organizationalDomain(domain, newSession(), mode);
  }

  /**
   * Runs discovery in both modes and reports where they differ.
   *
   * @throws IllegalStateException if no public suffix list is configured
   */
  public DmarcModeComparison compareModes(DomainName authorDomain) {
    if (psl.isEmpty()) {
      throw new IllegalStateException("comparing modes needs a publicSuffixList");
    }
    DmarcDiscoveryResult tw = discover(authorDomain, newSession(), DiscoveryMode.TREE_WALK);
    DmarcDiscoveryResult pl = discover(authorDomain, newSession(), DiscoveryMode.PSL);
    List<String> diffs = new ArrayList<>();
    if (tw.status() != pl.status()) {
      diffs.add("status: tree walk " + tw.status() + ", PSL " + pl.status());
    }
    if (!tw.policyDomain().equals(pl.policyDomain())) {
      diffs.add("policy domain: tree walk " + tw.policyDomain().map(Object::toString).orElse("none")
          + ", PSL " + pl.policyDomain().map(Object::toString).orElse("none"));
    } else if (!tw.policy().equals(pl.policy())) {
      diffs.add("policy record differs");
    }
    DomainName to = tw.organizationalDomain().organizationalDomain();
    DomainName po = pl.organizationalDomain().organizationalDomain();
    if (!to.equals(po)) {
      diffs.add("organizational domain: tree walk " + to + ", PSL " + po);
    }
    return new DmarcModeComparison(tw, pl, diffs);
  }

  DmarcDiscoveryResult discover(DomainName author, DmarcSession s, DiscoveryMode m) {
    Objects.requireNonNull(author, "authorDomain");
    List<DomainName> targets = new ArrayList<>();
    if (m == DiscoveryMode.TREE_WALK) {
      targets.addAll(treeWalkTargets(author));
    } else {
      targets.add(author);
      DomainName org = psl.orElseThrow().organizationalDomain(author);
      if (!org.equals(author)) {
        targets.add(org);
      }
    }
    List<DmarcRecordLookup> used = new ArrayList<>();
    DmarcDiscoveryResult.Status status = DmarcDiscoveryResult.Status.NOT_FOUND;
    DmarcRecordLookup found = null;
    for (DomainName t : targets) {
      DmarcRecordLookup l = s.lookup(t);
      used.add(l);
      if (l.status() == DmarcRecordLookup.Status.DNS_ERROR) {
        status = DmarcDiscoveryResult.Status.TEMPERROR;
        break;
      }
      if (l.isFound()) {
        status = DmarcDiscoveryResult.Status.FOUND;
        found = l;
        break;
      }
    }
    OrganizationalDomain org = organizationalDomain(author, s, m);
    // Queries of the organizational-domain walk belong to this discovery too.
    for (DmarcRecordLookup l : s.lookups()) {
      if (!used.contains(l)) {
        used.add(l);
      }
    }
    List<Diagnostic> findings = new ArrayList<>();
    used.forEach(l -> findings.addAll(l.findings()));
    return new DmarcDiscoveryResult(author, m, status,
        found == null ? Optional.empty() : found.policy(),
        found == null ? Optional.empty() : Optional.of(found.domain()),
        org, used.stream().map(DmarcRecordLookup::queryName).toList(), used, findings);
  }

  OrganizationalDomain organizationalDomain(DomainName domain, DmarcSession s, DiscoveryMode m) {
    if (m == DiscoveryMode.PSL) {
      PublicSuffixList list = psl.orElseThrow();
      Optional<DomainName> reg = list.registrableDomain(domain);
      return reg.map(r -> new OrganizationalDomain(domain, r, m, OrganizationalDomain.Basis.PUBLIC_SUFFIX_LIST))
          .orElseGet(() -> new OrganizationalDomain(domain, domain, m, OrganizationalDomain.Basis.IS_PUBLIC_SUFFIX));
    }
    DomainName fewest = null;
    for (DomainName t : treeWalkTargets(domain)) {
      DmarcRecordLookup l = s.lookup(t);
      if (l.status() == DmarcRecordLookup.Status.DNS_ERROR) {
        return new OrganizationalDomain(domain, domain, m, OrganizationalDomain.Basis.DNS_ERROR);
      }
      if (!l.isFound()) {
        continue;
      }
      PsdFlag psd = l.policy().orElseThrow().effectivePsd();
      if (psd == PsdFlag.N) {
        return new OrganizationalDomain(domain, t, m, OrganizationalDomain.Basis.PSD_N);
      }
      if (psd == PsdFlag.Y) {
        if (!t.equals(domain)) {
          return new OrganizationalDomain(domain, domain.suffix(t.labelCount() + 1), m,
              OrganizationalDomain.Basis.BELOW_PSD_Y);
        }
        // psd=y on the starting domain stops the walk; rule 3 then selects the starting domain.
        return new OrganizationalDomain(domain, domain, m, OrganizationalDomain.Basis.FEWEST_LABELS);
      }
      fewest = t;
    }
    return fewest == null
        ? new OrganizationalDomain(domain, domain, m, OrganizationalDomain.Basis.NO_RECORD)
        : new OrganizationalDomain(domain, fewest, m, OrganizationalDomain.Basis.FEWEST_LABELS);
  }

  /**
   * Builds a {@link DmarcDiscovery}. Each setter refuses a second call. Not safe for concurrent use.
   *
   * @since 0.1
   */
  public static final class Builder {
    private DnsResolver resolver;
    private DiscoveryMode mode;
    private PublicSuffixList psl;
    private Limits limits;

    private Builder() {}

    private static void once(Object old, String name) {
      if (old != null) {
        throw new IllegalStateException(name + " was already set to " + old);
      }
    }

    /** Sets the resolver (required). */
    public Builder resolver(DnsResolver value) {
      once(resolver, "resolver");
      resolver = Objects.requireNonNull(value, "resolver");
      return this;
    }

    /** Sets the mode; default {@link DiscoveryMode#TREE_WALK}. */
    public Builder mode(DiscoveryMode value) {
      once(mode, "mode");
      mode = Objects.requireNonNull(value, "mode");
      return this;
    }

    /** Sets the public suffix list, required for {@link DiscoveryMode#PSL} and {@link #compareModes}. */
    public Builder publicSuffixList(PublicSuffixList value) {
      once(psl, "publicSuffixList");
      psl = Objects.requireNonNull(value, "publicSuffixList");
      return this;
    }

    /** Sets the limits; only {@link Limits#queryTimeout()} is used. Default {@link Limits#defaults()}. */
    public Builder limits(Limits value) {
      once(limits, "limits");
      limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    /**
     * Returns the discovery.
     *
     * @throws NullPointerException if no resolver was set
     * @throws IllegalStateException if the mode is PSL and no list was set
     */
    public DmarcDiscovery build() {
      return new DmarcDiscovery(this);
    }
  }
}
