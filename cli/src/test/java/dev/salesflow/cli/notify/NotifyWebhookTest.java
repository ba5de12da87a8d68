package dev.salesflow.cli.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.salesflow.cli.CliRun;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code notify} to webhooks: a real JDK HTTP server on 127.0.0.1 records each request. */
class NotifyWebhookTest {
  private static final String SECRET = "SEC-5be1-never-printed";
  private static final String TOKEN = "access_token=tok-77aa";
  private static final String NOW = "2026-11-03T12:00:00+08:00"; // N-2026-001 breached: one message, to zhang.wei (zh)
  private static final ObjectMapper JSON = new ObjectMapper();

  record Request(String query, Map<String, String> headers, JsonNode body) {}

  @TempDir Path dir;
  private HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  /** The statuses to answer, one per request; 200 with {"errcode":0} when used up. */
  private final List<Integer> statuses = new CopyOnWriteArrayList<>();
  private final AtomicInteger answered = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      byte[] in = exchange.getRequestBody().readAllBytes();
      Map<String, String> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
      requests.add(new Request(exchange.getRequestURI().getRawQuery(), headers, JSON.readTree(in)));
      int i = answered.getAndIncrement();
      int status = i < statuses.size() ? statuses.get(i) : 200;
      byte[] out = (status == 200 ? "{\"errcode\":0,\"code\":0}" : "busy").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private CliRun run(String kind, String... more) throws Exception {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook?" + TOKEN;
    Path root = dir.resolve(kind).resolve("ws");
    if (!java.nio.file.Files.exists(root)) {
      NotifyWorkspace.create(dir.resolve(kind), "notify:\n  webhook: {kind: " + kind + ", url: \"" + url + "\"}\n");
    }
    String[] args = new String[3 + more.length];
    args[0] = "--now";
    args[1] = NOW;
    args[2] = "notify";
    System.arraycopy(more, 0, args, 3, more.length);
    CliRun run = CliRun.in(root, Map.of("SALESFLOW_WEBHOOK_SECRET", SECRET), args);
    assertThat(run.all()).doesNotContain(SECRET).doesNotContain("tok-77aa");
    return run;
  }

  @Test
  void wecomGetsMarkdown() throws Exception {
    assertThat(run("wecom").code()).isEqualTo(1);
    assertThat(requests).hasSize(1);
    JsonNode body = requests.get(0).body();
    assertThat(body.get("msgtype").asText()).isEqualTo("markdown");
    assertThat(body.get("markdown").get("content").asText()).startsWith("**[salesflow] 1 项跟进已超时**\n张伟，您好：\n")
        .contains("N-2026-001 苏州精工机械有限公司");
    assertThat(requests.get(0).query()).isEqualTo(TOKEN);
    assertThat(requests.get(0).headers().get("content-type")).startsWith("application/json");
  }

  @Test
  void dingtalkIsSignedWithTheSecret() throws Exception {
    long before = System.currentTimeMillis();
    assertThat(run("dingtalk").code()).isEqualTo(1);
    long after = System.currentTimeMillis();
    Request r = requests.get(0);
    assertThat(r.body().get("msgtype").asText()).isEqualTo("text");
    assertThat(r.body().get("text").get("content").asText()).startsWith("[salesflow] 1 项跟进已超时\n\n张伟，您好：");
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : r.query().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    assertThat(query.get("access_token")).isEqualTo("tok-77aa");
    long timestamp = Long.parseLong(query.get("timestamp"));
    assertThat(timestamp).isBetween(before, after);
    assertThat(query.get("sign")).isEqualTo(Base64.getEncoder().encodeToString(hmac(SECRET, timestamp + "\n" + SECRET)));
  }

  @Test
  void feishuCarriesItsSignInTheBody() throws Exception {
    assertThat(run("feishu").code()).isEqualTo(1);
    JsonNode body = requests.get(0).body();
    assertThat(body.get("msg_type").asText()).isEqualTo("text");
    assertThat(body.get("content").get("text").asText()).startsWith("[salesflow] 1 项跟进已超时\n\n张伟，您好：");
    String timestamp = body.get("timestamp").asText();
    assertThat(Long.parseLong(timestamp)).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
    assertThat(body.get("sign").asText()).isEqualTo(Base64.getEncoder().encodeToString(hmac(timestamp + "\n" + SECRET, "")));
  }

  @Test
  void slackGetsText() throws Exception {
    assertThat(run("slack").code()).isEqualTo(1);
    JsonNode body = requests.get(0).body();
    assertThat(body.size()).isEqualTo(1);
    assertThat(body.get("text").asText()).startsWith("[salesflow] 1 项跟进已超时\n\n张伟，您好：");
  }

  @Test
  void genericJsonHasTheNoticesAndAnHmacHeader() throws Exception {
    assertThat(run("json").code()).isEqualTo(1);
    Request r = requests.get(0);
    JsonNode body = r.body();
    assertThat(body.get("recipient").asText()).isEqualTo("zhang.wei");
    assertThat(body.get("email").asText()).isEqualTo("zhang.wei@acme.test");
    assertThat(body.get("language").asText()).isEqualTo("zh");
    JsonNode notice = body.get("notices").get(0);
    assertThat(notice.get("case").asText()).isEqualTo("N-2026-001");
    assertThat(notice.get("rule").asText()).isEqualTo("needs-record");
    assertThat(notice.get("clock_start").asText()).isEqualTo("2026-11-02T02:00:00Z");
    assertThat(notice.get("due").asText()).isEqualTo("2026-11-03T02:00:00Z");
    assertThat(notice.get("state").asText()).isEqualTo("breached");
    assertThat(notice.get("overdue_minutes").asLong()).isEqualTo(120);
    assertThat(notice.get("level").asInt()).isEqualTo(1);
    assertThat(r.headers().get("x-salesflow-signature"))
        .isEqualTo("sha256=" + HexFormat.of().formatHex(hmac(SECRET, JSON.writeValueAsString(body))));
  }

  @Test
  void a5xxIsRetriedAndTheRunTwiceSendsNothingNew() throws Exception {
    statuses.addAll(List.of(503, 502));
    assertThat(run("slack").code()).isEqualTo(1);
    assertThat(requests).hasSize(3);
    assertThat(run("slack").code()).isEqualTo(1);
    assertThat(requests).hasSize(3);
  }

  @Test
  void aServiceFailingEveryTryExits3AndIsSentNextRun() throws Exception {
    statuses.addAll(List.of(500, 500, 500));
    CliRun failed = run("wecom");
    assertThat(failed.code()).isEqualTo(3);
    assertThat(failed.err()).contains("not sent to zhang.wei: wecom webhook http://127.0.0.1:")
        .contains("/hook: HTTP 500 (after 3 tries)");
    assertThat(requests).hasSize(3);
    assertThat(run("wecom").code()).isEqualTo(1);
    assertThat(requests).hasSize(4);
    assertThat(run("wecom").code()).isEqualTo(1);
    assertThat(requests).hasSize(4);
  }

  private static byte[] hmac(String key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }
}
