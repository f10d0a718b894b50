package io.maildiag.ndr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.Provider;
import io.maildiag.ndr.code.ReplyCode;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One row per wording: the diagnostic texts are written for these tests in the style of the
 * mail systems named in the comments (several systems per reason), not copied from a corpus.
 * Each row gives the status and reply code the reply would carry.
 */
class ReasonClassifierTest {

  static Stream<Arguments> wordings() {
    return Stream.of(
        // USER_UNKNOWN
        row(Reason.USER_UNKNOWN, "5.1.1", 550, "<jane@example.com>: Recipient address rejected: User unknown in local recipient table"), // Postfix
        row(Reason.USER_UNKNOWN, "5.1.1", 550, "550-5.1.1 The email account that you tried to reach does not exist. Please try\n 550-5.1.1 double-checking the recipient's email address for typos"), // Gmail
        row(Reason.USER_UNKNOWN, "5.1.10", 550, "RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"), // Exchange Online
        row(Reason.USER_UNKNOWN, null, null, "Sorry, no mailbox here by that name. (#5.1.1)"), // qmail
        row(Reason.USER_UNKNOWN, null, 550, "No Such User Here"), // Exim / cPanel
        row(Reason.USER_UNKNOWN, "5.0.0", 554, "delivery error: dd This user doesn't have a yahoo.com account (bob@yahoo.com) [0] - mta1.mail.example"), // Yahoo
        row(Reason.USER_UNKNOWN, "5.1.1", 550, "<bob@example.org> User doesn't exist: bob@example.org"), // Dovecot LMTP
        row(Reason.USER_UNKNOWN, null, 553, "Invalid recipient bob@example.org"),
        row(Reason.USER_UNKNOWN, null, null, "Invalid final delivery userid: bob@example.org"), // IMail
        row(Reason.USER_UNKNOWN, "5.0.0", null, "\u30e6\u30fc\u30b6\u30fc Bob (bob@example.co.jp) \u306f Domino "
            + "\u30c7\u30a3\u30ec\u30af\u30c8\u30ea\n \u306b\u306f\u898b\u3064\u304b\u308a\u307e\u305b\u3093\u3002"), // Domino, folded
        row(Reason.USER_UNKNOWN, null, null, "\u30c7\u30a3\u30ec\u30af\u30c8\u30ea\u306e\u30ea\u30b9\u30c8\u306b"
            + "\u3042\u308a\u307e\u305b\u3093"), // Notes
        row(Reason.USER_UNKNOWN, null, 550, "550-bob@example.net is not an active address at this host (invalid username)"),
        row(Reason.USER_UNKNOWN, "5.5.0", 550, "Requested action not taken: mailbox unavailable"), // Outlook.com
        row(Reason.USER_UNKNOWN, null, null, "The recipient name is not recognized"), // Exchange 2003
        row(Reason.USER_UNKNOWN, "5.1.1", 550, "Adresse destinataire invalide. Invalid recipient."), // French ISP
        // HOST_UNKNOWN
        row(Reason.HOST_UNKNOWN, "5.4.4", null, "Host or domain name not found. Name service error for name=example.invalid type=A: Host not found"), // Postfix
        row(Reason.HOST_UNKNOWN, null, null, "Sorry, I couldn't find any host named example.invalid. (#5.1.2)"), // qmail
        row(Reason.HOST_UNKNOWN, null, null, "Unrouteable address"), // Exim
        row(Reason.HOST_UNKNOWN, "5.0.0", null, "redacted@example.com: no valid MX hosts found"), // Exim, Nemesis
        row(Reason.HOST_UNKNOWN, null, 550, "550 Mail domain mentioned in email address is unknown"),
        row(Reason.NO_RELAYING, null, null, "Mailing to remote domains not supported"), // Exim, local delivery only
        // Exim's own messages (exim/src): its lookups, its local transports
        row(Reason.HOST_UNKNOWN, null, null, "all host address lookups failed permanently"),
        row(Reason.NOT_ACCEPTING, null, null, "no host found for existing SMTP connection"),
        row(Reason.SYSTEM_ERROR, null, null, "delivery to file forbidden"),
        row(Reason.SYSTEM_ERROR, null, null, "delivery to pipe forbidden"),
        // qmail's and qmail-ldap's own messages
        row(Reason.USER_UNKNOWN, null, null, "192.0.2.1 does not like recipient."),
        row(Reason.SYSTEM_ERROR, null, null, "/usr/bin/procmail: bad interpreter: No such file or directory"),
        row(Reason.SYSTEM_ERROR, "4.2.1", null, "Unable to chdir to maildir. (#4.2.1)"),
        row(Reason.SYSTEM_ERROR, "4.4.3", null, "Timeout while performing search on LDAP server (#4.4.3)"),
        row(Reason.SYSTEM_ERROR, "5.3.5", null, "Too many results returned but needs to be unique (#5.3.5)"),
        row(Reason.SYSTEM_FULL, null, 550, "Requested action not taken: mailbox unavailable (not enough free space)"),
        // local faults whose words would be read as another reason
        row(Reason.SYSTEM_ERROR, null, 554, "554 5.3.0 aliasing/forwarding loop broken"), // sendmail
        row(Reason.SYSTEM_ERROR, null, 554, "554 it would create a mail loop"),
        row(Reason.SYSTEM_ERROR, null, null, "Recipient deferred because there is no Mdb"), // Exchange
        row(Reason.SYSTEM_ERROR, null, null, "unable to connect to the clamd daemon"),
        row(Reason.EXPIRED, null, null, "unable to connect to mx.example.com"),
        // OpenSMTPD's own relay failures (smtpd/mta.c), in a final report without a code
        row(Reason.NOT_ACCEPTING, null, null, "Destination seem to reject all mails"),
        row(Reason.NOT_ACCEPTING, "5.1.10", 556, "556 5.1.10 Recipient address has null MX"), // RFC 7505
        // RFC 7505's other code: the sender's domain has the null MX, so the sender is refused
        row(Reason.REJECTED, "5.7.27", 550, "550 5.7.27 Sender address has null MX"),
        // the check that refused names the reason, not the word "blocked"
        row(Reason.AUTH_FAILURE, "5.7.1", 550, "550 5.7.1 Blocked by SPF"),
        row(Reason.AUTH_FAILURE, "5.7.1", 550, "550 5.7.1 Message rejected by DMARC"),
        row(Reason.BLOCKED, "5.7.1", 550, "550 5.7.1 Connection blocked by SPF-BL.net"), // a block list
        row(Reason.BAD_REPUTATION, "5.7.1", 550, "550 5.7.1 Sender IP reputation is too low"),
        row(Reason.CONTENT_ERROR, "5.7.1", 550, "550 5.7.1 Message rejected: suspicious attachment"),
        row(Reason.SPAM_DETECTED, "5.7.1", 550, "550 5.7.1 Your message contains a URL on a blocklist"),
        row(Reason.AUTH_FAILURE, "5.7.1", 550, "550 5.7.1 Message rejected due to SPF policy"),
        row(Reason.AUTH_FAILURE, "5.7.1", 550, "550 5.7.1 SPF: 192.0.2.1 is not allowed to send mail from example.com"),
        row(Reason.FILTERED, "5.7.1", 550,
            "550 5.7.1 Unable to deliver to bob@example.org: the recipient's mailbox is not accepting messages from you"),
        row(Reason.BLOCKED, "4.7.0", 421, "421 4.7.0 IP not in whitelist for RCPT domain, closing connection."),
        row(Reason.NOT_RFC_COMPLIANT, "5.6.0", 550, "550 5.6.0 Message headers fail syntax check"),
        row(Reason.SPAM_DETECTED, "5.7.1", 554, "554 5.7.1 Service unavailable; message contains a URL listed in dbl.spamhaus.org"),
        row(Reason.RATE_LIMITED, "4.7.1", 450, "450 4.7.1 Error: too much mail from 192.0.2.1"), // Postfix's anvil
        row(Reason.CONTENT_ERROR, "5.7.0", 554, "554 5.7.0 Reject, id=12345-02 - BANNED: P=p002,L=1/2,"
            + "M=application/x-msdownload,T=exe,N=invoice.exe"), // amavis
        row(Reason.AUTH_FAILURE, "5.7.1", 550, "550 5.7.1 Sender domain does not pass DMARC"),
        row(Reason.NOT_RFC_COMPLIANT, "5.6.11", 550, "550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare"
            + " linefeeds, which cannot be sent via DATA"),
        row(Reason.REJECTED, "5.7.129", 550, "550 5.7.129 RESOLVER.RST.RestrictedToRecipientsPermission; not authorized"
            + " to send to this recipient"),
        row(Reason.NOT_RFC_COMPLIANT, "5.7.1", 550, "550 5.7.1 Blocked: message header From is missing"),
        // the reason follows "rejected by recipient domain"
        row(Reason.BAD_REPUTATION, "5.7.1", 554, "554 5.7.1 Rejected by recipient domain due to poor reputation of sending IP."
            + " See https://ipcheck.proofpoint.com/?ip=192.0.2.1"),
        // a recipient's null MX that names the sender too stays the recipient's
        row(Reason.NOT_ACCEPTING, "5.0.0", null, "Delivery from sender <a@b.example> to <c@nullmx.example> impossible: null MX (RFC 7505)"),
        row(Reason.NETWORK_ERROR, null, null, "No valid route to destination"),
        row(Reason.NETWORK_ERROR, null, null, "All routes to destination blocked"),
        row(Reason.NETWORK_ERROR, null, null, "bad DNS lookup error code"),
        row(Reason.EXPIRED, null, null, "Temporary failure in MX lookup"),
        row(Reason.SECURITY_ERROR, null, null, "Could not retrieve credentials"),
        row(Reason.HOST_UNKNOWN, "5.1.2", 550, "Host unknown (Name server: example.invalid: host not found)"), // Sendmail
        row(Reason.HOST_UNKNOWN, "5.1.2", 550, "DNS Error: DNS type 'mx' lookup of example.invalid responded with code NXDOMAIN"),
        // MAILBOX_FULL
        row(Reason.MAILBOX_FULL, "5.2.2", 552, "<x@example.com>: Recipient address rejected: Mailbox is full"),
        row(Reason.MAILBOX_FULL, "4.2.2", 452, "452-4.2.2 The email account that you tried to reach is over quota. Please direct\n452-4.2.2 the recipient to ..."), // Gmail
        row(Reason.MAILBOX_FULL, "5.2.2", 552, "Quota exceeded (mailbox for user is full)"), // Dovecot
        row(Reason.MAILBOX_FULL, "5.2.2", 554, "mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded"), // Exchange
        row(Reason.MAILBOX_FULL, null, null, "user is over quota"), // vpopmail
        row(Reason.MAILBOX_FULL, null, 552, "552 mail file size exceeds the maximum size allowed for mail delivery"),
        row(Reason.MAILBOX_FULL, null, 552, "552 account is exceeding their quota"),
        row(Reason.MAILBOX_FULL, "5.2.0", 522, "Delivery failed: Over quota"), // Sun messaging server
        row(Reason.MAILBOX_FULL, null, null, "The e-mail message could not be delivered because the user's mailfolder is full."),
        // SUSPENDED
        row(Reason.SUSPENDED, "5.2.1", 550, "550-5.2.1 The email account that you tried to reach is disabled. Learn more at"), // Gmail
        row(Reason.SUSPENDED, "5.0.0", 554, "delivery error: dd Sorry your message to x cannot be delivered. This account has been disabled or discontinued [#102]."), // Yahoo
        row(Reason.SUSPENDED, null, null, "vdelivermail: account is locked email bounced"), // vpopmail
        row(Reason.SUSPENDED, null, null, "Esta casilla ha expirado por falta de uso."),
        row(Reason.SUSPENDED, "5.2.1", 550, "Mailbox has expired due to inactivity"),
        row(Reason.SUSPENDED, null, 550, "La cuenta de correo esta inactiva"),
        row(Reason.EXPIRED, null, null, "Delivery failed 20 attempts: x@example.org"), // IMail
        row(Reason.SYSTEM_ERROR, "5.0.0", null,
            "Recipient user name info (info@example.com) not unique.  Several matches found in Domino Directory."),
        row(Reason.USER_UNKNOWN, "5.0.0", null, "Usuario x (x@example.com) no se encuentra en el Directorio de Domino"),
        row(Reason.USER_UNKNOWN, "5.0.0", null, "Utilisateur x (x@example.com) non r\u00e9pertori\u00e9 dans l'annuaire Domino"),
        row(Reason.FILTERED, "5.0.0", null, "Cannot route mail to user (x@example.com)"),
        row(Reason.USER_UNKNOWN, "5.0.0", 550, "550 Recipient address ambiguous"),
        row(Reason.USER_UNKNOWN, "5.0.0", null, "Benutzer x (x@example.com) nicht im Domino-Verzeichnis aufgef\u00fchrt"), // Domino, German
        row(Reason.NOT_RFC_COMPLIANT, "5.0.0", null, "Messages without To: fields are not accepted here"), // CommuniGate Pro
        row(Reason.BLOCKED, "5.0.0", 550, "550 zen.spamhaus.org Listed by CSS"),
        row(Reason.REJECTED, "5.4.1", 541, "541 5.4.1 Mail rejected by destination domain (in reply to RCPT TO command)"),
        // sender-side refusals: the sender's address, domain or account, not the client host
        row(Reason.REJECTED, "5.7.1", 550, "550 5.7.1 can't determine Purported Responsible Address (in reply to DATA command)"),
        row(Reason.REJECTED, "5.0.0", 550, "550 'x@example.com' is not a registered gateway user"),
        row(Reason.REJECTED, null, 550, "550 Sending domain example.org is blacklisted"),
        row(Reason.REJECTED, null, 553, "553 Sender is in my black list"),
        row(Reason.REJECTED, null, 550, "550 Your access to submit messages to this e-mail system has been rejected"),
        row(Reason.REJECTED, null, 554, "554 Email address is on SenderFilterConfig list"),
        row(Reason.BLOCKED, "5.5.0", 554, "554 st11p00im-smtpin013.me.com ESMTP not accepting connections"),
        row(Reason.BLOCKED, "5.0.0", 550, "550 Your server requires confirmation. Visit http://example.com/Whitelist.aspx"),
        row(Reason.BLOCKED, null, 554, "554 Server IP 192.0.2.1 listed as abusive"),
        row(Reason.BLOCKED, null, 550, "550 We do not accept mail from dynamic IPs"),
        row(Reason.BLOCKED, null, 554, "554 Rejected, see http://dsbl.org/listing?192.0.2.1"),
        row(Reason.EXPIRED, null, null, "We have already made numerous attempts to deliver this message. Giving up."),
        row(Reason.EXPIRED, null, null, "Message will be retried for 2 more day(s)"), // a delay warning, no cause named
        row(Reason.EXPIRED, null, null, "It will be retried until it is 4 day(s) old."),
        row(Reason.MAILBOX_FULL, null, 452, "452 Mailbox full. It will be retried until it is 4 day(s) old."),
        row(Reason.BLOCKED, "5.0.0", 550, "550-192.0.2.1 is not allowed to send mail from lists.example.net. Help 550 at www.example.info"),
        row(Reason.RATE_LIMITED, "4.0.0", 451, "451-192.0.2.1 is not yet authorized to deliver mail from 451-<a@example.net> to "
            + "451 <b@example.org>. Please try later."), // greylisting
        row(Reason.SPAM_DETECTED, "5.0.0", 550, "550 Message refused by MailMarshal SpamProfiler (in reply to end of DATA command)"),
        row(Reason.SPAM_DETECTED, null, 550, "550 Blocked by SpamAssassin"),
        row(Reason.USER_UNKNOWN, "5.3.0", 553, "553 5.3.0 <x@example.com>... Unknown E-Mail Address (in reply to RCPT TO command)"),
        row(Reason.USER_UNKNOWN, null, 550, "550 Address not present in directory"),
        row(Reason.USER_UNKNOWN, null, 550, "550 There is no one at this address"),
        row(Reason.POLICY_VIOLATION, null, 550, "550 The recipient is not accepting mail with attachments"),
        row(Reason.RATE_LIMITED, null, 450, "450 x@example.com has exceeded the max emails per hour (100) allowed"),
        row(Reason.NO_RELAYING, null, 550, "550 Relaying mail to example.org is not permitted"),
        row(Reason.SECURITY_ERROR, null, 535, "535 Authentification invalide. Invalid authentication."),
        row(Reason.REJECTED, null, null, "Sorry, you are sending to/from an address that has been blacklisted"), // Exim
        row(Reason.REJECTED, null, 550, "550 Error: no third-party DSNs"),
        row(Reason.REJECTED, null, 550, "550 Domain may not exist or DNS check failed [MGf//zZe IP: 192.0.2.3]. "
            + "(in reply to end of DATA command)"), // QQ Mail, of the sender's domain
        row(Reason.REJECTED, "5.1.1", 510, "510 5.1.1 Your email address, x@example.com, is not subscribed to that group. "
            + "To subscribe, send an email to g+subscribe@groups.io"),
        row(Reason.REJECTED, null, 553, "553 MX records for example.org violate section 3.3.9 of RFC 1035"),
        row(Reason.SUSPENDED, null, 550, "550 Due to extended inactivity new mail is not currently being accepted for this mailbox"),
        row(Reason.SUSPENDED, null, 550, "550 x@example.net is currently suspended"),
        row(Reason.SUSPENDED, "5.2.1", 550, "550 5.2.1 This mailbox has been blocked due to inactivity (in reply to RCPT TO command)"),
        row(Reason.POLICY_VIOLATION, null, 550, "550 We do not accept messages containing images or other attachments"),
        row(Reason.REQUIRE_PTR, "4.0.0", 554, "refused to talk to me: 554-mail.example (mx02) Nemesis ESMTP Service not "
            + "available 554-No SMTP service 554-Bad DNS PTR resource record."),
        row(Reason.NOT_ACCEPTING, "5.1.10", 556, "556 5.1.10 Recipient address rejected: MX or SRV record indicated no SMTP service"),
        row(Reason.EXPIRED, null, null, "The following mail could not be delivered. Reason: Exceeded Maximum Delivery Attempts."),
        row(Reason.NOT_RFC_COMPLIANT, null, 554, "host mail.example.com[192.0.2.2] said: 554 No Resent-From field given"),
        row(Reason.NETWORK_ERROR, null, null, "host mx.example.de[192.0.2.3]: connection to mail exchanger failed",
            "delayed"),
        // a loop is found on the first attempt: no code and a final report do not make it "expired"
        row(Reason.NETWORK_ERROR, null, null, "Mail Loop Detected. Requested action aborted: Mail loop detected"),
        row(Reason.NETWORK_ERROR, null, 554, "554 Too many hops"),
        row(Reason.NETWORK_ERROR, "5.4.6", 554, "554 5.4.6 mail forwarding loop for x@example.com"), // Postfix
        row(Reason.NETWORK_ERROR, null, null, "maximum forwarding loop count exceeded"),
        row(Reason.EXPIRED, null, null, "Connection timed out"),
        // Exim's delay warning without a reason: the time on the queue, as the other delay warnings
        row(Reason.EXPIRED, null, null, "A message that you sent has not yet been delivered to one or more of its "
            + "recipients after more than 48 hours on the queue on mx.example.org.", "delayed"),
        row(Reason.EXPIRED, null, null, "Connection was dropped by remote host (SENT_HELO)"), // Gmail, final
        row(Reason.NETWORK_ERROR, null, null, "Connection was dropped by remote host (SENT_HELO)", "delayed"),
        row(Reason.USER_UNKNOWN, "5.1.1", 550, "Delivery failed 3 attempts: x@example.org: user unknown"),
        row(Reason.SUSPENDED, "5.7.13", 525, "<x@example.net>: Recipient address rejected: User account disabled"),
        row(Reason.SUSPENDED, "5.2.1", 550, "The email account that you tried to reach is inactive."),
        row(Reason.SUSPENDED, "5.2.1", 550, "Mailbox has been suspended"),
        row(Reason.SUSPENDED, null, 550, "550 x@example.com is a deactivated mailbox"),
        row(Reason.EXPIRED, null, null, "Could not find a gateway for example.com"),
        row(Reason.EXPIRED, null, null, "Failed to deliver to domain example.com after 5 tries"),
        row(Reason.SUSPENDED, "5.7.13", 525, "525 5.7.13 Disabled recipient address (in reply to RCPT TO command)"),
        row(Reason.SUSPENDED, "5.5.0", 550, "550 5.5.0 Le compte du destinataire est bloque. The recipient account is blocked."), // La Poste
        row(Reason.SUSPENDED, null, 550, "550 The recipient's account is blocked"),
        // HAS_MOVED
        row(Reason.HAS_MOVED, null, 551, "User not local; please try <new@example.org>"), // RFC 5321 wording
        row(Reason.HAS_MOVED, "5.1.6", 550, "Recipient mailbox has moved, no forwarding address"),
        row(Reason.HAS_MOVED, null, 551, "not our customer"),
        // NOT_ACCEPTING
        row(Reason.NOT_ACCEPTING, "5.1.10", 556, "Recipient address has null MX"),
        row(Reason.NOT_ACCEPTING, "5.0.0", null, "The domain example.com doesn't receive email according to the administrator: returned Null MX"), // Gmail
        row(Reason.NOT_ACCEPTING, null, null, "an MX or SRV record indicated no SMTP service"), // Exim
        row(Reason.NOT_ACCEPTING, "4.0.0", null, "No MX found for domain"), // OpenSMTPD
        // Postfix: a DNS answer of "try again" is a temporary failure, "Host not found" alone the name's absence
        // (in a final report too: the failure the report names, not the queue's end)
        row(Reason.NETWORK_ERROR, null, null, "Name service error for domain example.com: Host not found, try again",
            "delayed"),
        row(Reason.NETWORK_ERROR, null, null, "Name service error for domain example.com: Host not found, try again"),
        row(Reason.NETWORK_ERROR, null, null, "lost connection with mx2.example.com[192.0.2.1] while performing the HELO handshake"),
        row(Reason.NETWORK_ERROR, "4.4.1", null, "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1) I'm not going to try again"),
        row(Reason.EXPIRED, null, null, "connect to mx.example.com[192.0.2.1]:25: Connection timed out"),
        row(Reason.HOST_UNKNOWN, null, null, "Name service error for domain example.com: Host not found"),
        // Postfix without null-MX support, for an MX record of "." (RFC 7505); for an address record, a bad answer
        row(Reason.NOT_ACCEPTING, "5.4.4", null, "Name service error for name=example.org type=MX: Malformed or unexpected name server reply"),
        row(Reason.NETWORK_ERROR, "4.4.3", null, "Name service error for name=example.org type=MX: Malformed or unexpected name server reply",
            "delayed"),
        row(Reason.HOST_UNKNOWN, "5.4.4", null, "Name service error for name=mx.example.org type=A: Malformed or unexpected name server reply"),
        row(Reason.NOT_ACCEPTING, "5.7.27", 550, "Host does not accept mail"),
        // FILTERED
        row(Reason.FILTERED, "5.7.1", 550, "Message rejected by the recipient's content filter"),
        row(Reason.FILTERED, "5.7.1", 550, "The recipient has blocked messages from your address"),
        row(Reason.FILTERED, "5.7.1", 554, "The recipient does not wish to receive mail from you"),
        // REJECTED
        row(Reason.REJECTED, "5.1.8", 553, "<root@host.invalid>... Domain of sender address root@host.invalid does not exist"), // Sendmail
        row(Reason.REJECTED, "5.1.7", 501, "<bad sender>: Bad sender address syntax"),
        row(Reason.REJECTED, "5.7.1", 550, "<x@example.org>: Sender address rejected: Access denied"), // Postfix
        row(Reason.REJECTED, null, 550, "Verification failed for <x@example.org>: Sender verify failed"), // Exim
        row(Reason.REJECTED, null, 553, "sorry, your envelope sender domain must exist (#5.7.1)"), // qmail
        // BLOCKED
        row(Reason.BLOCKED, "5.7.1", 554, "Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1"), // Postfix RBL
        row(Reason.BLOCKED, "5.7.1", 553, "[BL21] Connections will not be accepted from 192.0.2.1, because the ip is in Spamhaus's list"),
        row(Reason.BLOCKED, "5.7.1", 550, "Mail from 192.0.2.1 refused, see http://www.spamcop.net/bl.shtml?192.0.2.1"),
        row(Reason.BLOCKED, null, 550, "SC-001 (BAY0-MC1-F1) Unfortunately, messages from 192.0.2.1 weren't sent. Please contact your Internet service provider since part of their network is on our block list."), // Hotmail
        row(Reason.BLOCKED, "5.7.606", 550, "Access denied, banned sending IP [192.0.2.1]"),
        row(Reason.BLOCKED, null, 554, "Your IP address 192.0.2.1 is listed in the Barracuda Reputation Block List"),
        // BAD_REPUTATION
        row(Reason.BAD_REPUTATION, "4.7.0", 421, "[TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints"), // Yahoo
        row(Reason.BAD_REPUTATION, "5.7.1", 550, "Our system has detected that this message is likely suspicious due to the very low reputation of the sending IP address."), // Gmail
        row(Reason.BAD_REPUTATION, "5.7.1", 554, "Message refused because of the poor reputation of the sending domain"),
        // REQUIRE_PTR
        row(Reason.REQUIRE_PTR, "4.7.1", 450, "Client host rejected: cannot find your hostname, [192.0.2.1]"), // Postfix
        row(Reason.REQUIRE_PTR, "5.7.25", 550, "The IP address sending this message does not have a PTR record setup"), // Gmail
        row(Reason.REQUIRE_PTR, null, 450, "SMTP error from remote mail server after MAIL FROM:<a@example.com> SIZE=1024:"
            + " 450 service permits 2 unverifyable sending IPs - example.com is not 192.0.2.1", "delayed"),
        row(Reason.REQUIRE_PTR, "5.7.1", 554, "Reverse DNS lookup for host 192.0.2.1 failed permanently"),
        row(Reason.REQUIRE_PTR, null, 550, "This system will not accept messages from servers/devices with no reverse DNS"),
        row(Reason.REQUIRE_PTR, null, 554, "All mail servers must have a PTR record with a valid Reverse DNS entry"),
        // AUTH_FAILURE
        row(Reason.AUTH_FAILURE, "5.7.26", 550, "Unauthenticated email from example.com is not accepted due to domain's DMARC policy."), // Gmail
        row(Reason.AUTH_FAILURE, "5.7.509", 550, "Access denied, sending domain EXAMPLE.COM does not pass DMARC verification and has a DMARC policy of reject."),
        row(Reason.AUTH_FAILURE, "5.7.23", 550, "The message was rejected because of Sender Policy Framework violation"),
        row(Reason.AUTH_FAILURE, null, 550, "SPF check failed: 192.0.2.1 is not allowed to send mail from example.com"),
        row(Reason.AUTH_FAILURE, "5.7.1", 550, "Email rejected per DMARC policy for example.com"), // Zoho
        row(Reason.AUTH_FAILURE, "5.7.20", 550, "Message does not pass DKIM validation"),
        row(Reason.AUTH_FAILURE, null, 550, "Bad SPF records for [mail.example.net:198.51.100.7], see http://spf.pobox.com/why.html"),
        // NOT_RFC_COMPLIANT
        row(Reason.NOT_RFC_COMPLIANT, "5.7.1", 550, "Our system has detected that this message is not RFC 5322 compliant. To reduce the amount of spam sent to Gmail, this message has been blocked."),
        row(Reason.NOT_RFC_COMPLIANT, "5.7.1", 550, "Messages missing a valid Message-ID header are not accepted."),
        row(Reason.NOT_RFC_COMPLIANT, "5.0.0", 554, "Transaction failed: Duplicate header 'Subject'."), // Amazon SES
        row(Reason.NOT_RFC_COMPLIANT, "5.6.0", 554, "Message contains bare LF characters"),
        // POLICY_VIOLATION
        row(Reason.POLICY_VIOLATION, "5.7.9", 554, "Message not accepted for policy reasons."), // Yahoo
        row(Reason.POLICY_VIOLATION, "5.7.1", 550, "Message rejected due to local policy"),
        row(Reason.POLICY_VIOLATION, "5.7.1", 554, "Your message violates our acceptable use policy"),
        // SPAM_DETECTED
        row(Reason.SPAM_DETECTED, "5.7.1", 550, "Message rejected as spam by Content Filtering."),
        row(Reason.SPAM_DETECTED, "5.7.1", 550, "Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked."),
        row(Reason.SPAM_DETECTED, "5.7.0", 554, "Reject, id=12345-01 - SPAM"), // amavisd
        row(Reason.SPAM_DETECTED, "5.7.1", 550, "Message content rejected, UBE, id=00000-01"), // Barracuda
        // VIRUS_DETECTED
        row(Reason.VIRUS_DETECTED, "5.7.0", 550, "Virus found: Eicar-Test-Signature"), // ClamAV milter
        row(Reason.VIRUS_DETECTED, "5.7.1", 554, "Message rejected: malware detected in attachment"),
        row(Reason.VIRUS_DETECTED, null, 554, "The message contains an infected file and was rejected"),
        // SECURITY_ERROR
        row(Reason.SECURITY_ERROR, "5.7.0", 530, "Authentication Required"),
        row(Reason.SECURITY_ERROR, "5.7.8", 535, "Authentication credentials invalid"),
        row(Reason.SECURITY_ERROR, null, 550, "Unauthenticated senders not allowed"),
        // MessageLabs: the first thing it asks for is authentication, relaying is what it then refuses
        row(Reason.SECURITY_ERROR, "5.0.0", 550, "550-Please turn on SMTP Authentication in your mail client. mail0.example.net"
            + " [198.51.100.21]:22222 is not permitted to relay through this server without authentication."),
        // NO_RELAYING
        row(Reason.NO_RELAYING, "5.7.1", 554, "<x@example.com>: Relay access denied"), // Postfix
        row(Reason.NO_RELAYING, "5.7.1", 550, "Unable to relay for x@example.com"), // Exchange
        row(Reason.NO_RELAYING, null, 550, "relay not permitted"), // Exim
        row(Reason.NO_RELAYING, null, 553, "sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)"), // qmail
        row(Reason.NO_RELAYING, null, 550, "Insecure Mail Relay"),
        // CONTENT_ERROR
        row(Reason.CONTENT_ERROR, "5.6.0", 552, "Headers too large (32768 max)"), // Sendmail
        row(Reason.CONTENT_ERROR, "5.7.1", 550, "Attachment type not allowed (.exe)"),
        row(Reason.CONTENT_ERROR, "5.6.0", 550, "Media error: unsupported content"),
        // EMAIL_TOO_LARGE
        row(Reason.EMAIL_TOO_LARGE, "5.3.4", 552, "Message size exceeds fixed limit"), // Postfix
        row(Reason.EMAIL_TOO_LARGE, "5.2.3", 552, "Your message exceeded Google's message size limits."), // Gmail
        row(Reason.EMAIL_TOO_LARGE, null, 552, "Message size exceeds maximum permitted"), // Exim
        row(Reason.EMAIL_TOO_LARGE, "5.3.4", 550, "Message too big for system"),
        // EXCEEDED_LIMIT
        row(Reason.EXCEEDED_LIMIT, "4.5.3", 452, "Too many recipients"),
        row(Reason.EXCEEDED_LIMIT, "5.4.5", 550, "Daily user sending quota exceeded."), // Gmail
        row(Reason.EXCEEDED_LIMIT, null, 452, "Too many recipients received this hour"),
        row(Reason.EXCEEDED_LIMIT, "5.5.3", 550, "Recipient limit exceeded"),
        // RATE_LIMITED
        row(Reason.RATE_LIMITED, "4.7.0", 421, "Try again later, closing connection. (EHLO)"),
        // a cap per hour is a rate; the same words without it are a per-message limit
        row(Reason.RATE_LIMITED, "5.1.1", 550, "550 5.1.1 <a@example.com> - 203.0.113.2 has sent to too many recipients this hour. IB607"), // GoDaddy
        row(Reason.EXCEEDED_LIMIT, "5.5.3", 452, "452 5.5.3 Too many recipients"),
        row(Reason.RATE_LIMITED, "4.2.1", 450, "The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered."),
        row(Reason.RATE_LIMITED, "4.7.1", 451, "Greylisting in action, please come back later"),
        row(Reason.RATE_LIMITED, null, 421, "Too many concurrent SMTP connections from this IP address; please try again later."),
        row(Reason.RATE_LIMITED, null, 550, "Connection frequency limited. http://service.mail.example/help"),
        // SYSTEM_FULL
        row(Reason.SYSTEM_FULL, "4.3.1", 452, "Insufficient system storage"),
        row(Reason.SYSTEM_FULL, "4.4.5", 452, "Insufficient disk space; try again later"), // Sendmail
        // SYSTEM_ERROR
        row(Reason.SYSTEM_ERROR, "4.3.0", 451, "Temporary lookup failure"), // Postfix
        row(Reason.SYSTEM_ERROR, "5.3.5", 550, "<x@example.org>... Internal System Error"),
        row(Reason.SYSTEM_ERROR, null, 451, "Requested action aborted: local error in processing"),
        // a receiver's own error token decides over the words beside it (Cox, Spectrum)
        row(Reason.BLOCKED, "5.1.0", 550, "550 5.1.0 <a@example.org> sender rejected. Refer to Error Codes section at "
            + "https://www.cox.com/residential/support/email-error-codes.html for more information. AUP#CDRBL"),
        row(Reason.RATE_LIMITED, "5.1.0", 550, "550 5.1.0 <a@example.org> sender rejected. Please see "
            + "https://www.spectrum.net/support/internet/understanding-email-error-codes for more information. AUP#In-1310"),
        // Gmail's own wordings: TLS required, submission credentials, the session's commands
        row(Reason.FAILED_STARTTLS, "4.7.29", 421, "421 4.7.29 Your email has been rate limited because this message wasn't sent "
            + "over a TLS connection. Gmail requires all bulk email senders to use TLS/SSL for SMTP connections."),
        row(Reason.SECURITY_ERROR, "5.7.1", 535, "535 5.7.1 Username and Password not accepted. For more information, visit "
            + "https://support.google.com/accounts/troubleshooter/2402620"),
        row(Reason.SECURITY_ERROR, "5.7.1", 535, "535 5.7.1 Application-specific password required."),
        row(Reason.SYSTEM_ERROR, "4.7.0", 454, "454 4.7.0 Cannot authenticate due to a temporary system problem. Try again later."),
        row(Reason.SYNTAX_ERROR, "5.7.10", 523, "523 5.7.10 SMTP protocol violation, no commands allowed to pipeline after STARTTLS."),
        row(Reason.SYNTAX_ERROR, "5.5.1", 503, "503 5.5.1 RCPT first."),
        row(Reason.UNDEFINED, null, 550, "550 Please verify your e-mail first"),
        row(Reason.POLICY_VIOLATION, null, 550, "550 Protocol violation"),
        // Yahoo, Symantec MessageLabs, Tencent QQ Mail and Cloudflare, read as they mean them
        row(Reason.AUTH_FAILURE, "5.7.9", 550, "550 5.7.9 This mail has been blocked because the sender is unauthenticated. "
            + "Yahoo requires all senders to authenticate with either SPF or DKIM."),
        row(Reason.SUSPENDED, null, 554, "554 delivery error: dd a@yahoo.com is no longer valid."),
        row(Reason.RATE_LIMITED, null, 421, "421 Max message per connection reached, closing transmission channel"),
        row(Reason.REJECTED, null, 451, "451 Message temporarily deferred due to unresolvable RFC.5321 from domain."),
        row(Reason.NOT_RFC_COMPLIANT, null, 553, "553 Stray linefeeds in message (#5.6.2)"),
        row(Reason.REJECTED, null, 553, "553 Sorry, your domain has been blocked"),
        row(Reason.SYNTAX_ERROR, null, 550, "550 Bad address syntax"),
        row(Reason.BLOCKED, null, 550, "550 Suspected spam ip, please retry later"), // Tencent: the IP, not the content
        row(Reason.BLOCKED, null, 550, "550 5.7.1 Your IP address was found on one or more DNSBLs"),
        row(Reason.SYSTEM_ERROR, "4.4.22", 451, "451 4.4.22 Message failed to be replicated: no healthy peers found"), // Exchange Online
        row(Reason.AUTH_FAILURE, "5.7.26", 550, "550 5.7.26 Access denied, a message sent over IPv6 [2001:db8::1] must pass "
            + "either SPF or DKIM validation, this message is not signed"), // Exchange Online
        row(Reason.REJECTED, "5.7.1", 550, "550 5.7.1 Access denied, banned sender"), // Exchange Online
        row(Reason.BLOCKED, null, 554, "554 Banned sender IP 192.0.2.1 listed at zen.spamhaus.org"),
        row(Reason.SPAM_DETECTED, null, 550, "550 Content Filter agent quarantined this message"), // Exchange
        row(Reason.NETWORK_ERROR, "5.4.4", 550, "550 5.4.4 SMTPSEND.DNS.MxLoopback; DNS config error"), // Exchange
        row(Reason.SYSTEM_ERROR, "5.6.0", 554, "554 5.6.0 STOREDRV.Deliver.Exception:ObjectNotFoundException"), // Exchange
        row(Reason.MAILBOX_FULL, "5.2.2", 554, "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException"),
        // the local wordings of qmail-ldap, sendmail's address parser, Courier and GMX
        row(Reason.SUSPENDED, null, null, "Mailaddress is administratively disabled. (#5.2.1)"),
        row(Reason.SYSTEM_ERROR, null, null, "Temporary error in automatic homedir creation. (#4.3.0)"),
        row(Reason.SYNTAX_ERROR, "5.1.3", 553, "553 5.1.3 <<a@example.org>>... angle-brackets nested too deep"),
        row(Reason.NETWORK_ERROR, null, 546, "546 Too many \"Received\" headers - suspected mail loop."),
        row(Reason.EMAIL_TOO_LARGE, null, 552, "552 The message exeeded the maximum size the user accepts"),
        row(Reason.MAILBOX_FULL, null, 550, "550 error: quota exceed"),
        // iCloud (Apple's published reply texts)
        row(Reason.HAS_MOVED, "5.1.6", 550, "550 5.1.6 recipient no longer on server: a@icloud.com"),
        row(Reason.BLOCKED, "5.7.1", 550, "550 5.7.1 Mail from IP 192.0.2.1 was rejected due to listing in Spamhaus SBL."),
        row(Reason.REJECTED, null, 550, "550 Mail from a@example.org rejected"),
        // Mimecast's replies, as its article on its SMTP error codes explains them
        row(Reason.POLICY_VIOLATION, "5.0.0", 554, "554 Host network not allowed - https://community.mimecast.com/docs/DOC-1369#554"),
        row(Reason.REJECTED, null, 550, "550 Envelope blocked - User Domain Entry"),
        row(Reason.FAILED_STARTTLS, null, 553, "553 This route requires high-strength ciphers"),
        row(Reason.NO_RELAYING, null, 451, "451 Open relay not allowed"),
        row(Reason.RATE_LIMITED, null, 451, "451 Account service is temporarily unavailable"),
        row(Reason.AUTH_FAILURE, null, 550, "550 SPF Sender Invalid - envelope rejected"),
        // wordings of filters and intrusion prevention, and a blocklist that refused the connection
        row(Reason.BLOCKED, "5.7.1", 550, "550 5.7.1 Connection refused by zen.spamhaus.org"),
        row(Reason.BLOCKED, "4.7.1", 421, "421 4.7.1 Intrusion prevention active for [192.0.2.1]"),
        row(Reason.SPAM_DETECTED, "5.7.1", 554, "554 5.7.1 GTUBE pattern; from=<a@example.org> to=<b@example.net>"),
        row(Reason.NOT_RFC_COMPLIANT, "5.6.0", 554, "554 5.6.0 Message rejected: message has duplicate headers"),
        row(Reason.SECURITY_ERROR, "5.7.60", 550, "550 5.7.60 SMTP; Client does not have permissions to send as this sender"),
        // published replies of large receivers, as their documentation explains them
        row(Reason.POLICY_VIOLATION, "5.7.1", 551, "Delivery not authorized, message refused"), // a mail flow rule (Exchange 5.7.900)
        row(Reason.AUTH_FAILURE, "4.7.27", 421, "421 4.7.27 Your email has been rate limited because SPF authentication didn't pass for this message."),
        row(Reason.AUTH_FAILURE, "5.7.30", 550, "550 5.7.30 This mail has been blocked because DKIM does not pass."),
        row(Reason.AUTH_FAILURE, "5.7.32", 421, "421 5.7.32 Your email was blocked because the From: header (RFC5322) in this message isn't aligned with either the authenticated SPF or DKIM organizational domain."),
        row(Reason.AUTH_FAILURE, "4.7.40", 421, "421 4.7.40 Your email has been rate limited because the sending domain doesn't have a DMARC record"),
        row(Reason.FAILED_STARTTLS, "4.7.29", 421, "421 4.7.29 Your email has been rate limited because you're not using a TLS connection."),
        row(Reason.EXCEEDED_LIMIT, "5.2.2", 554, "554 5.2.2 Submission quota exceeded"),
        row(Reason.USER_UNKNOWN, "5.7.505", 550, "550 5.7.505 Access denied, banned recipient"),
        row(Reason.BLOCKED, "5.7.507", 550, "550 5.7.507 Access denied, rejected by recipient"),
        row(Reason.HOST_UNKNOWN, "5.1.6", 550, "550 5.1.6 Recipient addresses in single label domains not accepted"),
        row(Reason.RATE_LIMITED, "4.7.652", 451, "451 4.7.652 The mail server [192.0.2.1] has exceeded the maximum number of connections."),
        row(Reason.FAILED_STARTTLS, "5.7.324", 450, "450 5.7.324 dnssec-invalid: Destination domain returned invalid DNSSEC records"),
        row(Reason.BLOCKED, "5.7.2", 553, "553 5.7.2 [TSS11] All messages from 192.0.2.1 will be permanently deferred; Retrying will NOT succeed."),
        row(Reason.NOT_RFC_COMPLIANT, null, 554, "554 Message not allowed - Headers are not RFC compliant[291]"),
        row(Reason.USER_UNKNOWN, "5.1.1", 550, "550 5.1.1 <a@comcast.net> Not our Customer"),
        row(Reason.HAS_MOVED, "5.1.6", 551, "551 not our customer"),
        row(Reason.REJECTED, null, 550, "550 message sending for this account is disabled"), // Mail.ru: the sender's account
        row(Reason.REJECTED, null, 550, "550 Rejected by header based Blocked Senders: a@example.org"), // Mimecast
        row(Reason.AUTH_FAILURE, "5.7.1", 550, "550 #5.7.1 SPF unauthorized mail is prohibited."), // Cisco AsyncOS
        row(Reason.SYNTAX_ERROR, "5.5.0", 503, "503 Improper sequence of commands"),
        row(Reason.USER_UNKNOWN, "5.0.0", null, "(unrecoverable error) The recipient 'anon' is unknown"),
        // wordings that are close to the rules above but mean something else
        row(Reason.RATE_LIMITED, null, 421, "421 Connection refused due to too many connections from your IP"),
        row(Reason.BLOCKED, null, 554, "554 Connection rejected for policy reasons: 192.0.2.1 listed at zen.spamhaus.org"),
        row(Reason.BLOCKED, null, 550, "550 Mail from 192.0.2.1 rejected: blacklisted by b.barracudacentral.org"),
        row(Reason.AUTH_FAILURE, "5.7.1", 550, "550 5.7.1 <a@example.org>: Sender address rejected: Message rejected due to: SPF fail - not authorized"),
        // Exchange's own replies, as Sisimai's table of them reads them
        row(Reason.REJECTED, "5.7.124", 550, "550 5.7.124 Sender not in allowed-senders list"),
        row(Reason.REJECTED, "5.7.136", 550, "550 5.7.136 Sender was not authenticated"),
        row(Reason.SYSTEM_ERROR, "5.1.4", 550, "550 5.1.4 Destination mailbox address ambiguous"),
        row(Reason.FAILED_STARTTLS, "5.7.323", 450, "450 5.7.323 tlsa-invalid: The domain failed DANE validation"),
        row(Reason.SUSPENDED, null, 550, "550 Mailbox cannot be accessed"),
        row(Reason.USER_UNKNOWN, "5.1.5", 550, "550 5.1.5 Recipient address reserved by RFC 2606"),
        row(Reason.SYNTAX_ERROR, null, null, "Send hello first"),
        row(Reason.USER_UNKNOWN, null, 553, "553 Recipient mailbox is not allowed"), // MessageLabs
        row(Reason.HOST_UNKNOWN, null, null, "As the remote domain doesnt exist, the message could not be delivered"),
        row(Reason.USER_UNKNOWN, null, 550, "550 Invalid X.400 address"),
        row(Reason.REJECTED, null, 550, "550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; the sender was not authenticated when sending to this group"),
        row(Reason.SECURITY_ERROR, "5.7.1", 550, "550 5.7.1 RESOLVER.RST.AuthRequired; authentication required"),
        row(Reason.REJECTED, "5.7.1", 550, "550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized"),
        row(Reason.SYSTEM_ERROR, null, 421, "421 Service not active"),
        row(Reason.CONTENT_ERROR, null, 554, "554 Invalid message content"),
        // wordings from the rule lists of other bounce handlers
        row(Reason.USER_UNKNOWN, null, 550, "550 User is unknown"),
        row(Reason.USER_UNKNOWN, null, 550, "550 <a@example.org> was not found in LDAP server"),
        row(Reason.USER_UNKNOWN, null, 503, "503 All recipients are invalid"),
        row(Reason.USER_UNKNOWN, "5.1.3", 554, "554 qq Sorry, no valid recipients (#5.1.3)"),
        row(Reason.USER_UNKNOWN, "5.1.3", 553, "553 5.1.3 mailbox name not allowed"),
        row(Reason.USER_UNKNOWN, null, 550, "550 User not a member of domain: <a@example.org>"),
        row(Reason.SUSPENDED, null, 553, "553 user is inactive (eyou mta)"),
        row(Reason.SUSPENDED, null, 550, "550 user account is expired"),
        row(Reason.NO_RELAYING, null, 550, "550 relaying to <a@example.org> prohibited by administrator"),
        row(Reason.FILTERED, null, 553, "553 User refused to receive this mail."),
        row(Reason.MAILBOX_FULL, null, 552, "552 cannot append message to destination file /var/mail/a: error writing message: File too large"),
        row(Reason.MAILBOX_FULL, null, 552, "552 too many messages in this mailbox"),
        row(Reason.SYSTEM_ERROR, "4.3.0", 451, "451 4.3.0 Temporarily unable to process your email. Please try again later."),
        row(Reason.AUTH_FAILURE, "5.7.515", 550, "550 5.7.515 Access denied, sending domain example.org doesn't meet the required authentication level"),
        row(Reason.REJECTED, "5.7.1", 550, "550 5.7.1 Sender s@example.org has no A, AAAA, or MX DNS records"),
        row(Reason.SPAM_DETECTED, null, 553, "553 Blocked Using Spam Pattern, Your Message May Contain The Spam Contents"),
        row(Reason.SPAM_DETECTED, "5.7.1", 550, "550 5.7.1 A URL in this email (example.com) is listed on https://spamrl.com/"),
        row(Reason.SPAM_DETECTED, "5.7.1", 554, "554 5.7.1 Message blocked due to spam content in the message."),
        row(Reason.BLOCKED, null, 554, "554-mx.gmx.net Service not available No SMTP service IP address is black listed."),
        row(Reason.BLOCKED, "5.2.1", 550, "550 5.2.1 Mailbox unavailable. Your IP address 192.0.2.1 is blacklisted using SPAMHAUS-XBL"),
        row(Reason.BLOCKED, "5.7.1", 550, "550 5.7.1 Mail from 192.0.2.1 rejected using zen.spamhaus.org"),
        row(Reason.BLOCKED, "5.7.1", 501, "501 5.7.1 <s@example.org>... Sender refused by the DNSBL dnsbl.sorbs.net"),
        row(Reason.BLOCKED, null, 554, "554 Connection from 192.0.2.1 rejected for policy reasons. Host found in DNS blacklist at dnsbl.sorbs.net"),
        row(Reason.BLOCKED, null, 554, "554 Connection refused due to abuse"),
        row(Reason.RATE_LIMITED, null, 421, "421 RP-001 Unfortunately, some messages from 192.0.2.1 weren't sent. We have limits for how many messages can be sent per hour and per day."),
        row(Reason.RATE_LIMITED, "4.2.1", 450, "450-4.2.1 Peak SMTP relay limit exceeded for customer."),
        // Amazon SES's heading before the quoted reply: the reply and the code decide
        row(Reason.SECURITY_ERROR, "5.7.1", 550, "5.1.0 - Unknown address error 550-'5.7.1 <a@example.org>... Access denied'"),
        row(Reason.USER_UNKNOWN, "5.1.1", 550, "5.1.0 - Unknown address error 550-'5.1.1 <a@example.org>... User unknown'"),
        row(Reason.USER_UNKNOWN, null, 550, "550 Unknown address"),
        row(Reason.MAILER_ERROR, "5.3.0", 554, "unknown mailer error 255"), // Sendmail
        row(Reason.MAILER_ERROR, null, null, "pipe to |/usr/local/bin/filter a@example.org generated by a@example.org"), // Exim
        row(Reason.MAILER_ERROR, null, null, "Command died with status 17: \"/usr/sbin/amavis\"."),
        row(Reason.MAILBOX_FULL, null, null, "permission denied. Command output: Mail quota exceeded."),
        row(Reason.MAILER_ERROR, null, null, "Command output: it broke"),
        row(Reason.SYSTEM_ERROR, "5.0.0", 554, "554 \"|IFS=' ' && exec /usr/bin/procmail -f- || exit 75 #a\"... Service unavailable"),
        row(Reason.SYSTEM_ERROR, "4.4.3", null, "Unable to contact LDAP server. (#4.4.3)"), // qmail-ldap
        // NETWORK_ERROR (delayed: the sending system is still trying)
        row(Reason.NETWORK_ERROR, "4.4.1", null, "connect to mx.example.com[192.0.2.1]:25: Connection refused", "delayed"),
        row(Reason.NETWORK_ERROR, "4.4.1", null, "connect to mx.example.com[192.0.2.1]:25: No route to host", "delayed"),
        row(Reason.NETWORK_ERROR, "5.4.6", 554, "Hop count exceeded - possible mail loop"),
        row(Reason.NETWORK_ERROR, "4.4.2", null, "lost connection with mx.example.com[192.0.2.1] while receiving the initial server greeting", "delayed"),
        row(Reason.NETWORK_ERROR, "4.4.3", null, "Host or domain name not found. Name service error for name=example.com type=MX: Host not found, try again", "delayed"),
        // EXPIRED
        row(Reason.EXPIRED, "4.4.7", 554, "Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>"),
        row(Reason.EXPIRED, null, null, "retry timeout exceeded"), // Exim
        row(Reason.EXPIRED, null, 550, "550 Message delivery timed out after 72 hours"),
        row(Reason.EXPIRED, "4.4.7", null, "Message could not be delivered for 5 days"), // Sendmail
        row(Reason.EXPIRED, "4.4.1", null, "connect to mx.example.com[192.0.2.1]:25: Connection timed out"), // gave up: action failed
        // SYNTAX_ERROR
        row(Reason.SYNTAX_ERROR, "5.5.1", 500, "Command unrecognized"),
        row(Reason.SYNTAX_ERROR, "5.5.4", 501, "Syntax error in parameters or arguments"),
        row(Reason.SYNTAX_ERROR, "5.5.1", 503, "Bad sequence of commands"),
        // FAILED_STARTTLS
        row(Reason.FAILED_STARTTLS, "5.7.0", 530, "Must issue a STARTTLS command first"),
        row(Reason.FAILED_STARTTLS, null, null, "TLS is required, but was not offered by host mx.example.com"), // Postfix
        row(Reason.FAILED_STARTTLS, "5.7.30", 550, "REQUIRETLS support required"),
        // wordings where a more generic phrase used to win
        row(Reason.MAILBOX_FULL, null, 552, "User mailbox exceeds allowed size"), // not "exceeds ~ size": too large
        row(Reason.EXCEEDED_LIMIT, null, 550, "You have reached your daily relay quota"), // not a mailbox quota
        row(Reason.SUSPENDED, null, 550, "Recipient mailbox is frozen"),
        row(Reason.REQUIRE_PTR, "4.7.1", 450, "Access denied. IP name lookup failed [192.0.2.1]"),
        row(Reason.REJECTED, null, 550, "From: domain is invalid. Please provide a valid From: address"),
        // SUPPRESSED
        row(Reason.SUPPRESSED, null, null, "Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address."),
        row(Reason.SUPPRESSED, null, 605, "Not delivering to previously bounced address"), // Mailgun (605 is not an SMTP code)
        row(Reason.SUPPRESSED, null, null, "The recipient is on the account-level suppression list"),
        // ON_HOLD
        row(Reason.ON_HOLD, null, null, "Your message has been quarantined by the recipient's administrator"),
        row(Reason.ON_HOLD, null, null, "Your message to the list is being held for moderation"));
  }

