/**
 * The diagnostics model shared by every mail-diag module: {@link io.maildiag.core.Diagnostic}
 * findings with stable {@link io.maildiag.core.DiagnosticCode codes}, {@link
 * io.maildiag.core.ParseResult parse results} that carry diagnostics instead of throwing, and the
 * {@link io.maildiag.core.Limits limits} that bound every analysis.
 *
 * <p>All types are immutable and safe for concurrent use, but for {@link
 * io.maildiag.core.Limits.Builder}, a mutable builder for one thread. No method accepts or returns
 * {@code null}; absent values are {@link java.util.Optional}.
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.core;
