package dev.chainbreaker.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.core.event.Sensitive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through a real Kafka broker (KRaft, one combined node, started in-process on loopback
 * with its logs in a temp directory): the shared scenarios go in as CloudEvents keyed by phone, the
 * job (Kafka mode, parallelism 2, exactly-once sinks) writes decisions that equal the embedded
 * engine's; the entity stage's risk facts go round the feedback topic, and an account opened on
 * the stolen phone's exposed ID number from another phone is then refused, as embedded.
 */
class KafkaEndToEndTest {
  static final String EVENTS = "chainbreaker.events";
  static final String DECISIONS = "chainbreaker.decisions";
  static final String RISK = "chainbreaker.entity-risk";
  static final String RULES = "chainbreaker.rules";
  /** From another phone, after the stolen-phone scenario, on the ID number the thief exposed. */
  static final String PROBE = "{\"specversion\": \"1.0\", \"id\": \"probe-1\", \"source\": \"/bank/probe-bank\", \"type\": \"account.created\", "
      + "\"time\": \"2020-09-05T06:00:00+08:00\", \"subject\": \"+8613900000077\", \"datacontenttype\": \"application/json\", "
      + "\"data\": {\"account\": \"probe-0001\", \"idNumber\": \"510104199001011234\", \"channel\": \"app\"}}";

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir
  static Path tmp;

  static KafkaClusterTestKit kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    Harness.shared();
    kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
            .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
            .setBaseDirectory(tmp.resolve("kafka"))
            .build())
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(EVENTS, 2, (short) 1), new NewTopic(DECISIONS, 2, (short) 1), new NewTopic(RISK, 1, (short) 1), new NewTopic(RULES, 1, (short) 1)))
          .all().get();
    }
  }

  @AfterAll
  static void stopKafka() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void eventsInDecisionsOutThroughKafka() throws Exception {
    assertTrue(kafka.bootstrapServers().startsWith("localhost:") || kafka.bootstrapServers().startsWith("127.0.0.1:"), kafka.bootstrapServers());
    List<String> lines = Harness.scenarioLines();
    Path secret = Files.write(tmp.resolve("secret"), Harness.SECRET);

    Configuration conf = new Configuration();
    conf.setString("execution.checkpointing.interval", "300 ms");
    conf.setString("execution.checkpointing.mode", "EXACTLY_ONCE");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    Map<String, String> args = new LinkedHashMap<>();
    args.put("bootstrap", kafka.bootstrapServers());
    args.put("events", EVENTS);
    args.put("decisions", DECISIONS);
    args.put("risk-topic", RISK);
    args.put("rules-topic", RULES);
    args.put("secret-file", secret.toString());
    ChainBreakerJob.build(env, args);
    JobClient job = env.executeAsync("chainbreaker-kafka-e2e");
    try {
      produce(lines);
      List<String> decisions = consume(DECISIONS, lines.size(), Duration.ofSeconds(120), v -> true);
      Harness.assertSameDecisions(Harness.reference(lines), decisions, "through Kafka at parallelism 2");

      // The stolen line's ID number is at risk: the fact goes round the feedback topic (committed) ...
      long idHash = new Sensitive(Harness.SECRET).idNumber("510104199001011234").hash();
      consume(RISK, 1, Duration.ofSeconds(60), v -> v.startsWith("risk\t" + idHash + "\t"));
      // ... and reaches the phone stage a poll later. Each probe comes from a phone of its own, so an
      // early probe (decided before the fact arrived) cannot change what a later one knows.
      String probe = null;
      String decided = null;
      int tries = 0;
      long t0 = System.nanoTime();
      while (tries < 60 && (decided == null || !decided.contains("\"decision\":\"DENY\""))) {
        probe = PROBE.replace("probe-1", "probe-" + tries).replace("+8613900000077", "+86139000001" + String.format("%02d", tries));
        produce(List.of(probe));
        String id = "\"eventId\":\"probe-" + tries + "\"";
        decided = consume(DECISIONS, 1, Duration.ofSeconds(30), v -> v.contains(id)).get(0);
        tries++;
      }
      System.out.printf("feedback: the risk fact was in force for probe %d, %.1f s after it was committed%n", tries, (System.nanoTime() - t0) / 1e9);
      List<String> all = new ArrayList<>(lines);
      all.add(probe);
      String expected = Harness.reference(all).get(Harness.key("/bank/probe-bank", "probe-" + (tries - 1)));
      assertTrue(expected.contains("\"decision\":\"DENY\"") && expected.contains("identity.at_risk"), expected);
      assertEquals(expected, decided, "the probe from another phone, once the fact has come round");

      // A new rule pack on the rules topic swaps in while the job runs.
      String v2 = PhoneStageTest.BASE.replace("code: owner.protective_action\n", "code: owner.protective_action_v2\n");
      send(RULES, "pack", v2);
      boolean swapped = false;
      for (int i = 0; i < 40 && !swapped; i++) {
        produce(List.of(PROBE_FROZEN.replace("ID", "frozen-" + i)));
        String id = "\"eventId\":\"frozen-" + i + "\"";
        String last = consume(DECISIONS, 1, Duration.ofSeconds(30), v -> v.contains(id)).get(0);
        assertTrue(last.contains("owner.protective_action"), last);
        swapped = last.contains("\"code\":\"owner.protective_action_v2\"");
      }
      assertTrue(swapped, "the pack published on " + RULES + " never came into force");
    } finally {
      job.cancel().get();
    }
  }

  static final String PROBE_FROZEN = "{\"specversion\": \"1.0\", \"id\": \"ID\", \"source\": \"/bank/icbc\", \"type\": \"card.frozen\", "
      + "\"time\": \"2020-09-06T12:00:00+08:00\", \"subject\": \"+8613900000088\", \"datacontenttype\": \"application/json\", "
      + "\"data\": {\"card\": \"6212000000000000999\", \"channel\": \"hotline\"}}";

  private static void send(String topic, String key, String value) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    p.put("acks", "all");
    p.put("max.request.size", "4194304");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  private static void produce(List<String> lines) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    p.put("acks", "all");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (String line : lines) {
        String subject = line.replaceAll(".*\"subject\": ?\"([^\"]+)\".*", "$1");
        producer.send(new ProducerRecord<>(EVENTS, subject, line)); // keyed by phone: one phone, one partition, in order
      }
      producer.flush();
    }
  }

  /** Reads a topic from the start (committed records only) until {@code n} values match or the time is up. */
  private static List<String> consume(String topic, int n, Duration timeout, Predicate<String> match) {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    p.put("isolation.level", "read_committed");
    p.put("auto.offset.reset", "earliest");
    p.put("group.id", "verify-" + System.nanoTime());
    List<String> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long end = System.nanoTime() + timeout.toNanos();
      while (out.size() < n && System.nanoTime() < end) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          if (match.test(r.value())) {
            out.add(r.value());
          }
        }
      }
    }
    assertEquals(n, out.size(), "records on " + topic + " within " + timeout);
    return out;
  }
}
