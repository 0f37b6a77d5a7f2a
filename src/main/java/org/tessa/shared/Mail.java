package org.tessa.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends TESSA's emails through the SMTP server in {@code spring.mail.*}. Without one (the embedded demo
 * run) what would have been sent stays recorded and shown in TESSA, and this says so in the log.
 */
@Component
public class Mail {

    private static final Logger log = LoggerFactory.getLogger(Mail.class);

    private final JavaMailSender sender;
    private final String from;

    Mail(ObjectProvider<JavaMailSender> sender, @Value("${tessa.mail.from}") String from) {
        this.sender = sender.getIfAvailable();
        this.from = from;
        if (this.sender == null) {
            log.warn("No SMTP server configured (spring.mail.host): emails are recorded in TESSA but not sent");
        }
    }

    public boolean canSend() {
        return sender != null;
    }

    public void send(String to, String subject, String body) {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        sender.send(message);
    }
}
