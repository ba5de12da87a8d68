package dev.salesflow.core.notify;

import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.SourcePosition;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.yaml.SettingsBinder;
import dev.salesflow.core.yaml.YamlNode;
import dev.salesflow.core.yaml.YamlSyntaxException;
import dev.salesflow.core.yaml.YamlTreeReader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code notify:} of {@code salesflow.yaml}: {@code email: {host, port, from, tls, user}} and {@code
 * webhook: {kind, url}}, each optional. Secrets are never here: the SMTP password is {@code
 * SALESFLOW_SMTP_PASSWORD}, a webhook's signing secret {@code SALESFLOW_WEBHOOK_SECRET}.
 *
 * @param email the SMTP server, or null
 * @param webhook the chat webhook, or null
 */
public record NotifySettings(Email email, Webhook webhook) {
  /** How the SMTP connection is protected. */
  public enum Tls { NONE, STARTTLS, TLS }

  /** The services whose webhook formats are known. */
  public enum WebhookKind { WECOM, DINGTALK, FEISHU, SLACK, JSON }

  /**
   * An SMTP server.
   *
   * @param user the login, or null for none (then no password is asked for)
   */
  public record Email(String host, int port, String from, Tls tls, String user) {
    public Email {
      if (host == null || host.isBlank() || from == null || from.isBlank()) {
        throw new IllegalArgumentException("notify.email needs host and from");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("notify.email.port must be 1 to 65535, got " + port);
      }
    }
  }

  /** A chat webhook. */
  public record Webhook(WebhookKind kind, URI url) {
    public Webhook {
      if (kind == null || url == null) {
        throw new IllegalArgumentException("notify.webhook needs kind and url");
      }
    }
  }

  private static final Set<String> KEYS = Set.of("email", "webhook");
  private static final Set<String> EMAIL_KEYS = Set.of("host", "port", "from", "tls", "user");
  private static final Set<String> WEBHOOK_KEYS = Set.of("kind", "url");

  /** Whether any channel is set. */
  public boolean any() {
    return email != null || webhook != null;
  }

  /**
   * The {@code notify:} settings of the workspace whose settings file is {@code configFile}, every
   * problem reported at its line.
   *
   * @throws DiagnosticsException listing every problem
   */
  public static NotifySettings load(Path configFile) {
    YamlNode.Mapping tree;
    try {
      tree = YamlTreeReader.readMapping(YamlTreeReader.decodeUtf8OrThrow(Files.readAllBytes(configFile), configFile));
    } catch (IOException e) {
      throw new StoreException("cannot read " + configFile + ": " + e.getMessage(), e);
    } catch (YamlSyntaxException e) {
      throw new DiagnosticsException(DiagnosticsException.Kind.CONFIGURATION, List.of(Diagnostic.error(
          DiagnosticCode.ofSlug(e.code()), configFile, e.position(), e.getMessage())));
    }
    YamlNode.Entry notify = tree.entries().get("notify");
    if (notify == null || SettingsBinder.isNull(notify.value())) {
      return new NotifySettings(null, null);
    }
    Binder b = new Binder(configFile);
    Map<String, YamlNode.Entry> f = b.mapping(notify.value(), KEYS, "notify");
    Email email = f.containsKey("email") ? b.email(f.get("email").value()) : null;
    Webhook webhook = f.containsKey("webhook") ? b.webhook(f.get("webhook").value()) : null;
    if (!b.problems().isEmpty()) {
      throw new DiagnosticsException(DiagnosticsException.Kind.CONFIGURATION, b.problems());
    }
    return new NotifySettings(email, webhook);
  }

  private static final class Binder extends SettingsBinder {
    Binder(Path file) {
      super(file);
    }

    String string(Map<String, YamlNode.Entry> f, String key, String what, boolean required, SourcePosition parent) {
      YamlNode.Entry entry = f.get(key);
      if (entry == null || SettingsBinder.isNull(entry.value())) {
        if (required) {
          problem(DiagnosticCode.MISSING_FIELD, parent, what + " needs " + key);
        }
        return null;
      }
      if (entry.value() instanceof YamlNode.Scalar s && !s.text().isBlank()) {
        return s.text();
      }
      problem(DiagnosticCode.WRONG_TYPE, entry.value().position(), what + "." + key + " must be a single value");
      return null;
    }

    <E extends Enum<E>> E choice(Map<String, YamlNode.Entry> f, String key, String what, Class<E> type, E otherwise,
        SourcePosition parent) {
      String text = string(f, key, what, otherwise == null, parent);
      if (text == null) {
        return otherwise;
      }
      try {
        return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problem(DiagnosticCode.BAD_VALUE, f.get(key).value().position(), what + "." + key + " must be one of "
            + String.join("|", Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList())
            + ", got '" + text + "'");
        return null;
      }
    }

    Email email(YamlNode node) {
      Map<String, YamlNode.Entry> f = mapping(node, EMAIL_KEYS, "notify.email");
      String host = string(f, "host", "notify.email", true, node.position());
      String from = string(f, "from", "notify.email", true, node.position());
      Tls tls = choice(f, "tls", "notify.email", Tls.class, Tls.STARTTLS, node.position());
      String portText = string(f, "port", "notify.email", false, node.position());
      int port = tls == Tls.TLS ? 465 : 587;
      if (portText != null) {
        try {
          port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
          port = -1;
        }
        if (port < 1 || port > 65535) {
          problem(DiagnosticCode.BAD_VALUE, f.get("port").value().position(), "notify.email.port must be 1 to 65535, got '"
              + portText + "'");
        }
      }
      if (host == null || from == null || tls == null || port < 1 || port > 65535) {
        return null;
      }
      if (!from.matches("[^@\\s]+@[^@\\s]+")) {
        problem(DiagnosticCode.BAD_VALUE, f.get("from").value().position(), "notify.email.from '" + from
            + "' is not an e-mail address");
        return null;
      }
      return new Email(host, port, from, tls, string(f, "user", "notify.email", false, node.position()));
    }

    Webhook webhook(YamlNode node) {
      Map<String, YamlNode.Entry> f = mapping(node, WEBHOOK_KEYS, "notify.webhook");
      WebhookKind kind = choice(f, "kind", "notify.webhook", WebhookKind.class, null, node.position());
      String url = string(f, "url", "notify.webhook", true, node.position());
      if (kind == null || url == null) {
        return null;
      }
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException e) {
        uri = null;
      }
      if (uri == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
        problem(DiagnosticCode.BAD_VALUE, f.get("url").value().position(), "notify.webhook.url must be an http(s) URL, got '"
            + url + "'");
        return null;
      }
      return new Webhook(kind, uri);
    }
  }
}
