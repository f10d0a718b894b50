/**
 * The optional Jakarta Mail adapter: {@link io.maildiag.headers.mail.JakartaMailHeaders} turns the
 * header of a {@code jakarta.mail.Part} into a {@link io.maildiag.headers.HeaderSection}. This is the
 * only package that uses Jakarta Mail types.
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.headers.mail;
