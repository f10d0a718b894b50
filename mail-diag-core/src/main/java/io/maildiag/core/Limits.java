package io.maildiag.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds on the work one analysis may do: time, DNS lookups, input sizes. Every analysis in
 * mail-diag takes a {@code Limits} and turns "limit exceeded" into a result or a diagnostic, never
 * into a hang.
 *
 * <p>{@link #defaults()} follows the standards where they set a number (RFC 7208 section 4.6.4 for
 * SPF lookups) and otherwise picks values that real mail never reaches:
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>limit</th><th>default</th></tr>
 *   <tr><td>{@link #queryTimeout()}</td><td>{@value #DEFAULT_QUERY_TIMEOUT_SECONDS} s per DNS query (all retries included)</td></tr>
 *   <tr><td>{@link #totalTimeBudget()}</td><td>{@value #DEFAULT_TOTAL_TIME_BUDGET_SECONDS} s per analysis (RFC 7208 section 4.6.4 asks for at least 20 s)</td></tr>
 *   <tr><td>{@link #maxDnsLookups()}</td><td>{@value #DEFAULT_MAX_DNS_LOOKUPS} DNS-querying terms (RFC 7208 section 4.6.4)</td></tr>
 *   <tr><td>{@link #maxVoidLookups()}</td><td>{@value #DEFAULT_MAX_VOID_LOOKUPS} (RFC 7208 section 4.6.4)</td></tr>
 *   <tr><td>{@link #maxMxNames()}</td><td>{@value #DEFAULT_MAX_MX_NAMES} (RFC 7208 section 4.6.4)</td></tr>
 *   <tr><td>{@link #maxPtrNames()}</td><td>{@value #DEFAULT_MAX_PTR_NAMES} (RFC 7208 section 4.6.4)</td></tr>
 *   <tr><td>{@link #maxCnameChain()}</td><td>{@value #DEFAULT_MAX_CNAME_CHAIN} CNAMEs followed per question</td></tr>
 *   <tr><td>{@link #maxInputBytes()}</td><td>{@value #DEFAULT_MAX_INPUT_BYTES} bytes of one input (a message, a zone file, a report)</td></tr>
 *   <tr><td>{@link #maxHeaderBytes()}</td><td>{@value #DEFAULT_MAX_HEADER_BYTES} bytes of one header section</td></tr>
 *   <tr><td>{@link #maxHeaderFields()}</td><td>{@value #DEFAULT_MAX_HEADER_FIELDS} fields in one header section</td></tr>
 *   <tr><td>{@link #maxLineLength()}</td><td>{@value #DEFAULT_MAX_LINE_LENGTH} characters in one line</td></tr>
 *   <tr><td>{@link #maxReceivedHops()}</td><td>{@value #DEFAULT_MAX_RECEIVED_HOPS} Received fields</td></tr>
 *   <tr><td>{@link #maxMimeDepth()}</td><td>{@value #DEFAULT_MAX_MIME_DEPTH} levels of MIME nesting</td></tr>
 *   <tr><td>{@link #maxDiagnostics()}</td><td>{@value #DEFAULT_MAX_DIAGNOSTICS} diagnostics per parse</td></tr>
 * </table>
 *
 * @param queryTimeout the longest one DNS question may take, retries included
 * @param totalTimeBudget the longest one whole analysis may take
 * @param maxDnsLookups the most DNS-querying terms (SPF include, a, mx, ptr, exists, redirect)
 * @param maxVoidLookups the most DNS lookups that may return no answer (NODATA or NXDOMAIN)
 * @param maxMxNames the most MX names looked up for one {@code mx} term
 * @param maxPtrNames the most PTR names validated for one {@code ptr} term or {@code %{p}} macro
 * @param maxCnameChain the most CNAME records followed for one question
 * @param maxInputBytes the largest single input accepted
 * @param maxHeaderBytes the largest header section accepted
 * @param maxHeaderFields the most header fields accepted
 * @param maxLineLength the longest line accepted
 * @param maxReceivedHops the most Received fields analysed
 * @param maxMimeDepth the deepest MIME nesting followed
 * @param maxDiagnostics the most diagnostics one parse reports before it stops collecting
 * @since 0.1
 */
public record Limits(
    Duration queryTimeout,
    Duration totalTimeBudget,
    int maxDnsLookups,
    int maxVoidLookups,
    int maxMxNames,
    int maxPtrNames,
    int maxCnameChain,
    long maxInputBytes,
    int maxHeaderBytes,
    int maxHeaderFields,
    int maxLineLength,
    int maxReceivedHops,
    int maxMimeDepth,
    int maxDiagnostics) {

  /** Default per-query DNS timeout in seconds. */
  public static final int DEFAULT_QUERY_TIMEOUT_SECONDS = 5;
  /** Default time budget of one analysis in seconds. */
  public static final int DEFAULT_TOTAL_TIME_BUDGET_SECONDS = 20;
  /** Default limit on DNS-querying terms (RFC 7208 section 4.6.4). */
  public static final int DEFAULT_MAX_DNS_LOOKUPS = 10;
  /** Default limit on void lookups (RFC 7208 section 4.6.4). */
  public static final int DEFAULT_MAX_VOID_LOOKUPS = 2;
  /** Default limit on MX names per {@code mx} term (RFC 7208 section 4.6.4). */
  public static final int DEFAULT_MAX_MX_NAMES = 10;
  /** Default limit on PTR names (RFC 7208 section 4.6.4). */
  public static final int DEFAULT_MAX_PTR_NAMES = 10;
  /** Default limit on CNAMEs followed per question. */
  public static final int DEFAULT_MAX_CNAME_CHAIN = 8;
  /** Default limit on one input: 32 MiB. */
  public static final long DEFAULT_MAX_INPUT_BYTES = 32L * 1024 * 1024;
  /** Default limit on one header section: 1 MiB. */
  public static final int DEFAULT_MAX_HEADER_BYTES = 1024 * 1024;
  /** Default limit on header fields. */
  public static final int DEFAULT_MAX_HEADER_FIELDS = 2000;
  /** Default limit on one line: 64 KiB characters (RFC 5322 allows 998; real mail exceeds it). */
  public static final int DEFAULT_MAX_LINE_LENGTH = 65536;
  /** Default limit on Received hops. */
  public static final int DEFAULT_MAX_RECEIVED_HOPS = 100;
  /** Default limit on MIME nesting. */
  public static final int DEFAULT_MAX_MIME_DEPTH = 20;
  /** Default limit on diagnostics per parse. */
  public static final int DEFAULT_MAX_DIAGNOSTICS = 100;

  private static final Limits DEFAULTS = new Limits(
      Duration.ofSeconds(DEFAULT_QUERY_TIMEOUT_SECONDS),
      Duration.ofSeconds(DEFAULT_TOTAL_TIME_BUDGET_SECONDS),
      DEFAULT_MAX_DNS_LOOKUPS,
      DEFAULT_MAX_VOID_LOOKUPS,
      DEFAULT_MAX_MX_NAMES,
      DEFAULT_MAX_PTR_NAMES,
      DEFAULT_MAX_CNAME_CHAIN,
      DEFAULT_MAX_INPUT_BYTES,
      DEFAULT_MAX_HEADER_BYTES,
      DEFAULT_MAX_HEADER_FIELDS,
      DEFAULT_MAX_LINE_LENGTH,
      DEFAULT_MAX_RECEIVED_HOPS,
      DEFAULT_MAX_MIME_DEPTH,
      DEFAULT_MAX_DIAGNOSTICS);

  /**
   * Validates the limits.
   *
   * @throws IllegalArgumentException if a duration is not positive or a count is negative, naming
   *     the offending value
   */
  public Limits {
    requirePositive(queryTimeout, "queryTimeout");
    requirePositive(totalTimeBudget, "totalTimeBudget");
    requireNonNegative(maxDnsLookups, "maxDnsLookups");
    requireNonNegative(maxVoidLookups, "maxVoidLookups");
    requireNonNegative(maxMxNames, "maxMxNames");
    requireNonNegative(maxPtrNames, "maxPtrNames");
    requireNonNegative(maxCnameChain, "maxCnameChain");
    requireNonNegative(maxInputBytes, "maxInputBytes");
    requireNonNegative(maxHeaderBytes, "maxHeaderBytes");
    requireNonNegative(maxHeaderFields, "maxHeaderFields");
    requireNonNegative(maxLineLength, "maxLineLength");
    requireNonNegative(maxReceivedHops, "maxReceivedHops");
    requireNonNegative(maxMimeDepth, "maxMimeDepth");
    requireNonNegative(maxDiagnostics, "maxDiagnostics");
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
  }

  private static void requireNonNegative(long v, String name) {
    if (v < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + v);
    }
  }

  /** Returns the documented defaults. */
  public static Limits defaults() {
    return DEFAULTS;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder(DEFAULTS);
  }

  /** Returns a builder starting from these limits. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Builds {@link Limits}. Each setter checks its value at once. Not safe for concurrent use.
   *
   * @since 0.1
   */
  public static final class Builder {
    private Duration queryTimeout;
    private Duration totalTimeBudget;
    private int maxDnsLookups;
    private int maxVoidLookups;
    private int maxMxNames;
    private int maxPtrNames;
    private int maxCnameChain;
    private long maxInputBytes;
    private int maxHeaderBytes;
    private int maxHeaderFields;
    private int maxLineLength;
    private int maxReceivedHops;
    private int maxMimeDepth;
    private int maxDiagnostics;

    private Builder(Limits from) {
      queryTimeout = from.queryTimeout;
      totalTimeBudget = from.totalTimeBudget;
      maxDnsLookups = from.maxDnsLookups;
      maxVoidLookups = from.maxVoidLookups;
      maxMxNames = from.maxMxNames;
      maxPtrNames = from.maxPtrNames;
      maxCnameChain = from.maxCnameChain;
      maxInputBytes = from.maxInputBytes;
      maxHeaderBytes = from.maxHeaderBytes;
      maxHeaderFields = from.maxHeaderFields;
      maxLineLength = from.maxLineLength;
      maxReceivedHops = from.maxReceivedHops;
      maxMimeDepth = from.maxMimeDepth;
      maxDiagnostics = from.maxDiagnostics;
    }

    /** Sets {@link Limits#queryTimeout()}; must be positive. */
    public Builder queryTimeout(Duration value) {
      requirePositive(value, "queryTimeout");
      queryTimeout = value;
      return this;
    }

    /** Sets {@link Limits#totalTimeBudget()}; must be positive. */
    public Builder totalTimeBudget(Duration value) {
      requirePositive(value, "totalTimeBudget");
      totalTimeBudget = value;
      return this;
    }

    /** Sets {@link Limits#maxDnsLookups()}. */
    public Builder maxDnsLookups(int value) {
      requireNonNegative(value, "maxDnsLookups");
      maxDnsLookups = value;
      return this;
    }

    /** Sets {@link Limits#maxVoidLookups()}. */
    public Builder maxVoidLookups(int value) {
      requireNonNegative(value, "maxVoidLookups");
      maxVoidLookups = value;
      return this;
    }

    /** Sets {@link Limits#maxMxNames()}. */
    public Builder maxMxNames(int value) {
      requireNonNegative(value, "maxMxNames");
      maxMxNames = value;
      return this;
    }

    /** Sets {@link Limits#maxPtrNames()}. */
    public Builder maxPtrNames(int value) {
      requireNonNegative(value, "maxPtrNames");
      maxPtrNames = value;
      return this;
    }

    /** Sets {@link Limits#maxCnameChain()}. */
    public Builder maxCnameChain(int value) {
      requireNonNegative(value, "maxCnameChain");
      maxCnameChain = value;
      return this;
    }

    /** Sets {@link Limits#maxInputBytes()}. */
    public Builder maxInputBytes(long value) {
      requireNonNegative(value, "maxInputBytes");
      maxInputBytes = value;
      return this;
    }

    /** Sets {@link Limits#maxHeaderBytes()}. */
    public Builder maxHeaderBytes(int value) {
      requireNonNegative(value, "maxHeaderBytes");
      maxHeaderBytes = value;
      return this;
    }

    /** Sets {@link Limits#maxHeaderFields()}. */
    public Builder maxHeaderFields(int value) {
      requireNonNegative(value, "maxHeaderFields");
      maxHeaderFields = value;
      return this;
    }

    /** Sets {@link Limits#maxLineLength()}. */
    public Builder maxLineLength(int value) {
      requireNonNegative(value, "maxLineLength");
      maxLineLength = value;
      return this;
    }

    /** Sets {@link Limits#maxReceivedHops()}. */
    public Builder maxReceivedHops(int value) {
      requireNonNegative(value, "maxReceivedHops");
      maxReceivedHops = value;
      return this;
    }

    /** Sets {@link Limits#maxMimeDepth()}. */
    public Builder maxMimeDepth(int value) {
      requireNonNegative(value, "maxMimeDepth");
      maxMimeDepth = value;
      return this;
    }

    /** Sets {@link Limits#maxDiagnostics()}. */
    public Builder maxDiagnostics(int value) {
      requireNonNegative(value, "maxDiagnostics");
      maxDiagnostics = value;
      return this;
    }

    /** Returns the limits. */
    public Limits build() {
      return new Limits(queryTimeout, totalTimeBudget, maxDnsLookups, maxVoidLookups, maxMxNames,
          maxPtrNames, maxCnameChain, maxInputBytes, maxHeaderBytes, maxHeaderFields, maxLineLength,
          maxReceivedHops, maxMimeDepth, maxDiagnostics);
    }
  }
}
