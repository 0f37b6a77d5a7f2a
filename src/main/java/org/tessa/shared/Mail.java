package org.tessa.shared;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends TESSA's emails through the SMTP server in {@code spring.mail.*}. Without one (the embedded demo
 * run) what would have been sent stays recorded and shown in TESSA, and this says so in the log.
 * Only the {@link Outbox} sends mail, so that no email leaves inside a transaction that may yet roll back.
 */
@Component
class Mail {

    private static final Logger log = LoggerFactory.getLogger(Mail.class);

    private final JavaMailSender sender;
    private final String from;

    @Autowired
    Mail(ObjectProvider<JavaMailSender> sender, @Value("${tessa.mail.from}") String from) {
        this(sender.getIfAvailable(), from);
        if (this.sender == null) {
            log.warn("No SMTP server configured (spring.mail.host): emails are recorded in TESSA but not sent");
        }
    }

    Mail(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    boolean canSend() {
        return sender != null;
    }

    /**
     * A Message-ID of TESSA's own, in the domain TESSA sends from, so that ids from different councils'
     * installations cannot collide.
     */
    String messageId(String localPart) {
        try {
            String address = new InternetAddress(from).getAddress();
            return "<" + localPart + "@" + address.substring(address.indexOf('@') + 1) + ">";
        } catch (AddressException unreadable) {
            throw new IllegalStateException("tessa.mail.from is not an email address: " + from, unreadable);
        }
    }

    /** Sends one email with the given Message-ID header (Spring keeps a Message-ID that is set explicitly). */
    void send(String to, String subject, String body, String messageId) {
        sender.send(message -> {
            var email = new MimeMessageHelper(message, "UTF-8");
            email.setFrom(from);
            email.setTo(to);
            email.setSubject(subject);
            email.setText(body);
            message.setHeader("Message-ID", messageId);
        });
    }
}
