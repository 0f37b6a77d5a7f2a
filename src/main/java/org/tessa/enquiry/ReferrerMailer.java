package org.tessa.enquiry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends responses by email through the SMTP server in {@code spring.mail.*}. Without one (the embedded
 * demo run) responses are still recorded and shown to the school, and this says so in the log.
 */
@Component
class ReferrerMailer {

    private static final Logger log = LoggerFactory.getLogger(ReferrerMailer.class);

    private final JavaMailSender sender;
    private final String from;

    ReferrerMailer(ObjectProvider<JavaMailSender> sender, @Value("${tessa.mail.from}") String from) {
        this.sender = sender.getIfAvailable();
        this.from = from;
        if (this.sender == null) {
            log.warn("No SMTP server configured (spring.mail.host): responses to referrers are recorded but not emailed");
        }
    }

    boolean canSend() {
        return sender != null;
    }

    void send(String to, String subject, String body) {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        sender.send(message);
    }
}
