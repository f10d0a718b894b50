/**
 * Validated, normalised DNS domain names: {@link io.maildiag.core.domain.DomainName}.
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.core.domain;
