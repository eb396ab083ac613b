package dev.chainbreaker.flink;

import java.util.Arrays;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Stage 2, keyed by entity (ID-number, card or account hash): the identity graph's record of each
 * entity that matters to other phones, merged from what the phones reported. When an entity is
 * newly put at risk (or at risk from an earlier moment, or frozen by its owner), it says so once,
 * as a {@link Control#RISK} fact, for every phone-stage instance (the feedback topic carries it back
 * as broadcast). The earliest marking wins, as in {@link dev.chainbreaker.core.graph.IdentityGraph}.
 */
public final class EntityStage extends KeyedProcessFunction<Long, EntityFact, Control> {
  private static final long serialVersionUID = 1L;
  static final int MAX_PHONES = 4;

  private transient ValueState<EntityFact> record;

  @Override
  public void open(OpenContext openContext) {
    record = getRuntimeContext().getState(new ValueStateDescriptor<>("entity", TypeInformation.of(EntityFact.class)));
  }

  @Override
  public void processElement(EntityFact f, Context ctx, Collector<Control> out) throws Exception {
    EntityFact r = record.value();
    boolean changed = false;
    if (r == null) {
      r = new EntityFact();
      r.entity = f.entity;
      r.kind = f.kind;
      r.firstSeen = f.firstSeen;
      changed = f.atRisk() || f.frozen;
    }
    if (r.kind < 0) {
      r.kind = f.kind;
    }
    if (f.firstSeen != Long.MIN_VALUE && (r.firstSeen == Long.MIN_VALUE || f.firstSeen < r.firstSeen)) {
      r.firstSeen = f.firstSeen;
    }
    if (f.createdAt != Long.MIN_VALUE && (r.createdAt == Long.MIN_VALUE || f.createdAt < r.createdAt)) {
      r.createdAt = f.createdAt;
    }
    if (f.frozen && !r.frozen) {
      r.frozen = true;
      changed = true;
    }
    if (f.atRisk() && (!r.atRisk() || f.atRiskSince < r.atRiskSince)) {
      r.atRiskSince = f.atRiskSince;
      r.atRiskPhone = f.atRiskPhone;
      r.evidence = f.evidence.clone();
      changed = true;
    }
    addPhone(r, f.phone);
    record.update(r);
    if (changed) {
      out.collect(Control.risk(r));
    }
  }

  private static void addPhone(EntityFact r, long phone) {
    for (long p : r.phones) {
      if (p == phone) {
        return;
      }
    }
    if (r.phones.length == MAX_PHONES) {
      System.arraycopy(r.phones, 1, r.phones, 0, MAX_PHONES - 1);
      r.phones[MAX_PHONES - 1] = phone;
    } else {
      r.phones = Arrays.copyOf(r.phones, r.phones.length + 1);
      r.phones[r.phones.length - 1] = phone;
    }
  }
}
