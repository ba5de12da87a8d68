package dev.salesflow.core.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salesflow.core.model.NotifyMessage;
import dev.salesflow.core.model.NotifyNotice;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A chat webhook, each service in its documented format: WeCom group robot ({@code markdown}),
 * DingTalk robot ({@code text}; with a secret, {@code timestamp} and {@code sign} query parameters),
 * Feishu/Lark bot ({@code text}; with a secret, {@code timestamp} and {@code sign} in the body),
 * Slack incoming webhook ({@code text}), and salesflow's own JSON (with a secret, an {@code
 * X-Salesflow-Signature: sha256=HEX} header over the body). The URL's query (which holds WeCom's
 * and DingTalk's tokens) and the secret are never put in a message.
 */
final class WebhookChannel implements Channel {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final NotifySettings.Webhook settings;
  private final String secret;
  private final Clock clock;
  private final HttpClient http;

  WebhookChannel(NotifySettings.Webhook settings, String secret, Clock clock) {
    this.settings = settings;
    this.secret = secret == null || secret.isEmpty() ? null : secret;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public String name() {
    return settings.kind().name().toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean reaches(String email) {
    return true;
  }

  @Override
  public void send(NotifyMessage message) throws DeliveryException {
    URI uri = settings.url();
    String where = name() + " webhook " + uri.getScheme() + "://" + uri.getAuthority() + (uri.getPath() == null ? "" : uri.getPath());
    long millis = clock.millis();
    ObjectNode body = payload(message);
    HttpRequest.Builder request = HttpRequest.newBuilder().timeout(TIMEOUT)
        .header("Content-Type", "application/json; charset=utf-8");
    try {
      switch (settings.kind()) {
        case DINGTALK -> {
          if (secret != null) {
            String sign = URLEncoder.encode(hmacBase64(secret, millis + "\n" + secret), StandardCharsets.UTF_8);
            uri = URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + "timestamp=" + millis + "&sign=" + sign);
          }
        }
        case FEISHU -> {
          if (secret != null) {
            long seconds = millis / 1000;
            body.put("timestamp", Long.toString(seconds));
            body.put("sign", hmacBase64(seconds + "\n" + secret, ""));
          }
        }
        case JSON -> {
          if (secret != null) {
            request.header("X-Salesflow-Signature", "sha256=" + HexFormat.of().formatHex(hmac(secret, JSON.writeValueAsString(body))));
          }
        }
        case WECOM, SLACK -> { }
      }
      byte[] bytes = JSON.writeValueAsBytes(body);
      HttpResponse<String> response = http.send(request.uri(uri).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      int status = response.statusCode();
      if (status >= 500 || status == 429) {
        throw new DeliveryException(where + ": HTTP " + status, true);
      }
      if (status < 200 || status > 299) {
        throw new DeliveryException(where + ": HTTP " + status + " " + brief(response.body()), false);
      }
      String refusal = refusal(response.body());
      if (refusal != null) {
        throw new DeliveryException(where + ": refused: " + refusal, false);
      }
    } catch (HttpTimeoutException e) {
      throw new DeliveryException(where + ": timed out after " + TIMEOUT.toSeconds() + " s", true);
    } catch (IOException e) {
      throw new DeliveryException(where + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException(where + ": interrupted", false);
    }
  }

  /** The request body in the service's format. */
  ObjectNode payload(NotifyMessage m) {
    ObjectNode body = JSON.createObjectNode();
    String text = m.subject() + "\n\n" + m.body();
    switch (settings.kind()) {
      case WECOM -> {
        body.put("msgtype", "markdown");
        body.putObject("markdown").put("content", "**" + m.subject() + "**\n" + m.body());
      }
      case DINGTALK -> {
        body.put("msgtype", "text");
        body.putObject("text").put("content", text);
      }
      case FEISHU -> {
        body.put("msg_type", "text");
        body.putObject("content").put("text", text);
      }
      case SLACK -> body.put("text", text);
      case JSON -> {
        body.put("recipient", m.recipient());
        body.put("email", m.email());
        body.put("language", m.language());
        body.put("subject", m.subject());
        body.put("body", m.body());
        ArrayNode notices = body.putArray("notices");
        for (NotifyNotice n : m.notices()) {
          ObjectNode o = notices.addObject();
          o.put("case", n.caseId());
          o.put("company", n.company());
          o.put("owner", n.owner());
          o.put("rule", n.rule());
          o.put("clock_start", n.clockStart().toString());
          o.put("due", n.dueAt().toString());
          o.put("state", n.state().name().toLowerCase(Locale.ROOT));
          o.put("overdue_minutes", n.overdueBy().toMinutes());
          o.put("level", n.level());
        }
      }
    }
    return body;
  }

  /** A service's refusal in a 200 answer: WeCom's and DingTalk's {@code errcode}, Feishu's {@code code}. */
  private String refusal(String answer) {
    JsonNode node;
    try {
      node = answer == null || answer.isBlank() ? null : JSON.readTree(answer);
    } catch (IOException notJson) {
      return null; // Slack answers "ok"; a generic endpoint may answer anything
    }
    if (node == null || !node.isObject()) {
      return null;
    }
    return switch (settings.kind()) {
      case WECOM, DINGTALK -> node.path("errcode").asInt(0) != 0 ? node.path("errcode").asText() + " " + node.path("errmsg").asText() : null;
      case FEISHU -> node.path("code").asInt(node.path("StatusCode").asInt(0)) != 0
          ? node.path("code").asText(node.path("StatusCode").asText()) + " " + node.path("msg").asText(node.path("StatusMessage").asText()) : null;
      case SLACK, JSON -> null;
    };
  }

  private static String brief(String answer) {
    String a = answer == null ? "" : answer.strip();
    return a.length() > 200 ? a.substring(0, 200) + "…" : a;
  }

  static String hmacBase64(String key, String data) {
    return Base64.getEncoder().encodeToString(hmac(key, data));
  }

  private static byte[] hmac(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }
}
