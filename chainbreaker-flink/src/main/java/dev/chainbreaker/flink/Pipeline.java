package dev.chainbreaker.flink;

import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job's graph, whatever the sources and sinks:
 *
 * <pre>
 * events (JSON lines) ─► parse ─► keyBy(phone) ─► phone stage ─► decisions
 *                                                     ▲    │ facts (side output)
 *           rule packs + risk facts (broadcast) ──────┘    ▼
 *                                                keyBy(entity) ─► entity stage ─► risk facts
 * </pre>
 *
 * The risk facts leave the job; where they come back (Kafka mode: the feedback topic) they join the
 * broadcast input. Operator uids are fixed: savepoints survive upgrades of the job.
 */
public final class Pipeline {
  private Pipeline() {}

  /** What the graph needs. {@code ttlMs} 0: the pack's state TTL. */
  public record Options(String region, byte[] secret, String packYaml, long ttlMs) {}

  /** The graph's outputs. */
  public record Result(SingleOutputStreamOperator<DecisionRecord> decisions, DataStream<Control> risks, DataStream<String> rejected) {}

  /**
   * @param control rule-pack updates and risk facts fed back from the entity stage, or null; the
   *     initial pack is always broadcast first
   */
  public static Result build(StreamExecutionEnvironment env, DataStream<String> lines, DataStream<Control> control, Options o) {
    SingleOutputStreamOperator<Envelope> events = lines
        .process(new ParseEvents(o.region(), o.secret()))
        .returns(TypeInformation.of(Envelope.class))
        .name("parse CloudEvents").uid("parse");
    DataStream<Control> ctl = env
        .fromData(List.of(Control.pack(o.packYaml())), TypeInformation.of(Control.class))
        .name("initial rule pack").uid("initial-pack");
    if (control != null) {
      ctl = ctl.union(control);
    }
    SingleOutputStreamOperator<DecisionRecord> decisions = events
        .keyBy(e -> e.phone, Types.LONG)
        .connect(ctl.broadcast(PhoneStage.PACKS, PhoneStage.RISKS))
        .process(new PhoneStage(o.packYaml(), o.ttlMs()))
        .returns(TypeInformation.of(DecisionRecord.class))
        .name("phone stage (step function)").uid("phone-stage");
    DataStream<Control> risks = decisions.getSideOutput(PhoneStage.FACTS)
        .keyBy(f -> f.entity, Types.LONG)
        .process(new EntityStage())
        .returns(TypeInformation.of(Control.class))
        .name("entity stage (identity graph)").uid("entity-stage");
    return new Result(decisions, risks, events.getSideOutput(ParseEvents.REJECTED));
  }
}
