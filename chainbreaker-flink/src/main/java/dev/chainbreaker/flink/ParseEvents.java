package dev.chainbreaker.flink;

import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventBinary;
import dev.chainbreaker.core.event.EventCodec;
import dev.chainbreaker.core.event.EventException;
import dev.chainbreaker.core.event.PhoneNumbers;
import dev.chainbreaker.core.event.Sensitive;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The edge of the job: a CloudEvent JSON line becomes a validated event, its identifiers hashed
 * with the deployment secret ({@link Sensitive}), keyed by its phone. A line that breaks the contract
 * goes to the {@link #REJECTED} side output with the reason, never into the state.
 */
public final class ParseEvents extends ProcessFunction<String, Envelope> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<String> REJECTED = new OutputTag<>("rejected") {
    private static final long serialVersionUID = 1L;
  };

  private final String region;
  private final byte[] secret;
  private transient EventCodec codec;
  private transient Counter rejected;

  public ParseEvents(String region, byte[] secret) {
    this.region = region;
    this.secret = secret.clone();
  }

  @Override
  public void open(OpenContext openContext) {
    codec = new EventCodec(new PhoneNumbers(region), new Sensitive(secret));
    rejected = getRuntimeContext().getMetricGroup().counter("eventsRejected");
  }

  @Override
  public void processElement(String line, Context ctx, Collector<Envelope> out) {
    if (line.isBlank()) {
      return;
    }
    Event e;
    try {
      e = codec.parse(line);
    } catch (EventException | IllegalArgumentException ex) {
      rejected.inc();
      ctx.output(REJECTED, ex.getMessage() + "\t" + line);
      return;
    }
    out.collect(new Envelope(PhoneNumbers.key(e.subject()), e.timeMs(), EventBinary.encode(e)));
  }
}
