/**
 * IP addresses and networks parsed from literals without any DNS lookup: {@link
 * io.maildiag.core.ip.IpAddress} and {@link io.maildiag.core.ip.IpNetwork}.
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.core.ip;
