/**
 * RFC 5321 mailboxes: {@link io.maildiag.core.mail.MailAddress} with a {@link
 * io.maildiag.core.mail.MailDomain} that is a domain name or an address literal.
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.core.mail;