  private static Arguments row(Reason want, String status, Integer reply, String text) {
    return row(want, status, reply, text, "failed");
  }

  private static Arguments row(Reason want, String status, Integer reply, String text, String action) {
    return Arguments.of(want, status, reply, text, action);
  }

  @ParameterizedTest(name = "{0} <- {3}")
  @MethodSource("wordings")
  void classifiesRealWordings(Reason want, String status, Integer reply, String text, String action) {
    Optional<ReplyCode> rc = reply == null || reply >= 600 ? Optional.empty() : Optional.of(ReplyCode.of(reply));
    ClassificationInput in = new ClassificationInput(
        Optional.ofNullable(status).map(EnhancedStatusCode::of), rc, text, action, Provider.OTHER);
    Classification c = ReasonClassifier.standard().classify(in);
    assertThat(c.reason()).as(c.rule()).isEqualTo(want);
    assertThat(c.remediation()).isNotBlank();
    assertThat(c.rule()).isNotBlank();
  }

  @Test
  void anExpiryInADelayWarningSaysTheMessageIsStillBeingTried() {
    ClassificationInput delayed = new ClassificationInput(Optional.of(EnhancedStatusCode.of("4.4.7")), Optional.empty(),
        "Message has not yet been delivered after more than 4 hours on the queue", "delayed", Provider.OTHER);
    Classification c = ReasonClassifier.standard().classify(delayed);
    assertThat(c.reason()).isEqualTo(Reason.EXPIRED);
    assertThat(c.remediation()).startsWith("Delivery is delayed").doesNotContain("until the message expired");

    Classification failed = ReasonClassifier.standard().classify(new ClassificationInput(
        Optional.of(EnhancedStatusCode.of("4.4.7")), Optional.empty(), "Message expired", "failed", Provider.OTHER));
    assertThat(failed.remediation()).doesNotStartWith("Delivery is delayed");
  }
  @Test
  void aProviderMeaningIsPickedOnlyByTheTextTheClassifierReads() {
    // Gmail's 4.7.0 has several meanings; "PTR record" picks one, but only within the chars read
    String near = "4.7.0 PTR record missing";
    String far = "4.7.0 " + "x".repeat(ReasonClassifier.MAX_TEXT_CHARS) + " PTR record missing";
    Classification picked = ReasonClassifier.standard().classify(new ClassificationInput(
        Optional.of(EnhancedStatusCode.of("4.7.0")), Optional.empty(), near, "failed", Provider.GOOGLE));
    Classification unread = ReasonClassifier.standard().classify(new ClassificationInput(
        Optional.of(EnhancedStatusCode.of("4.7.0")), Optional.empty(), far, "failed", Provider.GOOGLE));

    assertThat(picked.reason()).isEqualTo(Reason.REQUIRE_PTR);
    assertThat(unread.reason()).isNotEqualTo(Reason.REQUIRE_PTR);
  }

