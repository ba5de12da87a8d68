package dev.salesflow.cli.bench;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.Replay;
import dev.salesflow.core.process.ProcessLoader;
import dev.salesflow.core.process.StateMachine;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.store.yaml.CaseFileWriter;
import dev.salesflow.core.workspace.Workspace;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Benchmark fixture, not a test: writes a workspace of generated, realistic cases for timing
 * {@code salesflow overdue} and {@code list} at scale.
 *
 * <pre>
 * java -cp cli/target/test-classes:cli/target/salesflow.jar dev.salesflow.cli.bench.CaseGenerator DIR [COUNT] [SEED]
 * </pre>
 *
 * <p>Writes {@code DIR/salesflow.yaml} ({@code timezone: Asia/Shanghai}, {@code id_prefix: GEN})
 * and {@code DIR/cases/GEN-2026-000001.yaml} ... Each case ends in one of the eight stages (lead,
 * needs, solution, negotiation, delivery, after_sales, closed, lost) through a legal event
 * sequence of the default process; timestamps lie between 2026-01-05 and 2026-11-25 in +08:00 and
 * never decrease within a case. Some follow-ups are deliberately late, so {@code overdue} at
 * 2026-11-26T18:00+08:00 finds breaches. The files are rendered with the tool's own
 * {@link CaseFileWriter#render(Case)}.
 *
 * Open cases are mostly active (last activity in the final days before 2026-11-25); the rest, and
 * every closed or lost case, lie anywhere in the year.
 *
 * <p>After writing, every case is replayed in memory, and every 100th is read back from disk
 * through the workspace's store and replayed again; any illegal event or mismatch fails the run
 * (exit status 1). Same arguments, same bytes.
 */
public final class CaseGenerator {
  static final ZoneOffset CST = ZoneOffset.ofHours(8);
  static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 5); // a Monday
  static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 25);
  static final BigDecimal THRESHOLD = new BigDecimal("1000000");

  static final List<String> STAGES =
      List.of("lead", "needs", "solution", "negotiation", "delivery", "after_sales", "closed", "lost");
  /**
   * Share of cases ending in each of {@link #STAGES}, in percent: a funnel, as a year of a sales
   * team's cases looks (many leads, many lost early, few closed), which makes about 10 events per
   * case on average, the size issue 5's targets are stated for.
   */
  static final int[] STAGE_WEIGHTS = {24, 19, 13, 7, 5, 4, 6, 22};
  static final List<String> OPEN = STAGES.subList(0, 6);
  /** Where lost cases were lost, in percent per open stage. */
  static final int[] LOST_AT_WEIGHTS = {35, 30, 20, 10, 3, 2};

  private static final String[] CITIES = {"苏州", "无锡", "常州", "杭州", "宁波", "上海", "南京", "合肥",
      "深圳", "东莞", "佛山", "青岛", "成都", "武汉", "天津", "厦门", "绍兴", "嘉兴", "温州", "昆山"};
  private static final String[] CORES = {"精工", "恒达", "华信", "瑞丰", "永安", "博远", "金桥", "宏图",
      "鼎盛", "天成", "新锐", "联创", "海纳", "九州", "启明", "正泰", "远航", "同创", "汇通", "中科",
      "凯胜", "力拓", "明德", "嘉禾"};
  private static final String[] INDUSTRIES = {"manufacturing", "retail", "healthcare", "education",
      "logistics", "energy", "construction", "food_processing"};
  private static final Map<String, String[]> SUFFIXES = Map.of(
      "manufacturing", new String[] {"机械有限公司", "精密制造有限公司", "电子科技有限公司", "自动化设备有限公司"},
      "retail", new String[] {"商贸有限公司", "连锁超市有限公司", "百货有限公司"},
      "healthcare", new String[] {"医疗器械有限公司", "生物医药有限公司", "健康管理有限公司"},
      "education", new String[] {"教育科技有限公司", "职业培训学校"},
      "logistics", new String[] {"物流有限公司", "供应链管理有限公司", "冷链运输有限公司"},
      "energy", new String[] {"新能源科技有限公司", "光伏电力有限公司", "储能技术有限公司"},
      "construction", new String[] {"建设工程有限公司", "建材有限公司", "装饰工程有限公司"},
      "food_processing", new String[] {"食品有限公司", "乳业有限公司", "饮料有限公司"});
  private static final String[] SIZES = {"small", "medium", "large", "enterprise"};
  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
      "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
  private static final String[] GIVEN = {"磊", "娜", "伟", "芳", "敏", "静", "强", "军", "洋", "艳",
      "杰", "涛", "明", "超", "霞", "平", "刚", "桂英", "秀英", "建国", "志强", "海燕", "晓东", "丽华"};
  private static final String[] TITLES = {"采购经理", "采购总监", "总经理", "技术总监", "设备部主管",
      "信息部经理", "运营总监", "厂长"};
  private static final String[] SOURCES = {"exhibition", "online", "referral", "research", "other"};
  private static final int[] SOURCE_WEIGHTS = {30, 30, 20, 12, 8};
  private static final String[] OWNERS = {"zhang.wei", "li.na", "wang.fang", "liu.yang", "chen.jing",
      "zhao.min", "huang.tao", "zhou.jie", "wu.xia", "xu.qiang", "sun.li", "ma.chao"};
  private static final String[] NEEDS = {"数控机床配件年度采购", "生产线自动化改造", "仓储管理系统升级",
      "工业机器人集成", "冷链运输设备", "办公网络设备更新", "光伏组件采购", "实验室检测仪器",
      "门店收银系统", "智能制造MES系统", "包装流水线扩建", "环保除尘设备"};
  private static final String[] MODELS = {"SF-CNC-800", "SF-ROB-220", "SF-WMS-3", "SF-PV-550",
      "SF-LAB-12", "SF-POS-9", "SF-MES-2", "SF-PKG-40"};
  private static final String[] CHANNELS = {"phone", "wechat", "email", "visit"};
  private static final String[] LOST_REASONS = {"客户预算取消", "选择了竞争对手", "项目延期至明年",
      "价格未达成一致", "客户需求变更", "联系人离职，项目搁置"};
  private static final String[] NOTES = {"客户要求下周再联系", "已发送产品资料", "客户在比较三家供应商",
      "等待客户内部立项", "客户关注交期", "约定月底前回复", "客户索要参考案例", "电话未接通，已留言"};
  private static final String[] CHASE_NOTES = {"客户来电催问进度", "客户询问为何尚无回复",
      "经理提醒尽快跟进", "客户邮件催促"};

  // colleagues who record the steps that are not the owner's
  private static final String MANAGER = "mgr.liang";
  private static final String PRODUCT = "pm.gao";
  private static final String TECH = "tech.he";
  private static final String SUPPLY = "scm.luo";
  private static final String FINANCE = "fin.zhu";
  private static final String LEGAL = "legal.guo";
  private static final String GM = "gm.lin";
  private static final String ORDERS = "ops.hu";
  private static final String SERVICE = "svc.ye";

  private CaseGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: CaseGenerator DIR [COUNT=10000] [SEED=42]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    try {
      generate(dir, count, seed);
    } catch (IllegalStateException e) {
      System.err.println("CaseGenerator: FAILED: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Writes the workspace and verifies it; throws {@link IllegalStateException} on any illegal case. */
  static void generate(Path dir, int count, long seed) throws IOException {
    if (count < 1 || count > 9_999_999) {
      throw new IllegalArgumentException("count must be 1..9999999, got " + count);
    }
    // six digits as always up to 999,999 cases (same names, same bytes), seven beyond, as SqliteLoad's
    String idFormat = count > 999_999 ? "GEN-2026-%07d" : "GEN-2026-%06d";
    Path cases = dir.resolve("cases");
    if (Files.isDirectory(cases)) {
      try (Stream<Path> existing = Files.list(cases)) {
        if (existing.findAny().isPresent()) {
          throw new IllegalStateException(cases + " is not empty; generate into a fresh folder");
        }
      }
    }
    Files.createDirectories(cases);
    Files.writeString(dir.resolve("salesflow.yaml"),
        "# Generated by dev.salesflow.cli.bench.CaseGenerator (seed " + seed + ", " + count + " cases)\n"
            + "timezone: Asia/Shanghai\n"
            + "approval_threshold: 1000000\n"
            + "id_prefix: GEN\n",
        StandardCharsets.UTF_8);

    long started = System.nanoTime();
    StateMachine machine = new StateMachine(ProcessLoader.defaultProcess(), THRESHOLD);
    Map<String, Integer> stages = new LinkedHashMap<>();
    STAGES.forEach(s -> stages.put(s, 0));
    int[] eventCounts = new int[count];
    Map<String, List<Integer>> eventsByStage = new LinkedHashMap<>();
    STAGES.forEach(s -> eventsByStage.put(s, new ArrayList<>()));
    long bytes = 0;
    List<Case> sample = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Random random = new Random(seed * 1_000_003L + i);
      String id = String.format(idFormat, i);
      String target = pick(random, STAGES, STAGE_WEIGHTS);
      Case c = new Builder(random, id, target).build();
      // every case is replayed in memory: it must be legal and end where it was meant to
      Replay replay = machine.replay(c);
      if (replay.illegal().isPresent()) {
        Replay.Violation v = replay.illegal().get();
        throw new IllegalStateException(id + " (meant to end in " + target + "): event #" + (v.eventIndex() + 1)
            + " " + c.events().get(v.eventIndex()) + " is illegal: " + v.message());
      }
      if (!replay.stage().equals(target)) {
        throw new IllegalStateException(id + " ends in " + replay.stage() + ", meant to end in " + target);
      }
      String text = CaseFileWriter.render(c);
      byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
      Files.write(cases.resolve(id + ".yaml"), encoded);
      bytes += encoded.length;
      stages.merge(target, 1, Integer::sum);
      eventCounts[i - 1] = c.events().size();
      eventsByStage.get(target).add(c.events().size());
      if (i % 100 == 1 || count < 100) {
        sample.add(c);
      }
    }
    double writeSeconds = (System.nanoTime() - started) / 1e9;

    // every 100th case read back from disk through the workspace's own store, and replayed
    Workspace workspace = Workspace.open(dir);
    StateMachine sampleMachine = new StateMachine(ProcessLoader.defaultProcess(), new BigDecimal("1000000"));
    try (CaseStore store = workspace.openStore()) {
      for (Case expected : sample) {
        Case read = store.load(expected.id());
        if (!read.equals(expected)) {
          throw new IllegalStateException(expected.id() + ": the file does not read back as the generated case");
        }
        Replay replay = sampleMachine.replay(read);
        if (!replay.illegal().isEmpty()) {
          throw new IllegalStateException(expected.id() + " read back from disk replays illegally: "
              + replay.illegal().get().message());
        }
      }
    }

    Arrays.sort(eventCounts);
    long total = Arrays.stream(eventCounts).asLongStream().sum();
    System.out.printf("generated %d cases in %s (seed %d): %.1f MB, %d events, %.1f s%n",
        count, cases, seed, bytes / 1e6, total, writeSeconds);
    System.out.printf("events per case: min %d, p10 %d, median %d, p90 %d, max %d, mean %.1f%n",
        eventCounts[0], eventCounts[count / 10], eventCounts[count / 2], eventCounts[Math.min(count - 1, count * 9 / 10)],
        eventCounts[count - 1], (double) total / count);
    stages.forEach((stage, n) -> {
      List<Integer> counts = eventsByStage.get(stage);
      counts.sort(null);
      System.out.printf("stage %-12s %6d  (%4.1f%%)  events min %2d median %2d max %2d%n", stage, n, 100.0 * n / count,
          counts.isEmpty() ? 0 : counts.get(0), counts.isEmpty() ? 0 : counts.get(counts.size() / 2),
          counts.isEmpty() ? 0 : counts.get(counts.size() - 1));
    });
    System.out.printf("verified: all %d cases replay legally in memory; %d (every 100th) read back from disk"
        + " equal and replay legally%n", count, sample.size());
  }

  static <T> T pick(Random random, List<T> values, int[] weights) {
    int total = Arrays.stream(weights).sum();
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return values.get(i);
      }
    }
    throw new AssertionError();
  }

  static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  /** Builds one case: a timeline generated from 2026-01-05, then moved by whole weeks into the year. */
  static final class Builder {
    private final Random r;
    private final String id;
    private final String target;
    private String owner;
    private Priority priority;
    private OffsetDateTime registeredAt;
    private OffsetDateTime cursor;
    private List<Event> events;
    private int issues;

    Builder(Random r, String id, String target) {
      this.r = r;
      this.id = id;
      this.target = target;
    }

    Case build() {
      String industry = pick(r, INDUSTRIES);
      String company = pick(r, CITIES) + pick(r, CORES) + pick(r, SUFFIXES.get(industry));
      String contactName = pick(r, SURNAMES) + pick(r, GIVEN);
      String phone = null;
      String email = null;
      int reach = r.nextInt(10);
      if (reach < 8) {
        phone = r.nextInt(2) == 0
            ? String.format("+86 1%d%d %04d %04d", 3 + r.nextInt(7), r.nextInt(10), r.nextInt(10_000), r.nextInt(10_000))
            : String.format("+86 %d %04d %04d", 510 + r.nextInt(80), 5000 + r.nextInt(5000), r.nextInt(10_000));
      }
      if (reach >= 6) {
        email = "contact" + (1 + r.nextInt(99)) + "@" + id.toLowerCase().replace("-", "") + ".example.cn";
      }
      Customer customer = new Customer(company, industry, r.nextInt(4) == 0 ? null : pick(r, SIZES),
          new Contact(contactName, r.nextInt(5) == 0 ? null : pick(r, TITLES), phone, email));
      String source = pick(r, Arrays.asList(SOURCES), SOURCE_WEIGHTS);
      int p = r.nextInt(100);
      priority = p < 25 ? Priority.A : p < 70 ? Priority.B : Priority.C;
      owner = pick(r, OWNERS);
      String need = pick(r, NEEDS);
      boolean open = OPEN.contains(target);
      boolean active = open && r.nextInt(100) < 85;

      // build on a timeline registered in the first week of January, then shift it later in the
      // year so that it ends at the latest on LAST_DAY
      for (int attempt = 0; ; attempt++) {
        registeredAt = at(FIRST_DAY.plusDays(r.nextInt(5)), 9 * 60 + r.nextInt(9 * 60));
        cursor = registeredAt;
        events = new ArrayList<>();
        issues = 0;
        events(active);
        LocalDate lastDay = cursor.toLocalDate();
        long spareWeeks = ChronoUnit.DAYS.between(lastDay, LAST_DAY) / 7;
        if (lastDay.isAfter(LAST_DAY)) {
          if (attempt > 100) {
            throw new IllegalStateException(id + ": cannot fit a timeline into 2026");
          }
          continue;
        }
        // active open cases: last activity in the final days before LAST_DAY (shifted by days);
        // the rest: anywhere in the year (shifted by whole weeks, keeping the weekdays)
        long spareDays = ChronoUnit.DAYS.between(lastDay, LAST_DAY);
        long days = active
            ? Math.max(0, spareDays - r.nextInt(4))
            : 7L * r.nextInt((int) spareWeeks + 1);
        registeredAt = registeredAt.plusDays(days);
        List<Event> shifted = new ArrayList<>(events.size());
        for (Event e : events) {
          shifted.add(new Event(e.at().plusDays(days), e.type(), e.by(), e.note(), e.fields()));
        }
        return new Case(id, customer, source, priority, owner, registeredAt, need, shifted);
      }
    }

    private void events(boolean active) {
      if (target.equals("closed")) {
        for (String stage : OPEN) {
          complete(stage);
        }
        return;
      }
      String last = target.equals("lost") ? pick(r, OPEN, LOST_AT_WEIGHTS) : target;
      for (String stage : OPEN) {
        if (stage.equals(last)) {
          break;
        }
        complete(stage);
      }
      partial(last, active);
      if (target.equals("lost")) {
        advance("lost", laterDays(1, 20), pick(r, LOST_REASONS));
      }
    }

    // ---- whole stages, ending with the forward advance ----

    private void complete(String stage) {
      switch (stage) {
        case "lead" -> {
          firstContact(late());
          if (chance(25)) {
            add("note", laterDays(0, 3), owner, pick(r, NOTES));
          }
          advance("needs", laterDays(0, 4), null);
        }
        case "needs" -> {
          meetingAndRecord();
          add("requirements_confirmed", laterDays(1, 4), owner);
          add("analysis_reported", laterDays(1, 5), MANAGER);
          advance("solution", laterDays(0, 2), null);
        }
        case "solution" -> {
          add("solution_drafted", laterDays(1, 6), PRODUCT);
          add("feasibility_checked", laterDays(1, 4), TECH);
          add("cost_checked", laterDays(0, 3), SUPPLY);
          add("price_reviewed", laterDays(0, 3), FINANCE);
          if (chance(15)) {
            add("solution_reviewed", laterDays(1, 3), MANAGER, "result", "rejected");
            if (chance(30)) {
              // rework: back to needs with a reason, refine the needs, forward again
              advance("needs", laterDays(0, 1), "内部评审未通过，需重新确认需求");
              meetingAndRecord();
              add("requirements_confirmed", laterDays(0, 2), owner);
              advance("solution", laterDays(0, 2), null);
            }
            add("solution_drafted", laterDays(1, 5), PRODUCT, null, null, "修订版方案");
            add("price_reviewed", laterDays(0, 2), FINANCE);
          }
          add("solution_reviewed", laterDays(1, 3), MANAGER, "result", "approved");
          advance("negotiation", laterDays(0, 2), null);
        }
        case "negotiation" -> {
          long amount = amount();
          add("negotiation_prepared", laterDays(1, 5), owner);
          add("contract_reviewed", laterDays(1, 6), LEGAL);
          approval(amount);
          add("contract_signed", laterDays(1, 7), owner, "amount", Long.toString(amount));
          advance("delivery", laterDays(0, 2), null);
        }
        case "delivery" -> {
          add("order_created", laterDays(0, 2), owner);
          add("order_reviewed", laterDays(0, 2), ORDERS);
          if (chance(60)) {
            add("order_routed", laterMinutes(30, 240), ORDERS, "route", chance(60) ? "production" : "logistics");
          }
          int updates = r.nextInt(3);
          for (int u = 0; u < updates; u++) {
            progress(false);
          }
          add("delivery_accepted", late() ? laterDays(8, 12) : laterDays(2, 6), owner);
          advance("after_sales", laterMinutes(10, 120), null);
        }
        case "after_sales" -> {
          add("after_sales_contact", afterSalesContactTime(), SERVICE);
          if (chance(20)) {
            issue(true, true);
          }
          add("survey_done", late() ? laterDays(10, 18) : laterDays(1, 8), SERVICE);
          if (chance(10)) {
            add(chance(60) ? "repeat_business" : "referral_recorded", laterDays(1, 10), owner);
          }
          advance("closed", laterDays(0, 7), null);
        }
        default -> throw new IllegalArgumentException(stage);
      }
    }

    // ---- the stage a case is in (or was lost in): some of its work, perhaps a late follow-up ----

    private void partial(String stage, boolean active) {
      switch (stage) {
        case "lead" -> {
          if (chance(30)) {
            // not contacted yet; when there is a later note, the first contact is late
            int notes = 1 + r.nextInt(3);
            for (int n = 0; n < notes; n++) {
              add("note", laterDays(1, 4), owner, pick(r, NOTES));
            }
          } else {
            firstContact(late());
            genericFollowUps(2 + r.nextInt(3));
            if (chance(10)) {
              // a meeting whose needs record is still missing
              add("meeting", laterDays(1, 5), owner);
              chaseMaybe(active, 2, 6);
            }
          }
        }
        case "needs" -> {
          int done = r.nextInt(5);
          if (done >= 1) {
            add("meeting", laterDays(0, 5), owner);
            if (done == 1) {
              chaseMaybe(active, 2, 6);
            } else {
              add("requirements_recorded", late() ? laterMinutes(26 * 60, 60 * 60) : laterMinutes(60, 20 * 60), owner);
            }
          }
          if (done >= 3) {
            add("requirements_confirmed", laterDays(1, 4), owner);
          }
          if (done >= 4) {
            add("analysis_reported", laterDays(1, 5), MANAGER);
          }
          genericFollowUps(r.nextInt(3));
        }
        case "solution" -> {
          String[][] steps = {{"solution_drafted", PRODUCT}, {"feasibility_checked", TECH},
              {"cost_checked", SUPPLY}, {"price_reviewed", FINANCE}};
          int done = r.nextInt(6);
          for (int s = 0; s < Math.min(done, 4); s++) {
            add(steps[s][0], laterDays(1, 4), steps[s][1]);
          }
          if (done == 5) {
            add("solution_reviewed", laterDays(1, 3), MANAGER, "result", chance(70) ? "approved" : "rejected");
          }
          genericFollowUps(r.nextInt(3));
        }
        case "negotiation" -> {
          long amount = amount();
          int done = r.nextInt(4);
          if (done >= 1) {
            add("negotiation_prepared", laterDays(1, 5), owner);
          }
          if (done >= 2) {
            add("contract_reviewed", laterDays(1, 6), LEGAL);
          }
          if (done >= 3) {
            approval(amount);
            add("contract_signed", laterDays(1, 7), owner, "amount", Long.toString(amount));
          }
          genericFollowUps(r.nextInt(3));
        }
        case "delivery" -> {
          int done = r.nextInt(4);
          if (done >= 1) {
            add("order_created", laterDays(0, 2), owner);
          }
          if (done >= 2) {
            add("order_reviewed", laterDays(0, 2), ORDERS);
          }
          if (done >= 3) {
            add("order_routed", laterMinutes(30, 240), ORDERS, "route", chance(60) ? "production" : "logistics");
            int updates = r.nextInt(4);
            for (int u = 0; u < updates; u++) {
              progress(chance(15));
            }
          }
          // a weekly progress update that is overdue: only chasing notes since the last one
          chaseMaybe(active, 8, 14);
        }
        case "after_sales" -> {
          if (chance(80)) {
            add("after_sales_contact", afterSalesContactTime(), SERVICE);
          } else {
            chaseMaybe(active, 4, 8);
          }
          if (chance(35)) {
            int state = r.nextInt(4);
            issue(state >= 1, state >= 2);
          }
          if (chance(45)) {
            add("survey_done", laterDays(1, 8), SERVICE);
          }
          genericFollowUps(r.nextInt(2));
        }
        default -> throw new IllegalArgumentException(stage);
      }
    }

    // ---- steps ----

    private void firstContact(boolean late) {
      int targetDays = switch (priority) {
        case A -> 1;
        case B -> 3;
        case C -> 7;
      };
      OffsetDateTime at = late ? laterDays(targetDays + 3, targetDays + 10)
          : priority == Priority.A ? laterMinutes(30, 300) : laterDays(0, targetDays - 1);
      add("contacted", at, owner, "channel", pick(r, CHANNELS));
    }

    private void meetingAndRecord() {
      add("meeting", laterDays(0, 5), owner);
      add("requirements_recorded", late() ? laterMinutes(26 * 60, 60 * 60) : laterMinutes(60, 20 * 60), owner);
    }

    private void approval(long amount) {
      // an approval carries the amount it approves (the approval matrix of issue 18 requires it)
      if (amount >= THRESHOLD.longValueExact()) {
        events.add(new Event(laterDays(0, 3), "approval", GM, null,
            new TreeMap<>(Map.of("role", "general_manager", "amount", Long.toString(amount)))));
      } else if (chance(30)) {
        events.add(new Event(laterDays(0, 2), "approval", MANAGER, null,
            new TreeMap<>(Map.of("role", "sales_manager", "amount", Long.toString(amount)))));
      }
    }

    private void progress(boolean delayNotice) {
      if (delayNotice) {
        add("delay_notified", laterDays(1, 3), owner, null, null, "原材料到货延迟，交期顺延一周");
      }
      add("progress_update", late() ? laterDays(8, 12) : laterDays(3, 6), ORDERS);
    }

    private OffsetDateTime afterSalesContactTime() {
      return late() ? laterDays(5, 9) : laterDays(0, 2);
    }

    /** An issue reported, then perhaps answered and solved (late sometimes). */
    private void issue(boolean responded, boolean resolved) {
      String key = "Q-" + (++issues);
      add("issue_reported", laterDays(1, 6), SERVICE, "issue", key);
      if (responded) {
        add("issue_responded", late() ? laterMinutes(150, 400) : laterMinutes(10, 100), SERVICE, "issue", key);
      }
      if (resolved) {
        add("issue_resolved", late() ? laterMinutes(26 * 60, 60 * 60) : laterMinutes(120, 20 * 60), TECH, "issue", key);
      }
    }

    /** {@code n} contacts and notes, a few days apart. */
    private void genericFollowUps(int n) {
      for (int i = 0; i < n; i++) {
        if (chance(50)) {
          add("contacted", laterDays(1, 6), owner, "channel", pick(r, CHANNELS));
        } else {
          add("note", laterDays(1, 6), owner, pick(r, NOTES));
        }
      }
    }

    /** Sometimes (more often for active cases) a chasing note days later, while the step stays undone. */
    private void chaseMaybe(boolean active, int minDays, int maxDays) {
      if (chance(active ? 25 : 15)) {
        add("note", laterDays(minDays, maxDays), chance(50) ? owner : MANAGER, pick(r, CHASE_NOTES));
      }
    }

    private long amount() {
      // log-uniform 50k .. 5M, whole thousands: about a third at or above the 1M threshold
      double log = Math.log(50_000) + r.nextDouble() * (Math.log(5_000_000) - Math.log(50_000));
      return Math.round(Math.exp(log) / 1000) * 1000;
    }

    private void advance(String to, OffsetDateTime at, String reason) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("to", to);
      if (reason != null) {
        fields.put("reason", reason);
      }
      events.add(new Event(at, Event.ADVANCE, owner, null, fields));
    }

    private void add(String type, OffsetDateTime at, String by) {
      events.add(new Event(at, type, by, null, Map.of()));
    }

    private void add(String type, OffsetDateTime at, String by, String note) {
      events.add(new Event(at, type, by, note, Map.of()));
    }

    private void add(String type, OffsetDateTime at, String by, String field, String value) {
      add(type, at, by, field, value, null);
    }

    private void add(String type, OffsetDateTime at, String by, String field, String value, String note) {
      Map<String, String> fields = new TreeMap<>();
      if (field != null) {
        fields.put(field, value);
      }
      events.add(new Event(at, type, by, note, fields));
    }

    // ---- time ----

    private boolean chance(int percent) {
      return r.nextInt(100) < percent;
    }

    /** A deliberately late follow-up, about one step in eight. */
    private boolean late() {
      return chance(12);
    }

    /** {@code min..max} minutes after the previous event. */
    private OffsetDateTime laterMinutes(int min, int max) {
      cursor = cursor.plusMinutes(min + r.nextInt(max - min + 1));
      return cursor;
    }

    /**
     * {@code min..max} days after the previous event, in office hours on a weekday; 0 days is a
     * little later the same day.
     */
    private OffsetDateTime laterDays(int min, int max) {
      int days = min + r.nextInt(max - min + 1);
      if (days == 0) {
        return laterMinutes(20, 180);
      }
      LocalDate day = cursor.toLocalDate().plusDays(days);
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
        day = day.plusDays(2);
      } else if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        day = day.plusDays(1);
      }
      OffsetDateTime candidate = at(day, 9 * 60 + r.nextInt(9 * 60));
      cursor = candidate.isBefore(cursor) ? cursor : candidate;
      return cursor;
    }

    private static OffsetDateTime at(LocalDate day, int minuteOfDay) {
      return OffsetDateTime.of(day, LocalTime.of(minuteOfDay / 60, minuteOfDay % 60), CST);
    }
  }
}
