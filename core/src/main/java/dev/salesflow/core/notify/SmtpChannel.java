package dev.salesflow.core.notify;

import dev.salesflow.core.model.NotifyMessage;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * E-mail over SMTP through Jakarta Mail (Eclipse Angus Mail): plain, STARTTLS (required, not
 * opportunistic) or TLS from the first byte; a login when {@code user} is set, the password from
 * {@code SALESFLOW_SMTP_PASSWORD}.
 */
final class SmtpChannel implements Channel {
  private static final String TIMEOUT_MS = "10000";
  private final NotifySettings.Email settings;
  private final String password;

  SmtpChannel(NotifySettings.Email settings, String password) {
    this.settings = settings;
    this.password = password;
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public boolean reaches(String email) {
    return email != null;
  }

  @Override
  public void send(NotifyMessage message) throws DeliveryException {
    if (settings.user() != null && (password == null || password.isEmpty())) {
      throw new DeliveryException("email: notify.email.user is set but SALESFLOW_SMTP_PASSWORD is not", false);
    }
    String protocol = settings.tls() == NotifySettings.Tls.TLS ? "smtps" : "smtp";
    Properties p = new Properties();
    String prefix = "mail." + protocol + ".";
    p.setProperty(prefix + "host", settings.host());
    p.setProperty(prefix + "port", Integer.toString(settings.port()));
    p.setProperty(prefix + "connectiontimeout", TIMEOUT_MS);
    p.setProperty(prefix + "timeout", TIMEOUT_MS);
    p.setProperty(prefix + "writetimeout", TIMEOUT_MS);
    p.setProperty(prefix + "auth", Boolean.toString(settings.user() != null));
    if (settings.tls() == NotifySettings.Tls.STARTTLS) {
      p.setProperty(prefix + "starttls.enable", "true");
      p.setProperty(prefix + "starttls.required", "true");
    }
    if (settings.tls() != NotifySettings.Tls.NONE) {
      p.setProperty(prefix + "ssl.checkserveridentity", "true");
    }
    Session session = Session.getInstance(p);
    String where = "email to " + message.email() + " via " + settings.host() + ":" + settings.port();
    try {
      MimeMessage mail = new MimeMessage(session);
      mail.setFrom(new InternetAddress(settings.from()));
      mail.setRecipient(Message.RecipientType.TO, new InternetAddress(message.email(), true));
      mail.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      mail.setText(message.body(), StandardCharsets.UTF_8.name());
      mail.setSentDate(new Date());
      try (Transport transport = session.getTransport(protocol)) {
        transport.connect(settings.host(), settings.port(), settings.user(), password);
        transport.sendMessage(mail, mail.getAllRecipients());
      }
    } catch (AddressException | AuthenticationFailedException e) {
      throw new DeliveryException(where + ": " + e.getMessage(), false);
    } catch (MessagingException e) {
      // connection refused, a timeout, a 4xx answer: worth another try
      Throwable cause = e.getNextException() != null ? e.getNextException() : e.getCause();
      throw new DeliveryException(where + ": " + e.getMessage() + (cause == null ? "" : " (" + cause.getMessage() + ")"), true);
    }
  }
}