  @Test
  void googlesConnectionFailureIsAnExpiryWhetherItsWarningOrItsFinalReport() {
    String text = "The recipient server did not accept our requests to connect. Learn more at"
        + " https://support.google.com/mail/answer/7720 [mx.example.org 192.0.2.25: timed out]";
    Classification delayed = ReasonClassifier.standard().classify(new ClassificationInput(
        Optional.of(EnhancedStatusCode.of("4.4.1")), Optional.empty(), text, "delayed", Provider.GOOGLE));
    assertThat(delayed.reason()).isEqualTo(Reason.EXPIRED);
    assertThat(delayed.permanent()).isFalse();
    assertThat(delayed.remediation()).startsWith("Delivery is delayed");
    Classification failed = ReasonClassifier.standard().classify(new ClassificationInput(
        Optional.of(EnhancedStatusCode.of("4.4.1")), Optional.empty(), text, "failed", Provider.GOOGLE));
    assertThat(failed.reason()).isEqualTo(Reason.EXPIRED);
    assertThat(failed.remediation()).doesNotStartWith("Delivery is delayed");
  }

  @Test
  void aProviderTablesExpiryInADelayWarningSaysTheMessageIsStillBeingTried() {
    ClassificationInput delayed = new ClassificationInput(Optional.of(EnhancedStatusCode.of("4.4.7")), Optional.empty(),
        "4.4.7 Message delayed", "delayed", Provider.MICROSOFT);
    Classification c = ReasonClassifier.standard().classify(delayed);
    assertThat(c.reason()).isEqualTo(Reason.EXPIRED);
    assertThat(c.rule()).isEqualTo("provider:microsoft:4.4.7");
    assertThat(c.remediation()).startsWith("Delivery is delayed").doesNotContain("then resend");
    Classification failed = ReasonClassifier.standard().classify(new ClassificationInput(
        Optional.of(EnhancedStatusCode.of("4.4.7")), Optional.empty(), "4.4.7 Message expired", "failed", Provider.MICROSOFT));
    assertThat(failed.rule()).isEqualTo("provider:microsoft:4.4.7");
    assertThat(failed.remediation()).doesNotStartWith("Delivery is delayed");
  }


