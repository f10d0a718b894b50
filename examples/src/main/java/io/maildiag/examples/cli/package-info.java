/**
 * The {@code mail-diag} command line, built with picocli: {@link
 * io.maildiag.examples.cli.MailDiagCli} (the entry point; the jar starts from {@link
 * io.maildiag.examples.cli.Launcher}, which runs it), the shared conventions every
 * subcommand inherits ({@link io.maildiag.examples.cli.MailDiagCommand}, {@link
 * io.maildiag.examples.cli.OutputOptions}, {@link io.maildiag.examples.cli.ResolverOptions}, {@link
 * io.maildiag.examples.cli.ExitCodes}) and the subcommands. Opened to picocli, which reads the
 * annotated fields reflectively.
 */
package io.maildiag.examples.cli;
