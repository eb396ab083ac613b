package dev.chainbreaker.flink;

import dev.chainbreaker.core.Decision;
import dev.chainbreaker.core.DecisionJson;
import dev.chainbreaker.core.Step;
import dev.chainbreaker.core.SubjectState;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventBinary;
import dev.chainbreaker.core.event.EventData;
import dev.chainbreaker.core.event.EventType;
import dev.chainbreaker.core.event.Protected;
import dev.chainbreaker.core.graph.Entity;
import dev.chainbreaker.core.graph.EntityKind;
import dev.chainbreaker.core.graph.IdentityGraph;
import dev.chainbreaker.core.rules.RulePack;
import dev.chainbreaker.core.rules.RulePackException;
import dev.chainbreaker.core.rules.RulePackLoader;
import dev.chainbreaker.core.state.PhoneState;
import dev.chainbreaker.core.state.StateCodec;
import dev.chainbreaker.screen.Screener;
import dev.chainbreaker.screen.Verdict;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 1, keyed by phone: the core's step function ({@link Step}) on the phone's state, kept in
 * keyed state in the core's one byte encoding ({@link StateCodec}).
 *
 * <p>Per phone it keeps a {@link PhoneRecord} (the encoded state and its TTL deadline) and a map of
 * entity views. The identity graph the step function reads and writes is, for each event, a small graph
 * rebuilt from (a) this phone's own view of the entities its events named (keyed map state), and
 * (b) the risk facts other phones caused, which arrive as broadcast from the entity stage. What the
 * step changes in that view is kept, and what other phones must learn (an entity put at risk, a
 * card frozen) goes to the {@link #FACTS} side output for the entity stage. See docs/flink.md for
 * why, and what it costs in consistency.
 *
 * <p>Rule packs arrive as broadcast too and swap between two events of the same subtask.
 */
public final class PhoneStage extends KeyedBroadcastProcessFunction<Long, Envelope, Control, DecisionRecord> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PhoneStage.class);

  /** Broadcast: the rule pack in force, under {@link #CURRENT}. */
  public static final MapStateDescriptor<String, String> PACKS =
      new MapStateDescriptor<>("rule-packs", Types.STRING, Types.STRING);
  /** Broadcast: entities other phones put at risk (or their owners froze). */
  public static final MapStateDescriptor<Long, EntityFact> RISKS =
      new MapStateDescriptor<>("entity-risk", Types.LONG, TypeInformation.of(EntityFact.class));
  static final String CURRENT = "current";

  /** Changes of this phone's view that the entity stage must hear about. */
  public static final OutputTag<EntityFact> FACTS = new OutputTag<>("entity-facts", TypeInformation.of(EntityFact.class));

  private final String initialPack;
  private final long ttlMs;

  private transient ValueState<PhoneRecord> phoneState;
  private transient MapState<Long, EntityFact> view;
  private transient Step step;
  private transient String stepYaml;
  private transient StateCodec codec;
  private transient Screener screener;
  private transient IdentityGraph graph;
  private transient long[] loaded;
  private transient EntityFact[] loadedFacts;
  private transient int loadedCount;
  private transient Counter decided;

  /**
   * @param initialPack the YAML of the pack to use until a pack arrives on the broadcast input
   * @param ttlMs processing-time quiet after which a phone's state is dropped; 0 for the pack's {@code stateTtl}
   */
  public PhoneStage(String initialPack, long ttlMs) {
    this.initialPack = initialPack;
    this.ttlMs = ttlMs;
  }

  @Override
  public void open(OpenContext openContext) {
    phoneState = getRuntimeContext().getState(new ValueStateDescriptor<>("phone", TypeInformation.of(PhoneRecord.class)));
    view = getRuntimeContext().getMapState(new MapStateDescriptor<>("entities", Types.LONG, TypeInformation.of(EntityFact.class)));
    graph = new IdentityGraph(32);
    loaded = new long[32];
    loadedFacts = new EntityFact[32];
    decided = getRuntimeContext().getMetricGroup().counter("eventsDecided");
    install(RulePackLoader.load(initialPack), initialPack);
  }

  private void install(RulePack pack, String yaml) {
    step = new Step(pack);
    stepYaml = yaml;
    codec = new StateCodec(pack.signalNames(), pack.counterNames(), pack.counterWindows(), RulePack.COUNTER_BUCKETS);
  }

  /** After a restore, or when this subtask's broadcast state was updated: decide with the pack in it. */
  private void ensurePack(ReadOnlyBroadcastState<String, String> packs) throws Exception {
    String yaml = packs.get(CURRENT);
    if (yaml != null && yaml != stepYaml) {
      if (yaml.equals(stepYaml)) {
        stepYaml = yaml;
      } else {
        install(RulePackLoader.load(yaml), yaml);
      }
    }
  }

  @Override
  public void processBroadcastElement(Control c, Context ctx, Collector<DecisionRecord> out) throws Exception {
    if (c.kind == Control.PACK) {
      RulePack pack;
      try {
        pack = RulePackLoader.load(c.yaml);
      } catch (RulePackException e) {
        LOG.error("rule pack rejected, keeping {} {}: {}", step.pack().name(), step.pack().version(), e.getMessage());
        return;
      }
      BroadcastState<String, String> packs = ctx.getBroadcastState(PACKS);
      packs.put(CURRENT, c.yaml);
      install(pack, c.yaml);
      LOG.info("rule pack {} {} in force", pack.name(), pack.version());
    } else {
      BroadcastState<Long, EntityFact> risks = ctx.getBroadcastState(RISKS);
      EntityFact known = risks.get(c.entity);
      EntityFact f = known == null ? new EntityFact() : known;
      f.entity = c.entity;
      f.frozen |= c.frozen;
      if (c.atRiskSince != Long.MIN_VALUE && (!f.atRisk() || c.atRiskSince < f.atRiskSince)) {
        f.atRiskSince = c.atRiskSince;
        f.atRiskPhone = c.atRiskPhone;
        f.evidence = c.evidence.clone();
      }
      risks.put(c.entity, f);
    }
  }

  @Override
  public void processElement(Envelope env, ReadOnlyContext ctx, Collector<DecisionRecord> out) throws Exception {
    ensurePack(ctx.getBroadcastState(PACKS));
    Event e = EventBinary.decode(env.event);
    long phone = ctx.getCurrentKey();
    PhoneRecord record = phoneState.value();
    PhoneState s = record == null ? new PhoneState() : codec.decode(record.state);
    Verdict verdict = e.type() == EventType.MESSAGE_RECEIVED ? screen(e) : null;

    ReadOnlyBroadcastState<Long, EntityFact> risks = ctx.getBroadcastState(RISKS);
    graph.clear();
    loadedCount = 0;
    EventData d = e.data();
    load(d.idNumber(), EntityKind.ID_NUMBER, s, phone, risks);
    load(d.card(), EntityKind.CARD, s, phone, risks);
    load(d.disburseTo(), EntityKind.CARD, s, phone, risks);
    load(d.account(), EntityKind.ACCOUNT, s, phone, risks);

    SubjectState before = s.state();
    Decision decision = step.decide(e, phone, s, graph, verdict);

    if (before != SubjectState.COMPROMISED && s.state() == SubjectState.COMPROMISED) {
      // The step propagated the takeover to every entity linked to this line; those the event did not
      // name were not in the per-event graph: mark them now, exactly as the step would have.
      String[] chain = s.chain();
      for (long link : s.links()) {
        if (graph.get(link) == null) {
          EntityFact known = view.get(link);
          remember(link, known);
          if (known != null) {
            known.loadInto(graph, phone, null);
          } else {
            graph.link(link, null, phone, e.timeMs());
          }
          graph.markAtRisk(link, e.subject(), e.timeMs(), chain);
        }
      }
    }
    for (int i = 0; i < loadedCount; i++) {
      save(loaded[i], loadedFacts[i], phone, ctx);
    }
    // Entities the event named for the first time (not loaded before the step).
    save(d.idNumber(), phone, ctx);
    save(d.card(), phone, ctx);
    save(d.disburseTo(), phone, ctx);
    save(d.account(), phone, ctx);

    if (record == null) {
      record = new PhoneRecord();
    }
    record.state = codec.encode(s);
    touch(record, ctx);
    phoneState.update(record);
    decided.inc();
    out.collect(new DecisionRecord(e.subject(), DecisionJson.toReplayJson(decision, e)));
  }

  private Verdict screen(Event e) {
    String text = e.data().text();
    if (text == null) {
      return null;
    }
    if (screener == null) {
      screener = Screener.standard();
    }
    return screener.screen(text, e.data().sender());
  }

  /** Puts an entity the event names into the per-event graph, as this phone (and the broadcast) knows it. */
  private void load(Protected p, EntityKind kind, PhoneState s, long phone, ReadOnlyBroadcastState<Long, EntityFact> risks)
      throws Exception {
    if (p == null || graph.get(p.hash()) != null) {
      return;
    }
    long h = p.hash();
    EntityFact known = view.get(h);
    remember(h, known);
    if (known != null) {
      known.loadInto(graph, phone, kind);
    } else if (s.isLinked(h) || s.isTainted(h)) {
      graph.link(h, kind, phone, 0); // known to this phone, nothing else to know
    }
    EntityFact risk = risks.get(h);
    if (risk != null) {
      if (graph.get(h) == null) {
        graph.link(h, kind, phone, 0);
      }
      if (risk.frozen) {
        graph.frozenByOwner(h);
      }
      if (risk.atRisk()) {
        graph.markAtRisk(h, risk.atRiskPhone, risk.atRiskSince, risk.evidence);
      }
    }
  }

  private void remember(long h, EntityFact known) {
    if (loadedCount == loaded.length) {
      loaded = java.util.Arrays.copyOf(loaded, loadedCount * 2);
      loadedFacts = java.util.Arrays.copyOf(loadedFacts, loadedCount * 2);
    }
    loaded[loadedCount] = h;
    loadedFacts[loadedCount++] = known;
  }

  private boolean wasLoaded(long h) {
    for (int i = 0; i < loadedCount; i++) {
      if (loaded[i] == h) {
        return true;
      }
    }
    return false;
  }

  private void save(Protected p, long phone, ReadOnlyContext ctx) throws Exception {
    if (p != null && !wasLoaded(p.hash())) {
      remember(p.hash(), null);
      save(p.hash(), null, phone, ctx);
    }
  }

  /** Keeps what the step changed in this phone's view; tells the entity stage what others must learn. */
  private void save(long h, EntityFact before, long phone, ReadOnlyContext ctx) throws Exception {
    Entity en = graph.get(h);
    if (en == null) {
      return;
    }
    EntityFact now = EntityFact.of(en, phone);
    if (now.kind < 0 && before != null) {
      now.kind = before.kind;
    }
    if (now.worthKeeping()) {
      if (!now.sameFacts(before)) {
        view.put(h, now);
      }
    } else if (before != null) {
      view.remove(h);
    }
    if ((now.atRisk() || now.frozen) && !now.sameRisk(before)) {
      ctx.output(FACTS, now);
    }
  }

  /** State TTL on processing time: one timer per phone and TTL-hour, the last one wins. */
  private void touch(PhoneRecord record, ReadOnlyContext ctx) {
    long ttl = ttlMs > 0 ? ttlMs : step.pack().settings().stateTtlMs();
    long now = ctx.timerService().currentProcessingTime();
    long at = ((now + ttl) / 3_600_000L + 1) * 3_600_000L;
    if (record.expiresAt != at) {
      ctx.timerService().registerProcessingTimeTimer(at);
      record.expiresAt = at;
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<DecisionRecord> out) throws Exception {
    PhoneRecord record = phoneState.value();
    if (record != null && record.expiresAt == timestamp) {
      phoneState.clear();
      view.clear();
    }
  }
}
