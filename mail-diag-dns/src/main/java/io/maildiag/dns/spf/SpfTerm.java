package io.maildiag.dns.spf;

import java.util.Objects;

/**
 * One term of an SPF record: a directive (qualifier and mechanism) or a modifier (RFC 7208 section
 * 4.6.1). {@link #toString()} renders the term canonically.
 *
 * @since 0.1
 */
public sealed interface SpfTerm {

  /**
   * A directive: {@code [qualifier] mechanism}.
   *
   * @param qualifier the result on match
   * @param mechanism the mechanism
   */
  record Directive(SpfQualifier qualifier, SpfMechanism mechanism) implements SpfTerm {
    /** Checks for null. */
    public Directive {
      Objects.requireNonNull(qualifier, "qualifier");
      Objects.requireNonNull(mechanism, "mechanism");
    }

    /** Renders the directive; the default {@code +} is omitted. */
    @Override
    public String toString() {
      return (qualifier == SpfQualifier.PASS ? "" : String.valueOf(qualifier.symbol())) + mechanism;
    }
  }

  /**
   * {@code redirect=domain} (RFC 7208 section 6.1).
   *
   * @param domain the domain-spec
   */
  record Redirect(MacroString domain) implements SpfTerm {
    /** Checks for null. */
    public Redirect {
      Objects.requireNonNull(domain, "domain");
    }

    @Override
    public String toString() {
      return "redirect=" + domain;
    }
  }

  /**
   * {@code exp=domain} (RFC 7208 section 6.2).
   *
   * @param domain the domain-spec of the explanation TXT record
   */
  record Explanation(MacroString domain) implements SpfTerm {
    /** Checks for null. */
    public Explanation {
      Objects.requireNonNull(domain, "domain");
    }

    @Override
    public String toString() {
      return "exp=" + domain;
    }
  }

  /**
   * A modifier this version of SPF does not know; kept and ignored (RFC 7208 section 6).
   *
   * @param name the modifier name as written
   * @param value the value
   */
  record UnknownModifier(String name, MacroString value) implements SpfTerm {
    /** Checks for null. */
    public UnknownModifier {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return name + "=" + value;
    }
  }
}
