package dev.chainbreaker.flink;

import dev.chainbreaker.core.rules.RulePackLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The ChainBreaker Flink job. Kafka mode (the default) reads CloudEvents from a topic and writes
 * decisions to another, exactly once; file mode ({@code --input}) replays files for backfills and
 * writes decisions as JSON lines under {@code --output}.
 *
 * <pre>
 * flink run -c dev.chainbreaker.flink.ChainBreakerJob chainbreaker-flink-job.jar \
 *   --bootstrap kafka:9092 --events chainbreaker.events --decisions chainbreaker.decisions \
 *   --risk-topic chainbreaker.entity-risk --rules-topic chainbreaker.rules \
 *   --rules pack.yaml --secret-file /etc/chainbreaker/secret --parallelism 8 \
 *   --checkpoint-dir s3://bucket/chainbreaker/checkpoints --state-backend rocksdb
 * </pre>
 */
public final class ChainBreakerJob {
  private ChainBreakerJob() {}

  static final String USAGE = """
      usage: ChainBreakerJob [options]
        --bootstrap HOST:PORT        Kafka bootstrap servers (Kafka mode)
        --events TOPIC               CloudEvents in (default chainbreaker.events)
        --decisions TOPIC            decisions out (default chainbreaker.decisions)
        --risk-topic TOPIC           identity-graph risk facts, written and read back (default chainbreaker.entity-risk; "none" to disable)
        --rules-topic TOPIC          rule packs (YAML record values) to swap in while running (optional)
        --group-id ID                consumer group (default chainbreaker-flink)
        --input PATH                 file mode: JSON-lines file or directory to replay (backfill)
        --output DIR                 file mode: where decisions go (JSON lines; default: discarded)
        --rules FILE                 the rule pack to start with (default: the bundled pack)
        --secret-file FILE           identifier hashing secret (>= 16 bytes), the same as the embedded engine's
        --region CC                  default phone region (default CN)
        --parallelism N              default 1
        --checkpoint-dir URI         e.g. file:///var/chainbreaker/checkpoints or s3://...
        --checkpoint-interval MS     default 10000
        --state-backend NAME         rocksdb (default) or hashmap
        --state-ttl-days N           drop a phone after N days without events (default: the pack's stateTtl)
        --max-parallelism N          key groups, fixed for the life of the state (default 4096)
        --delivery GUARANTEE         exactly-once (default; decisions visible at each checkpoint) or at-least-once (lower latency)
      """;