  @ParameterizedTest
  @ValueSource(strings = {"554 Your SMTP relay account is expired", "The delivery status of the recipient is unknown",
      "554 The recipient server refused to receive this message: message size exceeds the limit",
      "553 Recipient mailbox is not allowed to receive external mail",
      "451 Mailbox cannot be accessed temporarily, please try again later"})
  void wordingsCloseToARecipientsStateAreNotIt(String text) {
    Classification c = ReasonClassifier.standard().classify(new ClassificationInput(Optional.empty(), Optional.empty(),
        text, "failed", Provider.OTHER));
    assertThat(c.reason()).as(c.rule()).isNotIn(Reason.SUSPENDED, Reason.USER_UNKNOWN, Reason.FILTERED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"550 5.7.1 Sender was not authenticated. SPF check failed",
      "554 5.6.0 Invalid message content: virus found", "550 Email service not active for this account"})
  void aSpecificWordingBesideABroadOneDecides(String text) {
    Classification c = ReasonClassifier.standard().classify(new ClassificationInput(Optional.empty(), Optional.empty(),
        text, "failed", Provider.OTHER));
    assertThat(c.reason()).as(c.rule()).isNotIn(Reason.REJECTED, Reason.CONTENT_ERROR, Reason.SYSTEM_ERROR);
  }

