/**
 * Helpers shared by the mail-diag modules; not part of the API (exported to the mail-diag modules
 * only, and free to change).
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.core.internal;