  public static void main(String[] args) throws Exception {
    Map<String, String> a = parse(args);
    if (a.containsKey("help")) {
      System.out.print(USAGE);
      return;
    }
    Configuration conf = new Configuration();
    conf.setString("execution.checkpointing.interval", a.getOrDefault("checkpoint-interval", "10000") + " ms");
    conf.setString("execution.checkpointing.mode", "EXACTLY_ONCE");
    conf.setString("state.backend.type", a.getOrDefault("state-backend", "rocksdb"));
    conf.setString("execution.checkpointing.incremental", "true");
    if (a.containsKey("checkpoint-dir")) {
      conf.setString("execution.checkpointing.dir", a.get("checkpoint-dir"));
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(Integer.parseInt(a.getOrDefault("parallelism", "1")));
    env.setMaxParallelism(Integer.parseInt(a.getOrDefault("max-parallelism", "4096")));
    build(env, a);
    env.execute("chainbreaker");
  }

  /** Builds the job on {@code env} from parsed options (tests call this with a MiniCluster environment). */
  static void build(StreamExecutionEnvironment env, Map<String, String> a) throws IOException {
    String pack = a.containsKey("rules") ? Files.readString(Path.of(a.get("rules")), StandardCharsets.UTF_8)
        : RulePackLoader.defaultPack().source();
    RulePackLoader.load(pack); // a bad pack fails here, with its line, not in the cluster
    byte[] secret = secret(a.get("secret-file"));
    long ttlMs = a.containsKey("state-ttl-days") ? Long.parseLong(a.get("state-ttl-days")) * 86_400_000L : 0;
    Pipeline.Options options = new Pipeline.Options(a.getOrDefault("region", "CN"), secret, pack, ttlMs);

    if (a.containsKey("input")) {
      FileSource<String> files = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
          new org.apache.flink.core.fs.Path(a.get("input"))).build();
      DataStream<String> lines = env.fromSource(files, WatermarkStrategy.noWatermarks(), "events (files)").uid("file-source");
      Pipeline.Result r = Pipeline.build(env, lines, null, options);
      if (a.containsKey("output")) {
        r.decisions().map(d -> d.json).name("decision JSON").uid("decision-json")
            .sinkTo(FileSink.forRowFormat(new org.apache.flink.core.fs.Path(a.get("output")), new SimpleStringEncoder<String>()).build())
            .name("decisions (files)").uid("file-sink");
      } else {
        r.decisions().sinkTo(new DiscardingSink<>()).name("decisions (discarded)").uid("discard-sink");
      }
      r.risks().sinkTo(new DiscardingSink<>()).name("risk facts (no feedback in file mode)").uid("risk-discard");
      r.rejected().print("rejected").name("rejected").uid("rejected-print");
      return;
    }

    String bootstrap = require(a, "bootstrap");
    String group = a.getOrDefault("group-id", "chainbreaker-flink");
    DeliveryGuarantee guarantee = switch (a.getOrDefault("delivery", "exactly-once")) {
      case "exactly-once" -> DeliveryGuarantee.EXACTLY_ONCE;
      case "at-least-once" -> DeliveryGuarantee.AT_LEAST_ONCE;
      default -> throw new IllegalArgumentException("--delivery is exactly-once or at-least-once\n" + USAGE);
    };
    DataStream<String> lines = env.fromSource(kafkaSource(bootstrap, a.getOrDefault("events", "chainbreaker.events"), group + "-events", false),
        WatermarkStrategy.noWatermarks(), "events (Kafka)").uid("kafka-events");
    DataStream<Control> control = null;
    String riskTopic = a.getOrDefault("risk-topic", "chainbreaker.entity-risk");
    boolean feedback = !riskTopic.equals("none");
    if (feedback) {
      control = env.fromSource(kafkaSource(bootstrap, riskTopic, group + "-risk", true), WatermarkStrategy.noWatermarks(), "risk facts (Kafka)")
          .uid("kafka-risk").map(Control::fromLine).name("parse risk facts").uid("risk-parse");
    }
    if (a.containsKey("rules-topic")) {
      DataStream<Control> packs = env.fromSource(kafkaSource(bootstrap, a.get("rules-topic"), group + "-rules", true),
          WatermarkStrategy.noWatermarks(), "rule packs (Kafka)").uid("kafka-rules").map(Control::pack).name("rule pack").uid("rules-parse");
      control = control == null ? packs : control.union(packs);
    }
    Pipeline.Result r = Pipeline.build(env, lines, control, options);
    r.decisions().sinkTo(KafkaSink.<DecisionRecord>builder()
        .setBootstrapServers(bootstrap)
        .setRecordSerializer(KafkaRecordSerializationSchema.<DecisionRecord>builder()
            .setTopic(a.getOrDefault("decisions", "chainbreaker.decisions"))
            .setKeySerializationSchema(new DecisionKey())
            .setValueSerializationSchema(new DecisionValue())
            .build())
        .setDeliveryGuarantee(guarantee)
        .setTransactionalIdPrefix(group + "-decisions")
        .setProperty("transaction.timeout.ms", "900000")
        .build()).name("decisions (Kafka)").uid("kafka-decisions");
    if (feedback) {
      r.risks().map(Control::toLine).name("risk line").uid("risk-line").sinkTo(KafkaSink.<String>builder()
          .setBootstrapServers(bootstrap)
          .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder()
              .setTopic(riskTopic).setKeySerializationSchema(new RiskKey()).setValueSerializationSchema(new SimpleStringSchema()).build())
          .setDeliveryGuarantee(guarantee)
          .setTransactionalIdPrefix(group + "-risk")
          .setProperty("transaction.timeout.ms", "900000")
          .build()).name("risk facts (Kafka)").uid("kafka-risk-sink");
    } else {
      r.risks().sinkTo(new DiscardingSink<>()).name("risk facts (discarded)").uid("risk-discard");
    }
    r.rejected().print("rejected").name("rejected").uid("rejected-print");
  }

  /** The phone: decisions about one phone stay in one partition, in order. */
  static final class DecisionKey implements SerializationSchema<DecisionRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(DecisionRecord d) {
      return d.subject.getBytes(StandardCharsets.UTF_8);
    }
  }

  static final class DecisionValue implements SerializationSchema<DecisionRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(DecisionRecord d) {
      return d.json.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** The entity: the feedback topic can be compacted, the latest fact per entity kept. */
  static final class RiskKey implements SerializationSchema<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(String line) {
      int a = line.indexOf('\t');
      int b = line.indexOf('\t', a + 1);
      return line.substring(a + 1, b).getBytes(StandardCharsets.UTF_8);
    }
  }

  /**
   * A source of committed records. Restored from a checkpoint or savepoint it resumes where the state
   * was taken. On a fresh start, events resume from the group's committed offsets (else the earliest),
   * while the risk facts and rule packs ({@code whole}) are always read from the start: they are
   * cumulative, and a compacted topic keeps that cheap.
   */
  @SuppressWarnings("deprecation") // OffsetResetStrategy: what the connector's API takes
  static KafkaSource<String> kafkaSource(String bootstrap, String topic, String group, boolean whole) {
    Properties p = new Properties();
    p.setProperty("isolation.level", "read_committed");
    return KafkaSource.<String>builder()
        .setBootstrapServers(bootstrap)
        .setTopics(topic)
        .setGroupId(group)
        .setStartingOffsets(whole ? OffsetsInitializer.earliest()
            : OffsetsInitializer.committedOffsets(org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
        .setValueOnlyDeserializer(new SimpleStringSchema())
        .setProperties(p)
        .build();
  }

  static byte[] secret(String file) throws IOException {
    if (file == null) {
      throw new IllegalArgumentException("--secret-file is required: identifiers must hash the same way everywhere\n" + USAGE);
    }
    byte[] s = Files.readAllBytes(Path.of(file));
    if (s.length < 16) {
      throw new IllegalArgumentException("the secret in " + file + " must be at least 16 bytes");
    }
    return s;
  }

  private static String require(Map<String, String> a, String key) {
    String v = a.get(key);
    if (v == null) {
      throw new IllegalArgumentException("--" + key + " is required (or --input for file mode)\n" + USAGE);
    }
    return v;
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i] + "\n" + USAGE);
      }
      String k = args[i].substring(2);
      if (k.equals("help")) {
        out.put(k, "");
      } else if (i + 1 < args.length) {
        out.put(k, args[++i]);
      } else {
        throw new IllegalArgumentException("--" + k + " needs a value\n" + USAGE);
      }
    }
    return out;
  }
}