  static Stream<Arguments> notBounces() {
    return Stream.of(
        Arguments.of("delivered", "", Reason.DELIVERED),
        Arguments.of("relayed", "", Reason.DELIVERED),
        Arguments.of("expanded", "", Reason.DELIVERED),
        Arguments.of("auto-replied", "I am out of the office", Reason.AUTO_REPLY),
        Arguments.of("", "I am out of the office until Monday with limited access to email.", Reason.AUTO_REPLY),
        Arguments.of("feedback", "", Reason.FEEDBACK),
        Arguments.of("", "This is an email abuse report for an email message received from IP 192.0.2.1", Reason.FEEDBACK));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("notBounces")
  void notBouncesNeedNothing(String action, String text, Reason want) {
    Classification c = ReasonClassifier.standard().classify(
        new ClassificationInput(Optional.empty(), Optional.empty(), text, action, Provider.OTHER));
    assertThat(c.reason()).isEqualTo(want);
    assertThat(c.permanent()).isFalse();
    assertThat(c.retry()).isEqualTo(RetryAdvice.DO_NOT_RETRY);
    assertThat(c.remediation()).isNotBlank();
  }

  @Test
  void everyReasonIsFoundByItsJsonNameAndNothingElseIs() {
    for (Reason r : Reason.values()) {
      assertThat(Reason.fromJsonName(r.jsonName())).contains(r);
    }
    assertThat(Reason.fromJsonName("USER_UNKNOWN")).isEmpty();
    assertThat(Reason.fromJsonName("")).isEmpty();
    assertThatThrownBy(() -> Reason.fromJsonName(null)).isInstanceOf(NullPointerException.class);
  }
}
