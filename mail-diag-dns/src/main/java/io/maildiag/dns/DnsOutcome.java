package io.maildiag.dns;

import io.maildiag.core.domain.DomainName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a DNS question came to: one of six values, never an exception.
 *
 * <ul>
 *   <li>{@link Answer}: records of the asked type exist;
 *   <li>{@link NoData}: the name exists but has no records of that type (RFC 2308 section 2.2);
 *   <li>{@link NxDomain}: the name does not exist (RFC 8020);
 *   <li>{@link ServFail}: the server failed (SERVFAIL, or another error code, a malformed
 *       response, a CNAME loop);
 *   <li>{@link Refused}: the server refused to answer;
 *   <li>{@link Timeout}: no answer within the time allowed, or no server could be reached.
 * </ul>
 *
 * <p>NODATA and NXDOMAIN are kept apart because standards treat them differently (RFC 7489
 * section 6.6.3, RFC 7505), while SPF counts both as void lookups ({@link #isVoid()}). Every
 * outcome carries the CNAME chain that was followed to reach it, oldest first.
 *
 * @since 0.1
 */
public sealed interface DnsOutcome {

  /** The six kinds of outcome, for switching and for JSON ({@link #jsonName()}). */
  enum Kind {
    /** Records found. */
    ANSWER,
    /** Name exists, no records of the type. */
    NODATA,
    /** Name does not exist. */
    NXDOMAIN,
    /** Server failure. */
    SERVFAIL,
    /** Query refused. */
    REFUSED,
    /** No answer in time. */
    TIMEOUT;

    /** Returns the upper-case name used in JSON and in text output ({@code "NXDOMAIN"}). */
    public String jsonName() {
      return name();
    }

    /** Returns the lower-case name ({@code "nxdomain"}). */
    public String lowerName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Returns the question this outcome answers. */
  DnsQuery query();

  /** Returns the CNAME records followed from the question's name, oldest first; often empty. */
  List<CnameRecord> cnameChain();

  /** Returns the kind of outcome. */
  Kind kind();

  /**
   * Returns the name the outcome is about: the last CNAME target, or the question's name when no
   * CNAME was followed.
   */
  default DomainName canonicalName() {
    List<CnameRecord> chain = cnameChain();
    return chain.isEmpty() ? query().name() : chain.get(chain.size() - 1).target();
  }

  /** Returns what went wrong, for people: the detail of a SERVFAIL, REFUSED or timeout; empty otherwise. */
  default Optional<String> failureDetail() {
    if (this instanceof ServFail f) {
      return Optional.of(f.detail());
    } else if (this instanceof Refused r) {
      return Optional.of(r.detail());
    } else if (this instanceof Timeout t) {
      return Optional.of(t.detail());
    }
    return Optional.empty();
  }

  /** Returns the SOA of a negative answer (NODATA or NXDOMAIN) when the server sent one; empty otherwise. */
  default Optional<SoaRecord> negativeSoa() {
    if (this instanceof NoData n) {
      return n.soa();
    } else if (this instanceof NxDomain n) {
      return n.soa();
    }
    return Optional.empty();
  }

  /** Returns whether records were found. */
  default boolean isAnswer() {
    return this instanceof Answer;
  }

  /** Returns whether the lookup was void: NODATA or NXDOMAIN (RFC 7208 section 4.6.4). */
  default boolean isVoid() {
    return this instanceof NoData || this instanceof NxDomain;
  }

  /** Returns whether the lookup failed: SERVFAIL, REFUSED or a timeout (a temporary error). */
  default boolean isFailure() {
    return this instanceof ServFail || this instanceof Refused || this instanceof Timeout;
  }

  /** Returns the records of an answer (empty for any other outcome). */
  default List<DnsRecord> records() {
    return this instanceof Answer a ? a.answers() : List.of();
  }

  /** Returns the records of an answer that are of the given class, in order. */
  default <T extends DnsRecord> List<T> records(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (DnsRecord r : records()) {
      if (type.isInstance(r)) {
        out.add(type.cast(r));
      }
    }
    return out;
  }

  /**
   * Returns this outcome as the outcome of {@code query}, reached through the CNAMEs of {@code
   * prefix} before this outcome's own chain. Resolvers use it when they follow a CNAME with a new
   * question.
   */
  default DnsOutcome reachedVia(DnsQuery query, List<CnameRecord> prefix) {
    List<CnameRecord> chain = new ArrayList<>(prefix);
    chain.addAll(cnameChain());
    if (this instanceof Answer a) {
      return new Answer(query, chain, a.answers());
    } else if (this instanceof NoData n) {
      return new NoData(query, chain, n.soa());
    } else if (this instanceof NxDomain n) {
      return new NxDomain(query, chain, n.soa());
    } else if (this instanceof ServFail f) {
      return new ServFail(query, chain, f.detail());
    } else if (this instanceof Refused r) {
      return new Refused(query, chain, r.detail());
    }
    Timeout t = (Timeout) this;
    return new Timeout(query, chain, t.elapsed(), t.detail());
  }

  /**
   * Records exist: the answer section holds at least one record of the asked type.
   *
   * @param query the question
   * @param cnameChain CNAMEs followed, oldest first
   * @param answers the records of the asked type, owned by {@link #canonicalName()}
   */
  record Answer(DnsQuery query, List<CnameRecord> cnameChain, List<DnsRecord> answers) implements DnsOutcome {
    /**
     * Validates the answer.
     *
     * @throws IllegalArgumentException if {@code answers} is empty
     */
    public Answer {
      Objects.requireNonNull(query, "query");
      cnameChain = List.copyOf(cnameChain);
      answers = List.copyOf(answers);
      if (answers.isEmpty()) {
        throw new IllegalArgumentException("an answer has at least one record; use NoData");
      }
    }

    @Override
    public Kind kind() {
      return Kind.ANSWER;
    }

    /** Returns the smallest TTL of the answer and its CNAME chain, in seconds. */
    public long minTtl() {
      long min = Long.MAX_VALUE;
      for (DnsRecord r : answers) {
        min = Math.min(min, r.ttl());
      }
      for (DnsRecord r : cnameChain) {
        min = Math.min(min, r.ttl());
      }
      return min;
    }
  }

  /**
   * The name exists but has no records of the asked type.
   *
   * @param query the question
   * @param cnameChain CNAMEs followed, oldest first
   * @param soa the SOA record of the authority section, whose minimum bounds negative caching
   */
  record NoData(DnsQuery query, List<CnameRecord> cnameChain, Optional<SoaRecord> soa) implements DnsOutcome {
    /** Checks for null. */
    public NoData {
      Objects.requireNonNull(query, "query");
      cnameChain = List.copyOf(cnameChain);
      Objects.requireNonNull(soa, "soa");
    }

    @Override
    public Kind kind() {
      return Kind.NODATA;
    }
  }

  /**
   * The name (the last CNAME target, if any) does not exist.
   *
   * @param query the question
   * @param cnameChain CNAMEs followed, oldest first
   * @param soa the SOA record of the authority section, whose minimum bounds negative caching
   */
  record NxDomain(DnsQuery query, List<CnameRecord> cnameChain, Optional<SoaRecord> soa) implements DnsOutcome {
    /** Checks for null. */
    public NxDomain {
      Objects.requireNonNull(query, "query");
      cnameChain = List.copyOf(cnameChain);
      Objects.requireNonNull(soa, "soa");
    }

    @Override
    public Kind kind() {
      return Kind.NXDOMAIN;
    }
  }

  /**
   * The server failed: SERVFAIL, another error code, a malformed response, or a CNAME loop.
   *
   * @param query the question
   * @param cnameChain CNAMEs followed before the failure
   * @param detail what failed, for people
   */
  record ServFail(DnsQuery query, List<CnameRecord> cnameChain, String detail) implements DnsOutcome {
    /** Checks for null. */
    public ServFail {
      Objects.requireNonNull(query, "query");
      cnameChain = List.copyOf(cnameChain);
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public Kind kind() {
      return Kind.SERVFAIL;
    }
  }

  /**
   * The server refused the question (REFUSED).
   *
   * @param query the question
   * @param cnameChain CNAMEs followed before the refusal
   * @param detail which server refused, for people
   */
  record Refused(DnsQuery query, List<CnameRecord> cnameChain, String detail) implements DnsOutcome {
    /** Checks for null. */
    public Refused {
      Objects.requireNonNull(query, "query");
      cnameChain = List.copyOf(cnameChain);
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public Kind kind() {
      return Kind.REFUSED;
    }
  }

  /**
   * No answer arrived in time, or no server could be reached.
   *
   * @param query the question
   * @param cnameChain CNAMEs followed before the timeout
   * @param elapsed how long was waited
   * @param detail what timed out, for people
   */
  record Timeout(DnsQuery query, List<CnameRecord> cnameChain, Duration elapsed, String detail)
      implements DnsOutcome {
    /** Checks for null. */
    public Timeout {
      Objects.requireNonNull(query, "query");
      cnameChain = List.copyOf(cnameChain);
      Objects.requireNonNull(elapsed, "elapsed");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public Kind kind() {
      return Kind.TIMEOUT;
    }
  }
}
